"""The words and patterns of figures: units and measures (with their factors to a base unit), magnitudes,
counting words, the qualifiers before and after a figure (约, 超过, 以上, 多, 余), what marks a number as an
ordinal or a code rather than a quantity, and the named formulations (四个意识) that are not quantities."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

import regex

from reportlint.analysis.figures.numerals import ARABIC, CHINESE
from reportlint.analysis.lazy import lazy_regex

PERCENT = "%"


POINTS = "百分点"


#: Units of measure: their values are rounded, so they carry a rounding interval. (canonical unit, factor)
MEASURES: dict[str, tuple[str, Decimal | int]] = {
    "%": (PERCENT, 1), "％": (PERCENT, 1), "‰": (PERCENT, Decimal("0.1")), "个百分点": (POINTS, 1),
    "百分点": (POINTS, 1), "元": ("元", 1), "美元": ("美元", 1), "欧元": ("欧元", 1), "港元": ("港元", 1),
    "亩": ("亩", 1), "公顷": ("公顷", 1), "平方公里": ("平方公里", 1), "平方千米": ("平方公里", 1),
    "平方米": ("平方米", 1), "平米": ("平方米", 1), "立方米": ("立方米", 1), "公里": ("公里", 1),
    "千米": ("公里", 1), "米": ("米", 1), "吨": ("吨", 1), "公斤": ("公斤", 1), "千克": ("公斤", 1),
    "斤": ("斤", 1), "千瓦时": ("千瓦时", 1), "度电": ("千瓦时", 1), "千瓦": ("千瓦", 1), "兆瓦": ("千瓦", 1000),
    "吉瓦": ("千瓦", 10**6), "倍": ("倍", 1), "岁": ("岁", 1), "周岁": ("岁", 1), "小时": ("小时", 1),
}  # fmt: skip


#: Counting units (measure words): their plain values are exact.
COUNTS = (
    "人次 户次 场次 批次 架次 车次 项次 家次 个月 周年 个 项 次 家 人 名 位 件 篇 条 场 批 宗 户 套 座 所 台 辆 艘 架"
    " 支 处 起 期 部 块 只 头 株 棵 张 本 册 份 种 类 门 节 课 轮 栋 间 段 幅 首 笔 颗 枚 盏 根 组 队 班 年 天"
    " 周 大类 大"
).split()


#: Measure words a Chinese numeral takes as a count; others after a Chinese numeral (二期, 三级, 一类, 二产)
#: are ordinals or parts of words.
CHINESE_COUNTS = frozenset(
    "人次 户次 场次 批次 个月 个 项 次 家 人 名 位 件 篇 条 场 批 宗 户 套 座 所 台 辆 支 处 起 部 块 只 头 张"
    " 本 份 种 轮 栋 间 年 天 周 周年 大 倍 亩 岁 周岁".split()
)


MAGNITUDES = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "亿": 10**8}


def alternation(words) -> str:
    return "|".join(sorted(map(regex.escape, words), key=len, reverse=True))


RANGE_MARK = r"(?:[～~〜—–\-－]{1,2}|至|到)"


#: What follows a numeral in a quantity: 多/余 of its own, a magnitude (万, 亿), and a unit.
TAIL = (
    rf"(?P<fuzzy>多|余|来|几)?(?P<magnitude>{alternation(MAGNITUDES)})?(?P<late>多|余)?"
    rf"(?P<unit>{alternation([*MEASURES, *COUNTS])})"
)


#: A quantity with an Arabic numeral (not of a year: 2021年, 2021—2023年), or a range of two, and its tail; a
#: space slipped in before the tail (``236 件``, PUN008) leaves it a quantity.
#: The numerals are atomic: a numeral without a unit fails at once instead of being retried shorter.
ARABIC_QUANTITY = lazy_regex(
    rf"(?<![0-9０-９.．])(?![12][0-9]{{3}}[ \u00a0]?(?:年|[—–\-－～~至到]))"
    rf"(?P<number>(?>{ARABIC}))(?:{RANGE_MARK}(?P<number2>(?>{ARABIC})))?[ \u00a0]?{TAIL}"
)


#: A Chinese numeral that starts a quantity: never a lone 一, nor a run from 百/千/万/亿/零 (统一, 百姓,
#: 万人空巷), so that the frequent 一 costs nothing. Its integer part is at most ``CHINESE_DIGITS_MAX``
#: characters after the first (九千九百九十九万九千九百九十九 is 15): the pattern is tried again at every
#: numeral of a run, and a run read to its end each time would cost the square of its length (一一一…).
CHINESE_DIGITS_MAX = 30


#: The characters a Chinese numeral starts with, besides 一 before another numeral character.
CHINESE_FIRST = "二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾"


CHINESE_NUMERAL = (
    rf"(?>(?:[{CHINESE_FIRST}]|一(?=[零〇○一二两三四五六七八九十百千万亿点]))"
    rf"[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]{{0,{CHINESE_DIGITS_MAX}}}+"
    r"(?:点[零〇○一二三四五六七八九]++)?+)"
)


#: A quantity with a Chinese numeral: after 百分之, or a numeral or a range of two with 多/余, a magnitude
#: after them (二十余万人), and a unit. The stdlib's re (atomic groups and possessive quantifiers since Python
#: 3.11), behind a lookahead on the characters a match starts with: re scans for those several times faster
#: than regex does.
CHINESE_QUANTITY = re.compile(
    rf"(?=[百一{CHINESE_FIRST}])(?:百分之(?P<percent>(?>{CHINESE}))"
    rf"|(?P<number>{CHINESE_NUMERAL})(?:{RANGE_MARK}(?P<number2>{CHINESE_NUMERAL}))?"
    rf"(?P<fuzzy>多|余|来|几)?(?:(?<=[多余来几])(?P<magnitude>万|亿)(?P<late>多|余)?)?"
    rf"(?P<unit>{alternation({*CHINESE_COUNTS, *MEASURES})}))"
)


#: The tail of a figure placeholder (xx亿元), with empty number groups to share the group layout.
PLACEHOLDER_TAIL = lazy_regex(rf"(?P<number>)(?P<number2>)?{TAIL}")


def group_numbers(pattern: regex.Pattern[str] | re.Pattern[str]) -> tuple[int, ...]:
    """The numbers of the groups number, number2, fuzzy, magnitude, late and unit in ``pattern`` (looked up per
    pattern by name, not in a dict keyed by the pattern: hashing a pattern hashes all of its compiled code)."""
    return tuple(pattern.groupindex[name] for name in ("number", "number2", "fuzzy", "magnitude", "late", "unit"))


ARABIC_GROUPS = group_numbers(ARABIC_QUANTITY)


CHINESE_GROUPS = group_numbers(CHINESE_QUANTITY)


PLACEHOLDER_GROUPS = group_numbers(PLACEHOLDER_TAIL)


#: A range with the unit on both ends (3%～5%): only dashes and tildes, as 到/至 after a unit is a change.
RANGE_DASHES = "～~〜—–-－"


UNIT_RANGE = lazy_regex(f"[{regex.escape(RANGE_DASHES)}]{{1,2}}")


AFTER_WORDS = "以上 以下 以内 左右 上下 之多 多 余".split()


#: 多/余 right before a numeral compare (比上年的219件多27件): no qualifier of the figure before them.
AFTER = lazy_regex(
    "|".join(
        word if word not in ("多", "余") else rf"{word}(?![0-9０-９一二两三四五六七八九十])" for word in AFTER_WORDS
    )
)


BEFORE_WORDS = (
    "大约 约为 约 将近 接近 近 超过 超出 超 逾 突破 不足 不到 不少于 不低于 不超过 不高于 至少 最多 高于 低于".split()
)


BEFORE = lazy_regex(f"(?:{'|'.join(BEFORE_WORDS)})$")


#: The characters those words start or end with, checked before the patterns are tried. ``$`` also matches
#: before a final line break, so a line break may end the text before a figure as well.
AFTER_FIRST = frozenset(word[0] for word in AFTER_WORDS)


BEFORE_LAST = frozenset([*(word[-1] for word in BEFORE_WORDS), "\n"])


#: Words after a count that make it an ordinal or a name: 七届二次全会, 十九届, 九十年代; 十九大精神 (a
#: party congress, where a count 大 is followed by what it counts: 三大攻坚战).
ORDINAL_AFTER = lazy_regex(
    r"次(?:全会|全体会议|党代会|代表大会|全委会|常委会会议)|届|中全会|年代"
    r"|大(?:$|[^\p{Han}]|精神|以来|报告|召开|胜利|闭幕|期间|和|及|以后|之后|前|后|上|代表|提出|作出|强调|指出"
    r"|通过|确定|明确|的)"
)


#: The first characters of the words of ORDINAL_AFTER.
ORDINAL_FIRST = frozenset("次届中年大")


#: Numerals that are parts of codes, formulas and names: 5G, PM2.5, 1+1+9, 2×60, 3/4, 4:3.
CODE_NEIGHBOUR = lazy_regex(r"[\p{Latin}+＋×*＊/／:：.．@#_\-]")


CODE_AFTER = lazy_regex(r"[\p{Latin}+＋×*＊/／@#_]")


#: Named formulations written with a count (not figures), when they appear without quotes.
FORMULATIONS = frozenset(
    "四个意识 四个自信 两个维护 两个确立 两个大局 两个一百年 四个全面 五位一体 三个代表 三会一课 四风 三严三实"
    " 两学一做 五个带头 六个坚守 三重一大 一岗双责 四种形态 八项规定 三去一降一补 六稳 六保 三农 两新 三公"
    " 三大攻坚战 五大发展理念 四个伟大 四个服务 两个毫不动摇 三个务必 五个必由之路 三个有利于 四项基本原则"
    " 两个务必 四个不摘 五个一 三个一 两个结合 三个区分开来 四下基层 五项机制 一台账四清单 四人帮 两个基本点"
    " 三个世界 两种制度 两个文明 三步走".split()
)


#: Plain patterns, which the stdlib's re finds faster than regex does.
FORMULATION = re.compile("|".join(sorted(FORMULATIONS, key=len, reverse=True)))


QUOTED = re.compile(r"“[^“”]{1,12}”|「[^「」]{1,12}」|‘[^‘’]{1,12}’")


QUALIFIER_WORDS = lazy_regex(r"^(?:多|余|来|几)|(?:以上|以下|以内|左右|上下|之多|多|余)$")


#: How many figures after a first one are read to see whether it opens a range with the unit on both ends
#: (3%～5%: one; two read 1%～2%～3% as 1% and 2%～3%, as an unbounded reading does). A longer chain is not a
#: range; reading all of it would recurse once per link, and again from each of its figures.
RANGE_LINKS = 2


@cache  # a few hundred magnitude and unit words
def unit_of(magnitude: str | None, word: str) -> tuple[Decimal, str, bool]:
    """The factor from a figure written with ``magnitude`` (万, 亿, or None) and unit ``word`` to the base unit,
    the canonical unit, and whether the figure is rounded (a measure, or written with 万/亿)."""
    factor = Decimal(MAGNITUDES[magnitude]) if magnitude else ONE
    if word in MEASURES:
        canonical, unit_factor = MEASURES[word]
        return factor * unit_factor, canonical, True
    return factor, word, factor != 1


ONE = Decimal(1)


APPROXIMATE = frozenset(("约", "大约", "约为", "左右", "上下"))
