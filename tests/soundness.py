"""Checks shared by the robustness tests: every finding, fix and related place lies inside its document."""

from __future__ import annotations

from helpers import REPO

from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigSpec, Settings
from reportlint.document import Document
from reportlint.findings import Finding, Position

ALL = Settings(ConfigSpec(select=["ALL"]), REPO, None, base_registry())


def assert_inside(document: Document, position: Position, what: str) -> None:
    lines = document.lines
    assert 1 <= position.line <= len(lines), f"{what}: line {position.line} of {len(lines)}"
    length = len(lines[position.line - 1])
    assert 1 <= position.column <= length + 1, f"{what}: column {position.column}, line length {length}"


def assert_sound(document: Document, findings: list[Finding], exact_text: bool) -> None:
    """Every finding, fix edit and related place (in this document) lies inside it, start before end."""
    for finding in findings:
        where = f"{finding.code} {finding.text!r} {finding.start}-{finding.end}"
        assert_inside(document, finding.start, where)
        assert_inside(document, finding.end, where)
        assert finding.start <= finding.end, where
        if exact_text and finding.start.line == finding.end.line:
            line = document.lines[finding.start.line - 1]
            assert line[finding.start.column - 1 : finding.end.column - 1] == finding.text, where
        for edit in finding.fix.edits if finding.fix else ():
            assert_inside(document, edit.start, f"{where}: fix")
            assert_inside(document, edit.end, f"{where}: fix")
            assert edit.start <= edit.end, where
        for related in finding.related:
            if related.path == document.path:
                assert_inside(document, related.start, f"{where}: related")
                assert_inside(document, related.end, f"{where}: related")
                assert related.start <= related.end, where
