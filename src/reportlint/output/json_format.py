"""JSON for editors and scripts, in ruff's shape (documented in docs/json.md; fields are only ever added)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from reportlint.findings import Finding, Position
from reportlint.output import Report
from reportlint.output.jsontext import dumps_indented


def _location(position: Position) -> dict[str, int]:
    return {"row": position.line, "column": position.column}


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability,
            "message": finding.fix.message,
            "edits": [
                {"content": edit.content, "location": _location(edit.start), "end_location": _location(edit.end)}
                for edit in finding.fix.edits
            ],
        }
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "message": finding.message,
        "filename": finding.path,
        "location": _location(finding.start),
        "end_location": _location(finding.end),
        "text": finding.text,
        "fix": fix,
        "url": finding.url,
        "related": [
            {
                "filename": related.path,
                "location": _location(related.start),
                "end_location": _location(related.end),
                "message": related.message,
            }
            for related in finding.related
        ],
        "fingerprint": finding.fingerprint,
        "place": _place(finding),
    }


def _place(finding: Finding) -> dict[str, Any] | None:
    """Where a person finds it: PDF ``page`` and ``page_line``; Word (and .doc, .wps, .odt, .rtf)
    ``paragraph`` (= row), ``heading`` above it and ``paragraph_start``. None for text files."""
    place = finding.place
    if place is None:
        return None
    if place.page is not None:
        return {"page": place.page, "page_line": place.page_line}
    return {"paragraph": finding.start.line, "heading": place.heading, "paragraph_start": place.lead}


def write_json(report: Report, stream: TextIO) -> None:
    stream.write(dumps_indented([finding_to_dict(f) for f in report.findings]) + "\n")


def write_json_lines(report: Report, stream: TextIO) -> None:
    for finding in report.findings:
        stream.write(json.dumps(finding_to_dict(finding), ensure_ascii=False) + "\n")
