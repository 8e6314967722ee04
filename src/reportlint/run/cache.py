"""The results cache: what linting a file gave (its :class:`~reportlint.run.task.FileReport`), stored under a
key made of the file's bytes, its display path, the settings that apply to it and reportlint's own code, so
that a file left unchanged under an unchanged config is not linted again.

The cache lives in one directory per run (``.reportlint_cache`` beside the project's config file, or in the
working directory; ``cache-dir`` in the config, ``REPORTLINT_CACHE_DIR`` or ``--cache-dir`` move it), with
a subdirectory per version of the code: entries of another version, or of plugins and packs since edited,
are never read, and are removed when a new version first writes. ``reportlint clean`` removes it all.
Entries are pickles: keep the cache directory as private as the project itself.
"""

from __future__ import annotations

import os
import pickle
import shutil
import sys
from dataclasses import replace
from hashlib import blake2b
from pathlib import Path
from typing import TypeVar

from reportlint import __version__
from reportlint.config.settings import Settings
from reportlint.engine.lint import CorpusEntry
from reportlint.packs.loader import shipped_pack_dir
from reportlint.registry import Registry
from reportlint.run.task import FileReport, FileTask
from reportlint.storage.atomic import store

T = TypeVar("T")
_CORPUS = ".corpus"
DEFAULT_DIRECTORY = ".reportlint_cache"
ENVIRONMENT_VARIABLE = "REPORTLINT_CACHE_DIR"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n# A cache directory of reportlint (https://bford.info/cachedir/).\n"
)


class CacheUnavailable(Exception):
    """The cache directory cannot be created or written; the run goes on without it."""


class ResultsCache:
    """File reports by key, in ``directory/<code fingerprint>/``."""

    def __init__(self, directory: Path, registry: Registry) -> None:
        self.root = directory
        self.directory = directory / code_fingerprint(registry)
        self._settings_keys: dict[int, bytes] = {}
        try:
            self._prepare()
        except OSError as error:
            raise CacheUnavailable(f"cannot use the cache directory {directory}: {error.strerror or error}") from None

    def _prepare(self) -> None:
        if self.directory.is_dir():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")
        (self.root / ".gitignore").write_text("# Created by reportlint.\n*\n", encoding="utf-8")
        for stale in self.root.iterdir():  # entries of another version of the code
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
        self.directory.mkdir(exist_ok=True)

    def key(self, data: bytes, task: FileTask, settings: Settings) -> str:
        digest = blake2b(data, digest_size=20)
        digest.update(b"\0" + task.display.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(self._settings_key(settings))
        if settings.per_file_ignores:  # which rules apply depends on the path
            digest.update(",".join(rule.code for rule in settings.rules_for(task.path)).encode())
        return digest.hexdigest()

    @staticmethod
    def corpus_key(file_keys: list[str]) -> str:
        """The key of the corpus rules' outcome over files with these keys, in this order."""
        return "corpus-" + blake2b("\0".join(file_keys).encode(), digest_size=20).hexdigest()

    def get(self, key: str, kind: type[T]) -> T | None:
        """The entry stored under ``key`` if there is one of this kind."""
        try:
            with open(self.directory / key, "rb") as stream:
                entry = pickle.load(stream)
        except Exception:  # missing, or written by a run that was killed: lint the file again
            return None
        return entry if isinstance(entry, kind) else None

    def put(self, key: str, entry: object) -> bool:
        """Store ``entry`` under ``key``; False if it could not be stored."""
        try:
            data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):  # a plugin's summary may not pickle
            return False
        return store(self.directory / key, data)

    def put_report(self, key: str, report: FileReport) -> None:
        """Store a file's report, its corpus entry apart: a run whose corpus outcome is cached never reads it."""
        if report.corpus is not None:
            if not self.put(key + _CORPUS, report.corpus):
                return
            report = replace(report, corpus=None, corpus_in_cache=True)
        self.put(key, report)

    def corpus_entry(self, report: FileReport) -> CorpusEntry | None:
        """The corpus entry of a report read from the cache (None if it is gone)."""
        return self.get(report.cache_key + _CORPUS, CorpusEntry)

    def _settings_key(self, settings: Settings) -> bytes:
        """The effective config: every key of it (command-line options applied), and the packs it loads."""
        found = self._settings_keys.get(id(settings))
        if found is None:
            digest = blake2b(repr(settings.spec).encode("utf-8", "surrogateescape"), digest_size=20)
            for pack in settings.spec.packs:
                try:
                    digest.update((settings.root / pack).read_bytes())
                except OSError:
                    digest.update(b"\0unreadable\0")
            found = self._settings_keys[id(settings)] = digest.digest()
        return found


def code_fingerprint(registry: Registry) -> str:
    """Names the code that produced a cache entry: reportlint's version, Python's, and the size and time of
    change of every module and pack of reportlint and of the plugins whose rules are registered (an
    editable install or an edited plugin invalidates the cache without a version change)."""
    package = Path(__file__).resolve().parents[1]
    files = sorted(package.rglob("*.py")) + sorted(shipped_pack_dir().glob("*.toml"))
    for rule in registry:
        module = sys.modules.get(type(rule).__module__)
        if rule.origin != "builtin" and module is not None and getattr(module, "__file__", None):
            files.append(Path(module.__file__))
    digest = blake2b(f"{__version__}\0{sys.version}".encode(), digest_size=10)
    for file in dict.fromkeys(files):
        try:
            status = file.stat()
        except OSError:
            continue
        digest.update(f"\0{file}\0{status.st_mtime_ns}\0{status.st_size}".encode("utf-8", "surrogateescape"))
    return f"{__version__}-{digest.hexdigest()}"


def cache_directory(option: Path | None, settings: Settings) -> Path:
    """Where the cache lives: ``--cache-dir``, else ``REPORTLINT_CACHE_DIR``, else the ``cache-dir`` of the
    config that governs the working directory (relative to that config), else ``.reportlint_cache`` in that
    config's folder (the working directory without one)."""
    if option is not None:
        return option
    if os.environ.get(ENVIRONMENT_VARIABLE):
        return Path(os.environ[ENVIRONMENT_VARIABLE])
    root = settings.root if settings.source is not None else Path.cwd()
    return root / (settings.spec.cache_dir or DEFAULT_DIRECTORY)


def clean(directory: Path) -> bool:
    """Remove the cache directory; False when there was none. Refuses a folder that is not a cache."""
    if not directory.exists():
        return False
    if not (directory / "CACHEDIR.TAG").is_file():
        raise CacheUnavailable(f"{directory} is not a reportlint cache (no CACHEDIR.TAG): not removed")
    shutil.rmtree(directory)
    return True
