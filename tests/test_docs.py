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
