"""SEC001 skipped-number: A number skipped in a run of headings or enumerators (（七）→（九）, 三是→五是)."""

from __future__ import annotations

from reportlint.analysis.outline import (
    SKIPPED,
    Fault,
)
from reportlint.findings import Severity
from reportlint.rule import Case
from reportlint.rules.outline.common import FaultRule, shown


class SkippedNumber(FaultRule):
    """Finds a number skipped in a run of headings or enumerators: ``（七）`` followed by ``（九）``, ``三是``
    followed by ``五是``, ``2.`` followed by ``4.``.

    Why: drafts are assembled from last year's text and from several writers; a paragraph is cut and the
    numbers after it are not renumbered. Readers notice at once, and it makes them wonder what was dropped.

    Each level is numbered on its own: a new ``一、`` restarts its ``（一）`` children, and ``一是`` starts a new
    run in every paragraph. Articles (``第N条``) and other numbering that runs on across sections are
    followed across them. The fix suggests the missing number; renumber the rest of the run if needed.

    Silence it: correct the numbering (a deliberate gap: ``<!-- reportlint-disable-next-line SEC001 -->`` in
    Markdown, a baseline elsewhere); ``ignore = ["SEC001"]`` turns the rule off.
    """

    code = "SEC001"
    name = "skipped-number"
    severity = Severity.ERROR
    summary = "A number skipped in a run of headings or enumerators (（七）→（九）, 三是→五是)"
    flags = (Case("（七）优化营商环境，服务企业更加精准。\n⟦（九）⟧守牢安全底线，应急能力持续增强。\n", fix="（八）"),)
    passes = ("（七）优化营商环境，服务企业更加精准。\n（八）守牢安全底线，应急能力持续增强。\n",)
    fault_kind = SKIPPED

    def message(self, fault: Fault) -> str:
        assert fault.previous is not None, "a skip is always from an item"
        missing = "".join(f"“{text}”" for text in fault.missing)
        jump = f"序号从“{shown(fault.previous)}”跳到“{shown(fault.item)}”"
        return f"{jump}，缺{missing}：请补齐或改为“{fault.replacement}”"
