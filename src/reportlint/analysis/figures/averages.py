"""Averages stated with the total and the count they come from, in one statement: ``班子6名成员全年到基层调研共计
86次，人均14.3次``, ``全镇14个村共筹集资金238万元，村均17万元``, ``参训教师120名，累计培训4800学时，平均每人
40学时``.

The average (after ``人均``, ``村均``, ``户均``, ``平均每人`` …) is compared with the total right before it (the
last figure of its unit in the statement) divided by the count of what the average is per (``人均``: the one
figure of people, ``名``/``人``/``位``; ``村均``: the one count of villages; ``户均``: of households). Left
alone: averages that are bounds or approximate (``人均12次以上``, ``约``), a statement with two counts of that
kind or none (which one divides is not clear), and totals that are themselves averages or changes.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportlint.analysis.figures.quantities import Quantity
from reportlint.analysis.figures.ratios import Difference
from reportlint.analysis.figures.subjects import Subject, segments
from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Document

#: The words right before an average, and what it is per: 人均, 村均, 户均, 平均每人, 每户平均.
_PER = lazy_regex(
    r"(?:(?P<unit>[人村户校])均|平均每(?P<every>[人名村户所])|每(?P<each>[人名村户所])平均)(?:为|达到|达)?$"
)


#: The counts each average is per: units of people; villages, households and schools counted with their noun.
_PEOPLE = frozenset(("人", "名", "位"))
_COUNTED = {"村": "村", "户": "户", "校": "校", "所": "校"}


#: How many figures before an average may be its total and count: they are stated with it.
_REACH = 8


#: How far before an average its words may start.
_LOOK_BACK = 8


def averages(document: Document) -> list[Difference]:
    """Every average stated with its total and count (use through ``document.analysis(averages)``)."""
    found: list[Difference] = []
    for statement in document.analysis(segments):
        text = statement.block.text
        members = statement.subjects
        for index, subject in enumerate(members):
            quantity = subject.quantity
            per = _PER.search(text, max(0, quantity.start - _LOOK_BACK), quantity.start)
            if per is None or not quantity.is_exact or index < 2:
                continue
            kind = per.group("unit") or per.group("every") or per.group("each")
            before = members[max(0, index - _REACH) : index]
            average = _average(quantity, before, "人" if kind in _PEOPLE else _COUNTED.get(kind, ""))
            if average is not None:
                found.append(average)
    return found


def _average(stated: Quantity, before: list[Subject], per: str) -> Difference | None:
    """The average ``stated`` against the last figure of its unit in ``before`` (the total) over the one count
    of ``per`` before that."""
    position = next((i for i in range(len(before) - 1, -1, -1) if before[i].quantity.unit == stated.unit), None)
    if position is None:
        return None
    total = before[position].quantity
    if (
        not total.is_exact
        or "/" in before[position].predicate
        or _PER.search(total.block.text, max(0, total.start - _LOOK_BACK), total.start)
    ):
        return None
    counts = [s.quantity for s in before[:position] if _counts(s, per)]
    if len(counts) != 1 or not counts[0].is_exact or not counts[0].value:
        return None
    count = counts[0]
    assert total.value is not None and count.value is not None and stated.value is not None
    total_low, total_high = total.bounds(loose=False)
    if total_low is None or total_high is None:
        return None
    written = stated.block.text[stated.number_start : stated.number_end]
    decimals = len(written) - written.index(".") - 1 if "." in written else 0
    quantum = Decimal(1).scaleb(-decimals) * stated.scale
    expected = (total.value / count.value / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum
    formula = f"{total.text}÷{count.text}"
    return Difference(stated, (total, count), total_low / count.value, total_high / count.value, expected, formula)


def _counts(subject: Subject, per: str) -> bool:
    """Whether the figure counts what an average is per: people (``6名成员``), or villages, households,
    schools by their noun or words (``14个村``, ``1200户``)."""
    quantity = subject.quantity
    if per == "人":
        return quantity.unit in _PEOPLE
    if not per:
        return False
    if per == "户" and quantity.unit == "户":
        return True
    return quantity.unit in ("个", "所") and (subject.noun.startswith(per) or subject.predicate.endswith(per))
