"""PUN010 missing-final-mark: A paragraph of running text that ends without a final mark."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from reportlint.analysis.pairs import BlockPairs, pairs
from reportlint.analysis.spans import verbatim
from reportlint.document import OPAQUE, Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.punctuation.common import PROSE_KINDS

#: What may trail a paragraph unseen: whitespace and zero-width characters left by web pages.
_INVISIBLE_TAIL = " \t\n\r\u00a0\u2028\u3000\u200b\ufeff"


#: Closing marks that may follow a sentence's final mark (``……。”``).
_CLOSERS = "”’」』）)》〉】"


class MissingFinalMark(Rule):
    """Finds a paragraph of running text that ends without a final mark: ``……推动4家企业升规纳统``,
    or that ends with a comma.

    Why: every sentence ends with a mark (GB/T 15834-2011); a paragraph that stops without one was usually
    cut or left unfinished while editing.

    Only the last sentence of a paragraph that holds at least one complete sentence (a ``。``, ``？`` or
    ``！`` before it) is checked, and only when that sentence has clauses (a ``，`` or ``；``) or is a run of
    eight or more characters. So these are left alone: titles and headings (``（一）加强党的建设``, Markdown
    headings), lead-ins and salutations (``市委：``, ``同志们：``), signatures (``青川经济开发区党工委``),
    dates (``2024年12月20日``), attachment lists (``附件：1.…``), table cells; a list of names or a label
    after a run-in heading (``（一）优化审批。牵头单位：区发改委、区财政局``); a line glued on after a space
    (a signature aligned with spaces, a photo caption); a note in brackets after the final mark
    (``……。（区发改委牵头）``); and endings in ``。？！…；：`` or ``——``, also before closing quotes and
    brackets (``……。”``).

    Silence it: add the final mark; ``ignore = ["PUN010"]`` turns the rule off.
    """

    code = "PUN010"
    name = "missing-final-mark"
    severity = Severity.WARNING
    summary = "A paragraph of running text that ends without a final mark"
    flags = (
        Case("全年完成工业总产值120亿元，推动4家企业升规纳统。全年新增市场主体1200户，带动就业3000余⟦人⟧", fix="人。"),
    )
    passes = ("（一）加强党的建设\n同志们：\n青川经济开发区党工委\n2024年12月20日\n",)

    _FINAL = frozenset("。？！…；：!?;:—")
    _SENTENCE_FINAL = frozenset("。？！!?")
    _CLAUSE = regex.compile(r"[，；,;]")
    #: In a last "sentence" without clauses, these mark a label (``牵头单位：``), a list of names or a glued line.
    _NOT_A_SENTENCE = regex.compile(r"[、：:\s]")
    _COMMAS = frozenset("，,、")

    def check(self, document: Document) -> Iterator[Hit]:
        found = document.analysis(pairs)
        shields = document.analysis(verbatim)
        for block in document.blocks:
            if block.kind not in PROSE_KINDS:
                continue
            text = block.text
            end = len(text.rstrip(_INVISIBLE_TAIL))
            last = self._unfinished(text, end, found[block.index])
            if last is None or text[last] == OPAQUE or shields[block.index].covers(last):
                continue
            if not self._is_sentence(text, last):
                continue
            if text[end - 1] in self._COMMAS:
                yield Hit(
                    block,
                    end - 1,
                    end,
                    f"段末误用“{text[end - 1]}”：请改为句末点号“。”",
                    replacement="。",
                    safe_fix=False,
                )
            else:
                yield Hit(
                    block, end - 1, end, "段末缺少句末点号：请补上“。”（或“？”“！”）", replacement=text[end - 1] + "。"
                )

    def _unfinished(self, text: str, end: int, found: BlockPairs) -> int | None:
        """Offset of the last character of the paragraph's unfinished last sentence, or None if it ends well.
        A note in brackets after the final mark (``……。（下同）``) is stepped over."""
        openers: dict[int, int] | None = None  # closing bracket -> its opener, for the few blocks that need it
        position = end - 1
        while position >= 0:
            char = text[position]
            if char in self._FINAL:
                return None
            if char not in _CLOSERS:
                return position
            if position > 0 and text[position - 1] in self._FINAL:
                return None  # ……。”
            if char in "）)】" and openers is None:
                openers = {closer.offset: opener.offset for opener, closer in found.pairs}
            if char not in "）)】" or openers is None or position not in openers:
                return position  # ……落实“首问负责”
            position = openers[position] - 1
            while position >= 0 and text[position].isspace():
                position -= 1
        return None  # the whole paragraph is a note in brackets

    def _is_sentence(self, text: str, last: int) -> bool:
        """Whether the text after the paragraph's last complete sentence up to ``last`` is an unfinished
        sentence, rather than a label, a list of names or a line glued on after a space."""
        start = last
        while start > 0 and text[start - 1] not in self._SENTENCE_FINAL:
            start -= 1
        if start == 0:
            return False  # no complete sentence before: a title, heading, signature or date
        while start <= last and text[start] in _CLOSERS:
            start += 1
        tail = text[start : last + 1]
        if not tail or tail[0].isspace():
            return False
        if self._CLAUSE.search(tail):
            return True
        return len(tail) >= 8 and not self._NOT_A_SENTENCE.search(tail)
