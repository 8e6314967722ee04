"""What each figure counts, and which figures state the same thing.

A figure's *subject* comes from its clause: the words before it (``今年来共学习“第一议题”44次`` →
``学习第一议题``), its unit (``次``) and the noun after it (``13项重点实事`` → ``重点实事``). The small words
that change between a report and its speech are dropped (``共``, ``共计``, ``累计``, ``今年来``,
``今年以来``, ``已``, quotes, placeholders), so both read the same. A figure whose words only relate it to
another (``增长8.1%``, ``比上年增加1.6万亿元``, ``从…提高到27.2%``) takes its subject from its head: the
figure before it in the segment, or the clause before it (``国内生产总值达到114万亿元，增长8.1%`` →
``国内生产总值/增长``). Figures listed together (``分别``, ``增长3.5%、2.9%``) have no subject of their own.

A subject alone is too thin to say two figures are the same statement (``计划总投资`` recurs for every
project), so a figure also carries its *context*: the text of its segment (up to ``；`` or the end of the
sentence) on either side, with numerals and placeholders masked. :func:`counterparts` pairs figures of the
same subject whose contexts are alike, each the other's best match, and only when the choice is clear;
:func:`disagreements` keeps the pairs that differ, between documents that agree on most of the rest.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import regex

from reportlint.analysis.chars import STATEMENT_MARKS
from reportlint.analysis.figures.quantities import Quantity, figures
from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.placeholders import placeholders
from reportlint.analysis.scan import positions
from reportlint.document import Block, Document

#: Words that a report and its speech add or drop around the same figure, and marks that carry no meaning.
_FILLER = lazy_regex(
    r"今年以来|今年来|一年来|去年以来|年初以来|以来|全年|年内|当年|本年度|今年|截至目前|截止目前|截至年底|截止年底"
    r"|截至|截止|目前|至今|累计|共计|合计|总计|总共|一共|共有|共|已经|已|先后|达到|达|约|近|超过|超|逾|其中|为|了|的"
    r"|[0-9０-９]{4}年度?|[xXｘＸ×*＊○□]+|某某|[\p{P}\p{S}\s\ufffc]"
)


#: Where a clause ends: a comma or colon, or the end of a statement (STATEMENT_MARKS are among these marks).
#: A plain class of characters, which the stdlib's re finds faster than regex does.
CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")


_NOUN_STOP = lazy_regex(r"[^\p{Han}]|约|近|超|达|共|的|以|和|及|与|或|在|于|为|是|将|已|等")


_YEAR = lazy_regex(r"((?:19|20|１９|２０)[0-9０-９]{2})年")


_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


#: A predicate that only relates the figure to another (增长, 比上年增加, 提高到): its subject is its head's.
_RELATIONAL = lazy_regex(
    r"(?:从|由)?(?:比上年同期|比上年|比去年|同比|较上年|较去年|比\p{N}*年前|平均每年|年均|每年|实际|名义|再|又|进一步)*"
    r"(?:增长|增加|减少|下降|提高|降低|上升|回落|扩大|缩小|增|降|升|涨|跌)?(?:到|至)?"
)


#: Words of time and intent: within one document last year's result and this year's target are different
#: statements of one subject.
_INTENT = r"预期|预计|目标|计划|拟|力争|争取|确保|将|要"


_STANCE = lazy_regex(rf"今年(?!以来|来)|去年|上年|明年|前年|过去|今后|未来|五年|十年|年均|平均每年|{_INTENT}")


_INTENT_WORD = lazy_regex(_INTENT)


#: 分别 hands several figures to several subjects at once, as does a list of figures (3.5%、2.9%).
_DISTRIBUTIVE = lazy_regex(r"分别|依次")


_FIGURE_LIST = lazy_regex(r"[、和及与]|以及")


_NOUN_LENGTH = 6


#: How far before a figure its subject is looked for. A subject is a few words; without a bound, a clause of
#: many figures (``1%1%1%…``) would be normalised again before each of them, with the square of its length.
_SUBJECT_WINDOW = 60


_CONTEXT_BEFORE = 30


_CONTEXT_AFTER = 20


@dataclass(eq=False)
class Subject:
    """A figure with what it counts (``predicate``, its unit, ``noun``), its time frame, and its context
    (computed when first asked for: most figures are never compared)."""

    quantity: Quantity
    predicate: str
    noun: str
    #: The last year named before the figure in its paragraph (``2021``), or "".
    frame: str
    #: The last year named before the figure anywhere in the document before it (a section's year), or "".
    era: str
    #: One of several figures sharing their words (分别, 3.5%、2.9%): it has no subject of its own.
    distributive: bool
    #: The segment (up to ``；`` or the end of the sentence) holding the figure, and the spans to mask in it.
    segment: tuple[int, int] = field(repr=False)
    masks: list[tuple[int, int]] = field(repr=False)

    @cached_property
    def before(self) -> str:
        """The masked text of the segment before the figure (at most 30 characters)."""
        start = self.quantity.start
        return _masked(self.quantity.block.text, max(self.segment[0], start - _CONTEXT_BEFORE), start, self.masks)

    @cached_property
    def after(self) -> str:
        """The masked text of the segment after the figure (at most 20 characters)."""
        end = self.quantity.end
        return _masked(self.quantity.block.text, end, min(self.segment[1], end + _CONTEXT_AFTER), self.masks)

    @cached_property
    def context_pairs(self) -> tuple[set[str], set[str]]:
        """The character pairs of the context before and after the figure (see :func:`similarity`)."""
        return _pairs(self.before), _pairs(self.after)

    @cached_property
    def lead(self) -> str:
        """The normalized words of the segment before the figure: what the statement says up to it."""
        return normalize(self.quantity.block.text[self.segment[0] : self.quantity.start])

    @cached_property
    def stance(self) -> frozenset[str]:
        """Words of time and intent before the figure in its segment (今年, 去年, 目标, 计划 …)."""
        return frozenset(_STANCE.findall(self.quantity.block.text, self.segment[0], self.quantity.start))

    @property
    def intent(self) -> frozenset[str]:
        """The words of intent among the stance (目标, 计划, 力争 …): a target is not a result."""
        return frozenset(word for word in self.stance if _INTENT_WORD.fullmatch(word))

    @cached_property
    def key(self) -> tuple[str, str, str]:
        """What the figure states: its predicate without light verbs and scope words (see :func:`core`), unit
        and noun."""
        return _abbreviated(_LIGHT.sub("", self.predicate)), self.quantity.unit, self.noun

    @property
    def comparable(self) -> bool:
        """A figure with a value and a subject of its own, which can be compared with another."""
        quantity = self.quantity
        return (
            quantity.value is not None
            and not quantity.named
            and not self.distributive
            and len(self.predicate) + len(self.noun) >= 2
        )


def normalize(text: str) -> str:
    """The words of ``text`` without fillers, placeholders and punctuation."""
    return _FILLER.sub("", text)


def subjects(document: Document) -> list[Subject]:
    """The subject of every figure of the document (use through ``document.analysis(subjects)``)."""
    by_block: dict[int, list[Quantity]] = defaultdict(list)
    for quantity in document.analysis(figures):
        by_block[quantity.block.index].append(quantity)
    marks: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for found_mark in document.analysis(placeholders):
        marks[found_mark.block.index].append((found_mark.start, found_mark.end))
    found: list[Subject] = []
    era = ""
    for block in document.blocks:
        years = list(_YEAR.finditer(block.text)) if "年" in block.text else []
        if block.index in by_block:
            found.extend(_block_subjects(block, by_block[block.index], marks[block.index], era, years))
        if years:
            era = years[-1].group(1).translate(_FULLWIDTH)
    return found


def _block_subjects(
    block: Block, quantities: list[Quantity], marks: list[tuple[int, int]], era: str, years: list[regex.Match[str]]
) -> Iterator[Subject]:
    """The subjects of the figures of one block; ``years``: the years named in it (``_YEAR`` matches)."""
    text = block.text
    length = len(text)
    masks = sorted([(q.number_start, q.number_end) for q in quantities] + marks)
    year_starts = [match.start() for match in years]
    frames = [match.group(1).translate(_FULLWIDTH) for match in years]
    # found once for the block, not searched for from the clause start before each figure (linear time)
    clause_ends = [match.end() for match in CLAUSE_END.finditer(text)]
    segment_ends = [end for end in clause_ends if text[end - 1] in STATEMENT_MARKS]
    listed = _listed(text, quantities)
    list_commas = positions(text, "、")
    distributive = [match.span() for match in _DISTRIBUTIVE.finditer(text)] if "分别" in text or "依次" in text else []
    head: tuple[int, str] | None = None  # (segment start, predicate) of the last figure with words of its own
    previous_end = 0
    for index, quantity in enumerate(quantities):
        start, end = quantity.start, quantity.end
        # the clause and segment holding the figure: ``*_ends`` are the offsets just after each mark
        clause = bisect_right(clause_ends, start)
        clause_start = clause_ends[clause - 1] if clause else 0
        segment = bisect_right(segment_ends, start)
        segment_start = segment_ends[segment - 1] if segment else 0
        comma = bisect_left(list_commas, start) - 1
        anchor = max(clause_start, list_commas[comma] + 1 if comma >= 0 else 0)
        if previous_end > anchor and _relational(_normalized(text[previous_end:start])):
            anchor = previous_end  # 由2090元增加到2476元: the words after the figure before relate the two
        # otherwise a figure before in the clause describes the subject (10亿元以上项目8个) and stays in it
        predicate = _words_before(text, anchor, start)
        if _relational(predicate):
            if head and head[0] == segment_start:
                topic = head[1]
            else:  # the clause before names what the figure is about: 实施……试点，1334万人参保
                before = clause_ends[clause - 2] if clause > 1 else 0  # the start of the clause before
                topic = _words_before(text, max(segment_start, before), anchor)
            # 增长8.1% → 国内生产总值/增长; a bare figure (其中2个批次) takes the topic alone
            predicate = f"{topic}/{predicate}" if topic and predicate else topic or predicate
        else:
            head = (segment_start, predicate)
        last_year = bisect_left(year_starts, start) - 1
        frame = frames[last_year] if last_year >= 0 else ""
        clause = bisect_right(clause_ends, end, clause)
        segment = bisect_right(segment_ends, end, segment)
        yield Subject(
            quantity,
            predicate,
            _noun(text, end, clause_ends[clause] - 1 if clause < len(clause_ends) else length),
            frame,
            frame or era,
            index in listed or (bool(distributive) and _within(distributive, clause_start, start)),
            (segment_start, segment_ends[segment] - 1 if segment < len(segment_ends) else length),
            masks,
        )
        previous_end = end


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the sorted, non-overlapping ``spans`` lies inside ``[start, end)``."""
    index = bisect_left(spans, (start,))
    return index < len(spans) and spans[index][1] <= end


def _words_before(text: str, start: int, end: int) -> str:
    """The normalized words of ``text[start:end]``, at most the last ``_SUBJECT_WINDOW`` characters of it."""
    return _normalized(text[max(start, end - _SUBJECT_WINDOW) : end])


#: The same few words recur before and after figures (and a long run of like figures, 1%1%1%…, gives the same
#: window before each of them): each is normalised and matched once.
_normalized = lru_cache(maxsize=4096)(normalize)


@lru_cache(maxsize=4096)
def _relational(words: str) -> bool:
    return _RELATIONAL.fullmatch(words) is not None


#: The longest text between two figures listed side by side (``以及``, see _FIGURE_LIST).
_LIST_GAP = 2


def _listed(text: str, quantities: list[Quantity]) -> set[int]:
    """Indexes of figures listed side by side (``增长3.5%、2.9%``, ``比上年增长3%和5%``)."""
    listed: set[int] = set()
    for index in range(1, len(quantities)):
        before, after = quantities[index - 1].end, quantities[index].start
        if 0 < after - before <= _LIST_GAP and _FIGURE_LIST.fullmatch(text, before, after):
            listed.update((index - 1, index))
    return listed


def _noun(text: str, start: int, stop: int) -> str:
    """The noun after a figure (at ``start``), up to ``stop``: its window of text decides it."""
    return _noun_in(text[start : min(stop, start + 1 + _NOUN_LENGTH)])


@lru_cache(maxsize=4096)
def _noun_in(window: str) -> str:
    start = 1 if window.startswith("的") else 0  # 26%的互联网政务服务平台
    end = min(len(window), start + _NOUN_LENGTH)
    match = _NOUN_STOP.search(window, start, end)
    return normalize(window[start : match.start() if match else end])


def _masked(text: str, start: int, end: int, masks: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with each masked span (sorted, not nested) written ``#``."""
    parts = []
    position = start
    for index in range(max(0, bisect_right(masks, (start, start)) - 1), len(masks)):
        mask_start, mask_end = masks[index]
        if mask_start >= end:
            break
        if mask_end <= position:
            continue
        parts.append(text[position : max(position, mask_start)])
        parts.append("#")
        position = max(position, mask_end)
    parts.append(text[position:end])
    return "".join(parts)


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} if len(text) > 1 else ({text} if text else set())


#: Light verbs and scope words that two statements of one indicator add or drop (实现茶叶产值, 茶叶产值达到;
#: 全年新增经营主体, 全年新登记经营主体; 以2025年地区生产总值……为基数, 全县地区生产总值完成).
_LIGHT = regex.compile(r"实现|完成|新增|新登记|登记|累计|达到|发展到|稳定在|保持|^以|^全[县镇市区省乡]|^本[县镇市区]")


#: Statistical terms and the short forms reports use for them (限额以上商贸企业, 限上商贸企业; 规模以上工业, 规上工业).
_ABBREVIATIONS = {"限额以上": "限上", "规模以上": "规上"}


_ABBREVIATED = regex.compile("|".join(_ABBREVIATIONS))


def _abbreviated(words: str) -> str:
    """``words`` with statistical terms in their short form."""
    return _ABBREVIATED.sub(lambda match: _ABBREVIATIONS[match.group(0)], words) if "以上" in words else words


@dataclass(frozen=True, slots=True)
class Segment:
    """One statement (a sentence, or a part of one set off by a semicolon) and the subjects stated in it."""

    block: Block
    start: int
    end: int
    subjects: list[Subject]


def segments(document: Document) -> list[Segment]:
    """The statements that hold figures, in order (use through ``document.analysis(segments)``)."""
    grouped: dict[tuple[int, int], list[Subject]] = defaultdict(list)
    for subject in document.analysis(subjects):
        grouped[subject.quantity.block.index, subject.segment[0]].append(subject)
    found = []
    for members in grouped.values():
        block = members[0].quantity.block
        start, end = members[0].segment
        # the segment of a subject stops before the mark that ends it (a figure holds no such mark)
        found.append(Segment(block, start, end + 1 if end < len(block.text) else end, members))
    return found
