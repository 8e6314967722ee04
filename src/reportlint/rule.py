"""The rule interface: what every built-in, pack-defined and plugin rule implements."""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from reportlint.codes import PATTERN_TIMEOUT
from reportlint.document import Block, Document
from reportlint.findings import Severity

CODE_PATTERN = regex.compile(r"[A-Z]{1,4}[0-9]{3}")
NAME_PATTERN = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

#: Rule families by code prefix (DESIGN.md). Plugins may bring families of their own.
FAMILIES = {
    "PH": "placeholders",
    "NUM": "figures",
    "SEC": "outline",
    "TYP": "words",
    "PUN": "punctuation",
    "RL": "meta",
}


class RuleTimeout(Exception):
    """A rule's pattern took too long on a text (a user pack's regex with catastrophic backtracking): reported
    as RL004 with this message, and the run goes on."""

    code = PATTERN_TIMEOUT


@dataclass(frozen=True, slots=True)
class Anchor:
    """Another place that belongs to a hit (the other statement of a figure), in this or another document
    (``path``: that document's display path)."""

    path: str
    block: Block
    start: int
    end: int
    message: str


@dataclass(slots=True)
class Hit:
    """A rule's raw report: a span of one block. The engine turns it into a located :class:`Finding`.

    ``replacement`` (if not None) is the suggested fix for the span; ``severity`` overrides the rule's
    default for this hit (a pack entry may carry its own); ``related`` are other places that belong to it.
    """

    block: Block
    start: int
    end: int
    message: str
    replacement: str | None = None
    safe_fix: bool = True
    severity: Severity | None = None
    related: tuple[Anchor, ...] = ()


class Rule:
    """Base class of all rules. A subclass's doc string is its documentation (``reportlint rule CODE``).

    Subclasses set ``code`` (family letters + three digits, never reused), ``name`` (kebab-case),
    ``severity``, ``summary`` (one line) and implement :meth:`check`.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = ""
    enabled_by_default: ClassVar[bool] = True
    #: Where the rule comes from: "builtin", a pack file, or a plugin's distribution.
    origin: str = "builtin"

    def check(self, document: Document) -> Iterable[Hit]:
        raise NotImplementedError

    @property
    def doc(self) -> str:
        return inspect.cleandoc(type(self).__doc__ or "")

    @property
    def family(self) -> str:
        letters = self.code.rstrip("0123456789")
        return FAMILIES.get(letters, letters)

    def validate(self) -> None:
        """Raise ValueError when the rule's metadata breaks the conventions every rule must keep."""
        if not CODE_PATTERN.fullmatch(self.code or ""):
            raise ValueError(f"rule code {self.code!r} must be 1-4 capital letters and three digits, e.g. PH001")
        if not NAME_PATTERN.fullmatch(self.name or ""):
            raise ValueError(f"rule {self.code}: name {self.name!r} must be kebab-case")
        if not isinstance(self.severity, Severity):
            raise ValueError(f"rule {self.code}: severity must be a reportlint.Severity")
        if not self.summary or "\n" in self.summary:
            raise ValueError(f"rule {self.code}: a one-line summary is required")
        if not self.doc:
            raise ValueError(f"rule {self.code}: a doc string is required")


@dataclass(frozen=True, slots=True)
class Summary:
    """What a corpus rule keeps of one document: the document's display path and what
    :meth:`CorpusRule.summarize` returned for it."""

    path: str
    data: Any


class CorpusRule(Rule):
    """Base class of rules that compare the documents linted together (a report and its speech).

    The comparison runs once every file has been linted, perhaps in other processes and perhaps from the
    results cache, so it never sees whole documents: :meth:`summarize` takes what the comparison needs of one
    document (it must pickle; keep it small, and let hits point into the blocks it holds), and
    :meth:`check_corpus` compares the summaries of every document for which the rule is enabled and yields
    ``(summary, hit)`` pairs. Report a disagreement in each document involved, so that an editor shows it in
    either, with the other place as ``related``. :meth:`check` (one document alone) finds nothing.
    """

    def check(self, document: Document) -> Iterable[Hit]:
        return ()

    def summarize(self, document: Document) -> Any:
        """What :meth:`check_corpus` needs of ``document``; by default the document itself."""
        return document

    def check_corpus(self, summaries: list[Summary]) -> Iterable[tuple[Summary, Hit]]:
        raise NotImplementedError
