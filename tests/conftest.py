"""Every test gets a results cache of its own (the CLI's default is the user's cache folder, shared by every
test run in the same working directory)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_results_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path_factory.mktemp("reportlint-cache")))


@pytest.fixture
def open_folder():
    """A folder the unprivileged user can enter and write (pytest's own ``tmp_path`` is private to root),
    with a home of its own for the parsed-TOML cache."""
    folder = Path(tempfile.mkdtemp(prefix="reportlint-perm-"))
    try:
        folder.chmod(0o777)
        (folder / ".home").mkdir(mode=0o777)
        (folder / ".home").chmod(0o777)
        yield folder
    finally:
        for root, directories, _ in os.walk(folder):  # give back what a test locked, so that it can be removed
            for name in directories:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(folder, ignore_errors=True)
