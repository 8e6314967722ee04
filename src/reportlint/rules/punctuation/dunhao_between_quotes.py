"""PUN011 dunhao-between-quotes: 、 between items in quotation or book-title marks (“A”“B”, 《A》《B》)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class DunhaoBetweenQuotes(Rule):
    """查找各自带引号或书名号的并列项之间的顿号``、``：``“四下基层”、“大走访”``、
    ``《条例》、《办法》``。

    为什么要查：GB/T 15834-2011（4.5.3.5）规定，带引号或书名号的并列项之间通常不
    用顿号：``“四下基层”“大走访”``、``《条例》《办法》``。这是写法问题：正式发布
    的报告常写顿号，所以此规则默认不启用；要严格执行标准时可启用。

    不报的情形：括号注释之后的``、``（``“四下基层”（试行）、“大走访”``），标准规
    定此处保留；以及不带标号的并列项之间的顿号。

    忽略方法：删去``、``；用``extend-select = ["PUN011"]``启用此规则。
    """

    code = "PUN011"
    name = "dunhao-between-quotes"
    severity = Severity.INFO
    summary = "带引号或书名号的并列项之间用了顿号（“A”“B”、《A》《B》）"
    flags = (Case("认真开展“四下基层”⟦、⟧“大走访”活动", fix=""),)
    passes = ("认真开展“四下基层”（试行）、“大走访”活动",)
    enabled_by_default = False

    _COMMA = lazy_regex(r"(?<=[”》])、(?=[“《])")

    def check(self, document: Document) -> Iterator[Hit]:
        for block in document.blocks:
            if "”、" not in block.text and "》、" not in block.text:
                continue
            for match in self._COMMA.finditer(block.text):
                yield Hit(
                    block,
                    match.start(),
                    match.end(),
                    "引号或书名号标示的并列成分之间通常不用顿号：可删去“、”",
                    replacement="",
                )
