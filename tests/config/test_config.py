"""Config: schema errors, discovery (nearest file wins), selection, severities, per-file ignores."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigError, ConfigSpec, Overrides, Settings, SettingsResolver, read_config_file
from reportlint.document import Document, blocks_from_lines
from reportlint.findings import Severity


def settings(**keys) -> Settings:
    return Settings(ConfigSpec(**keys), Path("."), None, base_registry())


def codes(s: Settings, path: Path | None = None) -> list[str]:
    return [rule.code for rule in s.rules_for(path)]


def test_default_selection_is_every_rule_enabled_by_default():
    assert codes(settings()) == [r.code for r in base_registry() if r.enabled_by_default]
    assert {"PH001", "PH002", "PH003"} <= set(codes(settings()))


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ({"select": ["PH001"]}, ["PH001"]),
        ({"select": ["name-placeholder"]}, ["PH002"]),
        ({"select": ["PH"], "ignore": ["template-marker"]}, ["PH001", "PH002"]),
        ({"select": ["PH001"], "extend_select": ["PH003"]}, ["PH001", "PH003"]),
        ({"select": ["ALL"], "ignore": ["PH00"]}, [c for c in codes(settings(select=["ALL"])) if c[:4] != "PH00"]),
    ],
)
def test_selection_by_code_prefix_and_name(keys, expected):
    assert codes(settings(**keys)) == expected


def test_unknown_selector_is_a_config_error():
    with pytest.raises(ConfigError, match="未知的规则代码、前缀或名称：“PH9”"):
        settings(select=["PH9"])


def test_severity_override_and_fail_on():
    s = settings(severity={"PH002": "error"}, fail_on="error")
    assert s.severity_of("PH002", Severity.WARNING) is Severity.ERROR
    assert s.severity_of("PH001", Severity.ERROR) is Severity.ERROR
    assert s.fail_on is Severity.ERROR


def test_per_file_ignores(tmp_path):
    s = Settings(
        ConfigSpec(per_file_ignores={"archive/*.txt": ["PH"], "*.md": ["PH002"]}), tmp_path, None, base_registry()
    )
    assert "PH001" not in codes(s, tmp_path / "archive" / "old.txt")
    assert "PH001" in codes(s, tmp_path / "new.txt")
    assert codes(s, tmp_path / "docs" / "a.md").count("PH002") == 0


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_key_is_named(tmp_path):
    config = write(tmp_path / "reportlint.toml", 'select = ["PH"]\nfail_on = "error"\nbogus = 1\n')
    with pytest.raises(ConfigError) as error:
        read_config_file(config)
    message = str(error.value)
    assert f"{config}: fail_on: 未知的配置项" in message and f"{config}: bogus: 未知的配置项" in message


def test_wrong_type_is_named_with_its_table(tmp_path):
    config = write(tmp_path / "pyproject.toml", '[tool.reportlint]\nfail-on = "fatal"\n')
    with pytest.raises(ConfigError, match=r"tool\.reportlint\.fail-on: 应为 'error', 'warning' 或 'info' 之一"):
        read_config_file(config)


def test_pyproject_without_table_is_not_a_config(tmp_path):
    assert read_config_file(write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')) is None


def test_nearest_config_wins_and_priority_within_a_directory(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.reportlint]\nselect = ["PH001"]\n')
    write(tmp_path / "sub" / "reportlint.toml", 'select = ["PH002"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[tool.reportlint]\nselect = ["PH003"]\n')
    write(tmp_path / "other" / "pyproject.toml", '[project]\nname = "no table here"\n')
    write(tmp_path / "sub" / "deeper" / "x.txt", "x")
    resolver = SettingsResolver(base_registry(), Overrides())
    assert codes(resolver.for_path(tmp_path / "a.txt")) == ["PH001"]
    assert codes(resolver.for_path(tmp_path / "sub" / "deeper" / "x.txt")) == ["PH002"]
    assert codes(resolver.for_path(tmp_path / "other" / "b.txt")) == ["PH001"]
    write(tmp_path / "sub" / ".reportlint.toml", 'select = ["PH003"]\n')
    assert codes(SettingsResolver(base_registry(), Overrides()).for_path(tmp_path / "sub" / "c.txt")) == ["PH003"]


def test_explicit_config_isolated_and_overrides(tmp_path):
    write(tmp_path / "reportlint.toml", 'select = ["PH001"]\n')
    other = write(tmp_path / "elsewhere" / "custom.toml", 'select = ["PH002"]\n')
    explicit = SettingsResolver(base_registry(), Overrides(), config_path=other)
    assert codes(explicit.for_path(tmp_path / "a.txt")) == ["PH002"]
    isolated = SettingsResolver(base_registry(), Overrides(), isolated=True)
    assert "PH003" in codes(isolated.for_path(tmp_path / "a.txt"))
    overridden = SettingsResolver(base_registry(), Overrides(select=["PH003"], ignore=["PH001"]))
    assert codes(overridden.for_path(tmp_path / "a.txt")) == ["PH003"]
    with pytest.raises(ConfigError, match="找不到配置文件"):
        SettingsResolver(base_registry(), Overrides(), config_path=tmp_path / "missing.toml")


def test_extra_packs_are_relative_to_the_config_file(tmp_path):
    write(
        tmp_path / "packs" / "mine.toml",
        '[pack]\nname = "mine"\n[[extend]]\nextends = "PH003"\n[[extend.entries]]\nmatch = "（附图）"\n',
    )
    write(tmp_path / "reportlint.toml", 'packs = ["packs/mine.toml"]\n')
    resolver = SettingsResolver(base_registry(), Overrides())
    s = resolver.for_path(tmp_path / "a.txt")
    document = Document("d.txt", "txt", blocks_from_lines(["见下图（附图）。"]), ["见下图（附图）。"])
    assert [h.start for h in s.registry.get("PH003").check(document)] == [3]
    assert list(base_registry().get("PH003").check(document)) == []
    write(tmp_path / "reportlint.toml", 'packs = ["packs/missing.toml"]\n')
    with pytest.raises(ConfigError, match="missing.toml: 无法读取"):
        SettingsResolver(base_registry(), Overrides()).for_path(tmp_path / "a.txt")


def test_pairs_are_globs_relative_to_the_config_file_and_each_must_match_a_file(tmp_path):
    report = write(tmp_path / "drafts" / "2025年工作总结.txt", "报告")
    speech = write(tmp_path / "drafts" / "年度总结会讲话.txt", "讲话")
    write(tmp_path / "reportlint.toml", 'pairs = [["drafts/2025年工作总结.txt", "drafts/*讲话.txt"]]\n')
    s = SettingsResolver(base_registry(), Overrides()).for_path(report)
    assert s.pairs == [(frozenset({report.resolve()}), frozenset({speech.resolve()}))]
    write(tmp_path / "reportlint.toml", 'pairs = [["drafts/2025年工作总结.txt", "讲话稿.docx"]]\n')
    with pytest.raises(ConfigError, match="pairs：找不到与“讲话稿.docx”相符的文件"):
        SettingsResolver(base_registry(), Overrides()).for_path(report)
    write(tmp_path / "reportlint.toml", 'pairs = [["drafts/2025年工作总结.txt"]]\n')
    with pytest.raises(ConfigError, match="pairs：每组至少要列出两个文件"):
        SettingsResolver(base_registry(), Overrides()).for_path(report)


def test_pairs_given_on_the_command_line_join_the_config_s(tmp_path):
    first, second, third = (write(tmp_path / name, "稿") for name in ("a.txt", "b.txt", "c.txt"))
    write(tmp_path / "reportlint.toml", 'pairs = [["a.txt", "b.txt"]]\n')
    s = SettingsResolver(base_registry(), Overrides(pairs=[[str(first), str(third)]])).for_path(first)
    assert s.pairs == [
        (frozenset({first.resolve()}), frozenset({second.resolve()})),
        (frozenset({first.resolve()}), frozenset({third.resolve()})),
    ]
