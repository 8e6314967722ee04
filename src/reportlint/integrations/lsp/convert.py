"""Findings as LSP diagnostics, and their fixes as code actions.

reportlint counts columns in code points from 1; LSP counts from 0 in the code units of the position
encoding agreed at initialization: UTF-16 unless the client offers UTF-8 or UTF-32. A character outside the
Basic Multilingual Plane (𠀀 U+20000, rare in Chinese text but real) is 1 code point, 2 UTF-16 units and 4
UTF-8 bytes, so every column is converted with the text of its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types

from reportlint.findings import Edit, Finding, Position, Severity

SOURCE = "reportlint"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
#: The code action that applies every safe fix of a document (e.g. on save, in VS Code's codeActionsOnSave).
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"


def character(line: str | None, column: int, encoding: str) -> int:
    """The LSP character offset of the 1-based code-point ``column`` of ``line`` (clamped to its end)."""
    if line is None:  # a place in a document we do not hold: code points are the best guess
        return column - 1
    prefix = line[: column - 1]
    if encoding == types.PositionEncodingKind.Utf8:
        return len(prefix.encode("utf-8", "surrogatepass"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(prefix)
    return len(prefix.encode("utf-16-le", "surrogatepass")) // 2


class Locator:
    """Turns (display path, reportlint position) into LSP locations, knowing the URI and the lines of every
    open document."""

    def __init__(self, documents: dict[str, tuple[str, list[str]]], encoding: str) -> None:
        self._documents = documents
        self.encoding = encoding

    def uri(self, path: str) -> str:
        if path in self._documents:
            return self._documents[path][0]
        return Path(path).as_uri() if Path(path).is_absolute() else path

    def position(self, path: str, position: Position) -> types.Position:
        lines = self._documents[path][1] if path in self._documents else None
        line = (lines[position.line - 1] if 0 < position.line <= len(lines) else "") if lines is not None else None
        return types.Position(line=max(position.line - 1, 0), character=character(line, position.column, self.encoding))

    def range(self, path: str, start: Position, end: Position) -> types.Range:
        return types.Range(start=self.position(path, start), end=self.position(path, end))


def diagnostic(finding: Finding, locator: Locator) -> types.Diagnostic:
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=locator.uri(r.path), range=locator.range(r.path, r.start, r.end)),
            message=r.message,
        )
        for r in finding.related
    ]
    return types.Diagnostic(
        range=locator.range(finding.path, finding.start, finding.end),
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=finding.url) if finding.url else None,
        source=SOURCE,
        message=finding.message,
        related_information=related or None,
        data={"name": finding.name},
    )


def problem_diagnostic(problem: str) -> types.Diagnostic:
    """A config or read error, shown at the top of the document it stops from being linted."""
    start = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=start, end=start),
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
        message=f"reportlint 无法检查此文档：{problem}",
    )


class FixBuilder:
    """Code actions for the fixes of one document's findings, as edits of the version that was linted."""

    def __init__(self, uri: str, version: int | None, locator: Locator, versioned: bool) -> None:
        self.uri = uri
        self.version = version
        self.locator = locator
        #: Whether the client takes ``documentChanges`` (edits bound to a document version, refused if stale).
        self.versioned = versioned

    def actions(
        self,
        fixable: list[tuple[Finding, types.Diagnostic]],
        request: types.Range,
        only: Sequence[str] | None,
    ) -> list[types.CodeAction]:
        actions = []
        if _wanted(types.CodeActionKind.QuickFix, only):
            actions = [self.quick_fix(f, d) for f, d in fixable if _overlaps(d.range, request)]
        if _wanted(FIX_ALL, only):
            safe = [finding for finding, _ in fixable if finding.fix is not None and finding.fix.safe]
            if safe:
                actions.append(self.fix_all(safe))
        return actions

    def quick_fix(self, finding: Finding, diagnostic: types.Diagnostic) -> types.CodeAction:
        fix = finding.fix
        assert fix is not None, "only findings with a fix get a quick fix"
        return types.CodeAction(
            title=f"{finding.code}：{fix.message}" + ("" if fix.safe else "（请核对）"),
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            is_preferred=fix.safe,
            edit=self._workspace_edit(fix.edits, finding.path),
        )

    def fix_all(self, findings: list[Finding]) -> types.CodeAction:
        """Every safe fix whose edits do not overlap an earlier one's (run it again for the rest)."""
        edits: list[Edit] = []
        applied = 0
        fixes = [finding.fix for finding in findings if finding.fix is not None]
        for fix in sorted(fixes, key=lambda fix: min(edit.start for edit in fix.edits)):
            ordered = sorted(fix.edits, key=lambda edit: edit.start)
            if not edits or ordered[0].start >= edits[-1].end:
                edits.extend(ordered)
                applied += 1
        return types.CodeAction(
            title=f"reportlint：应用全部安全修正（{applied} 处）",
            kind=FIX_ALL,
            edit=self._workspace_edit(tuple(edits), findings[0].path),
        )

    def _workspace_edit(self, edits: tuple[Edit, ...], path: str) -> types.WorkspaceEdit:
        text_edits = [
            types.TextEdit(range=self.locator.range(path, edit.start, edit.end), new_text=edit.content)
            for edit in edits
        ]
        if self.versioned:
            document = types.OptionalVersionedTextDocumentIdentifier(uri=self.uri, version=self.version)
            return types.WorkspaceEdit(
                document_changes=[types.TextDocumentEdit(text_document=document, edits=text_edits)]
            )
        return types.WorkspaceEdit(changes={self.uri: text_edits})


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    """Whether a client that asked for ``only`` these kinds wants ``kind`` (or a kind below one of them)."""
    return only is None or any(kind == wanted or kind.startswith(f"{wanted}.") for wanted in only)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and (
        b.start.line,
        b.start.character,
    ) <= (a.end.line, a.end.character)
