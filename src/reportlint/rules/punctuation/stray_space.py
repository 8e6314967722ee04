"""PUN008 stray-space: A space between Chinese characters or beside a Chinese punctuation mark."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from reportlint.analysis.chars import CHINESE_TEXT, HAN, char_at, is_
from reportlint.analysis.fulltext import full_text
from reportlint.analysis.pairs import pairs
from reportlint.document import Block, Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.punctuation.common import PROSE_KINDS


def _runs_of_text(block: Block) -> bool:
    """Whether ``block`` is running text: a paragraph or list item with at least one clause or sentence mark.
    Titles, headings, signatures, dates and names padded with spaces (``李　强``) have none."""
    return block.kind in PROSE_KINDS and any(mark in block.text for mark in "，。；！？")


class StraySpace(Rule):
    """Finds a space between Chinese characters or beside a Chinese punctuation mark in running text:
    ``从严治党责任， 持续推进``, ``有序推进 “十五五”规划编制``, ``一是 加强学习``.

    Why: Chinese text is set without spaces between words; a space (often a no-break space U+00A0 or an
    ideographic space U+3000 pasted from elsewhere) shows as a gap in the printed report.

    A space beside a punctuation mark is a warning with a safe fix. A space between two characters is only
    an ``info``: it may separate a title from a name, or stand for a missing mark (``勤俭节约 从我做起``), so
    check the fix. Only running text is checked — paragraphs with a clause or sentence mark — so titles,
    signatures, dates and names padded to equal width (``李　强``) are left alone. So are the space after an
    article number (``第一条　为了规范……``) and after a news dateline (``新华社北京6月8日电 近日，……``),
    the spaces between joint issuers inside a document title (``《中共中央 国务院关于……的意见》``), two or
    more ideographic spaces (layout: indentation or alignment), spaces beside Latin letters and digits
    (``使用 Python 编程``), tables and headings.

    Silence it: delete the space; ``ignore = ["PUN008"]`` turns the rule off.
    """

    code = "PUN008"
    name = "stray-space"
    severity = Severity.WARNING
    summary = "A space between Chinese characters or beside a Chinese punctuation mark"
    flags = (
        Case("全面落实从严治党责任，⟦ ⟧持续推进作风建设", fix=""),
        Case("在2026⟦ ⟧年，投资1.6⟦ ⟧亿元，增长12.5⟦ ⟧%。", fix=""),
    )
    passes = (
        "学习使用 Python 编程，第一条\u3000为了规范管理，制定本办法。",
        "共花了 5000 元，安装 Python 3 版本，增长1 5 ．3 ％。",
    )

    _SPACE = regex.compile(r"[ \u00a0\u3000\t]+")
    #: Conventions that put a space after them: article numbers and news datelines.
    _SPACED_AFTER = regex.compile(
        r"(?:第[〇一二三四五六七八九十百千零两0-9]+[条章节款编]|[0-9一二三四五六七八九十]日电)$"
    )

    #: A space between a figure and its unit (``2026 年``, ``35 %``, ``1.6 亿元``), in any paragraph (a date line
    #: too). Left alone when a space, a Latin letter or another figure stands before the figure: a text that
    #: spaces figures out on purpose (``花了 5000 元``, ``Python 3 版本``) or a number spaced digit by digit.
    _FIGURE_SPACE = regex.compile(
        r"(?<![\p{Latin}0-9０-９.．\s])[0-9０-９]+(?:[.．][0-9０-９]+)?([ \u00a0\u3000]+)"
        r"(?=[%％‰]|[年月日万亿千百元个项次件名家条户人吨亩座所台套辆篇期场批起宗册栋间份种处岁倍]|公里|公顷|平方米|千瓦|小时)"
    )

    #: A figure right before its unit, without a space.
    _FIGURE_UNIT = regex.compile(
        r"[0-9０-９](?=[%％‰]|[年月日万亿千百元个项次件名家条户人吨亩座所台套辆篇期场批起宗册栋间份种处岁倍])"
    )

    def _spaced_out(self, document: Document) -> set[int]:
        """The blocks of a document that spaces its figures out from their units as its style (or its source
        did so throughout: a scraped text), where such a space is not a slip: all of them when at least a
        fifth of its figures before a unit are spaced, and more than three."""
        spaced = [
            block.index
            for block in document.analysis(full_text).holding(" \u3000\u00a0")
            if block.kind in PROSE_KINDS
            for _ in self._FIGURE_SPACE.finditer(block.text)
        ]
        if len(spaced) <= 3:
            return set()
        tight = sum(len(self._FIGURE_UNIT.findall(block.text)) for block in document.blocks)
        return set(spaced) if len(spaced) * 5 >= len(spaced) + tight else set()

    def check(self, document: Document) -> Iterator[Hit]:
        found = document.analysis(pairs)
        spaced_out = self._spaced_out(document)
        for block in document.analysis(full_text).holding(" \u3000\u00a0\t"):
            text = block.text
            if block.kind in PROSE_KINDS and block.index not in spaced_out:
                for match in self._FIGURE_SPACE.finditer(text):
                    start, end = match.span(1)
                    yield Hit(block, start, end, "数字与单位之间多余的空格：请删除", replacement="")
            if not _runs_of_text(block):
                continue
            titles = None
            for match in self._SPACE.finditer(text):
                start, end = match.span()
                before, after = char_at(text, start - 1), char_at(text, end)
                if not (is_(CHINESE_TEXT, before) and is_(CHINESE_TEXT, after)) or match.group().count("\u3000") > 1:
                    continue
                if self._SPACED_AFTER.search(text, max(0, start - 8), start):
                    continue
                if is_(HAN, before) and is_(HAN, after):
                    if titles is None:
                        titles = [(o.offset, c.offset) for o, c in found[block.index].pairs if o.kind == "title"]
                    if any(open_at < start and end <= close_at for open_at, close_at in titles):
                        continue  # 《中共中央 国务院关于……》: joint issuers
                    yield Hit(
                        block,
                        start,
                        end,
                        "中文之间多余的空格：请删除（或改为应有的标点）",
                        replacement="",
                        safe_fix=False,
                        severity=Severity.INFO,
                    )
                else:
                    yield Hit(block, start, end, "标点旁多余的空格：请删除", replacement="")
