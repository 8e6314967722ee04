"""The README stays true: its config example is a valid config, and its rule table lists every rule."""

from __future__ import annotations

import re
import tomllib

from helpers import REPO

from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigSpec, Settings
from reportlint.storage.schema import validate

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_config_example_and_the_pack_example_of_docs_packs_md_are_valid(tmp_path):
    block = re.search(r"```toml\n(\[tool\.reportlint\]\n.*?)```", README, re.S).group(1)
    table = tomllib.loads(block)["tool"]["reportlint"]
    spec = validate(ConfigSpec, table, "README.md", prefix=("tool", "reportlint"))
    pack_docs = (REPO / "docs" / "packs.md").read_text(encoding="utf-8")
    pack = re.search(r"## Shape\n\n```toml\n(.*?)```", pack_docs, re.S).group(1)
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "our-terms.toml").write_text(pack, encoding="utf-8")
    for name in ("2025年工作总结.docx", "年度总结会讲话（定稿）.docx"):  # the drafts the example pairs
        (tmp_path / name).write_bytes(b"")
    settings = Settings(spec, tmp_path, None, base_registry())
    assert [rule.code for rule in settings.rules] == ["PH001", "PH002", "PH003"]  # select is explicit
    assert [[sorted(path.name for path in side) for side in pair] for pair in settings.pairs] == [
        [["2025年工作总结.docx"], ["年度总结会讲话（定稿）.docx"]]
    ]
    assert settings.registry.get("office-term").code == "ORG001"


def test_rule_table_lists_every_builtin_and_shipped_rule():
    rows = dict(re.findall(r"^\| `([A-Z]+\d{3})` \| `([a-z-]+)` \|", README, re.M))
    assert rows == {rule.code: rule.name for rule in base_registry()}


def test_the_pre_commit_example_names_no_tag_that_was_never_made():
    """`rev: v0.1.0` sent users to a tag that does not exist; the example names a commit and autoupdate."""
    revs = re.findall(r"^\s*rev:\s*(\S+)", README, re.M)
    assert revs and all(re.fullmatch(r"[0-9a-f]{40}", rev) for rev in revs)
    assert "pre-commit autoupdate" in README


def test_the_hook_honours_exclude_for_the_files_pre_commit_names():
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^\s*entry: reportlint check --force-exclude$", hooks, re.M)


def test_the_chinese_readme_is_linked_has_the_two_commands_and_a_valid_config():
    chinese = (REPO / "README.zh-CN.md").read_text(encoding="utf-8")
    assert "(README.zh-CN.md)" in README
    commands = re.findall(r"```sh\n(pip install [^\n]*)\n```", README)
    assert commands == ["pip install . && reportlint check examples/", "pip install '.[test]' && pytest"]
    assert re.findall(r"```sh\n(pip install [^\n]*)\n```", chinese) == commands
    block = re.search(r"```toml\n(.*?)```", chinese, re.S).group(1)
    validate(ConfigSpec, tomllib.loads(block), "README.zh-CN.md")
