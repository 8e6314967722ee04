"""PUN005 range-dash: A range written with a hyphen or ~ (2021-2023年 → 2021—2023年, 3~5年 → 3～5年)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from reportlint.analysis.chars import LATIN_OR_DIGIT, char_at, is_
from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.spans import prose_matches
from reportlint.document import Block, Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class RangeDash(Rule):
    """查找用连字符或 ASCII 波浪号表示的范围：``2021-2023年``、``2021年-2023年``、
    ``3-5年``、``3~5年``、``10%~20%``。

    为什么要查：GB/T 15834-2011（4.13）规定，时间段的起止用一字线``—``连接
    （``2021—2023年``、``1—11月``），数值范围用浪纹线``～``连接（``3～5年``、
    ``10%～20%``）；连字符``-``用于连接代码和日期的各部分（``2021-03-05``）。

    只在以下情形把连字符算作范围：两个递增的数字（后一个更大）之后跟着单位
    （``年``、``月``、``个``、``万元``、``%``……），两个年份之间，或两个用``年``、
    ``月``、``日``写的日期之间（``3月20日-4月5日``）。不报的情形：日期
    （``2021-03-05``）、电话号码（``0571-8888888``）、代码和标准编号
    （``GB/T 15834-2011``、``COVID-19``、``ISO 9001-2015``）、图表编号
    （``图1-2``、``附件1-2``）、时刻（``9:00-17:00``）、网址。修正时，年、月、日
    用``—``，其他数值用``～``。

    忽略方法：改写连接号；``ignore = ["PUN005"]``关闭此规则。
    """

    code = "PUN005"
    name = "range-dash"
    severity = Severity.WARNING
    summary = "用连字符或 ~ 表示范围（2021-2023年 → 2021—2023年，3~5年 → 3～5年）"
    flags = (Case("实施园区三年提升计划（⟦2024-2026⟧年）", fix="2024—2026"),)
    passes = ("于2021-03-05发布，电话0571-8888888，执行GB/T 15834-2011标准，见图1-2。",)

    _NUMBER = r"(?:0|[1-9][0-9]{0,3})(?:\.[0-9]+)?"
    _HYPHEN = lazy_regex(
        rf"(?<![\p{{Latin}}0-9.:：/／\-–_#＃图表件])({_NUMBER})[-–]({_NUMBER})(?![0-9.\-–/\p{{Latin}}])"
    )
    _DATE_HYPHEN = lazy_regex(r"(?<![\p{Latin}0-9.\-–/])([0-9]{1,4}[年月日])[-–]([0-9]{1,4})(?=[年月日])")
    _TILDE = lazy_regex(r"(?<=[0-9０-９%％万亿千百十〇一二三四五六七八九])~(?=[0-9０-９一二三四五六七八九十])")
    _TIME_UNIT = lazy_regex(r"[年月日]")
    _VALUE_UNIT = lazy_regex(
        r"[%％‰℃天周岁个人名家户项次件篇条款章节页期批届轮层所座栋亩吨米倍元万亿千百成级]|小时|分钟|公里|平方|立方|公斤|千克"
    )
    _CODE_BEFORE = lazy_regex(r"[\p{Latin}/][ \u00a0]*$")

    def check(self, document: Document) -> Iterator[Hit]:
        for block, match in prose_matches(document, self._HYPHEN, "-–"):
            dash = self._dash_for(block.text, match)
            if dash:
                yield self._hit(block, match.start(), match.end(), match.group(1) + dash + match.group(2))
        for block, match in prose_matches(document, self._DATE_HYPHEN, "-–"):
            yield self._hit(block, match.start(), match.end(), match.group(1) + "—" + match.group(2))
        for block, match in prose_matches(document, self._TILDE, "~"):
            yield self._hit(block, match.start(), match.end(), "～")

    def _dash_for(self, text: str, match: regex.Match[str]) -> str | None:
        """The dash the range should be written with, or None when the hyphen does not join a range."""
        first, second = float(match.group(1)), float(match.group(2))
        if first >= second or self._CODE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            return None
        end = match.end()
        years = all(group.isdigit() and len(group) == 4 and 1900 <= int(group) <= 2100 for group in match.groups())
        if self._TIME_UNIT.match(text, end):
            return "—" if years or text[end] != "年" else "～"
        if self._VALUE_UNIT.match(text, end):
            return "～"
        if years and not is_(LATIN_OR_DIGIT, char_at(text, end)):
            return "—"
        return None

    @staticmethod
    def _hit(block: Block, start: int, end: int, replacement: str) -> Hit:
        if replacement == "～":
            message = "表示数值范围应用浪纹线“～”，不用半角“~”"
        else:
            dash = "一字线“—”" if "—" in replacement else "浪纹线“～”"
            message = f"表示起止范围应用{dash}：改为“{replacement}”"
        return Hit(block, start, end, message, replacement=replacement)
