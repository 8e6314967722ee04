"""Every rule documents itself for `reportlint rule CODE`: what it finds, why, an example, how to silence it."""

from __future__ import annotations

import pytest

from reportlint.catalog import base_registry


@pytest.mark.parametrize("rule", list(base_registry()), ids=lambda rule: rule.code)
def test_rule_doc_has_what_why_example_and_silencing(rule):
    doc = rule.doc
    assert len(doc.splitlines()) >= 8, "a rule's doc explains what it finds, why it matters and gives an example"
    assert "xample" in doc, "an example from the genre"
    assert "ilence" in doc or "ignore" in doc, "how to silence it"
    assert rule.summary and len(rule.summary) <= 100
