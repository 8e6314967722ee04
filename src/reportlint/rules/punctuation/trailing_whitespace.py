"""PUN009 trailing-whitespace: Whitespace at the end of a line (incl. U+00A0, U+3000)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class TrailingWhitespace(Rule):
    """查找行尾的空白字符：空格、制表符、不换行空格（U+00A0）和全角空格（U+3000）。

    为什么要查：印出来看不见，但并非无害：它会被带进下一份文档，妨碍搜索和版本比
    较；不换行空格往往说明文字是从网页粘贴来的。

    段首用来缩进的全角空格（``　　``）在行首，没有问题。Markdown 中换行前的两个
    及以上空格表示硬换行，不报。Word 文档中，段落或手动换行符结束处就是行尾。

    忽略方法：删去空白字符（多数编辑器可在保存时自动删除）；
    ``ignore = ["PUN009"]``。
    """

    code = "PUN009"
    name = "trailing-whitespace"
    severity = Severity.INFO
    summary = "行尾有空白字符（含 U+00A0、U+3000）"
    flags = (Case("扎实推进园区各项重点工作。⟦  ⟧\n下一行。", fix=""),)
    passes = ("\u3000\u3000扎实推进园区各项重点工作。\n下一行。",)

    #: Starts only where a run of whitespace starts and never backtracks into it: linear in the text.
    _TRAILING = lazy_regex(r"(?<![ \t\u00a0\u3000])[ \t\u00a0\u3000]++(?=[\n\u2028]|$)")

    def check(self, document: Document) -> Iterator[Hit]:
        markdown = document.format == "md"
        for block in document.blocks:
            text = block.text
            if not text[-1].isspace() and "\n" not in text and "\u2028" not in text:
                continue
            indent = len(text) - len(text.lstrip())  # once per block, not a slice of the text per match
            for match in self._TRAILING.finditer(text):
                start, end = match.span()
                if markdown and end < len(text) and match.group().startswith("  ") and match.group().isascii():
                    continue  # a Markdown hard line break
                if start <= indent:
                    continue  # nothing on the line before it
                yield Hit(block, start, end, "行末多余的空白：请删除", replacement="")
