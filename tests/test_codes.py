"""The codes table: every RL code is defined once, in reportlint.codes, and no code is ever reused."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from reportlint import codes
from reportlint.catalog import base_registry

SRC = Path(codes.__file__).parent


def _defined() -> dict[str, str]:
    return {name: value for name, value in vars(codes).items() if name.isupper() and isinstance(value, str)}


def test_every_code_is_defined_once_and_none_is_retired() -> None:
    values = list(_defined().values())
    assert len(values) == len(set(values))
    assert all(re.fullmatch(r"RL[0-9]{3}", value) for value in values)
    assert not set(values) & codes.RETIRED


def test_no_rule_reuses_a_retired_or_run_code() -> None:
    rule_codes = {rule.code for rule in base_registry()}
    run_codes = set(_defined().values()) - {codes.UNUSED_SUPPRESSION}
    assert not rule_codes & codes.RETIRED
    assert not rule_codes & run_codes
    assert codes.UNUSED_SUPPRESSION in rule_codes


def test_rl_codes_are_written_out_only_in_the_codes_table() -> None:
    """Elsewhere the code is imported by name, so that it cannot drift (doc strings may mention it)."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "codes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.fullmatch(r"RL[0-9]{3}", node.value)
            ):
                offenders.append(f"{path.relative_to(SRC)}:{getattr(node, 'lineno', 0)}")
    assert offenders == []
