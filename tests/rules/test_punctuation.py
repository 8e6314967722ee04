"""PUN001–PUN011 punctuation and spacing rules: what each flags (exact span and fix) and the look-alikes it
leaves alone. Every fixture is our own writing in the style of the genre."""

from __future__ import annotations

import io
import json

import docx
import pytest
from helpers import REPO, lint_text, run_cli

from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigSpec, Settings
from reportlint.engine.lint import lint_document
from reportlint.findings import Severity
from reportlint.readers import read_bytes


def found(text: str, code: str, fmt: str = "txt") -> list[tuple[str, int, str | None]]:
    """(flagged text, 1-based column, replacement) of the findings of rule ``code`` in a one-line draft."""
    return [
        (f.text, f.start.column, f.fix.edits[0].content if f.fix else None)
        for f in lint_text(text + "\n", fmt=fmt, select=[code])
    ]


def findings(text: str, code: str, fmt: str = "txt"):
    return lint_text(text, fmt=fmt, select=[code])


# --- PUN001 half-width , ; : ? ! ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("园区全年新签约项目36个,总投资52亿元。", [(",", 13, "，")]),
        ("全年增长15%, 全年完成投资。", [(", ", 8, "，")]),  # the space after it goes too
        ("各位代表:", [(":", 5, "：")]),
        ("真的完成了吗??", [("??", 7, "？？")]),
        ("我们一定要加油!", [("!", 8, "！")]),
        ("树牢“底线思维”,强化“系统观念”;", [(",", 9, "，"), (";", 18, "；")]),
        ("会议时间:10:30", [(":", 5, "：")]),  # not the colon of the time
        ("英文名称为Hello,世界。", [(",", 11, "，")]),
    ],
)
def test_halfwidth_punctuation_flags_marks_beside_chinese(text, expected):
    assert found(text, "PUN001") == expected


@pytest.mark.parametrize(
    "text",
    [
        "全年完成投资1,234万元。",
        "上午10:30召开会议，比例为3:2，A:B两组。",
        "他在致辞中说Hello, world。",
        "详见 http://www.example.cn/list?id=1,2;page=3 页面。",
        "近日&nbsp;园区召开会议。",  # a character reference of a scraped page
        "Q: How? A: Fine!",
    ],
)
def test_halfwidth_punctuation_leaves_numbers_latin_text_and_urls_alone(text):
    assert found(text, "PUN001") == []


def test_halfwidth_punctuation_skips_markdown_code_but_not_the_prose_around_it():
    assert found("运行`a,b;c`命令,完成部署。", "PUN001", fmt="md") == [(",", 12, "，")]


# --- PUN002 half-width parentheses ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("各镇(街道)、各部门要压实责任。", [("(", 3, "（"), (")", 6, "）")]),
        ("(1)加强党的建设。", [("(", 1, "（"), (")", 3, "）")]),
        ("国内生产总值(GDP)增长5%。", [("(", 7, "（"), (")", 11, "）")]),
        ("（1)加强党的建设。", [(")", 3, "）")]),  # a pair of mixed widths
        ("实施三年计划(2024-2026年)。", [("(", 7, "（"), (")", 18, "）")]),
    ],
)
def test_halfwidth_parentheses_flags_pairs_in_chinese_text(text, expected):
    assert found(text, "PUN002") == expected


@pytest.mark.parametrize(
    "text",
    [
        "函数f(x)的取值，采用IPv4(legacy)协议。",
        "参见 (Table 1) 的数据。",
        "1)加强学习；2)强化落实。",  # enumerators without an opener
        "（1）加强党的建设。",
    ],
)
def test_halfwidth_parentheses_leaves_formulas_latin_text_and_lone_enumerators_alone(text):
    assert found(text, "PUN002") == []


# --- PUN003 doubled punctuation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "safe"),
    [
        ("祝大家新春愉快、阖家幸福，。", [("，。", 13, "。")], False),
        ("一是加强学习，，二是强化落实。", [("，，", 7, "，")], True),
        ("工作取得成效。。", [("。。", 7, "。")], True),
        ("包括招商、、项目建设。", [("、、", 5, "、")], True),
        ("抓好落实；。", [("；。", 5, "。")], False),
        ("这样做对吗？。", [("？。", 6, "？")], False),
    ],
)
def test_doubled_punctuation_keeps_one_mark(text, expected, safe):
    assert found(text, "PUN003") == expected
    assert findings(text + "\n", "PUN003")[0].fix.safe is safe


@pytest.mark.parametrize(
    "text",
    [
        "他说……好的。",
        "这是根本——让群众满意。",
        "难道不是吗？！",
        "太好了！？",
        "冲啊！！！",
        "为什么？？？",
        "还有。。。",
    ],
)
def test_doubled_punctuation_leaves_single_marks_of_two_characters_and_emphasis_alone(text):
    assert found(text, "PUN003") == []


# --- PUN004 unbalanced pairs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("持续深化“一网通办改革，提升政务服务效能。", [("“", 5)]),
        ("持续深化一网通办”改革。", [("”", 9)]),
        ("认真学习《条例精神，抓好落实。", [("《", 5)]),
        ("推进改革（试点工作。", [("（", 5)]),
        ("【通知请各单位落实。", [("【", 1)]),
        ("他说：“要发扬‘钉钉子精神。”", [("‘", 8)]),
        ("试行办法》印发后，各单位要落实。", [("》", 5)]),
    ],
)
def test_unbalanced_pair_reports_the_mark_without_partner(text, expected):
    assert [(t, c) for t, c, _ in found(text, "PUN004")] == expected


def test_unbalanced_pair_message_says_which_mark_is_missing():
    (finding,) = findings("持续深化“一网通办改革。\n", "PUN004")
    assert finding.message == "前引号没有对应的后引号：请补上后引号，或删去多余的前引号"
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize(
    "text",
    [
        "学习《关于〈加强基层治理〉的意见》，落实“两个‘确立’”要求。",
        "China’s economy，中国经济。",
        "1）加强学习；2）强化落实。",
        "（1)加强党的建设。",  # mixed widths: PUN002's finding, not an unbalanced pair
    ],
)
def test_unbalanced_pair_leaves_balanced_text_apostrophes_and_enumerators_alone(text):
    assert found(text, "PUN004") == []


@pytest.mark.parametrize(
    "text",
    [
        "县人民政府办公室关于印发《城乡社区服务体系建设\n规划（2026—2030年）》的通知\n",
        "（2026年3月1日县人民政府第12次常务会议通过　2026年5月\n20日修订）\n",
    ],
)
def test_a_title_or_note_broken_over_two_lines_keeps_its_pair(text):
    assert findings(text, "PUN004") == []


def test_a_pair_across_two_lines_is_reported_when_the_first_line_ends_its_sentence():
    text = "会议要求推进“放管服。\n”改革取得实效。\n"
    assert [(f.start.line, f.text) for f in findings(text, "PUN004")] == [(1, "“"), (2, "”")]
    # nor does a closer of another kind pair with the opener
    assert len(findings("关于印发《城乡社区服务体系建设\n规划”的通知\n", "PUN004")) == 2


def test_a_quotation_over_several_paragraphs_opens_each_and_closes_in_the_last():
    text = "他在讲话中指出：“第一，要加强学习。\n“第二，要狠抓落实。\n“第三，要改进作风。”\n会议要求认真贯彻。\n"
    assert findings(text, "PUN004") == []


@pytest.mark.parametrize(
    "following",
    [
        "第二段没有引号。",  # nothing continues the quotation
        "“十五五”规划编制工作启动。",  # opens with a quotation that closes at once: a new quotation
    ],
)
def test_an_unclosed_quote_is_reported_when_the_next_paragraph_does_not_continue_it(following):
    (finding,) = findings(f"他说：“要加强学习。\n{following}\n", "PUN004")
    assert (finding.start.line, finding.start.column) == (1, 4)


# --- PUN005 ranges -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("实施园区三年提升计划（2024-2026年）。", [("2024-2026", 12, "2024—2026")]),
        ("三年行动计划（2024-2026）。", [("2024-2026", 8, "2024—2026")]),  # years need no unit
        ("1-11月完成投资。", [("1-11", 1, "1—11")]),
        ("服务期限为3-5年。", [("3-5", 6, "3～5")]),
        ("新增5-10个项目，增长1.5-2.0倍。", [("5-10", 3, "5～10"), ("1.5-2.0", 13, "1.5～2.0")]),
        ("服务期限为3~5年，增幅10%~20%。", [("~", 7, "～"), ("~", 16, "～")]),
        ("完成2023–2024年度考核。", [("2023–2024", 3, "2023—2024")]),  # an en dash
        ("2024年-2026年，3月20日-4月5日。", [("2024年-2026", 1, "2024年—2026"), ("20日-4", 15, "20日—4")]),
        ("增长20.5-30.5倍。", [("20.5-30.5", 3, "20.5～30.5")]),
    ],
)
def test_range_dash_flags_hyphen_and_tilde_ranges(text, expected):
    assert found(text, "PUN005") == expected


@pytest.mark.parametrize(
    "text",
    [
        "于2024-03-05召开，联系电话0571-88886666。",
        "按照GB/T 15834-2011和ISO 9001-2015执行。",
        "应对COVID-19疫情。",
        "如图1-2所示，详见附件1-2。",
        "办公时间9:00-17:00。",
        "以3-1获胜，2026-2024年倒序排列。",  # falling numbers are no range
        "位于3-5号楼。",
        "下载 https://example.cn/plan/2024-2026 文件。",
    ],
)
def test_range_dash_leaves_dates_codes_phone_numbers_and_urls_alone(text):
    assert found(text, "PUN005") == []


# --- PUN006 ellipsis, PUN007 dash ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("围绕招商引资、安全生产...等重点工作。", [("...", 12, "……")]),
        ("还有很多工作。。。", [("。。。", 7, "……")]),
        ("还有很多工作。。。。。。", [("。。。。。。", 7, "……")]),
        ("还有很多工作．．．", [("．．．", 7, "……")]),
        ("还有很多工作…", [("…", 7, "……")]),
    ],
)
def test_ellipsis_form_flags_makeshift_ellipses(text, expected):
    assert found(text, "PUN006") == expected


@pytest.mark.parametrize("text", ["还有很多工作……", "（此处略去一段）…………", "and so on...", "从1...10循环。"])
def test_ellipsis_form_leaves_the_proper_mark_and_latin_text_alone(text):
    assert found(text, "PUN006") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这是我们的根本目标--让群众满意。", [("--", 10, "——")]),
        ("--经济总体回升向好。", [("--", 1, "——")]),
        ("这是根本目标－－让群众满意。", [("－－", 7, "——")]),
    ],
)
def test_dash_form_flags_hyphens_for_a_dash(text, expected):
    assert found(text, "PUN007") == expected


@pytest.mark.parametrize(
    "text", ["运行程序时加上 --help 参数。", "使用--verbose选项。", "a--b", "一字线用于2024—2026年。"]
)
def test_dash_form_leaves_options_and_single_dashes_alone(text):
    assert found(text, "PUN007") == []


# --- PUN008 stray spaces -------------------------------------------------------------------------------


def test_stray_space_beside_a_mark_is_a_warning_with_a_safe_fix():
    result = findings("全面落实从严治党责任， 持续推进作风建设，有序启动 “十五五”规划编制。\n", "PUN008")
    assert [(f.text, f.start.column, f.severity, f.fix.safe) for f in result] == [
        (" ", 12, Severity.WARNING, True),
        (" ", 26, Severity.WARNING, True),
    ]


def test_stray_space_between_two_characters_is_info_and_its_fix_unsafe():
    result = findings("一是 加强学习，开展“勤俭节约\u00a0从我做起”宣传活动。\n", "PUN008")
    assert [(f.text, f.start.column, f.severity, f.fix.safe) for f in result] == [
        (" ", 3, Severity.INFO, False),
        ("\u00a0", 16, Severity.INFO, False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "国务院总理李\u3000强",  # not running text: a signature
        "关于2024年 工作的报告",  # a title
        "\u3000\u3000我们要加强学习，狠抓落实。",  # indentation
        "第一条\u3000为了规范督查工作，制定本规定。",
        "新华社北京6月8日电 近日，园区召开会议。",
        "认真学习《中共中央 国务院关于加强基层治理的意见》，抓好落实。",
        "请认真检查。\u3000\u3000\u3000\u3000青川经济开发区党工委",  # alignment
        "使用 Python 编程，增长 15%。",
    ],
)
def test_stray_space_leaves_layout_conventions_and_latin_alone(text):
    assert found(text, "PUN008") == []


def test_stray_space_ignores_markdown_headings():
    assert findings("# 一、 总体要求，全面推进\n", "PUN008", fmt="md") == []


# --- PUN009 trailing whitespace ------------------------------------------------------------------------


@pytest.mark.parametrize("tail", ["  ", "\u00a0\u00a0", "\u3000", "\t"])
def test_trailing_whitespace_flags_every_kind_of_space(tail):
    assert found("扎实推进园区各项重点工作。" + tail, "PUN009") == [(tail, 14, "")]


def test_trailing_whitespace_leaves_indentation_and_markdown_hard_breaks_alone():
    assert found("\u3000\u3000扎实推进各项工作。", "PUN009") == []
    text = "第一行结束。  \n第二行结束。 \n"
    assert [(f.start.line, f.text) for f in findings(text, "PUN009", fmt="md")] == [(2, " ")]


# --- PUN010 missing final mark -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年完成任务。全年完成工业总产值120亿元，推动4家企业升规纳统", [("统", 32, "统。")]),
        ("全年完成任务。我们要落实“首问负责”", [("”", 18, "”。")]),
        ("全年完成任务。全年完成固定资产投资5亿元", [("元", 20, "元。")]),
        ("全年完成任务。下一步要加强学习，", [("，", 16, "。")]),
        ("\u3000\u3000全年完成任务。下一步要加强学习，狠抓落实  ", [("实", 22, "实。")]),
    ],
)
def test_missing_final_mark_flags_an_unfinished_last_sentence(text, expected):
    assert found(text, "PUN010") == expected


def test_a_comma_ending_a_lead_in_to_enumerated_paragraphs_should_be_a_colon():
    text = "全年完成任务。存在问题的主要原因，\n一是认识不到位。\n二是措施不得力。\n"
    (finding,) = findings(text, "PUN010")
    assert finding.message == "段末误用“，”：请改为冒号“：”"
    assert finding.fix is not None and finding.fix.edits[0].content == "："
    # a paragraph after it that does not open with an enumerator: a final mark
    (finding,) = findings("全年完成任务。存在问题的主要原因，\n认识不到位是首要原因。\n", "PUN010")
    assert finding.message == "段末误用“，”：请改为句末点号“。”"


@pytest.mark.parametrize(
    "text",
    [
        "青川经济开发区2024年工作总结",
        "市委：",
        "同志们：",
        "青川经济开发区党工委",
        "2024年12月20日",
        "附件：1.关于加强作风建设的通知",
        "（一）加强党的建设",
        "一、坚持以习近平新时代中国特色社会主义思想为指导，全面加强党的建设",
        "我们完成了任务，全年增长5%",  # no complete sentence before: could be a heading
        "（一）优化审批服务。牵头单位：区发改委、区财政局",
        "（一）优化审批服务。区发改委、区财政局",
        "全年完成任务。（区发改委牵头，各镇配合）",
        "（区发改委牵头，各镇配合。以下均需各镇落实，不再列出）",
        "他说：“要加强学习。”",
        "全年完成任务。请认真检查。\u3000\u3000\u3000\u3000青川经济开发区党工委",
        "全年完成任务。一是抓学习；",
        "全年完成任务……",
        "全年完成任务。下一步——",
    ],
)
def test_missing_final_mark_leaves_titles_headings_signatures_and_notes_alone(text):
    assert found(text, "PUN010") == []


def test_missing_final_mark_leaves_markdown_headings_and_table_cells_alone():
    text = "# 一、总体要求。全面推进\n\n| 项目 | 说明 |\n|---|---|\n| 投资 | 已完成。待验收 |\n"
    assert findings(text, "PUN010", fmt="md") == []


# --- PUN011 enumeration comma between quoted items -----------------------------------------------------


def test_dunhao_between_quotes_is_off_by_default_and_flags_when_selected():
    text = "认真开展“四下基层”、“大走访”活动，学习《条例》、《办法》。\n"
    assert [f.code for f in lint_text(text)] == []
    assert found(text.rstrip(), "PUN011") == [("、", 11, ""), ("、", 26, "")]


def test_dunhao_between_quotes_keeps_the_comma_after_a_note_in_brackets():
    assert found("开展“四下基层”（试行）、“大走访”活动，招商、安全两项工作。", "PUN011") == []


# --- formats and output ---------------------------------------------------------------------------------


def test_docx_paragraph_end_and_manual_line_break_are_line_ends():
    document = docx.Document()
    document.add_paragraph("全年完成任务。下一步要加强学习，推动高质量发展")
    paragraph = document.add_paragraph("第一行结束。\u3000")
    paragraph.add_run().add_break()
    paragraph.add_run("第二行结束。  ")
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = read_bytes(buffer.getvalue(), "draft.docx", "docx")
    assert parsed.blocks[1].text == "第一行结束。\u3000\u2028第二行结束。  "
    settings = Settings(ConfigSpec(select=["PUN009", "PUN010"]), REPO, None, base_registry())
    result, _ = lint_document(parsed, settings)
    assert [(f.code, f.start.line, f.start.column, f.text) for f in result] == [
        ("PUN010", 1, 23, "展"),
        ("PUN009", 2, 7, "\u3000"),
        ("PUN009", 2, 15, "  "),
    ]


def test_json_output_carries_the_fix_edits(tmp_path):
    (tmp_path / "draft.txt").write_text("全年新签约项目36个,总投资52亿元。\n", encoding="utf-8")
    result = run_cli("check", "--output-format", "json", "--select", "PUN", "draft.txt", cwd=tmp_path)
    (finding,) = json.loads(result.stdout)
    assert finding["code"] == "PUN001"
    assert finding["fix"]["applicability"] == "safe"
    assert finding["fix"]["edits"] == [
        {"content": "，", "location": {"row": 1, "column": 11}, "end_location": {"row": 1, "column": 12}}
    ]


# --- PUN008 a space between a figure and its unit -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年发文236 件，比上年多27件。", [(" ", 8, "")]),
        ("增长12.5 %，全年接待游客520 万人次。", [(" ", 7, ""), (" ", 19, "")]),
        ("2025 年12月26日", [(" ", 5, "")]),
        ("同志们，2026 年的任务已经明确。", [(" ", 9, "")]),
    ],
)
def test_stray_space_flags_a_space_between_a_figure_and_its_unit(text, expected):
    assert found(text, "PUN008") == expected


@pytest.mark.parametrize(
    "text",
    [
        "共花了 5000 元，安装 Python 3 版本。",
        "G356 岭南段建成通车。",
        "增长1 5 ．3 ％，达到2 ．5 亿千瓦。",
        "全年发文236件，增长12.5%。",
    ],
)
def test_stray_space_leaves_figures_spaced_on_purpose_alone(text):
    assert found(text, "PUN008") == []


def test_a_document_that_spaces_every_figure_out_is_not_flagged_figure_by_figure():
    text = "。".join(f"第{n}项增长{n} ％" for n in range(1, 7)) + "。"
    assert found(text, "PUN008") == []


# --- PUN012 quote form ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('健全"一老一小"服务体系。', [('"', 3, "“"), ('"', 8, "”")]),
        ("防止'新官不理旧账'。", [("'", 3, "‘"), ("'", 10, "’")]),
        ("推进“双减〞工作，落实‚安全第一‛方针。", [("〞", 6, "”"), ("‚", 12, "‘"), ("‛", 17, "’")]),
        ('他说：“要坚持"两个毫不动摇"。”', [('"', 8, "‘"), ('"', 15, "’")]),
    ],
)
def test_quote_form_flags_ascii_and_look_alike_quotes(text, expected):
    assert found(text, "PUN012") == expected


@pytest.mark.parametrize(
    "text",
    [
        '输出"Hello, world"。',
        '屏幕尺寸15.6"，重2kg。',
        "Tom's book，李明的书。",
        '只有一个"引号。',
        "'''——改革开放进一步深化。'''",
        "推进“双减”工作，落实‘安全第一’方针。",
    ],
)
def test_quote_form_leaves_latin_quotes_inches_apostrophes_and_wiki_markup_alone(text):
    assert found(text, "PUN012") == []
