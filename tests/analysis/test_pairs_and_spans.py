"""The analyses the punctuation rules share: verbatim spans (URLs, e-mail addresses, character references)
and the pairing of quotation marks, book-title marks and brackets."""

from __future__ import annotations

import pytest

from reportlint.analysis.pairs import match_marks
from reportlint.analysis.spans import find_verbatim


def spans(text: str) -> list[str]:
    shield = find_verbatim(text)
    return [text[start:end] for start, end in zip(shield.starts, shield.ends, strict=True)]


def test_verbatim_spans_are_urls_email_addresses_and_character_references():
    text = "详见https://www.example.cn/a?b=1,2，或www.example.cn，来信请寄office@example.cn；&nbsp;&#12288;完。"
    assert spans(text) == [
        "https://www.example.cn/a?b=1,2",
        "www.example.cn",
        "office@example.cn",
        "&nbsp;",
        "&#12288;",
    ]
    shield = find_verbatim(text)
    assert shield.covers(text.index("?")) and not shield.covers(text.index("，"))


@pytest.mark.parametrize("text", ["比例为3:2，时间10:30。", "一般的中文句子。", "A&B公司"])
def test_text_without_urls_has_no_verbatim_span(text):
    assert not find_verbatim(text)


def marks(pairs) -> list[tuple[str, str]]:
    return [(opener.char, closer.char) for opener, closer in pairs]


def test_nested_pairs_match_inside_out_and_widths_of_parentheses_pair():
    found = match_marks("学习《关于〈基层治理〉的意见》，落实“两个‘确立’”（1)要求。")
    assert marks(found.pairs) == [("〈", "〉"), ("《", "》"), ("‘", "’"), ("“", "”"), ("（", ")")]
    assert found.unmatched == ()


def test_a_crossing_pair_leaves_the_inner_opener_unmatched():
    text = "他说“要抓《条例”落实。"
    found = match_marks(text)
    assert marks(found.pairs) == [("“", "”")]
    assert [(mark.char, mark.offset) for mark in found.unmatched] == [("《", text.index("《"))]


def test_unmatched_marks_come_in_text_order():
    text = "》前面（后面“还有"
    assert [mark.char for mark in match_marks(text).unmatched] == ["》", "（", "“"]


@pytest.mark.parametrize(
    "text", ["China’s economy", "1）加强学习；2）强化落实", "a) 第一项，b) 第二项", "二）加强", "举办“’26国际茶博会”"]
)
def test_apostrophes_and_lone_enumerators_are_not_marks(text):
    assert match_marks(text).unmatched == ()


def test_a_closing_single_quote_before_a_year_closes_an_open_one():
    # ‘ open: the ’ closes it, year or not; no ‘ open and not before two digits: a lone mark
    assert marks(match_marks("‘’26’").pairs) == [("‘", "’")]
    assert [mark.char for mark in match_marks("他说’好的").unmatched] == ["’"]
    assert [mark.char for mark in match_marks("增长’2026年").unmatched] == ["’"]


def test_a_lone_closing_parenthesis_after_a_word_is_unmatched():
    assert [mark.char for mark in match_marks("见附件）").unmatched] == ["）"]


def test_marks_in_urls_are_skipped():
    text = "见 https://example.cn/wiki/A_(B) 页面（说明）"
    found = match_marks(text, find_verbatim(text))
    assert marks(found.pairs) == [("（", "）")]
