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
    """查找括住中文或紧挨中文的半角括号``( )``：``镇(街道)``、``(2024-2026年)``、
    ``国内生产总值(GDP)``、中文之前的序号``(1)``，以及全角半角混用的一对括号
    （``（1)``）。

    为什么要查：GB/T 15834-2011 规定中文使用全角括号``（ ）``；半角括号紧贴文字，
    像是打字失误。公文格式标准 GB/T 9704-2012 的序号写作``（1）``。

    不报的情形：拉丁文字和公式中的括号（``f(x)``、``IPv4(legacy)``），不成对的括
    号（用作序号的``1)``），网址和 Markdown 代码。

    忽略方法：输入全角括号；``ignore = ["PUN002"]``关闭此规则。
    """

    code = "PUN002"
    name = "halfwidth-parentheses"
    severity = Severity.WARNING
    summary = "中文内容两侧或旁边用了半角括号 ( )（应为 （ ））"
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
