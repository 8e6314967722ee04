"""Run the enabled rules over one document and turn their hits into located, filtered findings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from reportlint.codes import INTERNAL_ERROR, UNUSED_SUPPRESSION
from reportlint.config.pairs import partners
from reportlint.config.settings import Settings
from reportlint.document import Block, Document
from reportlint.engine.allowlist import AllowList
from reportlint.engine.suppression import Suppressions
from reportlint.findings import Edit, Finding, Fix, Related
from reportlint.rule import CorpusRule, Hit, Rule, RuleTimeout, Summary

#: Characters of context kept on each side of a finding for its fingerprint.
CONTEXT = 8
#: At most this many findings of one rule in one file, and of all rules in one file, are kept (the rest
#: are counted, and a note where the first of them is says how many): a draft of 6 MB of “ would otherwise
#: need gigabytes for findings nobody reads.
MAX_FINDINGS_PER_RULE = 1_000
MAX_FINDINGS_PER_FILE = 10_000


@dataclass(slots=True)
class RuleCrash:
    """A rule raised an exception: reported as an internal error, the other rules still run."""

    code: str
    path: str
    error: str
    #: RL002 (a bug: the rule raised) or RL004 (its pattern timed out; ``error`` is then the whole message).
    error_code: str = INTERNAL_ERROR

    def problem(self) -> tuple[str, str]:
        """The RL code and the message of the crash, as every front end reports it."""
        if self.error_code == INTERNAL_ERROR:
            return INTERNAL_ERROR, f"规则 {self.code} 出错：{self.error}"
        return self.error_code, self.error

    def report(self) -> str:
        """``path: CODE message``: the line the command line and the language server print."""
        code, message = self.problem()
        return f"{self.path}: {code} {message}"


def _crash(code: str, path: str, error: Exception) -> RuleCrash:
    if isinstance(error, RuleTimeout):
        return RuleCrash(code, path, str(error), RuleTimeout.code)
    return RuleCrash(code, path, f"{type(error).__name__}: {error}")


@dataclass(slots=True)
class CorpusEntry:
    """What the corpus rules need of one linted document, kept once the document itself is gone: each
    enabled corpus rule's summary of it, by code, and its suppression comments with what they have
    suppressed so far. It pickles: a worker process sends it back (the results cache does not keep it)."""

    path: str
    summaries: dict[str, Summary]
    suppressions: Suppressions | None


@dataclass(slots=True)
class CorpusMember:
    """A document of the run (its :class:`CorpusEntry`), with the settings and path that apply to it."""

    entry: CorpusEntry
    settings: Settings
    path: Path | None


def lint_document(
    document: Document,
    settings: Settings,
    path: Path | None = None,
    report_unused: bool = True,
    limit: bool = True,
) -> tuple[list[Finding], list[RuleCrash]]:
    """Findings of the enabled rules on one document, after the allow-list and suppression comments.

    ``report_unused``: also report suppression comments that suppressed nothing (RL101); the runner defers
    this until the corpus rules' findings have been filtered too. ``limit``: keep at most
    :data:`MAX_FINDINGS_PER_RULE` and :data:`MAX_FINDINGS_PER_FILE` findings, and a note for the rest (off when
    fixing: every fix is applied)."""
    findings: list[Finding] = []
    crashes: list[RuleCrash] = []
    allowed = AllowList(settings.allow)
    kept = suppressions(document) if document.comments else None
    for rule in settings.rules_for(path):
        reported = left_out = 0
        first_left_out: Hit | None = None
        try:
            for hit in rule.check(document):
                if allowed.covers(hit):
                    continue
                if limit and (reported >= MAX_FINDINGS_PER_RULE or len(findings) >= MAX_FINDINGS_PER_FILE):
                    left_out += 1  # counted, not kept: a finding costs far more memory than a hit
                    first_left_out = first_left_out or hit
                    continue
                finding = to_finding(hit, rule, document.path, settings)
                if kept is None or not kept.suppresses(finding):
                    findings.append(finding)
                    reported += 1
        except Exception as error:  # a broken (plugin) rule must not stop the run
            crashes.append(_crash(rule.code, document.path, error))
        if first_left_out is not None:
            findings.append(_left_out(first_left_out, left_out, reported, rule, document.path, settings))
    if report_unused and document.comments:
        findings.extend(unused_suppressions(document, settings, path))
    findings.sort(key=lambda finding: finding.sort_key)
    return findings, crashes


def _left_out(hit: Hit, count: int, reported: int, rule: Rule, path: str, settings: Settings) -> Finding:
    """The note that takes the place of a rule's findings beyond the limits, where the first of them is."""
    limit = (
        f"每条规则每个文件最多列出 {MAX_FINDINGS_PER_RULE} 处"
        if reported >= MAX_FINDINGS_PER_RULE
        else f"每个文件最多列出 {MAX_FINDINGS_PER_FILE} 处"
    )
    note = Hit(hit.block, hit.start, hit.end, f"另有 {count} 处同类问题未列出（{limit}）", severity=hit.severity)
    return to_finding(note, rule, path, settings)


def suppressions(document: Document) -> Suppressions:
    return document.analysis(Suppressions.of)


def unused_suppressions(document: Document, settings: Settings, path: Path | None) -> list[Finding]:
    if not document.comments:
        return []
    return _unused(suppressions(document), document.path, settings, path)


def _unused(kept: Suppressions, display: str, settings: Settings, path: Path | None) -> list[Finding]:
    rule = next((r for r in settings.rules_for(path) if r.code == UNUSED_SUPPRESSION), None)
    if rule is None:
        return []
    findings = kept.unused(display, settings.registry, rule.name, settings.severity_of(rule.code, rule.severity))
    for finding in findings:
        finding.url = rule.url
    return findings


def summarize(document: Document, settings: Settings, path: Path | None) -> tuple[CorpusEntry, list[RuleCrash]]:
    """The document's entry for the corpus rules enabled for it (after :func:`lint_document`, whose
    suppressions it carries on)."""
    summaries: dict[str, Summary] = {}
    crashes: list[RuleCrash] = []
    for rule in settings.rules_for(path):
        if isinstance(rule, CorpusRule):
            try:
                summaries[rule.code] = Summary(document.path, rule.summarize(document))
            except Exception as error:
                crashes.append(_crash(rule.code, document.path, error))
    return CorpusEntry(document.path, summaries, suppressions(document) if document.comments else None), crashes


def lint_corpus(members: list[CorpusMember]) -> tuple[list[Finding], list[RuleCrash]]:
    """Run the corpus rules over the documents linted together. Each document's own settings decide whether
    a rule applies to it, and the severity and allow-list of the findings reported in it. Then report the
    members' unused suppression comments (their own lint deferred this: a corpus finding may use one)."""
    rules: dict[str, CorpusRule] = {}
    for member in members:
        for rule in member.settings.rules_for(member.path):
            if isinstance(rule, CorpusRule) and rule.code in member.entry.summaries:
                rules.setdefault(rule.code, rule)
    findings: list[Finding] = []
    crashes: list[RuleCrash] = []
    allow_lists: dict[int, AllowList] = {}
    paired = _partners(members)
    for code, rule in rules.items():
        group = [member for member in members if code in member.entry.summaries]
        summaries = [_with_partners(member.entry.summaries[code], paired.get(id(member))) for member in group]
        by_summary = {id(summary): member for summary, member in zip(summaries, group, strict=True)}
        try:
            for summary, hit in rule.check_corpus(summaries):
                member = by_summary[id(summary)]
                allowed = allow_lists.setdefault(id(member.settings), AllowList(member.settings.allow))
                if not allowed.covers(hit):
                    finding = to_finding(hit, rule, member.entry.path, member.settings)
                    kept = member.entry.suppressions
                    if not (kept and kept.suppresses(finding)):
                        findings.append(finding)
        except Exception as error:
            crashes.append(_crash(code, "(documents linted together)", error))
    for member in members:
        if member.entry.suppressions is not None:
            findings.extend(_unused(member.entry.suppressions, member.entry.path, member.settings, member.path))
    return findings, crashes


def _partners(members: list[CorpusMember]) -> dict[int, frozenset[str]]:
    """The display paths of the documents each member (by id) is paired with, by the pairs of every member's
    settings (the user's ``pairs`` and ``--pair``)."""
    pairs = {id(member.settings): member.settings.pairs for member in members if member.settings.pairs}
    if not pairs:
        return {}
    found = partners([member.path for member in members], [pair for each in pairs.values() for pair in each])
    return {
        id(member): frozenset(members[index].entry.path for index in others)
        for member, others in zip(members, found, strict=True)
        if others
    }


def _with_partners(summary: Summary, paired: frozenset[str] | None) -> Summary:
    return summary if not paired else replace(summary, partners=paired)


def to_finding(hit: Hit, rule: Rule, path: str, settings: Settings) -> Finding:
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
        path=path,
        start=start,
        end=end,
        text=block.text[hit.start : hit.end],
        context=_context(block, hit.start, hit.end),
        fix=fix,
        related=tuple(
            Related(a.path, a.block.position(a.start), a.block.end_position(a.end), a.message) for a in hit.related
        ),
        url=rule.url,
    )


def _context(block: Block, start: int, end: int) -> str:
    return block.text[max(0, start - CONTEXT) : start] + "\x00" + block.text[end : end + CONTEXT]
