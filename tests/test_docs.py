"""docs/rules.md is generated from the rules (python docs/generate.py) and must match them."""

from __future__ import annotations

from helpers import REPO

from reportlint.catalog import base_registry
from reportlint.docs import rules_page, shipped_registry


def test_the_committed_rules_page_is_up_to_date():
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_page(), "docs/rules.md is out of date: run `python docs/generate.py` and commit it"


def test_every_shipped_rule_has_a_section_its_findings_link_to():
    page = rules_page()
    for rule in shipped_registry():
        assert f"\n## {rule.code}\n" in page
        assert rule.url and rule.url.endswith(f"docs/rules.md#{rule.code.lower()}")
        assert base_registry().get(rule.code).url == rule.url


def test_findings_of_shipped_rules_link_to_their_section():
    from helpers import lint_text

    (placeholder,) = lint_text("全年完成投资xx亿元。", select=["PH001"])
    assert placeholder.url == "https://github.com/reportlint/reportlint/blob/main/docs/rules.md#ph001"
    (marker,) = lint_text("研究解决问题（此处填写具体事项）。", select=["PH003"])
    assert marker.url and marker.url.endswith("#ph003")
    (unused,) = lint_text("<!-- reportlint-disable NOPE9 -->\n全年完成投资5亿元。\n", fmt="md", select=["RL101"])
    assert unused.url and unused.url.endswith("#rl101")
