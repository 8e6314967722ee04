"""SARIF locations: artifact URIs are valid URI references whatever the draft's name."""

from __future__ import annotations

import io
import json
from urllib.parse import unquote, urlsplit

from reportlint.findings import Finding, Position, Severity
from reportlint.output import Report
from reportlint.output.sarif import write_sarif


def _uri_of(path: str) -> str:
    finding = Finding("PH001", "figure-placeholder", Severity.ERROR, "m", path, Position(1, 1), Position(1, 3), "xx")
    stream = io.StringIO()
    write_sarif(Report([finding]), stream)
    return json.loads(stream.getvalue())["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"
    ]["uri"]


def test_reserved_characters_in_a_file_name_are_percent_encoded():
    name = "第1稿 #2 (100%).txt"
    uri = _uri_of(name)
    assert uri == "%E7%AC%AC1%E7%A8%BF%20%232%20%28100%25%29.txt"
    parts = urlsplit(uri)  # nothing of the name is taken for a fragment, a query or a scheme
    assert (parts.scheme, parts.query, parts.fragment) == ("", "", "")
    assert unquote(parts.path) == name


def test_relative_paths_keep_their_folders_and_stay_relative():
    assert _uri_of("drafts/终稿?.md") == "drafts/%E7%BB%88%E7%A8%BF%3F.md"
    assert _uri_of("a:b.txt") == "a%3Ab.txt"  # not a URI scheme
    assert _uri_of("report.txt") == "report.txt"


def test_absolute_paths_become_file_uris(tmp_path):
    path = tmp_path / "第1稿 #2.txt"
    uri = _uri_of(str(path))
    assert uri.startswith("file:///") and "#" not in uri and " " not in uri
    assert uri == path.as_uri()


def test_stdin():
    assert _uri_of("-") == "stdin"
