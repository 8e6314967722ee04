"""The rule interface: what every built-in, pack-defined and plugin rule implements."""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from reportlint.analysis.lazy import lazy_regex
from reportlint.codes import PATTERN_TIMEOUT
from reportlint.document import Block, Document
from reportlint.findings import Severity

CODE_PATTERN = lazy_regex(r"[A-Z]{1,4}[0-9]{3}")
NAME_PATTERN = lazy_regex(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

#: Rule families by code prefix (DESIGN.md). Plugins may bring families of their own.
#: Around each flagged span in a case's text (stripped before linting): characters no draft holds, unlike 【】.
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"

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


#: The generated page documenting every rule reportlint ships (docs/rules.md, from reportlint.docs).
RULES_PAGE = "https://github.com/reportlint/reportlint/blob/main/docs/rules.md"


def family_of(code: str) -> str:
    """The family of a rule code (``PH001`` → ``placeholders``); a plugin's own letters stand for themselves."""
    letters = code.rstrip("0123456789")
    return FAMILIES.get(letters, letters)


def rule_url(code: str) -> str:
    """The address of a shipped rule's section of the rules page (its heading is ``## CODE``)."""
    return f"{RULES_PAGE}#{code.lower()}"


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


@dataclass(frozen=True, slots=True)
class Case:
    """A text a rule must flag, with each flagged span marked ``⟦…⟧``, or (no marks) a look-alike it must pass.

    ``fix``: the suggested replacement of each flagged span (one string for all, or one per span in order);
    ``format``: "txt" or "md" (how the text is read); ``documents``: other drafts linted together with it
    (corpus rules), without marks; ``note``: what the case shows. The spans are the rule's findings, all of them.
    """

    text: str
    fix: str | tuple[str, ...] | None = None
    note: str = ""
    format: str = "txt"
    documents: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        """The text as linted: the marks stripped."""
        return self.text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The flagged spans, as (start, end) offsets in :attr:`source`."""
        spans, start, removed = [], None, 0
        for index, char in enumerate(self.text):
            if char == MARK_OPEN:
                if start is not None:
                    raise ValueError(f"case {self.text!r}: nested {MARK_OPEN}")
                start = index - removed
                removed += 1
            elif char == MARK_CLOSE:
                if start is None or start == index - removed:
                    raise ValueError(f"case {self.text!r}: {MARK_CLOSE} without {MARK_OPEN}, or an empty span")
                spans.append((start, index - removed))
                start = None
                removed += 1
        if start is not None:
            raise ValueError(f"case {self.text!r}: {MARK_OPEN} without {MARK_CLOSE}")
        return tuple(spans)

    @property
    def fixes(self) -> tuple[str, ...] | None:
        """The expected replacement of each span, or None when the case does not say."""
        if self.fix is None or isinstance(self.fix, tuple):
            return self.fix
        return (self.fix,) * len(self.spans)


def as_case(case: str | Case) -> Case:
    return case if isinstance(case, Case) else Case(case)


def render_example(case: Case) -> str:
    """A flag case's text, indented, with a caret line under the flagged characters of each line it marks
    (wide and full-width characters take two columns, as in a terminal)."""
    from reportlint.output.text import display_width  # only when a doc is shown

    lines, offset = [], 0
    for line in case.source.split("\n"):
        lines.append(f"    {line}".rstrip() if not line.strip() else f"    {line}")
        end = offset + len(line)
        carets = ""
        for start, stop in case.spans:
            start, stop = max(start, offset), min(stop, end)
            if start < stop:
                pad = display_width(line[: start - offset]) - display_width(carets)
                carets += " " * pad + "^" * max(1, display_width(line[start - offset : stop - offset]))
        if carets:
            lines.append(f"    {carets}")
        offset = end + 1
    return "\n".join(lines)


def render_passes(passes: tuple[str | Case, ...]) -> str:
    """The look-alikes, indented; a blank line between them when one runs over several lines."""
    texts = [as_case(case).source for case in passes]
    separator = "\n\n" if any("\n" in text.strip("\n") for text in texts) else "\n"
    return separator.join("\n".join(f"    {line}" for line in text.strip("\n").split("\n")) for text in texts)


def render_cases(flags: tuple[Case, ...], passes: tuple[str | Case, ...]) -> str:
    """The example of a rule's doc: its first flag case with its caret lines (and the drafts it is linted
    with, for a corpus rule), then the look-alikes it leaves alone. Empty when there are no cases."""
    parts = []
    if flags:
        case = flags[0]
        where = "（Markdown）" if case.format == "md" else ""
        parts.append(f"示例{where}：\n\n{render_example(Case(case.text.strip(chr(10))))}")
        for document in case.documents:
            parts.append(f"与之一同检查的草稿：\n\n{render_passes((document,))}")
    if passes:
        parts.append(f"不报的相似写法：\n\n{render_passes(passes)}")
    return "\n\n".join(parts)


class Rule:
    """Base class of all rules. A subclass's doc string is its documentation (``reportlint rule CODE``).

    Subclasses set ``code`` (family letters + three digits, never reused), ``name`` (kebab-case),
    ``severity``, ``summary`` (one line) and implement :meth:`check`. ``flags`` and ``passes`` are its cases
    (tests/rules/test_rule_cases.py runs them); the doc shows the first flag case and the look-alikes.
    """

    # Plain class attributes, not ClassVar: a pack rule sets them per instance.
    code: str = ""
    name: str = ""
    severity: Severity = Severity.WARNING
    summary: str = ""
    enabled_by_default: bool = True
    #: Where the rule comes from: "builtin", a pack file, or a plugin's distribution.
    origin: str = "builtin"
    #: Texts the rule flags, each flagged span marked ``⟦…⟧`` (see :class:`Case`).
    flags: ClassVar[tuple[Case, ...]] = ()
    #: Look-alikes in which the rule finds nothing.
    passes: ClassVar[tuple[str | Case, ...]] = ()

    def check(self, document: Document) -> Iterable[Hit]:
        raise NotImplementedError

    @property
    def prose(self) -> str:
        """The hand-written documentation (the doc string)."""
        return inspect.cleandoc(type(self).__doc__ or "")

    @property
    def doc(self) -> str:
        """The documentation: :attr:`prose`, then the example and look-alikes rendered from the cases."""
        examples = render_cases(tuple(self.flags), tuple(self.passes))
        return f"{self.prose}\n\n{examples}" if examples else self.prose

    @property
    def url(self) -> str | None:
        """Where the rule is documented: docs/rules.md for the rules reportlint ships."""
        return rule_url(self.code) if self.origin == "builtin" else None

    @property
    def family(self) -> str:
        return family_of(self.code)

    def validate(self) -> None:
        """Raise ValueError when the rule's metadata breaks the conventions every rule must keep."""
        if not CODE_PATTERN.fullmatch(self.code or ""):
            raise ValueError(f"规则代码 {self.code!r} 须为 1～4 个大写字母加三位数字，如 PH001")
        if not NAME_PATTERN.fullmatch(self.name or ""):
            raise ValueError(f"规则 {self.code}：名称 {self.name!r} 须为 kebab-case（小写字母、数字和连字符）")
        if not isinstance(self.severity, Severity):
            raise ValueError(f"规则 {self.code}：severity 须为 reportlint.Severity")
        if not self.summary or "\n" in self.summary:
            raise ValueError(f"规则 {self.code}：须有一行 summary")
        if not self.prose:
            raise ValueError(f"规则 {self.code}：须有文档字符串")


@dataclass(frozen=True, slots=True)
class Summary:
    """What a corpus rule keeps of one document: the document's display path, what
    :meth:`CorpusRule.summarize` returned for it, and the display paths of the documents the user paired it
    with (``pairs`` in the config, ``check --pair``: a report and the speech given on it)."""

    path: str
    data: Any
    partners: frozenset[str] = frozenset()


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
