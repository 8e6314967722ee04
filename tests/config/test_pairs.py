"""Which documents of a run a pair pairs (config.pairs.partners)."""

from __future__ import annotations

from pathlib import Path

from reportlint.config.pairs import partners


def test_every_file_of_one_glob_is_paired_with_every_file_of_the_others(tmp_path):
    report, speech, notes, other = (tmp_path / name for name in ("report.txt", "speech.txt", "notes.txt", "x.txt"))
    pair = (frozenset({report}), frozenset({speech, notes}))
    assert partners([report, speech, other, None, notes], [pair]) == [{1, 4}, {0}, set(), set(), {0}]


def test_a_file_in_both_globs_is_not_its_own_partner_and_files_outside_the_run_are_ignored(tmp_path):
    report, speech = tmp_path / "report.txt", tmp_path / "speech.txt"
    pair = (frozenset({report, speech}), frozenset({speech, Path("/elsewhere/missing.txt")}))
    assert partners([report, speech], [pair]) == [{1}, {0}]
