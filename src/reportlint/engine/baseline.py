"""Baselines: accept the findings a draft has today and show only new ones, for .txt and .docx files where a
suppression comment would end up in the signed text.

A baseline is a JSON file listing findings by file and fingerprint. The fingerprint comes from the rule's
code, the flagged text and its nearby context, not the line number, so a finding stays hidden when lines
are added above it and shows again when its text changes. Paths are stored relative to the baseline file's
folder. Writing a baseline records the current findings only, so entries for fixed findings disappear.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from reportlint.findings import Finding
from reportlint.storage.oserrors import reason

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written."""


def _key(finding: Finding, root: Path) -> tuple[str, str]:
    if finding.path == "-":
        return "-", finding.fingerprint
    return Path(os.path.relpath(Path(finding.path).resolve(), root)).as_posix(), finding.fingerprint


def write_baseline(file: Path, findings: list[Finding]) -> None:
    root = file.resolve().parent
    entries = sorted(
        ({"path": _key(f, root)[0], "code": f.code, "fingerprint": f.fingerprint, "text": f.text} for f in findings),
        key=lambda entry: (entry["path"], entry["code"], entry["fingerprint"]),
    )
    data = json.dumps({"version": VERSION, "tool": "reportlint", "findings": entries}, ensure_ascii=False, indent=2)
    try:
        file.write_text(data + "\n", encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"{file}: 无法写入基线文件：{reason(error)}") from None


class Baseline:
    def __init__(self, file: Path) -> None:
        self.root = file.resolve().parent
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            self._counts = Counter((entry["path"], entry["fingerprint"]) for entry in data["findings"])
            if data.get("version") != VERSION:
                raise BaselineError(f"{file}: 不支持的基线文件版本 {data.get('version')!r}")
        except OSError as error:
            raise BaselineError(f"{file}: 无法读取基线文件：{reason(error)}") from None
        except (ValueError, KeyError, TypeError) as error:
            raise BaselineError(f"{file}: 不是 reportlint 的基线文件（{type(error).__name__}：{error}）") from None

    def filter(self, findings: list[Finding]) -> tuple[list[Finding], int]:
        """The findings not in the baseline, and how many were hidden. A fingerprint listed twice hides two
        findings, no more."""
        remaining = Counter(self._counts)
        kept = []
        for finding in findings:
            key = _key(finding, self.root)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(finding)
        return kept, len(findings) - len(kept)
