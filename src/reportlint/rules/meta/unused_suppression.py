"""Meta rules: about reportlint's own directives rather than the draft's text."""

from __future__ import annotations

from reportlint.codes import UNUSED_SUPPRESSION
from reportlint.findings import Severity
from reportlint.rule import Case, Rule


class UnusedSuppression(Rule):
    """Finds a suppression comment in a Markdown draft that suppresses nothing, or names a rule that does
    not exist: ``<!-- reportlint-disable PH001 -->`` above text with no PH001 finding.

    Why: a stale suppression hides the next real finding at that place; a misspelt code suppresses nothing
    while the writer believes it does.

    The engine reports these after the other rules have run (the rule has no text check of its own).
    Silence it by deleting or correcting the comment, or ``ignore = ["RL101"]``.
    """

    code = UNUSED_SUPPRESSION
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "A suppression comment that suppresses nothing or names an unknown rule"
    flags = (
        Case(
            "⟦<!-- reportlint-disable-next-line PH001 -->⟧\n全年完成投资5.6亿元。\n",
            format="md",
            note="no placeholder left",
        ),
        Case("⟦<!-- reportlint-disable NOPE9 -->⟧\n全年完成投资5.6亿元。\n", format="md", note="no such rule"),
    )
    passes = (Case("<!-- 本段数字待财政局核对 -->\n全年完成投资5.6亿元。\n", format="md"),)

    def check(self, document):
        return ()
