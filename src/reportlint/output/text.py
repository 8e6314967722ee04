"""Human output: ``path:line:col: CODE message``, then the source line and a caret under the span."""

from __future__ import annotations

import unicodedata
from typing import TextIO

from reportlint.findings import Finding, Severity
from reportlint.output import Report
from reportlint.output.escape import escape_controls as _safe

#: Characters shown on each side of a finding when its line is long (Chinese paragraphs often are).
WINDOW = 24
_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def display_width(text: str) -> int:
    """Terminal columns: two for wide and full-width characters, none for combining marks."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _headline(finding: Finding, color: bool) -> str:
    place = finding.place
    if place is not None and place.page is not None:  # a PDF: pages and their lines are what a reader sees
        anchor = f"第{place.page}页第{place.page_line}行"
    else:
        anchor = f"{finding.start.line}:{finding.start.column}"
    where = _paint(f"{_safe(finding.path)}:{anchor}:", "1", color)
    code = _paint(finding.code, "1;" + _COLORS[finding.severity], color)
    fixable = " [*]" if finding.fix and finding.fix.safe else ""
    return f"{where} {code}{fixable} {_safe(finding.message)}"


def _excerpt(finding: Finding, line: str, color: bool) -> list[str]:
    start = finding.start.column - 1
    end = finding.end.column - 1 if finding.end.line == finding.start.line else len(line)
    end = max(min(end, len(line)), start + 1)
    left = max(0, start - WINDOW)
    right = min(len(line), end + WINDOW)
    prefix = _safe(("…" if left else "") + line[left:start])
    flagged = _safe(line[start:end])
    shown = prefix + flagged + _safe(line[end:right]) + ("…" if right < len(line) else "")
    caret = " " * display_width(prefix) + "^" * max(1, display_width(flagged))
    place = finding.place
    gutter = str(place.page_line if place is not None and place.page_line is not None else finding.start.line)
    pad = " " * len(gutter)
    return [
        f"{pad} |",
        f"{gutter} | {shown.rstrip()}",
        f"{pad} | " + _paint(caret, _COLORS[finding.severity], color),
        "",
    ]


def where_in_word(finding: Finding) -> str | None:
    """How to find a finding of a Word document in Word, where paragraphs have no numbers: the heading above
    it and the paragraph's first words (None when the finding has no such place)."""
    place = finding.place
    if place is None or place.page is not None or not (place.heading or place.lead):
        return None
    parts = []
    if place.heading:
        parts.append(f"标题“{_safe(place.heading)}”下")
    if place.lead:
        parts.append(f"段首“{_safe(place.lead)}”")
    return f"第{finding.start.line}段（{'，'.join(parts)}）"


def summary(report: Report) -> str:
    counts = report.counts()
    files = f"共检查 {report.files_checked} 个文件"
    notes = []
    if report.fixed:
        notes.append(f"已修复 {report.fixed} 处问题")
    if report.hidden:
        notes.append(f"基线中的 {report.hidden} 处问题未显示")
    incomplete = _incomplete(report)
    if not report.findings:
        if report.unread and not report.files_checked:
            head = f"没有检查任何文件：{report.unread} 个文件因错误未能读取（见错误信息）"
            return "；".join([head, *notes]) + "。"
        if incomplete:
            head = f"已检查的 {report.files_checked} 个文件中未发现问题"
            return "；".join([head, incomplete, *notes]) + "。"
        return "；".join([f"未发现问题，{files}", *notes]) + "。"
    parts = "，".join(f"{_SEVERITY_NAMES[s]} {counts[s]}" for s in sorted(Severity, reverse=True))
    fixable = sum(1 for finding in report.findings if finding.fix and finding.fix.safe)
    if fixable:
        notes.append(f"其中 {fixable} 处可用 --fix 自动修复（[*]）")
    head = f"发现 {len(report.findings)} 处问题（{parts}），{files}"
    return "；".join([head, *([incomplete] if incomplete else []), *notes]) + "。"


def _incomplete(report: Report) -> str:
    """What the errors of the run left unchecked, for the summary ("" when nothing)."""
    if report.unread:
        other = report.errors - report.unread
        more = f"，另有 {other} 个错误" if other > 0 else ""
        return f"另有 {report.unread} 个文件因错误未能检查{more}（见错误信息），结果不完整"
    if report.errors:
        return f"但有 {report.errors} 个错误（见错误信息），结果可能不完整"
    return ""


def write_applied_fixes(applied: list[Finding], stream: TextIO) -> None:
    """``--show-fixes``: one line per applied fix."""
    for finding in applied:
        assert finding.fix is not None, "an applied finding has its fix"
        content = "".join(edit.content for edit in finding.fix.edits)
        stream.write(
            f"已修复 {_safe(finding.path)}:{finding.start.line}:{finding.start.column}: {finding.code} "
            f"“{_safe(finding.text)}” → “{_safe(content)}”\n"
        )


def write_full(report: Report, stream: TextIO) -> None:
    for finding in report.findings:
        stream.write(_headline(finding, report.color) + "\n")
        where = where_in_word(finding)
        if where:
            stream.write(f"  = 位置：{where}\n")
        line = report.sources.get(finding.path, [])
        if 0 < finding.start.line <= len(line):
            stream.write("\n".join(_excerpt(finding, line[finding.start.line - 1], report.color)) + "\n")
        for related in finding.related:
            where = f"{_safe(related.path)}:{related.start.line}:{related.start.column}"
            stream.write(f"  = 另见 {where}：{_safe(related.message)}\n\n")


def write_concise(report: Report, stream: TextIO) -> None:
    for finding in report.findings:
        stream.write(_headline(finding, report.color) + "\n")


def write_statistics(report: Report, stream: TextIO) -> None:
    """One row per code with at least one finding, most frequent first (``--statistics``)."""
    rows: dict[str, list] = {}
    for finding in report.findings:
        row = rows.setdefault(finding.code, [0, finding.name, finding.severity, 0])
        row[0] += 1
        row[3] += bool(finding.fix and finding.fix.safe)
    for code, (count, name, severity, fixable) in sorted(rows.items(), key=lambda item: (-item[1][0], item[0])):
        mark = "[*]" if fixable else "   "
        stream.write(f"{count:>6}  {code:<7} {mark} {severity.label:<7} {name}\n")
