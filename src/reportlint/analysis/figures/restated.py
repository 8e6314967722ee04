"""One indicator stated twice in one draft, in other words or without a topic, with another figure.

Two kinds of evidence make two figures of a draft one indicator although their words differ:

- the same *core* (:attr:`Subject.key`: the words before the figure without light verbs and scope words,
  ``新增市场主体`` and ``全年新登记市场主体``, ``限上商贸企业`` and ``全县限额以上商贸企业``), stated exactly
  twice in the draft, in the same year, as results (not targets): two such figures with the same digits in
  another order are one figure written twice, one of them wrong; so are two amounts in other words, with
  no figure, year or date before them in their statements (a figure after such a topic counts for that
  case), that differ by less than a quarter. Farther apart, they may count different things; a core stated
  three times or more is generic (``安排资金``); rates and multiples of different things are often close, and
  are not compared.
- the same digits in another order (``2316人`` and ``在校学生保持2361名左右规模``), the commonest slip of a
  retyped figure, for figures of one kind of unit (``人`` and ``名`` both count people) whose words name
  the same thing: the name of one is in the other's words, with nothing before it that narrows it. A
  coincidence of transposed digits and one name is rare enough to report even when one of them is a target
  to keep a figure (``保持……左右``), but never a bound (``以上``: a floor, not a figure), a change or a rate.

And a figure that says it is a plan stated before (``年内建成5G基站350个的计划``) restates the one plan before
it of its unit and year whose words end alike (``计划新建5G基站320个``).

Both figures must be in different statements, and neither a duration nor one of several figures sharing
their words (``分别``).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import regex

from reportlint.analysis.figures.quantities import Quantity
from reportlint.analysis.figures.subjects import Subject
from reportlint.analysis.figures.vocabulary import APPROXIMATE, PERCENT, POINTS

#: Qualifiers of targets and bounds, and units of time spans: such figures are not compared within one draft.
BOUNDS = frozenset("以上 以下 以内 左右 上下 不少于 不低于 不超过 不高于 至少 最多 超过 超 突破".split())


DURATIONS = frozenset("年 个月 周 天 小时 周年 岁".split())


#: More figures than this with one set of digits, or plans before a figure, are not compared.
_MAX_STATEMENTS = 20


#: The fewest characters of a core that names an indicator on its own.
_CORE_LENGTH = 4


#: How far apart (a share of the larger) two figures of one core may be and still be one figure mistyped.
_SLIP = 4


#: Units that count the same things (people: 在校学生2316人, 在校学生2361名).
_UNIT_CLASS = {"名": "人", "位": "人"}


_NOT_DIGIT = regex.compile(r"[^0-9]")


_DIGIT = regex.compile(r"[0-9０-９]")


#: Units of rates and multiples: figures of different things in them are often close.
_RATES = frozenset((PERCENT, POINTS, "倍"))


#: 今年 is what a report's figures are about anyway.
_THIS_YEAR = frozenset(("今年",))


_KEEP = regex.compile(r"保持|稳定在|维持|稳住")


def transposed(a: Quantity, b: Quantity) -> bool:
    """Whether two figures of one magnitude are written with the same digits in another order (5826, 5862)."""
    digits_a = _NOT_DIGIT.sub("", a.block.text[a.number_start : a.number_end])
    digits_b = _NOT_DIGIT.sub("", b.block.text[b.number_start : b.number_end])
    return (
        len(digits_a) >= 3
        and digits_a != digits_b
        and sorted(digits_a) == sorted(digits_b)
        and a.scale == b.scale
        and _unit_class(a) == _unit_class(b)
    )


def restatements(found: list[Subject]) -> list[tuple[Subject, Subject]]:
    """Pairs of figures of one draft, in reading order, that state one indicator in other words with figures
    that differ (see the module's notes)."""
    pairs: list[tuple[Subject, Subject]] = []
    by_core: dict[tuple[str, str, str], list[Subject]] = defaultdict(list)
    by_digits: dict[tuple[str, str], list[Subject]] = defaultdict(list)
    for subject in found:
        if not subject.comparable or subject.quantity.unit in DURATIONS:
            continue
        quantity = subject.quantity
        if quantity.qualifier not in BOUNDS:
            by_core[_core(subject)].append(subject)
        if _loose_candidate(subject):
            digits = _NOT_DIGIT.sub("", quantity.block.text[quantity.number_start : quantity.number_end])
            if len(digits) >= 3:
                by_digits["".join(sorted(digits)), _unit_class(quantity)].append(subject)
    for (predicate, _, _), members in by_core.items():
        if len(members) == 2 and len(predicate) >= _CORE_LENGTH:
            a, b = members
            if (
                _same_time(a, b)
                and not a.intent
                and not b.intent
                and a.stance - _THIS_YEAR == b.stance - _THIS_YEAR  # not last year's and this year's
                and _apart(a, b)
                and (
                    transposed(a.quantity, b.quantity)
                    # in the same words, a heading may name what each is about: see counterparts
                    or (a.lead != b.lead and _slip(a.quantity, b.quantity) and _opens(a) and _opens(b))
                )
            ):
                pairs.append((a, b))
    seen = {(id(a), id(b)) for a, b in pairs}
    generic = {core for core, members in by_core.items() if len(members) > 2}
    for members in by_digits.values():
        if len(members) > _MAX_STATEMENTS:
            continue  # digits this common are no sign of a slip (and would be compared with the square of them)
        for a, b in combinations(members, 2):
            if (id(a), id(b)) in seen or not transposed(a.quantity, b.quantity):
                continue
            if _core(a) in generic or _core(b) in generic or not (_kept(a) and _kept(b)):
                continue
            # a target to keep a figure (明年……保持2361名左右) restates this year's
            if (_same_time(a, b) or _keeps(a) or _keeps(b)) and _apart(a, b) and _one_name(a, b):
                pairs.append((a, b))
    return pairs + _plans_referred_to(found)


#: A figure that says it is a plan stated before: 年内建成5G基站350个的计划.
_OF_THE_PLAN = regex.compile(r"的(?:计划|目标|任务)")
_PLAN = regex.compile(r"计划|目标|任务")
#: The fewest characters two plans must end with alike to be of one thing (5G基站).
_OBJECT_LENGTH = 3


def _plans_referred_to(found: list[Subject]) -> list[tuple[Subject, Subject]]:
    """``计划新建5G基站320个`` … ``确保年内建成5G基站350个的计划``: a figure followed by ``的计划`` restates the
    one plan before it, of its unit and year, whose words end with the same thing (three characters or more)."""
    pairs = []
    plans: list[Subject] = []
    for subject in found:
        quantity = subject.quantity
        if not subject.comparable or quantity.qualifier in BOUNDS:
            continue
        if _OF_THE_PLAN.match(quantity.block.text, quantity.end):
            named = [
                plan
                for plan in plans[-_MAX_STATEMENTS:]
                if _unit_class(plan.quantity) == _unit_class(quantity)
                and plan.era == subject.era
                and len(_common_end(plan.predicate, subject.predicate)) >= _OBJECT_LENGTH
            ]
            if len(named) == 1 and _apart(named[0], subject) and not named[0].quantity.agrees_with(quantity):
                pairs.append((named[0], subject))
            plans.append(subject)
        elif _PLAN.search(subject.predicate):
            plans.append(subject)
    return pairs


def _common_end(a: str, b: str) -> str:
    length = 0
    while length < min(len(a), len(b)) and a[-1 - length] == b[-1 - length]:
        length += 1
    return a[len(a) - length :]


def _core(subject: Subject) -> tuple[str, str, str]:
    return subject.key[0], _unit_class(subject.quantity), subject.key[2]


def _kept(subject: Subject) -> bool:
    """A result, or a target to keep a figure where it is (``保持``, ``稳定在``: the current figure again)."""
    return not subject.intent or _keeps(subject)


def _keeps(subject: Subject) -> bool:
    """A target to keep a figure where it is."""
    text = subject.quantity.block.text
    return bool(subject.intent) and _KEEP.search(text, subject.segment[0], subject.quantity.start) is not None


def _unit_class(quantity: Quantity) -> str:
    return _UNIT_CLASS.get(quantity.unit, quantity.unit)


def _same_time(a: Subject, b: Subject) -> bool:
    """The same year, and no other year named with either."""
    return a.era == b.era and (not a.frame or not b.frame or a.frame == b.frame)


def _apart(a: Subject, b: Subject) -> bool:
    """In different statements: two figures of one statement are two things."""
    return a.quantity.block is not b.quantity.block or a.segment != b.segment


def _slip(a: Quantity, b: Quantity) -> bool:
    """Exact amounts that differ, by less than a quarter of the larger (rates of different things are often
    close: not compared)."""
    if not (a.is_exact and b.is_exact) or a.unit in _RATES or _per(a) or _per(b) or a.agrees_with(b):
        return False
    assert a.value is not None and b.value is not None
    return abs(a.value - b.value) * _SLIP < max(abs(a.value), abs(b.value))


def _per(quantity: Quantity) -> bool:
    """A figure per something (``2000万人次/年``): a rate."""
    return quantity.block.text[quantity.end : quantity.end + 1] in {"/", "／"}


def _opens(subject: Subject) -> bool:
    """Whether the figure names its indicator on its own: nothing before it in its statement holds a figure, a
    year or a date (``抽查各地区网站500个，总体合格率97%``, ``某项目截至2016年9月底尚未开工，涉及投资5655万
    元``: a figure after such a topic counts for that case, which may be another in the other statement)."""
    text = subject.quantity.block.text
    return _DIGIT.search(text, subject.segment[0], subject.quantity.start) is None


def _loose_candidate(subject: Subject) -> bool:
    """A figure that can be compared by its digits and name: an amount, not a change, a rate or a bound."""
    quantity = subject.quantity
    return (
        quantity.unit not in (PERCENT, POINTS)
        and "/" not in subject.predicate
        and (not quantity.qualifier or quantity.qualifier in APPROXIMATE)
    )


def _one_name(a: Subject, b: Subject) -> bool:
    """Whether the name of one figure (its core, or else the noun after it; two characters or more) is in
    the other's words, with nothing before it there but words of intent and particles: words before a name
    narrow it (``城关镇新增市场主体`` is not ``新增市场主体``)."""
    return _named_in(a, b) or _named_in(b, a)


def _named_in(a: Subject, b: Subject) -> bool:
    name = a.key[0] or a.noun
    words = b.key[0] + b.noun
    at = words.find(name) if len(name) >= 2 else -1
    return at >= 0 and not _NOT_NARROWING.sub("", words[:at])


#: Words before a name that do not narrow what it names: time and intent (明年力争在校学生), particles (对检查的
#: ……场所).
_NOT_NARROWING = regex.compile(
    r"今年|明年|年内|全年|当年|下一步|今后|未来|预期|预计|目标|计划|拟|力争|争取|确保|将|要|对|把|向|的"
)
