"""Peer tools timed on the same corpus: autocorrect-py (PyPI, Rust inside) and zhlint (npm, Node).

Neither is a dependency of reportlint: each is used when installed and reported as missing otherwise. Each
peer lints every ``*.txt`` file of a directory in one process and reports how many findings it printed.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

# Lints every .txt file of the directory argv[1] in one process; prints the number of lines autocorrect would change
# (autocorrect reports one result per changed line, not per defect).
AUTOCORRECT_RUNNER = """
import pathlib, sys, autocorrect_py
paths = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
print(sum(len(autocorrect_py.lint_for(path.read_text(encoding="utf-8"), path.name).lines) for path in paths))
"""

ZHLINT_FINDING = re.compile(r"^\S+:\d+:\d+ - ", re.MULTILINE)


@dataclass
class Peer:
    """A peer tool: its version (None when it is not installed), how to install it, the command that lints every
    .txt file of a directory (relative to the working directory), and the count of findings in that command's
    standard output and error."""

    name: str
    version: str | None
    install: str
    command: Callable[[str], list[str]]
    findings: Callable[[str, str], int]


def autocorrect() -> Peer:
    """autocorrect-py, when it is importable by this interpreter."""
    try:
        version = metadata.version("autocorrect-py")
    except metadata.PackageNotFoundError:
        version = None
    return Peer(
        "autocorrect-py",
        version,
        f"{Path(sys.executable).name} -m pip install autocorrect-py",
        command=lambda directory: [sys.executable, "-c", AUTOCORRECT_RUNNER, directory],
        findings=lambda stdout, _: int(stdout),
    )


def zhlint(executable: str | None) -> Peer:
    """zhlint, from ``executable`` or the PATH."""
    found = executable or shutil.which("zhlint") or ""
    version = None
    if Path(found).is_file():
        package = Path(found).resolve().parents[1] / "package.json"  # `zhlint --version` fails in zhlint 0.8
        version = json.loads(package.read_text(encoding="utf-8"))["version"] if package.exists() else "?"
    return Peer(
        "zhlint",
        version,
        "npm install --prefix /tmp/zhlint zhlint, then --zhlint /tmp/zhlint/node_modules/.bin/zhlint",
        command=lambda directory: [found, f"{directory}/*.txt"],  # zhlint reads one glob pattern, not a file list
        findings=lambda _, stderr: len(ZHLINT_FINDING.findall(stderr)),
    )
