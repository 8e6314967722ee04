"""Published, proofread texts under ``../shared/data/`` for measuring false alarms, with their scrape
artefacts undone (see :mod:`scrapes`): each text comes back with one paragraph per line, as a draft would have
it. Tests skip when ``../shared/`` is absent.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from helpers import shared_path
from scrapes import document_lines, speech_paragraphs, wikisource_paragraphs


def government_reports(since: int = 2000) -> Iterator[tuple[str, str]]:
    """State Council work reports from ``since`` on (the NPC resolutions, with no year, are left out)."""
    path = shared_path("data", "chinese-political-corpora", "government_work_reports.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        report = json.loads(line)
        if report.get("year") and int(report["year"]) >= since:
            yield f"政府工作报告{report['year']}", wikisource_paragraphs(report["content"])


def congress_reports() -> Iterator[tuple[str, str]]:
    path = shared_path("data", "chinese-political-corpora", "cpc_congress_reports.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        report = json.loads(line)
        if len(report["content"]) > 1000:  # the 7th congress is a stub
            yield report["title"], wikisource_paragraphs(report["content"])


def central_documents() -> Iterator[tuple[str, str]]:
    for path in sorted(shared_path("data", "ecspell", "web_data_sample").glob("*.txt")):
        yield path.stem, document_lines(path.read_text(encoding="utf-8"))


def speeches() -> Iterator[tuple[str, str]]:
    path = shared_path("data", "xi-speeches-2020", "all_data.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield f"speech {row['Date']}", speech_paragraphs(row["Text"])


def all_published() -> Iterator[tuple[str, str]]:
    yield from government_reports()
    yield from congress_reports()
    yield from central_documents()
    yield from speeches()
