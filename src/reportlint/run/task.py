"""Linting one file: read it, fix it if asked, lint it, and keep what the run needs of it as a
:class:`FileReport`, which pickles (a worker process sends it back) and which the results cache keeps as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlint.config.settings import Settings
from reportlint.engine.fixes import FixError, FixOutcome, write_atomically
from reportlint.engine.lint import CorpusEntry, RuleCrash
from reportlint.engine.source import Source, lint_source
from reportlint.findings import Finding
from reportlint.readers import ReadError, format_of, read_file


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
    source = Source(data, task.display, format_of(task.path), task.path)
    result = lint_source(source, settings, fixes=None if fix is None else fix.unsafe, encoding=settings.encoding)
    if result.fix is not None and fix is not None and fix.write and task.data is None:
        try:
            write_atomically(task.path, data, result.fix.fixed)
        except FixError as error:  # the file keeps its text: lint that
            report.errors.append(RunError(task.display, FixError.code, str(error)))
            result = lint_source(source, settings, encoding=settings.encoding)
    if result.problem is not None:
        report.errors.append(RunError(task.display, result.problem.code, result.problem.message))
        return report
    assert result.document is not None
    if result.fix is not None:
        report.fix = (result.fix, result.document.encoding)
    report.findings = result.findings
    report.lines = result.document.lines
    report.corpus = result.corpus
    report.errors.extend(crash_errors(result.crashes))
    return report


def read_error(task: FileTask, error: ReadError) -> FileReport:
    return FileReport(task.display, errors=[RunError(task.display, ReadError.code, str(error))])


def crash_errors(crashes: list[RuleCrash]) -> list[RunError]:
    return [RunError(crash.path, *crash.problem()) for crash in crashes]
