"""Count words and the items they sum up: ``项目建设、招大引强、载体开发、基础配套、优化营商环境五篇文章``,
``金属智造、新能源、新材料、机械装备四大产业``, ``三项清单：正面清单、负面清单、遵纪守法清单``.

Items are separated by ``、`` (quoted items may stand side by side: ``“岭南毛尖”“岭南黑猪”``); the last may
join two with ``和``/``及``/``与``/``以及`` (``正面清单、负面清单和企业负责人模范遵纪守法清单``), which may also
join words inside one item, so a list has a smallest and a largest number of items; the character inside a
word (``和平``, ``参与``, ``普及``, ``共同``) joins nothing. A list before its count runs from the start of the
clause or from an enumerator (``第五、``); a list after it follows a colon or ``即`` and runs to the end of the
segment. ``等`` before the count (``xx等5家企业``) or at the end of a list after it says that not every item
is named.

Left alone, as the list is then not what the count sums up: counts that are names (``“四个意识”``,
``三会一课``); counts after ``该``/``这``/``上述`` (they refer back); counts under ``分别`` (each item's:
``城东、城西、城南分别新建学校2所``); counts of time or characters (``连续三个季度``, ``八个字``); a count
after ``的`` (``扩大内需、促进增长的十项措施``: the list describes the measures) or after a verb
(``延续、变更或审批14宗矿权``, ``分别压缩至10个``); lists whose items hold figures or counts of their own
(``核心区3宗、缓冲区4宗``, ``增强“四个意识”、坚定“四个自信”``); quoted formulas (``“一网、一门、一次”``);
enumerators (``二、``); a list after a colon that goes on past a ``；`` or that is the first of enumerated
parts (``两个方面：一方面是道路、桥梁、管网……``); items that count a list of their own (``江苏、浙江两省的苏州、
无锡、宁波三个城市``); and items too long to be list items.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlint.analysis.figures.quantities import Quantity, figures
from reportlint.analysis.figures.vocabulary import FORMULATIONS
from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.lexicon import reads_as_word, word_cost
from reportlint.analysis.outline import Outline, outline
from reportlint.document import Document

#: Units a count word sums a list with: 五篇文章, 四大产业, 三个节点, 5家企业.
_COUNT_UNITS = frozenset("大 个 项 种 类 条 篇 件 家 支 座 所 批 位 名 部 块 处 只 张 本 份 门 套 宗 方面".split())
_CLAUSE_START = lazy_regex(r"[，,；;：:。！？!?（）()《》〈〉\n\u2028]")
_BEFORE_COUNT = lazy_regex(r"(?:等等|等)?[“「‘]?$")
_REFERS_BACK = lazy_regex(r"(?:该|这|此|上述|以上|前述|其)$")
_JOINED = lazy_regex(r"以及|和|及|与|同")
_AFTER_COUNT = lazy_regex(r"[\p{Han}”」’]{0,10}?(?:：|:|，即|即)")
_SEGMENT_END = lazy_regex(r"[。；;！？!?\n\u2028]")
#: Nouns after a count that measure time or text, not a set of items.
_NOT_ITEMS = lazy_regex(r"季度|年|月|天|日|周|小时|字|句|次")
#: Words that end a verb phrase: a count after one is its object (审批14宗矿权, 谱写“两大奇迹”).
_VERB_END = lazy_regex(
    r"(?:的|至|到|为|达|有|是|在|将|把|对|向|从|由|给|连续|共|累计|实现|推动|推进|加强|促进|建立|完善|谱写|打造"
    r"|形成|构建|提升|增强|坚持|落实|开展|实施|出台|制定|推出|审批|变更|延续|压缩|涉及|包括|成为|达到|提出|作出|抓好"
    r"|做好|办好|创造|取得|完成|新增|新建|引进|培育|组建|设立|选择|确定|命名|评选)$"
)
_ENUMERATOR = lazy_regex(r"[一二三四五六七八九十\d]+")
_MAX_ITEM = 20
#: The most characters of a list, before or after its count.
_MAX_LIST = 300
_MAX_COUNT = 20
_FORMULATIONS = tuple(FORMULATIONS)


@dataclass(frozen=True, slots=True)
class CountedList:
    """A count word and the list it sums up: at least ``minimum`` and at most ``maximum`` items;
    ``partial`` when ``等`` says that not all are named."""

    count: Quantity
    items: tuple[tuple[int, int], ...]
    minimum: int
    maximum: int
    partial: bool


def counted_lists(document: Document) -> list[CountedList]:
    """Every count word with a list next to it (use through ``document.analysis(counted_lists)``)."""
    found = []
    enumerators: Outline | None = None
    for quantity in document.analysis(figures):
        if not _is_count_word(quantity):
            continue
        enumerators = enumerators or document.analysis(outline)
        listed = _list_before(quantity, enumerators) or _list_after(quantity, enumerators)
        if listed is not None:
            found.append(listed)
    return found


def _is_count_word(quantity: Quantity) -> bool:
    text = quantity.block.text
    return (
        quantity.value is not None
        and quantity.is_exact
        and quantity.unit in _COUNT_UNITS
        and 2 <= quantity.value <= _MAX_COUNT
        and not text.startswith(_FORMULATIONS, quantity.number_start)
        and not _NOT_ITEMS.match(text, quantity.end)
    )


def _list_before(count: Quantity, enumerators: Outline) -> CountedList | None:
    text = count.block.text
    marker = _BEFORE_COUNT.search(text, max(0, count.start - 3), count.start)
    end = marker.start() if marker else count.start
    partial = bool(marker and marker.group(0).startswith("等"))
    if _REFERS_BACK.search(text, max(0, end - 2), end) or _VERB_END.search(text, max(0, end - 2), end):
        return None
    window = max(0, end - _MAX_LIST)
    start = max((m.end() for m in _CLAUSE_START.finditer(text, window, end)), default=window)
    if start == window and window > 0:
        return None  # no clause start within reach: longer than any list
    # an enumerator opens the clause (第三、坚持创新驱动……): its 、 separates no item
    start = max((item.end for item in enumerators.enumerators(count.block) if start <= item.start < end), default=start)
    return _counted(count, text, start, end, partial)


def _list_after(count: Quantity, enumerators: Outline) -> CountedList | None:
    text = count.block.text
    lead = _AFTER_COUNT.match(text, count.end)
    if lead is None or enumerators.at(count.block, lead.end()) is not None:
        return None  # no colon, or enumerated parts follow it (两个方面：一方面是……), each with lists of its own
    start = lead.end()
    # looked for within reach only: searching to the end of the block after every count word costs the square
    # of a block of many count words (抓好三个方面：抓好三个方面：…)
    limit = start + _MAX_LIST
    stop = _SEGMENT_END.search(text, start, limit + 1)
    if stop is None and limit < len(text):
        return None  # no end of the segment within reach: longer than any list
    end = stop.start() if stop else len(text)
    if "，" in text[start:end] or "," in text[start:end] or (stop and stop.group(0) in "；;"):
        return None  # the colon opens sentences or a list of segments, not a list of items
    partial = text.endswith(("等", "等等"), start, end)
    if partial:
        end = text.rfind("等", start, end)
    return _counted(count, text, start, end, partial)


def _counted(count: Quantity, text: str, start: int, end: int, partial: bool) -> CountedList | None:
    items = []
    position = start
    for separator in _SEPARATOR.finditer(text, start, end):
        if separator.group(0) == "、":
            items.append((position, separator.start()))
            position = separator.end()
        else:  # “岭南毛尖”“岭南黑猪”: quoted items side by side need no 、 between them
            items.append((position, separator.start() + 1))
            position = separator.start() + 1
    items.append((position, end))
    if len(items) < 2 or any(not 0 < item_end - item_start <= _MAX_ITEM for item_start, item_end in items):
        return None
    words = [text[item_start:item_end] for item_start, item_end in items]
    if any(_holds_count(word) or _ENUMERATOR.fullmatch(word) or _half_quoted(word) for word in words):
        return None
    if _DISTRIBUTES.search(words[-1]):
        return None  # 城东、城西、城南分别新建学校2所: the count is each item's, not the list's
    partial = partial or "等" in words[-1]
    minimum = len(items)
    maximum = minimum + sum(1 for word in words if _joins(word))
    return CountedList(count, tuple(items), minimum, maximum, partial)


def _joins(item: str) -> bool:
    """Whether a conjunction may join two items in ``item``: 和 read as a word of its own, not inside 和平."""
    for match in _JOINED.finditer(item):
        cost = word_cost(match.group())
        if cost is None or reads_as_word(item, match.start(), match.end(), cost):
            return True
    return False


#: What separates items: ``、``, or nothing between a closing and an opening quote.
_SEPARATOR = lazy_regex(r"、|”(?=“)|」(?=「)")


#: Words that hand a count to each item: 分别, 各自, 依次.
_DISTRIBUTES = lazy_regex(r"分别|各自|依次")


#: A count inside an item: 两项, 四大, 两省, 3个 (the item sums up a list of its own).
_ITEM_COUNT = lazy_regex(r"[一二两三四五六七八九十][个项大条种类名家省市县区]|[0-9０-９]")


def _holds_count(item: str) -> bool:
    return _ITEM_COUNT.search(item) is not None or any(word in item for word in FORMULATIONS)


def _half_quoted(item: str) -> bool:
    """An item with an opening or closing quote of a pair that spans items: “一网、一门、一次”."""
    return item.count("“") != item.count("”") or item.count("「") != item.count("」")
