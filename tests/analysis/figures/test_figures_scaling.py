"""The figures analyses in linear time, measured as the ratio of processor time at 2n and n (never against a
clock): long breakdowns in one statement, and the comparison of many similar drafts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers import REPO, corpus_members
from timing import assert_linear

from reportlint.analysis.figures.breakdowns import breakdowns
from reportlint.catalog import base_registry
from reportlint.config.settings import ConfigSpec, Settings
from reportlint.engine.lint import lint_corpus, lint_document
from reportlint.readers import read_bytes

#: Statements with thousands of figures: a long 其中 list, a 其中 before every figure, an exhaustive split
#: (剩余) after every other one. Each whole used to be looked for by going back over the statement.
BREAKDOWNS = {
    "long-list": lambda n: "全年共实施市级重点项目20个，其中" + "、".join(["工业项目12个"] * n) + "。",
    "of-which-each": lambda n: "全年共实施市级重点项目20个，" + "，".join(["其中工业项目12个"] * n) + "。",
    "rest-each": lambda n: "项目13项，" + "，".join(["已完成7项，剩余6项"] * n) + "。",
    "with-measures": lambda n: "已报审3个批次，总面积约402亩，其中" + "、".join(["2个批次约252亩"] * n) + "。",
}


@pytest.mark.parametrize("build", BREAKDOWNS.values(), ids=BREAKDOWNS.keys())
def test_breakdowns_of_a_long_statement_in_linear_time(build: Callable[[int], str]) -> None:
    data = {n: build(n).encode() for n in (5000, 10000)}

    def work(n: int) -> object:
        return read_bytes(data[n], "draft.txt", "txt").analysis(breakdowns)

    assert work(5000)
    assert_linear(work, 5000)


#: Drafts of many like statements: plans restated, lists of changes under 分别, averages, headless counts.
WITHIN = {
    "plans": lambda n: "。".join(["计划新建5G基站320个", "建成5G基站350个的计划"] * n) + "。",
    "listed-changes": lambda n: (
        "发生事故"
        + "、".join(["9起"] * n)
        + "，比上年同期的"
        + "、".join(["12起"] * n)
        + "分别减少"
        + "、".join(["3起"] * n)
        + "。"
    ),
    "averages": lambda n: "，".join(["班子6名成员共调研86次，人均14.3次"] * n) + "。",
    "headless": lambda n: "，".join(["全县有行政村126个", "已通5G的有98个"] * n) + "。",
}


@pytest.mark.parametrize("build", WITHIN.values(), ids=WITHIN.keys())
def test_figures_within_one_draft_in_linear_time(build: Callable[[int], str]) -> None:
    settings = Settings(ConfigSpec(select=["NUM"]), REPO, None, base_registry())
    data = {n: build(n).encode() for n in (2000, 4000)}

    def work(n: int) -> object:
        return lint_document(read_bytes(data[n], "draft.txt", "txt"), settings)

    work(2000)
    assert_linear(work, 2000)


#: A report of our own writing: forty statements with figures, each about one office.
OFFICES = "发改委 财政局 教育局 科技局 工信局 民政局 司法局 人社局 住建局 交通局 水利局 农业局 商务局 文旅局".split()
REPORT = "\n".join(
    f"2024年，{office}共召开专题会议{12 + k}次，开展专项调研{5 + k}次，走访服务企业{30 + k}家。"
    for k, office in enumerate(OFFICES)
)


def _similar_drafts(n: int) -> list[str]:
    """``n`` drafts of one report, each reworded in one place; two of them state one figure differently."""
    drafts = []
    for index in range(n):
        lines = REPORT.splitlines()
        lines[index % len(lines)] += "全年工作扎实推进。"
        if index in (3, 7):
            lines[1] = lines[1].replace("召开专题会议13次", f"召开专题会议{20 + index}次")
        drafts.append("\n".join(lines))
    return drafts


def test_comparing_many_similar_drafts_is_linear_in_their_statements() -> None:
    """NUM002 compares the drafts linted together. 30/60/120/240 similar drafts took 4/15/58/236 s when every
    pair was compared statement by statement; statements are now compared once per class of alike ones."""
    settings = Settings(ConfigSpec(select=["NUM002"]), REPO, None, base_registry())
    members = {
        n: corpus_members(
            [read_bytes(text.encode(), f"d{i}.txt", "txt") for i, text in enumerate(_similar_drafts(n))], settings
        )
        for n in (200, 400)
    }
    findings, crashes = lint_corpus(members[200])
    assert not crashes
    # each changed draft differs from the 198 unchanged ones and from the other changed one: a finding in each
    assert len(findings) == 2 * (198 + 198 + 1)
    assert {f.path for f in findings if "d3.txt第" not in f.message and "d7.txt第" not in f.message} == {
        "d3.txt",
        "d7.txt",
    }
    assert_linear(lambda n: lint_corpus(members[n]), 200)
