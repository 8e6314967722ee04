"""The figures analyses in linear time, measured as the ratio of processor time at 2n and n (never against a
clock): long breakdowns in one statement, and the comparison of many similar drafts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from timing import assert_linear

from reportlint.analysis.figures.breakdowns import breakdowns
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
