"""PUN004 unbalanced-pair: A quotation mark, book-title mark or bracket without its partner."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.chars import char_at
from reportlint.analysis.pairs import BlockPairs, Mark, pairs
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.punctuation.common import PROSE_KINDS


class UnbalancedPair(Rule):
    """Finds a quotation mark, book-title mark or bracket without its partner in the paragraph: an unclosed
    ``“``, a lone ``”``, ``《`` without ``》``, ``（`` without ``）``, ``【`` without ``】``, and single quotes
    ``‘ ’`` and inner title marks ``〈 〉`` likewise.

    Why: a missing closing mark leaves the reader unsure where a quotation or title ends; usually a word was
    quoted by mistake or the closing mark was deleted during editing.

    A quotation that runs over several paragraphs opens each of them with ``“`` and closes only in the last
    (GB/T 15834-2011, 4.1.3.3): an unclosed ``“`` is left alone when the next paragraph opens with ``“``
    that stays open or closes at that paragraph's end. A half-width parenthesis may partner a full-width one
    (PUN002 reports the width); an apostrophe (``China’s``) and a lone ``1）`` enumerating an item are not
    marks to pair.

    Silence it: add the missing mark or delete the stray one; ``ignore = ["PUN004"]`` turns the rule off.
    """

    code = "PUN004"
    name = "unbalanced-pair"
    severity = Severity.ERROR
    summary = "A quotation mark, book-title mark or bracket without its partner"
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
        for block in document.blocks:
            excused = self._continued_quotation(document, found, block.index)
            for mark in found[block.index].unmatched:
                if mark.char in "()" or mark == excused:
                    continue
                name = self._NAMES[mark.kind]
                this, other = ("前", "后") if mark.char in "“‘《〈（【" else ("后", "前")
                message = f"{this}{name}没有对应的{other}{name}：请补上{other}{name}，或删去多余的{this}{name}"
                yield Hit(block, mark.offset, mark.offset + 1, message)

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
