"""`python -m reportlint` in a folder someone else wrote does not import a "plugin" (or any module) from it."""

from __future__ import annotations

import subprocess
import sys


def test_python_m_does_not_import_from_the_working_directory(tmp_path):
    (tmp_path / "evil.py").write_text(
        "from pathlib import Path\nPath(__file__).with_name('pwned').write_text('x')\nRULES = ()\n", encoding="utf-8"
    )
    info = tmp_path / "evil-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[reportlint.rules]\nevil = evil:RULES\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("里程牌。\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reportlint", "check", "a.txt"], cwd=tmp_path, capture_output=True, timeout=120
    )
    assert result.returncode == 1 and b"TYP001" in result.stdout, result.stderr.decode()
    assert not (tmp_path / "pwned").exists()
