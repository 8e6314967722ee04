"""NUM003 parts-exceed-total: Parts listed after 其中 add up to more than their total, or an exhaustive split does not
add up."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportlint.analysis.figures.breakdowns import breakdowns
from reportlint.analysis.figures.quantities import written
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule
from reportlint.rules.figures.common import anchor_at


class PartsExceedTotal(Rule):
    """Finds parts that cannot add up to their total: ``共N…，其中A…、B…`` where A + B exceeds N, and
    exhaustive splits (``已完成A项，剩余B项``; ``其余``; ``另有`` after ``其中``) where the parts do not make
    exactly N.

    Why: a total and its breakdown are usually typed from different tables, or one of them is last year's.

    Rounding is allowed for (``1.97万公里`` may be 19,650 km). Parts are only taken from the list right after
    ``其中``, in the unit of its first figure; rates, per-head values (``人均``), changes (``比上年增加``),
    totals within the list (``总里程``) and amounts that describe a noun (``超10亿元项目``) are not parts.
    Categories may overlap, but ``其中`` lists in reports name disjoint ones; if yours do not, say so in the
    text or ignore the finding.

    Silence it: correct the figures. ``ignore = ["NUM003"]`` turns the rule off.
    """

    code = "NUM003"
    name = "parts-exceed-total"
    severity = Severity.ERROR
    summary = "Parts listed after 其中 add up to more than their total, or an exhaustive split does not add up"
    flags = (Case("全年共实施市级重点项目20个，其中工业项目⟦12个、服务业项目11个⟧。"),)
    passes = ("全年共实施市级重点项目20个，其中工业项目12个、服务业项目8个。",)

    def check(self, document: Document) -> Iterator[Hit]:
        for item in document.analysis(breakdowns):
            whole_low, whole_high = item.whole.bounds(loose=False)
            bounds = [part.bounds(loose=False) for part in item.parts]
            if any(low is not None and whole_high is not None and low > whole_high for low, _ in bounds):
                continue  # one part alone is larger: NUM004
            low = sum((b[0] for b in bounds if b[0] is not None), Decimal(0))
            highs = [b[1] for b in bounds if b[1] is not None]
            high = sum(highs, Decimal(0)) if len(highs) == len(bounds) else None
            total = sum((part.value for part in item.parts if part.value is not None), Decimal(0))
            terms = "+".join(part.text for part in item.parts)
            first, last = item.parts[0], item.parts[-1]
            related = (anchor_at(document.path, item.whole, f"总数“{item.whole.text}”"),)
            sum_text = written(total, item.whole)
            if whole_high is not None and low > whole_high and len(item.parts) > 1:
                message = f"其中各项合计{terms}={sum_text}，超过总数“{item.whole.text}”：请核实"
            elif item.exhaustive and (
                (whole_high is not None and low > whole_high)
                or (high is not None and whole_low is not None and high < whole_low)
            ):
                message = f"各部分合计{terms}={sum_text}，与总数“{item.whole.text}”不符：请核实"
            else:
                continue
            yield Hit(first.block, first.start, last.end, message, related=related)
