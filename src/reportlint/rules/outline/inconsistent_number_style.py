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
    """查找序号样式与同级其他标题不同的标题：全文各部分的二级标题都用
    ``（一）（二）……``，某一部分却用``（1）（2）……``；或在``（二）``和``（四）``
    之间出现一个``（3）``。

    为什么要查：GB/T 9704-2012 规定层次序数依次为``一、``→``（一）``→``1.``→
    ``（1）``；某一部分出自他人之手或从别的稿子粘贴而来，就会打乱层次，读者会把
    ``（1）``当成更低一级。

    层级依据文档自身的用法判断，而不是一张固定的表：全文都在``一、``下直接用
    ``1.``的文档没有问题，某一部分多出一级（``（一）``下面再用别处使用的``1.``）
    也没有问题。须有两个部分一致、与那个特殊的部分不同，才报。

    忽略方法：按本级的样式重新编号；``ignore = ["SEC004"]``关闭此规则。
    """

    code = "SEC004"
    name = "inconsistent-number-style"
    severity = Severity.WARNING
    summary = "标题序号的样式与同级其他标题不同（同级用（一）却出现（1））"
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
