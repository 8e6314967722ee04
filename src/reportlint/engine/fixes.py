"""Applying fixes to a file's text without losing anything: its encoding (and byte-order mark), its line
endings and every character outside the edited spans are kept; the file is replaced atomically, and not at
all if it changed on disk since it was read. Word files are never rewritten (use ``reportlint annotate``).
"""

from __future__ import annotations

import codecs
import difflib
import os
import stat
from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.analysis.lazy import lazy_regex
from reportlint.codes import FIX_ERROR
from reportlint.document import Document
from reportlint.findings import Edit, Finding, Position
from reportlint.storage.oserrors import reason

#: Re-lint and fix again until nothing changes, at most this often (fixes may overlap or uncover others).
MAX_PASSES = 10
_LINE_BREAK = lazy_regex(r"\r\n|\r|\n")
_BOM_ENCODINGS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class FixError(Exception):
    """Fixes that cannot be written (the file changed on disk, or cannot be replaced)."""

    code = FIX_ERROR


@dataclass
class FixOutcome:
    """What fixing one file did: the bytes before and after, and the findings whose fixes were applied."""

    path: str
    original: bytes
    fixed: bytes
    applied: list[Finding] = field(default_factory=list)

    def diff(self, encoding: str | None) -> str:
        before = _decode(self.original, encoding).splitlines(keepends=True)
        after = _decode(self.fixed, encoding).splitlines(keepends=True)
        return "".join(difflib.unified_diff(before, after, f"a/{self.path}", f"b/{self.path}"))


def applicable(findings: list[Finding], unsafe: bool) -> list[Finding]:
    return [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def fix_text(text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """Apply the fixes of ``findings`` to ``text`` (the decoded file, line endings included). A fix whose
    edits overlap an earlier one is left for the next pass."""
    starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def offset(position: Position) -> int:
        return starts[position.line - 1] + position.column - 1

    chosen: list[tuple[int, int, Edit]] = []
    applied: list[Finding] = []
    taken: list[tuple[int, int]] = []  # sorted and disjoint, so their ends rise with their starts
    for finding in sorted(findings, key=lambda f: f.sort_key):
        assert finding.fix is not None, "only findings with a fix are applied"
        spans = [(offset(edit.start), offset(edit.end), edit) for edit in finding.fix.edits]
        if any(_overlaps_taken(a, b, taken) for a, b, _ in spans):
            continue
        chosen.extend(spans)
        for a, b, _ in spans:
            insort(taken, (a, b))
        applied.append(finding)
    pieces: list[str] = []
    done = 0  # the text rebuilt once, not once per edit: linear in the text and the edits
    for start, end, edit in sorted(chosen, key=lambda item: item[:2]):
        pieces += (text[done:start], edit.content)
        done = end
    return "".join([*pieces, text[done:]]), applied


def _overlaps_taken(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Whether the span overlaps a taken one, or inserts at the start of one (two edits at one place)."""
    before = bisect_left(taken, (end, -1))  # taken[:before] start before ``end``; the last ends latest
    if before and start < taken[before - 1][1]:
        return True
    at = bisect_left(taken, (start, -1))
    return start == end and at < len(taken) and taken[at][0] == start


def fix_document(
    data: bytes,
    document: Document,
    lint: Callable[[Document], list[Finding]],
    reread: Callable[[bytes], Document],
    unsafe: bool,
) -> tuple[FixOutcome, Document]:
    """Fix, re-lint and fix again until stable. Returns the outcome and the document of the fixed text."""
    outcome = FixOutcome(document.path, data, data)
    for _ in range(MAX_PASSES):
        fixes = applicable(lint(document), unsafe)
        if not fixes:
            break
        text, applied = fix_text(_decode(outcome.fixed, document.encoding), fixes)
        if not applied:
            break
        outcome.fixed = _encode(text, document.encoding, data)
        outcome.applied.extend(applied)
        document = reread(outcome.fixed)
    return outcome, document


def write_atomically(path: Path, original: bytes, fixed: bytes) -> None:
    """Replace the file at ``path`` by ``fixed``, keeping every property of it, or raise :class:`FixError` and
    leave it as it is. A symbolic link keeps pointing where it did: its target is fixed. Permissions, owner,
    group and extended attributes are kept; a file with several hard links, or one whose owner or folder
    this process could not give a new file, is rewritten in place after a verified backup. A read-only file is
    refused, and so is a file that no longer holds ``original`` (checked again just before it is replaced)."""
    from reportlint.storage.atomic import can_keep_owner, remove_stale_temporaries, replace_atomically

    try:
        target = Path(os.path.realpath(path))
        status = os.stat(target)
        if not stat.S_ISREG(status.st_mode):
            raise FixError("无法写入修正：不是普通文件，未写入")
        if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise FixError("无法写入修正：文件是只读的，未写入（改为可写后再修正）")
        _check_unchanged(target, original, "读取之后文件已被改动")
        remove_stale_temporaries(target.parent)
        if status.st_nlink > 1 or not can_keep_owner(status) or not os.access(target.parent, os.W_OK | os.X_OK):
            _write_in_place(target, original, fixed)
            return
        replace_atomically(
            target,
            lambda stream: (stream.write(fixed), None)[1],
            mode_of=target,
            before_rename=lambda: _check_unchanged(target, original, "写入修正期间文件被改动"),
            durable=True,
        )
    except OSError as error:
        raise FixError(f"无法写入修正：{reason(error)}") from None


def _check_unchanged(path: Path, original: bytes, what: str) -> None:
    if path.read_bytes() != original:
        raise FixError(f"无法写入修正：{what}，未写入")


def _write_in_place(path: Path, original: bytes, fixed: bytes) -> None:
    """Overwrite ``path`` (the same file: its links, owner and everything else stay) after copying
    ``original`` to a backup beside it and reading the copy back. The backup is removed once the file holds
    ``fixed``; if writing fails, the original is put back, or the backup is kept and named in the error."""
    import tempfile

    handle, backup = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".bak")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(original)
            stream.flush()
            os.fsync(stream.fileno())
        if Path(backup).read_bytes() != original:
            raise FixError("无法写入修正：备份副本校验失败，未写入")
    except BaseException:
        Path(backup).unlink(missing_ok=True)
        raise
    with open(path, "r+b") as stream:
        if stream.read() != original:
            Path(backup).unlink(missing_ok=True)
            raise FixError("无法写入修正：写入修正期间文件被改动，未写入")
        try:
            stream.seek(0)
            stream.write(fixed)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
        except OSError as error:
            try:
                stream.seek(0)
                stream.write(original)
                stream.truncate()
                stream.flush()
            except OSError:
                raise FixError(f"无法写入修正：{reason(error)}；原文保存在 {backup}") from None
            Path(backup).unlink(missing_ok=True)
            raise
    Path(backup).unlink(missing_ok=True)


def _decode(data: bytes, encoding: str | None) -> str:
    for bom, name in _BOM_ENCODINGS:
        if encoding == "utf-16" and data.startswith(bom):
            return data[len(bom) :].decode(name)
    return data.decode(encoding or "utf-8")


def _encode(text: str, encoding: str | None, original: bytes) -> bytes:
    """Encode like the original: the same codec, the same byte-order mark."""
    for bom, name in _BOM_ENCODINGS:
        if encoding == "utf-16" and original.startswith(bom):
            return bom + text.encode(name)
    return text.encode(encoding or "utf-8")
