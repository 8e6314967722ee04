"""The wheel ships the rule packs: a non-editable install finds rules/*.toml without the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import REPO


@pytest.mark.slow
def test_wheel_contains_packs_and_installed_copy_finds_them(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("reportlint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    # The web page's assets ship beside its code (reportlint serve reads them from the package).
    assert {f"reportlint/integrations/web/static/{name}" for name in ("index.html", "app.css", "app.js")} <= set(names)
    shipped = sorted(p.name for p in (REPO / "rules").iterdir() if p.is_file())  # the packs and words-allow.txt
    assert shipped and [n for n in names if n.startswith("reportlint/data/packs/")] == [
        f"reportlint/data/packs/{name}" for name in shipped
    ]
    assert {"reportlint/data/typo/words.bin", "reportlint/data/typo/variants.bin"} <= set(names)  # TYP tables

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    probe = (
        "import reportlint.packs.loader as p, reportlint.catalog as c;"
        "print(p.shipped_pack_dir());"
        "print(c.base_registry().get('PH003').origin)"
    )
    # The installed copy first on the path, the dependencies from this environment after it; run from
    # tmp_path so the source tree cannot be picked up.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), *sys.path[1:]])}
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    pack_dir, origin = result.stdout.splitlines()
    assert Path(pack_dir) == target / "reportlint" / "data" / "packs"
    assert Path(origin) == target / "reportlint" / "data" / "packs" / "placeholders.toml"
