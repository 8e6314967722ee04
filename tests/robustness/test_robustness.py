"""No crash on any input: property-based tests (hypothesis) over every reader and every registered rule.

Every rule of the real registry runs, those off by default included (``select = ["ALL"]``), on generated
text: random Unicode from all planes, report fragments (enumerators, numerals of every kind, placeholders,
paired marks, Markdown syntax, suppression comments) shuffled together, line separators of every kind. The
properties are that nothing raises (a rule crash is reported by the engine as a ``RuleCrash``; here it fails
the test) and that every finding is anchored inside the document: 1 ≤ line ≤ number of lines, 1 ≤ column ≤
length of the line + 1, start ≤ end, for the finding, its fix and its related places. In .txt and .docx,
where a line is a block, the flagged text is also exactly the text between its start and end.

Large inputs that are not random (1 MB lines, 100,000 placeholders, thousands of headings) are in
``test_robustness_inputs.py``; adversarial files through the command line in ``test_robustness_files.py``.
"""

from __future__ import annotations

import io

import pytest
from helpers import corpus_members
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from soundness import ALL, assert_inside, assert_sound

from reportlint.catalog import base_registry
from reportlint.document import Block, Document, blocks_from_lines
from reportlint.engine.fixes import fix_document, fix_text
from reportlint.engine.lint import lint_corpus, lint_document
from reportlint.findings import Edit, Finding, Fix, Position, Severity
from reportlint.output import FORMAT_NAMES, Report, writer
from reportlint.output.text import write_statistics
from reportlint.readers import ReadError, read_bytes
from reportlint.readers.markdown import markdown_blocks
from reportlint.readers.text import split_lines

#: Generous but bounded: the whole module runs in about ten seconds (hypothesis' default is 100 examples).
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


#: Every rule of the registry, those off by default too.

# --- what the generated text is made of ------------------------------------------------------------------

#: Fragments of work reports and of the syntax around them: each one a construct some reader or rule
#: looks for. Shuffled and repeated by hypothesis, they build the near-misses that random characters rarely do.
FRAGMENTS = [
    # outline and inline enumerators
    *"一、 二、 三、 十一、 （一） （二） (三) （十） 1. 2. 3、 １． （1） (2) 1） ① ② ⑴ ⒈".split(),
    *"第一章 第二节 第三条 第一部分 第九十九条 一是 二是 三是 十是 其一， 其二".split(),
    *"首先， 其次， 再次， 最后， 一方面 另一方面".split(),
    "附件1",
    "附件：",
    "注：",
    # numerals of every kind, ranges, percentages, dates
    *"0 1 7 12 100 2024 1,234 1，234 12.5 ０．５ １２３ 3.2亿元 1.5万亿元 120万 5千 10.8%".split(),
    *"两 廿 卅 〇 ○ 零 一 十 百 千 万 亿 万亿 两千 三十五 一百零五 二〇二四年 二○二三年".split(),
    *"百分之五 五成 3个百分点 -5% +3% 2024-2025年 2021年-2023年 3~5年 10%～20% 1—11月 1:2 10:30".split(),
    *"2月30日 13月45日 2024年2月30日 2024-02-30 6月8日电 第3卷 第12页".split(),
    *"增长 下降 同比 合计 共计 其中 总投资 个 项 家 人次 万元 亿元 百分点 倍 年 月 日 季度".split(),
    "抓好以下三个方面：",
    "主要做好五项工作：",
    "一、二季度",
    # placeholders and template markers
    *"xx XX x X ｘ × ** * ＊ ○○ □□ □ 某某 xx亿元 增长*% 第X届 X光 IPO x86 3×4 5*3".split(),
    "【待填】",
    "【此处插入数据】",
    "（待补充）",
    "TODO",
    # paired and doubled marks, spacing
    *"“ ” ‘ ’ 《 》 〈 〉 （ ） ( ) 【 】 [ ] 「 」".split(),
    *"， 。 、 ； ： ？ ！ , . ; : ? ! … …… ... 。。。 —— -- - – ~ ～ · ％ % ‰".split(),
    " ",
    "  ",
    "\t",
    "\u3000",
    "\u3000\u3000",
    "\u00a0",
    "\u200b",
    "\ufeff",
    # words the packs know
    *"截止目前 截至日期 权利监督 辨证统一 形式严峻 必需加强 法制国家 城市品味 的 地 得 再再 做做".split(),
    "新时代中国特色社会主义思想",
    "习近平新时代中国特色社会主义",
    # scripts, marks and characters that are not Chinese
    "Hello, world",
    "مرحبا",
    "שלום",
    "\u202e",
    "\u202c",
    "\u0301",
    "\u0308\u0323",
    "𠀀",
    "😀",
    "\U0010fffd",
    "\ufffc",
    "\ufffd",
    "\x7f",
    "\x01",
    "\x1b",
    # verbatim spans
    "http://a.cn/?x=1,2",
    "https://www.example.com/a_(b)",
    "www.gov.cn",
    "a@b.cn",
    "&emsp;",
    "&#12288;",
    "&amp;",
    # Markdown
    "`code`",
    "``",
    "# ",
    "## ",
    "###### ",
    "> ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "1) ",
    "    ",
    "|",
    "|---|",
    "| --- | :-: |",
    "```",
    "~~~",
    "---",
    "===",
    "**",
    "__",
    "~~",
    "_",
    "[a]",
    "[a]: http://x.cn",
    "](http://x.cn)",
    "![",
    "<div>",
    "</div>",
    "<br/>",
    "<script>",
    "<!--",
    "-->",
    "<!-- reportlint-disable PH001 -->",
    "<!-- reportlint-disable-next-line -->",
    "<!-- reportlint-disable-file TYP,PUN -->",
    "<!-- reportlint-enable -->",
    "<!-- reportlint-disable NOPE999 -->",
    "\\",
    "\\*",
    "<http://a.cn>",
]
LINE_BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\n\n"]

#: Any character that UTF-8 can encode (all planes; no lone surrogates), and any character at all.
ENCODABLE = st.characters(codec="utf-8")
ANY_CHAR = st.characters()

#: A piece of a line: mostly report fragments, with random characters between them.
PIECE = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),
    st.text(ENCODABLE, min_size=1, max_size=4),
    st.sampled_from(["的", "工作", "推进", "全年", "完成", "建设", "发展", "党工委", "管委会"]),
)
LINE = st.lists(PIECE, min_size=1, max_size=30).map("".join)
#: Lines, each ended by a line break of any kind (some of which are not line breaks in a .txt file).
TEXT = st.lists(st.tuples(LINE, st.sampled_from(LINE_BREAKS)), max_size=30).map(
    lambda lines: "".join(line + end for line, end in lines)
)
RANDOM_TEXT = st.text(ENCODABLE, max_size=200)
#: Text that may hold lone surrogates: only paths that take ``str`` can meet it (never a file's bytes).
SURROGATE_TEXT = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(LINE_BREAKS), st.text(ANY_CHAR, min_size=1, max_size=3)),
    max_size=40,
).map("".join)


# --- the properties --------------------------------------------------------------------------------------


def lint_all(document: Document) -> list[Finding]:
    """Lint with every rule; a rule that raised fails the test with its code and error."""
    findings, crashes = lint_document(document, ALL)
    assert not crashes, [f"{crash.code}: {crash.error}" for crash in crashes]
    return findings


def write_every_format(document: Document, findings: list[Finding]) -> None:
    report = Report(findings, {document.path: document.lines}, 1, base_registry())
    for name in FORMAT_NAMES:
        writer(name)(report, io.StringIO())
    write_statistics(report, io.StringIO())


def read(data: bytes, fmt: str, name: str = "draft") -> Document | None:
    """The document, or None for bytes the reader refuses with a reason (never another exception)."""
    try:
        return read_bytes(data, f"{name}.{fmt}", fmt)
    except ReadError:
        return None


@FAST
@given(text=TEXT)
def test_txt_report_fragments(text: str) -> None:
    document = read(text.encode("utf-8"), "txt")
    assert document is not None or "\x00" in text
    if document is not None:
        findings = lint_all(document)
        assert_sound(document, findings, exact_text=True)
        write_every_format(document, findings)


@FAST
@given(text=TEXT)
def test_markdown_report_fragments(text: str) -> None:
    document = read(text.encode("utf-8"), "md")
    assert document is not None or "\x00" in text
    if document is not None:
        findings = lint_all(document)
        assert_sound(document, findings, exact_text=False)
        write_every_format(document, findings)


@FAST
@given(text=RANDOM_TEXT, fmt=st.sampled_from(["txt", "md"]))
def test_random_unicode_from_all_planes(text: str, fmt: str) -> None:
    document = read(text.encode("utf-8"), fmt)
    assert document is not None or "\x00" in text
    if document is not None:
        assert_sound(document, lint_all(document), exact_text=fmt == "txt")


@FAST
@given(data=st.binary(max_size=300), fmt=st.sampled_from(["txt", "md", "docx"]))
def test_arbitrary_bytes_are_read_or_refused_with_a_reason(data: bytes, fmt: str) -> None:
    document = read(data, fmt)
    if document is not None:
        assert_sound(document, lint_all(document), exact_text=fmt != "md")


@FAST
@given(text=TEXT, encoding=st.sampled_from(["gb18030", "utf-16", "utf-8-sig"]))
def test_other_encodings(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    document = read(data, "txt")
    assert document is not None or "\x00" in text
    if document is not None:
        assert_sound(document, lint_all(document), exact_text=True)


@FAST
@given(text=SURROGATE_TEXT, fmt=st.sampled_from(["txt", "md"]))
def test_text_with_lone_surrogates_through_the_str_paths(text: str, fmt: str) -> None:
    """Readers take bytes, so a lone surrogate never comes from a file; the blocks builders and the rules
    take ``str`` and must not choke on one (an editor buffer can hold one)."""
    lines = split_lines(text)
    comments: list = []
    blocks = markdown_blocks(lines, comments) if fmt == "md" else blocks_from_lines(lines)
    document = Document(f"draft.{fmt}", fmt, blocks, lines, "utf-8", "\n", comments)
    findings = lint_all(document)
    assert_sound(document, findings, exact_text=fmt == "txt")
    write_every_format(document, findings)


@FAST
@given(text=SURROGATE_TEXT, fmt=st.sampled_from(["txt", "md"]))
def test_language_server_buffers_with_lone_surrogates(text: str, fmt: str) -> None:
    """The language server lints the editor's text (str): a lone surrogate becomes one replacement mark."""
    from reportlint.integrations.lsp.linting import Buffer, BufferLinter

    linter = BufferLinter()
    linter.update(Buffer(f"untitled:draft.{fmt}", None, fmt, text))
    outcomes, crashes = linter.outcomes()
    assert not crashes
    (outcome,) = outcomes.values()
    assert not outcome.crashes, [f"{crash.code}: {crash.error}" for crash in outcome.crashes]
    assert outcome.document is not None or outcome.problem.startswith("RL001"), outcome.problem
    if outcome.document is not None:
        assert_sound(outcome.document, outcome.findings, exact_text=fmt == "txt")
        pytest.importorskip("lsprotocol")
        from reportlint.integrations.lsp.convert import Locator, diagnostic

        locator = Locator({outcome.document.path: (outcome.buffer.uri, outcome.document.lines)}, "utf-16")
        for finding in outcome.findings:
            diagnostic(finding, locator)


#: Figures that drafts linted together share: with them, the cross-document rule compares the drafts.
SHARED = "全年完成固定资产投资12.5亿元。\n新增市场主体320户。\n实现税收收入8.6亿元。\n"


@FAST
@given(drafts=st.lists(st.tuples(st.sampled_from([38, 44]), TEXT), min_size=2, max_size=3))
def test_corpus_rules_over_documents_linted_together(drafts: list[tuple[int, str]]) -> None:
    """Drafts that share three figures and may differ on a fourth, amid generated text."""
    texts = [f"{SHARED}今年来共学习“第一议题”{count}次。\n{text}" for count, text in drafts]
    documents = [read(text.encode("utf-8"), "txt", f"draft{index}") for index, text in enumerate(texts)]
    documents = [document for document in documents if document is not None]
    findings, crashes = lint_corpus(corpus_members(documents, ALL))
    assert not crashes, [f"{crash.code}: {crash.error}" for crash in crashes]
    by_path = {document.path: document for document in documents}
    for finding in findings:
        assert_sound(by_path[finding.path], [finding], exact_text=True)
        for related in finding.related:
            assert_inside(by_path[related.path], related.start, "related")
            assert_inside(by_path[related.path], related.end, "related")


@SLOW
@pytest.mark.slow
@given(text=TEXT, fmt=st.sampled_from(["txt", "md"]), unsafe=st.booleans())
def test_fixes_apply_and_the_fixed_text_reads_back(text: str, fmt: str, unsafe: bool) -> None:
    data = text.encode("utf-8")
    document = read(data, fmt)
    assume(document is not None)
    outcome, fixed = fix_document(
        data,
        document,
        lint_all,
        lambda new: read_bytes(new, document.path, fmt, document.encoding),
        unsafe,
    )
    outcome.fixed.decode(document.encoding)
    assert_sound(fixed, lint_all(fixed), exact_text=fmt == "txt")


# --- fix_text against a plain model ----------------------------------------------------------------------


def _finding(line: int, start: int, end: int, content: str) -> Finding:
    a, b = Position(line, start), Position(line, end)
    return Finding("T001", "test", Severity.ERROR, "m", "d.txt", a, b, "", fix=Fix("f", (Edit(a, b, content),)))


@st.composite
def edited_lines(draw):
    lines = draw(st.lists(st.text(st.sampled_from("甲乙丙丁ab"), max_size=12), min_size=1, max_size=4))
    findings = []
    for _ in range(draw(st.integers(0, 12))):
        line = draw(st.integers(1, len(lines)))
        length = len(lines[line - 1])
        start = draw(st.integers(1, length + 1))
        end = draw(st.integers(start, length + 1))
        findings.append(_finding(line, start, end, draw(st.text(st.sampled_from("，。x"), max_size=2))))
    return lines, findings


@FAST
@given(case=edited_lines(), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_fix_text_applies_the_chosen_edits_to_the_original_text(case, newline: str) -> None:
    """The applied fixes never overlap (nor do two insertions at one place), each edit applies to the text as
    read (an insertion before a replacement that starts at its place), and a fix left out clashes with one
    applied."""
    lines, findings = case
    text = newline.join(lines) + newline
    fixed, applied = fix_text(text, findings)
    starts = [sum(len(line) + len(newline) for line in lines[:index]) for index in range(len(lines))]

    def span(finding: Finding) -> tuple[int, int]:
        edit = finding.fix.edits[0]
        return starts[edit.start.line - 1] + edit.start.column - 1, starts[edit.end.line - 1] + edit.end.column - 1

    def clash(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[1] and b[0] < a[1] or a[0] == a[1] == b[0] == b[1]

    chosen = sorted(map(span, applied))
    assert all(not clash(a, b) for index, a in enumerate(chosen) for b in chosen[index + 1 :])
    assert all(any(clash(span(f), span(a)) for a in applied) for f in findings if f not in applied)
    expected, done = "", 0
    for finding in sorted(applied, key=span):
        start, end = span(finding)
        expected += text[done:start] + finding.fix.edits[0].content
        done = end
    assert fixed == expected + text[done:]


# --- Word documents --------------------------------------------------------------------------------------


def _xml_compatible(char: str) -> bool:
    code = ord(char)
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


XML_TEXT = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(["\n", "\t"]), st.text(ENCODABLE, min_size=1, max_size=3)),
    max_size=12,
).map(lambda pieces: "".join(char for char in "".join(pieces) if _xml_compatible(char)))
PARAGRAPH = st.tuples(st.sampled_from(["paragraph", "heading", "cell"]), XML_TEXT)


def _docx(paragraphs: list[tuple[str, str]]) -> bytes:
    import docx

    word = docx.Document()
    for kind, text in paragraphs:
        if kind == "heading":
            word.add_heading(text, level=1)
        elif kind == "cell":
            word.add_table(rows=1, cols=2).cell(0, 1).text = text
        else:
            word.add_paragraph(text)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


@SLOW
@pytest.mark.slow
@given(paragraphs=st.lists(PARAGRAPH, max_size=8))
def test_docx_built_from_generated_paragraphs(paragraphs: list[tuple[str, str]]) -> None:
    """Word documents are slow to build: few and small examples. The annotated copy is written too."""
    data = _docx(paragraphs)
    document = read_bytes(data, "draft.docx", "docx")
    findings = lint_all(document)
    assert_sound(document, findings, exact_text=True)
    write_every_format(document, findings)

    import docx

    from reportlint.integrations.word import add_comments

    word = docx.Document(io.BytesIO(data))
    add_comments(word, findings, document.lines)
    copy = io.BytesIO()
    word.save(copy)
    assert read_bytes(copy.getvalue(), "copy.docx", "docx").lines == document.lines


def test_the_fragments_reach_the_rules() -> None:
    """The generated text is worth its time only if it makes the rules work: the fragments alone, in order,
    a few to a line, already draw findings from every family that reads one document."""
    lines = ["".join(FRAGMENTS[index : index + 7]) for index in range(0, len(FRAGMENTS), 7)]
    findings = lint_all(read("\n".join(lines).encode("utf-8"), "txt"))
    assert {finding.code.rstrip("0123456789") for finding in findings} >= {"PH", "NUM", "SEC", "TYP", "PUN"}


def test_the_soundness_check_refuses_a_finding_past_the_end_of_its_line() -> None:
    """The check itself can fail: a finding one column past the end of its line is refused."""
    document = Document("d.txt", "txt", [Block("ab", "paragraph", [(0, 1, 1, False)])], ["ab"])
    with pytest.raises(AssertionError, match="column 4, line length 2"):
        assert_sound(document, [_finding(1, 1, 4, "")], exact_text=False)
