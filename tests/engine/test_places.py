"""Where a person finds a finding of a Word draft: the heading above its paragraph and the paragraph's first
words, in text output, in JSON, and through the results cache."""

from __future__ import annotations

import io
import json

import docx
from helpers import REPO, run_cli

from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigSpec, Settings
from reportlint.engine.source import Source, lint_source
from reportlint.findings import Place
from reportlint.run import codec
from reportlint.run.task import FileReport


def _draft() -> bytes:
    document = docx.Document()
    document.add_paragraph("关于2024年工作的报告")
    document.add_heading("主要工作", 1)  # a heading by its style
    document.add_paragraph("今年以来，我们认真贯彻落实各项部署，全年完成投资xx亿元。")
    document.add_paragraph("二、存在问题")  # a heading by its number only
    document.add_paragraph("xx公司进度滞后。")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _findings(data: bytes, fmt: str = "docx"):
    settings = Settings(ConfigSpec(), REPO, None, base_registry())
    findings = lint_source(Source(data, f"draft.{fmt}", fmt), settings).findings
    return [finding for finding in findings if finding.code.startswith("PH")]  # not the outline's ("二、" alone)


def test_word_findings_carry_their_heading_and_the_paragraph_start():
    first, second = _findings(_draft())
    assert first.start.line == 3 and first.place == Place(heading="主要工作", lead="今年以来，我们认真贯彻落实各…")
    assert second.start.line == 5 and second.place == Place(heading="二、存在问题", lead="xx公司进度滞后。")


def test_text_findings_have_no_place():
    assert [finding.place for finding in _findings("全年完成投资xx亿元。\n".encode(), "txt")] == [None]


def test_text_and_json_output(tmp_path):
    (tmp_path / "draft.docx").write_bytes(_draft())
    text = run_cli("check", "draft.docx", cwd=tmp_path).stdout.decode("utf-8").splitlines()
    assert text[0] == "draft.docx:3:25: PH001 未填写的数字占位符“xx”：请填入实际数字"  # unchanged: editors parse it
    assert text[1] == "  = 位置：第3段（标题“主要工作”下，段首“今年以来，我们认真贯彻落实各…”）"
    findings = json.loads(run_cli("check", "-f", "json", "--select", "PH", "draft.docx", cwd=tmp_path).stdout)
    assert findings[1]["place"] == {"paragraph": 5, "heading": "二、存在问题", "paragraph_start": "xx公司进度滞后。"}
    (tmp_path / "draft.txt").write_text("全年完成投资xx亿元。\n", encoding="utf-8")
    assert json.loads(run_cli("check", "-f", "json", "draft.txt", cwd=tmp_path).stdout)[0]["place"] is None
    # the second run reads the report from the results cache: the place comes back with it
    again = run_cli("check", "draft.docx", cwd=tmp_path).stdout.decode("utf-8").splitlines()
    assert again == text


def test_the_cache_keeps_places():
    findings = _findings(_draft())
    report = FileReport("draft.docx", findings=findings, lines=["a"])
    loaded = codec.load_report(codec.dump_report(report))
    assert [finding.place for finding in loaded.findings] == [finding.place for finding in findings]
