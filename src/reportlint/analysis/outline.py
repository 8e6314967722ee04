"""The outline of a document and the enumerations inside its paragraphs, with the numbering faults of both.

Two kinds of enumerator are recognised:

* **Headings** open a block: ``一、`` ``（一）`` ``1.``/``1．``/``1、`` ``（1）`` ``1）`` ``①`` (GB/T 9704-2012 and
  common practice; ASCII and full-width brackets alike) and ``第一编/章/节/条/部分``. They form a tree by the
  document's own usage, not by a fixed table: a kind already open on the path from the root is a sibling of
  that heading, any other kind is a child of the innermost open heading, so ``1.`` directly under ``一、`` is
  simply that document's second level. Decimal numbers and dates (``1.5亿元``, ``1.1``), numbers listed
  together (``一、二季度``) and numbered references (``① 作者：《书名》，第2卷，第3页。``) are not headings.
* **Inline enumerators** stand at a clause boundary (the start of the block or after ``。；：，！？``):
  ``一是`` ``其一`` ``第一，`` ``首先/其次/再次/最后`` ``一方面/另一方面``. ``统一是`` ``唯一是`` ``第一次``
  are not enumerators. A sequence runs inside one paragraph and on into the next paragraphs of its section (a
  heading at the section's level or above ends it, a deeper list does not): ``一是`` starts a new sequence, a
  higher number continues the latest one nearby, or an earlier one that it follows on exactly.

Numbered items form **groups** (the children of one heading, or one inline sequence), and each group is checked
once here, so that every rule reads the same verdicts: a skipped, duplicated or out-of-order number, a group
that starts above one without continuing an earlier group (articles ``第N条`` run on across chapters), and a
heading numbered in another style than the rest of its level. The figures rules use :meth:`Outline.at` to
know that ``一是`` or ``（三）`` is an enumerator, not a quantity.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

import regex

from reportlint.analysis.chars import HAN as HAN_CHAR
from reportlint.analysis.chars import STATEMENT_END, char_at
from reportlint.analysis.fulltext import full_text
from reportlint.analysis.scan import chained, positions
from reportlint.document import Block, Document

# ----------------------------------------------------------------------------------------------- numerals

_HAN_DIGITS = "一二三四五六七八九"
_CIRCLED = "".join(map(chr, range(0x2460, 0x2474))) + "".join(map(chr, range(0x3251, 0x3260)))
_CIRCLED += "".join(map(chr, range(0x32B1, 0x32C0)))  # ①…⑳ ㉑…㉟ ㊱…㊿
_PAREN_DIGITS = "".join(map(chr, range(0x2474, 0x2488)))  # ⑴…⒇
_STOP_DIGITS = "".join(map(chr, range(0x2488, 0x249C)))  # ⒈…⒛
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_HALFWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

HAN, ARABIC, FULLWIDTH, CIRCLED, PAREN_DIGIT, STOP_DIGIT, WORD = (
    "han",
    "arabic",
    "fullwidth",
    "circled",
    "paren-digit",
    "stop-digit",
    "word",
)


def han_numeral(number: int) -> str:
    """The Chinese numeral of 1 to 999, as ordinals are written (``十二``, ``二十``, ``一百零五``)."""
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    text = f"{_HAN_DIGITS[hundreds - 1]}百" if hundreds else ""
    if tens:
        text += ("" if tens == 1 and not hundreds else _HAN_DIGITS[tens - 1]) + "十"
    elif hundreds and ones:
        text += "零"
    return text + (_HAN_DIGITS[ones - 1] if ones else "")


#: Ordinals are written in one canonical way, so parsing is a lookup of what :func:`han_numeral` writes.
_HAN_VALUES = {han_numeral(number): number for number in range(1, 1000)}


def han_number(text: str) -> int | None:
    """The value of a Chinese ordinal numeral from 1 to 999 (``一``, ``十二``, ``二十``, ``一百零五``), else None."""
    return _HAN_VALUES.get(text)


def _render(number: int, system: str) -> str:
    if system == HAN:
        return han_numeral(number)
    if system == ARABIC:
        return str(number)
    if system == FULLWIDTH:
        return str(number).translate(_FULLWIDTH)
    table = {CIRCLED: _CIRCLED, PAREN_DIGIT: _PAREN_DIGITS, STOP_DIGIT: _STOP_DIGITS}[system]
    return table[number - 1] if 0 < number <= len(table) else str(number)


def _value(numeral: str, system: str) -> int | None:
    if system == HAN:
        return han_number(numeral)
    if system in (ARABIC, FULLWIDTH):
        return int(numeral.translate(_HALFWIDTH))
    table = {CIRCLED: _CIRCLED, PAREN_DIGIT: _PAREN_DIGITS, STOP_DIGIT: _STOP_DIGITS}[system]
    return table.index(numeral) + 1


# ------------------------------------------------------------------------------------------- enumerators

#: Inline kinds of words, numbered by position: ordinal adverbs, and the two sides of a question.
ADVERB, ASPECT = "首先", "一方面"


@dataclass(frozen=True, slots=True)
class Enumerator:
    """One enumerator as written: ``head`` + ``numeral`` + ``tail`` + ``punct`` is ``block.text[start:end]``.

    ``kind`` names the style by its first member: headings ``一、`` ``（一）`` ``1.`` ``（1）`` ``1）`` ``①``
    ``第一章`` ``第一节`` ``第一条`` ``第一部分`` ``第一编`` (brackets and point as written may differ: ``(一)``,
    ``1．``, ``⑴``); inline ``一是`` ``其一`` ``第一，`` and the word kinds :data:`ADVERB` and :data:`ASPECT`.

    ``punct`` is the point written after the form (``、`` in ``一、``, ``.`` in ``1.``, the surplus ``、`` of
    ``（一）、``, ``，`` of ``第一，``); ``heading`` tells a block-opening outline marker from an inline one.
    """

    block: Block
    start: int
    end: int
    kind: str
    number: int
    heading: bool
    head: str
    numeral: str
    tail: str
    punct: str
    system: str

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    def renumbered(self, number: int) -> str:
        """This enumerator written with another number, in the same style and punctuation."""
        if self.system == WORD:
            return self.text
        return self.head + _render(number, self.system) + self.tail + self.punct


_HAN_NUM = "[一二三四五六七八九十]{1,3}"
_ARABIC_NUM = "[1-9][0-9]{0,2}|[１-９][０-９]{0,2}"
#: Numbers listed together at a block start are not a heading: 一、二季度, 二、三产业, 一、二月份, 一、二、三级.
_NUMBER_LIST = regex.compile(r"[一二三四五六七八九十](?:[、，]|季度|产业|等奖|年级|级|类|线城市|批|期|月|号)")
_DIGITS = "0123456789０１２３４５６７８９"
#: (kind, first characters, pattern) tried in order at the start of a block; groups: head, numeral, tail,
#: punct. The kind of ``第…章/节/条/部分/编`` is ``第一`` + its unit.
_HEADING_FORMS = (
    (None, "第", r"(第)([一二三四五六七八九十百零〇]{1,6})(章|节|条|部分|编)(?:([、.．])|(?=[\s\u3000，,：:]|$))"),
    ("一、", "一二三四五六七八九十", rf"()({_HAN_NUM})()(、|[.．](?![0-9０-９]))"),
    ("（一）", "（(", rf"([（(])({_HAN_NUM})([）)])([、.．，,]?)"),
    ("（1）", "（(", r"([（(])([1-9][0-9]?|[１-９][０-９]?)([）)])([、.．，,]?)"),
    ("1.", _DIGITS, rf"()({_ARABIC_NUM})()([.．、])(?![0-9０-９%％])"),
    ("1）", _DIGITS, r"()([1-9][0-9]?)([）)])()(?![0-9])"),
    ("①", _CIRCLED, rf"()([{_CIRCLED}])()([、.．，,]?)"),
    ("（1）", _PAREN_DIGITS, rf"()([{_PAREN_DIGITS}])()([、.．，,]?)"),
    ("1.", _STOP_DIGITS, rf"()([{_STOP_DIGITS}])()()"),
)
#: After a label, and in a list already running, titles may start with a figure: 附件：1.2023年度…
_FIGURE_LED = ("1.", _DIGITS, r"()([1-9][0-9]?)()([.．、])")


def _by_first_char(forms: tuple[tuple[str | None, str, str], ...]) -> dict[str, list[tuple[str | None, regex.Pattern]]]:
    table: dict[str, list[tuple[str | None, regex.Pattern]]] = defaultdict(list)
    for kind, firsts, pattern in forms:
        compiled = regex.compile(pattern)
        for char in firsts:
            table[char].append((kind, compiled))
    return dict(table)


_FORMS = _by_first_char(_HEADING_FORMS)
_FIGURE_LED_FORMS = _by_first_char((_FIGURE_LED, *_HEADING_FORMS))
_INDENT = regex.compile(r"[ \t\u3000\u00a0]*")
#: Indentation and a label that may stand before the first item of a list: 附件：1.…, 注：1.…
_LEAD = regex.compile(r"[ \t\u3000\u00a0]*(?P<label>(?:附件|附表|附|注|说明|备注)[:：][ \t\u3000\u00a0]*)?")
#: The characters that _LEAD starts with.
_LEAD_FIRST = frozenset(" \t\u3000\u00a0附注说备")
#: A line that opens an annex: the annex has an outline of its own.
_PART_BREAK = regex.compile(
    r"[ \t\u3000\u00a0]*附[件表][ \t\u3000]*[0-9０-９一二三四五六七八九十]{0,3}[ \t\u3000\u00a0]*"
)
#: A numbered reference or footnote: a work in 《》 with its pages, publisher or edition (a heading may name a
#: volume: 1.学习《……》第四卷).
_REFERENCE = regex.compile(
    r"[^。；]{0,30}《[^》]{1,60}》[^。]{0,40}?(?:第\s*[0-9一二三四五六七八九十]+(?:[—–~-][0-9]+)?\s*页|出版社|年版|\bp\.)"
)

#: Inline enumerators; each is one only at a clause boundary (checked separately).
_INLINE = regex.compile(
    r"(?P<di>第)(?P<dn>[一二三四五六七八九十]{1,3})(?P<dt>步?)(?P<dp>[，,]|、(?![一二三四五六七八九十第]))"
    r"|(?P<qi>其)(?P<qn>[一二三四五六七八九十]{1,2})(?=[，,、：:；;是为])"
    r"|(?P<sn>[一二三四五六七八九十]{1,3})是(?![否])"
    r"|(?P<aspect>另一方面|另方面|又一方面|一方面)"
    r"|(?P<adverb>首先|其次|(?:再次|最后)(?=[，,]))"
)
_BOUNDARY = frozenset("。；：，！？;:,!?…\u2028")
_CLOSERS = frozenset("”’」』）)》〉】")
_SPACE = frozenset(" \t\u3000\u00a0")
#: 一方面 also follows a subject (我们一方面……，一方面……), but not in 这一方面, 积极的一方面, 只是一方面.
_NOT_BEFORE_ASPECT = frozenset("这那另每何某同单第唯统哪又的是一二三四五六七八九十")


def heading_marker(block: Block, figure_led: bool = False) -> Enumerator | None:
    """The outline marker opening ``block``, if any. ``figure_led``: also take ``2.`` before a figure
    (``2.1个工作日内…``), which is only a heading where it continues a list (``1.`` just before)."""
    text = block.text
    if text[:1] not in _LEAD_FIRST and text[:1] not in (_FIGURE_LED_FORMS if figure_led else _FORMS):
        return None  # most blocks: no indentation, label or marker to look at
    lead = _LEAD.match(text)
    start = lead.end()
    if start >= len(text):
        return None
    forms = _FIGURE_LED_FORMS if figure_led or lead.group("label") else _FORMS
    for kind, pattern in forms.get(text[start], ()):
        match = pattern.match(text, start)
        if match is None:
            continue
        head, numeral, tail, punct = (group or "" for group in match.groups())
        kind = kind or head + "一" + tail
        system = _system_of(numeral)
        number = _value(numeral, system)
        if number is None or not _is_heading(kind, text, match.end(), system):
            return None
        return Enumerator(block, start, match.end(), kind, number, True, head, numeral, tail, punct, system)
    return None


def _system_of(numeral: str) -> str:
    first = numeral[0]
    if first in "0123456789":
        return ARABIC
    if first in "０１２３４５６７８９":
        return FULLWIDTH
    if first in _CIRCLED:
        return CIRCLED
    if first in _PAREN_DIGITS:
        return PAREN_DIGIT
    if first in _STOP_DIGITS:
        return STOP_DIGIT
    return HAN


def _is_heading(kind: str, text: str, end: int, system: str) -> bool:
    if kind == "一、" and _NUMBER_LIST.match(text, end):
        return False
    if system in (CIRCLED, ARABIC, FULLWIDTH, PAREN_DIGIT, STOP_DIGIT) and "《" in text:
        return _REFERENCE.match(text, end) is None
    return True


def inline_enumerators(block: Block, floor: int = 0, starts: list[int] | None = None) -> list[Enumerator]:
    """The inline enumerators of ``block`` at clause boundaries, from ``floor`` on (after a heading marker).
    ``starts``: where one may start in the block (see :func:`_inline_starts`), if already known."""
    text = block.text
    found = []
    for match in chained(_INLINE, text, _inline_starts(text) if starts is None else starts, floor):
        start = match.start()
        groups = match.groupdict()
        if not _at_boundary(text, start, floor) and not (
            groups["aspect"] and HAN_CHAR.match(text, start - 1) and text[start - 1] not in _NOT_BEFORE_ASPECT
        ):
            continue
        if groups["di"]:
            numeral, kind, head, tail, punct = groups["dn"], "第一，", "第", groups["dt"], groups["dp"]
        elif groups["qi"]:
            numeral, kind, head, tail, punct = groups["qn"], "其一", "其", "", ""
        elif groups["sn"]:
            numeral, kind, head, tail, punct = groups["sn"], "一是", "", "是", ""
            if text.startswith(numeral, match.end()) and not HAN_CHAR.match(char_at(text, match.end() + len(numeral))):
                continue  # 一是一，二是二: an idiom, not an enumeration
        else:
            word = match.group()
            kind = ASPECT if groups["aspect"] else ADVERB
            number = 1 if word in ("一方面", "首先") else 3 if word == "再次" else 2
            found.append(Enumerator(block, start, match.end(), kind, number, False, "", word, "", "", WORD))
            continue
        number = han_number(numeral)
        if number is not None:
            found.append(Enumerator(block, start, match.end(), kind, number, False, head, numeral, tail, punct, HAN))
    return found


_INLINE_NUMERALS = frozenset(_HAN_DIGITS + "十")


def _inline_starts(text: str) -> list[int]:
    """The offsets of ``text`` where an _INLINE match may start (and a few more), found by searching for single
    characters: 第 or 其 before a numeral, 其次, the numerals right before 是, the two characters before 方面,
    首先, 再次, 最后."""
    starts = []
    for at in positions(text, "是"):
        before = at - 1
        while before >= max(0, at - 3) and text[before] in _INLINE_NUMERALS:
            starts.append(before)
            before -= 1
    for at in positions(text, "面"):
        if char_at(text, at - 1) == "方":
            starts += [before for before in (at - 3, at - 2) if before >= 0]
    for first, followers in _INLINE_PAIRS:
        starts += [at for at in positions(text, first) if char_at(text, at + 1) in followers]
    return sorted(set(starts))


#: Characters that start an _INLINE match other than before 是 or 方面, and the characters that may follow them.
_INLINE_PAIRS = (
    ("第", _INLINE_NUMERALS),
    ("其", _INLINE_NUMERALS | {"次"}),
    ("首", {"先"}),
    ("再", {"次"}),
    ("最", {"后"}),
)


def _at_boundary(text: str, index: int, floor: int) -> bool:
    while index > floor and text[index - 1] in _SPACE:
        index -= 1
    while index > floor and text[index - 1] in _CLOSERS:
        index -= 1
    return index <= floor or text[index - 1] in _BOUNDARY


# ------------------------------------------------------------------------------------------------ outline

SKIPPED, DUPLICATED, ORDER, STYLE = "skipped", "duplicated", "order", "style"


@dataclass(eq=False, slots=True)
class Heading:
    """A node of the outline tree. ``kind`` is the level it stands at: its marker's kind, or the kind of its
    siblings when it was written in another style (``（3）`` between ``（二）`` and ``（四）``)."""

    marker: Enumerator
    parent: Heading | None
    kind: str
    part: int = 0
    depth: int = 1
    children: list[Heading] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Group:
    """Items numbered as one run: the children of one heading of one kind (a new ``1`` restarts the run), or
    one inline sequence. ``continues`` is the earlier group it carries on from (articles across chapters);
    ``should_continue`` the one it should have carried on from, where the document's numbering of its kind
    runs on and this group jumps ahead."""

    kind: str
    items: list[Enumerator] = field(default_factory=list)
    parent: Heading | None = None
    continues: Group | None = None
    headings: list[Heading] = field(default_factory=list)
    should_continue: Group | None = None

    @property
    def numbered(self) -> bool:
        return self.kind not in (ADVERB, ASPECT)


@dataclass(frozen=True, slots=True)
class Fault:
    """A numbering fault of ``item``: ``replacement`` is the suggested enumerator, ``previous`` the item it
    clashes with (the first of a duplicated pair, the last before a gap), ``missing`` the skipped numbers."""

    item: Enumerator
    kind: str
    replacement: str
    previous: Enumerator | None = None
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Announcement:
    """A count announced before a group (``抓好以下三个方面：``), at ``start:end`` of ``block``."""

    block: Block
    start: int
    end: int
    count: int
    group: Group


@dataclass(slots=True)
class Outline:
    headings: list[Heading]
    groups: list[Group]
    faults: list[Fault]
    announcements: list[Announcement]
    _by_block: dict[int, list[Enumerator]]

    def enumerators(self, block: Block) -> list[Enumerator]:
        """The enumerators of ``block`` (heading marker first, then inline ones), in text order."""
        return self._by_block.get(block.index, [])

    def at(self, block: Block, offset: int) -> Enumerator | None:
        """The enumerator covering ``offset`` of ``block``, if any (``一是`` is an enumerator, not a figure)."""
        items = self._by_block.get(block.index, [])
        index = bisect_right([item.start for item in items], offset) - 1
        if index >= 0 and offset < items[index].end:
            return items[index]
        return None


#: An inline sequence carries on over at most this many blocks without one of its items.
_CARRY_BLOCKS = 3
#: How many earlier runs of one kind may still be taken up again (keeps the analysis linear in the text).
_RESUMABLE = 8


def outline(document: Document) -> Outline:
    """The outline of the document (use through ``document.analysis(outline)``)."""
    blocks = document.blocks
    markers = _markers(blocks)
    headings, heading_groups, restyled = _tree(markers)
    placed: dict[int, Heading] = {}
    glued: dict[int, list[Enumerator]] = defaultdict(list)  # （一） written on the line of its 一、 heading
    for node in headings:
        index = node.marker.block.index
        if index in placed:
            glued[index].append(node.marker)
        else:
            placed[index] = node
    sequences = _Sequences()
    # where inline enumerators may start, found in one pass over the document's text
    full = document.analysis(full_text)
    starts: dict[int, list[int]] = defaultdict(list)
    for offset in _inline_starts(full.text):
        block, at = full.locate(offset)
        starts[block.index].append(at)
    by_block: dict[int, list[Enumerator]] = {}
    for block in blocks:
        heading = placed.get(block.index)
        block_starts = starts.get(block.index)
        if heading is None and block_starts is None and block.kind != "heading" and not _is_part_break(block):
            continue  # most blocks: no enumerator, and no section boundary for the sequences
        marker = heading.marker if heading else None
        items = sequences.add(block, marker, heading.depth if heading else None, block_starts or [])
        if marker or items:
            by_block[block.index] = [marker, *glued.get(block.index, ()), *items] if marker else items
    groups = heading_groups + sequences.groups
    faults = [fault for group in groups if group.numbered for fault in _numbering_faults(group, blocks)]
    faults += restyled + _level_style_faults(heading_groups, blocks)
    faults.sort(key=lambda fault: (fault.item.block.index, fault.item.start))
    announcements = [a for group in groups if (a := _announcement(group, blocks)) is not None]
    return Outline(headings, groups, faults, announcements, by_block)


def _markers(blocks: list[Block]) -> list[Enumerator | None]:
    """The heading markers in document order, with None for a part break (``附件2`` opens an annex)."""
    markers: list[Enumerator | None] = []
    for block in blocks:
        if block.kind == "table-cell":
            continue
        marker = heading_marker(block)
        if marker is None and markers and (last := markers[-1]) and last.kind == "1.":
            marker = heading_marker(block, figure_led=True)
            if marker is not None and (marker.kind, marker.number) != (last.kind, last.number + 1):
                marker = None
        if marker is not None:
            markers.append(marker)
            if (sub := _glued_subheading(marker)) is not None:
                markers.append(sub)
        elif _is_part_break(block):
            markers.append(None)
    return markers


#: A short title and then the first subheading on the same line: ``一、主要成效（一）抓党建……``.
_GLUED = regex.compile(r"[^。；，！？：:;,\n（(]{2,30}(?=[（(]一[）)])")


def _glued_subheading(marker: Enumerator) -> Enumerator | None:
    """The ``（一）`` glued to the title of a ``一、`` heading on its line, as the first of its own group."""
    if marker.kind != "一、":
        return None
    text = marker.block.text
    title = _GLUED.match(text, marker.end)
    if title is None:
        return None
    match = _FORMS["（"][0][1].match(text, title.end())
    if match is None:
        return None
    head, numeral, tail, punct = (group or "" for group in match.groups())
    return Enumerator(marker.block, title.end(), match.end(), "（一）", 1, True, head, numeral, tail, punct, HAN)


def _is_part_break(block: Block) -> bool:
    return "附" in block.text[:8] and _PART_BREAK.fullmatch(block.text) is not None


#: Live inline sequences by kind, each with the depth of the section it started in.
_Live = dict[str, list[tuple[int, Group]]]


class _Sequences:
    """Inline sequences, block by block. A sequence lives in the section where it starts: a heading at its
    level or above ends it, a deeper one does not (``第一，……`` / ``1.`` ``2.`` / ``第二，……``)."""

    def __init__(self) -> None:
        self.groups: list[Group] = []
        self.live: _Live = defaultdict(list)
        self.depth = 0

    def add(self, block: Block, marker: Enumerator | None, depth: int | None, starts: list[int]) -> list[Enumerator]:
        """The inline enumerators of ``block`` (which may start at ``starts``), placed in their sequences;
        ``depth``: that of its heading."""
        if block.kind == "table-cell":
            return self._place_all(block, 0, defaultdict(list), 0, starts)  # a cell's sequences stay in the cell
        if depth is None and (block.kind == "heading" or _is_part_break(block)):
            depth = 0  # an unnumbered heading, an annex: every sequence ends
        if depth is not None:
            self.depth = depth
            for groups in self.live.values():
                groups[:] = [(start, group) for start, group in groups if start < depth]
        return self._place_all(block, marker.end if marker else 0, self.live, self.depth, starts)

    def _place_all(self, block: Block, floor: int, live: _Live, depth: int, starts: list[int]) -> list[Enumerator]:
        if not starts:
            return []
        items = inline_enumerators(block, floor, starts)
        return [placed for item in items if (placed := self._place(item, live, depth))]

    def _place(self, item: Enumerator, live: _Live, depth: int) -> Enumerator | None:
        """Add ``item`` to the sequence it continues or start one; None when it is no enumerator after all."""
        groups = live[item.kind]
        latest = groups[-1][1] if groups else None
        near = latest is not None and item.block.index - latest.items[-1].block.index <= _CARRY_BLOCKS
        last = latest.items[-1] if latest else None
        if item.kind == ADVERB:
            joins = near and (item.numeral in ("其次", "最后") or (item.numeral == "再次" and last.numeral == "其次"))
            if not joins and item.numeral in ("再次", "最后"):
                return None  # 再次 (again) and 最后 (at last) are ordinals only inside a 首先 … sequence
            if joins:
                item = replace(item, number=last.number + 1)
        elif item.kind == ASPECT:
            same_block_pair = last is not None and last.block is item.block and len(latest.items) == 1
            joins = near and last.number == 1 and len(latest.items) == 1 and (item.number == 2 or same_block_pair)
            if joins and item.number == 1:
                item = replace(item, number=2)  # 一方面……，一方面……
        else:
            joins = item.number != 1 and (near or any(g.items[-1].number == item.number - 1 for _, g in groups))
            if joins and not near:
                latest = next(g for _, g in reversed(groups) if g.items[-1].number == item.number - 1)
        if joins:
            latest.items.append(item)
            return item
        group = Group(item.kind, [item])
        adverbs = live[ADVERB]
        if group.numbered and adverbs and adverbs[-1][1].items[-1].number == item.number - 1:
            group.continues = adverbs[-1][1]  # 首先……其次……第三，……: a run begun in words
        groups.append((depth, group))
        del groups[:-_RESUMABLE]
        self.groups.append(group)
        return item


def _tree(markers: list[Enumerator | None]) -> tuple[list[Heading], list[Group], list[Fault]]:
    """Headings in a tree by the document's usage; the sibling groups; headings written in a sibling's style.
    ``None`` in ``markers`` is a part break (``附件2``): the outline starts again from the root.

    A ``1`` under the same parent starts a new group and puts the current one aside; a number that fits no
    longer the current group but the one put aside takes that up again: a document that reuses ``一、`` for
    a list inside a part (``二、`` … ``一、`` ``二、`` … ``三、``)."""
    headings: list[Heading] = []
    groups: list[Group] = []
    restyled: list[Fault] = []
    open_groups: dict[tuple[int, str], list[Group]] = defaultdict(list)  # (parent id or -part, kind) -> groups
    last_of_kind: dict[str, Group] = {}
    running: set[str] = set()  # kinds whose numbering has run on across parents in this document
    stack: list[Heading] = []
    part = 0
    for index, marker in enumerate(markers):
        if marker is None:
            part += 1
            stack.clear()
            continue
        if _labelled(marker) or (stack and _labelled(stack[0].marker) and stack[0].kind != marker.kind):
            stack.clear()  # 附件：1.… 2.…: a list of its own, neither inside the outline above nor around the next
        level = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].kind == marker.kind), None)
        kind = marker.kind
        if level is not None:
            parent = stack[level].parent
            del stack[level:]
        else:
            parent = stack[-1] if stack else None
            following = markers[index + 1] if index + 1 < len(markers) else None
            if parent is not None and _reads_as_sibling(marker, parent, following, last_of_kind.get(kind)):
                sibling = stack.pop()
                parent, kind = sibling.parent, sibling.kind
                restyled.append(Fault(marker, STYLE, sibling.marker.renumbered(marker.number), sibling.marker))
        node = Heading(marker, parent, kind, part, parent.depth + 1 if parent else 1)
        headings.append(node)
        if parent is not None:
            parent.children.append(node)
        keyed = open_groups[id(parent) if parent else -part, kind]
        group = _group_for(marker.number, keyed)
        if group is None:
            previous = last_of_kind.get(kind)
            # numbering that runs on from the last group of its kind (第N条 across chapters)
            runs_on = previous is not None and marker.number == previous.items[-1].number + 1
            group = Group(kind, [], parent, previous if runs_on else None)
            if runs_on:
                running.add(kind)
            elif kind in running and marker.number > previous.items[-1].number + 1:
                group.should_continue = previous
            keyed.append(group)
            groups.append(group)
        group.items.append(marker)
        group.headings.append(node)
        last_of_kind[kind] = group
        stack.append(node)
    return headings, groups, restyled


def _group_for(number: int, keyed: list[Group]) -> Group | None:
    """The group of siblings a heading numbered ``number`` joins (None: it starts one): the current group, or
    one put aside that it continues."""
    if not keyed or number == 1:
        return None
    current = keyed[-1]
    if number != current.items[-1].number + 1:
        for index in range(len(keyed) - 2, max(len(keyed) - 2 - _RESUMABLE, -1), -1):
            if keyed[index].items[-1].number == number - 1:
                keyed.append(keyed.pop(index))
                return keyed[-1]
    return current


def _labelled(marker: Enumerator) -> bool:
    return marker.start > 0 and marker.start > _INDENT.match(marker.block.text).end()


def _reads_as_sibling(
    marker: Enumerator, parent: Heading, following: Enumerator | None, previous: Group | None
) -> bool:
    """``（3）`` right after ``（二）`` and before ``（四）``: a sibling written in another style, not a child."""
    number = marker.number
    if number != parent.marker.number + 1 or number == 1:
        return False
    if previous is not None and previous.items[-1].number == number - 1:
        return False  # continues an earlier run of its own kind
    return following is None or following.kind != marker.kind or following.number != number + 1


def _numbering_faults(group: Group, blocks: list[Block]) -> list[Fault]:
    items = group.items
    if len(items) > 1 and all(item.block.kind == "list-item" for item in items) and len({i.number for i in items}) == 1:
        return []  # Markdown's lazy numbering: 1. 1. 1. renders as 1. 2. 3.
    faults = []
    first = items[0]
    if group.should_continue is not None:
        last = group.should_continue.items[-1]
        missing = tuple(first.renumbered(n).rstrip("，,") for n in range(last.number + 1, first.number))
        faults.append(Fault(first, SKIPPED, first.renumbered(last.number + 1), last, missing))
    elif first.number != 1 and group.continues is None:
        faults.append(Fault(first, ORDER, first.renumbered(1)))
    accepted = {first.number + 1}
    skip_next = False
    for index in range(1, len(items)):
        item, previous = items[index], items[index - 1]
        number = item.number
        if skip_next or number in accepted:
            accepted = {number + 1} if not skip_next else {max(number, previous.number) + 1}
            skip_next = False
            continue
        expected = min(accepted)
        following = items[index + 1].number if index + 1 < len(items) else None
        if number == previous.number:
            fault = Fault(item, DUPLICATED, item.renumbered(expected), previous)
        elif number > expected and following == expected:
            fault, skip_next = Fault(item, ORDER, item.renumbered(expected), previous), True
        elif number > expected:
            missing = tuple(item.renumbered(n).rstrip("，,") for n in range(expected, number))
            fault = Fault(item, SKIPPED, item.renumbered(expected), previous, missing)
        else:
            fault = Fault(item, ORDER, item.renumbered(expected), previous)
        faults.append(fault)
        accepted = {number + 1, expected, expected + 1}
    return [fault for fault in faults if not _written_off_boundary(fault, blocks)]


def _written_off_boundary(fault: Fault, blocks: list[Block]) -> bool:
    """Whether an inline item reported missing is written after all, only not at a clause boundary (``……/摄
    三是……``, a caption glued on): the punctuation is at fault there, not the numbering."""
    item, previous = fault.item, fault.previous
    if item.heading:
        return False
    if fault.kind == SKIPPED:
        if previous.block is item.block:
            between = item.block.text[previous.end : item.start]
        else:
            middle = (blocks[index].text for index in range(previous.block.index + 1, item.block.index))
            between = "".join((previous.block.text[previous.end :], *middle, item.block.text[: item.start]))
        return any(item.renumbered(number) in between for number in range(previous.number + 1, item.number))
    return fault.kind == ORDER and previous is None and item.renumbered(1) in item.block.text[: item.start]


def _level_style_faults(groups: list[Group], blocks: list[Block]) -> list[Fault]:
    """Children written in a kind that the other headings of their parent's level do not use for theirs: under
    ``一、`` the document writes ``（一）`` twice and ``（1）`` once. A group whose own children are of the usual
    kind is an extra level (``二、`` → ``（一）`` → ``1.`` where the other parts go ``一、`` → ``1.``), not a slip;
    nor is a list that a sentence ending in a colon introduces (``予以通报：`` then ``1.`` ``2.``)."""
    child_kinds: dict[int, set[str]] = defaultdict(set)  # id of a heading -> kinds of its children groups
    usage: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)  # (part, parent kind) -> kind -> parents
    for group in groups:
        if group.parent is not None and group.kind not in child_kinds[id(group.parent)]:
            child_kinds[id(group.parent)].add(group.kind)
            usage[group.parent.part, group.parent.kind][group.kind] += 1
    faults = []
    for group in groups:
        parent = group.parent
        if parent is None:
            continue
        counts = usage[parent.part, parent.kind]
        dominant, uses = counts.most_common(1)[0]
        if dominant == group.kind or uses < 2 or counts[group.kind] >= uses or dominant in child_kinds[id(parent)]:
            continue
        if any(dominant in child_kinds[id(node)] for node in group.headings):
            continue
        if _introduced_list(group, blocks):
            continue
        model = next(
            g.items[0]
            for g in groups
            if g.kind == dominant and g.parent and (g.parent.part, g.parent.kind) == (parent.part, parent.kind)
        )
        faults.extend(Fault(item, STYLE, model.renumbered(item.number), model) for item in group.items)
    return faults


def _introduced_list(group: Group, blocks: list[Block]) -> bool:
    """Whether the paragraph just before the group's first item is a sentence introducing it with a colon."""
    first = group.items[0].block.index
    if first == 0:
        return False
    lead = blocks[first - 1]
    text = lead.text.rstrip()
    return lead.kind != "heading" and text.endswith(("：", ":")) and heading_marker(lead) is None


# ------------------------------------------------------------------------------------------ announcements

#: A count of items announced before a colon: 以下三个方面 / 四项工作 / 两点.
_COUNT = regex.compile(
    r"(?<![第一二三四五六七八九十百千万0-9“\"‘])"
    r"(?:([两二三四五六七八九十]|十[一二三四五六七八九])(?:个方面|方面|个|项|点|条|件事|件|类|种|句话)|([两二三四五六七八九])大)"
)


def _announcement(group: Group, blocks: list[Block]) -> Announcement | None:
    """The count announced in the clause that ends with a colon right before the group's first item: in the
    same block (``抓好三个方面：一是``) or closing the block before (``主要做好五项工作：`` then ``（一）``)."""
    first = group.items[0]
    if first.number != 1 or len(group.items) < 2:
        return None
    block, end = first.block, first.start
    text = block.text
    while end > 0 and text[end - 1] in _SPACE:
        end -= 1
    if end <= _INDENT.match(text).end():
        if block.index == 0:
            return None
        block = blocks[block.index - 1]
        text = block.text
        end = len(text.rstrip())
    if end == 0 or text[end - 1] not in "：:":
        return None
    start = max((match.end() for match in STATEMENT_END.finditer(text, 0, end)), default=0)
    counts = list(_COUNT.finditer(text, start, end))
    if len(counts) != 1:
        return None
    match = counts[0]
    count = han_number((match.group(1) or match.group(2)).replace("两", "二"))
    return Announcement(block, match.start(), match.end(), count, group)
