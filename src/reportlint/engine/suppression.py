"""Suppression comments in Markdown drafts (in .txt and .docx a marker would end up in the signed text: use a
baseline there).

    <!-- reportlint-disable PH002,TYP -->   … up to <!-- reportlint-enable --> (or the end of the file)
    <!-- reportlint-enable PH002 -->        re-enables only these
    <!-- reportlint-disable-next-line PH001 -->
    <!-- reportlint-disable-file -->        the whole file (all rules, or those listed)

Selectors are codes, prefixes or rule names; none means every rule. A directive must open its line (a
comment inside a paragraph is not read). A disabling directive that suppresses nothing, or names an
unknown rule, is reported by the meta rule RL101.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from reportlint.analysis.lazy import lazy_regex
from reportlint.codes import UNUSED_SUPPRESSION
from reportlint.document import Comment, Document
from reportlint.findings import Finding, Position
from reportlint.registry import Registry, UnknownSelector

_DIRECTIVE = lazy_regex(r"\s*reportlint-(disable-next-line|disable-file|disable|enable)(?:\s+(.*?))?\s*", regex.S)


def selector_matches(selector: str, code: str, name: str) -> bool:
    key = selector.strip()
    return key.upper() == "ALL" or code.startswith(key.upper()) or key.lower() == name


@dataclass(eq=False)
class Directive:
    """One disabling comment and the lines it covers (``last_line`` None: to the end of the file)."""

    comment: Comment
    kind: str
    selectors: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int | None
    #: Selectors re-enabled by a later ``reportlint-enable`` inside the range.
    reenabled: dict[str, int] = field(default_factory=dict)
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        line = finding.start.line
        if line < self.first_line or (self.last_line is not None and line > self.last_line):
            return False
        if self.selectors and not any(selector_matches(s, finding.code, finding.name) for s in self.selectors):
            return False
        return not any(
            selector_matches(s, finding.code, finding.name) and line > at for s, at in self.reenabled.items()
        )


class Suppressions:
    """The suppression directives of one document (``document.analysis(Suppressions.of)``)."""

    def __init__(self, directives: list[Directive]) -> None:
        self.directives = directives
        #: Directives for one line, by that line (a draft may have one before every other line), and the rest.
        self._next_line: dict[int, list[Directive]] = {}
        self._ranges: list[Directive] = []
        for directive in directives:
            if directive.kind == "disable-next-line":
                self._next_line.setdefault(directive.first_line, []).append(directive)
            else:
                self._ranges.append(directive)

    @classmethod
    def of(cls, document: Document) -> Suppressions:
        directives: list[Directive] = []
        open_ranges: list[Directive] = []
        for comment in document.comments:
            match = _DIRECTIVE.fullmatch(comment.text)
            if match is None:
                continue
            kind = match.group(1)
            selectors = tuple(s.strip() for s in (match.group(2) or "").replace("，", ",").split(",") if s.strip())
            end_line = comment.line + comment.text.count("\n")
            if kind == "enable":
                _enable(open_ranges, selectors, end_line)
                continue
            first, last = {
                "disable": (end_line + 1, None),
                "disable-next-line": (end_line + 1, end_line + 1),
                "disable-file": (1, None),
            }[kind]
            directive = Directive(comment, kind, selectors, first, last)
            directives.append(directive)
            if kind == "disable":
                open_ranges.append(directive)
        return cls(directives)

    def suppresses(self, finding: Finding) -> bool:
        hit = False
        for directive in (*self._next_line.get(finding.start.line, ()), *self._ranges):
            if directive.covers(finding):
                directive.used = hit = True
        return hit

    def unused(self, path: str, registry: Registry, rule_name: str, severity) -> list[Finding]:
        """RL101 findings: disabling directives that suppressed nothing, or name unknown rules."""
        findings = []
        for directive in self.directives:
            unknown = [s for s in directive.selectors if not _known(s, registry)]
            if unknown:
                message = f"抑制注释中的规则“{'、'.join(unknown)}”不存在：请改正或删除"
            elif not directive.used:
                message = "抑制注释没有抑制任何问题：请删除"
            else:
                continue
            comment = directive.comment
            first, *rest = comment.text.split("\n")
            text = f"<!--{first}" if rest else f"<!--{first}-->"  # the comment's first line
            start = Position(comment.line, comment.column)
            findings.append(
                Finding(
                    UNUSED_SUPPRESSION,
                    rule_name,
                    severity,
                    message,
                    path,
                    start,
                    Position(comment.line, comment.column + len(text)),
                    text,
                    context=comment.text,
                )
            )
        return findings


def _enable(open_ranges: list[Directive], selectors: tuple[str, ...], line: int) -> None:
    for directive in list(open_ranges):
        if not selectors:
            directive.last_line = line
            open_ranges.remove(directive)
        else:
            for selector in selectors:
                directive.reenabled.setdefault(selector, line)


def _known(selector: str, registry: Registry) -> bool:
    try:
        registry.select(selector)
    except UnknownSelector:
        return False
    return True
