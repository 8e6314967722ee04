"""Which files a run lints: explicit files as given, directories walked for the included patterns."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from reportlint.config.settings import Settings, matches_glob

#: Never walked into: version control, dependency and tool caches, virtual environments.
SKIPPED_DIRECTORIES = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".bzr",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".reportlint_cache",
        "site-packages",
    }
)


def _skip_directory(directory: Path, settings: Settings) -> bool:
    return (
        directory.name in SKIPPED_DIRECTORIES
        or _is_virtual_environment(directory)
        or matches_glob(directory, settings.root, settings.exclude)
    )


def _is_virtual_environment(directory: Path) -> bool:
    try:
        return (directory / "pyvenv.cfg").is_file()
    except OSError:  # a folder that cannot be searched: walked, and each of its files reported unreadable
        return False


def walk(directory: Path, settings: Settings, on_error: Callable[[OSError], None] | None = None) -> Iterator[Path]:
    """Included files under ``directory`` in a stable order. Symbolic links to directories are not
    followed (no loops); Word's lock files (``~$draft.docx``) are skipped. A directory that cannot be listed
    is passed to ``on_error`` (its files would otherwise be left out without a word)."""
    for root, directories, files in os.walk(directory, onerror=on_error):
        base = Path(root)
        directories[:] = sorted(d for d in directories if not _skip_directory(base / d, settings))
        for name in sorted(files):
            path = base / name
            if settings.includes(path):
                yield path
