"""NUM002 figure-differs-across-documents: A figure the drafts linted together (report and speech) state differently."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from reportlint.analysis.figures.quantities import Quantity
from reportlint.analysis.figures.subjects import (
    Counterpart,
    Keyed,
    corpus_disagreements,
    keyed,
)
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, CorpusRule, Hit, Summary
from reportlint.rules.figures.common import anchor_at

ACROSS_DOCUMENTS_SIMILARITY = 0.6


#: From this similarity on, two differing statements are near copies of each other: the slip is plain.
NEAR_COPY = 0.9


class FigureDiffersAcrossDocuments(CorpusRule):
    """Finds a figure that the drafts linted together state differently: a report and its speech
    (``reportlint check 报告.docx 讲话稿.docx``) saying ``学习“第一议题”44次`` and ``38次``.

    Why: the speech is cut from the report, and each is then edited on its own; a figure corrected in one
    keeps its old value in the other, and both are read out or printed for the same meeting.

    Each file gets the finding, with the other place as a related location. Two figures are taken for one
    statement when their words say the same (``共``, ``累计``, ``今年以来``, ``已`` aside) and their sentences
    are alike (``xx生产基地项目，计划投资1亿元`` and ``其中xx生产基地项目，计划投资2亿元``); the finding is an
    error for near copies and a warning otherwise. Rounding is allowed for: ``3812万元`` equals ``0.3812亿元``,
    ``0.38亿元`` agrees with it, and ``约400亩`` with ``402亩``; ``1亿元`` does not agree with ``0.8亿元``
    (a tenth apart or more). Drafts are only compared when they agree on most of the figures they share (at
    least three exactly, and twice as many as differ): two years' reports repeat the same sentences with
    each year's figures, and those differences are no slips.

    Silence it: make the figures agree. ``ignore = ["NUM002"]``, or a per-file ignore, turns it off.
    """

    code = "NUM002"
    name = "figure-differs-across-documents"
    severity = Severity.ERROR
    summary = "A figure the drafts linted together (report and speech) state differently"
    flags = (
        Case(
            "今年来共学习“第一议题”⟦44次⟧。组织召开会议12次。开展调研8次。走访企业30家。",
            documents=("今年来共学习“第一议题”38次。组织召开会议12次。开展调研8次。走访企业30家。",),
        ),
    )
    passes = (
        Case(
            "今年来共学习“第一议题”44次。组织召开会议12次。开展调研8次。走访企业30家。",
            documents=("今年来共学习“第一议题”44次。组织召开会议12次。开展调研8次。走访企业30家。",),
        ),
    )

    def summarize(self, document: Document) -> Keyed:
        return document.analysis(keyed)

    def check_corpus(self, summaries: list[Summary]) -> Iterator[tuple[Summary, Hit]]:
        documents = [summary.data for summary in summaries]
        for i, j, pairs in corpus_disagreements(documents, ACROSS_DOCUMENTS_SIMILARITY):
            first, second = summaries[i], summaries[j]
            for pair in pairs:
                yield first, self._hit(pair, second.path, pair.subject.quantity, pair.other.quantity)
                yield second, self._hit(pair, first.path, pair.other.quantity, pair.subject.quantity)

    def _hit(self, pair: Counterpart, other_path: str, mine: Quantity, other: Quantity) -> Hit:
        name = PurePath(other_path).name
        return Hit(
            mine.block,
            mine.start,
            mine.end,
            f"“{mine.text}”与{name}第{other.block.line}行“{other.text}”不一致：请核实统一",
            severity=None if pair.score >= NEAR_COPY else Severity.WARNING,
            related=(anchor_at(other_path, other, f"{name}写作“{other.text}”"),),
        )
