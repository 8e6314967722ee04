"""PUN008 stray-space: A space between Chinese characters or beside a Chinese punctuation mark."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.chars import CHINESE_TEXT, HAN, char_at, is_
from reportlint.analysis.fulltext import full_text
from reportlint.analysis.lazy import lazy_regex
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
    """查找正文中汉字之间或中文标点旁边的空格：``从严治党责任， 持续推进``、
    ``有序推进 “十五五”规划编制``、``一是 加强学习``。

    为什么要查：中文词与词之间不加空格；空格（常是从别处粘贴来的不换行空格
    U+00A0 或全角空格 U+3000）在印出的报告中显示为空隙。

    标点旁边的空格报警告，附安全修正。两个汉字之间的空格只作``info``提示：它可能
    分隔标题和人名，也可能代替了漏掉的标点（``勤俭节约 从我做起``），请核对修正。
    只检查正文（有分句或句末点号的段落），所以题目、落款、日期以及为等宽而加空格
    的姓名（``李　强``）不报。以下也不报：条款序号之后的空格
    （``第一条　为了规范……``），电头之后的空格（``新华社北京6月8日电 近日，……``），
    公文标题中联合发文机关之间的空格（``《中共中央 国务院关于……的意见》``），两
    个及以上的全角空格（缩进或对齐用的排版），拉丁字母和数字旁边的空格
    （``使用 Python 编程``），表格和标题。

    数字与单位之间的空格（``2026 年``、``35 %``、``1.6 亿元``）在任何段落中都报（落款日期也报）；
    数字前已有空格、拉丁字母或数字的不报（``花了 5000 元``、``Python 3 版本``），通篇把数字与单位
    空开的文本（一成以上且超过三处）也不报。

    忽略方法：删去空格；``ignore = ["PUN008"]``关闭此规则。
    """

    code = "PUN008"
    name = "stray-space"
    severity = Severity.WARNING
    summary = "汉字之间或中文标点旁边有空格"
    flags = (
        Case("全面落实从严治党责任，⟦ ⟧持续推进作风建设", fix=""),
        Case("在2026⟦ ⟧年，投资1.6⟦ ⟧亿元，增长12.5⟦ ⟧%。", fix=""),
    )
    passes = (
        "学习使用 Python 编程，第一条\u3000为了规范管理，制定本办法。",
        "共花了 5000 元，安装 Python 3 版本，增长1 5 ．3 ％。",
    )

    _SPACE = lazy_regex(r"[ \u00a0\u3000\t]+")
    #: Conventions that put a space after them: article numbers and news datelines.
    _SPACED_AFTER = lazy_regex(r"(?:第[〇一二三四五六七八九十百千零两0-9]+[条章节款编]|[0-9一二三四五六七八九十]日电)$")

    #: A space between a figure and its unit (``2026 年``, ``35 %``, ``1.6 亿元``), in any paragraph (a date line
    #: too). Left alone when a space, a Latin letter or another figure stands before the figure: a text that
    #: spaces figures out on purpose (``花了 5000 元``, ``Python 3 版本``) or a number spaced digit by digit.
    _FIGURE_SPACE = lazy_regex(
        r"(?<![\p{Latin}0-9０-９.．\s])[0-9０-９]+(?:[.．][0-9０-９]+)?([ \u00a0\u3000]+)"
        r"(?=[%％‰]|[年月日万亿千百元个项次件名家条户人吨亩座所台套辆篇期场批起宗册栋间份种处岁倍]|公里|公顷|平方米|千瓦|小时)"
    )

    #: A figure right before its unit, without a space.
    _FIGURE_UNIT = lazy_regex(
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
