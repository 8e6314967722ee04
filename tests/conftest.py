"""Every test gets a results cache of its own (the CLI's default is the user's cache folder, shared by every
test run in the same working directory)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_results_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path_factory.mktemp("reportlint-cache")))
