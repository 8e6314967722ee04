"""The command line as users run it: the installed console script, in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers import run_cli

from reportlint import __version__

DRAFT = "关于2024年工作的报告\n全年完成投资xx亿元，xx公司增长*%。\n"


def out(result) -> str:
    return result.stdout.decode("utf-8")


def err(result) -> str:
    return result.stderr.decode("utf-8")


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "report.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "clean.txt").write_text("全年完成投资5.6亿元。\n", encoding="utf-8")
    return tmp_path


def test_text_output_with_source_line_caret_and_summary(drafts):
    result = run_cli("check", "report.txt", cwd=drafts)
    assert result.returncode == 1
    lines = out(result).splitlines()
    assert lines[0] == "report.txt:2:7: PH001 未填写的数字占位符“xx”：请填入实际数字"
    assert lines[2] == "2 | 全年完成投资xx亿元，xx公司增长*%。"
    # Six full-width characters before "xx" take 12 terminal columns.
    assert lines[3] == "  | " + " " * 12 + "^^"
    assert lines[-1] == "发现 3 处问题（错误 2，警告 1，提示 0），共检查 1 个文件。"
    assert "\x1b[" not in out(result)  # no colour when stdout is not a terminal


def test_color_can_be_forced(drafts):
    assert "\x1b[" in out(run_cli("check", "--color", "report.txt", cwd=drafts))


def test_exit_codes(drafts):
    assert run_cli("check", "clean.txt", cwd=drafts).returncode == 0
    assert run_cli("check", "--exit-zero", "report.txt", cwd=drafts).returncode == 0
    # Only the name placeholder (a warning) is left: fail-on error passes, the default (warning) fails.
    assert run_cli("check", "--select", "PH002", "report.txt", cwd=drafts).returncode == 1
    assert run_cli("check", "--select", "PH002", "--fail-on", "error", "report.txt", cwd=drafts).returncode == 0
    assert run_cli("check", "--ignore", "PH001,PH002", "report.txt", cwd=drafts).returncode == 0
    assert run_cli("check", "--output-format", "nope", "report.txt", cwd=drafts).returncode == 2


def test_clean_run_summary(drafts):
    result = run_cli("check", "clean.txt", cwd=drafts)
    assert out(result) == "未发现问题，共检查 1 个文件。\n" and err(result) == ""


def test_summary_says_what_errors_left_unchecked(drafts):
    nothing = run_cli("check", "missing.txt", cwd=drafts)
    assert nothing.returncode == 2
    assert "missing.txt: RL001" in err(nothing)
    assert out(nothing) == "没有检查任何文件：1 个文件因错误未能读取（见错误信息）。\n"
    assert "未发现问题" not in out(nothing)
    partly = run_cli("check", "missing.txt", "clean.txt", cwd=drafts)
    assert partly.returncode == 2
    assert out(partly) == "已检查的 1 个文件中未发现问题；另有 1 个文件因错误未能检查（见错误信息），结果不完整。\n"
    findings = run_cli("check", "missing.txt", "report.txt", cwd=drafts)
    assert out(findings).splitlines()[-1] == (
        "发现 3 处问题（错误 2，警告 1，提示 0），共检查 1 个文件；"
        "另有 1 个文件因错误未能检查（见错误信息），结果不完整。"
    )


def test_concise_quiet_and_statistics(drafts):
    concise = out(run_cli("check", "-f", "concise", "-q", "report.txt", cwd=drafts)).splitlines()
    assert concise == [
        "report.txt:2:7: PH001 未填写的数字占位符“xx”：请填入实际数字",
        "report.txt:2:12: PH002 未填写的名称占位符“xx”：请填入实际名称",
        "report.txt:2:18: PH001 未填写的数字占位符“*”：请填入实际数字",
    ]
    stats = out(run_cli("check", "--statistics", "-q", "report.txt", cwd=drafts)).splitlines()
    assert [line.split() for line in stats] == [
        ["2", "PH001", "error", "figure-placeholder"],
        ["1", "PH002", "warning", "name-placeholder"],
    ]


def test_json_output_schema(drafts):
    result = run_cli("check", "--output-format", "json", "report.txt", cwd=drafts)
    data = json.loads(out(result))
    assert result.returncode == 1 and len(data) == 3
    first = data[0]
    assert set(first) == {
        "code",
        "name",
        "severity",
        "message",
        "filename",
        "location",
        "end_location",
        "text",
        "fix",
        "url",
        "related",
        "fingerprint",
        "place",
    }
    assert first["code"] == "PH001" and first["name"] == "figure-placeholder" and first["severity"] == "error"
    assert first["filename"] == "report.txt" and first["text"] == "xx"
    assert first["location"] == {"row": 2, "column": 7} and first["end_location"] == {"row": 2, "column": 9}
    assert first["fix"] is None and first["related"] == [] and len(first["fingerprint"]) == 16
    lines = out(run_cli("check", "-f", "json-lines", "report.txt", cwd=drafts)).splitlines()
    assert [json.loads(line) for line in lines] == data


def test_fingerprint_survives_lines_moving(drafts):
    before = json.loads(out(run_cli("check", "-f", "json", "report.txt", cwd=drafts)))
    (drafts / "report.txt").write_text("新插入的一段。\n\n" + DRAFT, encoding="utf-8")
    after = json.loads(out(run_cli("check", "-f", "json", "report.txt", cwd=drafts)))
    assert [f["location"]["row"] for f in after] == [4, 4, 4]
    assert [f["fingerprint"] for f in after] == [f["fingerprint"] for f in before]


def test_sarif_output(drafts):
    data = json.loads(out(run_cli("check", "-f", "sarif", "report.txt", cwd=drafts)))
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert {"PH001", "PH002", "PH003"} <= {rule["id"] for rule in rules}
    result = run["results"][0]
    assert result["ruleId"] == "PH001" and result["level"] == "error"
    assert rules[result["ruleIndex"]]["id"] == "PH001"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 7, "endLine": 2, "endColumn": 9}
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "report.txt"


def test_github_annotations(drafts):
    lines = out(run_cli("check", "-f", "github", "report.txt", cwd=drafts)).splitlines()
    assert lines[0] == (
        "::error file=report.txt,line=2,col=7,endLine=2,endColumn=9,title=reportlint PH001 (figure-placeholder)"
        "::PH001 未填写的数字占位符“xx”：请填入实际数字"
    )
    assert lines[1].startswith("::warning file=report.txt,line=2,col=12,")


def test_stdin_with_filename(drafts):
    result = run_cli("check", "-", "--stdin-filename", "draft.md", "-f", "concise", cwd=drafts, stdin=DRAFT.encode())
    assert out(result).splitlines()[0] == "draft.md:2:7: PH001 未填写的数字占位符“xx”：请填入实际数字"
    assert run_cli("check", "-", "-q", cwd=drafts, stdin=b"ok\n").returncode == 0


def test_read_errors_exit_2_and_other_files_are_still_linted(drafts):
    (drafts / "broken.txt").write_bytes(b"abc\x80\xffdef")
    (drafts / "binary.txt").write_bytes(b"\x00\x01\x02")
    result = run_cli("check", "-f", "concise", ".", "missing.txt", cwd=drafts)
    assert result.returncode == 2
    assert "report.txt:2:7: PH001" in out(result)
    stderr = err(result)
    assert "broken.txt: RL001 无法读取：既不是 UTF-8 也不是 GB18030 编码" in stderr
    assert "binary.txt: RL001 无法读取：二进制文件" in stderr
    assert "missing.txt: RL001 无法读取：文件或目录不存在" in stderr
    assert "Traceback" not in stderr


def test_forced_encoding(drafts):
    (drafts / "gbk.txt").write_bytes(DRAFT.encode("gbk"))
    assert run_cli("check", "-q", "gbk.txt", cwd=drafts).returncode == 1
    result = run_cli("check", "--encoding", "utf-8", "gbk.txt", cwd=drafts)
    assert result.returncode == 2 and "gbk.txt: RL001 无法读取：不是有效的 utf-8 文本" in err(result)


def test_config_errors_are_reported_without_traceback(drafts):
    (drafts / "reportlint.toml").write_text('select = ["PH"]\nunknown-key = 1\n', encoding="utf-8")
    result = run_cli("check", "report.txt", cwd=drafts)
    assert result.returncode == 2 and "Traceback" not in err(result)
    assert "reportlint：错误：RL006 " in err(result) and "reportlint.toml: unknown-key: 未知的配置项" in err(result)
    (drafts / "reportlint.toml").write_text('select = ["NOPE"]\n', encoding="utf-8")
    result = run_cli("check", "report.txt", cwd=drafts)
    assert result.returncode == 2 and "RL006 " in err(result) and "未知的规则代码、前缀或名称：“NOPE”" in err(result)
    (drafts / "reportlint.toml").write_text('select = 3\nignore = "PH"\n', encoding="utf-8")
    problems = err(run_cli("check", "report.txt", cwd=drafts)).splitlines()
    assert len(problems) >= 2 and all(line.startswith("reportlint：错误：RL006 ") for line in problems)
    result = run_cli("check", "--isolated", "report.txt", cwd=drafts)
    assert result.returncode == 1


def test_config_file_settings_apply(drafts):
    (drafts / "pyproject.toml").write_text(
        '[tool.reportlint]\nignore = ["PH001"]\nfail-on = "error"\n[tool.reportlint.severity]\nPH002 = "info"\n',
        encoding="utf-8",
    )
    result = run_cli("check", "-f", "json", "report.txt", cwd=drafts)
    data = json.loads(out(result))
    assert [(f["code"], f["severity"]) for f in data] == [("PH002", "info")]
    assert result.returncode == 0


def test_directory_walk_skips_tool_directories_and_honours_include_exclude(drafts):
    for hidden in (".git/x.txt", "node_modules/x.txt", "env/x.txt", "drafts/~$lock.docx", "notes.csv"):
        path = drafts / hidden
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DRAFT, encoding="utf-8")
    (drafts / "env" / "pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    (drafts / "drafts" / "kept.md").write_text(DRAFT, encoding="utf-8")
    (drafts / "drafts" / "old.txt").write_text(DRAFT, encoding="utf-8")
    files = {
        json.loads(line)["filename"] for line in out(run_cli("check", "-f", "json-lines", ".", cwd=drafts)).splitlines()
    }
    assert files == {"report.txt", "drafts/kept.md", "drafts/old.txt"}
    (drafts / "reportlint.toml").write_text('exclude = ["drafts/old.txt"]\ninclude = ["*.md"]\n', encoding="utf-8")
    files = {
        json.loads(line)["filename"] for line in out(run_cli("check", "-f", "json-lines", ".", cwd=drafts)).splitlines()
    }
    assert files == {"drafts/kept.md"}


def test_rules_table_and_rule_doc():
    header, *lines = out(run_cli("rules")).splitlines()
    assert header.split() == ["代码", "名称", "级别", "类别", "说明"]
    rows = [line.split()[:4] for line in lines]
    assert ["PH001", "figure-placeholder", "错误", "占位符"] in rows
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    listed = json.loads(out(run_cli("rules", "-f", "json")))
    assert {"PH001", "PH002", "PH003"} <= {row["code"] for row in listed}
    doc = out(run_cli("rule", "PH003"))
    assert doc.startswith("PH003 template-marker\n") and "【待填】" in doc
    assert out(run_cli("rule", "name-placeholder")).startswith("PH002 name-placeholder\n")
    missing = run_cli("rule", "XYZ001")
    assert missing.returncode == 2 and "RL008 没有规则“XYZ001”" in err(missing)


def test_version_from_script_and_module():
    assert out(run_cli("--version")).strip() == f"reportlint {__version__}"
    module = subprocess.run([sys.executable, "-m", "reportlint", "--version"], capture_output=True, timeout=60)
    assert module.stdout.decode().strip() == f"reportlint {__version__}"


@pytest.mark.parametrize("command", [(), ("check",), ("annotate",), ("rules",), ("rule",), ("clean",), ("server",)])
def test_help_is_chinese(command):
    result = run_cli(*command, "--help")
    help_text = out(result)
    assert result.returncode == 0
    assert help_text.startswith("用法：reportlint") and "选项：" in help_text and "显示此帮助并退出。" in help_text
    for english in ("Usage:", "Options:", "Show this message", "[default:", "[required]"):
        assert english not in help_text


def test_usage_errors_are_chinese():
    unknown = run_cli("check", "--bogus")
    assert unknown.returncode == 2
    assert err(unknown).splitlines()[-1].startswith("错误：RL006 没有选项 --bogus")
    assert "运行“reportlint check --help”查看帮助。" in err(unknown)
    choice = run_cli("check", "--fail-on", "bad")
    assert err(choice).splitlines()[-1] == "错误：RL006 --fail-on 的值无效：“bad”不是 error, warning, info 之一。"
    assert run_cli("nope").stderr.decode().splitlines()[-1] == "错误：RL006 没有命令 nope。"
