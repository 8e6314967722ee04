"""PH001 figure placeholders, PH002 name placeholders: what they flag, and the look-alikes they leave."""

from __future__ import annotations

import json

import pytest
from helpers import lint_text, shared_path

from reportlint.analysis.placeholders import FIGURE, NAME, find_placeholders


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], kind) for start, end, kind in find_placeholders(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年完成固定资产投资xx亿元。", [("xx", FIGURE)]),
        ("地区生产总值增长*%，", [("*", FIGURE)]),
        ("新引进XX个项目", [("XX", FIGURE)]),
        ("共开展督查X次。", [("X", FIGURE)]),
        ("投入××万元", [("××", FIGURE)]),
        ("召开第xx届运动会", [("xx", FIGURE)]),
        ("于X月X日召开", [("X", FIGURE), ("X", FIGURE)]),
        ("全年完成*。", [("*", FIGURE)]),
        ("税收收入增长xx，", [("xx", FIGURE)]),
        ("制定“X+X”方案", [("X", FIGURE), ("X", FIGURE)]),
        ("参加ｘｘ余人次", [("ｘｘ", FIGURE)]),
        ("与xx公司签约", [("xx", NAME)]),
        ("**党工委坚持", [("**", NAME)]),
        ("X区委召开常委会", [("X", NAME)]),
        ("某某同志任组长", [("某某", NAME)]),
        ("由○○负责", [("○○", NAME)]),
        ("□□单位", [("□□", NAME)]),
        ("推动xx项目建设", [("xx", NAME)]),
        ("由xxxxxxxxxx牵头", [("xxxxxxxxxx", NAME)]),
        ("组织X名在职干部", [("X", FIGURE)]),
        ("对X个单位负责人", [("X", FIGURE)]),
        ("二是强力推动X。", [("X", NAME)]),
        ("召开xx2021年度工作会", [("xx", NAME)]),
        ("确保20xx年底前建成", [("20xx", FIGURE)]),
        ("紧扣20XX年度部署", [("20XX", FIGURE)]),
        ("200X年建成的敬老院", [("200X", FIGURE)]),
        ("20*年启动", [("20*", FIGURE)]),
        ("20__年完成", [("20__", FIGURE)]),
        ("二〇XX年一月", [("二〇XX", FIGURE)]),
        ("完成投资__万元", [("__", FIGURE)]),
        ("办好第_届桃花节", [("_", FIGURE)]),
        ("2026年1月__日", [("__", FIGURE)]),
        ("局长  ____同志", [("____", NAME)]),
        ("（____）", [("____", NAME)]),
        ("报告人：某局长", [("某局长", NAME)]),
        ("某局对问题一查了之", [("某局", NAME)]),
        ("交某某科办理", [("某某", NAME)]),
        ("请某县长审定", [("某县长", NAME)]),
        ("“××”行动", [("××", NAME)]),
    ],
)
def test_flags_placeholders_with_exact_span_and_kind(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "企业成功实现IPO上市",
        "建成5G基站1200个",
        "购置X光机3台、X射线探伤设备1套",
        "PM2.5平均浓度下降",
        "访问 http://www.example.com/xx/index.html 查看",
        "联系邮箱 xxgl@example.cn",
        "按3×4米规格建设",
        "建设2×60万千瓦机组",
        "尺寸为280毫米×135毫米",
        "按5*3的方阵排列",
        "二○二三年十二月",
        "二〇二四年一月",
        "某些领域仍有短板，某种程度上，某个环节，某一方面",
        "支持x86架构的服务器",
        "Max、Xbox、Linux",
        "* 项目一",
        "○ 第一项",
        "□ 同意",
        "某科学家指出，某项改革在某局部推开",
        "新港工业园某企业、某公司，某县某村",
        "74集团军某旅",
        "实施“人工智能+”行动和“数据要素×”三年行动",
        "构建“1+N+X”政策体系，推行“1+X”证书制度",
        "创建“双X”示范，推进“三X”工程",
        "标注“×××人民政府”字样，与“×××人民政府”右端对齐",
        "地址格式为“XX县XX镇”",
        "函数名为file_name，见http://a.cn/x_y",
        "2019年、二〇二〇年",
    ],
)
def test_leaves_look_alikes_alone(text):
    assert find_placeholders(text) == []


def test_markdown_emphasis_is_not_a_placeholder_but_an_unpaired_star_run_is():
    findings = lint_text("**重点**工作稳步推进，**党工委召开会议。\n", fmt="md")
    assert [(f.code, f.text, f.start.column) for f in findings] == [("PH002", "**", 14)]


def test_rules_report_severity_code_and_position():
    findings = lint_text("标题\n全年完成投资xx亿元，xx公司增长*%。\n")
    assert [(f.code, f.severity.label, f.start.line, f.start.column, f.end.column, f.text) for f in findings] == [
        ("PH001", "error", 2, 7, 9, "xx"),
        ("PH002", "warning", 2, 12, 14, "xx"),
        ("PH001", "error", 2, 18, 19, "*"),
    ]


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("全年召开会议【待补充】次。", "【待补充】"),
        ("主要做法（此处填写具体事项）。", "（此处填写具体事项）"),
        ("成效显著（待补充）。", "（待补充）"),
        ("TODO：补充数据", "TODO"),
        ("此处填写主要成效", "此处填写"),
        ("见附表［待核实］", "［待核实］"),
    ],
)
def test_template_markers(text, marker):
    findings = [f for f in lint_text(text) if f.code == "PH003"]
    assert [f.text for f in findings] == [marker]


@pytest.mark.parametrize(
    "text",
    ["　　（待定）　体育总局负责同志", "相关制度有待填写完善", "TODOS列表", "【新华社北京电】", "各单位按要求填写报表"],
)
def test_template_marker_look_alikes(text):
    assert [f for f in lint_text(text) if f.code == "PH003"] == []


def test_allow_list_suppresses_a_word_containing_a_placeholder_mark():
    assert [f.text for f in lint_text("观看X档案纪录片")] == ["X"]
    assert lint_text("观看X档案纪录片", allow=["X档案"]) == []


def test_seed_gold_placeholders_all_found_and_nothing_else():
    """Every placeholder run the proofreader annotated is found with its exact span and kind, and the
    placeholder rules report nothing the proofreader did not mark."""
    gold_file = shared_path("gold", "seeds.jsonl")
    seeds = shared_path("seeds")
    records = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    expected = {
        (r["file"], r["line"], r["col"], r["text"], "PH001" if r["subtype"] == "figure" else "PH002")
        for r in records
        if r["category"] == "placeholder"
    }
    found = set()
    for path in sorted(seeds.glob("*.txt")):
        for f in lint_text(path.read_text(encoding="utf-8"), select=["PH"]):
            found.add((path.name, f.start.line, f.start.column, f.text, f.code))
    assert len(expected) == 501
    assert expected - found == set()
    assert found - expected == set()


def test_published_reports_draw_no_placeholder_finding():
    """State Council work reports and CPC congress reports are proofread: zero PH findings."""
    count = 0
    for name in ("government_work_reports.jsonl", "cpc_congress_reports.jsonl"):
        path = shared_path("data", "chinese-political-corpora", name)
        for line in path.read_text(encoding="utf-8").splitlines():
            report = json.loads(line)
            findings = lint_text(report["content"], select=["PH"])
            assert findings == [], (report["title"], [(f.code, f.text, f.context) for f in findings])
            count += 1
    assert count == 88
