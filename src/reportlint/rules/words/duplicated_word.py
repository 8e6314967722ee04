"""TYP005 duplicated-word: A word written twice in a row (对标对标, 工作工作, 精神精神)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.words import duplicated_words
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class DuplicatedWord(Rule):
    """查找误写两次的词：``对标对标``、``工作工作``、``推进推进``、``精神精神``。

    为什么要查：重复的词是用输入法写稿或拼接稿子时最常见的笔误，眼睛很容易滑过；
    出现在签发的报告中则明显是错误。

    只算本文体的词（报告常用名词和政策动词的词表），所以两个词碰在一起的不报：学
    习习近平、税收收入、召开开发区（一个字重复）、产业创业创新、交通保通保畅（重
    复部分跨两个词）、民营企业企业家（两个词共用一部分）、PPP项目项目经理（拉丁字母
    开头的合成词后接以其末词开头的词）。正当的重叠也不报：研究研究、讨论讨论（动词
    重叠表示“稍微”）、常常、家家户户、实打实、一步一步、看一看。

    修正删去重复的一份。忽略方法：确有此意的重复用``allow = ["…"]``，或
    ``ignore = ["TYP005"]``。
    """

    code = "TYP005"
    name = "duplicated-word"
    severity = Severity.ERROR
    summary = "同一个词连写两次（对标对标、工作工作、精神精神）"
    flags = (Case("深入学习贯彻省、市有关会议⟦精神精神⟧，巩固党史学习教育成果", fix="精神"),)
    passes = (
        "大家研究研究，学习习近平总书记讲话，税收收入增长，召开开发区会议。",
        "任命为道路二期工程PPP项目项目常务经理。",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        for repeat in document.analysis(duplicated_words):
            yield Hit(repeat.block, repeat.start, repeat.end, f"“{repeat.word}”重复：删去一个", replacement=repeat.word)
