"""Run the enabled rules over one document and turn their hits into located, filtered findings."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import regex

from reportlint.config import Settings
from reportlint.document import Block, Document
from reportlint.findings import Edit, Finding, Fix, Related
from reportlint.rule import CorpusRule, Hit, Rule
from reportlint.suppression import UNUSED_SUPPRESSION, Suppressions

#: Characters of context kept on each side of a finding for its fingerprint.
CONTEXT = 8


@dataclass(slots=True)
class RuleCrash:
    """A rule raised an exception: reported as an internal error, the other rules still run."""

    code: str
    path: str
    error: str


@dataclass(slots=True)
class CorpusMember:
    """A document of the run, with the settings and path that apply to it (for corpus rules)."""

    document: Document
    settings: Settings
    path: Path | None


def lint_document(
    document: Document, settings: Settings, path: Path | None = None, report_unused: bool = True
) -> tuple[list[Finding], list[RuleCrash]]:
    """Findings of the enabled rules on one document, after the allow-list and suppression comments.

    ``report_unused``: also report suppression comments that suppressed nothing (RL101); the runner defers
    this until the corpus rules' findings have been filtered too."""
    findings: list[Finding] = []
    crashes: list[RuleCrash] = []
    allowed = _AllowList(settings.allow)
    for rule in settings.rules_for(path):
        try:
            for hit in rule.check(document):
                if not allowed.covers(hit):
                    findings.append(to_finding(hit, rule, document, settings))
        except Exception as error:  # a broken (plugin) rule must not stop the run
            crashes.append(RuleCrash(rule.code, document.path, f"{type(error).__name__}: {error}"))
    if document.comments:
        findings = [finding for finding in findings if not suppressions(document).suppresses(finding)]
        if report_unused:
            findings.extend(unused_suppressions(document, settings, path))
    findings.sort(key=lambda finding: finding.sort_key)
    return findings, crashes


def suppressions(document: Document) -> Suppressions:
    return document.analysis(Suppressions.of)


def unused_suppressions(document: Document, settings: Settings, path: Path | None) -> list[Finding]:
    rule = next((r for r in settings.rules_for(path) if r.code == UNUSED_SUPPRESSION), None)
    if rule is None or not document.comments:
        return []
    severity = settings.severity_of(rule.code, rule.severity)
    return suppressions(document).unused(document, settings.registry, rule.name, severity)


def lint_corpus(members: list[CorpusMember]) -> tuple[list[Finding], list[RuleCrash]]:
    """Run the corpus rules over the documents linted together. Each document's own settings decide whether
    a rule applies to it, and the severity and allow-list of the findings reported in it. Then report the
    members' unused suppression comments (their own lint deferred this: a corpus finding may use one)."""
    rules: dict[str, CorpusRule] = {}
    groups: dict[str, list[CorpusMember]] = {}
    for member in members:
        for rule in member.settings.rules_for(member.path):
            if isinstance(rule, CorpusRule):
                rules.setdefault(rule.code, rule)
                groups.setdefault(rule.code, []).append(member)
    findings: list[Finding] = []
    crashes: list[RuleCrash] = []
    allow_lists: dict[int, _AllowList] = {}
    for code, rule in rules.items():
        group = {id(member.document): member for member in groups[code]}
        try:
            for document, hit in rule.check_corpus([member.document for member in groups[code]]):
                member = group[id(document)]
                allowed = allow_lists.setdefault(id(member.settings), _AllowList(member.settings.allow))
                if not allowed.covers(hit):
                    finding = to_finding(hit, rule, document, member.settings)
                    if not (document.comments and suppressions(document).suppresses(finding)):
                        findings.append(finding)
        except Exception as error:
            crashes.append(RuleCrash(code, "(documents linted together)", f"{type(error).__name__}: {error}"))
    for member in members:
        findings.extend(unused_suppressions(member.document, member.settings, member.path))
    return findings, crashes


def to_finding(hit: Hit, rule: Rule, document: Document, settings: Settings) -> Finding:
    block = hit.block
    start, end = block.position(hit.start), block.end_position(hit.end)
    fix = None
    if hit.replacement is not None:
        fix = Fix(
            f"改为“{hit.replacement}”" if hit.replacement else "删除",
            (Edit(start, end, hit.replacement),),
            hit.safe_fix,
        )
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=settings.severity_of(rule.code, hit.severity or rule.severity),
        message=hit.message,
        path=document.path,
        start=start,
        end=end,
        text=block.text[hit.start : hit.end],
        context=_context(block, hit.start, hit.end),
        fix=fix,
        related=tuple(
            Related(a.document.path, a.block.position(a.start), a.block.end_position(a.end), a.message)
            for a in hit.related
        ),
    )


def _context(block: Block, start: int, end: int) -> str:
    return block.text[max(0, start - CONTEXT) : start] + "\x00" + block.text[end : end + CONTEXT]


class _AllowList:
    """Words the user never wants flagged: a hit lying inside an occurrence of one is dropped."""

    def __init__(self, words: list[str]) -> None:
        self._pattern = (
            regex.compile("|".join(map(regex.escape, sorted(words, key=len, reverse=True)))) if words else None
        )
        #: Per block: the starts of the occurrences, in order, and the furthest end of those up to each one.
        self._spans: dict[int, tuple[list[int], list[int]]] = {}

    def covers(self, hit: Hit) -> bool:
        if self._pattern is None:
            return False
        key = id(hit.block)
        if key not in self._spans:
            spans = [m.span() for m in self._pattern.finditer(hit.block.text, overlapped=True)]
            self._spans[key] = ([start for start, _ in spans], list(accumulate((end for _, end in spans), max)))
        starts, furthest = self._spans[key]
        before = bisect_right(starts, hit.start)  # the occurrences that start at or before the hit
        return before > 0 and hit.end <= furthest[before - 1]
