"""PUN006 ellipsis-form: An ellipsis written as ... or 。。。 or a single … (use ……)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.chars import CHINESE_TEXT, char_at, is_
from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.spans import verbatim
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class EllipsisForm(Rule):
    """查找用点或句号写的省略号：``...``、``。。。``、``．．．``，或单个``…``。

    为什么要查：中文省略号是两个三连点``……``（GB/T 15834-2011，4.11）；用点或句
    号是打字时的凑合。

    ASCII 的点只在紧挨中文时才算（拉丁文字中的``etc...``不报），网址中的从不算。
    ``……``和``…………``（十二个点，表示省略一段）是正确的。

    忽略方法：写作``……``；``ignore = ["PUN006"]``关闭此规则。
    """

    code = "PUN006"
    name = "ellipsis-form"
    severity = Severity.WARNING
    summary = "省略号写成 ... 、。。。或单个 …（应为 ……）"
    flags = (Case("围绕招商引资、项目建设、安全生产⟦...⟧等重点工作", fix="……"),)
    passes = (
        "围绕招商引资、项目建设、安全生产……等重点工作",
        "It supports Python, Go, etc... and more.",
    )

    #: A run of … is matched whole and judged by its length: a pattern that takes odd runs only
    #: (``(?<!…)…(?:……)*(?!…)``) backtracks over every even run, with the square of its length.
    _FORMS = lazy_regex(r"\.{3,}|。{3,}|．{3,}|…+")

    def check(self, document: Document) -> Iterator[Hit]:
        shields = document.analysis(verbatim)
        for block in document.blocks:
            text = block.text
            if "..." not in text and "。。。" not in text and "．．．" not in text and "…" not in text:
                continue
            shield = shields[block.index]
            for match in self._FORMS.finditer(text):
                start, end = match.span()
                if text[start] == "…" and (end - start) % 2 == 0:
                    continue  # …… and …………: the ellipsis as it should be written
                if text[start] == "." and not (
                    is_(CHINESE_TEXT, char_at(text, start - 1)) or is_(CHINESE_TEXT, char_at(text, end))
                ):
                    continue
                if shield and shield.covers(start):
                    continue
                yield Hit(block, start, end, f"省略号应写作“……”，不用“{match.group()}”", replacement="……")
