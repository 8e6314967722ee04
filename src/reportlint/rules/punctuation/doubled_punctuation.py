"""PUN003 doubled-punctuation: Two punctuation marks in a row (，。 ，， 。。 、、)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.analysis.fulltext import full_text
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class DoubledPunctuation(Rule):
    """Finds two punctuation marks written where one belongs: ``，。``, ``，，``, ``。。``, ``、、``, ``；。``,
    ``？。``.

    Why: a leftover of editing (a clause deleted, a sentence joined); GB/T 15834-2011 puts one mark at
    each pause.

    Not doubled: ``……`` and ``——`` (each is one mark of two characters); runs of ``？`` and ``！``
    (``？！``, ``！？``, ``？？``, ``！！！``), which GB/T 15834-2011 allows for a strong question or
    exclamation; three or more ``。`` (an ellipsis written wrongly, reported by PUN006). The fix keeps one
    mark: the mark itself when both are the same (a safe fix), otherwise the stronger one (``，。`` → ``。``),
    which you should check.

    Silence it: delete the extra mark; ``ignore = ["PUN003"]`` turns the rule off.
    """

    code = "PUN003"
    name = "doubled-punctuation"
    severity = Severity.ERROR
    summary = "Two punctuation marks in a row (，。 ，， 。。 、、)"
    flags = (Case("祝大家新春愉快、阖家幸福⟦，。⟧", fix="。"),)
    passes = (
        "这是为什么？！大家要思考……",
        "各项工作——扎实推进。",
    )

    #: Found in the whole text at once (no run spans a line break), with the stdlib's re, which is faster on a
    #: plain class (and on ``[…][…]+`` than on ``[…]{2,}``).
    _RUN = re.compile(r"[，、；：。？！][，、；：。？！]+")
    #: Strongest first: the mark a mixed run is reduced to (a question stays a question: ``吗？。`` → ``？``).
    _STRENGTH = "？！。；：，、"

    def check(self, document: Document) -> Iterator[Hit]:
        full = document.analysis(full_text)
        for match in self._RUN.finditer(full.text):
            run = match.group()
            marks = set(run)
            if marks <= {"？", "！"}:
                continue  # emphasis: ？！ ！？ ？？ ！！！
            if marks == {"。"} and len(run) >= 3:
                continue  # an ellipsis written with full stops: PUN006
            same = len(marks) == 1
            keep = run[0] if same else min(marks, key=self._STRENGTH.index)
            block, start = full.locate(match.start())
            yield Hit(
                block,
                start,
                start + len(run),
                f"标点“{run}”连用：只保留“{keep}”",
                replacement=keep,
                safe_fix=same,
            )
