"""One lint run: discover files, read each, lint it with its settings, collect findings and errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from reportlint.config import Settings, SettingsResolver
from reportlint.discovery import walk
from reportlint.document import Document
from reportlint.engine import CorpusMember, lint_corpus, lint_document
from reportlint.findings import Finding, Severity
from reportlint.fixes import FixError, FixOutcome, fix_document, write_atomically
from reportlint.readers import ReadError, format_of, read_bytes, read_file

#: A bug in reportlint or a plugin (a reader or rule raised): reported, and the run goes on.
INTERNAL_ERROR = "RL002"


@dataclass(slots=True)
class RunError:
    """A file that could not be linted (RL001) or a rule that crashed on it (RL002)."""

    path: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.code} {self.message}"


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    sources: dict[str, list[str]] = field(default_factory=dict)
    errors: list[RunError] = field(default_factory=list)
    files_checked: int = 0
    #: Each file's ``fail-on`` severity (its own config decides).
    fail_on: dict[str, Severity] = field(default_factory=dict)
    #: Documents kept for the corpus rules, which compare the files linted together.
    corpus: list[CorpusMember] = field(default_factory=list)
    #: Files whose fixes were applied (or, with --diff, computed), with their encodings.
    fixes: list[tuple[FixOutcome, str | None]] = field(default_factory=list)

    def failing(self, findings: list[Finding]) -> bool:
        """Whether any of ``findings`` reaches the ``fail-on`` severity of its file."""
        return any(finding.severity >= self.fail_on[finding.path] for finding in findings)


@dataclass(frozen=True)
class FixMode:
    """``--fix`` (write), ``--diff`` (write=False: compute the changes only) and ``--unsafe-fixes``."""

    unsafe: bool = False
    write: bool = True


def run(
    paths: list[str],
    resolver: SettingsResolver,
    stdin: bytes | None = None,
    stdin_filename: str | None = None,
    fix: FixMode | None = None,
) -> RunResult:
    result = RunResult()
    for target in paths:
        if target == "-":
            name = stdin_filename or "-"
            settings = resolver.for_path(Path(stdin_filename) if stdin_filename else Path.cwd() / "-")
            _lint_one(result, Path(name), name, settings, lambda: stdin or b"", fix, on_disk=False)
            continue
        path = Path(target)
        if path.is_dir():
            settings = resolver.for_path(path)
            for file in walk(path, settings, partial(_unlistable, result)):
                _lint_one(result, file, str(file), resolver.for_path(file), partial(read_file, file), fix)
        elif path.exists() or path.is_symlink():  # a broken or looping link: reading it says why it fails
            _lint_one(result, path, target, resolver.for_path(path), partial(read_file, path), fix)
        else:
            result.errors.append(RunError(target, ReadError.code, "no such file or directory"))
    if result.corpus:
        findings, crashes = lint_corpus(result.corpus)
        result.findings.extend(findings)
        result.errors.extend(RunError(c.path, INTERNAL_ERROR, f"rule {c.code} crashed: {c.error}") for c in crashes)
    result.findings.sort(key=lambda finding: finding.sort_key)
    return result


def _unlistable(result: RunResult, error: OSError) -> None:
    result.errors.append(RunError(error.filename, ReadError.code, f"cannot read directory: {error.strerror}"))


def _lint_one(
    result: RunResult,
    path: Path,
    display: str,
    settings: Settings,
    load: Callable[[], bytes],
    fix: FixMode | None,
    on_disk: bool = True,
) -> None:
    fmt = format_of(path)
    try:
        data = load()
        document = read_bytes(data, display, fmt, settings.encoding)
    except ReadError as error:
        result.errors.append(RunError(display, ReadError.code, str(error)))
        return
    except Exception as error:  # a reader bug: report it, lint the other files
        result.errors.append(RunError(display, INTERNAL_ERROR, f"internal error while reading: {error!r}"))
        return
    if fix is not None and fmt != "docx":
        document = _fix(result, path, data, document, settings, fix, on_disk)
    findings, crashes = lint_document(document, settings, path, report_unused=not settings.uses_corpus_rules)
    result.files_checked += 1
    result.sources[document.path] = document.lines
    result.fail_on[document.path] = settings.fail_on
    result.findings.extend(findings)
    result.errors.extend(RunError(c.path, INTERNAL_ERROR, f"rule {c.code} crashed: {c.error}") for c in crashes)
    if settings.uses_corpus_rules:
        result.corpus.append(CorpusMember(document, settings, path))


def _fix(
    result: RunResult, path: Path, data: bytes, document: Document, settings: Settings, fix: FixMode, on_disk: bool
) -> Document:
    """Apply the fixes; write them (``--fix`` on a file) or only record them (``--diff``, stdin)."""
    outcome, fixed = fix_document(
        data,
        document,
        lambda doc: lint_document(doc, settings, path, report_unused=False)[0],
        lambda new: read_bytes(new, document.path, document.format, document.encoding),
        fix.unsafe,
    )
    if not outcome.applied:
        return document
    if fix.write and on_disk:
        try:
            write_atomically(path, data, outcome.fixed)
        except FixError as error:
            result.errors.append(RunError(document.path, FixError.code, str(error)))
            return document
    result.fixes.append((outcome, document.encoding))
    return fixed
