"""What a rule reports: findings anchored to positions in the file the user opened.

Plain dataclasses (not pydantic models): a large run creates tens of thousands of findings and they
are built by our own code, so validation would only cost start-up and run time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """How sure a rule is that a finding is a mistake. Ordered: INFO < WARNING < ERROR."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"未知的级别 {value!r}（应为 error、warning 或 info）") from None


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """1-based line and 1-based column counted in characters (code points)."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text from ``start`` (inclusive) to ``end`` (exclusive) with ``content``."""

    start: Position
    end: Position
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    message: str
    edits: tuple[Edit, ...]
    safe: bool = True

    @property
    def applicability(self) -> str:
        return "safe" if self.safe else "unsafe"


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that belongs to a finding, e.g. the other statement of an inconsistent figure."""

    path: str
    start: Position
    end: Position
    message: str


@dataclass(frozen=True, slots=True)
class Place:
    """Where a person finds a finding in a document that has pages or paragraphs rather than lines of a file.
    PDF: ``page`` and ``page_line`` (the line on that page). Word and the formats converted to it: ``heading``,
    the heading the paragraph sits under, and ``lead``, the first words of the paragraph."""

    page: int | None = None
    page_line: int | None = None
    heading: str | None = None
    lead: str | None = None


@dataclass(slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    path: str
    start: Position
    end: Position
    text: str
    context: str = ""
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    url: str | None = None
    #: Where to find it in a paged or Word document (None for text files); not part of the fingerprint.
    place: Place | None = None
    fingerprint: str = field(default="", init=False)

    def __post_init__(self) -> None:
        # Stable across runs and across lines moving: the code, the flagged text and its neighbourhood,
        # never the line number (the baseline relies on this).
        digest = hashlib.blake2b(digest_size=8)
        for part in (self.code, self.text, self.context):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        self.fingerprint = digest.hexdigest()

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.code)
