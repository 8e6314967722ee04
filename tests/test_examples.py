"""The bundled example drafts: `reportlint check examples/` reports exactly the planted placeholders listed
in docs/example-defects.md (and so none of the planted look-alikes)."""

from __future__ import annotations

import json
import re

from helpers import REPO, run_cli


def planted_placeholders() -> set[tuple[str, int, int, str, str]]:
    table = (REPO / "docs" / "example-defects.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \d+ \| (\S+) \| (\d+) \| (\d+) \| `([^`]+)` \| (PH\d{3}) \|", table, re.M)
    return {(f"examples/{name}", int(line), int(col), text, code) for name, line, col, text, code in rows}


def test_examples_report_exactly_the_planted_placeholders():
    result = run_cli("check", "--output-format", "json", "--select", "PH", "examples/", cwd=REPO)
    assert result.returncode == 1, result.stderr.decode()
    found = {
        (f["filename"], f["location"]["row"], f["location"]["column"], f["text"], f["code"])
        for f in json.loads(result.stdout)
    }
    planted = planted_placeholders()
    assert len(planted) == 34
    assert found == planted
