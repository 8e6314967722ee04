"""Shared test helpers (imported as `helpers`: pytest puts tests/ on sys.path). ``../shared/`` (sample
need it skip cleanly where it is absent, as on a user's machine."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigSpec, Settings
from reportlint.engine.lint import CorpusMember, lint_document, summarize
from reportlint.readers import read_bytes

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared/ is only beside the CI checkout)")
    return path


def lint_text(text: str, fmt: str = "txt", **config):
    """Findings for ``text`` under default settings (``config`` overrides ConfigSpec keys)."""
    document = read_bytes(text.encode("utf-8"), f"draft.{fmt}", fmt)
    settings = Settings(ConfigSpec(**config), REPO, None, base_registry())
    findings, crashes = lint_document(document, settings)
    assert not crashes
    return findings


def reportlint_command() -> list[str]:
    """The installed console script (tests exercise what users run)."""
    script = shutil.which("reportlint", path=str(Path(sys.executable).parent))
    assert script, "the reportlint console script is not installed in this environment"
    return [script]


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env=None):
    return subprocess.run(
        [*reportlint_command(), *args], cwd=cwd, input=stdin, capture_output=True, timeout=120, env=env
    )


def corpus_members(documents, settings: Settings) -> list[CorpusMember]:
    """The documents as members of one run for the corpus rules (each already linted, or needing no lint)."""
    members = []
    for document in documents:
        entry, crashes = summarize(document, settings, None)
        assert not crashes, crashes
        members.append(CorpusMember(entry, settings, None))
    return members
