"""The bundled example drafts: `reportlint check examples/` reports exactly the defects planted in them, as
listed in docs/example-defects.md: each with its rule, and nothing else (so none of the planted look-alikes)."""

from __future__ import annotations

import json
import re

from helpers import REPO, run_cli

ROW = re.compile(r"^\| \d+ \| (\S+) \| (\d+) \| (\d+) \| `([^`]+)` \| ([A-Z]+\d{3}) \|", re.M)


def planted() -> list[tuple[str, int, int, int, str]]:
    """(file, line, start column, end column, code) of every planted defect."""
    table = (REPO / "docs" / "example-defects.md").read_text(encoding="utf-8")
    return [
        (f"examples/{name}", int(line), int(col), int(col) + len(text), code)
        for name, line, col, text, code in ROW.findall(table)
    ]


def lint_examples(*options: str) -> list[dict]:
    result = run_cli("check", "--output-format", "json", *options, "examples/", cwd=REPO)
    assert result.returncode == 1, result.stderr.decode()
    return json.loads(result.stdout)


def test_examples_report_exactly_the_planted_placeholders():
    found = {
        (f["filename"], f["location"]["row"], f["location"]["column"], f["end_location"]["column"], f["code"])
        for f in lint_examples("--select", "PH")
    }
    expected = {row for row in planted() if row[4].startswith("PH")}
    assert len(expected) == 34
    assert found == expected


def test_every_planted_defect_is_found_with_its_rule_and_nothing_else_is_reported():
    findings = lint_examples()
    rows = planted()
    assert len(rows) == 50

    def overlaps(finding: dict, row) -> bool:
        name, line, start, end, _ = row
        return (
            finding["filename"] == name
            and finding["location"]["row"] == line
            and finding["location"]["column"] < end
            and start < finding["end_location"]["column"]
        )

    missed = [row for row in rows if not any(overlaps(f, row) and f["code"] == row[4] for f in findings)]
    unplanted = [f for f in findings if not any(overlaps(f, row) for row in rows)]
    assert missed == []
    assert unplanted == []
