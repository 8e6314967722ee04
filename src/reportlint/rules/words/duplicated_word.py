"""TYP005 duplicated-word: A word written twice in a row (对标对标, 工作工作, 精神精神)."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.analysis.words import duplicated_words
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule


class DuplicatedWord(Rule):
    """查找误写两次的词：``对标对标``、``工作工作``、``持续持续推进``、``隐患隐患``、``的的``、``在在``。

    为什么要查：重复的词是用输入法写稿或拼接稿子时最常见的笔误，眼睛很容易滑过；
    出现在签发的报告中则明显是错误。

    算在内的词：报告常用名词和政策动词的词表；词典中的常用双字词；从不重叠的虚
    词（的、在、要、和、把、将……）。分词后两份各自成词才报，所以两个词碰在一起的不报：
    学习习近平、税收收入（一个字重复）、产业创业创新、交通保通保畅（重复部分跨两个词）、
    无产阶级阶级觉悟、民营企业企业家、信访工作工作人员（两个词共用一部分）、
    要要求（要+要求）、和和平共处、的的确确、实实在在、PPP项目项目经理。正当的重叠也
    不报：研究研究、讨论讨论（动词重叠表示“稍微”）、一个一个、一步一步、很多很多、
    逐步逐步、雪白雪白（状态形容词）、常常、家家户户、看一看。

    修正删去重复的一份：词表中的词为安全修正，其余为不安全修正（需 ``--unsafe-fixes``）。
    忽略方法：确有此意的重复用``allow = ["…"]``，或``ignore = ["TYP005"]``。
    """

    code = "TYP005"
    name = "duplicated-word"
    severity = Severity.ERROR
    summary = "同一个词连写两次（对标对标、工作工作、精神精神、的的）"
    flags = (
        Case("深入学习贯彻省、市有关会议⟦精神精神⟧，巩固党史学习教育成果", fix="精神"),
        Case("今年⟦全力全力⟧推进城市更新行动，深入开展⟦调查调查⟧研究。", fix=("全力", "调查")),
        Case("着力解决群众反映强烈⟦的的⟧突出问题，我们⟦将将⟧继续深化改革。", fix=("的", "将")),
    )
    passes = (
        "大家研究研究，学习习近平总书记讲话，税收收入增长，召开开发区会议。",
        "任命为道路二期工程PPP项目项目常务经理。",
        "问题要一个一个解决好，坚持平等互利和和平共处，提高无产阶级阶级觉悟。",
        "我们要要求自己更严，我们的的确确做了大量工作，雪白雪白的墙面。",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        for repeat in document.analysis(duplicated_words):
            yield Hit(
                repeat.block,
                repeat.start,
                repeat.end,
                f"“{repeat.word}”重复：删去一个",
                replacement=repeat.word,
                safe_fix=repeat.listed,
            )
