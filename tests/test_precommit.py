"""The pre-commit hook, end to end with the real pre-commit tool: a commit of a draft with findings is
refused, a clean one goes through. Slow (pre-commit builds the hook's environment from this repository)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO


def git(*args: str, cwd: Path, check: bool = True, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check, env=env, timeout=600)


@pytest.mark.slow
def test_commit_of_a_draft_with_findings_is_refused(tmp_path):
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if pre_commit is None or not (REPO / ".git").exists():
        pytest.skip("needs the pre-commit tool and a git checkout of reportlint")
    # The hook is installed from the last commit of this checkout.
    rev = git("rev-parse", "HEAD", cwd=REPO).stdout.strip()
    project = tmp_path / "drafts"
    project.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    git("init", "-q", cwd=project, env=env)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {rev}\n    hooks:\n      - id: reportlint\n", encoding="utf-8"
    )
    subprocess.run([pre_commit, "install"], cwd=project, env=env, check=True, capture_output=True, timeout=120)

    (project / "report.txt").write_text("全年完成投资xx亿元。\n", encoding="utf-8")
    (project / "notes.csv").write_text("not,a,draft\n", encoding="utf-8")
    # What the config excludes is not linted although pre-commit names it; nor is a staged Word lock file.
    (project / ".reportlint.toml").write_text('exclude = ["archive/"]\n', encoding="utf-8")
    (project / "archive").mkdir()
    (project / "archive" / "2019.txt").write_text("全年完成投资xx亿元。\n", encoding="utf-8")
    (project / "~$report.docx").write_bytes(b"\x0bzhangsan" + b"\x00" * 153)
    git("add", ".", cwd=project, env=env)
    refused = git("commit", "-q", "-m", "draft", cwd=project, check=False, env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "report.txt:1:7: PH001" in output and "notes.csv" not in output
    assert "archive" not in output and "~$" not in output and "RL001" not in output

    (project / "report.txt").write_text("全年完成投资5.6亿元。\n", encoding="utf-8")
    git("add", ".", cwd=project, env=env)
    accepted = git("commit", "-q", "-m", "draft", cwd=project, check=False, env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git("log", "--oneline", cwd=project, env=env).stdout.count("\n") == 1
