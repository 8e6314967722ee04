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

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
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
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
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

    @property
    def key(self) -> tuple[str, str, str]:
        return self.predicate, self.quantity.unit, self.noun

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
    clause_ends = [match.end() for match in _CLAUSE_END.finditer(text)]
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


def similarity(a: Subject, b: Subject) -> float:
    """How alike the contexts of two figures are, 0–1, averaged over the text before and after them; when
    both figures end their segment, over the text before alone (two empty endings say nothing)."""
    (a_before, a_after), (b_before, b_after) = a.context_pairs, b.context_pairs
    if not a_after and not b_after:
        return _alike(a_before, b_before)
    return (_alike(a_before, b_before) + _alike(a_after, b_after)) / 2


def _alike(pairs_a: set[str], pairs_b: set[str]) -> float:
    """The mean of the Dice and overlap coefficients of two sets of character pairs: a context that one draft
    cut short still matches the longer one (overlap), but two long ones must share most of their text
    (Dice). Two empty contexts are alike; an empty one is not like a non-empty one."""
    if not pairs_a or not pairs_b:
        return 1.0 if pairs_a == pairs_b else 0.0
    common = len(pairs_a & pairs_b)
    return (2 * common / (len(pairs_a) + len(pairs_b)) + common / min(len(pairs_a), len(pairs_b))) / 2


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} if len(text) > 1 else ({text} if text else set())


@dataclass(frozen=True, slots=True)
class Counterpart:
    """Two figures taken for one statement: each is the other's most alike figure of the same subject."""

    subject: Subject
    other: Subject
    score: float


#: Qualifiers of targets and bounds, and units of time spans: not compared within one document.
_BOUNDS = frozenset("以上 以下 以内 左右 上下 不少于 不低于 不超过 不高于 至少 最多 超过 超 突破".split())
_DURATIONS = frozenset("年 个月 周 天 小时 周年 岁".split())
_LEAD_WORDS = 4
#: A subject stated more often than this in one document is generic (增长, 安排资金): no figure of it is a
#: clear counterpart of another, and comparing them all would grow with the square of the document.
_MAX_STATEMENTS = 20
#: How close a runner-up may come before the best match is not clear enough to act on.
_MARGIN = 0.1


def counterparts(
    mine: list[Subject], theirs: list[Subject], threshold: float, within: bool = False
) -> list[Counterpart]:
    """Pairs of comparable figures, one from each list, with the same subject, time frame and words of intent
    (a target, ``力争新开工项目40个以上``, is not the result ``新开工项目35个``) whose contexts are alike
    (``similarity`` at least ``threshold``), each the other's best match. A pair is dropped when a close
    runner-up would give the other verdict (agree/disagree), as the choice is then unclear.

    Pass one document's subjects twice with ``within`` to pair figures of one document. Then a figure is
    never its own counterpart; the two must share the year they are about (``era``), their words of time
    and intent (``stance``) and all their words up to the figure in its segment (``lead``, fillers aside;
    at least four characters), which must hold a clause before the figure's own (``2024年，全区实现地区
    生产总值186.4亿元``), so that parallel statements about different things (``由江苏省……对111名``,
    ``由河北省……对27名``; ``（一）A单位 共检查项目12个``, ``（二）B单位 共检查项目10个``) stay apart; and
    only subjects stated exactly twice take part, by figures that are neither bounds or targets (``以上``,
    ``左右``) nor durations: a subject that recurs (``中央财政安排``) names different things each time.
    """
    if within:
        counts: dict[tuple[str, str, str], int] = defaultdict(int)
        for subject in mine:
            if subject.comparable:
                counts[subject.key] += 1
        mine = theirs = [
            subject
            for subject in mine
            if counts[subject.key] == 2
            and subject.quantity.qualifier not in _BOUNDS
            and subject.quantity.unit not in _DURATIONS
        ]
    best_of_mine = _best(mine, theirs, threshold, within)
    best_of_theirs = _best(theirs, mine, threshold, within)
    pairs = []
    for subject, (other, score) in best_of_mine.items():
        back = best_of_theirs.get(other)
        if back is not None and back[0] is subject:
            pairs.append(Counterpart(subject, other, score))
    return pairs


def _restated(a: Subject, b: Subject) -> bool:
    """Whether two figures of one document can be one statement made twice (see :func:`counterparts`)."""
    return (
        a.era == b.era
        and a.stance == b.stance
        and a.lead == b.lead
        and len(a.lead) >= _LEAD_WORDS
        and _has_topic(a)
        and _has_topic(b)
    )


def _has_topic(subject: Subject) -> bool:
    """Whether the figure's segment has a clause before the figure's clause (``2024年，`` ``招商引资方面，``):
    a statement that opens its segment (``共检查项目12个。``) may take its topic from a heading or the
    sentence before, so two of them say nothing about being one statement."""
    return _CLAUSE_END.search(subject.quantity.block.text, subject.segment[0], subject.quantity.start) is not None


def _best(
    mine: list[Subject], theirs: list[Subject], threshold: float, within: bool
) -> dict[Subject, tuple[Subject, float]]:
    index: dict[tuple[str, str, str], list[Subject]] = defaultdict(list)
    for subject in theirs:
        if subject.comparable:
            index[subject.key].append(subject)
    best: dict[Subject, tuple[Subject, float]] = {}
    for subject in mine:
        if not subject.comparable or len(index[subject.key]) > _MAX_STATEMENTS:
            continue
        scored = sorted(
            (
                (similarity(subject, other), other)
                for other in index[subject.key]
                if other is not subject
                and (not subject.frame or not other.frame or subject.frame == other.frame)
                and (_restated(subject, other) if within else subject.intent == other.intent)
            ),
            key=lambda pair: pair[0],
            reverse=True,
        )
        if not scored or scored[0][0] < threshold:
            continue
        score, other = scored[0]
        verdict = subject.quantity.agrees_with(other.quantity)
        if any(
            runner_score >= score - _MARGIN and subject.quantity.agrees_with(runner.quantity) != verdict
            for runner_score, runner in scored[1:]
        ):
            continue
        best[subject] = (other, score)
    return best


#: Two documents are companions (a report and its speech) when at least this many of the figures they both
#: state agree exactly, and at least twice as many agree as disagree.
_COMPANION_AGREEMENTS = 3
_COMPANION_RATIO = 2


#: A document's comparable figures by subject: what the cross-document comparison keeps of it.
Keyed = dict[tuple[str, str, str], list[Subject]]


def keyed(document: Document) -> Keyed:
    """The comparable figures of a document by subject (use through ``document.analysis(keyed)``)."""
    index: dict[tuple[str, str, str], list[Subject]] = defaultdict(list)
    for subject in document.analysis(subjects):
        if subject.comparable:
            index[subject.key].append(subject)
    return dict(index)


def companion_candidates(documents: list[Keyed]) -> list[tuple[int, int]]:
    """The pairs of documents (indexes, in order) that state enough of the same subjects to be companions:
    found through the subjects they share, so that a run over many unrelated files compares few pairs."""
    holders: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, document in enumerate(documents):
        for key in document:
            holders[key].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for indexes in holders.values():
        shared.update(itertools.combinations(indexes, 2))
    return sorted(pair for pair, count in shared.items() if count >= _COMPANION_AGREEMENTS)


def disagreements(mine: Keyed, theirs: Keyed, threshold: float) -> list[Counterpart]:
    """The figures two documents (their :func:`keyed` figures) state differently, if they are companions.

    A report and its speech for one year state most of the same figures identically; a slip is the odd one
    out. Two documents that share few figures, or disagree on many (two years' reports: the same sentences
    with each year's figures), are not companions, and their differences are no evidence of a slip. Only
    exact figures that are not spans of time count as agreeing: two years' targets of ``7.5%左右``, or two
    reports on ``过去五年``, agree without saying much.
    """
    shared = mine.keys() & theirs.keys()
    if len(shared) < _COMPANION_AGREEMENTS:
        return []
    pairs = counterparts(
        [s for key in shared for s in mine[key]], [s for key in shared for s in theirs[key]], threshold
    )
    differing = [pair for pair in pairs if not pair.subject.quantity.agrees_with(pair.other.quantity)]
    agreeing = sum(1 for pair in pairs if _agrees_exactly(pair))
    if agreeing < _COMPANION_AGREEMENTS or agreeing < _COMPANION_RATIO * len(differing):
        return []
    return differing


def corpus_disagreements(documents: list[Keyed], threshold: float) -> Iterator[tuple[int, int, list[Counterpart]]]:
    """For every pair of documents ``(i, j)``, ``i < j``, in order, whose :func:`disagreements` are not empty:
    the pair and those disagreements (in no particular order), as :func:`companion_candidates` and
    :func:`disagreements` would find them, without comparing every pair of documents statement by statement.

    Everything :func:`counterparts` compares lies within one subject, so the comparison of two documents is the
    sum of the comparisons of their statements of each subject they share. The statements of a subject in
    one document form a *class* with the same statements (contexts, figures, time frames) in other documents:
    two classes are compared once, however many documents hold them. Similar drafts hold, for most subjects,
    the class of most documents (the reference); a document differs from it in a few subjects (its
    deviations). Two documents compare alike on every subject outside their deviations, which the sums over
    the references give at once, so a pair costs the size of its deviations. And only pairs with a class pair
    that disagrees somewhere are compared at all: the work grows with the statements and the findings, not
    with the square of the number of documents."""
    return _Comparison(documents, threshold).disagreements()


_Key = tuple[str, str, str]


@dataclass(slots=True)
class _Outcome:
    """The comparison of two classes of one subject: the counterparts as positions in the two lists of
    statements, and how many of them agree (as :func:`disagreements` counts) and disagree."""

    pairs: list[tuple[int, int, float]]
    agreeing: int
    differing: int


class _Comparison:
    def __init__(self, documents: list[Keyed], threshold: float) -> None:
        self.documents = documents
        self.threshold = threshold
        count = len(documents)
        holders: dict[_Key, list[int]] = defaultdict(list)
        for index, document in enumerate(documents):
            for key in document:
                holders[key].append(index)
        #: Per subject held by two documents or more: the class of each holder, and the members of each class.
        self.classes: dict[_Key, dict[int, int]] = {}
        self.members: dict[_Key, list[list[int]]] = {}
        self.outcomes: dict[tuple[_Key, int, int], _Outcome] = {}
        #: The reference class of a subject (None: most documents do not state it), and the deviations.
        self.reference: dict[_Key, int | None] = {}
        self.deviations: list[set[_Key]] = [set() for _ in range(count)]
        self.base_shared = 0
        self.base_agreeing = 0
        for key, indexes in holders.items():
            if len(indexes) < 2:
                continue
            signatures: dict[tuple, int] = {}
            classes: dict[int, int] = {}
            members: list[list[int]] = []
            for index in indexes:
                signature = tuple(_signature(subject) for subject in documents[index][key])
                number = signatures.setdefault(signature, len(signatures))
                if number == len(members):
                    members.append([])
                members[number].append(index)
                classes[index] = number
            self.classes[key], self.members[key] = classes, members
            largest = max(range(len(members)), key=lambda number: len(members[number]))
            reference: int | None = None
            if len(members[largest]) > max(1, count - len(indexes)):
                outcome = self.outcome(key, largest, largest)
                if not outcome.differing:
                    reference = largest
                    self.base_shared += 1
                    self.base_agreeing += outcome.agreeing
            self.reference[key] = reference
            if reference is None:
                for index in indexes:
                    self.deviations[index].add(key)
            else:
                held = set(indexes)
                for index in range(count):
                    if index not in held or classes[index] != reference:
                        self.deviations[index].add(key)

    def outcome(self, key: _Key, mine: int, theirs: int) -> _Outcome:
        """The comparison of class ``mine`` (of the first document of a pair) with ``theirs`` on ``key``, made
        on two of their documents (two documents of a class compared with each other: it has two or more)."""
        found = self.outcomes.get((key, mine, theirs))
        if found is None:
            members = self.members[key]
            first = self.documents[members[mine][0]][key]
            second = self.documents[members[theirs][1 if mine == theirs else 0]][key]
            where = {id(subject): position for position, subject in enumerate((*first, *second))}
            pairs = counterparts(first, second, self.threshold)
            found = self.outcomes[key, mine, theirs] = _Outcome(
                [(where[id(pair.subject)], where[id(pair.other)] - len(first), pair.score) for pair in pairs],
                sum(1 for pair in pairs if _agrees_exactly(pair)),
                sum(1 for pair in pairs if not pair.subject.quantity.agrees_with(pair.other.quantity)),
            )
        return found

    def candidates(self) -> list[tuple[int, int]]:
        """The pairs of documents that disagree on some subject they share (whether companions or not)."""
        found: set[tuple[int, int]] = set()
        for key, members in self.members.items():
            for mine, firsts in enumerate(members):
                for theirs, seconds in enumerate(members):
                    if firsts[0] >= seconds[-1] or (mine == theirs and self.reference[key] == mine):
                        continue  # no pair in this order, or the reference, which agrees with itself
                    if self.outcome(key, mine, theirs).differing:
                        found.update((i, j) for i in firsts for j in seconds if i < j)
        return sorted(found)

    def disagreements(self) -> Iterator[tuple[int, int, list[Counterpart]]]:
        for i, j in self.candidates():
            first, second = self.documents[i], self.documents[j]
            shared, agreeing = self.base_shared, self.base_agreeing
            outcomes: list[tuple[_Key, _Outcome]] = []
            for key in self.deviations[i] | self.deviations[j]:
                reference = self.reference[key]
                if reference is not None:
                    shared -= 1
                    agreeing -= self.outcome(key, reference, reference).agreeing
                if key in first and key in second:
                    classes = self.classes[key]
                    outcome = self.outcome(key, classes[i], classes[j])
                    shared += 1
                    agreeing += outcome.agreeing
                    outcomes.append((key, outcome))
            differing = sum(outcome.differing for _, outcome in outcomes)
            if shared < _COMPANION_AGREEMENTS or not differing:
                continue
            if agreeing < _COMPANION_AGREEMENTS or agreeing < _COMPANION_RATIO * differing:
                continue
            found = [
                Counterpart(first[key][a], second[key][b], score)
                for key, outcome in outcomes
                for a, b, score in outcome.pairs
                if not first[key][a].quantity.agrees_with(second[key][b].quantity)
            ]
            yield i, j, found


def _agrees_exactly(pair: Counterpart) -> bool:
    """Whether a pair counts towards two documents being companions (see :func:`disagreements`)."""
    return (
        pair.subject.quantity.is_exact
        and pair.other.quantity.is_exact
        and pair.subject.quantity.unit not in _DURATIONS
        and pair.subject.quantity.agrees_with(pair.other.quantity)
    )


def _signature(subject: Subject) -> tuple:
    """What :func:`counterparts` reads of a statement to compare it with another document's (its place aside):
    two statements of one signature compare alike with any third."""
    quantity = subject.quantity
    return (
        subject.frame,
        subject.intent,
        subject.before,
        subject.after,
        quantity.text,
        quantity.unit,
        quantity.qualifier,
        quantity.named,
        quantity.approximate,
        *(str(number) for number in (quantity.value, quantity.low, quantity.high, quantity.half, quantity.scale)),
    )


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
