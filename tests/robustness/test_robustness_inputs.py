"""Large and adversarial inputs, linted by every rule: no exception, every finding inside the document, and
no hang.

The hang detector is a correctness test, not a benchmark. On the development machine every rule together
lints 100 kB of report text in about 0.07 s, and the inputs below (100,000 characters, up to 300 kB, many
drawing a finding on every other character) in 0.02 to 1.7 s; the bound is 5 s. Work that grows with the
square of the input (a regular expression backtracking over a long run, a scan or a copy of the whole block
per match) takes minutes at this size instead, and the test fails naming the rule, or the reader, that was
still running when the bound passed. Each input is built against a construct that could go wrong on it: the
comment above each group of cases names what it aims at.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import REPO
from soundness import ALL, assert_sound
from timing import HANG, assert_linear, within

from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigSpec, Settings
from reportlint.document import Document
from reportlint.engine.fixes import fix_document
from reportlint.engine.lint import lint_document
from reportlint.packs.loader import load_pack, shipped_pack_paths
from reportlint.readers import read_bytes

#: Characters of each input (100 kB of UTF-8 and more: most characters here take three bytes).
SIZE = 100_000


def lint_checked(text: str, fmt: str, settings: Settings = ALL) -> tuple[Document, list]:
    """Read and lint ``text`` with every rule, guarded against a hang; every finding must lie in the text.
    Every finding is kept (no limit: these check that none is lost or misplaced; tests/engine/test_limits.py
    the limits)."""
    with within(HANG):
        document = read_bytes(text.encode("utf-8"), f"draft.{fmt}", fmt)
        findings, crashes = lint_document(document, settings, limit=False)
    assert not crashes, [f"{crash.code}: {crash.error}" for crash in crashes]
    assert_sound(document, findings, exact_text=fmt != "md")
    return document, findings


def repeat(unit: str, size: int = SIZE) -> str:
    return unit * max(1, size // len(unit))


def _rising_backtick_runs(n: int) -> str:
    """Runs of 1, 2, 3 … backticks, each with no closing run of its length (a code span per length)."""
    runs, length = [], 1
    while sum(map(len, runs)) < n:
        runs.append("`" * length + "文")
        length += 1
    return "".join(runs)


def _almost_pack_words(n: int) -> str:
    """Every literal of the shipped packs without its last character, joined: a near-miss at every step."""
    packs = [load_pack(path, trusted=True) for path in shipped_pack_paths()]
    entries = [entry for pack in packs for part in (*pack.rules, *pack.extend) for entry in part.entries]
    literals = [entry.match for entry in entries if entry.match and len(entry.match) > 1]
    assert len(literals) > 500
    return repeat("".join(literal[:-1] + "，" for literal in literals), n)


def case(name: str, fmt: str, build: Callable[[int], str], known_superlinear: str = ""):
    marks = [pytest.mark.xfail(reason=known_superlinear, strict=False)] if known_superlinear else []
    return pytest.param(fmt, build, id=name, marks=marks)


def _long_numeral_runs(n: int) -> str:
    lines = ["一" * n, "两" * n, repeat("一万", n), repeat("1%", n), repeat("xx亿元", n), repeat("抓好三个方面：", n)]
    return "\n".join(lines)


CASES = [
    # PUN009: whitespace at a line end, matched with a lookahead after a run
    case("spaces-then-line-separator", "txt", lambda n: "中" + " " * n + "中\u2028"),
    case("trailing-space-on-every-line", "txt", lambda n: repeat("中 \u2028", n)),
    case("ideographic-spaces-then-text", "txt", lambda n: "中" + "\u3000" * n + "中\u3000"),
    case("tabs-and-spaces", "md", lambda n: "中" + " \t" * (n // 2) + "中  "),
    # .md: closing sequence of an ATX heading, searched after runs of spaces and tabs
    case("atx-heading-spaces", "md", lambda n: "# 标题" + " \t" * (n // 2) + "x"),
    case("atx-heading-hashes", "md", lambda n: "# 标题" + " #" * (n // 2) + "x"),
    # .md: inline link destination between whitespace on both sides
    case("link-destination-spaces", "md", lambda n: "[文](" + " " * n + "x y"),
    case("link-destination-nested-parens", "md", lambda n: repeat("[文](x(", n)),
    # .md: brackets, each "]" looking back at its opener and the link labels
    case("brackets-then-links", "md", lambda n: "[" * (n // 2) + repeat("[文](b)", n // 2)),
    case("brackets-open-then-closed", "md", lambda n: "[" * (n // 2) + "]" * (n // 2)),
    case("bracket-label-with-definition", "md", lambda n: "[a]: http://x.cn\n\n" + "[" * (n // 2) + "a]" * (n // 4)),
    # .md: emphasis delimiter runs (CommonMark's process emphasis is quadratic without its floors)
    case("star-letter", "md", lambda n: repeat("*文", n)),
    case("double-star-single-star", "md", lambda n: repeat("**文*", n)),
    case("underscore-star", "md", lambda n: repeat("*_", n)),
    case("tildes", "md", lambda n: repeat("~~文~", n)),
    case("stars-between-clauses", "md", lambda n: repeat("*增长，", n)),
    case("rising-backtick-runs", "md", _rising_backtick_runs),
    # .md: inline HTML, autolinks, entities, comments
    case("tag-attributes-unclosed", "md", lambda n: "<a" + " b" * (n // 2)),
    case("tag-quoted-values", "md", lambda n: repeat("<a b='", n)),
    case("angle-brackets", "md", lambda n: "<" * n),
    case("comment-openers", "md", lambda n: repeat("<!--", n)),
    case("entity-starts", "md", lambda n: repeat("&#", n)),
    # URLs and e-mail addresses (the .md reader, and the verbatim spans the punctuation rules skip)
    case("url-closing-parens", "md", lambda n: "http://a.cn" + ")" * n),
    case("url-closing-parens-txt", "txt", lambda n: "http://a.cn" + ")" * n),
    case("url-trailing-dots", "md", lambda n: "www.a.cn" + "." * n),
    case("letters-then-at", "txt", lambda n: "a" * n + "@"),
    case("letters-then-at-md", "md", lambda n: "中" + "a" * n + "@"),
    case("dotted-letters-then-at", "txt", lambda n: repeat("a.", n) + "@"),
    case("domain-without-dot", "txt", lambda n: "a@" + repeat("a-", n)),
    case("at-signs", "txt", lambda n: repeat("a@a.", n)),
    case("www-runs", "txt", lambda n: repeat("www.", n)),
    # paired marks: openers of one kind, closers of another
    case("open-parens-then-quotes", "txt", lambda n: "（" * (n // 2) + "”" * (n // 2)),
    case("alternating-openers-one-closer", "txt", lambda n: repeat("“《（【‘〈(", n) + "）"),
    case("unmatched-quotes-over-paragraphs", "txt", lambda n: repeat("“引文\n", n)),
    # punctuation rules: runs of marks, hyphens, dots, half-width marks before spaces
    case("doubled-marks", "txt", lambda n: repeat("，。", n)),
    case("hyphen-run", "txt", lambda n: "中" + "-" * n + "中"),
    case("number-hyphen-chain", "txt", lambda n: repeat("1-", n)),
    case("decimal-hyphen-chain", "txt", lambda n: repeat("1.1-", n)),
    case("long-decimal", "txt", lambda n: "1." + "1" * n + "-2年"),
    case("ellipsis-run-even", "txt", lambda n: "…" * (n - n % 2)),
    case("ellipsis-run-odd", "txt", lambda n: "…" * (n + 1 - n % 2)),
    case("dots", "txt", lambda n: "中" + "." * n),
    case("half-width-comma-then-spaces", "txt", lambda n: "中," + " " * n + "x"),
    case("half-width-commas", "txt", lambda n: repeat("中,", n)),
    case("tilde-ranges", "txt", lambda n: repeat("1~", n)),
    # placeholders
    case("one-run-of-x", "txt", lambda n: "x" * n),
    case("multiplication-signs", "txt", lambda n: repeat("×中", n)),
    case("stars-before-words", "txt", lambda n: repeat("*增长", n)),
    case("template-markers", "txt", lambda n: repeat("【待", n)),
    case("bracketed-near-markers", "txt", lambda n: repeat("【此处", n)),
    # outline and inline enumerators
    case("inline-enumerators-out-of-order", "txt", lambda n: repeat("，一是，三是，二是", n)),
    case("inline-enumerators-unseparated", "txt", lambda n: repeat("一是", n)),
    case("ordinal-adverbs", "txt", lambda n: repeat("首先，其次，再次，最后，", n)),
    case("aspects", "txt", lambda n: repeat("一方面", n)),
    case("numbered-references", "txt", lambda n: repeat("1.《书》第", n)),
    # words of the packs: every literal without its last character
    case("almost-pack-words", "txt", _almost_pack_words),
    case("context-words-repeated", "txt", lambda n: repeat("截止形式权利辨证必需法制品味反应", n)),
    # numerals of every kind, in long runs
    case("arabic-digits", "txt", lambda n: "1" * n),
    case("arabic-with-separators", "txt", lambda n: repeat("1,", n)),
    case("full-width-digits", "txt", lambda n: "１" * n),
    case("twenty-and-zero", "txt", lambda n: repeat("廿〇", n)),
    case("years", "txt", lambda n: repeat("2024年", n)),
    case("year-ranges", "txt", lambda n: repeat("2024-2025年", n)),
    case("impossible-dates", "txt", lambda n: repeat("2月30日", n)),
    case("ten-thousand-hundred-million", "txt", lambda n: repeat("万亿", n)),
    case("numeral-runs-figures-and-counts", "txt", _long_numeral_runs),
    case("percentage-ranges", "txt", lambda n: repeat("1%～", n)),
    # scripts and characters that are not Chinese
    case("combining-marks", "txt", lambda n: repeat("中\u0301\u0302", n)),
    case("right-to-left", "txt", lambda n: repeat("\u202eمرحبا\u202c", n)),
    case("astral-characters", "md", lambda n: repeat("𠀀😀", n)),
    case("line-separators", "txt", lambda n: repeat("中\u2028", n)),
    case("byte-order-marks", "txt", lambda n: repeat("\ufeff", n)),
    # Markdown block structure
    case("suppression-comments", "md", lambda n: repeat("<!-- reportlint-disable PH001 -->\n", n)),
    case("disable-next-line-comments", "md", lambda n: repeat("<!-- reportlint-disable-next-line -->\n中xx亿元\n", n)),
    case("block-quote-markers", "md", lambda n: ">" * n),
    case("lazy-quote-lines", "md", lambda n: repeat("> 文\n文\n", n)),
    case("list-items", "md", lambda n: repeat("- 文\n", n)),
    case("nested-lists", "md", lambda n: "".join(" " * (2 * depth) + "- 文\n" for depth in range(300))),
    case("table-pipes", "md", lambda n: "|" * n + "\n" + "|-" * (n // 2) + "|"),
    case("table-rows", "md", lambda n: "|文|字|\n|-|-|\n" + repeat("|文|字|\n", n)),
    case("escaped-pipes", "md", lambda n: repeat("\\|", n)),
    case("fence-markers", "md", lambda n: repeat("```\n", n)),
    case("setext-underlines", "md", lambda n: repeat("文\n=\n", n)),
    case("html-block-lines", "md", lambda n: repeat("<div>\n", n)),
    case("link-definitions-and-references", "md", lambda n: "[a]: http://x.cn\n" + repeat("[a]", n)),
]


@pytest.mark.parametrize(("fmt", "build"), CASES)
def test_adversarial_input_is_linted_soundly_in_linear_time(fmt: str, build: Callable[[int], str]) -> None:
    lint_checked(build(SIZE), fmt)
    texts = {n: build(n) for n in (SIZE // 2, SIZE)}
    assert_linear(lambda n: lint_checked(texts[n], fmt), SIZE // 2)


# --- the sizes and shapes of the issue: 1 MB lines, 100,000 placeholders, thousands of headings ------------

#: One paragraph of a work report (our own writing): figures, a name placeholder, quotes, enumerators.
PARAGRAPH = (
    "全年完成固定资产投资12.5亿元，同比增长8.3%，其中工业投资7.2亿元、服务业投资5.3亿元；xx党工委扎实推进"
    "“一网通办”改革，（一）加强学习，一是强化引领，二是压实责任。"
)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_a_one_megabyte_line(fmt: str) -> None:
    """One paragraph repeated to 1 MB without a line break: every repetition's placeholder is found where it
    stands (one finding per repetition, none lost or shifted)."""
    repetitions = 1024 * 1024 // len(PARAGRAPH.encode("utf-8")) + 1
    document, findings = lint_checked(PARAGRAPH * repetitions, fmt)
    assert len(document.lines) == 1 and len(document.lines[0].encode("utf-8")) > 1024 * 1024
    placeholders = [finding for finding in findings if finding.code == "PH002"]
    step = len(PARAGRAPH)
    offset = PARAGRAPH.index("xx") + 1
    assert [finding.start.column for finding in placeholders] == [offset + step * n for n in range(repetitions)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("unit", "code"),
    [("xx、", "PH002"), ("【待填】", "PH003"), ("增长*%，", "PH001")],
    ids=["name", "marker", "figure"],
)
def test_100000_placeholders_in_a_row(unit: str, code: str) -> None:
    _, findings = lint_checked(unit * 100_000, "txt")
    assert sum(finding.code == code for finding in findings) == 100_000


def _outline(sections: int) -> list[str]:
    """A sound outline five levels deep: 一、 （一） 1. （1） ①, every run numbered from one without a gap."""
    from reportlint.analysis.outline import han_numeral

    lines = []
    for a in range(1, sections + 1):
        lines.append(f"{han_numeral(a)}、第{han_numeral(a)}部分工作")
        for b in range(1, 6):
            lines.append(f"（{han_numeral(b)}）加强第{b}项建设")
            for c in range(1, 6):
                lines.append(f"{c}.推进第{c}项任务")
                for d in range(1, 4):
                    lines.append(f"（{d}）落实第{d}项措施")
                    lines.extend(f"{mark}完成具体事项。" for mark in "①②")
    return lines


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_thousands_of_nested_headings(fmt: str) -> None:
    """5,120 headings on five levels: nothing to report in the sound outline, and exactly the two faults
    planted deep inside it (a skipped and a duplicated number), on their lines. (Markdown paragraphs are
    separated by blank lines; the line numbers count them.)"""
    lines = _outline(20)
    end = "\n\n" if fmt == "md" else "\n"
    step = len(end)
    assert len(lines) == 5120
    _, findings = lint_checked(end.join(lines), fmt)
    assert [finding.code for finding in findings if finding.code.startswith("SEC")] == []

    skipped = lines.index("（三）加强第3项建设", 4000)
    for number, line in zip("四五六", (skipped, skipped + 51, skipped + 102), strict=True):
        assert line == skipped or lines[line].startswith("（")
        lines[line] = f"（{number}）加强建设"  # （一）（二）（四）（五）（六）: （三） skipped
    duplicated = lines.index("3.推进第3项任务", 2000)
    lines[duplicated] = "2.推进第3项任务"  # 1. 2. 2. 4. 5.
    _, findings = lint_checked(end.join(lines), fmt)
    found = [(finding.code, finding.start.line) for finding in findings if finding.code.startswith("SEC")]
    assert found == [("SEC002", duplicated * step + 1), ("SEC001", skipped * step + 1)]


def test_deep_markdown_nesting_is_read_as_text_beyond_the_limit() -> None:
    """Block quotes and lists nested far deeper than the reader follows (MAX_DEPTH) are read, not recursed."""
    text = "> " * 5000 + "xx党工委\n" + "".join("  " * depth + "- 第一项xx\n" for depth in range(2000))
    document, findings = lint_checked(text, "md")
    assert document.lines[0].endswith("xx党工委")
    assert any(finding.code == "PH002" and finding.start.line == 1 for finding in findings)


def test_an_allow_list_word_on_every_other_character() -> None:
    """Every hit is checked against the allowed words around it: by a search, not a scan of all of them."""
    settings = Settings(ConfigSpec(select=["ALL"], allow=["中"]), REPO, None, base_registry())
    _, findings = lint_checked(repeat("中,", SIZE), "txt", settings=settings)
    assert sum(finding.code == "PUN001" for finding in findings) == SIZE // 2


def test_fixing_fifty_thousand_findings() -> None:
    """``--fix`` on a file where every other character has a fix: each fix is checked against those taken by
    a search, and the text is rebuilt once."""
    data = repeat("中,").encode("utf-8")
    document = read_bytes(data, "draft.txt", "txt")
    settings = Settings(ConfigSpec(select=["PUN001"]), REPO, None, base_registry())
    with within(HANG):
        outcome, _ = fix_document(
            data,
            document,
            lambda doc: lint_document(doc, settings, limit=False)[0],  # as engine.source does: every fix
            lambda new: read_bytes(new, "draft.txt", "txt"),
            unsafe=False,
        )
    assert len(outcome.applied) == SIZE // 2 and outcome.fixed == repeat("中，").encode("utf-8")


@pytest.mark.parametrize(("length", "is_link"), [(999, True), (1000, False)])
def test_a_link_label_is_at_most_999_characters(length: int, is_link: bool) -> None:
    """CommonMark's limit on link labels, which also bounds the work done for each ``]`` (a bracket closed
    after a long text is not looked up as a reference)."""
    label = "文" * length
    document = read_bytes(f"[{label}]: http://x.cn\n\n见[{label}]。\n".encode(), "draft.md", "md")
    assert [block.text for block in document.blocks] == [f"见{label}。" if is_link else f"见[{label}]。"]
