"""The Neovim snippets of docs/editors.md work in the Neovim at hand (Debian 12 ships 0.7.2, older than
``vim.lsp.start``): the snippet for its version starts the server and shows a finding. Skipped without nvim."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

EDITORS = (REPO / "docs" / "editors.md").read_text(encoding="utf-8")


def _nvim_version(nvim: str) -> tuple[int, int]:
    head = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=30).stdout
    match = re.search(r"NVIM v(\d+)\.(\d+)", head)
    assert match, head
    return int(match[1]), int(match[2])


def _snippet_for(version: tuple[int, int]) -> str:
    """The lua block under the heading line that covers ``version``."""
    blocks = re.findall(r"^(Neovim [^\n]*?):?\n(?:[^\n]*\n)*?```lua\n(.*?)```", EDITORS, re.M | re.S)
    for heading, code in blocks:
        numbers = [tuple(map(int, found)) for found in re.findall(r"(\d+)\.(\d+)", heading.split("(")[0])]
        if "and newer" in heading and version >= numbers[0]:
            return code
        if " to " in heading and numbers[0] <= version <= numbers[1]:
            return code
        if len(numbers) == 1 and version[:2] == numbers[0]:
            return code
    pytest.fail(f"docs/editors.md has no Neovim snippet for {version}")


def test_every_neovim_from_debian_12_on_has_a_snippet():
    for version in [(0, 7), (0, 8), (0, 10), (0, 11), (0, 12)]:
        assert _snippet_for(version)


def test_the_snippet_for_the_installed_neovim_shows_a_finding(tmp_path):
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("nvim is not installed")
    pytest.importorskip("pygls")
    (tmp_path / "init.lua").write_text(_snippet_for(_nvim_version(nvim)), encoding="utf-8")
    (tmp_path / "report.txt").write_text("全年完成投资xx亿元。\n", encoding="utf-8")
    probe = (
        "lua vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100); "
        "local d = vim.diagnostic.get(0); "
        "io.stdout:write('found ' .. #d .. ' ' .. (d[1] and d[1].code or '') .. '\\n'); vim.cmd('qa!')"
    )
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env["XDG_STATE_HOME"] = env["XDG_DATA_HOME"] = str(tmp_path / "state")  # the LSP log goes there
    result = subprocess.run(
        [nvim, "--headless", "-u", str(tmp_path / "init.lua"), "report.txt", "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert "found 1 PH001" in result.stdout + result.stderr, result.stdout + result.stderr
