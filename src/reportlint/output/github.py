"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding."""

from __future__ import annotations

from typing import TextIO

from reportlint.findings import Severity
from reportlint.output import Report

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(report: Report, stream: TextIO) -> None:
    for f in report.findings:
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", f.path),
                ("line", f.start.line),
                ("col", f.start.column),
                ("endLine", f.end.line),
                ("endColumn", f.end.column),
                ("title", f"reportlint {f.code} ({f.name})"),
            )
        )
        stream.write(f"::{_LEVELS[f.severity]} {properties}::{_escape_data(f'{f.code} {f.message}')}\n")
