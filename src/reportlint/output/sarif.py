"""SARIF 2.1.0 for code-scanning dashboards. Columns are Unicode code points (``columnKind``)."""

from __future__ import annotations

from functools import cache
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from reportlint import __version__
from reportlint.findings import Finding, Position, Severity
from reportlint.output import Report
from reportlint.output.jsontext import dumps_indented

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


@cache  # one per file, not one per finding
def _uri(path: str) -> str:
    """A URI reference for ``path``: relative paths stay relative (to the folder the run started in), absolute
    ones become ``file:`` URIs; either way every character outside a URI's unreserved set is percent-encoded
    as UTF-8 (``第1稿 #2 (100%).txt`` → ``%E7%AC%AC1%E7%A8%BF%20%232%20%28100%25%29.txt``), so that ``#``,
    ``%``, ``?`` and spaces in a draft's name do not break the URI."""
    if path == "-":
        return "stdin"
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    # surrogateescape: a file name that is not valid UTF-8 keeps its original bytes
    return quote(pure.as_posix(), safe="/", errors="surrogateescape")


def _region(start: Position, end: Position) -> dict[str, int]:
    return {"startLine": start.line, "startColumn": start.column, "endLine": end.line, "endColumn": end.column}


def _location(path: str, start: Position, end: Position, message: str | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": _region(start, end)}
    }
    if message:
        location["message"] = {"text": message}
    return location


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.path, finding.start, finding.end)],
        "partialFingerprints": {"reportlint/v1": finding.fingerprint},
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    if finding.related:
        result["relatedLocations"] = [
            {"id": number, **_location(r.path, r.start, r.end, r.message)} for number, r in enumerate(finding.related)
        ]
    if finding.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": finding.fix.message},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(finding.path)},
                        "replacements": [
                            {"deletedRegion": _region(edit.start, edit.end), "insertedContent": {"text": edit.content}}
                            for edit in finding.fix.edits
                        ],
                    }
                ],
            }
        ]
    return result


def write_sarif(report: Report, stream: TextIO) -> None:
    rules = list(report.registry or [])
    rule_index = {rule.code: index for index, rule in enumerate(rules)}
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reportlint",
                        "version": __version__,
                        "informationUri": "https://github.com/reportlint/reportlint",
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.name,
                                "shortDescription": {"text": rule.summary},
                                "fullDescription": {"text": rule.doc},
                                **({"helpUri": rule.url} if rule.url else {}),
                                "defaultConfiguration": {"level": _LEVELS[rule.severity]},
                                "properties": {"family": rule.family},
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding, rule_index) for finding in report.findings],
            }
        ],
    }
    stream.write(dumps_indented(document) + "\n")
