"""The results cache: what linting a file gave (its :class:`~reportlint.run.task.FileReport`), stored under a
key made of the file's bytes, its display path, the settings that apply to it and reportlint's own code, so
that a file left unchanged under an unchanged config is not linted again.

Where: by default in the user's cache directory (``$XDG_CACHE_HOME/reportlint/results/<hash of the project
folder>``, else ``~/.cache/...``), outside the drafts; ``--cache-dir``, ``REPORTLINT_CACHE_DIR`` or
``cache-dir`` in the config (which must stay inside the config's project) move it. The cache directory holds
a subdirectory per version of the code, each with a marker file: entries of another version, or of plugins
and packs since edited, are never read, and marked folders of other versions are removed when a new version
first writes. Nothing else is ever removed (``reportlint clean`` included), no symlink is followed out of the
cache directory, and files are created exclusively, never through a symlink.

Entries are JSON (see :mod:`reportlint.run.codec`): reading a planted or damaged entry cannot run code, and
only means linting the file again. The corpus rules' summaries of each file are not cached (they are
recomputed when needed); their outcome over the files linted together is.
"""

from __future__ import annotations

import os
import shutil
import sys
from hashlib import blake2b
from pathlib import Path

from reportlint import __version__
from reportlint.config.settings import Settings
from reportlint.engine.lint import RuleCrash
from reportlint.findings import Finding
from reportlint.packs.loader import shipped_pack_dir
from reportlint.registry import Registry
from reportlint.run import codec
from reportlint.run.task import FileReport, FileTask
from reportlint.storage.atomic import store
from reportlint.storage.files import (
    MAX_TOML_BYTES,
    create_exclusive,
    is_real_directory,
    is_real_file,
    read_regular,
)
from reportlint.storage.oserrors import reason
from reportlint.storage.toml import cache_home

ENVIRONMENT_VARIABLE = "REPORTLINT_CACHE_DIR"
#: The code of every message about the cache directory (a warning in ``check``, an error in ``clean``).
#: In every folder of entries that reportlint made: only folders holding it are ever removed.
MARKER = ".reportlint-entries"
_MARKER_TEXT = b"reportlint results cache entries\n"
_TAG = (
    b"Signature: 8a477f597d28d172789f06886806bc55\n# A cache directory of reportlint (https://bford.info/cachedir/).\n"
)
_GITIGNORE = b"# Created by reportlint.\n*\n"
#: The largest cache entry read (a report holds the file's lines).
MAX_ENTRY_BYTES = 256 * 1024 * 1024


class CacheUnavailable(Exception):
    """The cache directory cannot or must not be used; the run goes on without it."""


class ResultsCache:
    """File reports by key, in ``directory/<code fingerprint>/``."""

    def __init__(self, directory: Path, registry: Registry) -> None:
        self.root = directory
        self.directory = directory / code_fingerprint(registry)
        self._settings_keys: dict[int, bytes] = {}
        try:
            self._prepare()
        except OSError as error:
            raise CacheUnavailable(f"无法使用缓存目录 {directory}：{reason(error)}") from None

    def _prepare(self) -> None:
        if self.root.is_symlink():
            raise CacheUnavailable(f"缓存目录 {self.root} 是符号链接：不使用")
        if is_real_directory(self.directory) and is_real_file(self.directory / MARKER):
            return
        self.root.mkdir(parents=True, exist_ok=True)
        if not is_real_directory(self.root):
            raise CacheUnavailable(f"缓存目录 {self.root} 不是目录：不使用")
        create_exclusive(self.root / "CACHEDIR.TAG", _TAG)
        create_exclusive(self.root / ".gitignore", _GITIGNORE)
        _remove_entries(self.root, keep=self.directory.name)  # entries of another version of the code
        if os.path.lexists(self.directory):  # not ours (no marker), or a symlink: never used
            raise CacheUnavailable(f"{self.directory} 不是 reportlint 创建的：不使用缓存")
        self.directory.mkdir()
        create_exclusive(self.directory / MARKER, _MARKER_TEXT)

    def get_report(self, key: str) -> FileReport | None:
        """The report stored under ``key``, if there is a readable one."""
        return self._get(key, codec.load_report)

    def put_report(self, key: str, report: FileReport) -> None:
        """Store a file's report (its corpus entry is not stored: it is made afresh when needed)."""
        self._put(key, codec.dump_report(report))

    @staticmethod
    def corpus_key(file_keys: list[str]) -> str:
        """The key of the corpus rules' outcome over files with these keys, in this order."""
        return "corpus-" + blake2b("\0".join(file_keys).encode(), digest_size=20).hexdigest()

    def get_outcome(self, key: str) -> tuple[list[Finding], list[RuleCrash]] | None:
        """The corpus rules' findings and crashes stored under ``key``."""
        return self._get(key, codec.load_outcome)

    def put_outcome(self, key: str, outcome: tuple[list[Finding], list[RuleCrash]]) -> None:
        self._put(key, codec.dump_outcome(outcome))

    def _get(self, key, load):
        try:
            return load(read_regular(self.directory / key, MAX_ENTRY_BYTES, follow=False))
        except (OSError, ValueError, TypeError, KeyError):  # missing, damaged or planted: lint again
            return None

    def _put(self, key: str, data: bytes) -> bool:
        return store(self.directory / key, data)

    def key(self, data: bytes, task: FileTask, settings: Settings) -> str:
        digest = blake2b(data, digest_size=20)
        digest.update(b"\0" + task.display.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(self._settings_key(settings))
        if settings.per_file_ignores:  # which rules apply depends on the path
            digest.update(",".join(rule.code for rule in settings.rules_for(task.path)).encode())
        return digest.hexdigest()

    def _settings_key(self, settings: Settings) -> bytes:
        """The effective config: every key of it (command-line options applied), and the packs it loads."""
        found = self._settings_keys.get(id(settings))
        if found is None:
            digest = blake2b(repr(settings.spec).encode("utf-8", "surrogateescape"), digest_size=20)
            for pack in settings.spec.packs:
                try:
                    digest.update(read_regular(settings.root / pack, MAX_TOML_BYTES))
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
        if rule.origin != "builtin" and module is not None and module.__file__:
            files.append(Path(module.__file__))
    digest = blake2b(f"{__version__}\0{sys.version}".encode(), digest_size=10)
    for file in dict.fromkeys(files):
        try:
            status = file.stat()
        except OSError:
            continue
        digest.update(f"\0{file}\0{status.st_mtime_ns}\0{status.st_size}".encode("utf-8", "surrogateescape"))
    return f"{__version__}-{digest.hexdigest()}"


def cache_directory(option: Path | None, settings: Settings) -> Path | None:
    """Where the cache lives: ``--cache-dir``, else ``REPORTLINT_CACHE_DIR``, else the ``cache-dir`` of the
    config that governs the working directory (relative to that config, and inside its folder), else the
    user's cache directory, in a folder named after the project's (the config's folder, or the working
    directory); None when there is no user cache directory."""
    if option is not None:
        return option
    if os.environ.get(ENVIRONMENT_VARIABLE):
        return Path(os.environ[ENVIRONMENT_VARIABLE])
    root = settings.root if settings.source is not None else Path.cwd()
    if settings.source is not None and settings.spec.cache_dir:
        return _confined(settings.root, settings.spec.cache_dir, settings.source)
    home = cache_home()
    if home is None:
        return None
    project = str(root.resolve()).encode("utf-8", "surrogateescape")
    return home / "results" / blake2b(project, digest_size=16).hexdigest()


def _confined(root: Path, value: str, source: Path) -> Path:
    """``cache-dir`` of a config: a folder inside the config's project (symlinks resolved), never the project
    itself: a config in a folder someone else wrote must not point the cache anywhere else."""
    project = root.resolve()
    target = (root / value).resolve()
    if target == project or not target.is_relative_to(project):
        raise CacheUnavailable(
            f"{source} 的 cache-dir “{value}”不在项目目录 {project} 之内（须是其中的子目录）：不使用"
        )
    return target


def clean(directory: Path) -> bool:
    """Remove what reportlint made in the cache directory: the marked folders of entries, and the tag and
    ``.gitignore`` it wrote; the directory itself if nothing else is left. False when there was no cache.
    Refuses a folder that is not a cache, and never follows a symlink."""
    if not os.path.lexists(directory):
        return False
    if directory.is_symlink() or not is_real_directory(directory):
        raise CacheUnavailable(f"{directory} 不是 reportlint 缓存（是符号链接或不是目录）：未删除")
    if not is_real_file(directory / "CACHEDIR.TAG"):
        raise CacheUnavailable(f"{directory} 不是 reportlint 缓存（没有 CACHEDIR.TAG）：未删除")
    _remove_entries(directory)
    if {entry.name for entry in os.scandir(directory)} <= {"CACHEDIR.TAG", ".gitignore"}:
        for name, ours in (("CACHEDIR.TAG", _TAG), (".gitignore", _GITIGNORE)):
            path = directory / name
            if is_real_file(path) and read_regular(path, len(ours) + 1, follow=False) == ours:
                path.unlink()
        try:
            directory.rmdir()
        except OSError:  # a tag or .gitignore that reportlint did not write: kept, and so is the folder
            pass
    return True


def _remove_entries(root: Path, keep: str | None = None) -> None:
    """Remove the folders of entries in ``root`` (each a real folder with a marker), but ``keep``."""
    for entry in os.scandir(root):
        if entry.name != keep and entry.is_dir(follow_symlinks=False) and is_real_file(Path(entry.path) / MARKER):
            shutil.rmtree(entry.path, ignore_errors=True)  # never follows a symlink inside
