"""Published, proofread texts under ``../shared/data/`` for measuring false alarms, with their scrape
artefacts undone: each text comes back with one paragraph per line, as a draft would have it.

The Wikisource scrapes (State Council and CPC congress reports) separate paragraphs with blank lines and
break some lines where a wiki link was, so the lines of one block are joined. The central documents are
one paragraph per line already. The 2020 speeches lost their line breaks; where the paragraph starts
survive as ``\\u3000\\u3000`` they are split there. Tests skip when ``../shared/`` is absent.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator

from helpers import shared_path

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def _join_blocks(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = ("".join(line.strip() for line in block.split("\n")) for block in _BLANK_LINE.split(text))
    return "\n".join(block for block in blocks if block) + "\n"


def government_reports(since: int = 2000) -> Iterator[tuple[str, str]]:
    """State Council work reports from ``since`` on (the NPC resolutions, with no year, are left out)."""
    path = shared_path("data", "chinese-political-corpora", "government_work_reports.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        report = json.loads(line)
        if report.get("year") and int(report["year"]) >= since:
            yield f"政府工作报告{report['year']}", _join_blocks(report["content"])


def congress_reports() -> Iterator[tuple[str, str]]:
    path = shared_path("data", "chinese-political-corpora", "cpc_congress_reports.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        report = json.loads(line)
        if len(report["content"]) > 1000:  # the 7th congress is a stub
            yield report["title"], _join_blocks(report["content"])


def central_documents() -> Iterator[tuple[str, str]]:
    for path in sorted(shared_path("data", "ecspell", "web_data_sample").glob("*.txt")):
        yield path.stem, path.read_text(encoding="utf-8").replace("\r\n", "\n")


def speeches() -> Iterator[tuple[str, str]]:
    path = shared_path("data", "xi-speeches-2020", "all_data.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            paragraphs = [p.strip() for p in row["Text"].split("\u3000\u3000")]
            yield f"speech {row['Date']}", "\n".join(p for p in paragraphs if p) + "\n"


def all_published() -> Iterator[tuple[str, str]]:
    yield from government_reports()
    yield from congress_reports()
    yield from central_documents()
    yield from speeches()
