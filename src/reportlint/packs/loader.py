"""Declarative rule packs: TOML files that define data-driven rules, or add entries to existing ones.

A pack looks like this (see docs/packs.md for every key)::

    [pack]
    name = "placeholder-markers"
    source = "reportlint team"

    [[rules]]
    code = "PH003"
    name = "template-marker"
    severity = "error"
    summary = "A template marker (【待填】, TODO …) left in the draft"
    doc = "…"
    message = "未删除的模板标记“{text}”：请填写内容并删除标记"

    [[rules.entries]]
    match = "【待填】"

    [[extend]]          # add entries to a rule defined by another pack
    extends = "PH003"
    [[extend.entries]]
    regex = "（此处插入[^）]{0,20}）"
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Literal

import regex

from reportlint.analysis.fulltext import FullText, full_text
from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.lexicon import crossing_word, reads_as_word, word_cost
from reportlint.analysis.literals import LiteralIndex
from reportlint.document import Block, Document
from reportlint.findings import Severity
from reportlint.registry import Registry, RuleError
from reportlint.rule import Anchor, Case, Hit, Rule, RuleTimeout, rule_url
from reportlint.storage.schema import SchemaError, read_toml, validate

SeverityName = Literal["error", "warning", "info"]
_STRICT = {"extra": "forbid"}
_LATIN_EDGE = lazy_regex(r"[A-Za-z0-9]")
#: Characters each side of a form that the segmenter reads with it (``word_boundaries``).
BOUNDARY_WINDOW = 6
#: Seconds one search of a user pack's regex may take (per block, and per search for candidate blocks).
PATTERN_TIMEOUT = 1.0


@dataclass
class EntrySpec:
    """One form a pack rule looks for: a literal ``match`` or a ``regex``, with optional guards."""

    __pydantic_config__ = _STRICT
    match: str | None = None
    regex: str | None = None
    replace: list[str] = field(default_factory=list)
    reason: str = ""
    before: list[str] = field(default_factory=list)
    not_before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    not_after: list[str] = field(default_factory=list)
    document_has: list[str] = field(default_factory=list)
    severity: SeverityName | None = None
    safe_fix: bool = True
    source: str | None = None
    #: Texts this entry flags, each flagged span marked ⟦…⟧ (tests/rules/test_rule_cases.py runs them).
    flags: list[str] = field(default_factory=list)
    #: Look-alikes the rule leaves alone.
    passes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if (self.match is None) == (self.regex is None):
            raise ValueError("每个条目须有 match 或 regex 之一（不能两个都有，也不能都没有）")
        if self.match is not None and not self.match:
            raise ValueError("match 不能为空")
        if self.regex is not None:
            try:
                compiled = regex.compile(self.regex)
            except regex.error as error:
                raise ValueError(f"正则表达式 {self.regex!r} 有误：{error}") from None
            if compiled.match(""):
                raise ValueError(f"正则表达式 {self.regex!r} 会匹配空字符串")
        if any(not word for word in self.document_has):
            raise ValueError("document_has 中不能有空字符串")
        for text in self.flags:
            if not Case(text).spans:
                raise ValueError(f"flags 用例 {text!r} 没有标出范围（请用 ⟦…⟧ 括住应报告的文字）")
        for text in self.passes:
            if Case(text).spans:
                raise ValueError(f"passes 用例 {text!r} 不能标出范围")


@dataclass
class RuleSpec:
    __pydantic_config__ = _STRICT
    code: str
    name: str
    summary: str
    doc: str
    severity: SeverityName = "warning"
    message: str = "“{text}”疑为“{fix}”之误：{reason}"
    enabled_by_default: bool = True
    #: Report a literal form only where the word segmenter keeps it as one word (自己经常 holds 己经 but reads
    #: 自己|经常), and never offer a safe fix where a word crosses its edges (a fix could change a correct word).
    word_boundaries: bool = False
    entries: list[EntrySpec] = field(default_factory=list)


@dataclass
class ExtendSpec:
    __pydantic_config__ = _STRICT
    extends: str
    entries: list[EntrySpec] = field(default_factory=list)


@dataclass
class PackInfo:
    __pydantic_config__ = _STRICT
    name: str
    description: str = ""
    source: str = ""


@dataclass
class PackSpec:
    __pydantic_config__ = _STRICT
    pack: PackInfo
    rules: list[RuleSpec] = field(default_factory=list)
    extend: list[ExtendSpec] = field(default_factory=list)


class PackRule(Rule):
    """A rule defined by a TOML pack: it flags every form listed in its entries (its doc comes from the pack)."""

    def __init__(self, spec: RuleSpec, origin: str, timeout: float | None = None) -> None:
        self.spec = spec
        #: Seconds one regex search may take (user packs); None for the shipped packs.
        self.timeout = timeout
        self.code = spec.code
        self.name = spec.name
        self.severity = Severity.parse(spec.severity)
        self.summary = spec.summary
        self.enabled_by_default = spec.enabled_by_default
        self.origin = origin
        self._doc = spec.doc.strip()
        self._shipped = Path(origin).parent == shipped_pack_dir()
        self._message = spec.message
        self._entries: list[EntrySpec] = []
        self._literals: dict[str, list[EntrySpec]] = {}
        self._literal_index: LiteralIndex | None = None
        self._regexes: list[tuple[regex.Pattern[str], EntrySpec]] = []
        #: The alternation of the regexes, compiled on first use (False: not yet built).
        self._any_regex: regex.Pattern[str] | None | Literal[False] = False
        self.add_entries(spec.entries)

    @property
    def prose(self) -> str:
        return self._doc

    @property  # a class attribute of Rule, computed from the entries here
    def flags(self) -> tuple[Case, ...]:  # type: ignore[override]
        """The entries' flag cases (the fix expected is the entry's first replacement)."""
        return tuple(
            Case(text, fix=entry.replace[0] if entry.replace else None)
            for entry in self._entries
            for text in entry.flags
        )

    @property
    def passes(self) -> tuple[str | Case, ...]:  # type: ignore[override]
        return tuple(text for entry in self._entries for text in entry.passes)

    @property
    def url(self) -> str | None:
        return rule_url(self.code) if self._shipped else None

    def extended(self, entries: list[EntrySpec], timeout: float | None = None) -> PackRule:
        """A copy of this rule with more entries (the original, shared by other configs, is left alone)."""
        rule = PackRule(self.spec, self.origin, self.timeout if timeout is None else timeout)
        rule.add_entries([*self._entries[len(self.spec.entries) :], *entries])
        return rule

    def add_entries(self, entries: list[EntrySpec]) -> None:
        for entry in entries:
            self._entries.append(entry)
            if entry.match is not None:
                self._literals.setdefault(entry.match, []).append(entry)
            else:
                assert entry.regex is not None, "an entry has a match or a regex (validated)"
                self._regexes.append((lazy_regex(entry.regex), entry))
        if self._literals:
            self._literal_index = LiteralIndex(self._literals)
        self._any_regex = False

    def check(self, document: Document) -> Iterator[Hit]:
        elsewhere = _FirstUse(document)
        found: dict[int, list[tuple[int, int, EntrySpec]]] = {}
        for block, start, end, entry in self._matches(document.analysis(full_text)):
            found.setdefault(block.index, []).append((start, end, entry))
        for index in sorted(found):
            block = document.blocks[index]
            taken_until = -1
            for start, end, entry in sorted(found[index], key=lambda m: (m[0], -m[1])):
                if start < taken_until:
                    continue  # inside a longer form already reported
                related: tuple[Anchor, ...] = ()
                if entry.document_has:
                    anchor = elsewhere.find(entry.document_has)
                    if anchor is None:
                        continue
                    related = (anchor,)
                taken_until = end
                yield self._hit(block, start, end, entry, related)

    def _matches(self, full: FullText) -> Iterator[tuple[Block, int, int, EntrySpec]]:
        if self._literal_index is not None:
            yield from self._literal_matches(full)
        try:
            for block in self._regex_candidates(full):
                for pattern, entry in self._regexes:
                    for match in pattern.finditer(block.text, timeout=self.timeout):
                        if _guards_pass(block.text, match.start(), match.end(), entry):
                            yield block, match.start(), match.end(), entry
        except TimeoutError:
            raise RuleTimeout(
                f"规则 {self.code}（{self.origin}）的正则表达式匹配超过 {self.timeout:g} 秒，已跳过："
                "请简化该表达式（避免 (?:x|xx)+ 这类可反复回溯的嵌套重复）"
            ) from None

    def _literal_matches(self, full: FullText) -> Iterator[tuple[Block, int, int, EntrySpec]]:
        """At each start, the longest literal with an entry whose guards pass."""
        chosen: dict[int, tuple[Block, int, int, EntrySpec]] = {}
        assert self._literal_index is not None, "built with the literals"
        for start, end, literal in self._literal_index.finditer(full.text):
            if start in chosen and chosen[start][2] - chosen[start][1] >= end - start:
                continue
            block, at = full.locate(start)
            text, until = block.text, at + end - start
            if until > len(text):
                continue  # a literal holding a newline, across two blocks
            for entry in self._literals[literal]:
                if _guards_pass(text, at, until, entry) and _latin_edges_ok(text, at, until):
                    chosen[start] = (block, at, until, entry)
                    break
        for block, at, until, entry in chosen.values():
            if not self.spec.word_boundaries or _one_word(block.text, at, until, entry):
                yield block, at, until, entry

    def _regex_candidates(self, full: FullText) -> list[Block]:
        """The blocks where some regex entry may match: one search of the whole text per such block."""
        if not self._regexes:
            return []
        if self._any_regex is False:
            self._any_regex = _alternation([pattern for pattern, _ in self._regexes])
        if self._any_regex is None:
            return full.blocks
        candidates = []
        match = self._any_regex.search(full.text, timeout=self.timeout)
        while match is not None:
            block, _ = full.locate(match.start())
            candidates.append(block)
            match = self._any_regex.search(full.text, full.next_start(block), timeout=self.timeout)
        return candidates

    def _hit(self, block, start: int, end: int, entry: EntrySpec, related: tuple[Anchor, ...]) -> Hit:
        fixes = entry.replace
        safe = entry.safe_fix and len(fixes) == 1
        if safe and self.spec.word_boundaries and entry.match is not None:
            a, b = max(0, start - BOUNDARY_WINDOW), min(len(block.text), end + BOUNDARY_WINDOW)
            safe = not crossing_word(block.text[a:b], start - a, end - a)
        message = self._message.format(
            text=block.text[start:end], fix=fixes[0] if fixes else "", fixes="、".join(fixes), reason=entry.reason
        ).rstrip("：")
        return Hit(
            block,
            start,
            end,
            message,
            replacement=fixes[0] if fixes else None,
            safe_fix=safe,
            severity=Severity.parse(entry.severity) if entry.severity else None,
            related=related,
        )


class _FirstUse:
    """Where a document first uses any of some words (for ``document_has``), looked up lazily and cached."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._found: dict[str, Anchor | None] = {}

    def find(self, words: list[str]) -> Anchor | None:
        anchors = [anchor for anchor in map(self._first, words) if anchor is not None]
        return min(anchors, key=lambda a: (a.block.index, a.start), default=None)

    def _first(self, word: str) -> Anchor | None:
        if word not in self._found:
            self._found[word] = None
            for block in self._document.blocks:
                start = block.text.find(word)
                if start >= 0:
                    message = f"文中另有“{word}”"
                    self._found[word] = Anchor(self._document.path, block, start, start + len(word), message)
                    break
        return self._found[word]


def _alternation(patterns: list[regex.Pattern[str]]) -> regex.Pattern[str] | None:
    """One pattern that matches, in the text of all blocks joined by newlines, wherever any of ``patterns``
    matches in a block (``^``/``$`` match at each newline). None when there is nothing to combine, or when a
    pattern has groups (a back-reference would point elsewhere), absolute anchors or global inline flags.
    Only the alternation is compiled (the patterns themselves are compiled when a block may hold a match): it
    has groups exactly when one of the patterns has."""
    if not patterns or any(any(a in p.pattern for a in ("\\A", "\\Z", "\\z")) for p in patterns):
        return None
    try:
        combined = regex.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), regex.MULTILINE)
    except regex.error:
        return None
    return None if combined.groups else combined


def _guards_pass(text: str, start: int, end: int, entry: EntrySpec) -> bool:
    # Compared in place: slicing off the text before and after each match would cost the block's length per match.
    if entry.before and not any(text.endswith(word, 0, start) for word in entry.before):
        return False
    if any(text.endswith(word, 0, start) for word in entry.not_before):
        return False
    if entry.after and not any(text.startswith(word, end) for word in entry.after):
        return False
    return not any(text.startswith(word, end) for word in entry.not_after)


def _one_word(text: str, start: int, end: int, entry: EntrySpec) -> bool:
    """Whether the segmenter keeps ``text[start:end]`` as one word, read as the likeliest of the form and its
    corrections (the word the writer meant): 自己经常 holds 己经 but reads 自己|经常, 钓鱼网站 holds 鱼网 but
    reads 钓鱼|网站. A form the word table cannot price (neither it nor a correction is a word) is kept."""
    costs = [cost for cost in map(word_cost, [text[start:end], *entry.replace]) if cost is not None]
    if not costs:
        return True
    cost = min(costs)
    a, b = max(0, start - BOUNDARY_WINDOW), min(len(text), end + BOUNDARY_WINDOW)
    return reads_as_word(text[a:b], start - a, end - a, cost)


def _latin_edges_ok(text: str, start: int, end: int) -> bool:
    """A literal that starts or ends with a Latin letter or digit must not be part of a longer Latin word."""
    if _LATIN_EDGE.match(text[start]) and start > 0 and _LATIN_EDGE.match(text[start - 1]):
        return False
    return not (_LATIN_EDGE.match(text[end - 1]) and end < len(text) and _LATIN_EDGE.match(text[end]))


def shipped_pack_dir() -> Path:
    """The packs shipped with reportlint: inside the wheel, or the repository's rules/ in a source checkout."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "data" / "packs"
    return installed if installed.is_dir() else package.parents[1] / "rules"


def shipped_pack_paths() -> list[Path]:
    return sorted(shipped_pack_dir().glob("*.toml"))


def load_pack(path: Path, trusted: bool = False) -> PackSpec:
    """Read and validate a pack. ``trusted`` packs (our own, validated by the test suite) skip pydantic."""
    data = read_toml(path)
    if trusted:
        return _build_trusted(data)
    return validate(PackSpec, data, str(path))


def _build_trusted(data: dict) -> PackSpec:
    def entries(items: list[dict]) -> list[EntrySpec]:
        return [_trusted_entry(item) for item in items]

    return PackSpec(
        pack=PackInfo(**data["pack"]),
        rules=[RuleSpec(**{**rule, "entries": entries(rule.get("entries", []))}) for rule in data.get("rules", [])],
        extend=[ExtendSpec(rule["extends"], entries(rule.get("entries", []))) for rule in data.get("extend", [])],
    )


def _trusted_entry(item: dict) -> EntrySpec:
    """An entry of a shipped pack, built without the checks of ``EntrySpec.__post_init__`` (compiling its
    regex, parsing its cases): the test suite makes them on every shipped pack, and a run would pay for them
    each time it starts."""
    entry = object.__new__(EntrySpec)
    for spec in fields(EntrySpec):
        if spec.name in item:
            value = item[spec.name]
        elif spec.default_factory is not MISSING:
            value = spec.default_factory()
        else:
            value = spec.default
        setattr(entry, spec.name, value)
    return entry


def install_pack(registry: Registry, spec: PackSpec, origin: str, trusted: bool = False) -> None:
    """Register a pack's rules and add its ``extend`` entries to pack rules already in ``registry``. The regexes
    of a pack that is not ``trusted`` (not shipped) get :data:`PATTERN_TIMEOUT` per search."""
    timeout = None if trusted else PATTERN_TIMEOUT
    for rule_spec in spec.rules:
        registry.add(PackRule(rule_spec, origin, timeout))
    for extension in spec.extend:
        target = registry.get(extension.extends)
        if not isinstance(target, PackRule):
            what = "不是规则包定义的规则" if target else "不是已知的规则"
            raise RuleError(f"{origin}: extend 的 {extension.extends!r} {what}")
        registry.replace(target.extended(extension.entries, timeout))


def load_packs_into(registry: Registry, paths: list[Path], trusted: bool = False) -> None:
    for path in paths:
        try:
            install_pack(registry, load_pack(path, trusted), str(path), trusted)
        except SchemaError as error:
            raise RuleError(str(error)) from None
