"""What a draft is about (analysis.topic): the period and the issuer its title names."""

from __future__ import annotations

import pytest

from reportlint.analysis.topic import topic
from reportlint.readers import read_bytes


def about(text: str, name: str = "draft.txt"):
    return read_bytes(text.encode("utf-8"), name, "txt").analysis(topic)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("岭南县农业农村局2024年工作总结", "在全县农业农村系统2024年度工作总结大会上的讲话"),
        ("2025年上半年工作总结", "在2025年上半年经济运行分析会上的讲话"),
        ("２０２５年第一季度工作情况", "2025年一季度工作情况汇报"),
    ],
)
def test_a_report_and_its_speech_name_one_period(first, second):
    assert about(first + "\n正文。").same_period(about(second + "\n正文。"))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("青禾区商务局2024年工作总结", "青禾区商务局2025年工作总结"),  # two years of one issuer
        ("2025年上半年工作总结", "2025年工作总结"),
        ("2017年第二季度全国政府网站抽查情况通报", "2017年第三季度全国政府网站抽查情况通报"),
        ("2016年第二次全国政府网站抽查情况的通报", "2016年第三次全国政府网站抽查情况的通报"),  # rounds
        ("2025年1-6月工作总结", "2025年1-9月工作总结"),
    ],
)
def test_different_periods(first, second):
    assert not about(first + "\n正文。").same_period(about(second + "\n正文。"))


def test_a_date_is_when_a_speech_was_given_not_what_it_is_about():
    speech = about("在全区商务工作会议上的讲话\n（2026年1月15日）\n同志们：\n今天召开会议，总结2025年商务工作。")
    assert speech.period == "2025"
    assert about("在全区商务工作会议上的讲话\n（2026年1月15日）\n同志们：\n今天召开会议。").period == ""


def test_the_file_name_names_the_period_when_the_title_does_not():
    assert about("工作总结\n今年以来，全区……", "青禾区商务局2025年工作总结.txt").period == "2025"


def test_a_long_first_line_is_text_not_a_title():
    text = "2025年，" + "全区商贸流通提质增效，" * 8 + "成绩显著。\n第二段。"
    assert about(text).period == "2025"  # from the first lines
    assert not about(text).issuer


def test_one_issuer_in_other_words_and_different_issuers():
    report = about("岭南县农业农村局2025年度工作总结\n正文。")
    assert report.same_issuer(about("在全县农业农村系统2025年度工作总结大会上的讲话\n正文。"))
    assert report.same_issuer(about("岭南县农业农村局2024年度工作总结\n正文。"))
    assert not report.same_issuer(about("白沙镇2025年工作总结\n正文。"))
    assert not report.same_issuer(about("县交通运输局2025年度工作总结\n正文。"))  # only 县 and the genre in common
    assert not report.same_issuer(about("2025年度工作总结\n正文。"))  # no issuer named
