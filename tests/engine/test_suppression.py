"""Suppression comments in Markdown drafts, and RL101 for those that suppress nothing."""

from __future__ import annotations

from helpers import lint_text


def found(text: str, **config) -> list[tuple[int, str]]:
    return [(f.start.line, f.code) for f in lint_text(text, fmt="md", **config)]


def test_disable_next_line_covers_only_the_next_line_and_the_named_rules():
    text = "<!-- reportlint-disable-next-line PH001 -->\n完成xx亿元，xx公司。\n\n完成xx亿元。\n"
    assert found(text) == [(2, "PH002"), (4, "PH001")]


def test_disable_until_enable_by_prefix_name_and_all():
    text = (
        "<!-- reportlint-disable PH -->\n完成xx亿元。\n\n"
        "<!-- reportlint-enable -->\n完成xx亿元。\n\n"
        "<!-- reportlint-disable name-placeholder -->\nxx公司完成xx亿元。\n\n"
        "<!-- reportlint-enable -->\n<!-- reportlint-disable -->\nxx公司【待补充】\n"
    )
    assert found(text) == [(5, "PH001"), (8, "PH001")]


def test_enable_with_codes_reenables_only_those():
    text = (
        "<!-- reportlint-disable PH001,PH002 -->\nxx公司完成xx亿元。\n\n"
        "<!-- reportlint-enable PH002 -->\nxx公司完成xx亿元。\n"
    )
    assert found(text) == [(5, "PH002")]


def test_disable_file_with_and_without_codes():
    assert found("完成xx亿元，xx公司。\n\n<!-- reportlint-disable-file PH002 -->\n") == [(1, "PH001")]
    assert found("<!-- reportlint-disable-file -->\n\n完成xx亿元，xx公司。\n") == []


def test_full_width_comma_between_codes():
    assert found("<!-- reportlint-disable-next-line PH001，PH002 -->\n完成xx亿元，xx公司。\n") == []


def test_unused_and_unknown_suppressions_are_reported_and_can_be_ignored():
    text = (
        "<!-- reportlint-disable-next-line PH001 -->\n全年完成投资5.6亿元。\n\n"
        "<!-- reportlint-disable NOPE9 -->\n正文。\n"
    )
    findings = lint_text(text, fmt="md")
    assert [(f.code, f.start.line, f.start.column, f.text) for f in findings] == [
        ("RL101", 1, 1, "<!-- reportlint-disable-next-line PH001 -->"),
        ("RL101", 4, 1, "<!-- reportlint-disable NOPE9 -->"),
    ]
    assert findings[0].message == "抑制注释没有抑制任何问题：请删除"
    assert findings[1].message == "抑制注释中的规则“NOPE9”不存在：请改正或删除"
    assert lint_text(text, fmt="md", ignore=["RL101"]) == []


def test_ordinary_comments_and_comments_in_code_are_not_directives():
    text = "<!-- 编者按 -->\n完成xx亿元。\n\n```\n<!-- reportlint-disable-file -->\n```\n"
    assert found(text) == [(2, "PH001")]


def test_plain_text_has_no_suppression_comments():
    findings = lint_text("<!-- reportlint-disable-file -->\n完成xx亿元。\n")
    assert [f.code for f in findings] == ["PH001"]
