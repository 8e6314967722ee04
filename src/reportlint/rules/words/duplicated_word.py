"""TYP005 duplicated-word: A word written twice in a row (对标对标, 工作工作, 精神精神)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.words import duplicated_words
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class DuplicatedWord(Rule):
    """Finds a word written twice in a row by mistake: ``对标对标``, ``工作工作``, ``推进推进``, ``精神精神``.

    Why: a doubled word is the commonest slip of drafts written with an input method or pasted together, and
    the eye reads past it; in a signed report it is plainly a mistake.

    Only words of the genre count (a list of report nouns and policy verbs), so two words that meet are left
    alone: 学习习近平, 税收收入, 召开开发区 (one character repeated), 产业创业创新, 交通保通保畅 (the repeat
    straddles two words), 民营企业企业家 (two words sharing a part), PPP项目项目经理 (a
    Latin-lettered compound, then a word that starts with its last word). Legitimate reduplication is left alone
    too: 研究研究, 讨论讨论 (verbs that double to mean "a little"), 常常, 家家户户, 实打实, 一步一步, 看一看.

    The fix deletes one copy. Silence it: allow = ["…"] for a repeat you mean, or ignore = ["TYP005"].
    """

    code = "TYP005"
    name = "duplicated-word"
    severity = Severity.ERROR
    summary = "A word written twice in a row (对标对标, 工作工作, 精神精神)"
    flags = (Case("深入学习贯彻省、市有关会议⟦精神精神⟧，巩固党史学习教育成果", fix="精神"),)
    passes = (
        "大家研究研究，学习习近平总书记讲话，税收收入增长，召开开发区会议。",
        "任命为道路二期工程PPP项目项目常务经理。",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        for repeat in document.analysis(duplicated_words):
            yield Hit(repeat.block, repeat.start, repeat.end, f"“{repeat.word}”重复：删去一个", replacement=repeat.word)
