"""Unfilled placeholders: runs of ``x``/``X``/``×``/``*``/``○``/``□`` or ``某某`` standing where a figure or a
name should be, told apart from look-alikes (``X光``, ``IPO``, ``3×4``, ``二○二三年``, bullets) and classified
as a *figure* (``xx亿元``, ``增长*%``, ``第X届``) or a *name* (``xx公司``, ``**党工委``).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlint.analysis.chars import (
    CHINESE_NUMERAL,
    CJK_CONTEXT,
    DIGIT,
    LATIN_LETTER,
    LATIN_OR_DIGIT,
    char_at,
    is_,
)
from reportlint.analysis.fulltext import full_text
from reportlint.analysis.lazy import lazy_regex
from reportlint.document import Block, Document

FIGURE = "figure"
NAME = "name"

#: One run of a single placeholder family. Markdown emphasis never reaches here: the .md reader strips it.
_CANDIDATE = lazy_regex(r"[xXｘＸ]+|×+|[*＊]+|[○〇]+|□+|某{2,}")
#: The characters a candidate is made of: only the few blocks holding one are searched.
_CANDIDATE_CHARS = "xXｘＸ×*＊○〇□某"

#: A lone X that starts an ordinary word.
_X_WORDS = ("光", "射线", "线", "型", "形", "轴", "染色体", "战警")

#: What follows a figure: a unit, a measure word, a magnitude, an approximation or an operator.
_FIGURE_FOLLOWER = lazy_regex(
    r"[%％‰+＋]|[十百千万亿]|大|中?全会|人次|户次|场次|余|多|来|平方|立方|公顷|公里|千瓦|小时|倍"
    r"|[元亩人个项次件名家条篇期场批起宗册户座所台套辆吨米年月日号届轮类部块支位处栋间份种道门点岁层级股笔"
    r"棵株只组队片段幅首本张页课节班天周度]"
)
#: Words that begin with a measure word but name something (xx项目, X个人, X大学): no figure follows.
_NOT_A_UNIT = frozenset(
    "项目 个人 个体 个别 名单 名称 名义 名录 名牌 家庭 家园 家乡 家风 家长 条例 条件 期间 期刊 期待 期货 场所 场地"
    " 场景 场馆 批准 批示 批复 起草 起步 所以 所在 所有 所属 台账 部门 部署 部分 部长 部队 类型 类别 位置 位于 处理"
    " 处室 处置 间隔 份额 种植 种类 种子 道路 门户 门槛 点位 级别 人民 人大 人才 人员 人社 人口 人力 人居 日报 号召"
    " 年度 年轻 月度 度假 本来 本部 本级 本地 本身 组织 组工 班子 队伍 片区 段落 股份 股权 层面 支部 支持 支撑 座谈"
    " 户籍 节点 课题 课程 大学 大厦 大道 大街 大桥 大赛 大会 大地 大数 大酒 大剧 大市 大健 大楼 大队 大力 大众".split()
)

#: Words that, just before a placeholder ending its clause, show that a figure is missing (``增长*。``).
_FIGURE_LEAD = lazy_regex(
    r"(?:增长|下降|增加|减少|完成|实现|达到|达|约|近|超|超过|突破|共|共计|累计|合计|总计|为|占|占比|同比|比"
    r"|总额|总值|产值|增加值|销售|销售额|金额|价款|投资|收入|营收|利润|规模|面积|人数|数量|率)$"
)


@dataclass(frozen=True, slots=True)
class Placeholder:
    block: Block
    start: int
    end: int
    kind: str


def placeholders(document: Document) -> list[Placeholder]:
    """Every placeholder of the document (use through ``document.analysis(placeholders)``)."""
    return [
        Placeholder(block, start, end, kind)
        for block in document.analysis(full_text).holding(_CANDIDATE_CHARS)
        for start, end, kind in find_placeholders(block.text)
    ]


def find_placeholders(text: str) -> list[tuple[int, int, str]]:
    found = []
    indent = len(text) - len(text.lstrip())  # once per text: a slice per candidate would cost the text's length
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        if _is_placeholder(text, start, end, indent):
            found.append((start, end, _kind(text, start, end)))
    return found


def _is_placeholder(text: str, start: int, end: int, indent: int) -> bool:
    run = text[start:end]
    before, after = char_at(text, start - 1), char_at(text, end)
    first = run[0]
    if first == "某":
        return True
    if first in "xXｘＸ":
        # Latin words (IPO, Xbox, max), arithmetic (3x4) and codes (x86) are not placeholders.
        if is_(LATIN_LETTER, before) or is_(LATIN_LETTER, after) or is_(DIGIT, before):
            return False
        if len(run) == 1 and (is_(DIGIT, after) or text.startswith(_X_WORDS, end)):
            return False
        return _in_chinese_context(before, after)
    if first == "×":
        # 3×4, 2×60万千瓦, 280毫米×135毫米, 1200mm×1000mm: a multiplication sign.
        return not (is_(LATIN_OR_DIGIT, before) or is_(LATIN_OR_DIGIT, after)) and _in_chinese_context(before, after)
    if first in "*＊":
        if is_(LATIN_OR_DIGIT, before) or (is_(DIGIT, after) and len(run) == 1):
            return False  # 5*3, footnote marks after words
        return not _is_bullet(text, start, end, indent) and _in_chinese_context(before, after)
    if first in "○〇":
        # 二○二三年: ○ is the digit zero beside other Chinese numerals.
        if is_(CHINESE_NUMERAL, before) or is_(CHINESE_NUMERAL, after):
            return False
        return not _is_bullet(text, start, end, indent) and _in_chinese_context(before, after)
    # □: a check box or bullet when it stands alone before a space
    return not _is_bullet(text, start, end, indent) and _in_chinese_context(before, after)


def _in_chinese_context(before: str, after: str) -> bool:
    return not before or not after or is_(CJK_CONTEXT, before) or is_(CJK_CONTEXT, after)


def _is_bullet(text: str, start: int, end: int, indent: int) -> bool:
    """A single mark at the start of a paragraph (after its ``indent`` of whitespace), or followed by a space,
    is a bullet or check box."""
    if end - start != 1:
        return False
    return start <= indent or char_at(text, end).isspace()


def _kind(text: str, start: int, end: int) -> str:
    before = char_at(text, start - 1)
    if before and before in "第+＋":
        return FIGURE
    if _FIGURE_FOLLOWER.match(text, end) and text[end : end + 2] not in _NOT_A_UNIT:
        return FIGURE
    after = char_at(text, end)
    if (not after or not is_(CJK_CONTEXT, after) or after in "，。；、：！？”）") and _FIGURE_LEAD.search(
        text, max(0, start - 4), start
    ):
        return FIGURE
    return NAME
