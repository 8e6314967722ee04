"""Configuration: the schema of ``[tool.reportlint]`` / ``reportlint.toml``, its discovery, and the
resolved :class:`Settings` (enabled rules, severities, ignores) that apply to one file.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Literal

from reportlint.config.pairs import resolve_pairs
from reportlint.findings import Severity
from reportlint.packs.loader import load_packs_into
from reportlint.registry import Registry, RuleError
from reportlint.rule import Rule
from reportlint.storage.schema import SchemaError, read_toml, validate

#: Looked for in every directory from a file's own up to the root; the first directory with one wins,
#: and within a directory the first name in this order.
CONFIG_FILES = (".reportlint.toml", "reportlint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ["*.txt", "*.md", "*.docx", "*.doc", "*.wps", "*.odt", "*.rtf", "*.pdf"]
SeverityName = Literal["error", "warning", "info"]


class ConfigError(Exception):
    """A config file or command-line option that cannot be used; the message names the file and key."""


@dataclass
class ConfigSpec:
    """The keys of a config file (kebab-case in TOML). Unknown keys are errors."""

    __pydantic_config__ = {"extra": "forbid", "alias_generator": lambda name: name.replace("_", "-")}
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, SeverityName] = field(default_factory=dict)
    fail_on: SeverityName = "warning"
    packs: list[str] = field(default_factory=list)
    allow: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    #: Apply ``exclude`` to files named on the command line too (a pre-commit hook names every staged file).
    force_exclude: bool = False
    encoding: str | None = None
    cache_dir: str | None = None
    #: Drafts compared with each other whatever their titles say (a report and its speech): lists of globs.
    pairs: list[list[str]] = field(default_factory=list)


@dataclass
class Overrides:
    """Options given on the command line; they win over every config file."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: SeverityName | None = None
    encoding: str | None = None
    force_exclude: bool | None = None
    #: ``--pair``: absolute paths, written as globs that match only themselves.
    pairs: list[list[str]] = field(default_factory=list)

    def apply(self, spec: ConfigSpec) -> ConfigSpec:
        return replace(
            spec,
            select=self.select if self.select is not None else spec.select,
            extend_select=[*spec.extend_select, *self.extend_select],
            ignore=[*spec.ignore, *self.ignore],
            fail_on=self.fail_on or spec.fail_on,
            encoding=self.encoding or spec.encoding,
            force_exclude=spec.force_exclude if self.force_exclude is None else self.force_exclude,
            pairs=[*spec.pairs, *self.pairs],
        )


def read_config_file(path: Path) -> ConfigSpec | None:
    """The config in ``path``, or None for a pyproject.toml without a ``[tool.reportlint]`` table."""
    try:
        data = read_toml(path)
        if path.name == "pyproject.toml":
            table = data.get("tool", {}).get("reportlint")
            if table is None:
                return None
            return validate(ConfigSpec, table, str(path), prefix=("tool", "reportlint"))
        return validate(ConfigSpec, data, str(path))
    except SchemaError as error:
        raise ConfigError(str(error)) from None


def config_file_in(folder: Path) -> tuple[Path, ConfigSpec] | None:
    """The config file that governs ``folder`` itself, if it holds one."""
    for name in CONFIG_FILES:
        candidate = folder / name
        try:
            present = candidate.is_file()
        except OSError:  # a folder that cannot be searched: no config can be read there
            present = False
        if present:
            spec = read_config_file(candidate)
            if spec is not None:
                return candidate, spec
    return None


def matches_glob(path: Path, root: Path, patterns: list[str]) -> bool:
    """Gitignore-like matching: a pattern without ``/`` matches the name at any depth, otherwise the
    path relative to ``root``."""
    if not patterns:
        return False
    try:  # a file is matched where it stands (a link, or a loop of links, too)
        resolved = _resolved_directory(path.parent) / path.name
        relative = PurePosixPath(resolved.relative_to(_resolved_directory(root)).as_posix())
    except (ValueError, OSError, RuntimeError):  # outside the root, or a directory that cannot be resolved
        relative = PurePosixPath(path.name)
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if "/" in pattern:
            if fnmatch.fnmatch(relative.as_posix(), pattern.lstrip("/")) or relative.match(pattern.lstrip("/")):
                return True
        elif any(fnmatch.fnmatch(part, pattern) for part in relative.parts):
            return True
    return False


def _resolved_directory(directory: Path) -> Path:
    """``directory.resolve()``, once per directory (resolving costs a system call per component)."""
    return _resolve_absolute(directory.absolute())


@lru_cache(maxsize=4096)
def _resolve_absolute(directory: Path) -> Path:
    return directory.resolve()


class Settings:
    """Everything that decides how one file is linted: rules, severities, ignores, allow-list, fail level."""

    def __init__(self, spec: ConfigSpec, root: Path, source: Path | None, base: Registry) -> None:
        self.spec = spec
        self.root = root
        self.source = source
        where = str(source) if source else "命令行"
        self.registry = base
        if spec.packs:
            self.registry = base.copy()
            try:
                load_packs_into(self.registry, [root / pack for pack in spec.packs])
            except RuleError as error:
                raise ConfigError(f"{where}: packs: {error}") from None
        try:
            self.fail_on = Severity.parse(spec.fail_on)
            enabled = self._select(spec.select, default=True) | self._select(spec.extend_select)
            enabled -= self._select(spec.ignore)
            self.rules: list[Rule] = [rule for rule in self.registry if rule.code in enabled]
            self.severities = {
                rule.code: Severity.parse(level)
                for selector, level in spec.severity.items()
                for rule in self.registry.select(selector)
            }
            self.per_file_ignores = [
                (pattern, self._select(selectors)) for pattern, selectors in spec.per_file_ignores.items()
            ]
            self.pairs = resolve_pairs(spec.pairs, root)
        except (RuleError, ValueError) as error:
            raise ConfigError(f"{where}: {error}") from None
        self.allow = [word for word in spec.allow if word]
        self.include = spec.include
        self.exclude = spec.exclude
        self.force_exclude = spec.force_exclude
        self.encoding = spec.encoding

    @property
    def uses_corpus_rules(self) -> bool:
        """Whether a rule that compares the documents linted together is enabled."""
        from reportlint.rule import CorpusRule

        return any(isinstance(rule, CorpusRule) for rule in self.rules)

    def _select(self, selectors: list[str] | None, default: bool = False) -> set[str]:
        if selectors is None:
            return {rule.code for rule in self.registry if rule.enabled_by_default} if default else set()
        return {rule.code for selector in selectors for rule in self.registry.select(selector)}

    def includes(self, path: Path) -> bool:
        """Whether ``reportlint check`` on a folder lints this file: its name matches ``include``, its path
        no ``exclude``, and it is no Word lock file (``~$draft.docx``)."""
        return (
            not path.name.startswith("~$")
            and matches_glob(Path(path.name), Path("."), self.include)
            and not matches_glob(path, self.root, self.exclude)
        )

    def rules_for(self, path: Path | None) -> list[Rule]:
        if path is None or not self.per_file_ignores:
            return self.rules
        ignored: set[str] = set()
        for pattern, codes in self.per_file_ignores:
            if matches_glob(path, self.root, [pattern]):
                ignored |= codes
        return [rule for rule in self.rules if rule.code not in ignored]

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severities.get(code, default)


class SettingsResolver:
    """Finds the settings for each file: ``--config`` for all, none with ``--isolated``, else the
    nearest config file (cached per directory)."""

    def __init__(
        self, base: Registry, overrides: Overrides, config_path: Path | None = None, isolated: bool = False
    ) -> None:
        self.base = base
        self.overrides = overrides
        self.isolated = isolated
        self._by_directory: dict[Path, Settings] = {}
        self._by_source: dict[Path | None, Settings] = {}
        self._fixed: Settings | None = None
        if config_path is not None:
            if not config_path.is_file():
                raise ConfigError(f"{config_path}: 找不到配置文件")
            spec = read_config_file(config_path)
            if spec is None:
                raise ConfigError(f"{config_path}: 没有 [tool.reportlint] 表")
            self._fixed = self._settings(spec, config_path.parent, config_path)
        elif isolated:
            self._fixed = self._settings(ConfigSpec(), Path.cwd(), None)

    def _settings(self, spec: ConfigSpec, root: Path, source: Path | None) -> Settings:
        if source not in self._by_source:
            self._by_source[source] = Settings(self.overrides.apply(spec), root, source, self.base)
        return self._by_source[source]

    def for_path(self, path: Path) -> Settings:
        if self._fixed is not None:
            return self._fixed
        given = path if _is_directory(path) else path.parent
        if given in self._by_directory:
            return self._by_directory[given]
        directory = given.resolve()
        visited: list[Path] = []
        settings = None
        for folder in (directory, *directory.parents):
            settings = self._by_directory.get(folder)
            if settings is not None:
                break
            visited.append(folder)
            found = config_file_in(folder)
            if found is not None:
                settings = self._settings(found[1], folder, found[0])
                break
        if settings is None:
            settings = self._settings(ConfigSpec(), Path.cwd(), None)
        for folder in visited:
            self._by_directory[folder] = settings
        self._by_directory[given] = settings
        return settings


def _is_directory(path: Path) -> bool:
    """``Path.is_dir`` that says no where the answer cannot be had (a name too long, a folder on the way that
    cannot be searched): such a path is a file to read, and reading it says why it fails."""
    try:
        return path.is_dir()
    except OSError:
        return False
