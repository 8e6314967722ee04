"""--write-baseline / --baseline: accepted findings stay hidden when lines move, and show again when their
text changes; rewriting prunes what was fixed."""

from __future__ import annotations

import json

from helpers import run_cli

DRAFT = "标题\n完成投资xx亿元，全年增长速度达到*%。\n与xx公司签约。\n"


def findings(workspace, *args):
    result = run_cli("check", "-f", "json", *args, "draft.txt", cwd=workspace)
    return result, [(f["location"]["row"], f["text"]) for f in json.loads(result.stdout)]


def test_baseline_hides_accepted_findings_across_moved_lines_only(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    written = run_cli("check", "--write-baseline", "baseline.json", "draft.txt", cwd=tmp_path)
    assert written.returncode == 0 and "已将 3 处问题写入基线 baseline.json" in written.stderr.decode()
    entries = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert sorted((e["path"], e["code"], e["text"]) for e in entries) == [
        ("draft.txt", "PH001", "*"),
        ("draft.txt", "PH001", "xx"),
        ("draft.txt", "PH002", "xx"),
    ]

    result, found = findings(tmp_path, "--baseline", "baseline.json")
    assert found == [] and result.returncode == 0

    draft.write_text("新增的一段。\n\n" + DRAFT, encoding="utf-8")  # lines move down
    result, found = findings(tmp_path, "--baseline", "baseline.json")
    assert found == [] and result.returncode == 0

    draft.write_text("新增的一段。\n\n" + DRAFT.replace("达到*%", "达到**%"), encoding="utf-8")  # text changes
    result, found = findings(tmp_path, "--baseline", "baseline.json")
    assert found == [(4, "**")] and result.returncode == 1


def test_baseline_entries_belong_to_their_file(tmp_path):
    (tmp_path / "draft.txt").write_text(DRAFT + "新问题XX个。\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text(DRAFT, encoding="utf-8")
    run_cli("check", "--write-baseline", "baseline.json", "other.txt", cwd=tmp_path)
    result = run_cli("check", "-f", "concise", "--baseline", "baseline.json", "draft.txt", "other.txt", cwd=tmp_path)
    # the same three findings are accepted in other.txt only
    assert result.stdout.decode().count("draft.txt:") == 4
    assert result.stdout.decode().count("other.txt:") == 0


def test_rewriting_prunes_fixed_findings_and_duplicates_are_counted(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("完成xx亿元。\n完成xx亿元。\n", encoding="utf-8")
    run_cli("check", "--write-baseline", "b.json", "draft.txt", cwd=tmp_path)
    assert len(json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]) == 2
    draft.write_text("完成xx亿元。\n完成xx亿元。\n完成xx亿元。\n", encoding="utf-8")
    _, found = findings(tmp_path, "--baseline", "b.json")
    assert len(found) == 1  # two identical findings accepted, the third is new
    draft.write_text("完成5亿元。\n完成xx亿元。\n", encoding="utf-8")
    run_cli("check", "--write-baseline", "b.json", "draft.txt", cwd=tmp_path)
    assert len(json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]) == 1


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "draft.txt").write_text(DRAFT, encoding="utf-8")
    run_cli("check", "--write-baseline", "baseline.json", "drafts/draft.txt", cwd=tmp_path)
    result = run_cli("check", "--baseline", "../baseline.json", "draft.txt", cwd=tmp_path / "drafts")
    assert result.returncode == 0 and "基线中的 3 处问题未显示" in result.stdout.decode()


def test_unreadable_baseline_is_an_error(tmp_path):
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    for name, message in (("bad.json", "不是 reportlint 的基线文件"), ("missing.json", "无法读取基线文件")):
        result = run_cli("check", "--baseline", name, "draft.txt", cwd=tmp_path)
        assert result.returncode == 2 and "RL007 " in result.stderr.decode() and message in result.stderr.decode()
