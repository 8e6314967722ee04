"""TYP006 complement-de: 的 where a complement of degree needs 得 (走的很稳健)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.analysis.fulltext import full_text
from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Document
from reportlint.findings import Severity
from reportlint.rule import Case, Hit, Rule

#: Verbs that take a complement of degree (走得很稳健). Verbs whose "V的" also names a thing (说的, 写的, 做的
#: 事) are left out: 你说的很对 is right.
_COMPLEMENT_VERB = (
    r"(?:发展|进展|开展|推进|推动|落实|完成|建设|执行|贯彻|运行|运转|进行|增长|变化|恢复|成长|前进|实施"
    r"|(?<![骨主树能精饼若才躯枝])干|(?<![未将原后本以近从往外由历向素])来|(?<![通经不超难度越])过"
    r"|走|跑|抓|搞|变|涨|升|跌|降)"
)


_DEGREE = r"(?:很|非常|十分|特别|相当|比较|更加|更为|越来越|格外|极为|极其|尤为)"


#: Manner and result complements; not 多/少/大/重要, which also qualify a noun (他的很多朋友).
_MANNER = (
    r"(?:稳健|扎实有效|扎实|踏实|出色|精彩|顺利|辛苦|到位|充分|及时|圆满|成功|红火|迅速|快速|平稳|稳定|有力|有效"
    r"|深入|细致|认真|不错|突出|艰难|艰苦|漂亮|热闹|清楚|明白|透彻|彻底|主动|积极|有声有色|风生水起|好|稳|实|快"
    r"|慢|紧|细|深|透|准|早|晚|远)"
)


_DE_BEFORE_COMPLEMENT = lazy_regex(rf"{_COMPLEMENT_VERB}(?P<de>的){_DEGREE}{_MANNER}(?=[，。；、！？：,;!?”’）)\n]|$)")

#: Verbs of study and follow-through that the self-criticism of 对照检查材料 and 述职报告 grades with a negated
#: complement (学得不深、悟得不透、抓得不实、整改得不彻底); 学 not as the end of a noun (大学, 化学, 教学).
_STUDY_VERB = r"(?:整改|研究|谋划|领会|理解|掌握|把握|思考|宣传|部署|(?<![大化科数医文美同中小留哲力法史教])学|悟)"

#: A negated complement that ends its clause: 不够, 不到位, 不彻底, 不深, 不实 … (not 不足, 不同, 不少, which
#: also follow a noun: 有的不足).
_NEGATED = (
    r"不(?:够(?:深入|扎实|细致|充分|及时|有力|全面|透彻|到位|彻底|深|透|实|细|严|紧|好|准|快)?"
    r"|到位|彻底|扎实|深入|细致|充分|及时|有力|全面|透彻|深|透|实|细|严|紧|准|好)"
)

_DE_BEFORE_NEGATED = lazy_regex(
    rf"(?:{_COMPLEMENT_VERB}|{_STUDY_VERB})(?P<de>的){_NEGATED}(?=[，。；、！？：,;!?”’）)\n]|$)"
)


#: 的 before a degree adverb or 不, found in one pass over the document (stdlib re: fast on a pattern that starts with
#: a character): only the few blocks that hold one can hold the full pattern.
_DE_DEGREE = re.compile(f"的(?:{_DEGREE}|不)")


class ComplementDe(Rule):
    """查找程度补语前该用“得”却写成“的”：``走的很稳健``、``工作开展的非常扎实``、
    ``经济发展的很快``；否定的补语也一样：``学的不深``、``抓的不实``、``整改的不彻底``、
    ``落实的不够``。

    为什么要查：“得”连接动词和它的补语（走得很稳健）；此处用“的”是校对人员在每份
    稿子里都会圈出的笔误。

    只检查精确度很高的格式：能带这种补语的动词、“的”、程度副词（很/非常/十分
    /特别/越来越……）和结束分句的状态词（稳健/扎实/快/好……）；或动词、“的”和结束
    分句的否定补语（不够/不到位/不彻底/不深/不实……）。不报：他的很多朋友、新的更高
    要求、你说的很对（指“你说的话”）、学的更多一点、有的不够、大学的不足、做的不够
    （“做的”也可指做的事）。

    忽略方法：``ignore = ["TYP006"]``。
    """

    code = "TYP006"
    name = "complement-de"
    severity = Severity.WARNING
    summary = "程度补语前该用“得”却用了“的”（走的很稳健）"
    flags = (
        Case("干得很辛苦、走⟦的⟧很稳健", fix="得"),
        Case("理论学⟦的⟧不深、悟⟦的⟧不透，整改⟦的⟧不彻底，责任落实⟦的⟧不够到位。", fix="得"),
    )
    passes = (
        "他的很多朋友提出了新的更高要求，你说的很对。",
        "有的不够，有的过多；办学的不足，化学的不同；我们做的不够，新建的不少。",
    )

    def check(self, document: Document) -> Iterator[Hit]:
        for block in document.analysis(full_text).matching(_DE_DEGREE):
            for pattern in (_DE_BEFORE_COMPLEMENT, _DE_BEFORE_NEGATED):
                for match in pattern.finditer(block.text):
                    start, end = match.span("de")
                    yield Hit(block, start, end, f"“{match.group()}”：补语前应用“得”", replacement="得")
