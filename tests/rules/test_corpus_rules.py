"""Corpus rules compare the documents linted together; each document involved gets the finding, with the
other place as ``related``. Tested with a small corpus rule defined here, through the real runner."""

from __future__ import annotations

import io
import json
from pathlib import Path

from reportlint.catalog import base_registry
from reportlint.config.settings import Overrides, SettingsResolver
from reportlint.output import Report
from reportlint.output.json_format import write_json
from reportlint.output.text import write_full
from reportlint.registry import Registry
from reportlint.rule import Anchor, CorpusRule, Hit
from reportlint.run.runner import run


class DifferentTitles(CorpusRule):
    """Reports, in each document, a first line that differs from another document's first line."""

    code = "TST900"
    name = "different-titles"
    summary = "Titles differ"

    def summarize(self, document):
        return document.blocks[0]

    def check_corpus(self, summaries):
        for summary in summaries:
            for other in summaries:
                mine, theirs = summary.data, other.data
                if other is not summary and mine.text != theirs.text:
                    related = Anchor(other.path, theirs, 0, len(theirs.text), f"另一文件写作“{theirs.text}”")
                    yield summary, Hit(mine, 0, len(mine.text), "标题不一致", related=(related,))


def lint(tmp_path: Path, *names: str, config: str | None = None):
    registry = Registry([*base_registry(), DifferentTitles()])
    if config is not None:
        (tmp_path / "reportlint.toml").write_text(config, encoding="utf-8")
    resolver = SettingsResolver(registry, Overrides(select=["TST900"]))
    return run([str(tmp_path / name) for name in names], resolver)


def write_drafts(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("年度报告\n正文。\n", encoding="utf-8")
    (tmp_path / "speech.txt").write_text("正文在前\n年度讲话\n", encoding="utf-8")


def test_each_document_gets_the_finding_with_the_other_as_related(tmp_path):
    write_drafts(tmp_path)
    result = lint(tmp_path, "report.txt", "speech.txt")
    assert not result.errors and result.failing
    pairs = [
        (Path(f.path).name, f.text, [(Path(r.path).name, r.start.line, r.start.column) for r in f.related])
        for f in result.findings
    ]
    assert pairs == [
        ("report.txt", "年度报告", [("speech.txt", 1, 1)]),
        ("speech.txt", "正文在前", [("report.txt", 1, 1)]),
    ]


def test_one_document_alone_has_nothing_to_compare(tmp_path):
    write_drafts(tmp_path)
    assert lint(tmp_path, "report.txt").findings == []


def test_per_file_ignores_take_a_document_out_of_the_comparison(tmp_path):
    write_drafts(tmp_path)
    result = lint(tmp_path, "report.txt", "speech.txt", config='[per-file-ignores]\n"speech.txt" = ["TST900"]\n')
    assert result.findings == []


def test_related_locations_in_text_and_json_output(tmp_path):
    write_drafts(tmp_path)
    result = lint(tmp_path, "report.txt", "speech.txt")
    report = Report(result.findings, result.sources, result.files_checked)
    text = io.StringIO()
    write_full(report, text)
    assert f"  = 另见 {tmp_path / 'speech.txt'}:1:1：另一文件写作“正文在前”" in text.getvalue()
    data = io.StringIO()
    write_json(report, data)
    related = json.loads(data.getvalue())[0]["related"]
    assert related == [
        {
            "filename": str(tmp_path / "speech.txt"),
            "location": {"row": 1, "column": 1},
            "end_location": {"row": 1, "column": 5},
            "message": "另一文件写作“正文在前”",
        }
    ]


def test_suppression_comments_apply_to_corpus_findings_and_count_as_used(tmp_path):
    write_drafts(tmp_path)
    (tmp_path / "speech.md").write_text("正文在前\n\n<!-- reportlint-disable-file TST900 -->\n", encoding="utf-8")
    registry = Registry([*base_registry(), DifferentTitles()])
    resolver = SettingsResolver(registry, Overrides(select=["TST900", "RL101"]))
    result = run([str(tmp_path / "report.txt"), str(tmp_path / "speech.md")], resolver)
    assert [(Path(f.path).name, f.code) for f in result.findings] == [("report.txt", "TST900")]
