"""Markdown reader: which prose reaches the rules, block kinds, and that every offset maps back into the .md.

Expected columns are counted by hand in the comments (1-based, in characters).
"""

from __future__ import annotations

import random

import pytest

from reportlint.analysis.placeholders import FIGURE, NAME, placeholders
from reportlint.document import OPAQUE, Block
from reportlint.findings import Position
from reportlint.readers import read_bytes
from reportlint.readers.markdown import markdown_blocks

X = OPAQUE


def read(source: str) -> tuple[list[str], list[Block]]:
    lines = source.split("\n")
    return lines, markdown_blocks(lines)


def texts(source: str) -> list[str]:
    return [block.text for block in read(source)[1]]


def kinds(source: str) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in read(source)[1]]


def span(block: Block, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = block.text.index(needle, start + 1)
    return start, start + len(needle)


def source_at(lines: list[str], block: Block, start: int, end: int) -> str:
    """The source characters a one-line span of ``block.text`` maps to."""
    first, last = block.position(start), block.end_position(end)
    assert first.line == last.line
    return lines[first.line - 1][first.column - 1 : last.column - 1]


def assert_maps_back(lines: list[str], block: Block, needle: str, line: int, column: int, occurrence: int = 0):
    start, end = span(block, needle, occurrence)
    assert block.position(start) == Position(line, column)
    assert source_at(lines, block, start, end) == needle


def assert_within_source(lines: list[str], blocks: list[Block]) -> None:
    """Every run and every mapped position lies in the source; a non-synthetic run is the source itself
    (or one OPAQUE character standing on the first character of what it replaces)."""
    for block in blocks:
        assert block.text.strip()
        ends = [run[0] for run in block.runs[1:]] + [len(block.text)]
        for (offset, line, column, synthetic), end in zip(block.runs, ends, strict=True):
            assert 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1
            piece = block.text[offset:end]
            if not synthetic and piece != OPAQUE:
                assert lines[line - 1][column - 1 : column - 1 + len(piece)] == piece
        for offset in range(len(block.text) + 1):
            for position in (block.position(min(offset, len(block.text) - 1)), block.end_position(offset)):
                assert 1 <= position.line <= len(lines)
                assert 1 <= position.column <= len(lines[position.line - 1]) + 1


# --- what is skipped --------------------------------------------------------------------------------------


def test_yaml_and_toml_front_matter_are_skipped_and_line_numbers_kept():
    lines, blocks = read("---\ntitle: xx报告\ntags: [a]\n---\n正文xx")
    assert [(block.text, block.line) for block in blocks] == [("正文xx", 5)]
    assert_maps_back(lines, blocks[0], "xx", 5, 3)
    assert texts("+++\ntitle = 'xx'\n+++\n正文") == ["正文"]
    assert texts("---\ntitle: x\n...\n正文") == ["正文"]


def test_an_unclosed_front_matter_is_a_thematic_break():
    assert texts("---\n第一段\n\n第二段") == ["第一段", "第二段"]


def test_front_matter_only_at_the_very_top():
    # Not on line 1: a thematic break, then a setext heading ("第二段" underlined by ---).
    assert kinds("正文\n\n---\n第二段\n---") == [("paragraph", "正文"), ("heading", "第二段")]


def test_fenced_code_is_skipped():
    source = "前文\n```python\nx = 'xx'\n```\n中间\n~~~\ncode\n~~~\n后文"
    assert texts(source) == ["前文", "中间", "后文"]


def test_fence_closes_only_with_a_fence_at_least_as_long_and_of_the_same_kind():
    assert texts("````\n```\n~~~~\n仍是代码\n````\n后文") == ["后文"]
    assert texts("   ```\n缩进的围栏\n   ```\n后文") == ["后文"]


def test_unclosed_fence_runs_to_the_end():
    assert texts("前文\n```\n代码\n\n还是代码") == ["前文"]


def test_backtick_fence_with_backtick_in_info_string_is_not_a_fence():
    # "``` a`b" cannot open a fence; as inline code "``` a`b" has no closing run of three: plain text.
    assert texts("``` a`b\n正文") == ["``` a`b\n正文"]


def test_indented_code_is_skipped_but_indented_continuation_lines_are_not():
    assert texts("段落\n\n    code xx\n\t制表符代码\n\n后文") == ["段落", "后文"]
    assert texts("段落\n    续行") == ["段落\n续行"]


def test_indented_lines_under_a_list_item_are_its_content_not_code():
    assert kinds("1. 项目\n    继续") == [("list-item", "1. 项目\n继续")]
    assert kinds("- 项目\n\n  第二段") == [("list-item", "项目"), ("paragraph", "第二段")]


def test_html_comments_are_skipped():
    source = "<!-- 单行注释xx -->\n前文\n<!-- 多行\n注释xx\n-->\n后文"
    assert texts(source) == ["前文", "后文"]
    assert texts("正文<!-- 注释 -->继续，<!-- 跨\n行 -->完") == ["正文继续，完"]
    lines, (block,) = read("正文<!-- 注释 -->继续")
    # 正(1)文(2)<!-- 注释 -->(3-13)继(14)
    assert_maps_back(lines, block, "继续", 1, 14)


def test_an_unclosed_comment_hides_the_rest():
    assert texts("前文\n\n<!-- 未闭合\n正文") == ["前文"]


def test_raw_html_lines_are_skipped_and_inline_tags_dropped():
    assert texts('<div align="center">\n居中正文\n</div>') == ["居中正文"]
    assert texts("<p>整行HTML</p>\n\n<br/>\n\n正文") == ["正文"]
    assert texts("<script>\nvar xx = 1;\n</script>\n后文") == ["后文"]
    lines, (block,) = read("<span>重点</span>工作")
    assert block.text == "重点工作"
    # <span>(1-6)重(7)点(8)</span>(9-15)工(16)
    assert_maps_back(lines, block, "重点", 1, 7)
    assert_maps_back(lines, block, "工作", 1, 16)


def test_thematic_breaks_are_skipped():
    assert texts("甲\n\n***\n\n乙\n\n* * *\n\n___\n\n丙") == ["甲", "乙", "丙"]


def test_link_reference_definitions_are_skipped():
    assert texts('[ref]: http://xx.cn\n[other]: <http://a.cn> "标题"\n正文') == ["正文"]


def test_a_definition_like_line_with_a_chinese_destination_is_prose():
    assert texts("[1]: 参见xx文件") == ["[1]: 参见xx文件"]


def test_empty_and_markup_only_documents_give_no_blocks():
    assert markdown_blocks([]) == []
    assert texts("") == []
    assert texts("#\n\n-\n\n>\n\n![](a.png)\n\n***\n\n<!-- -->") == []


# --- inline markup --------------------------------------------------------------------------------------


def test_inline_code_is_one_opaque_character_on_the_opening_backtick():
    lines, (block,) = read("使用`xx`和``a`b``命令")
    assert block.text == f"使用{X}和{X}命令"
    # 使(1)用(2)`(3)x x `(6)和(7)``(8-9)a(10)`(11)b(12)``(13-14)命(15)
    assert block.position(2) == Position(1, 3)
    assert block.end_position(3) == Position(1, 4)
    assert block.position(4) == Position(1, 8)
    assert_maps_back(lines, block, "和", 1, 7)
    assert_maps_back(lines, block, "命令", 1, 15)


def test_an_unmatched_backtick_run_is_text():
    assert texts("一个`未闭合，和``两个") == ["一个`未闭合，和``两个"]
    # A run of two does not close a run of one: the single backticks pair up around it.
    assert texts("一`甲``乙`二") == [f"一{X}二"]


def test_inline_link_keeps_its_text_at_its_columns():
    lines, (block,) = read('详见[通知](http://a.cn/xx "标题")要求')
    assert block.text == "详见通知要求"
    # 详(1)见(2)[(3)通(4)知(5)](6)((7)http://a.cn/xx(8-21) (22)"标题"(23-26))(27)要(28)
    assert_maps_back(lines, block, "通知", 1, 4)
    assert_maps_back(lines, block, "要求", 1, 28)


def test_image_keeps_its_alt_text():
    lines, (block,) = read("![示意图](img/a.png)说明")
    assert block.text == "示意图说明"
    # !(1)[(2)示(3)意(4)图(5)](6)(img/a.png)(7-17)说(18)
    assert_maps_back(lines, block, "示意图", 1, 3)
    assert_maps_back(lines, block, "说明", 1, 18)


def test_reference_links_keep_their_text_when_the_reference_is_defined():
    lines, blocks = read("见[文本][ref]与[Ref]和[ref][]。\n\n[ref]: http://x.cn")
    assert [block.text for block in blocks] == ["见文本与Ref和ref。"]
    # 见(1)[(2)文(3)本(4)][ref](5-10)与(11)[(12)R(13)
    assert_maps_back(lines, blocks[0], "文本", 1, 3)
    assert_maps_back(lines, blocks[0], "Ref", 1, 13)


def test_brackets_without_a_definition_stay_text():
    assert texts("研究表明[1][2]，见[附件]。") == ["研究表明[1][2]，见[附件]。"]


def test_autolinks_become_opaque():
    lines, (block,) = read("见<http://x.cn/xx>和<a@b.cn>。")
    assert block.text == f"见{X}和{X}。"
    # 见(1)<http://x.cn/xx>(2-17)和(18)<a@b.cn>(19-26)。(27)
    assert block.position(1) == Position(1, 2)
    assert block.position(3) == Position(1, 19)
    assert_maps_back(lines, block, "。", 1, 27)


def test_bare_urls_and_email_addresses_become_opaque():
    lines, (block,) = read("访问https://www.gov.cn/xx。或www.xx.cn，邮箱xx@qq.com。(见http://a.cn/b_(c))")
    assert block.text == f"访问{X}。或{X}，邮箱{X}。(见{X})"
    # 访(1)问(2)https://www.gov.cn/xx(3-23)。(24)或(25)www.xx.cn(26-34)，(35)邮(36)箱(37)xx@qq.com(38-46)
    assert [block.position(offset) for offset in (2, 5, 9)] == [Position(1, 3), Position(1, 26), Position(1, 38)]
    assert_maps_back(lines, block, "。或", 1, 24)
    assert block.text.endswith(f"(见{X})")  # the unbalanced ")" is not part of the URL


def test_emphasis_markers_are_removed():
    lines, (block,) = read("**粗体**、__粗体__、*斜体*、_斜体_、~~删除~~")
    assert block.text == "粗体、粗体、斜体、斜体、删除"
    # **(1-2)粗体(3-4)**(5-6)、(7)__(8-9)粗体(10-11)__(12-13)、(14)*(15)斜体(16-17)*(18)、(19)_(20)斜体(21-22)
    assert_maps_back(lines, block, "粗体", 1, 3)
    assert_maps_back(lines, block, "粗体", 1, 10, occurrence=1)
    assert_maps_back(lines, block, "斜体", 1, 16)
    assert_maps_back(lines, block, "斜体", 1, 21, occurrence=1)
    # _(23)、(24)~~(25-26)删除(27-28)
    assert_maps_back(lines, block, "删除", 1, 27)


def test_emphasis_next_to_chinese_punctuation_and_nested_emphasis():
    assert texts("**“重点”**的工作") == ["“重点”的工作"]
    assert texts("***粗斜体***和**粗*斜*粗**") == ["粗斜体和粗斜粗"]


def test_emphasis_spans_the_lines_of_a_paragraph():
    assert texts("开始**跨\n行**结束") == ["开始跨\n行结束"]


@pytest.mark.parametrize(
    "source",
    [
        "**党工委召开会议",
        "地区生产总值增长*%。",
        "变量snake_case_name不变",
        "5*3=15，3 * 4 = 12",
        "工期3~5年，6~8月",
        "中文_强调_",
        "* 后跟空格不开启*",
    ],
)
def test_unpaired_or_intraword_markers_stay_text(source):
    # The last case is a list item "后跟空格不开启*" (the bullet is dropped, the lone * stays).
    expected = source[2:] if source.startswith("* ") else source
    assert texts(source) == [expected]


def test_an_unpaired_run_after_a_pair_stays_at_its_column():
    lines, (block,) = read("**重点**工作，**党工委召开会议。")
    assert block.text == "重点工作，**党工委召开会议。"
    # **(1-2)重(3)点(4)**(5-6)工(7)作(8)，(9)**(10-11)党(12)
    assert_maps_back(lines, block, "**", 1, 10)


def test_backslash_escapes_keep_the_character_at_its_column():
    lines, (block,) = read(r"\*不是强调\*和\_x\_和\`y\`和\[z\]")
    assert block.text == "*不是强调*和_x_和`y`和[z]"
    # \(1)*(2)不(3)是(4)强(5)调(6)\(7)*(8)和(9)\(10)_(11)x(12)
    assert_maps_back(lines, block, "*", 1, 2)
    assert_maps_back(lines, block, "*", 1, 8, occurrence=1)
    assert_maps_back(lines, block, "_", 1, 11)
    assert_maps_back(lines, block, "x", 1, 12)


def test_character_references_become_their_character_anchored_at_the_ampersand():
    lines, (block,) = read("&emsp;&emsp;正文R&amp;D")
    assert block.text == "\u2003\u2003正文R&D"
    # &emsp;(1-6)&emsp;(7-12)正(13)文(14)R(15)&amp;(16-20)D(21)
    assert [block.position(offset) for offset in (0, 1, 5)] == [Position(1, 1), Position(1, 7), Position(1, 16)]
    assert_maps_back(lines, block, "正文R", 1, 13)
    assert_maps_back(lines, block, "D", 1, 21)


# --- block kinds ----------------------------------------------------------------------------------------


def test_atx_headings():
    lines, blocks = read("# 一、总体要求\n## （一）工作目标 ##\n#不是标题\n### 标题 \\#")
    assert [(block.kind, block.text) for block in blocks] == [
        ("heading", "一、总体要求"),
        ("heading", "（一）工作目标"),
        ("paragraph", "#不是标题"),
        ("heading", "标题 #"),
    ]
    assert_maps_back(lines, blocks[0], "一、总体要求", 1, 3)
    assert_maps_back(lines, blocks[1], "（一）工作目标", 2, 4)


def test_setext_headings():
    lines, blocks = read("一、总体要求\n======\n\n二、主要任务\n---\n正文")
    assert [(block.kind, block.text, block.line) for block in blocks] == [
        ("heading", "一、总体要求", 1),
        ("heading", "二、主要任务", 4),
        ("paragraph", "正文", 6),
    ]


def test_bullets_are_dropped_and_each_item_is_a_block():
    lines, blocks = read("- 第一项\n  续行\n* 第二项\n+ 第三项\n- 懒惰\n续行")
    assert [(block.kind, block.text) for block in blocks] == [
        ("list-item", "第一项\n续行"),
        ("list-item", "第二项"),
        ("list-item", "第三项"),
        ("list-item", "懒惰\n续行"),
    ]
    assert_maps_back(lines, blocks[0], "第一项", 1, 3)
    assert_maps_back(lines, blocks[0], "续行", 2, 3)
    assert_maps_back(lines, blocks[3], "续行", 6, 1)


def test_ordered_list_numbers_are_kept():
    lines, blocks = read("1. 加强领导\n2) 完善制度\n10.  健全机制")
    assert [(block.kind, block.text) for block in blocks] == [
        ("list-item", "1. 加强领导"),
        ("list-item", "2) 完善制度"),
        ("list-item", "10.  健全机制"),
    ]
    assert_maps_back(lines, blocks[0], "1. 加强领导", 1, 1)
    assert_maps_back(lines, blocks[2], "健全机制", 3, 6)


def test_an_ordered_item_without_a_paragraph_keeps_its_number_as_a_block():
    assert kinds("1.\n   内容\n2.\n3. ```\n   code\n   ```") == [
        ("list-item", "1.\n内容"),
        ("list-item", "2."),
        ("list-item", "3."),
    ]


def test_nested_lists_and_later_paragraphs_of_an_item():
    source = "1. 总体\n   - 子项一\n   - 子项二\n\n   第二段\n2. 其次"
    assert kinds(source) == [
        ("list-item", "1. 总体"),
        ("list-item", "子项一"),
        ("list-item", "子项二"),
        ("paragraph", "第二段"),
        ("list-item", "2. 其次"),
    ]


def test_a_list_interrupts_a_paragraph_only_when_it_starts_at_one_or_is_a_bullet():
    assert kinds("主要工作如下：\n1. 加强\n2. 完善") == [
        ("paragraph", "主要工作如下："),
        ("list-item", "1. 加强"),
        ("list-item", "2. 完善"),
    ]
    assert kinds("截至2024年底\n2024. 全年") == [("paragraph", "截至2024年底\n2024. 全年")]


def test_block_quotes_are_linted_without_their_markers():
    lines, blocks = read("> 引用**重点**内容\n> 第二行\n懒惰续行\n\n> > 嵌套\n>\n> - 列表")
    assert [(block.kind, block.text) for block in blocks] == [
        ("paragraph", "引用重点内容\n第二行\n懒惰续行"),
        ("paragraph", "嵌套"),
        ("list-item", "列表"),
    ]
    assert_maps_back(lines, blocks[0], "引用", 1, 3)
    assert_maps_back(lines, blocks[0], "重点", 1, 7)
    assert_maps_back(lines, blocks[0], "第二行", 2, 3)
    assert_maps_back(lines, blocks[0], "懒惰续行", 3, 1)
    assert_maps_back(lines, blocks[1], "嵌套", 5, 5)
    assert_maps_back(lines, blocks[2], "列表", 7, 5)


def test_code_in_a_block_quote_ends_with_the_quote():
    assert texts("> ```\n> 代码\n\n正文") == ["正文"]


def test_table_cells_are_blocks_at_their_columns():
    source = "| 指标 | 数值 |\n|:---|---:|\n| 投资 | xx亿元 |\n|增长|*%|"
    lines, blocks = read(source)
    assert [(block.kind, block.text) for block in blocks] == [
        ("table-cell", "指标"),
        ("table-cell", "数值"),
        ("table-cell", "投资"),
        ("table-cell", "xx亿元"),
        ("table-cell", "增长"),
        ("table-cell", "*%"),
    ]
    # |(1) (2)指(3)标(4) (5)|(6) (7)数(8)
    assert [(block.line, block.position(0).column) for block in blocks] == [
        (1, 3),
        (1, 8),
        (3, 3),
        (3, 8),
        (4, 2),
        (4, 5),
    ]
    assert source_at(lines, blocks[3], 0, 4) == "xx亿元"


def test_tables_without_edge_pipes_escaped_pipes_and_inline_markup_in_cells():
    lines, blocks = read("甲 | 乙\n--- | ---\n**粗** | a \\| b\n`x` |")
    assert [block.text for block in blocks] == ["甲", "乙", "粗", "a | b", X]
    # **(1-2)粗(3)**(4-5) (6)|(7) (8)a(9) (10)\(11)|(12)
    assert_maps_back(lines, blocks[2], "粗", 3, 3)
    assert_maps_back(lines, blocks[3], "a", 3, 9)
    assert_maps_back(lines, blocks[3], "|", 3, 12)


def test_a_pipe_line_without_a_delimiter_row_is_a_paragraph():
    assert kinds("甲 | 乙\n丙 | 丁") == [("paragraph", "甲 | 乙\n丙 | 丁")]


# --- paragraphs and whitespace --------------------------------------------------------------------------


def test_paragraph_lines_are_joined_by_a_synthetic_line_break_at_the_end_of_the_line():
    lines, (block,) = read("第一行  \n   第二行\n第三行 ")
    assert block.kind == "paragraph"
    assert block.text == "第一行  \n第二行\n第三行 "
    newline = block.text.index("\n")  # offset 5
    assert block.position(newline) == Position(1, 5)  # on the last character of line 1
    assert block.end_position(newline + 1) == Position(1, 6)  # a span ending with it ends at the line's end
    assert_maps_back(lines, block, "  ", 1, 4)  # trailing spaces kept
    assert_maps_back(lines, block, "第二行", 2, 4)  # leading spaces of a continuation line dropped
    assert_maps_back(lines, block, "第三行 ", 3, 1)


def test_first_line_indentation_is_kept():
    assert texts("  首行缩进\n    续行") == ["  首行缩进\n续行"]
    assert texts("\u3000\u3000全角缩进\n\u3000\u3000第二行") == ["\u3000\u3000全角缩进\n\u3000\u3000第二行"]


def test_a_backslash_hard_break_is_dropped():
    lines, (block,) = read("甲\\\n乙")
    assert block.text == "甲\n乙"
    assert_maps_back(lines, block, "乙", 2, 1)


def test_blank_lines_separate_paragraphs_and_whitespace_only_lines_are_blank():
    assert [(block.text, block.line) for block in read("甲\n\n乙\n\u3000\n丙")[1]] == [("甲", 1), ("乙", 3), ("丙", 5)]


def test_a_line_opening_with_a_chinese_outline_marker_starts_a_paragraph():
    source = "整改措施如下：\n1.强化理论武装。\n(2)深化改革。\n（三）从严治党。\n四、下一步\n⑤其他。\n续行。"
    assert texts(source) == [
        "整改措施如下：",
        "1.强化理论武装。",
        "(2)深化改革。",
        "（三）从严治党。",
        "四、下一步",
        "⑤其他。\n续行。",
    ]


def test_figures_and_list_items_at_a_line_start_do_not_split_a_paragraph():
    assert texts("全年投资\n1.5亿元，增长\n12.3%。") == ["全年投资\n1.5亿元，增长\n12.3%。"]
    assert texts("上年为\n2024年的数字。") == ["上年为\n2024年的数字。"]


# --- end to end -----------------------------------------------------------------------------------------

DRAFT = (
    "# 工作总结\n"
    "\n"
    "**粗体**工作稳步推进，代码`xx`已上线，详见https://xx.gov.cn/xx。\n"
    "\n"
    "**党工委召开会议，全年完成投资xx亿元。\n"
)


def test_placeholders_through_the_markdown_reader():
    document = read_bytes(DRAFT.encode("utf-8"), "a.md", "md")
    found = [
        (document.lines[p.block.position(p.start).line - 1], p.block.position(p.start), p.block.end_position(p.end))
        for p in placeholders(document)
    ]
    # Line 3: the emphasis is stripped, `xx` is code, the URL is opaque: nothing. Line 5:
    # **(1-2)党(3)工(4)委(5)召(6)开(7)会(8)议(9)，(10)全(11)年(12)完(13)成(14)投(15)资(16)x(17)x(18)亿(19)
    assert [(start, end) for _, start, end in found] == [
        (Position(5, 1), Position(5, 3)),
        (Position(5, 17), Position(5, 19)),
    ]
    assert [p.kind for p in placeholders(document)] == [NAME, FIGURE]
    assert [line[start.column - 1 : end.column - 1] for line, start, end in found] == ["**", "xx"]


def test_crlf_markdown_maps_to_the_same_columns():
    document = read_bytes("- 第一项xx\r\n  续行**党工委\r\n".encode(), "a.md", "md")
    (block,) = document.blocks
    assert block.kind == "list-item"
    assert block.text == "第一项xx\n续行**党工委"
    assert [(p.block.position(p.start), p.block.end_position(p.end)) for p in placeholders(document)] == [
        (Position(1, 6), Position(1, 8)),
        (Position(2, 5), Position(2, 7)),
    ]


# --- robustness -----------------------------------------------------------------------------------------

ODD_INPUTS = [
    "",
    "\n\n\n",
    "#",
    "######## 七个井号",
    "*",
    "**",
    "***",
    "- ",
    "1.",
    ">",
    "> > > >",
    "|",
    "||\n|-|",
    "| a |\n|---|\n|",
    "```",
    "~~~\n",
    "````\n```\n",
    "<!--",
    "<!-- -->",
    "<div",
    "<script>",
    "[",
    "]",
    "[]()",
    "![",
    "[a](",
    "[a](<b",
    "``",
    "`a``",
    "\\",
    "a\\",
    "&",
    "&#;",
    "&#x110000;",
    "&#0;",
    "http://",
    "www.",
    "@",
    "a@b",
    "<http://",
    "<@>",
    "---\n",
    "+++",
    "    ",
    "\t\t",
    "\u3000",
    "\ufeff标题",
    "\u2028\u2029\x0b\x0c\x1c",
    "\x00\x01\x7f",
    "🙂**表情**🙂`🙂`",
    "\U0001f600" * 50,
    "é́́ combining",
    "עברית **ערבית** العربية",
    "> - 1. > - ```\n> - 1. > - code",
    "- - - - - - x",
    "1. 1. 1. 1.",
    "> " * 200 + "深",
    "  " * 200 + "- 深",
    "- a\n" + "  " * 100 + "- b",
    "*" * 5000,
    "_a" * 3000,
    "`" * 3000 + "a" + "``" * 1000,
    "[" * 3000 + "a" + "](b)" * 3000,
    "<" * 3000,
    "<a " * 3000,
    "a" * 100000,
    "x" * 3000 + "@" + "y.cn" * 1000,
    "**党工委\n\n__\n\n~~~~~\n\n~~a~~~",
    "标题\n===\n===\n---\n- \n-",
    "a | b\n- | -\n  | \n",
    "\r\r\n\n",
]


def test_odd_inputs_never_crash_and_stay_within_the_source():
    for source in ODD_INPUTS:
        lines = source.split("\n")
        assert_within_source(lines, markdown_blocks(lines))


_TOKENS = [
    "*", "**", "_", "__", "~~", "~", "`", "``", "```", "~~~", "[", "]", "(", ")", "![", "](", "<", ">", "> ",
    "- ", "* ", "1. ", "2) ", "# ", "#", "|", "|---|", "---", "===", "\\", "&amp;", "&emsp;", "<!--", "-->",
    "<div>", "<span>", "</span>", "http://a.cn/x_y", "www.b.cn", "a@b.cn", "<http://x>", "xx", "党工委", "，",
    "。", " ", "  ", "    ", "\t", "\u3000", "a", "5", "[ref]: http://x", "[ref]", "\ufffc", "+++", '"', "'",
]  # fmt: skip


def test_random_markup_soup_never_crashes_and_stays_within_the_source():
    generator = random.Random(20240601)
    for _ in range(1500):
        lines = [
            "".join(generator.choice(_TOKENS) for _ in range(generator.randrange(12)))
            for _ in range(generator.randrange(1, 8))
        ]
        assert_within_source(lines, markdown_blocks(lines))


def test_lone_star_placeholders_across_a_clause_are_not_italics():
    assert texts("全年完成投资*亿元，增长*%。\n") == ["全年完成投资*亿元，增长*%。"]
    assert texts("这是*斜体*文字，**加粗**。\n") == ["这是斜体文字，加粗。"]
