"""What the language server lints: the editor's open drafts, each under the settings the command line would
use for its file, and the corpus rules across all of them (a figure stated differently in another open
draft). Knows nothing of LSP; :mod:`reportlint.integrations.lsp.server` feeds it buffers and publishes what it returns.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlint.catalog import base_registry
from reportlint.codes import CONFIG_ERROR
from reportlint.config.settings import ConfigError, Overrides, Settings, SettingsResolver
from reportlint.document import Document
from reportlint.engine.lint import CorpusEntry, CorpusMember, RuleCrash, lint_corpus
from reportlint.engine.source import Source, lint_source
from reportlint.findings import Finding
from reportlint.registry import RuleError


@dataclass(frozen=True, slots=True)
class Buffer:
    """An open document: its URI, its file (None for an unsaved buffer), format (txt or md) and text."""

    uri: str
    path: Path | None
    format: str
    text: str
    version: int | None = None

    @property
    def display_path(self) -> str:
        """The path findings carry: the file's path, or the URI of a buffer that has no file."""
        return str(self.path) if self.path else self.uri


@dataclass(slots=True)
class Outcome:
    """The lint of one buffer: its document and findings, or the problem (config, read) that stopped it.
    A buffer that its config excludes has neither."""

    buffer: Buffer
    document: Document | None = None
    settings: Settings | None = None
    findings: list[Finding] = field(default_factory=list)
    crashes: list[RuleCrash] = field(default_factory=list)
    problem: str | None = None
    #: What the corpus rules compare of it with the other open drafts.
    corpus: CorpusEntry | None = None


class BufferLinter:
    """Lints open buffers and keeps each one's own findings until its text or the config changes."""

    def __init__(self) -> None:
        self._resolver: SettingsResolver | None = None
        self._outcomes: dict[str, Outcome] = {}

    def update(self, buffer: Buffer) -> None:
        """The buffer was opened or its text changed."""
        self._outcomes[buffer.uri] = self._lint(buffer)

    def forget(self, uri: str) -> None:
        """The buffer was closed."""
        self._outcomes.pop(uri, None)

    def reload(self) -> None:
        """Config files or packs may have changed: discover them afresh and re-lint every buffer."""
        self._resolver = None
        for uri, outcome in self._outcomes.items():
            self._outcomes[uri] = self._lint(outcome.buffer)

    def outcomes(self) -> tuple[dict[str, Outcome], list[RuleCrash]]:
        """Every open buffer's outcome, its findings including those of the corpus rules across buffers, and
        the crashes of the corpus rules."""
        members = [
            CorpusMember(o.corpus, o.settings, o.buffer.path)
            for o in self._outcomes.values()
            if o.corpus is not None and o.settings is not None
        ]
        corpus_findings, corpus_crashes = lint_corpus(members) if members else ([], [])
        by_path: dict[str, list[Finding]] = defaultdict(list)
        for finding in corpus_findings:
            by_path[finding.path].append(finding)
        results = {}
        for uri, outcome in self._outcomes.items():
            extra = by_path.get(outcome.buffer.display_path)
            if extra:
                findings = sorted([*outcome.findings, *extra], key=lambda finding: finding.sort_key)
                outcome = replace(outcome, findings=findings)
            results[uri] = outcome
        return results, corpus_crashes

    def _lint(self, buffer: Buffer) -> Outcome:
        try:
            settings = self._settings_for(buffer)
        except (ConfigError, RuleError) as error:
            return Outcome(buffer, problem=f"{CONFIG_ERROR} {error}")
        if buffer.path is not None and not settings.includes(buffer.path):
            return Outcome(buffer, settings=settings)
        # The buffer's text is already decoded: its UTF-8 bytes are read as they are, whatever encoding the
        # config names for the files on disk. A lone surrogate becomes one "?" (columns stay put).
        data = buffer.text.encode("utf-8", "replace")
        result = lint_source(Source(data, buffer.display_path, buffer.format, buffer.path), settings)
        if result.problem is not None:
            return Outcome(buffer, settings=settings, problem=f"{result.problem.code} {result.problem.message}")
        return Outcome(buffer, result.document, settings, result.findings, result.crashes, corpus=result.corpus)

    def _settings_for(self, buffer: Buffer) -> Settings:
        if self._resolver is None:
            self._resolver = SettingsResolver(base_registry(), Overrides())
        # A buffer without a file gets the config of the working directory, as stdin does on the command line.
        return self._resolver.for_path(buffer.path or Path.cwd() / "-")
