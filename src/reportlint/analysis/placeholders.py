"""Unfilled placeholders: runs of ``x``/``X``/``×``/``*``/``○``/``□``/``_``, ``某某`` or ``某`` before a title or
unit (``某局长``, ``某局``) standing where a figure or a name should be, and years left open (``20xx年``, ``200X年``,
``20__年``, ``二〇XX年``); told apart from look-alikes (``X光``, ``IPO``, ``3×4``, ``二○二三年``, bullets, ``某些``,
operators and variables of policy names such as ``“1+N+X”``, ``“数据要素×”``, ``“双X”``, and a placeholder quoted
as a specimen: ``“×××人民政府”字样``, ``格式为“XX县XX镇”``) and classified as a *figure* (``xx亿元``, ``增长*%``,
``第X届``, ``__万元``, a year) or a *name* (``xx公司``, ``**党工委``, ``____同志``).
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

#: Titles and government units after a single 某 that make it a name left out (``某局长``, ``某局``), longest
#: first; 某些, 某种, 某一, 某个, 某项, 某方面 are words, and 某企业, 某公司, 某单位, 某县, 某村 (or 某旅 in a
#: published text) are how a notice anonymises on purpose.
_TITLES = sorted(
    (
        "县长 市长 区长 镇长 乡长 村长 局长 科长 处长 股长 所长 站长 部长 厅长 院长 校长 厂长 主任 书记 经理 同志"
        " 局 科 股 办 委 厅 站"
    ).split(),
    key=len,
    reverse=True,
)
#: Words beginning with one of those titles (某科学家, 某区域, 某市场): no placeholder.
_TITLE_WORDS = frozenset("科学 科研 科技 委员 委托 局部 局面 局势 局限 办法 办理 办公 站点 站位".split())

#: One run of a single placeholder family. Markdown emphasis never reaches here: the .md reader strips it.
_CANDIDATE = lazy_regex(r"[xXｘＸ]+|×+|[*＊]+|[○〇]+|□+|[_＿]+|某{2,}|某" + "(?:" + "|".join(_TITLES) + ")")
#: The characters a candidate is made of: only the few blocks holding one are searched.
_CANDIDATE_CHARS = "xXｘＸ×*＊○〇□_＿某"
#: A year left open: digits of a year then marks (``20xx``, ``200X``, ``20**``, ``20__``), or the same in Chinese
#: numerals (``二〇XX``), before 年.
_OPEN_YEAR = lazy_regex(
    r"(?<![0-9０-９\p{Latin}])(?:[12１２][0-9０-９]{0,2}[xXｘＸ×*＊_＿]+|[一二][〇○零][〇○零一二三四五六七八九]?[xXｘＸ×*＊_＿]+)(?=年)"
)
#: What opens a numbered slogan (双减, 三农, 五X).
_COUNT_PREFIXES = "双两一二三四五六七八九十百千万"
#: Operators of a formula name (``“1+N+X”``, ``“人工智能+”``, ``“数据要素×”``).
_OPERATORS = "+＋×"
#: Words just before a quotation, or just after it, that show the quotation is a specimen of a form (a placeholder
#: quoted on purpose): ``格式为“XX县XX镇”``, ``标注“×××人民政府”字样``.
_SPECIMEN_BEFORE = lazy_regex(r"(?:格式|样式|式样|范式|模板|写法|写作|写成|命名为|统一为|统一标注|例如|如)[为是：:]?$")
_SPECIMEN_AFTER = lazy_regex(r"[”」』](?:字样|样式|格式|式样|模板|等字样|的格式|的字样)")

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
    found = [(*match.span(), FIGURE) for match in _OPEN_YEAR.finditer(text)]
    years = [(start, end) for start, end, _ in found]
    indent = len(text) - len(text.lstrip())  # once per text: a slice per candidate would cost the text's length
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        if any(year_start <= start < year_end for year_start, year_end in years):
            continue
        if _is_placeholder(text, start, end, indent) and not _is_quoted_on_purpose(text, start, end):
            found.append((start, end, _kind(text, start, end)))
    return sorted(found) if years else found


def _is_quoted_on_purpose(text: str, start: int, end: int) -> bool:
    """The mark is a variable or operator of a quoted formula name (``“1+N+X”``, ``“数据要素×”``, ``“双X”``), or
    the quotation holding it is a specimen of a form (``格式为“XX县XX镇”``, ``“×××人民政府”字样``)."""
    opening = max(text.rfind("“", max(0, start - 40), start), text.rfind("「", max(0, start - 40), start))
    if opening < 0:
        return False
    closing = next((index for index in range(end, min(len(text), end + 40)) if text[index] in "”」"), -1)
    if closing < 0 or any(mark in text[opening + 1 : start] for mark in "”」"):
        return False
    quotation = text[opening : closing + 1]
    place = text.find(quotation)
    while place >= 0:  # this quotation, or the same one elsewhere in the paragraph, shown as a specimen
        if _SPECIMEN_AFTER.match(text, place + len(quotation) - 1) or _SPECIMEN_BEFORE.search(
            text, max(0, place - 6), place
        ):
            return True
        place = text.find(quotation, place + 1)
    run = text[start:end]
    if len(run) != 1 or run not in "xXｘＸ×":
        return False
    quoted = text[opening + 1 : start] + text[end:closing]
    if any(operator in quoted for operator in _OPERATORS):
        # 1+N+X, 1+X: a formula with a figure or another letter; X+X alone is a formula left unfilled.
        return any(char.isdigit() or (char.isascii() and char.isalpha() and char not in "xX") for char in quoted)
    if end != closing or start == opening + 1:
        return False
    # 数据要素×: an operator closing a slogan; 双X, 三X: the variable of a numbered family of initiatives.
    return run == "×" and is_(CJK_CONTEXT, text[start - 1]) or text[start - 1] in _COUNT_PREFIXES


def _is_placeholder(text: str, start: int, end: int, indent: int) -> bool:
    run = text[start:end]
    before, after = char_at(text, start - 1), char_at(text, end)
    first = run[0]
    if first == "某":
        return len(run) > 1 and run[1] == "某" or text[start + 1 : start + 3] not in _TITLE_WORDS
    if first in "_＿":
        # snake_case names and links; a blank stands in Chinese text or alone on a line (a signature left blank).
        return not (is_(LATIN_OR_DIGIT, before) or is_(LATIN_OR_DIGIT, after)) and _in_chinese_context(before, after)
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
