"""PUN002 halfwidth-parentheses: Half-width ( ) around or beside Chinese text (use （ ）)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.chars import CHINESE_TEXT, HAN, LATIN_OR_DIGIT, char_at, is_
from reportlint.analysis.pairs import pairs
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.punctuation.common import TO_FULL_WIDTH


class HalfwidthParentheses(Rule):
    """Finds half-width parentheses ``( )`` around or beside Chinese text: ``镇(街道)``, ``(2024-2026年)``,
    ``国内生产总值(GDP)``, the enumerator ``(1)`` before Chinese text, and a pair mixing the widths
    (``（1)``).

    Why: GB/T 15834-2011 uses full-width parentheses ``（ ）`` in Chinese text; half-width ones sit too close
    to the characters and look like a typing slip. The outline standard GB/T 9704-2012 writes enumerators
    ``（1）``.

    Left alone: parentheses in Latin text and formulas (``f(x)``, ``IPv4(legacy)``), parentheses without a
    partner (``1)`` as an enumerator), URLs and Markdown code.

    Silence it: type full-width parentheses; ``ignore = ["PUN002"]`` turns the rule off.
    """

    code = "PUN002"
    name = "halfwidth-parentheses"
    severity = Severity.WARNING
    summary = "Half-width ( ) around or beside Chinese text (use （ ）)"
    flags = (Case("各镇⟦(⟧街道⟦)⟧、各部门要压实主体责任", fix=("（", "）")),)
    passes = ("函数f(x)在IPv4(legacy)中定义。",)

    def check(self, document: Document) -> Iterator[Hit]:
        for block, found in zip(document.blocks, document.analysis(pairs), strict=True):
            text = block.text
            for opener, closer in found.pairs:
                if opener.kind != "paren" or (opener.char == "（" and closer.char == "）"):
                    continue
                if not self._in_chinese(text, opener.offset, closer.offset):
                    continue
                for mark in (opener, closer):
                    if mark.char in "()":
                        full = mark.char.translate(TO_FULL_WIDTH)
                        yield Hit(
                            block,
                            mark.offset,
                            mark.offset + 1,
                            f"中文行文中误用半角括号“{mark.char}”：请改为“{full}”",
                            replacement=full,
                        )

    @staticmethod
    def _in_chinese(text: str, open_at: int, close_at: int) -> bool:
        if text[open_at] != "(" or text[close_at] != ")":
            return True  # one of the pair is full-width already
        if HAN.search(text, open_at + 1, close_at):
            return True
        before = char_at(text, open_at - 1)
        if is_(LATIN_OR_DIGIT, before):
            return False  # f(x), IPv4(legacy), 3(2)
        return is_(CHINESE_TEXT, before) or is_(CHINESE_TEXT, char_at(text, close_at + 1))
