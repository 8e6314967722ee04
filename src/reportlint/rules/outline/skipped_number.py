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
    """查找一组标题或列举词中跳过的序号：``（七）``之后是``（九）``，``三是``之后是
    ``五是``，``2.``之后是``4.``。

    为什么要查：稿子由去年的文字和几位作者的段落拼成；删掉一段，后面的序号却没有
    重排。读者一眼就能看出来，还会猜想删掉了什么。

    每一级单独编号：新的``一、``会让其下的``（一）``重新开始，``一是``在每一段都
    重新开始。条款（``第N条``）等跨节连续的编号按跨节连续来核对。修正建议补上缺
    的序号；必要时请把这一组后面的序号一并重排。

    忽略方法：改正编号（有意跳号的：在 Markdown 中用
    ``<!-- reportlint-disable-next-line SEC001 -->``，其他格式用基线）；
    ``ignore = ["SEC001"]``关闭此规则。
    """

    code = "SEC001"
    name = "skipped-number"
    severity = Severity.ERROR
    summary = "一组标题或列举词中跳了号（（七）→（九）、三是→五是）"
    flags = (Case("（七）优化营商环境，服务企业更加精准。\n⟦（九）⟧守牢安全底线，应急能力持续增强。\n", fix="（八）"),)
    passes = ("（七）优化营商环境，服务企业更加精准。\n（八）守牢安全底线，应急能力持续增强。\n",)
    fault_kind = SKIPPED

    def message(self, fault: Fault) -> str:
        assert fault.previous is not None, "a skip is always from an item"
        missing = "".join(f"“{text}”" for text in fault.missing)
        jump = f"序号从“{shown(fault.previous)}”跳到“{shown(fault.item)}”"
        return f"{jump}，缺{missing}：请补齐或改为“{fault.replacement}”"
