"""One lint run: discover the files, lint each with its settings (on several cores, through the results
cache), then run the corpus rules over them all and collect findings and errors."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from reportlint.config.settings import Settings, SettingsResolver, matches_glob
from reportlint.engine.fixes import FixOutcome
from reportlint.engine.lint import CorpusEntry, CorpusMember, RuleCrash, lint_corpus
from reportlint.findings import Finding, Severity
from reportlint.readers import ReadError
from reportlint.run.cache import ResultsCache
from reportlint.run.discovery import walk
from reportlint.run.parallel import lint_all
from reportlint.run.task import FileReport, FileTask, FixMode, RunError, crash_errors, lint_file, load, read_error
from reportlint.storage.oserrors import reason


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    sources: dict[str, list[str]] = field(default_factory=dict)
    errors: list[RunError] = field(default_factory=list)
    files_checked: int = 0
    #: Files that could not be read (and paths that do not exist, folders that cannot be listed).
    files_unread: int = 0
    #: Each file's ``fail-on`` severity (its own config decides).
    fail_on: dict[str, Severity] = field(default_factory=dict)
    #: Files whose fixes were applied (or, with --diff, computed), with their encodings.
    fixes: list[tuple[FixOutcome, str | None]] = field(default_factory=list)

    def failing(self, findings: list[Finding]) -> bool:
        """Whether any of ``findings`` reaches the ``fail-on`` severity of its file."""
        return any(finding.severity >= self.fail_on[finding.path] for finding in findings)


@dataclass(frozen=True)
class FileLinter:
    """Lints one file of the run, storing the report in the cache when there is one (never when fixing).
    Worker processes inherit it."""

    resolver: SettingsResolver
    fix: FixMode | None = None
    cache: ResultsCache | None = None

    def cached(self, task: FileTask) -> FileReport | None:
        """The task's report from the cache, or a read error; None when it must be linted. Cheap enough to
        run in this process for every file: only the files that are not cached go to the workers."""
        if self.cache is None or self.fix is not None or task.data is not None:
            return None
        try:
            data = load(task)
        except ReadError as error:
            return read_error(task, error)
        return self.cache.get_report(self.cache.key(data, task, self.resolver.for_path(task.path)))

    def __call__(self, task: FileTask) -> FileReport:
        try:
            data = load(task)
        except ReadError as error:
            return read_error(task, error)
        settings = self.resolver.for_path(task.path)
        report = lint_file(task, data, settings, self.fix)
        # A file that could not be read is not cached: whether it can depends on this machine too (LibreOffice,
        # pdfminer.six installed since), not only on its bytes.
        if self.cache is not None and self.fix is None and task.data is None and report.lines is not None:
            report.cache_key = self.cache.key(data, task, settings)
            self.cache.put_report(report.cache_key, report)
        return report

    def corpus_entry(self, task: FileTask, report: FileReport) -> CorpusEntry | None:
        """The report's corpus entry: kept, or (for a report from the cache, which does not keep it) made afresh."""
        if report.corpus is not None or not report.corpus_in_cache:
            return report.corpus
        return replace(self, cache=None)(task).corpus


def run(
    paths: list[str],
    resolver: SettingsResolver,
    stdin: bytes | None = None,
    stdin_filename: str | None = None,
    fix: FixMode | None = None,
    cache: ResultsCache | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    skip: frozenset[Path] = frozenset(),
) -> RunResult:
    """Lint ``paths``; ``progress(done, total)`` is called as the files are linted (or found in the cache).
    Files in ``skip`` (resolved paths: the report being written, ``--output-file``) are left out."""
    result = RunResult()
    tasks = _tasks(paths, resolver, stdin, stdin_filename, result.errors)
    if skip:
        tasks = [task for task in tasks if task.data is not None or task.path.resolve() not in skip]
    result.files_unread = len(result.errors)
    linter = FileLinter(resolver, fix, cache)
    count = 0

    def done() -> None:
        nonlocal count
        count += 1
        if progress is not None:
            progress(count, len(tasks))

    reports: list[FileReport | None] = []
    for task in tasks:
        reports.append(linter.cached(task))
        if reports[-1] is not None:
            done()
    missing = [index for index, report in enumerate(reports) if report is None]
    for index, linted in zip(missing, lint_all(linter, [tasks[i] for i in missing], jobs, done), strict=True):
        reports[index] = linted
    corpus: list[tuple[FileTask, FileReport, Settings]] = []
    for task, report in zip(tasks, reports, strict=True):
        assert report is not None, "every task is cached or linted"
        result.errors.extend(report.errors)
        if report.fix is not None:
            result.fixes.append(report.fix)
        if report.lines is None:
            result.files_unread += 1
            continue
        settings = resolver.for_path(task.path)
        result.files_checked += 1
        result.sources[report.display] = report.lines
        result.fail_on[report.display] = settings.fail_on
        result.findings.extend(report.findings)
        if report.corpus is not None or report.corpus_in_cache:
            corpus.append((task, report, settings))
    if corpus:
        findings, crashes = _corpus_outcome(corpus, linter)
        result.findings.extend(findings)
        result.errors.extend(crash_errors(crashes))
    result.findings.sort(key=lambda finding: finding.sort_key)
    return result


def _corpus_outcome(
    corpus: list[tuple[FileTask, FileReport, Settings]], linter: FileLinter
) -> tuple[list[Finding], list[RuleCrash]]:
    """The corpus rules' findings and crashes: from the cache when every member's report came from it and the
    same files were linted together before."""
    cache = linter.cache
    keys = [report.cache_key for _, report, _ in corpus]
    cached_keys = [key for key in keys if key is not None]
    key = cache.corpus_key(cached_keys) if cache is not None and len(cached_keys) == len(keys) else None
    outcome = cache.get_outcome(key) if cache is not None and key else None
    if outcome is None:
        members = []
        for task, report, settings in corpus:
            entry = linter.corpus_entry(task, report)
            if entry is not None:
                members.append(CorpusMember(entry, settings, task.path))
        outcome = lint_corpus(members)
        if cache is not None and key:
            cache.put_outcome(key, outcome)
    return outcome


def _tasks(
    paths: list[str], resolver: SettingsResolver, stdin: bytes | None, stdin_filename: str | None, errors: list
) -> list[FileTask]:
    """The files to lint, in the order given (a folder's files in sorted order); paths that do not exist and
    folders that cannot be listed go to ``errors``."""
    tasks: list[FileTask] = []
    for target in paths:
        if target == "-":
            name = stdin_filename or "-"
            path = Path(stdin_filename) if stdin_filename else Path.cwd() / "-"
            tasks.append(FileTask(path, name, stdin or b""))
            continue
        path = Path(target)
        try:
            kind: int | None = os.stat(path).st_mode
        except FileNotFoundError:
            kind = None if not path.is_symlink() else 0  # a broken link: reading it says why it fails
        except OSError:  # a folder on the way that cannot be searched, a name too long, a loop of links
            kind = 0  # reading it says why it fails, as RL001
        if kind is not None and stat.S_ISDIR(kind):
            settings = resolver.for_path(path)
            tasks.extend(FileTask(file, str(file)) for file in walk(path, settings, partial(_unlistable, errors)))
        elif kind is not None:
            if not _skipped_explicitly(path, resolver):
                tasks.append(FileTask(path, target))
        else:
            errors.append(RunError(target, ReadError.code, "无法读取：文件或目录不存在"))
    return tasks


def _skipped_explicitly(path: Path, resolver: SettingsResolver) -> bool:
    """Whether a file named on the command line is left out: a Word/WPS lock file (``~$draft.docx``, which a
    pre-commit hook may be handed when it was staged by mistake), or, with ``force-exclude``, a file that the
    config's ``exclude`` names."""
    if path.name.startswith("~$"):
        return True
    settings = resolver.for_path(path)
    return settings.force_exclude and matches_glob(path, settings.root, settings.exclude)


def _unlistable(errors: list[RunError], error: OSError) -> None:
    errors.append(RunError(error.filename, ReadError.code, f"无法读取目录：{reason(error)}"))
