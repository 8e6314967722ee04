"""Linting one file: read it, fix it if asked, lint it, and keep what the run needs of it as a
:class:`FileReport`, which pickles (a worker process sends it back) and which the results cache keeps as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlint.config.settings import Settings
from reportlint.document import Document
from reportlint.engine.fixes import FixError, FixOutcome, fix_document, write_atomically
from reportlint.engine.lint import CorpusEntry, RuleCrash, lint_document, summarize
from reportlint.findings import Finding
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


@dataclass(frozen=True)
class FixMode:
    """``--fix`` (write), ``--diff`` (write=False: compute the changes only) and ``--unsafe-fixes``."""

    unsafe: bool = False
    write: bool = True


@dataclass(frozen=True, slots=True)
class FileTask:
    """A file to lint: ``path`` decides its settings and format, ``display`` is the path findings carry.
    ``data`` is the text given on stdin (None: read the file)."""

    path: Path
    display: str
    data: bytes | None = None


@dataclass(slots=True)
class FileReport:
    """What a run keeps of one file. ``lines`` is None when the file could not be read."""

    display: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[RunError] = field(default_factory=list)
    lines: list[str] | None = None
    corpus: CorpusEntry | None = None
    #: The fixes applied (or, with --diff, computed), with the file's encoding.
    fix: tuple[FixOutcome, str | None] | None = None
    #: The report's key in the results cache (None: not cached).
    cache_key: str | None = None
    #: Read from the cache, which does not keep ``corpus``: the file is linted again if the corpus rules must run.
    corpus_in_cache: bool = False


def load(task: FileTask) -> bytes:
    """The bytes of the task's file (raises :class:`ReadError`)."""
    return task.data if task.data is not None else read_file(task.path)


def lint_file(task: FileTask, data: bytes, settings: Settings, fix: FixMode | None = None) -> FileReport:
    """Lint ``data``, the task's bytes, under ``settings``; apply fixes first in ``fix`` mode."""
    report = FileReport(task.display)
    fmt = format_of(task.path)
    try:
        document = read_bytes(data, task.display, fmt, settings.encoding)
    except ReadError as error:
        report.errors.append(RunError(task.display, ReadError.code, str(error)))
        return report
    except Exception as error:  # a reader bug: report it, lint the other files
        report.errors.append(RunError(task.display, INTERNAL_ERROR, f"internal error while reading: {error!r}"))
        return report
    if fix is not None and fmt != "docx":
        document = _fix(report, task, data, document, settings, fix)
    findings, crashes = lint_document(document, settings, task.path, report_unused=not settings.uses_corpus_rules)
    report.findings = findings
    report.lines = document.lines
    report.errors.extend(crash_errors(crashes))
    if settings.uses_corpus_rules:
        report.corpus, crashes = summarize(document, settings, task.path)
        report.errors.extend(crash_errors(crashes))
    return report


def read_error(task: FileTask, error: ReadError) -> FileReport:
    return FileReport(task.display, errors=[RunError(task.display, ReadError.code, str(error))])


def crash_errors(crashes: list[RuleCrash]) -> list[RunError]:
    return [
        RunError(crash.path, INTERNAL_ERROR, f"rule {crash.code} crashed: {crash.error}")
        if crash.error_code == INTERNAL_ERROR
        else RunError(crash.path, crash.error_code, crash.error)
        for crash in crashes
    ]


def _fix(
    report: FileReport, task: FileTask, data: bytes, document: Document, settings: Settings, fix: FixMode
) -> Document:
    """Apply the fixes; write them (``--fix`` on a file) or only record them (``--diff``, stdin)."""
    outcome, fixed = fix_document(
        data,
        document,
        lambda doc: lint_document(doc, settings, task.path, report_unused=False)[0],
        lambda new: read_bytes(new, document.path, document.format, document.encoding),
        fix.unsafe,
    )
    if not outcome.applied:
        return document
    if fix.write and task.data is None:
        try:
            write_atomically(task.path, data, outcome.fixed)
        except FixError as error:
            report.errors.append(RunError(document.path, FixError.code, str(error)))
            return document
    report.fix = (outcome, document.encoding)
    return fixed
