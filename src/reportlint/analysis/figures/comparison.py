"""Which figures of two statements are one statement (counterparts), and the comparison of documents that
finds the figures a report and its speech state differently, in time that grows with the statements, not
with the square of the number of documents."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reportlint.analysis.figures.restated import BOUNDS, DURATIONS
from reportlint.analysis.figures.subjects import CLAUSE_END, Subject, subjects
from reportlint.document import Document


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


@dataclass(frozen=True, slots=True)
class Counterpart:
    """Two figures taken for one statement: each is the other's most alike figure of the same subject."""

    subject: Subject
    other: Subject
    score: float


_LEAD_WORDS = 4


#: A subject stated more often than this in one document is generic (增长, 安排资金): no figure of it is a
#: clear counterpart of another, and comparing them all would grow with the square of the document.
_MAX_STATEMENTS = 20


#: The similarity enough across documents for a subject each states once (茶叶产值, 生猪出栏).
_UNIQUE_SIMILARITY = 0.25


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
            and subject.quantity.qualifier not in BOUNDS
            and subject.quantity.unit not in DURATIONS
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
    return CLAUSE_END.search(subject.quantity.block.text, subject.segment[0], subject.quantity.start) is not None


def _best(
    mine: list[Subject], theirs: list[Subject], threshold: float, within: bool
) -> dict[Subject, tuple[Subject, float]]:
    index: dict[tuple[str, str, str], list[Subject]] = defaultdict(list)
    for subject in theirs:
        if subject.comparable:
            index[subject.key].append(subject)
    best: dict[Subject, tuple[Subject, float]] = {}
    own: Counter[tuple[str, str, str]] = Counter(subject.key for subject in mine if subject.comparable)
    for subject in mine:
        if not subject.comparable or len(index[subject.key]) > _MAX_STATEMENTS:
            continue
        # across documents, a subject stated once in each is that statement, in whatever words around it
        bar = _UNIQUE_SIMILARITY if not within and own[subject.key] == 1 == len(index[subject.key]) else threshold
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
        if not scored or scored[0][0] < bar:
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


#: Whether documents ``i`` and ``j`` are companions, given how many subjects they share and how many of their
#: counterparts agree exactly and differ (see :func:`corpus_disagreements`).
Companions = Callable[[int, int, int, int, int], bool]


def agree_mostly(i: int, j: int, shared: int, agreeing: int, differing: int) -> bool:
    """Whether two documents agree on most of the figures they share: at least three agree exactly, and at
    least twice as many agree as differ. Two documents that share few subjects, or whose counterparts disagree
    more than they agree exactly (two years' reports: the same sentences with each year's figures), are not
    companions on their figures alone, and their differences are no evidence of a slip."""
    return (
        shared >= _COMPANION_AGREEMENTS
        and agreeing >= _COMPANION_AGREEMENTS
        and agreeing >= _COMPANION_RATIO * differing
    )


def corpus_disagreements(
    documents: list[Keyed], threshold: float, companions: Companions = agree_mostly
) -> Iterator[tuple[int, int, list[Counterpart]]]:
    """For every pair of documents ``(i, j)``, ``i < j``, in order, that are ``companions`` and state figures
    differently: the pair and the :class:`Counterpart` pairs that differ (in no particular order).

    A report and its speech for one year state most of the same figures identically; a slip is the odd one
    out. By default (:func:`agree_mostly`) two documents are companions when they agree on most of the figures
    they share; the caller may know more (the user paired them, their titles name one period and issuer).
    Only exact figures that are not spans of time count as agreeing: two years' targets of ``7.5%左右``, or two
    reports on ``过去五年``, agree without saying much.

    Everything :func:`counterparts` compares lies within one subject, so the comparison of two documents is the
    sum of the comparisons of their statements of each subject they share. The statements of a subject in
    one document form a *class* with the same statements (contexts, figures, time frames) in other documents:
    two classes are compared once, however many documents hold them. Similar drafts hold, for most subjects,
    the class of most documents (the reference); a document differs from it in a few subjects (its
    deviations). Two documents compare alike on every subject outside their deviations, which the sums over
    the references give at once, so a pair costs the size of its deviations. And only pairs with a class pair
    that disagrees somewhere are compared at all: the work grows with the statements and the findings, not
    with the square of the number of documents."""
    return _Comparison(documents, threshold).disagreements(companions)


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

    def disagreements(self, companions: Companions) -> Iterator[tuple[int, int, list[Counterpart]]]:
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
            if not differing or not companions(i, j, shared, agreeing, differing):
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
        and pair.subject.quantity.unit not in DURATIONS
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
