"""PUN004 unbalanced-pair: A quotation mark, book-title mark or bracket without its partner."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.chars import char_at
from reportlint.analysis.pairs import BlockPairs, Mark, pairs
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.punctuation.common import PROSE_KINDS

_OPENING = frozenset("“‘《〈（(【")
_SENTENCE_END = frozenset("。？！?!；;")


class UnbalancedPair(Rule):
    """查找段落中不成对的引号、书名号或括号：没有闭合的``“``，单独的``”``，有``《``
    没有``》``，有``（``没有``）``，有``【``没有``】``；单引号``‘ ’``和单书名号
    ``〈 〉``同样检查。

    为什么要查：缺了后一半，读者不知道引文或书名在哪里结束；通常是误加了引号，或
    修改时删掉了后一半。

    跨越几段的引文，每段开头用``“``，只在最后一段末尾闭合（GB/T 15834-2011，
    4.1.3.3）：如果下一段以``“``开头、且该引号一直未闭合或在该段末尾闭合，则本段
    未闭合的``“``不报。一个标题或一句话在前一半标号之后折行、下一行以后一半标号闭
    合的（居中的长标题常分两行：``关于印发《……和`` / ``……实施办法》的通知``），两
    个标号是一对，不报；但前一行已以句末点号结束的照报。半角括号可以与全角括号配对（宽度问题由 PUN002 报告）；撇
    号（``China’s``）和用作序号的单个``1）``不是需要配对的标号。

    忽略方法：补上缺少的标号或删去多余的；``ignore = ["PUN004"]``关闭此规则。
    """

    code = "PUN004"
    name = "unbalanced-pair"
    severity = Severity.ERROR
    summary = "引号、书名号或括号不成对"
    flags = (Case("持续深化⟦“⟧一网通办改革，提升政务服务效能。"),)
    passes = ("持续深化“一网通办”改革，提升政务服务效能。China’s economy，1）第一项。",)

    _NAMES = {
        "quote": "引号",
        "single-quote": "单引号",
        "title": "书名号",
        "inner-title": "书名号",
        "paren": "括号",
        "bracket": "方头括号",
    }

    def check(self, document: Document) -> Iterator[Hit]:
        found = document.analysis(pairs)
        broken = self._broken_pairs(document, found)
        for block in document.blocks:
            excused = self._continued_quotation(document, found, block.index)
            for mark in found[block.index].unmatched:
                if mark.char in "()" or mark == excused or (block.index, mark) in broken:
                    continue
                name = self._NAMES[mark.kind]
                this, other = ("前", "后") if mark.char in _OPENING else ("后", "前")
                message = f"{this}{name}没有对应的{other}{name}：请补上{other}{name}，或删去多余的{this}{name}"
                yield Hit(block, mark.offset, mark.offset + 1, message)

    @staticmethod
    def _broken_pairs(document: Document, found: list[BlockPairs]) -> set[tuple[int, Mark]]:
        """The marks of pairs broken across two lines: the last unmatched mark of a block is an opener whose
        partner is the first unmatched mark of the next block, and the block ends with no final mark."""
        broken: set[tuple[int, Mark]] = set()
        blocks = document.blocks
        for index in range(len(blocks) - 1):
            if not found[index].unmatched or not found[index + 1].unmatched:
                continue
            opener, closer = found[index].unmatched[-1], found[index + 1].unmatched[0]
            text = blocks[index].text.rstrip()
            if (
                opener.char in _OPENING
                and closer.char not in _OPENING
                and opener.kind == closer.kind
                and text[-1:] not in _SENTENCE_END
                and blocks[index].kind == blocks[index + 1].kind
            ):
                broken |= {(index, opener), (index + 1, closer)}
        return broken

    @staticmethod
    def _continued_quotation(document: Document, found: list[BlockPairs], index: int) -> Mark | None:
        """The unclosed ``“`` of block ``index`` that a quotation continued in the next paragraph opened."""
        open_quotes = [mark for mark in found[index].unmatched if mark.char == "“"]
        if not open_quotes or index + 1 >= len(document.blocks):
            return None
        following = document.blocks[index + 1]
        text = following.text
        start = len(text) - len(text.lstrip())
        if following.kind not in PROSE_KINDS or char_at(text, start) != "“":
            return None
        following_pairs = found[index + 1]
        if any(mark.offset == start for mark in following_pairs.unmatched):
            return open_quotes[0]
        closing = next((closer for opener, closer in following_pairs.pairs if opener.offset == start), None)
        if closing is not None and not text[closing.offset + 1 :].strip():
            return open_quotes[0]
        return None
