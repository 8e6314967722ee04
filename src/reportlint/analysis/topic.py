"""What a draft is about: the period it reports on and who issues it, read from its title (or its file name and
first lines), so that a report and the speech given on it can be told from two years' reports of one issuer.

The *period* is the year the title names and what part of it (``2024年工作总结`` and ``2024年度工作总结大会上
的讲话``: all of 2024; ``2025年上半年``, ``2025年第三季度``, ``2025年1-6月``: parts of it), with the round of a
recurring report (``第三次……抽查情况通报``). A date (``2026年1月9日``) is when a speech was given, not what it is
about. The *issuer* is what the title (else the file name) says besides the period and the genre
(``岭南县农业农村局`` in ``岭南县农业农村局2025年度工作总结``, ``全县农业农村系统`` in ``在全县农业农村系统2025年度
工作总结大会上的讲话``): two titles name one issuer when most of the character pairs of the shorter are in the
other (``县农 农业 业农 农村`` here).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Document

#: A title is one short first line; a first line longer than this is already the text.
_TITLE_LENGTH = 60


#: How many lines after the title are read for the period when neither the title nor the file name names it.
_FIRST_LINES = 3


_FIRST_LINES_LENGTH = 200


_FULLWIDTH = str.maketrans("０１２３４５６７８９－", "0123456789-")


#: A year and the part of it (half, quarter, months) a report covers; a year that opens a date is left out.
_PERIOD = lazy_regex(
    r"(?<![0-9])((?:19|20)[0-9]{2})\s*年(?!\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)度?"
    r"(上半年|下半年|前三季度|第?[一二三四1-4]季度|[0-9]{1,2}\s*[-—–~～至到]\s*[0-9]{1,2}\s*月|[0-9]{1,2}\s*月份?)?"
)


#: The round of a recurring report: 第三次……通报, 第二批, 第5期.
_ROUND = lazy_regex(r"第[0-9一二三四五六七八九十百零〇]+(?:次|批|期|轮)")


#: The words of a title that name its genre and its occasion, not its issuer.
_GENRE = lazy_regex(
    r"在|上的|讲话|发言|致辞|讲稿|工作总结|总结|工作报告|报告|述职|汇报|情况|通报|大会|会议|座谈会|工作|年度|关于|的|暨"
    r"|提纲|材料|草稿|初稿|定稿|修改稿|送审稿|征求意见稿|[^\p{Han}]"
)


#: Two issuers are one when at least this many character pairs of them are shared, and this share of the
#: shorter one's pairs.
_ISSUER_PAIRS = 2


_ISSUER_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Topic:
    """What a draft is about: its period (``"2024"``, ``"2025上半年"``, ``"2016第三次"``; "" when unknown) and the
    character pairs of its issuer (empty when unknown)."""

    period: str
    issuer: frozenset[str]

    def same_period(self, other: Topic) -> bool:
        """Whether both drafts name a period and it is the same one."""
        return bool(self.period) and self.period == other.period

    def same_issuer(self, other: Topic) -> bool:
        """Whether both titles name an issuer and most of the shorter one is in the other."""
        if not self.issuer or not other.issuer:
            return False
        common = len(self.issuer & other.issuer)
        return common >= _ISSUER_PAIRS and common >= _ISSUER_SHARE * min(len(self.issuer), len(other.issuer))


def topic(document: Document) -> Topic:
    """The topic of a document (use through ``document.analysis(topic)``)."""
    texts = [block.text.strip() for block in document.blocks[: _FIRST_LINES + 1]]
    texts = [text for text in texts if text]
    title = texts[0] if texts and len(texts[0]) <= _TITLE_LENGTH else ""
    name = PurePath(document.path).stem
    period = _period(title) or _period(name)
    if not period:
        opening = "".join(texts[1:] if title else texts)[:_FIRST_LINES_LENGTH]
        period = _period(opening)
    named = title or name
    return Topic(period, _pairs(_GENRE.sub("", _ROUND.sub("", _PERIOD.sub("", named)))))


def _period(text: str) -> str:
    """The first period ``text`` names (with the round it names), or ""."""
    text = text.translate(_FULLWIDTH)
    match = _PERIOD.search(text)
    if match is None:
        return ""
    part = "".join((match.group(2) or "").split()).replace("第", "")
    rounds = _ROUND.search(text)
    return match.group(1) + part + (rounds.group() if rounds else "")


def _pairs(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))
