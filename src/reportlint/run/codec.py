"""The results cache's entries as JSON: data, never code. A cache entry may have been written by anyone who
could write the cache folder, so reading one must not run anything (as unpickling would): it is parsed as
JSON and rebuilt field by field into our own classes; anything unexpected raises ValueError (lint again)."""

from __future__ import annotations

import json
from typing import Any

from reportlint.engine.lint import RuleCrash
from reportlint.findings import Edit, Finding, Fix, Place, Position, Related, Severity
from reportlint.run.task import FileReport, RunError

#: Changes whenever the layout below changes: entries of another layout are not read.
FORMAT = 3


def dump_report(report: FileReport) -> bytes:
    """A report without its corpus entry (which is not cached) or fixes (fixing bypasses the cache)."""
    return _dump(
        "report",
        {
            "display": report.display,
            "findings": [_finding(finding) for finding in report.findings],
            "errors": [[error.path, error.code, error.message] for error in report.errors],
            "lines": report.lines,
            "cache_key": report.cache_key,
            "corpus": report.corpus is not None or report.corpus_in_cache,
        },
    )


def load_report(data: bytes) -> FileReport:
    body = _load("report", data)
    lines = body["lines"]
    if lines is not None and not (isinstance(lines, list) and all(isinstance(line, str) for line in lines)):
        raise ValueError("lines")
    return FileReport(
        _str(body["display"]),
        findings=[_load_finding(item) for item in body["findings"]],
        errors=[RunError(*(_str(part) for part in _items(item, 3))) for item in body["errors"]],
        lines=lines,
        cache_key=_optional_str(body["cache_key"]),
        corpus_in_cache=body["corpus"] is True,
    )


def dump_outcome(outcome: tuple[list[Finding], list[RuleCrash]]) -> bytes:
    """The corpus rules' findings and crashes over the files linted together."""
    findings, crashes = outcome
    body = {
        "findings": [_finding(finding) for finding in findings],
        "crashes": [[crash.code, crash.path, crash.error, crash.error_code] for crash in crashes],
    }
    return _dump("corpus", body)


def load_outcome(data: bytes) -> tuple[list[Finding], list[RuleCrash]]:
    body = _load("corpus", data)
    findings = [_load_finding(item) for item in body["findings"]]
    return findings, [RuleCrash(*(_str(part) for part in _items(item, 4))) for item in body["crashes"]]


def _dump(kind: str, body: dict) -> bytes:
    return json.dumps({"format": FORMAT, "kind": kind, "body": body}, separators=(",", ":")).encode("ascii")


def _load(kind: str, data: bytes) -> dict:
    try:
        document = json.loads(data.decode("ascii"))
    except (UnicodeDecodeError, RecursionError) as error:
        raise ValueError(str(error)) from None
    if not (isinstance(document, dict) and document.get("format") == FORMAT and document.get("kind") == kind):
        raise ValueError("not a cache entry of this kind")
    body = document.get("body")
    if not isinstance(body, dict):
        raise ValueError("body")
    return body


def _finding(finding: Finding) -> dict:
    fix = finding.fix
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": int(finding.severity),
        "message": finding.message,
        "path": finding.path,
        "start": _position(finding.start),
        "end": _position(finding.end),
        "text": finding.text,
        "context": finding.context,
        "fix": None
        if fix is None
        else {
            "message": fix.message,
            "edits": [[_position(e.start), _position(e.end), e.content] for e in fix.edits],
            "safe": fix.safe,
        },
        "related": [[r.path, _position(r.start), _position(r.end), r.message] for r in finding.related],
        "url": finding.url,
        "place": None if finding.place is None else _place(finding.place),
    }


def _place(place: Place) -> list:
    return [place.page, place.page_line, place.heading, place.lead]


def _load_place(value: Any) -> Place | None:
    if value is None:
        return None
    page, page_line, heading, lead = _items(value, 4)
    if not all(number is None or type(number) is int for number in (page, page_line)):
        raise ValueError("place")
    return Place(page, page_line, _optional_str(heading), _optional_str(lead))


def _load_finding(item: Any) -> Finding:
    if not isinstance(item, dict):
        raise ValueError("finding")
    fix = item["fix"]
    if fix is not None:
        edits = tuple(
            Edit(_load_position(start), _load_position(end), _str(content))
            for start, end, content in _list(fix["edits"])
        )
        fix = Fix(_str(fix["message"]), edits, fix["safe"] is True)
    related = tuple(
        Related(_str(path), _load_position(start), _load_position(end), _str(message))
        for path, start, end, message in _list(item["related"])
    )
    return Finding(
        code=_str(item["code"]),
        name=_str(item["name"]),
        severity=Severity(item["severity"]),
        message=_str(item["message"]),
        path=_str(item["path"]),
        start=_load_position(item["start"]),
        end=_load_position(item["end"]),
        text=_str(item["text"]),
        context=_str(item["context"]),
        fix=fix,
        related=related,
        url=_optional_str(item["url"]),
        place=_load_place(item["place"]),
    )


def _position(position: Position) -> list[int]:
    return [position.line, position.column]


def _load_position(value: Any) -> Position:
    line, column = _list(value)
    if not (type(line) is int and type(column) is int):
        raise ValueError("position")
    return Position(line, column)


def _items(value: Any, count: int) -> list:
    if not (isinstance(value, list) and len(value) == count):
        raise ValueError(f"expected {count} items")
    return value


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise ValueError("expected a list")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a string")
    return value


def _optional_str(value: Any) -> str | None:
    return None if value is None else _str(value)
