"""PH001 figure-placeholder: A figure left unfilled (xx亿元, 增长*%, 第X届)."""

from __future__ import annotations

from reportlint.analysis.placeholders import FIGURE
from reportlint.findings import Severity
from reportlint.rule import Case
from reportlint.rules.placeholders.common import PlaceholderRule


class FigurePlaceholder(PlaceholderRule):
    """查找从未填写的数字：``xx亿元``、``增长*%``、``XX个``、``完成*。``、
    ``第xx届``、``X月X日``。

    为什么要查：稿子照着去年的文字或模板写，今年的数字处先写``x``或``*``。留在签
    发的报告里，每位读者都看得见，十分难堪。

    连续的一串记号（``xxxx``）算一处问题，范围恰好覆盖这一串。不报的相似写法：拉
    丁字母单词和代码（``IPO``、``x86``）、``X光``/``X射线``、算式（``3×4``、
    ``5*3``、``280毫米×135毫米``）、``二○二三年``中表示零的``○``、项目符号以及
    Markdown 的强调记号。

    忽略方法：填上数字。确实带 X 的词，加到配置的``allow``中
    （``allow = ["X战警"]``）；要关闭此规则，``ignore = ["PH001"]``。
    """

    code = "PH001"
    name = "figure-placeholder"
    severity = Severity.ERROR
    summary = "未填写的数字（xx亿元、增长*%、第X届）"
    flags = (
        Case("全年完成固定资产投资⟦xx⟧亿元，增长⟦*⟧%。"),
        Case("确保⟦20xx⟧年底前建成，完成投资⟦__⟧万元。"),
    )
    passes = (
        "公司计划于2025年IPO，采用x86架构，3×4=12，5*3=15。",
        "二○二三年，医院新购X光机2台。",
        "构建“1+N+X”政策体系，实施“数据要素×”行动，创建“双X”示范。",
    )
    kind = FIGURE
    template = "未填写的数字占位符“{text}”：请填入实际数字"
