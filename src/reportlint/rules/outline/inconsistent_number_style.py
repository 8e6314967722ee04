"""SEC004 inconsistent-number-style: A heading numbered in another style than the rest of its level (（1） where the
level uses （一）)."""

from __future__ import annotations

from reportlint.analysis.outline import (
    STYLE,
    Fault,
)
from reportlint.findings import Severity
from reportlint.rule import Case
from reportlint.rules.outline.common import FaultRule, shown


class InconsistentNumberStyle(FaultRule):
    """Finds headings numbered in another style than the rest of their level: the document numbers the
    sub-headings of its parts ``（一）（二）…`` and one part ``（1）（2）…``; or one ``（3）`` among
    ``（二）`` and ``（四）``.

    Why: GB/T 9704-2012 orders the levels ``一、`` → ``（一）`` → ``1.`` → ``（1）``; a part written by another
    hand or pasted from another draft breaks the hierarchy, and the reader takes ``（1）`` for a lower level.

    Levels come from the document's own usage, not from a fixed table: a document that puts ``1.`` directly
    under ``一、`` throughout is fine, and so is a part with an extra level (``（一）`` whose children are the
    ``1.`` used elsewhere). The finding needs two parts that agree against the odd one.

    Silence it: renumber in the level's style; ``ignore = ["SEC004"]`` turns the rule off.
    """

    code = "SEC004"
    name = "inconsistent-number-style"
    severity = Severity.WARNING
    summary = "A heading numbered in another style than the rest of its level (（1） where the level uses （一）)"
    flags = (
        Case(
            "一、主要成绩\n（一）经济平稳运行。\n（二）项目加快推进。\n二、存在的不足\n（一）项目储备不够充足。\n"
            "三、明年工作打算\n⟦（1）⟧抓好项目建设，确保重点项目按期投产。\n",
            fix="（一）",
        ),
    )
    passes = (
        "一、主要成绩\n（一）经济平稳运行。\n（二）项目加快推进。\n二、存在的不足\n（一）项目储备不够充足。\n"
        "三、明年工作打算\n（一）抓好项目建设，确保重点项目按期投产。\n",
        "一、总体情况\n（一）思想认识不到位。\n（二）排查不彻底。\n二、存在问题\n（一）监管不严格。\n"
        "三、典型问题\n对发现的典型问题予以通报：\n1.某餐饮店使用不合格软管。\n2.某加工厂电线私拉乱接。\n",
    )
    fault_kind = STYLE
    related_message = "同级序号的写法"

    def message(self, fault: Fault) -> str:
        assert fault.previous is not None, "a style is always compared with an item of the level"
        return f"同级序号用“{shown(fault.previous)}”式，此处用“{shown(fault.item)}”：应为“{fault.replacement}”"
