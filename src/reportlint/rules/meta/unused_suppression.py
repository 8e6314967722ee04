"""Meta rules: about reportlint's own directives rather than the draft's text."""

from __future__ import annotations

from reportlint.codes import UNUSED_SUPPRESSION
from reportlint.findings import Severity
from reportlint.rule import Case, Rule


class UnusedSuppression(Rule):
    """查找 Markdown 草稿中没有屏蔽任何问题、或写了不存在的规则的屏蔽注释：例如
    ``<!-- reportlint-disable PH001 -->``下面的文字并没有 PH001 问题。

    为什么要查：过时的屏蔽注释会把此处下一个真正的问题藏起来；写错代码的注释什么
    也屏蔽不了，作者却以为屏蔽了。

    由检查引擎在其他规则运行之后报告（此规则本身不检查文字）。

    忽略方法：删除或改正该注释，或``ignore = ["RL101"]``。
    """

    code = UNUSED_SUPPRESSION
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "没有屏蔽任何问题、或写了未知规则的屏蔽注释"
    flags = (
        Case(
            "⟦<!-- reportlint-disable-next-line PH001 -->⟧\n全年完成投资5.6亿元。\n",
            format="md",
            note="no placeholder left",
        ),
        Case("⟦<!-- reportlint-disable NOPE9 -->⟧\n全年完成投资5.6亿元。\n", format="md", note="no such rule"),
    )
    passes = (Case("<!-- 本段数字待财政局核对 -->\n全年完成投资5.6亿元。\n", format="md"),)

    def check(self, document):
        return ()
