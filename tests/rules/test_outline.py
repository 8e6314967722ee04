"""SEC rules: what each flags (code, span, message, fix) and the look-alikes each leaves alone."""

from __future__ import annotations

import pytest
from helpers import lint_text

from reportlint.catalog import base_registry
from reportlint.findings import Severity


def sec(text: str, fmt: str = "txt") -> list[tuple[str, int, int, str]]:
    """(code, line, column, flagged text) of the SEC findings."""
    return [(f.code, f.start.line, f.start.column, f.text) for f in lint_text(text, fmt, select=["SEC"])]


def only(text: str, fmt: str = "txt"):
    (finding,) = lint_text(text, fmt, select=["SEC"])
    return finding


def fix_of(finding) -> tuple[str, bool] | None:
    if finding.fix is None:
        return None
    (edit,) = finding.fix.edits
    return edit.content, finding.fix.safe


# A clean draft of our own, with every kind of numbering the rules look at: it must draw nothing.
CLEAN_DRAFT = """\
关于2024年工作情况的报告
一、2024年工作回顾
一年来，我们重点抓了以下四个方面：
（一）抓党建。一是深化理论学习，全年开展集中学习12次。二是夯实基层基础。三是加强作风建设。
（二）抓项目。全年实施重点项目15个，完成投资1.5亿元。其一，盯紧在建项目；其二，储备新项目。
（三）抓招商。第一，聚焦主导产业；第二，优化招商方式。全市排名第一，增速领先。
（四）抓安全。首先，压实责任。其次，排查隐患。再次，强化演练。最后，严格问责。
二、存在的不足
我们一方面看到成绩，另一方面也清醒认识到差距，思想统一是行动一致的前提。
（一）项目储备不足。
（二）要素保障偏弱。
三、2025年工作打算
（一）抓好项目建设。
1.推进续建项目。一是确保5个项目年内投产。
2.谋划新建项目。
（二）优化营商环境。
附件：1.2024年重点项目清单
　　　2.2025年计划新开工项目清单
"""


def test_a_clean_draft_draws_nothing():
    assert sec(CLEAN_DRAFT) == []


# ------------------------------------------------------------------------------------------ SEC001


def test_skipped_heading():
    finding = only("一、工作成效\n（一）甲。\n（二）乙。\n（四）丙。\n")
    assert (finding.code, finding.start.line, finding.start.column, finding.text) == ("SEC001", 4, 1, "（四）")
    assert finding.message == "序号从“（二）”跳到“（四）”，缺“（三）”：请补齐或改为“（三）”"
    assert fix_of(finding) == ("（三）", False)
    assert finding.severity is Severity.ERROR
    assert [(r.start.line, r.start.column) for r in finding.related] == [(3, 1)]


def test_skipped_inline_enumerator_and_arabic_list():
    assert sec("主要做法：一是甲。二是乙。三是丙。五是丁。\n") == [("SEC001", 1, 18, "五是")]
    assert only("一是甲。二是乙。五是丁。\n").message == "序号从“二是”跳到“五是”，缺“三是”“四是”：请补齐或改为“三是”"
    assert sec("一、甲\n1.子一\n2.子二\n4.子四\n") == [("SEC001", 4, 1, "4.")]
    assert only("第一，甲；第二，乙；第四，丙。\n").message == "序号从“第二”跳到“第四”，缺“第三”：请补齐或改为“第三，”"


def test_skips_across_paragraphs_that_begin_with_the_enumerator():
    assert sec("主要做法：\n一是甲。\n二是乙。\n四是丙。\n") == [("SEC001", 4, 1, "四是")]


@pytest.mark.parametrize(
    "text",
    [
        "一、甲\n（一）a\n二、乙\n（一）b\n（二）c\n",  # restart under a new parent
        "（一）甲。一是a。二是b。\n（二）乙。一是c。\n",  # every paragraph's own run
        "一是甲。二是乙。照片说明三是丙。四是丁。\n",  # 三是 is there, only glued to a caption
        "第一章　总则\n第一条　甲\n第二章　职责\n第二条　乙\n",  # articles run on across chapters
        "本项目统一是关键，唯一是难点。第一次会议。\n",
        "1.5亿元用于改造。\n3.2万人受益。\n",
    ],
)
def test_no_skip(text):
    assert sec(text) == []


# ------------------------------------------------------------------------------------------ SEC002


def test_duplicated_numbers():
    finding = only("一是甲。二是乙。三是丙。四是深化作风建设。五是抓好培训。五是推进标准化建设。\n")
    assert (finding.code, finding.start.column, finding.text) == ("SEC002", 29, "五是")
    assert finding.message == "序号“五是”重复：此处应为“六是”"
    assert fix_of(finding) == ("六是", False)
    assert [(r.start.column, r.message) for r in finding.related] == [(22, "此序号第一次出现处")]
    assert sec("一、存在问题\n（一）甲。\n（二）乙。\n（二）丙。\n") == [("SEC002", 4, 1, "（二）")]


@pytest.mark.parametrize(
    "text",
    [
        "一是甲。二是乙。一是丙。二是丁。\n",  # two runs in one paragraph
        "一、甲\n1.a\n2.b\n二、乙\n1.c\n",
    ],
)
def test_no_duplicate(text):
    assert sec(text) == []


def test_markdown_lazy_numbering_is_no_duplicate_but_markdown_numbers_are_checked():
    assert sec("1. 甲\n1. 乙\n1. 丙\n", "md") == []
    assert sec("1. 甲\n2. 乙\n2. 丙\n", "md") == [("SEC002", 3, 1, "2.")]
    assert sec("# 一、总体要求\n\n## （一）a\n\n## （三）b\n", "md") == [("SEC001", 5, 4, "（三）")]


# ------------------------------------------------------------------------------------------ SEC003


def test_first_sub_heading_above_one():
    finding = only("一、存在的不足\n（二）招商后劲不足。\n（三）要素保障偏弱。\n")
    assert (finding.code, finding.start.line, finding.text) == ("SEC003", 2, "（二）")
    assert finding.message == "“（二）”是这一组的第一个序号，应从“（一）”开始"
    assert fix_of(finding) == ("（一）", False)
    assert finding.severity is Severity.WARNING


def test_a_fragment_that_starts_above_one():
    assert sec("二、存在的不足\n（一）a\n") == [("SEC003", 1, 1, "二、")]
    assert sec("四是深化作风建设。五是抓好培训。\n") == [("SEC003", 1, 1, "四是")]


def test_numbers_going_back_and_swapped():
    assert only("一、甲\n（一）a\n（二）b\n（三）c\n（二）d\n").message == (
        "序号“（二）”排在“（三）”之后，顺序有误：此处应为“（四）”"
    )
    assert sec("一、甲\n（一）a\n（三）b\n（二）c\n（四）d\n") == [("SEC003", 3, 1, "（三）")]
    assert sec("（一）甲。二是a。三是b。\n") == [("SEC003", 1, 6, "二是")]


@pytest.mark.parametrize(
    "text",
    [
        "（一）甲\n1.子一\n（二）乙\n2.子二\n",  # numbering that runs on under the next heading
        "首先，统一思想。\n第二，压实责任。\n第三，强化督查。\n",  # a run begun in words
        "附件：1.清单一\n2.清单二\n",
    ],
)
def test_not_out_of_order(text):
    assert sec(text) == []


# ------------------------------------------------------------------------------------------ SEC004


def test_a_part_numbered_in_another_style():
    text = "一、甲\n（一）a\n（二）b\n二、乙\n（一）c\n三、丙\n（1）d\n（2）e\n"
    assert sec(text) == [("SEC004", 7, 1, "（1）"), ("SEC004", 8, 1, "（2）")]
    finding = lint_text(text, select=["SEC"])[0]
    assert finding.message == "同级序号用“（一）”式，此处用“（1）”：应为“（一）”"
    assert fix_of(finding) == ("（一）", False)
    assert [r.start.line for r in finding.related] == [2]


def test_one_heading_in_a_siblings_style():
    assert sec("一、甲\n（一）a\n（二）b\n（3）c\n（四）d\n") == [("SEC004", 4, 1, "（3）")]


@pytest.mark.parametrize(
    "text",
    [
        "一、甲\n1.a\n二、乙\n1.b\n",  # 1. directly under 一、 throughout
        "一、甲\n1.a\n二、乙\n（一）b\n1.c\n三、丙\n1.d\n",  # an extra level in one part
        "一、甲\n（一）a\n二、乙\n（1）b\n",  # one part against one: no usage to go by
    ],
)
def test_style_left_alone(text):
    assert sec(text) == []


# ------------------------------------------------------------------------------------------ SEC005


@pytest.mark.parametrize(
    ("text", "flagged", "column", "replacement", "severity"),
    [
        ("一.总体要求\n", ".", 2, "、", Severity.WARNING),
        ("二．重点任务\n", "．", 2, "、", Severity.WARNING),
        ("四.2027年工作安排\n", ".", 2, "、", Severity.WARNING),  # a year after the point is the heading's text
        ("（一）、强化理论学习\n", "、", 4, "", Severity.WARNING),
        ("（1）.聚焦主业\n", ".", 4, "", Severity.WARNING),
        ("②、带圈数字\n", "、", 2, "", Severity.WARNING),
        ("第一章、总则\n", "、", 4, "", Severity.WARNING),
        ("第一、提高站位；第二、压实责任。\n", "、", 3, "，", Severity.WARNING),
        ("1、加强组织领导\n", "、", 2, ".", Severity.INFO),
    ],
)
def test_ordinal_punctuation(text, flagged, column, replacement, severity):
    finding = lint_text(text, select=["SEC005"])[0]
    assert (finding.text, finding.start.column, finding.severity) == (flagged, column, severity)
    assert fix_of(finding) == (replacement, True)


def test_ordinal_punctuation_messages():
    assert only("（一）、强化理论学习\n").message == "序号“（一）”后不加点号：删去“、”"
    assert only("一.总体要求\n").message == "“一.”应作“一、”"


@pytest.mark.parametrize(
    "text",
    ["一、总体要求\n", "（一）强化学习\n", "1.加强领导\n", "1．加强领导\n", "（1）聚焦主业\n", "第一，提高站位。\n"]
    + ["第一章　总则\n", "推动第一、二、三产业融合。\n", "①带圈数字\n", "1.5亿元\n", "第一、第二产业\n"]
    + ["二.1 适用范围\n", "二.3.2 技术要求\n", "五.12\n"],  # hierarchical numbers
)
def test_correct_ordinal_punctuation(text):
    assert lint_text(text, select=["SEC005"]) == []


# ------------------------------------------------------------------------------------------ SEC006


def test_announced_count_disagrees_with_the_list():
    finding = only("重点抓好以下三个方面：一是甲；二是乙；三是丙；四是丁。\n")
    assert (finding.code, finding.start.column, finding.text) == ("SEC006", 7, "三个方面")
    assert finding.message == "“三个方面”与其后列出的4项（“一是”至“四是”）不符：请核对"
    assert finding.fix is None
    assert [r.start.column for r in finding.related] == [24]
    assert sec("今年重点做好五项工作：\n（一）甲\n（二）乙\n（三）丙\n") == [("SEC006", 1, 7, "五项")]
    assert sec("有两点体会：首先，要学。其次，要干。最后，要总结。\n") == [("SEC006", 1, 2, "两点")]


def test_fewer_items_than_announced_is_only_a_style_point():
    finding = only("抓好以下四项工作：一是甲；二是乙；三是丙。\n")
    assert (finding.code, finding.text, finding.severity) == ("SEC006", "四项", Severity.INFO)


@pytest.mark.parametrize(
    "text",
    [
        "重点抓好以下三个方面：一是甲；二是乙；三是丙。\n",
        "主要有两点：\n一是甲。\n二是乙。\n",
        "做好以下几个方面：一是甲；二是乙；三是丙。\n",
        "做到“两个维护”：一是甲；二是乙；三是丙。\n",
        "全面贯彻党的二十大精神，做好以下工作：一是甲；二是乙。\n",
        "抓好三件事：一是甲；二是乙；四是丙。\n",  # the gap is SEC001's; 3 items agree with the count
    ],
)
def test_announced_count_left_alone(text):
    assert [f.code for f in lint_text(text, select=["SEC006"])] == []


# ------------------------------------------------------------------------------------------ SEC007


def test_one_side_without_the_other():
    finding = only("园区一方面加快存量企业技术改造，推动产业提档升级。\n")
    assert (finding.code, finding.start.column, finding.text, finding.severity) == (
        "SEC007",
        3,
        "一方面",
        Severity.INFO,
    )


@pytest.mark.parametrize(
    "text",
    [
        "一方面稳增长，另一方面防风险。\n",
        "我们一方面稳增长，一方面防风险。\n",
        "一方面稳增长。\n另一方面，要防风险。\n",
        "一方面要扩大民主，又一方面要加强集中。\n",
        "在这一方面，我们还有差距。\n",
        "这只是一方面。\n",
        "要看到积极的一方面。\n",
    ],
)
def test_both_sides_or_no_connective(text):
    assert sec(text) == []


# ------------------------------------------------------------------------------------------ documentation


def test_every_sec_rule_is_registered_and_documented_with_an_example():
    rules = [rule for rule in base_registry() if rule.code.startswith("SEC")]
    assert [rule.code for rule in rules] == [f"SEC00{n}" for n in range(1, 8)]
    for rule in rules:
        rule.validate()
        assert "示例：" in rule.doc and "忽略方法：" in rule.doc


def test_a_subheading_glued_to_its_heading_line_is_the_first_of_its_group():
    text = "一、主要成效（一）抓党建强引领，堡垒更加坚强。\n（二）抓产业促发展。\n（四）抓环境优生态。\n"
    assert sec(text) == [("SEC001", 3, 1, "（四）")]


def test_a_glued_subheading_is_not_read_in_a_sentence():
    text = "一、主要成效。经过努力（一）项完成。\n（二）抓产业促发展。\n"
    assert sec(text) == sec("一、主要成效。经过努力项完成。\n（二）抓产业促发展。\n")


def test_a_list_introduced_by_a_colon_may_use_another_style_than_the_subheadings_of_its_level():
    text = (
        "一、总体情况\n（一）思想认识不到位。\n（二）排查不彻底。\n二、存在问题\n（一）监管不严格。\n"
        "三、典型问题\n对发现的典型问题予以通报：\n1.某餐饮店使用不合格软管。\n2.某加工厂电线私拉乱接。\n"
    )
    assert sec(text) == []
    slipped = text.replace("对发现的典型问题予以通报：\n", "")
    assert [code for code, *_ in sec(slipped)] == ["SEC004", "SEC004"]
