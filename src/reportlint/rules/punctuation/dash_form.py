"""PUN007 dash-form: A dash written as -- (use ——)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from reportlint.analysis.chars import CHINESE_TEXT, LATIN_LETTER, char_at, is_
from reportlint.analysis.spans import prose_matches
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class DashForm(Rule):
    """Finds a dash written with hyphens: ``--`` or ``－－`` in Chinese text, for ``——``.

    Why: the Chinese dash (破折号) is two em dashes, ``——`` (GB/T 15834-2011, 4.9).

    Left alone: hyphens in Latin text and options (``--help``), URLs, Markdown code and rules (``---``
    lines are not text in Markdown), a single ``—`` (the dash of a range, PUN005).

    Silence it: write ``——``; ``ignore = ["PUN007"]`` turns the rule off.
    """

    code = "PUN007"
    name = "dash-form"
    severity = Severity.WARNING
    summary = "A dash written as -- (use ——)"
    flags = (Case("这是我们的根本目标⟦--⟧让群众满意", fix="——"),)
    passes = ("运行 reportlint --help 查看用法，2021—2023年。",)

    _FORMS = regex.compile(r"-{2,}|－{2,}")

    def check(self, document: Document) -> Iterator[Hit]:
        for block, match in prose_matches(document, self._FORMS, "-－"):
            text, (start, end) = block.text, match.span()
            before, after = char_at(text, start - 1), char_at(text, end)
            if is_(CHINESE_TEXT, after) or (is_(CHINESE_TEXT, before) and not is_(LATIN_LETTER, after)):
                yield Hit(block, start, end, f"破折号应写作“——”，不用“{match.group()}”", replacement="——")
