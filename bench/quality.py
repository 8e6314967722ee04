"""How well the rules generalise: recall and precision on our own evaluation drafts, false alarms on published text.

``python bench/quality.py [--split dev|test] [--shared PATH] [--details] [--only drafts|published] [--raw]``

1. **Drafts** (``tests/quality/drafts/<split>/``, each with its TOML manifest of planted defects and traps): all
   drafts of the split are linted in one run (``lint_source`` each, then ``lint_corpus``), under the default
   settings, so that the report/speech pair is compared as the command line would. A defect is *found* when a
   finding of its family starts on the manifest line and its span overlaps an occurrence of the manifest ``text``
   on that line (a cross-document defect: any NUM finding there). A trap is *hit* when an error or warning
   finding overlaps it. Precision counts the error and warning findings: one that overlaps no defect of the
   manifest is a false alarm (manifests may be incomplete: ``--details`` lists them, dev split only, to judge).
2. **Published text** (``../shared/data``): the State Council work reports, the CPC congress reports, the 2020
   speeches and the published central documents, each source linted as one run. Every error or warning finding
   there is counted, per 100,000 characters and per family. The texts are read as the tests read them, with the
   forms of the scrapes undone (``tests/scrapes.py``: one paragraph per line, lines broken inside a paragraph
   where a link, a bold quotation or a subscript was joined again); ``--raw`` lints the scrapes as they are.

The test split is held out: only its aggregate figures are printed, never which defects are missed.

Published text, error and warning findings per 100,000 characters (count), NUM / SEC / PUN (PH: none anywhere; TYP
is measured by ``bench/typo_quality.py``), issue 11:

| source | as scraped, before | scrape forms undone, before | scrape forms undone, after |
|---|---|---|---|
| work reports | 0.53 (6) / 4.72 (53) / 51.87 (582) | 0.73 (8) / 4.81 (53) / 8.71 (96) | 0 / 4.44 (49) / 8.62 (95) |
| congress reports | 0 / 1.13 (4) / 134.26 (476) | 0 / 1.43 (5) / 3.71 (13) | 0 / 1.43 (5) / 3.71 (13) |
| speeches 2020 | 0 / 0.95 (2) / 59.40 (125) | 0 / 0 / 1.44 (3) | 0 / 0 / 1.44 (3) |
| central documents | 0 / 0.10 (1) / 2.49 (24) | 0 / 0.10 (1) / 2.49 (24) | 0 / 0.10 (1) / 1.86 (18) |

Every finding left after was looked at: each is a slip the published text really has, not a rule's mistake.
``第一、`` for ``第一，`` in the reports of 1955–1987 (SEC005: 47 + 4; GB/T 15834-2011 puts a comma after
``第一``); a paragraph the scrape holds twice (SEC002) or a heading it lost (SEC001, two); ``l.`` typed for
``1.`` (SEC003); spaces beside quotation marks and between a figure and its unit (PUN008: 53 + 3 + 1),
half-width marks (PUN001/002/012), ``--`` dashes, hyphen ranges, a doubled comma, mismatched quotation marks
(``“…’``, ``”…”``), paragraphs without a final mark (PUN010: ten in the work reports, three of them lead-ins
ending in a comma before ``一要……``). What the scrape did to the text (a mark's content put on lines of its
own, an element dropped, page furniture) is undone by ``tests/scrapes.py`` where it is a form no draft has; a
speech's headline run into its first paragraph (2 PUN008) and a paragraph cut where the scrape dropped an
element (1 PUN010) remain.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# From a checkout, without installing: the code beside this script, and the tests' reader of the scrapes.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from scrapes import document_lines, speech_paragraphs, wikisource_paragraphs

from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigSpec, Settings
from reportlint.engine.lint import CorpusMember, lint_corpus
from reportlint.engine.source import Source, lint_source
from reportlint.findings import Finding, Severity

REPO = Path(__file__).resolve().parents[1]
DRAFTS = REPO / "tests" / "quality" / "drafts"
FAMILIES = ("PH", "NUM", "SEC", "TYP", "PUN")
PUBLISHED = {
    "work reports": "chinese-political-corpora/government_work_reports.jsonl",
    "congress reports": "chinese-political-corpora/cpc_congress_reports.jsonl",
    "speeches 2020": "xi-speeches-2020/all_data.csv",
    "central documents": "ecspell/web_data_sample",
}
#: Targets of the issue (recall per family, precision of error and warning findings on the drafts).
TARGETS = {"PH": 0.95, "NUM": 0.85, "PUN": 0.75}
PRECISION_TARGET = 0.99
FALSE_ALARM_LIMIT = 1.0  # per 100,000 characters of published text


@dataclass
class Entry:
    """A manifest ``[[defect]]`` or ``[[trap]]``."""

    draft: str
    line: int
    text: str
    family: str = ""
    kind: str = ""
    note: str = ""
    found_by: list[Finding] = field(default_factory=list)


def family_of(code: str) -> str:
    return next((family for family in FAMILIES if code.startswith(family) and code[len(family) :].isdigit()), "")


def occurrences(line: str, text: str) -> list[tuple[int, int]]:
    """1-based columns [start, end) of every occurrence of ``text`` in ``line``."""
    spans, start = [], line.find(text)
    while start >= 0:
        spans.append((start + 1, start + 1 + len(text)))
        start = line.find(text, start + 1)
    return spans


def overlaps(finding: Finding, line_no: int, line: str, text: str) -> bool:
    if finding.start.line != line_no:
        return False
    start = finding.start.column
    end = finding.end.column if finding.end.line == line_no else len(line) + 1
    end = max(end, start + 1)  # a mark missing at a point
    return any(start < b and a < end for a, b in occurrences(line, text))


def settings() -> Settings:
    return Settings(ConfigSpec(), REPO, None, base_registry())


def lint_together(named: Iterable[tuple[str, bytes, str]]) -> list[Finding]:
    """Lint ``(display, data, format)`` sources as one run, corpus rules included."""
    current = settings()
    findings: list[Finding] = []
    members: list[CorpusMember] = []
    for display, data, fmt in named:
        result = lint_source(Source(data, display, fmt), current, corpus=True)
        assert result.problem is None and not result.crashes, (display, result.problem, result.crashes)
        findings += result.findings
        if result.corpus is not None:
            members.append(CorpusMember(result.corpus, current, None))
    corpus_findings, crashes = lint_corpus(members)
    assert not crashes, crashes
    return findings + corpus_findings


def serious(finding: Finding) -> bool:
    return finding.severity >= Severity.WARNING


# -- drafts ---------------------------------------------------------------------------------------------------


def evaluate_drafts(split: str, details: bool) -> None:
    folder = DRAFTS / split
    manifests = sorted(folder.glob("*.toml"))
    if not manifests:
        sys.exit(f"quality: no manifests in {folder}")
    drafts: dict[str, list[str]] = {}
    defects: list[Entry] = []
    traps: list[Entry] = []
    sources = []
    for manifest_path in manifests:
        manifest = tomllib.loads(manifest_path.read_text(encoding="utf-8"))
        name = manifest["draft"]
        data = (folder / name).read_bytes()
        drafts[name] = data.decode("utf-8").splitlines()
        sources.append((name, data, Path(name).suffix.lstrip(".")))
        for item in manifest.get("defect", []):
            defects.append(Entry(name, item["line"], item["text"], item["family"], item["kind"], item.get("note", "")))
        for item in manifest.get("trap", []):
            traps.append(Entry(name, item["line"], item["text"], note=item.get("note", "")))
    started = time.perf_counter()
    findings = lint_together(sources)
    seconds = time.perf_counter() - started

    def line_of(entry: Entry) -> str:
        return drafts[entry.draft][entry.line - 1]

    by_place: dict[tuple[str, int], list[Finding]] = defaultdict(list)
    for finding in findings:
        by_place[finding.path, finding.start.line].append(finding)
    for defect in defects:
        for finding in by_place[defect.draft, defect.line]:
            same_family = family_of(finding.code) == defect.family
            if same_family and overlaps(finding, defect.line, line_of(defect), defect.text):
                defect.found_by.append(finding)
    for trap in traps:
        for finding in by_place[trap.draft, trap.line]:
            if serious(finding) and overlaps(finding, trap.line, line_of(trap), trap.text):
                trap.found_by.append(finding)
    defect_places: dict[tuple[str, int], list[Entry]] = defaultdict(list)
    for defect in defects:
        defect_places[defect.draft, defect.line].append(defect)
    checked = [finding for finding in findings if serious(finding) and family_of(finding.code)]
    false_alarms = [
        finding
        for finding in checked
        if not any(
            overlaps(finding, finding.start.line, line_of(defect), defect.text)
            for defect in defect_places[finding.path, finding.start.line]
        )
    ]

    chars = sum(len("".join(lines)) for lines in drafts.values())
    print(f"## drafts, {split} split: {len(drafts)} drafts, {chars:,} characters, linted together in {seconds:.2f} s")
    print()
    print("| family | defects | found | recall | target |")
    print("|---|---|---|---|---|")
    for family in FAMILIES:
        mine = [defect for defect in defects if defect.family == family]
        found = sum(1 for defect in mine if defect.found_by)
        target = TARGETS.get(family)
        mark = "" if target is None else f"≥ {target:.2f} {'✓' if mine and found / len(mine) >= target else '✗'}"
        print(f"| {family} | {len(mine)} | {found} | {_ratio(found, len(mine))} | {mark} |")
    found = sum(1 for defect in defects if defect.found_by)
    print(f"| all | {len(defects)} | {found} | {_ratio(found, len(defects))} | |")
    print()
    print("| family | kind | defects | found | recall |")
    print("|---|---|---|---|---|")
    kinds = Counter((defect.family, defect.kind) for defect in defects)
    for (family, kind), count in sorted(kinds.items(), key=lambda item: (FAMILIES.index(item[0][0]), item[0][1])):
        found = sum(1 for defect in defects if (defect.family, defect.kind) == (family, kind) and defect.found_by)
        print(f"| {family} | {kind} | {count} | {found} | {_ratio(found, count)} |")
    print()
    hit = [trap for trap in traps if trap.found_by]
    true = len(checked) - len(false_alarms)
    precision_ok = checked and true / len(checked) >= PRECISION_TARGET
    print(f"traps hit: {len(hit)} of {len(traps)}")
    print(
        f"precision (error and warning findings): {true} of {len(checked)} overlap a defect = "
        f"{_ratio(true, len(checked))} (target ≥ {PRECISION_TARGET} {'✓' if precision_ok else '✗'}); "
        f"false alarms by family: {_by_family(false_alarms)}"
    )
    if details and split != "dev":
        print("\n(--details lists misses and false alarms of the dev split only: the test split is held out)")
    elif details:
        print("\n### missed defects")
        for defect in defects:
            if not defect.found_by:
                print(f"- {defect.draft}:{defect.line} {defect.family}/{defect.kind} ⟦{defect.text}⟧ {defect.note}")
                print(f"    {line_of(defect).strip()[:160]}")
        print("\n### traps hit")
        for trap in hit:
            for finding in trap.found_by:
                print(f"- {trap.draft}:{trap.line} ⟦{trap.text}⟧ {finding.code} {finding.text!r}: {finding.message}")
        print("\n### false alarms (error and warning findings overlapping no defect; the manifest may lack some)")
        for finding in false_alarms:
            print(f"- {finding.path}:{finding.start.line}:{finding.start.column} {finding.code} {finding.text!r}: "
                  f"{finding.message}")  # fmt: skip


# -- published text -------------------------------------------------------------------------------------------


def published_texts(shared: Path, relative: str, raw: bool = False) -> list[tuple[str, str]]:
    """The texts of one published source, as the tests read them (``raw``: as scraped)."""
    path = shared / "data" / relative
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts = [(row.get("title") or f"{path.stem}-{index}", row["content"]) for index, row in enumerate(rows)]
        undo = wikisource_paragraphs
    elif path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            texts = [(f"{row['Date']}-{index}", row["Text"]) for index, row in enumerate(csv.DictReader(handle))]
        undo = speech_paragraphs
    else:
        texts = [(item.name, item.read_text(encoding="utf-8")) for item in sorted(path.glob("*.txt"))]
        undo = document_lines
    return texts if raw else [(name, undo(text)) for name, text in texts]


def evaluate_published(shared: Path, details: bool, raw: bool = False) -> None:
    form = "as scraped" if raw else "scrape forms undone"
    print(f"## published text (`{shared / 'data'}`, {form}): error and warning findings per 100,000 characters")
    print()
    print(f"| source | texts | characters | seconds | {' | '.join(FAMILIES)} | all | info |")
    print(f"|---|---|---|---|{'---|' * (len(FAMILIES) + 2)}")
    listed: list[Finding] = []
    for label, relative in PUBLISHED.items():
        if not (shared / "data" / relative).exists():
            print(f"| {label} | missing | | | {' | ' * len(FAMILIES)} | |")
            continue
        texts = published_texts(shared, relative, raw)
        chars = sum(len(text) for _, text in texts)
        started = time.perf_counter()
        findings = lint_together((f"{label}/{name}.txt", text.encode("utf-8"), "txt") for name, text in texts)
        seconds = time.perf_counter() - started
        alarms = [finding for finding in findings if serious(finding) and family_of(finding.code)]
        listed += alarms
        per = Counter(family_of(finding.code) for finding in alarms)
        rates = " | ".join(_rate(per[family], chars) for family in FAMILIES)
        infos = sum(1 for finding in findings if not serious(finding))
        print(f"| {label} | {len(texts)} | {chars:,} | {seconds:.2f} | {rates} | {_rate(len(alarms), chars)} | "
              f"{_rate(infos, chars)} |")  # fmt: skip
    print(f"\n(limit: ≤ {FALSE_ALARM_LIMIT:g} per 100,000 characters per family; a cell is `rate (count)`)")
    if details:
        print("\n### findings on published text")
        for finding in listed:
            print(f"- {finding.path}:{finding.start.line}:{finding.start.column} {finding.code} {finding.text!r} "
                  f"«{finding.context}»: {finding.message}")  # fmt: skip


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "–"


def _rate(count: int, chars: int) -> str:
    return f"{count * 100_000 / chars:.2f} ({count})" if chars else "–"


def _by_family(findings: list[Finding]) -> str:
    counts = Counter(family_of(finding.code) for finding in findings)
    return ", ".join(f"{family} {counts[family]}" for family in FAMILIES if counts[family]) or "none"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder (data/)")
    parser.add_argument("--details", action="store_true", help="list misses, traps hit and false alarms (dev only)")
    parser.add_argument("--only", choices=("drafts", "published"), help="one part of the evaluation")
    parser.add_argument("--raw", action="store_true", help="lint the published scrapes as they are")
    args = parser.parse_args()
    if args.only != "published":
        evaluate_drafts(args.split, args.details)
        print()
    if args.only != "drafts":
        evaluate_published(args.shared, args.details, args.raw)


if __name__ == "__main__":
    main()
