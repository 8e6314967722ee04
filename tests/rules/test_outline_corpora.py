"""SEC rules on real text (skip where ../shared/ is absent): every enumerator defect of the sample drafts'
gold is found by the right rule and nothing else is flagged there; the published reports draw no SEC finding
of severity warning or above beyond the defects listed here, each checked by hand."""

from __future__ import annotations

import json
from collections import Counter

import corpora
from helpers import lint_text, shared_path

from reportlint.findings import Severity

RULE_OF_SUBTYPE = {"skipped": "SEC001", "duplicated": "SEC002", "style": "SEC004"}

#: (document, code, line, flagged text) of the real defects in the published texts as the loader rebuilds them.
PUBLISHED_DEFECTS = Counter(
    {
        # the scraped text holds the paragraph that starts with 四是 twice, the first copy cut off mid-sentence
        ("政府工作报告2010", "SEC002", 84, "四是"): 1,
        # the sub-heading （三） of this part is missing from the scraped text: （二） is followed by （四）
        ("政府工作报告2007", "SEC001", 57, "（四）"): 1,
        # 二、 stands in the middle of the paragraph before (a lost paragraph break): 一、 is followed by 三、
        ("北京共产主义组织的报告 (一大)", "SEC001", 8, "三、"): 1,
        # 第一、…第四、 (1982): GB/T 15834-2011 puts a comma after 第一
        ("全面开创社会主义现代化建设的新局面 (十二大)", "SEC005", 95, "、"): 1,
        ("全面开创社会主义现代化建设的新局面 (十二大)", "SEC005", 101, "、"): 1,
        ("全面开创社会主义现代化建设的新局面 (十二大)", "SEC005", 106, "、"): 1,
        ("全面开创社会主义现代化建设的新局面 (十二大)", "SEC005", 111, "、"): 1,
        # the first item of the list is numbered with the letter l instead of the digit 1, so the list starts at 2.
        ("中共中央 国务院印发《国家创新驱动发展战略纲要》", "SEC003", 91, "2."): 1,
    }
)


def test_published_reports_draw_no_sec_warning_beyond_the_known_defects():
    found = Counter()
    for source in (corpora.government_reports, corpora.congress_reports, corpora.central_documents):
        for name, text in source():
            for finding in lint_text(text, select=["SEC"]):
                if finding.severity >= Severity.WARNING:
                    found[name, finding.code, finding.start.line, finding.text] += 1
    assert found == PUBLISHED_DEFECTS


def _gold() -> list[dict]:
    path = shared_path("gold", "seeds.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _seed_findings() -> dict[str, list]:
    seeds = shared_path("seeds")
    return {
        path.name: lint_text(path.read_text(encoding="utf-8"), select=["SEC"]) for path in sorted(seeds.glob("*.txt"))
    }


def _overlaps(finding, record: dict) -> bool:
    start, end = record["col"], record["col"] + max(len(record["text"]), 1)
    return finding.start.line == record["line"] and finding.start.column < end and start < finding.end.column


def test_every_enumerator_defect_of_the_gold_is_found_by_the_right_rule_and_nothing_else_is_flagged():
    records = _gold()
    findings = _seed_findings()
    defects = [r for r in records if r["category"] == "enumerator" and not r.get("ok")]
    found = [
        r
        for r in defects
        if any(_overlaps(f, r) and f.code == RULE_OF_SUBTYPE[r["subtype"]] for f in findings[r["file"]])
    ]
    assert (len(found), len(defects)) == (11, 11)
    # no finding outside the enumerator defects, and no passing check ("ok") flagged
    stray = [
        (file, f.code, f.start.line, f.text)
        for file, listed in findings.items()
        for f in listed
        if not any(r["file"] == file and _overlaps(f, r) for r in defects)
    ]
    assert stray == []
    traps = [r for r in records if r.get("ok") and any(_overlaps(f, r) for f in findings.get(r["file"], []))]
    assert traps == []
