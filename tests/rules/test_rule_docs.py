"""Every rule documents itself for `reportlint rule CODE`: what it finds, why, an example, how to silence it.
The example is rendered from the rule's verified cases (tests/rules/test_rule_cases.py), so it cannot drift."""

from __future__ import annotations

import pytest

from reportlint.catalog import base_registry
from reportlint.rule import Case, render_cases


@pytest.mark.parametrize("rule", list(base_registry()), ids=lambda rule: rule.code)
def test_rule_doc_has_what_why_example_and_silencing(rule):
    doc = rule.doc
    assert len(doc.splitlines()) >= 8, "a rule's doc explains what it finds, why it matters and gives an example"
    assert "示例" in doc, "an example from the genre"
    assert "忽略方法：" in doc, "how to silence it"
    assert "为什么要查：" in doc, "why it matters"
    assert rule.summary and len(rule.summary) <= 100


@pytest.mark.parametrize("rule", list(base_registry()), ids=lambda rule: rule.code)
def test_the_example_is_rendered_from_the_cases_not_written_by_hand(rule):
    assert "示例：" not in rule.prose, "the example comes from the rule's first flag case"
    assert rule.flags, "the example is the first flag case"
    assert rule.doc.endswith(render_cases(tuple(rule.flags), tuple(rule.passes)))
    assert rule.flags[0].source.split("\n")[0] in rule.doc


def test_the_caret_line_sits_under_the_flagged_characters_in_terminal_columns():
    rendered = render_cases((Case("年度2024，xx⟦亿元⟧增长⟦*⟧%"),), ("完成投资5亿元",))
    assert (
        rendered
        == (
            "示例：\n\n"
            "    年度2024，xx亿元增长*%\n"
            "    " + " " * 12 + "^^^^    ^\n\n"  # 年度2024，xx: five wide characters and four narrow ones
            "不报的相似写法：\n\n"
            "    完成投资5亿元"
        )
    )


def test_a_case_over_several_lines_gets_a_caret_line_under_each_flagged_line():
    rendered = render_cases((Case("（七）甲。\n⟦（九）⟧乙。"),), ())
    assert rendered == "示例：\n\n    （七）甲。\n    （九）乙。\n    ^^^^^^"
