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

    忽略方法：删去空格；``ignore = ["PUN008"]``关闭此规则。
    """

    code = "PUN008"
    name = "stray-space"
    severity = Severity.WARNING
    summary = "汉字之间或中文标点旁边有空格"
    flags = (Case("全面落实从严治党责任，⟦ ⟧持续推进作风建设", fix=""),)
    passes = ("学习使用 Python 编程，第一条\u3000为了规范管理，制定本办法。",)

    _SPACE = lazy_regex(r"[ \u00a0\u3000\t]+")
    #: Conventions that put a space after them: article numbers and news datelines.
    _SPACED_AFTER = lazy_regex(r"(?:第[〇一二三四五六七八九十百千零两0-9]+[条章节款编]|[0-9一二三四五六七八九十]日电)$")

    def check(self, document: Document) -> Iterator[Hit]:
        found = document.analysis(pairs)
        for block in document.analysis(full_text).holding(" \u3000\u00a0\t"):
            text = block.text
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
