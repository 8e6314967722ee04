"""Output formats. Each module writes a :class:`Report` to a text stream; none of them reads files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from reportlint.findings import Finding, Severity
from reportlint.registry import Registry


@dataclass
class Report:
    findings: list[Finding]
    #: Source lines per display path, to show the flagged line under a finding.
    sources: dict[str, list[str]] = field(default_factory=dict)
    files_checked: int = 0
    registry: Registry | None = None
    color: bool = False
    #: Findings fixed by --fix, and findings hidden by --baseline (for the summary).
    fixed: int = 0
    hidden: int = 0
    #: Files (or folders) that could not be read, and all the errors of the run (read errors, rule crashes,
    #: fixes that could not be written): the summary must not read as if everything was checked.
    unread: int = 0
    errors: int = 0

    def counts(self) -> dict[Severity, int]:
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


Writer = Callable[[Report, TextIO], None]


def writer(name: str) -> Writer:
    """The writer for an ``--output-format`` name (see :data:`FORMAT_NAMES`)."""
    if name in ("text", "concise"):
        from reportlint.output import text

        return text.write_full if name == "text" else text.write_concise
    if name in ("json", "json-lines"):
        from reportlint.output import json_format

        return json_format.write_json if name == "json" else json_format.write_json_lines
    if name == "sarif":
        from reportlint.output.sarif import write_sarif

        return write_sarif
    if name == "github":
        from reportlint.output.github import write_github

        return write_github
    raise ValueError(name)


FORMAT_NAMES = ("text", "concise", "json", "json-lines", "sarif", "github")
