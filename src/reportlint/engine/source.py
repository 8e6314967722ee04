"""Lint one source: the one function every front end calls (the batch run, the language server, Word
annotation, the web page). Bytes in, with their display name, format and settings; out come the findings,
the rules that crashed, what the corpus rules keep of the document, or the problem that stopped the read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlint.codes import INTERNAL_ERROR, READ_ERROR
from reportlint.config.settings import Settings
from reportlint.document import Document
from reportlint.engine.fixes import FixOutcome, fix_document
from reportlint.engine.lint import CorpusEntry, RuleCrash, lint_document, summarize
from reportlint.engine.places import attach_places
from reportlint.findings import Finding
from reportlint.readers import TEXT_FORMATS, ReadError, read_bytes


@dataclass(frozen=True, slots=True)
class Source:
    """What to lint: its bytes, the name findings carry, its format (a value of ``readers.FORMATS``), and the file
    whose settings apply (None: an unsaved buffer or stdin without a name)."""

    data: bytes
    display: str
    format: str
    path: Path | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a source could not be linted: an RL code and the reason."""

    code: str
    message: str


@dataclass(slots=True)
class SourceResult:
    """The lint of one source. ``document`` is None when ``problem`` stopped the read."""

    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    crashes: list[RuleCrash] = field(default_factory=list)
    #: What the corpus rules compare of it with the other sources of the run (None: no corpus rule enabled).
    corpus: CorpusEntry | None = None
    problem: Problem | None = None
    #: The fixes applied before linting (only when asked for), and the fixed bytes.
    fix: FixOutcome | None = None


def lint_source(
    source: Source,
    settings: Settings,
    *,
    corpus: bool | None = None,
    fixes: bool | None = None,
    encoding: str | None = None,
) -> SourceResult:
    """Read and lint ``source`` under ``settings``.

    ``corpus``: also summarize it for the corpus rules (default: when any is enabled); unused suppression
    comments are then left to :func:`~reportlint.engine.lint.lint_corpus`. ``fixes``: first apply the fixes
    (False: the safe ones, True: also the unsafe ones; the caller writes ``result.fix.fixed``) and lint what
    they give. ``encoding``: of a text file, instead of guessing (the buffer of an editor is UTF-8 already).
    """
    result = SourceResult()
    try:
        document = read_bytes(source.data, source.display, source.format, encoding)
    except ReadError as error:
        result.problem = Problem(READ_ERROR, str(error))
        return result
    except Exception as error:  # a reader bug: report it, lint the other sources
        result.problem = Problem(INTERNAL_ERROR, f"读取时出现内部错误：{error!r}")
        return result
    if fixes is not None and source.format in TEXT_FORMATS:  # Word, converted and PDF files are never rewritten
        outcome, fixed = fix_document(
            source.data,
            document,
            lambda doc: lint_document(doc, settings, source.path, report_unused=False, limit=False)[0],
            lambda new: read_bytes(new, document.path, document.format, document.encoding),
            fixes,
        )
        if outcome.applied:
            result.fix, document = outcome, fixed
    with_corpus = settings.uses_corpus_rules if corpus is None else corpus
    result.document = document
    result.findings, result.crashes = lint_document(document, settings, source.path, report_unused=not with_corpus)
    attach_places(document, result.findings)
    if with_corpus:
        result.corpus, crashes = summarize(document, settings, source.path)
        result.crashes += crashes
    return result
