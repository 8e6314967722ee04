"""Numerals as written in reports: the exact parser of analysis/numerals.py, checked against cn2an."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest

from reportlint.analysis.figures.numerals import is_arabic, parse_arabic, parse_chinese, spelled_digits

CHINESE = [
    ("三", 3),
    ("十", 10),
    ("十三", 13),
    ("二十", 20),
    ("九十九", 99),
    ("一百零五", 105),
    ("一千零一十", 1010),
    ("三千五百万", 35000000),
    ("三亿五千万", 350000000),
    ("十一万五千", 115000),
    ("一万零二", 10002),
    ("一千万", 10000000),
    ("二百五十万", 2500000),
    ("一万亿", 10**12),
    ("壹佰贰拾叁", 123),
]


@pytest.mark.parametrize(("text", "value"), CHINESE)
def test_chinese_numerals_parse_exactly_and_as_cn2an_does(text, value):
    assert parse_chinese(text) == (Decimal(value), 0)
    assert cn2an.cn2an(text, "strict") == value


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("两千零五", Decimal(2005), 0),  # 两 as a digit, which cn2an's strict mode refuses
        ("两", Decimal(2), 0),
        ("一万二", Decimal(12000), 0),  # the unit of the last digit left out
        ("一百二", Decimal(120), 0),
        ("四十二点三七", Decimal("42.37"), 2),
        ("零点五", Decimal("0.5"), 1),
    ],
)
def test_colloquial_forms_and_decimals(text, value, decimals):
    assert parse_chinese(text) == (value, decimals)


@pytest.mark.parametrize("text", ["五四", "十四五", "一二", "十十", "百十", "二〇二一"])
def test_runs_that_only_look_like_numerals_are_not_parsed(text):
    assert parse_chinese(text) is None


def test_years_written_digit_by_digit():
    assert spelled_digits("二〇二一") == 2021
    assert spelled_digits("二○二四") == 2024
    assert spelled_digits("二十") is None
    assert spelled_digits("三") is None


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("44", Decimal(44), 0),
        ("6.12", Decimal("6.12"), 2),
        ("109.30", Decimal("109.30"), 2),
        ("1,234.5", Decimal("1234.5"), 1),
        ("12,345,678", Decimal(12345678), 0),
        ("１２", Decimal(12), 0),
        ("３．５", Decimal("3.5"), 1),
        # a full-width comma typed as a thousands separator
        ("1，820", Decimal(1820), 0),
        ("３６，５１７，０００", Decimal(36517000), 0),
    ],
)
def test_arabic_numerals_with_separators_decimals_and_full_width_digits(text, value, decimals):
    assert is_arabic(text)
    assert parse_arabic(text) == (value, decimals)


@pytest.mark.parametrize("text", ["98，100，95", "12，34", "1234，567"])
def test_numbers_listed_with_full_width_commas_are_not_one_numeral(text):
    assert not is_arabic(text)
