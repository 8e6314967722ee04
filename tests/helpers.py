"""Shared test helpers (imported as `helpers`: pytest puts tests/ on sys.path). ``../shared/`` (sample
need it skip cleanly where it is absent, as on a user's machine."""

from __future__ import annotations

import os
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


#: The user the permission tests run the command line as when the tests run as root (``nobody``).
UNPRIVILEGED = 65534


def unprivileged_prefix() -> list[str]:
    """The command that runs a program as an unprivileged user: nothing when the tests already run as one;
    as root (permissions stop nobody there), ``setpriv`` or ``runuser`` to uid/gid 65534. Skips when neither
    exists."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv"):
        return ["setpriv", f"--reuid={UNPRIVILEGED}", f"--regid={UNPRIVILEGED}", "--clear-groups"]
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    pytest.skip("running as root, and neither setpriv nor runuser can drop the privileges")


def run_cli_unprivileged(*args: str, cwd: Path, env: dict | None = None):
    """``run_cli`` as an unprivileged user (see :func:`unprivileged_prefix`), without the results cache. Fails
    with a clear message when that user cannot run this environment's Python (a virtual environment in a
    private folder)."""
    prefix = unprivileged_prefix()
    env_overrides = env
    env = {key: value for key, value in os.environ.items() if key != "REPORTLINT_CACHE_DIR"}
    env["HOME"] = env["XDG_CACHE_HOME"] = str(cwd / ".home")
    env.update(env_overrides or {})
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import reportlint"], cwd=cwd, capture_output=True, timeout=60, env=env
    )
    assert probe.returncode == 0, (
        f"the unprivileged user cannot import reportlint with {sys.executable}: make the virtual environment "
        f"and the checkout readable to all ({probe.stderr.decode(errors='replace')[-300:]})"
    )
    return subprocess.run([*prefix, *reportlint_command(), *args], cwd=cwd, capture_output=True, timeout=120, env=env)
