"""Inline enumerators: ``一是`` ``其一`` ``第一，`` ``首先/其次/再次/最后`` ``一方面/另一方面``, each one only
at a clause boundary (the start of the block or after ``。；：，！？``, also at the start of a quotation after
one of those: ``他强调：“一是……``). ``统一是`` ``唯一是`` ``第一次`` are not
enumerators."""

from __future__ import annotations

from reportlint.analysis.chars import HAN as HAN_CHAR
from reportlint.analysis.chars import char_at
from reportlint.analysis.lazy import lazy_regex
from reportlint.analysis.outline.enumerators import ADVERB, ASPECT, Enumerator
from reportlint.analysis.outline.numerals import HAN, INLINE_NUMERALS, WORD, han_number
from reportlint.analysis.scan import chained, positions
from reportlint.document import Block

#: Inline enumerators; each is one only at a clause boundary (checked separately).
_INLINE = lazy_regex(
    r"(?P<di>第)(?P<dn>[一二三四五六七八九十]{1,3})(?P<dt>步?)(?P<dp>[，,]|、(?![一二三四五六七八九十第]))"
    r"|(?P<qi>其)(?P<qn>[一二三四五六七八九十]{1,2})(?=[，,、：:；;是为])"
    r"|(?P<sn>[一二三四五六七八九十]{1,3})是(?![否])"
    r"|(?P<aspect>另一方面|另方面|又一方面|一方面)"
    r"|(?P<adverb>首先|其次|(?:再次|最后)(?=[，,]))"
)
_BOUNDARY = frozenset("。；：，！？;:,!?…\u2028")
_CLOSERS = frozenset("”’」』）)》〉】")
_QUOTE_OPENERS = frozenset("“‘「『")
#: Spaces that may stand between a boundary and an enumerator.
SPACE = frozenset(" \t\u3000\u00a0")
#: 一方面 also follows a subject (我们一方面……，一方面……), but not in 这一方面, 积极的一方面, 只是一方面.
_NOT_BEFORE_ASPECT = frozenset("这那另每何某同单第唯统哪又的是一二三四五六七八九十")


def inline_enumerators(block: Block, floor: int = 0, starts: list[int] | None = None) -> list[Enumerator]:
    """The inline enumerators of ``block`` at clause boundaries, from ``floor`` on (after a heading marker).
    ``starts``: where one may start in the block (see :func:`inline_starts`), if already known."""
    text = block.text
    found = []
    for match in chained(_INLINE, text, inline_starts(text) if starts is None else starts, floor):
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
            position = 1 if word in ("一方面", "首先") else 3 if word == "再次" else 2
            found.append(Enumerator(block, start, match.end(), kind, position, False, "", word, "", "", WORD))
            continue
        number = han_number(numeral)
        if number is not None:
            found.append(Enumerator(block, start, match.end(), kind, number, False, head, numeral, tail, punct, HAN))
    return found


def inline_starts(text: str) -> list[int]:
    """The offsets of ``text`` where an _INLINE match may start (and a few more), found by searching for single
    characters: 第 or 其 before a numeral, 其次, the numerals right before 是, the two characters before 方面,
    首先, 再次, 最后."""
    starts = []
    for at in positions(text, "是"):
        before = at - 1
        while before >= max(0, at - 3) and text[before] in INLINE_NUMERALS:
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
    ("第", INLINE_NUMERALS),
    ("其", INLINE_NUMERALS | {"次"}),
    ("首", {"先"}),
    ("再", {"次"}),
    ("最", {"后"}),
)


def _at_boundary(text: str, index: int, floor: int) -> bool:
    while index > floor and text[index - 1] in SPACE:
        index -= 1
    while index > floor and text[index - 1] in _CLOSERS:
        index -= 1
    if index > floor + 1 and text[index - 1] in _QUOTE_OPENERS and text[index - 2] in _BOUNDARY:
        return True  # 他强调：“一是……
    return index <= floor or text[index - 1] in _BOUNDARY
