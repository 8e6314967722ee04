"""NUM008 impossible-date: A date that does not exist (2月30日, 13月)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.figures.dates import dates
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class ImpossibleDate(Rule):
    """Finds a date that does not exist: ``2月30日``, ``4月31日``, ``13月``, ``2023年2月29日``.

    Why: a typo in a date is easy to miss and embarrassing in a signed report.

    A month alone is a date only with a year before it or a day, ``份``, ``底``, ``初`` or ``旬`` after it
    (``13个月`` is a span). ``2月29日`` is accepted unless the year is named and is not a leap year.

    Silence it: correct the date. ``ignore = ["NUM008"]`` turns the rule off.
    """

    code = "NUM008"
    name = "impossible-date"
    severity = Severity.ERROR
    summary = "A date that does not exist (2月30日, 13月)"
    flags = (Case("于⟦2021年2月30日⟧召开动员大会"),)
    passes = ("于2024年2月29日召开动员大会，历时13个月。",)

    def check(self, document: Document) -> Iterator[Hit]:
        for date in document.analysis(dates):
            if not date.exists:
                text = date.block.text[date.start : date.end]
                reason = "月份应在1—12之间" if not 1 <= date.month <= 12 else f"{date.month}月没有{date.day}日"
                yield Hit(date.block, date.start, date.end, f"日期“{text}”不存在（{reason}）：请核实")
