"""Figures across the drafts linted together (NUM002), through the installed command; the figure rules against
the annotated sample drafts; and their silence on published reports, where every finding is a false alarm."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpora import all_published, government_reports
from helpers import REPO, corpus_members, run_cli, shared_path

from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigSpec, Settings
from reportlint.engine.lint import lint_corpus, lint_document
from reportlint.findings import Severity
from reportlint.readers import read_bytes

#: A report and its speech (our own writing): three figures differ; the last lines are a result in the report
#: and a target in the speech (要), not one statement.
REPORT = """青川经济开发区2024年度工作总结
2024年，开发区新招引签约项目36个，协议总投资312亿元，实际到位资金96.8亿元。
今年以来共学习“第一议题”24次，党工委理论学习中心组共计召开学习会12次。
全年新增市场主体1236户，其中新增企业418户；新建5G基站146个。
青川大道项目，计划总投资5亿元，年产值8亿元；光伏发电项目，计划总投资0.8亿元，利用厂房屋顶开发光伏电站。
全年新开工项目35个，竣工投产项目28个。
"""
SPEECH = """同志们：
2024年，开发区新招引签约项目38个，协议总投资312亿元，实际到位资金96.8亿元。
一年来累计学习“第一议题”24次，党工委理论学习中心组累计召开学习会14次。
全年新增市场主体1236户，其中新增企业418户；新建5G基站146个。
青川大道项目，计划总投资5亿元，年产值8亿元；光伏发电项目，计划总投资1亿元，一期利用厂房屋顶开发光伏电站。
明年要再接再厉，新开工项目40个以上，竣工投产项目30个。
"""
#: The same sentences with another year's figures: not the report's companion, so no finding against it.
LAST_YEAR = """青川经济开发区2023年度工作总结
2023年，开发区新招引签约项目30个，协议总投资280亿元，实际到位资金88亿元。
今年以来共学习“第一议题”22次，党工委理论学习中心组共计召开学习会10次。
全年新增市场主体1100户，其中新增企业390户；新建5G基站120个。
"""


def check_json(*paths: Path, select: str = "NUM002") -> list[dict]:
    result = run_cli("check", "--select", select, "--output-format", "json", "--exit-zero", *map(str, paths))
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def located(finding: dict) -> tuple[str, int, int, str]:
    return Path(finding["filename"]).name, finding["location"]["row"], finding["location"]["column"], finding["text"]


@pytest.fixture
def pair(tmp_path):
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "speech.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "last-year.txt").write_text(LAST_YEAR, encoding="utf-8")
    return tmp_path


def place(name: str, draft: str, line: int, figure: str) -> tuple[str, int, int, str]:
    """Where ``figure`` is on ``line`` of ``draft`` (columns 1-based), found here independently of reportlint."""
    return name, line, draft.splitlines()[line - 1].index(figure) + 1, figure


def test_a_report_and_its_speech_each_get_the_differing_figures_with_the_other_as_related(pair):
    findings = check_json(pair / "report.txt", pair / "speech.txt")
    assert sorted(located(f) for f in findings) == [
        place("report.txt", REPORT, 2, "36个"),
        place("report.txt", REPORT, 3, "12次"),
        place("report.txt", REPORT, 5, "0.8亿元"),
        place("speech.txt", SPEECH, 2, "38个"),
        place("speech.txt", SPEECH, 3, "14次"),
        place("speech.txt", SPEECH, 5, "1亿元"),
    ]
    by_place = {located(f)[:2]: f for f in findings}
    related = by_place["report.txt", 3]["related"]
    assert [(Path(r["filename"]).name, r["location"]["row"], r["location"]["column"]) for r in related] == [
        place("speech.txt", SPEECH, 3, "14次")[:3]
    ]
    assert by_place["report.txt", 3]["message"] == "“12次”与speech.txt第3行“14次”不一致：请核实统一"
    # near copies are errors; the sessions' sentence is reworded (共计/累计, 今年以来共/一年来累计): a warning
    severities = {located(f)[3]: f["severity"] for f in findings if located(f)[0] == "report.txt"}
    assert severities == {"36个": "error", "12次": "warning", "0.8亿元": "error"}


def test_one_draft_alone_and_another_years_report_draw_nothing(pair):
    assert check_json(pair / "report.txt") == []
    assert check_json(pair / "report.txt", pair / "last-year.txt") == []
    # with the speech in the run as well, only the report-speech pair is reported
    findings = check_json(pair / "report.txt", pair / "speech.txt", pair / "last-year.txt")
    assert {located(f)[0] for f in findings} == {"report.txt", "speech.txt"} and len(findings) == 6


# The annotated sample drafts (../shared): 000+001 and 002+004 are a report and its speech ------------------

SEEDS = ("000_09d264db096d62be.txt", "001_c784133d54ff1f49.txt", "002_89f233c04705e724.txt")


def gold_records() -> list[dict]:
    path = shared_path("gold", "seeds.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if r["category"] == "number-inconsistency"]


def overlaps(finding: dict, record: dict) -> bool:
    name, row, column, text = located(finding)
    end = finding["end_location"]["column"] if finding["end_location"]["row"] == row else 10**9
    return (
        name == record["file"]
        and row == record["line"]
        and column < record["col"] + len(record["text"])
        and (record["col"] < end)
    )


def test_gold_defects_are_found_and_passing_checks_are_left_alone():
    records = gold_records()
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    findings = check_json(*seeds, select="NUM")
    defects = [r for r in records if not r.get("ok") and r["severity"] in ("warning", "error")]
    assert len(defects) == 8
    assert [r for r in defects if not any(overlaps(f, r) for f in findings)] == []
    traps = [r for r in records if r.get("ok")]
    assert [(r["file"], r["line"], r["text"]) for r in traps if any(overlaps(f, r) for f in findings)] == []


def test_the_report_and_speech_pair_only_shows_together():
    report, speech = (shared_path("seeds", name) for name in SEEDS[:2])
    findings = check_json(report, speech)
    assert {located(f) for f in findings} == {
        (SEEDS[0], 4, 199, "44次"),
        (SEEDS[0], 4, 384, "15次"),
        (SEEDS[0], 9, 253, "1亿元"),
        (SEEDS[0], 9, 275, "0.3亿元"),
        (SEEDS[1], 5, 199, "38次"),
        (SEEDS[1], 5, 384, "17次"),
        (SEEDS[1], 10, 334, "2亿元"),
        (SEEDS[1], 10, 372, "1亿元"),
    }
    # the sessions are near copies (errors); the projects' sentences are reworded (warnings)
    severities = {located(f)[3]: f["severity"] for f in findings if located(f)[0] == SEEDS[0]}
    assert severities == {"44次": "error", "15次": "error", "1亿元": "warning", "0.3亿元": "warning"}
    assert check_json(report) == [] and check_json(speech) == []
    # another year's report of the same office repeats the sentences with its own figures
    assert check_json(report, shared_path("seeds", SEEDS[2])) == []


# Published reports: every NUM finding of warning or above would be a false alarm ------------------------------


def serious_findings(texts) -> list[tuple[str, str, str]]:
    settings = Settings(ConfigSpec(select=["NUM"]), REPO, None, base_registry())
    documents = [read_bytes(text.encode("utf-8"), f"{name}.txt", "txt") for name, text in texts]
    findings = [f for document in documents for f in lint_document(document, settings)[0]]
    corpus, crashes = lint_corpus(corpus_members(documents, settings))
    assert not crashes
    return [(f.path, f.code, f.text) for f in findings + corpus if f.severity >= Severity.WARNING]


def test_state_council_reports_draw_no_figure_finding():
    assert serious_findings(government_reports()) == []


def test_other_published_texts_draw_no_figure_finding():
    assert serious_findings(all_published()) == []


#: A report and the speech given on it (our own writing) whose speech changed more of the figures it restates
#: than it kept: 18个, 2.6亿元 and 620人次 differ; 46公里 and 1450万元 agree, and 3812万元 is 0.38亿元 rounded.
#: Their titles name one period and one issuer.
TOWN_REPORT = """云岭镇2025年工作总结
全镇新建村级电商服务站18个，带动农产品网络销售额2.6亿元。
新建改造农村公路46公里，完成投资3812万元。
培训高素质农民620人次，发放创业担保贷款1450万元。
"""
TOWN_SPEECH = """在云岭镇2025年度工作总结大会上的讲话
同志们：
过去一年，全镇新建村级电商服务站21个，带动农产品网络销售额2.9亿元。
新建改造农村公路46公里，完成投资0.38亿元。
培训高素质农民680人次，发放创业担保贷款1450万元。
"""
#: The issuer's report on the year before: the same sentences with that year's figures.
TOWN_LAST_YEAR = """云岭镇2024年工作总结
全镇新建村级电商服务站12个，带动农产品网络销售额2.1亿元。
新建改造农村公路46公里，完成投资2950万元。
培训高素质农民540人次，发放创业担保贷款1450万元。
"""
#: The speech under a title that names neither period nor issuer: only the user can pair it.
UNTITLED_SPEECH = TOWN_SPEECH.replace("在云岭镇2025年度工作总结大会上的讲话", "在全镇工作总结大会上的讲话")


@pytest.fixture
def town(tmp_path):
    for name, text in (
        ("report.txt", TOWN_REPORT),
        ("speech.txt", TOWN_SPEECH),
        ("last-year.txt", TOWN_LAST_YEAR),
        ("untitled.txt", UNTITLED_SPEECH),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def town_differences(speech_name: str, speech: str) -> list[tuple[str, int, int, str]]:
    return sorted(
        [
            place("report.txt", TOWN_REPORT, 2, "18个"),
            place("report.txt", TOWN_REPORT, 2, "2.6亿元"),
            place("report.txt", TOWN_REPORT, 4, "620人次"),
            place(speech_name, speech, 3, "21个"),
            place(speech_name, speech, 3, "2.9亿元"),
            place(speech_name, speech, 5, "680人次"),
        ]
    )


def test_a_speech_on_the_report_s_period_and_issuer_is_compared_however_many_figures_it_changed(town):
    findings = check_json(town / "report.txt", town / "speech.txt", town / "last-year.txt")
    assert sorted(located(f) for f in findings) == town_differences("speech.txt", TOWN_SPEECH)


def test_two_years_reports_of_one_issuer_are_not_paired(town):
    assert check_json(town / "report.txt", town / "last-year.txt") == []
    assert check_json(town / "speech.txt", town / "last-year.txt") == []


def test_drafts_the_titles_do_not_pair_are_compared_when_the_user_pairs_them(town):
    assert check_json(town / "report.txt", town / "untitled.txt") == []
    result = run_cli(
        "check", "--select", "NUM002", "-f", "json", "--exit-zero", "--pair", "report.txt:untitled.txt",
        "report.txt", "untitled.txt", "last-year.txt", cwd=town,
    )  # fmt: skip
    assert sorted(located(f) for f in json.loads(result.stdout)) == town_differences("untitled.txt", UNTITLED_SPEECH)


def test_pairs_in_the_config_pair_drafts_and_change_what_the_cache_returns(town):
    cache = ["--cache-dir", str(town / ".cache")]
    assert check_json(town / "report.txt", town / "untitled.txt", *cache) == []
    (town / "reportlint.toml").write_text('pairs = [["report.txt", "untitled*.txt"]]\n', encoding="utf-8")
    findings = check_json(town / "report.txt", town / "untitled.txt", *cache)
    assert sorted(located(f) for f in findings) == town_differences("untitled.txt", UNTITLED_SPEECH)


@pytest.mark.parametrize(
    ("config", "option", "message"),
    [
        ('pairs = [["report.txt", "讲话稿.docx"]]\n', [], "pairs：找不到与“讲话稿.docx”相符的文件"),
        ("", ["--pair", "report.txt:讲话稿.docx"], "--pair：找不到文件“讲话稿.docx”"),
        ("", ["--pair", "report.txt"], "--pair：“report.txt”须写作“文件:文件”"),
    ],
)
def test_a_pair_naming_no_file_is_a_usage_error(town, config, option, message):
    (town / "reportlint.toml").write_text(config, encoding="utf-8")
    result = run_cli("check", "--no-cache", *option, "report.txt", cwd=town)
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert "RL006 " in stderr and message in stderr and "Traceback" not in stderr
