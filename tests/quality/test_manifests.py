"""Consistency checks for the hand-written evaluation drafts (tests/quality/drafts).

Run with:  pytest tests/quality/test_manifests.py      (or: python tests/quality/test_manifests.py)

Checks that every draft has a manifest (and every manifest a draft), that every defect and trap
entry is well formed and that its `text` really occurs on its 1-based `line`, and that the
report/speech pairs carry their cross-document differences in both drafts.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

DRAFTS = Path(__file__).resolve().parent / "drafts"
SPLITS = ("dev", "test")
FAMILIES = {"PH", "NUM", "SEC", "TYP", "PUN"}
KIND = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def draft_files() -> list[Path]:
    return sorted(p for s in SPLITS for p in (DRAFTS / s).iterdir() if p.suffix in {".txt", ".md"})


def manifest_files() -> list[Path]:
    return sorted(p for s in SPLITS for p in (DRAFTS / s).glob("*.toml"))


def load(draft: Path) -> tuple[list[str], dict]:
    lines = draft.read_text(encoding="utf-8").split("\n")
    with draft.with_suffix(".toml").open("rb") as f:
        return lines, tomllib.load(f)


def test_every_draft_has_a_manifest_and_back() -> None:
    drafts = draft_files()
    assert len(drafts) >= 16
    for d in drafts:
        assert d.with_suffix(".toml").is_file(), f"{d.name}: no manifest"
    stems = {d.with_suffix("") for d in drafts}
    for m in manifest_files():
        assert m.with_suffix("") in stems, f"{m.name}: manifest without a draft"


@pytest.mark.parametrize("draft", draft_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_entries_are_found_on_their_lines(draft: Path) -> None:
    lines, man = load(draft)
    assert man.get("draft") == draft.name
    problems = []
    for table in ("defect", "trap"):
        for i, e in enumerate(man.get(table, [])):
            where = f"{draft.name} {table}[{i}] line {e.get('line')}"
            if table == "defect":
                if e.get("family") not in FAMILIES:
                    problems.append(f"{where}: bad family {e.get('family')!r}")
                if not KIND.match(str(e.get("kind", ""))):
                    problems.append(f"{where}: kind {e.get('kind')!r} is not kebab-case")
            line, text = e.get("line"), e.get("text")
            if not isinstance(line, int) or not 1 <= line <= len(lines):
                problems.append(f"{where}: line out of range")
                continue
            if not text or text not in lines[line - 1]:
                problems.append(f"{where}: {text!r} not found on the line")
    assert not problems, "\n".join(problems)


def test_pairs_carry_cross_document_entries_in_both_drafts() -> None:
    pairs = 0
    for d in draft_files():
        _, man = load(d)
        partner = man.get("pair")
        if not partner:
            continue
        pairs += 1
        others = [p for p in d.parent.iterdir() if p.stem == partner and p.suffix in {".txt", ".md"}]
        assert others, f"{d.name}: pair {partner} not found in the same split"
        cross = [e for e in man.get("defect", []) if e.get("kind") == "cross-document"]
        assert 3 <= len(cross) <= 6, f"{d.name}: {len(cross)} cross-document entries"
    assert pairs >= 4


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
