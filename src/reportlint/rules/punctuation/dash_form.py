"""PUN007 dash-form: A dash written as -- (use ——)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.chars import CHINESE_TEXT, LATIN_LETTER, char_at, is_
from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.spans import prose_matches
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class DashForm(Rule):
    """查找用连字符写的破折号：中文里的``--``或``－－``，应为``——``。

    为什么要查：中文的破折号是两个占一字的横线``——``（GB/T 15834-2011，4.9）。

    不报的情形：拉丁文字和命令行选项中的连字符（``--help``）、网址、Markdown 的
    代码和分隔线（``---``行在 Markdown 中不是正文）、单个``—``（表示范围的一字线，
    见 PUN005）。

    忽略方法：写作``——``；``ignore = ["PUN007"]``关闭此规则。
    """

    code = "PUN007"
    name = "dash-form"
    severity = Severity.WARNING
    summary = "用 -- 代替破折号（应为 ——）"
    flags = (Case("这是我们的根本目标⟦--⟧让群众满意", fix="——"),)
    passes = ("运行 reportlint --help 查看用法，2021—2023年。",)

    _FORMS = lazy_regex(r"-{2,}|－{2,}")

    def check(self, document: Document) -> Iterator[Hit]:
        for block, match in prose_matches(document, self._FORMS, "-－"):
            text, (start, end) = block.text, match.span()
            before, after = char_at(text, start - 1), char_at(text, end)
            if is_(CHINESE_TEXT, after) or (is_(CHINESE_TEXT, before) and not is_(LATIN_LETTER, after)):
                yield Hit(block, start, end, f"破折号应写作“——”，不用“{match.group()}”", replacement="——")
