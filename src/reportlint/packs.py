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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import regex

from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.registry import Registry, RuleError
from reportlint.rule import Hit, Rule
from reportlint.schema import SchemaError, read_toml, validate

SeverityName = Literal["error", "warning", "info"]
_STRICT = {"extra": "forbid"}
_LATIN_EDGE = regex.compile(r"[A-Za-z0-9]")


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
    severity: SeverityName | None = None
    safe_fix: bool = True
    source: str | None = None

    def __post_init__(self) -> None:
        if (self.match is None) == (self.regex is None):
            raise ValueError("an entry needs exactly one of 'match' or 'regex'")
        if self.match is not None and not self.match:
            raise ValueError("'match' must not be empty")
        if self.regex is not None:
            try:
                compiled = regex.compile(self.regex)
            except regex.error as error:
                raise ValueError(f"invalid regex {self.regex!r}: {error}") from None
            if compiled.match(""):
                raise ValueError(f"regex {self.regex!r} matches the empty string")


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

    def __init__(self, spec: RuleSpec, origin: str) -> None:
        self.spec = spec
        self.code = spec.code
        self.name = spec.name
        self.severity = Severity.parse(spec.severity)
        self.summary = spec.summary
        self.enabled_by_default = spec.enabled_by_default
        self.origin = origin
        self._doc = spec.doc.strip()
        self._message = spec.message
        self._entries: list[EntrySpec] = []
        self._literals: dict[str, list[EntrySpec]] = {}
        self._literal_pattern: regex.Pattern[str] | None = None
        self._regexes: list[tuple[regex.Pattern[str], EntrySpec]] = []
        self.add_entries(spec.entries)

    @property
    def doc(self) -> str:
        return self._doc

    def extended(self, entries: list[EntrySpec]) -> PackRule:
        """A copy of this rule with more entries (the original, shared by other configs, is left alone)."""
        rule = PackRule(self.spec, self.origin)
        rule.add_entries([*self._entries[len(self.spec.entries) :], *entries])
        return rule

    def add_entries(self, entries: list[EntrySpec]) -> None:
        for entry in entries:
            self._entries.append(entry)
            if entry.match is not None:
                self._literals.setdefault(entry.match, []).append(entry)
            else:
                self._regexes.append((regex.compile(entry.regex), entry))
        if self._literals:
            alternatives = sorted(self._literals, key=len, reverse=True)
            self._literal_pattern = regex.compile("|".join(map(regex.escape, alternatives)))

    def check(self, document: Document) -> Iterator[Hit]:
        for block in document.blocks:
            text = block.text
            taken_until = -1
            for start, end, entry in sorted(self._matches(text), key=lambda m: (m[0], -m[1])):
                if start < taken_until:
                    continue  # inside a longer form already reported
                taken_until = end
                yield self._hit(block, start, end, entry)

    def _matches(self, text: str) -> Iterator[tuple[int, int, EntrySpec]]:
        if self._literal_pattern is not None:
            for match in self._literal_pattern.finditer(text, overlapped=True):
                for entry in self._literals[match.group()]:
                    if _guards_pass(text, match.start(), match.end(), entry) and _latin_edges_ok(text, match):
                        yield match.start(), match.end(), entry
                        break
        for pattern, entry in self._regexes:
            for match in pattern.finditer(text):
                if _guards_pass(text, match.start(), match.end(), entry):
                    yield match.start(), match.end(), entry

    def _hit(self, block, start: int, end: int, entry: EntrySpec) -> Hit:
        fixes = entry.replace
        message = self._message.format(
            text=block.text[start:end], fix=fixes[0] if fixes else "", fixes="、".join(fixes), reason=entry.reason
        ).rstrip("：")
        return Hit(
            block,
            start,
            end,
            message,
            replacement=fixes[0] if fixes else None,
            safe_fix=entry.safe_fix and len(fixes) == 1,
            severity=Severity.parse(entry.severity) if entry.severity else None,
        )


def _guards_pass(text: str, start: int, end: int, entry: EntrySpec) -> bool:
    before, after = text[:start], text[end:]
    if entry.before and not any(before.endswith(word) for word in entry.before):
        return False
    if any(before.endswith(word) for word in entry.not_before):
        return False
    if entry.after and not any(after.startswith(word) for word in entry.after):
        return False
    return not any(after.startswith(word) for word in entry.not_after)


def _latin_edges_ok(text: str, match: regex.Match[str]) -> bool:
    """A literal that starts or ends with a Latin letter or digit must not be part of a longer Latin word."""
    start, end = match.span()
    if _LATIN_EDGE.match(text[start]) and start > 0 and _LATIN_EDGE.match(text[start - 1]):
        return False
    return not (_LATIN_EDGE.match(text[end - 1]) and end < len(text) and _LATIN_EDGE.match(text[end]))


def shipped_pack_dir() -> Path:
    """The packs shipped with reportlint: inside the wheel, or the repository's rules/ in a source checkout."""
    installed = Path(__file__).with_name("packs")
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "rules"


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
        return [EntrySpec(**item) for item in items]

    return PackSpec(
        pack=PackInfo(**data["pack"]),
        rules=[RuleSpec(**{**rule, "entries": entries(rule.get("entries", []))}) for rule in data.get("rules", [])],
        extend=[ExtendSpec(rule["extends"], entries(rule.get("entries", []))) for rule in data.get("extend", [])],
    )


def install_pack(registry: Registry, spec: PackSpec, origin: str) -> None:
    """Register a pack's rules and add its ``extend`` entries to pack rules already in ``registry``."""
    for rule_spec in spec.rules:
        registry.add(PackRule(rule_spec, origin))
    for extension in spec.extend:
        target = registry.get(extension.extends)
        if not isinstance(target, PackRule):
            what = "is not a pack-defined rule" if target else "is not a known rule"
            raise RuleError(f"{origin}: extend {extension.extends!r} {what}")
        registry.replace(target.extended(extension.entries))


def load_packs_into(registry: Registry, paths: list[Path], trusted: bool = False) -> None:
    for path in paths:
        try:
            install_pack(registry, load_pack(path, trusted), str(path))
        except SchemaError as error:
            raise RuleError(str(error)) from None
