"""What start-up skips: parsing unchanged TOML again, and importing importlib.metadata when no plugin can
exist. Both must never change what is read."""

from __future__ import annotations

import sys
import tomllib
import zipfile
from pathlib import Path

from reportlint import catalog
from reportlint.packs.loader import shipped_pack_paths
from reportlint.storage.toml import cache_home, load_toml


def test_parsed_toml_is_kept_and_follows_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pack = tmp_path / "pack.toml"
    pack.write_text('[pack]\nname = "甲"\n', encoding="utf-8")
    assert load_toml(pack) == {"pack": {"name": "甲"}}
    [entry] = list(cache_home().iterdir())
    assert load_toml(pack) == {"pack": {"name": "甲"}}  # from the entry
    pack.write_text('[pack]\nname = "乙乙"\n', encoding="utf-8")
    assert load_toml(pack) == {"pack": {"name": "乙乙"}}
    entry.write_bytes(b"damaged")
    pack.write_text('[pack]\nname = "甲"\n', encoding="utf-8")
    assert load_toml(pack) == {"pack": {"name": "甲"}}


def test_shipped_packs_read_through_the_cache_equal_tomllib(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for path in shipped_pack_paths():
        expected = tomllib.loads(path.read_text(encoding="utf-8"))
        assert load_toml(path) == expected
        assert load_toml(path) == expected


def test_toml_that_marshal_cannot_keep_is_parsed_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dated = tmp_path / "dated.toml"
    dated.write_text("when = 2024-01-01\n", encoding="utf-8")
    assert str(load_toml(dated)["when"]) == "2024-01-01"
    assert str(load_toml(dated)["when"]) == "2024-01-01"


def test_an_unwritable_cache_home_only_costs_parsing(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    pack = tmp_path / "pack.toml"
    pack.write_text("a = 1\n", encoding="utf-8")
    assert load_toml(pack) == {"a": 1}


def test_no_plugin_is_seen_on_a_path_without_one(tmp_path, monkeypatch):
    info = tmp_path / "other-1.0.dist-info"
    info.mkdir()
    (info / "entry_points.txt").write_text("[console_scripts]\nother = other:main\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path), str(tmp_path / "missing")])
    assert not catalog._plugins_may_exist()


def test_a_declared_group_or_a_zip_on_the_path_means_plugins_may_exist(tmp_path, monkeypatch):
    info = tmp_path / "ours-1.0.dist-info"
    info.mkdir()
    (info / "entry_points.txt").write_text("[reportlint.rules]\nours = ours:RULES\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert catalog._plugins_may_exist()
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("x.py", "")
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert catalog._plugins_may_exist()


def test_without_a_home_directory_toml_is_parsed_every_time(tmp_path, monkeypatch):
    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    pack = tmp_path / "pack.toml"
    pack.write_text("a = 1\n", encoding="utf-8")
    assert load_toml(pack) == {"a": 1}
