"""PH001 figure-placeholder: A figure left unfilled (xx亿元, 增长*%, 第X届)."""

from __future__ import annotations

from reportlint.analysis.placeholders import FIGURE
from reportlint.findings import Severity
from reportlint.rule import Case
from reportlint.rules.placeholders.common import PlaceholderRule


class FigurePlaceholder(PlaceholderRule):
    """Finds a figure that was never filled in: ``xx亿元``, ``增长*%``, ``XX个``, ``完成*。``, ``第xx届``,
    ``X月X日``.

    Why: a draft is built from last year's text or a template, with ``x`` or ``*`` where this year's figure
    goes. One left in a signed report is an embarrassment that every reader sees.

    A run of marks (``xxxx``) is one finding covering exactly the run. Look-alikes are left alone: Latin
    words and codes (``IPO``, ``x86``), ``X光``/``X射线``, arithmetic (``3×4``, ``5*3``, ``280毫米×135毫米``),
    ``○`` as zero in ``二○二三年``, bullets, and Markdown emphasis.

    Silence it: fill in the figure. For a word that really is written with X, add it to ``allow`` in the
    config (``allow = ["X战警"]``); to switch the rule off, ``ignore = ["PH001"]``.
    """

    code = "PH001"
    name = "figure-placeholder"
    severity = Severity.ERROR
    summary = "A figure left unfilled (xx亿元, 增长*%, 第X届)"
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
