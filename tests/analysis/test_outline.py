"""The shared outline analysis: heading markers, inline enumerators, the tree, sequences and their faults."""

from __future__ import annotations

import pytest
from timing import assert_linear

from reportlint.analysis.outline import (
    ASPECT,
    DUPLICATED,
    ORDER,
    SKIPPED,
    STYLE,
    han_number,
    han_numeral,
    heading_marker,
    inline_enumerators,
    outline,
)
from reportlint.document import Block, Document, blocks_from_lines
from reportlint.readers import read_bytes


def block(text: str) -> Block:
    return Block(text, "paragraph", [(0, 1, 1, False)])


def doc(*lines: str) -> Document:
    return Document("t.txt", "txt", blocks_from_lines(list(lines)), list(lines))


def faults(*lines: str) -> list[tuple[int, str, str, str]]:
    """(line, kind, flagged text, suggested replacement) of every fault."""
    return [(f.item.block.line, f.kind, f.item.text, f.replacement) for f in doc(*lines).analysis(outline).faults]


def inline(text: str) -> list[tuple[str, str, int]]:
    return [(e.text, e.kind, e.number) for e in inline_enumerators(block(text))]


# ------------------------------------------------------------------------------------------ numerals


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23), ("九十九", 99), ("一百", 100)]
    + [("一百零五", 105), ("一百一十", 110), ("一百二十三", 123), ("三百", 300)],
)
def test_han_numbers_parse_and_render(text, value):
    assert han_number(text) == value
    assert han_numeral(value) == text


@pytest.mark.parametrize("text", ["", "十十", "二二", "一十二", "百", "零", "一百零", "甲", "两"])
def test_malformed_han_numbers_are_rejected(text):
    assert han_number(text) is None


def test_every_number_up_to_999_round_trips():
    assert all(han_number(han_numeral(n)) == n for n in range(1, 1000))


# ------------------------------------------------------------------------------------------ headings


@pytest.mark.parametrize(
    ("text", "kind", "number", "marker", "punct"),
    [
        ("一、总体要求", "一、", 1, "一、", "、"),
        ("十二、其他事项", "一、", 12, "十二、", "、"),
        ("三.存在问题", "一、", 3, "三.", "."),
        ("（一）强化理论学习", "（一）", 1, "（一）", ""),
        ("(二)抓好项目建设", "（一）", 2, "(二)", ""),
        ("（三）、优化服务", "（一）", 3, "（三）、", "、"),
        ("1.加强组织领导", "1.", 1, "1.", "."),
        ("2．压实工作责任", "1.", 2, "2．", "．"),
        ("3、严格督查考核", "1.", 3, "3、", "、"),
        ("１２．全角数字", "1.", 12, "１２．", "．"),
        ("（1）聚焦主业", "（1）", 1, "（1）", ""),
        ("(2)拓展市场", "（1）", 2, "(2)", ""),
        ("（3）.补齐短板", "（1）", 3, "（3）.", "."),
        ("⑷括号数字", "（1）", 4, "⑷", ""),
        ("1）半括号", "1）", 1, "1）", ""),
        ("③带圈数字", "①", 3, "③", ""),
        ("⒉点号数字", "1.", 2, "⒉", ""),
        ("第一章　总则", "第一章", 1, "第一章", ""),
        ("第二节 工作机制", "第一节", 2, "第二节", ""),
        ("第一百零五条　本办法自发布之日起施行。", "第一条", 105, "第一百零五条", ""),
        ("第三条", "第一条", 3, "第三条", ""),
        ("第二部分：重点任务", "第一部分", 2, "第二部分", ""),
        ("　　（四）缩进的标题", "（一）", 4, "（四）", ""),
        ("一、2024年工作回顾", "一、", 1, "一、", "、"),
        ("一、一年来的主要工作", "一、", 1, "一、", "、"),
        ("附件：1.2024年度重点项目清单", "1.", 1, "1.", "."),
        ("1.深入学习《治国理政》第四卷", "1.", 1, "1.", "."),
    ],
)
def test_heading_markers(text, kind, number, marker, punct):
    found = heading_marker(block(text))
    assert (found.kind, found.number, found.text, found.punct) == (kind, number, marker, punct)


@pytest.mark.parametrize(
    "text",
    [
        "1.5亿元用于支持中小企业发展",
        "1.1日起施行新办法",
        "2024.3完成验收",
        "3、4月份完成招标",
        "12%的企业实现增长",
        "2024年工作回顾",
        "一、二季度经济运行平稳",
        "二、三产业融合发展",
        "一、二月份完成投资3亿元",
        "第一条经验是坚持党的领导",
        "第一部分工作已经完成",
        "第一次全体会议",
        "一是加强组织领导",
        "① 王某：《基层治理研究》，某某出版社2019年版，第12页。",
        "③ 李某：《论调查研究》，《文集》第2卷，第79—80页。",
        "（2024）12号文件",
        "",
        "　　",
    ],
)
def test_not_headings(text):
    assert heading_marker(block(text)) is None


def test_a_figure_led_item_is_a_heading_only_where_it_continues_a_list():
    assert heading_marker(block("2.1个工作日内办结")) is None
    assert heading_marker(block("2.1个工作日内办结"), figure_led=True).number == 2
    document = doc("附件：1.重点项目清单", "2.1个工作日内办结的事项清单", "3.其他事项")
    assert [h.marker.text for h in document.analysis(outline).headings] == ["1.", "2.", "3."]
    assert document.analysis(outline).faults == []
    alone = doc("一、总体情况", "2.1亿元用于改造老旧小区。")
    assert [h.marker.text for h in alone.analysis(outline).headings] == ["一、"]


# ------------------------------------------------------------------------------------------ inline enumerators


def test_inline_enumerators_at_clause_boundaries():
    text = "主要抓了三件事：一是抓学习，二是抓党建；三是抓项目。"
    assert inline(text) == [("一是", "一是", 1), ("二是", "一是", 2), ("三是", "一是", 3)]
    assert inline("其一，思想认识不到位；其二，工作方法不多。") == [("其一", "其一", 1), ("其二", "其一", 2)]
    assert inline("第一，要提高站位。第二，要压实责任。") == [("第一，", "第一，", 1), ("第二，", "第一，", 2)]
    assert inline("“一是抓学习”。") == []  # after an opening quote, not a clause boundary
    assert inline("他强调：“一是抓学习，二是抓落实。”") == [("一是", "一是", 1), ("二是", "一是", 2)]  # after ：“
    assert inline("措施有力。”二是强化督查。") == [("二是", "一是", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "思想统一是行动一致的前提。",
        "这是唯一是非标准的做法。",
        "质量第一是我们的追求，",
        "召开第一次全体会议，",
        "第一批试点单位已经确定。",
        "我们说话要一是一，二是二。",
        "推动第一、二、三产业融合发展。",
        "调整第一、第二、第三产业的结构。",
        "全市排名第一，增速领先。",
        "在这一方面，我们还有差距。",
        "这只是一方面，",
        "看到积极的一方面，",
        "他将其一生献给了教育事业。",
        "一是否定了前期方案，",
    ],
)
def test_look_alikes_are_not_enumerators(text):
    assert inline(text) == []


def test_aspects_may_follow_a_subject():
    assert inline("我们一方面稳增长，另一方面防风险。") == [("一方面", ASPECT, 1), ("另一方面", ASPECT, 2)]


def test_again_and_last_are_ordinals_only_inside_a_first_sequence():
    lone = doc("我们再次，重申这一要求。最后，大家要注意安全。")
    assert lone.analysis(outline).enumerators(lone.blocks[0]) == []
    run = doc("首先，统一思想。其次，压实责任。再次，强化督查。最后，严肃问责。")
    numbers = [(e.text, e.number) for e in run.analysis(outline).enumerators(run.blocks[0])]
    assert numbers == [("首先", 1), ("其次", 2), ("再次", 3), ("最后", 4)]


def test_enumerator_at_offset_for_the_figures_rules():
    document = doc("（三）抓好项目建设。一是投资5亿元。")
    analysis = document.analysis(outline)
    line = document.blocks[0]
    assert analysis.at(line, 1).text == "（三）"
    assert analysis.at(line, 10).text == "一是"
    assert analysis.at(line, 13) is None  # the 5 of 5亿元 is a figure


# ------------------------------------------------------------------------------------------ the tree


def test_the_tree_follows_the_documents_own_levels():
    document = doc(
        "一、总体要求",
        "（一）指导思想。",
        "1.坚持党的领导。",
        "（1）把方向。",
        "（2）管大局。",
        "2.坚持稳中求进。",
        "（二）基本原则。",
        "二、重点任务",
        "1.直接列出的任务。",
    )
    analysis = document.analysis(outline)
    parents = {h.marker.block.text: h.parent.marker.text if h.parent else None for h in analysis.headings}
    assert parents == {
        "一、总体要求": None,
        "（一）指导思想。": "一、",
        "1.坚持党的领导。": "（一）",
        "（1）把方向。": "1.",
        "（2）管大局。": "1.",
        "2.坚持稳中求进。": "（一）",
        "（二）基本原则。": "一、",
        "二、重点任务": None,
        "1.直接列出的任务。": "二、",
    }
    first = analysis.headings[0]
    assert [child.marker.text for child in first.children] == ["（一）", "（二）"]
    assert [h.depth for h in analysis.headings] == [1, 2, 3, 4, 4, 3, 2, 1, 2]
    assert analysis.faults == []


def test_a_new_parent_restarts_its_childrens_numbering():
    assert faults("一、甲", "（一）子甲", "（二）子乙", "二、乙", "（一）子丙", "（二）子丁") == []


def test_numbering_that_runs_on_across_sections_is_followed():
    articles = ["第一章　总则", "第一条　目的", "第二条　范围", "第二章　职责", "第三条　分工", "第四条　考核"]
    assert faults(*articles) == []
    assert faults("（一）甲", "1.子一", "（二）乙", "2.子二") == []
    assert faults("第一章　总则", "第一条　目的", "第二章　职责", "第五条　分工") == [(4, ORDER, "第五条", "第一条")]
    running = ("第一章　总则", "第一条　目的", "第二章　职责", "第二条　分工", "第三章　附则", "第五条　施行")
    assert faults(*running) == [(6, SKIPPED, "第五条", "第三条")]


def test_a_list_after_a_label_stands_apart_and_an_annex_starts_its_own_outline():
    assert faults("一、甲", "（一）子甲", "附件：1.清单一", "2.清单二", "附件1", "一、附件正文", "（一）附件子项") == []


# ------------------------------------------------------------------------------------------ faults


def test_skipped_duplicated_and_out_of_order_headings():
    assert faults("一、甲", "（一）a", "（二）b", "（四）c") == [(4, SKIPPED, "（四）", "（三）")]
    assert faults("一、甲", "（一）a", "（二）b", "（二）c") == [(4, DUPLICATED, "（二）", "（三）")]
    assert faults("一、甲", "（二）a", "（三）b") == [(2, ORDER, "（二）", "（一）")]
    assert faults("一、甲", "（一）a", "（三）b", "（二）c", "（四）d") == [(3, ORDER, "（三）", "（二）")]
    assert faults("一、甲", "三、乙") == [(2, SKIPPED, "三、", "二、")]


def test_the_missing_numbers_are_listed():
    (fault,) = doc("一是甲。二是乙。五是丙。").analysis(outline).faults
    assert (fault.kind, fault.missing, fault.previous.text) == (SKIPPED, ("三是", "四是"), "二是")


def test_after_a_fault_the_run_resynchronises_instead_of_cascading():
    assert faults("一是甲。二是乙。二是丙。三是丁。") == [(1, DUPLICATED, "二是", "三是")]
    assert faults("一是甲。二是乙。二是丙。四是丁。") == [(1, DUPLICATED, "二是", "三是")]
    assert faults("一是甲。三是乙。四是丙。") == [(1, SKIPPED, "三是", "二是")]


def test_inline_sequences_restart_in_every_paragraph_and_end_at_a_heading():
    assert faults("（一）甲。一是a。二是b。", "（二）乙。一是c。二是d。三是e。", "一是f。二是g。") == []
    assert faults("（一）甲。一是a。二是b。", "（二）乙。三是c。") == [(2, ORDER, "三是", "一是")]


def test_inline_sequences_run_on_into_the_next_paragraphs():
    assert faults("主要做法：", "一是抓学习。", "二是抓党建。", "三是抓项目。") == []
    assert faults("主要做法：", "一是抓学习。", "二是抓党建。", "四是抓项目。") == [(4, SKIPPED, "四是", "三是")]
    assert faults("一是甲。二是乙。", "补充说明。", "补充说明。", "三是丙。") == []
    # far away, a run is only continued by its next number
    far = ["一是甲。二是乙。", *["补充说明。"] * 5]
    assert faults(*far, "三是丙。") == []
    assert faults(*far, "五是丙。") == [(7, ORDER, "五是", "一是")]


def test_a_run_begun_in_words_is_not_out_of_order():
    assert (
        faults("首先，统一思想。", "说明。", "说明。", "说明。", "说明。", "第二，压实责任。", "第三，加强督查。") == []
    )
    assert faults("首先，要规划。其次，要论证。第三，要严管。") == []


def test_a_deeper_list_does_not_end_a_paragraph_level_run_but_a_heading_of_its_level_does():
    speech = ("一、关于项目", "第一，抓好续建项目。", "1.确保投产。", "2.确保达效。", "第二，谋划新项目。")
    assert faults(*speech) == []
    assert faults(*speech, "二、关于环境", "第三，优化服务。") == [(7, ORDER, "第三，", "第一，")]


def test_a_style_reused_for_a_list_inside_a_part_takes_up_the_outer_numbering_again():
    reused = ("一、回顾", "二、任务", "（一）甲", "一、细目一", "二、细目二", "三、细目三", "三、改革", "四、外交")
    assert faults(*reused) == []


def test_an_item_written_without_a_clause_boundary_is_not_reported_missing():
    assert faults("一是甲。二是乙。图为现场照片三是丙。四是丁。") == []


def test_markdown_lazy_numbering_is_not_duplication():
    document = read_bytes("1. 甲\n1. 乙\n1. 丙\n".encode(), "a.md", "md")
    assert document.analysis(outline).faults == []
    skipped = read_bytes("1. 甲\n2. 乙\n4. 丙\n".encode(), "a.md", "md")
    assert [f.kind for f in skipped.analysis(outline).faults] == [SKIPPED]


def test_a_part_numbered_in_another_style_than_its_level():
    lines = ("一、甲", "（一）a", "（二）b", "二、乙", "（一）c", "三、丙", "（1）d", "（2）e")
    assert faults(*lines) == [(7, STYLE, "（1）", "（一）"), (8, STYLE, "（2）", "（二）")]


def test_one_heading_in_a_siblings_style():
    assert faults("一、甲", "（一）a", "（二）b", "（3）c", "（四）d") == [(4, STYLE, "（3）", "（三）")]


def test_style_needs_two_agreeing_parts_and_spares_an_extra_level():
    assert faults("一、甲", "（一）a", "二、乙", "（1）b") == []  # one against one: no usage to go by
    extra_level = ("一、甲", "1.a", "2.b", "二、乙", "（一）c", "1.d", "（二）e", "1.f", "三、丙", "1.g")
    assert faults(*extra_level) == []
    consistent = ("一、甲", "1.a", "二、乙", "1.b", "2.c", "三、丙", "1.d")
    assert faults(*consistent) == []


# ------------------------------------------------------------------------------------------ announcements


def announced(*lines: str) -> list[tuple[str, int, int]]:
    document = doc(*lines)
    return [
        (a.block.text[a.start : a.end], a.count, len(a.group.items)) for a in document.analysis(outline).announcements
    ]


def test_announced_counts():
    assert announced("重点抓好以下三个方面：一是甲；二是乙；三是丙；四是丁。") == [("三个方面", 3, 4)]
    assert announced("今年重点做好五项工作：", "（一）甲", "（二）乙") == [("五项", 5, 2)]
    assert announced("主要有两点：", "一是甲。", "二是乙。") == [("两点", 2, 2)]
    assert announced("实现三大目标：一方面甲，另一方面乙。") == [("三大", 3, 2)]


@pytest.mark.parametrize(
    "text",
    [
        "全面贯彻党的十九大精神，做好以下工作：一是甲；二是乙。",  # 十九大 is no count
        "统筹三个领域、五项任务：一是甲；二是乙。",  # two counts: ambiguous
        "做到“两个维护”：一是甲；二是乙；三是丙。",  # a set phrase in quotes
        "做好以下几个方面：一是甲；二是乙。",  # no figure
        "完成投资三个亿。一是甲；二是乙。",  # no colon before the list
        "第三个方面：一是甲；二是乙。",  # an ordinal, not a count
    ],
)
def test_no_announced_count(text):
    assert announced(text) == []


def test_announcements_in_a_report_on_one_line_are_found_in_linear_time():
    """A report written on one line: thousands of groups, each announced in the same block. The block's
    statement ends and counts are found once, not again for each group (that took 3/6/15 s for 1/2/4 MB)."""
    unit = "重点抓好三个方面：一是强化引领，二是压实责任，三是狠抓落实。"
    documents = {n: doc(unit * n) for n in (4000, 8000)}
    assert len(outline(documents[4000]).announcements) == 4000
    assert_linear(lambda n: outline(documents[n]), 4000)


def test_table_cells_hold_no_headings_and_keep_their_sequences_to_themselves():
    table = "| 序号 | 内容 |\n|---|---|\n| 1. | 一是甲。二是乙。 |\n| 3. | 一是丙。三是丁。 |\n"
    analysis = read_bytes(table.encode(), "a.md", "md").analysis(outline)
    assert analysis.headings == []
    assert [(f.kind, f.item.text, f.item.block.text) for f in analysis.faults] == [
        (SKIPPED, "三是", "一是丙。三是丁。")
    ]
