"""PUN003 doubled-punctuation: Two punctuation marks in a row (，。 ，， 。。 、、)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.analysis.fulltext import full_text
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class DoubledPunctuation(Rule):
    """查找本该只用一个标点处连用了两个：``，。``、``，，``、``。。``、``、、``、
    ``；。``、``？。``。

    为什么要查：这是修改留下的痕迹（删了一个分句、合并了两句）；GB/T 15834-2011
    规定每处停顿只用一个标点。

    不算连用：``……``和``——``（各是占两字的一个标点）；``？``和``！``的连用
    （``？！``、``！？``、``？？``、``！！！``），GB/T 15834-2011 允许用来表示强
    烈的疑问或感叹；三个及以上的``。``（写错的省略号，由 PUN006 报告）。修正只保
    留一个标点：两个相同时保留其一（安全修正），否则保留语气较强的那个（``，。``
    →``。``），请核对。

    忽略方法：删去多余的标点；``ignore = ["PUN003"]``关闭此规则。
    """

    code = "PUN003"
    name = "doubled-punctuation"
    severity = Severity.ERROR
    summary = "两个标点连用（，。 ，， 。。 、、）"
    flags = (Case("祝大家新春愉快、阖家幸福⟦，。⟧", fix="。"),)
    passes = (
        "这是为什么？！大家要思考……",
        "各项工作——扎实推进。",
    )

    #: Found in the whole text at once (no run spans a line break), with the stdlib's re, which is faster on a
    #: plain class (and on ``[…][…]+`` than on ``[…]{2,}``).
    _RUN = re.compile(r"[，、；：。？！][，、；：。？！]+")
    #: Strongest first: the mark a mixed run is reduced to (a question stays a question: ``吗？。`` → ``？``).
    _STRENGTH = "？！。；：，、"

    def check(self, document: Document) -> Iterator[Hit]:
        full = document.analysis(full_text)
        for match in self._RUN.finditer(full.text):
            run = match.group()
            marks = set(run)
            if marks <= {"？", "！"}:
                continue  # emphasis: ？！ ！？ ？？ ！！！
            if marks == {"。"} and len(run) >= 3:
                continue  # an ellipsis written with full stops: PUN006
            same = len(marks) == 1
            keep = run[0] if same else min(marks, key=self._STRENGTH.index)
            block, start = full.locate(match.start())
            yield Hit(
                block,
                start,
                start + len(run),
                f"标点“{run}”连用：只保留“{keep}”",
                replacement=keep,
                safe_fix=same,
            )
