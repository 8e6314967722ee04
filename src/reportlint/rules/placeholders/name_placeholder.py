"""PH002 name-placeholder: A name left unfilled or anonymised (xx公司, **党工委, X区委, 某某)."""

from __future__ import annotations

from reportlint.analysis.placeholders import NAME
from reportlint.findings import Severity
from reportlint.rule import Case
from reportlint.rules.placeholders.common import PlaceholderRule


class NamePlaceholder(PlaceholderRule):
    """查找从未填写或已匿名化的名称：``xx公司``、``**党工委``、``X区委``、
    ``某某同志``、``○○``、``□□``。

    为什么要查：模板和去年的稿子在单位、项目或人名处写着``xx``；共享的稿子可能做
    过匿名化处理。无论哪种，签发的文本都需要真实名称。

    默认级别为警告（匿名化的稿子可能是有意的）；可用
    ``[severity] PH002 = "error"``改为错误。``某些``、``某种``、``某个``、
    ``某一``是词语，不是占位符，从不报。

    忽略方法：写上名称；正当的词语加到``allow``中；``ignore = ["PH002"]``关闭此
    规则（例如用于有意匿名化的样稿）。
    """

    code = "PH002"
    name = "name-placeholder"
    severity = Severity.WARNING
    summary = "未填写或已匿名化的名称（xx公司、**党工委、X区委、某某）"
    flags = (
        Case("在市委正确领导下，⟦xx⟧党工委坚持以习近平新时代中国特色社会主义思想为指导"),
        Case("报告人：⟦某局长⟧，审核：⟦____⟧同志"),
    )
    passes = (
        "某些单位在某种程度上存在问题，某个项目进度滞后。",
        "封面标注“×××人民政府”字样，地址格式为“XX县XX镇”。",
    )
    kind = NAME
    template = "未填写的名称占位符“{text}”：请填入实际名称"
