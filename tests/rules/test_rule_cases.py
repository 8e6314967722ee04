"""Every rule's cases (``Rule.flags`` / ``Rule.passes``, and the ``flags`` / ``passes`` of pack entries) hold:
each flag case draws findings of that rule at exactly the marked spans (with the fix it names), each pass case
draws none. Each case runs with only its rule selected. A built-in Python rule without both kinds fails."""

from __future__ import annotations

import pytest
from helpers import REPO, corpus_members

from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigSpec, Settings
from reportlint.engine.lint import lint_corpus, lint_document
from reportlint.packs.loader import PackRule
from reportlint.readers import read_bytes
from reportlint.rule import Case, CorpusRule, Rule, as_case
from reportlint.rules import BUILTIN_RULES

RULES = list(base_registry())
PYTHON_CODES = {rule.code for rule in BUILTIN_RULES}


def findings_of(rule: Rule, case: Case):
    """The findings of ``rule`` in the case's text (linted with its other documents, for a corpus rule)."""
    settings = Settings(ConfigSpec(select=[rule.code]), REPO, None, base_registry())
    document = read_bytes(case.source.encode("utf-8"), f"draft.{case.format}", case.format)
    findings, crashes = lint_document(document, settings)
    assert not crashes, crashes
    if isinstance(rule, CorpusRule):
        others = [
            read_bytes(text.encode("utf-8"), f"other{index}.{case.format}", case.format)
            for index, text in enumerate(case.documents, 1)
        ]
        corpus, crashes = lint_corpus(corpus_members([document, *others], settings))
        assert not crashes, crashes
        findings += [finding for finding in corpus if finding.path == document.path]
    return [finding for finding in findings if finding.code == rule.code]


def offset(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(before) + 1 for before in lines[: line - 1]) + column - 1


def spans_of(case: Case, findings) -> list[tuple[int, int]]:
    return sorted(
        (offset(case.source, f.start.line, f.start.column), offset(case.source, f.end.line, f.end.column))
        for f in findings
    )


def flag_cases():
    for rule in RULES:
        for index, case in enumerate(rule.flags):
            yield pytest.param(rule, case, id=f"{rule.code}-flag{index}")


def pass_cases():
    for rule in RULES:
        for index, case in enumerate(rule.passes):
            yield pytest.param(rule, as_case(case), id=f"{rule.code}-pass{index}")


@pytest.mark.parametrize(("rule", "case"), list(flag_cases()))
def test_flag_case_draws_findings_at_exactly_the_marked_spans(rule, case):
    findings = sorted(findings_of(rule, case), key=lambda f: f.sort_key)
    shown = [(f.text, f.message) for f in findings]
    assert spans_of(case, findings) == sorted(case.spans), shown
    if case.fixes is not None:
        assert [f.fix.edits[0].content if f.fix else None for f in findings] == list(case.fixes), shown


@pytest.mark.parametrize(("rule", "case"), list(pass_cases()))
def test_pass_case_draws_no_finding(rule, case):
    assert case.spans == (), "a pass case marks no span"
    assert [(f.text, f.message) for f in findings_of(rule, case)] == []


@pytest.mark.parametrize("rule", [rule for rule in RULES if rule.code in PYTHON_CODES], ids=lambda rule: rule.code)
def test_every_builtin_python_rule_has_a_flag_and_a_pass_case(rule):
    assert rule.flags, f"{rule.code} has no flag case: add one to its `flags`"
    assert rule.passes, f"{rule.code} has no pass case: add a look-alike to its `passes`"
    assert all(case.spans for case in rule.flags), "each flag case marks its flagged span(s) with ⟦…⟧"


@pytest.mark.parametrize("rule", [rule for rule in RULES if isinstance(rule, PackRule)], ids=lambda rule: rule.code)
def test_every_shipped_pack_rule_has_cases(rule):
    assert rule.flags and rule.passes, f"{rule.code}: give a few of its entries `flags` and `passes`"


def test_case_marks_give_exact_spans():
    case = Case("增长⟦*⟧%，⟦xx⟧亿元")
    assert case.source == "增长*%，xx亿元" and case.spans == ((2, 3), (5, 7))
    for broken in ("⟦a", "a⟧", "⟦⟦a⟧⟧", "⟦⟧"):
        with pytest.raises(ValueError):
            _ = Case(broken).spans


def test_a_pack_entry_carries_cases_and_a_flag_case_must_mark_its_span(tmp_path):
    from reportlint.packs.loader import load_pack
    from reportlint.storage.schema import SchemaError

    pack = tmp_path / "mine.toml"
    head = '[pack]\nname = "mine"\n[[rules]]\ncode = "ORG001"\nname = "org-term"\nsummary = "s"\ndoc = "d"\n'
    entry = '[[rules.entries]]\nmatch = "里程牌"\nreplace = ["里程碑"]\n'
    pack.write_text(head + entry + 'flags = ["具有⟦里程牌⟧意义"]\npasses = ["里程碑"]\n', encoding="utf-8")
    rule = PackRule(load_pack(pack).rules[0], str(pack))
    assert rule.flags == (Case("具有⟦里程牌⟧意义", fix="里程碑"),) and rule.passes == ("里程碑",)
    assert rule.url is None  # not a shipped pack: not on the rules page
    pack.write_text(head + entry + 'flags = ["具有里程牌意义"]\n', encoding="utf-8")
    with pytest.raises(SchemaError, match="没有标出范围"):
        load_pack(pack)
