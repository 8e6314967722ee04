"""One lint run: discover files, read each, lint it with its settings, collect findings and errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.config import Settings, SettingsResolver
from reportlint.discovery import walk
from reportlint.document import Document
from reportlint.engine import CorpusMember, lint_corpus, lint_document, unused_suppressions
from reportlint.findings import Finding
from reportlint.readers import ReadError, format_of, read_bytes, read_path
from reportlint.rule import CorpusRule

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
    #: Whether a finding reached its file's ``fail-on`` severity (each file's own config decides).
    failing: bool = False
    #: Documents kept for the corpus rules, which compare the files linted together.
    corpus: list[CorpusMember] = field(default_factory=list)

    def add(self, findings: list[Finding], settings: Settings) -> None:
        self.findings.extend(findings)
        if any(finding.severity >= settings.fail_on for finding in findings):
            self.failing = True


def run(
    paths: list[str],
    resolver: SettingsResolver,
    stdin: bytes | None = None,
    stdin_filename: str | None = None,
) -> RunResult:
    result = RunResult()
    for target in paths:
        if target == "-":
            name = stdin_filename or "-"
            settings = resolver.for_path(Path(stdin_filename) if stdin_filename else Path.cwd() / "-")
            _lint_one(result, Path(name), name, settings, _stdin_reader(stdin or b"", name))
            continue
        path = Path(target)
        if path.is_dir():
            settings = resolver.for_path(path)
            for file in walk(path, settings):
                _lint_one(result, file, str(file), resolver.for_path(file), _reader(file))
        elif path.exists():
            _lint_one(result, path, target, resolver.for_path(path), _reader(path))
        else:
            result.errors.append(RunError(target, ReadError.code, "no such file or directory"))
    if result.corpus:
        findings, crashes = lint_corpus(result.corpus)
        settings_by_path = {member.document.path: member.settings for member in result.corpus}
        for finding in findings:
            result.add([finding], settings_by_path[finding.path])
        for member in result.corpus:
            result.add(unused_suppressions(member.document, member.settings, member.path), member.settings)
        result.errors.extend(RunError(c.path, INTERNAL_ERROR, f"rule {c.code} crashed: {c.error}") for c in crashes)
    result.findings.sort(key=lambda finding: finding.sort_key)
    return result


def _stdin_reader(data: bytes, name: str) -> Callable[[Settings], Document]:
    return lambda settings: read_bytes(data, name, format_of(name), settings.encoding)


def _reader(path: Path) -> Callable[[Settings], Document]:
    return lambda settings: read_path(path, str(path), settings.encoding)


def _lint_one(
    result: RunResult, path: Path, display: str, settings: Settings, read: Callable[[Settings], Document]
) -> None:
    try:
        document = read(settings)
    except ReadError as error:
        result.errors.append(RunError(display, ReadError.code, str(error)))
        return
    except Exception as error:  # a reader bug: report it, lint the other files
        result.errors.append(RunError(display, INTERNAL_ERROR, f"internal error while reading: {error!r}"))
        return
    in_corpus = any(isinstance(rule, CorpusRule) for rule in settings.rules)
    findings, crashes = lint_document(document, settings, path, report_unused=not in_corpus)
    result.files_checked += 1
    result.sources[document.path] = document.lines
    result.add(findings, settings)
    result.errors.extend(RunError(c.path, INTERNAL_ERROR, f"rule {c.code} crashed: {c.error}") for c in crashes)
    if in_corpus:
        result.corpus.append(CorpusMember(document, settings, path))
