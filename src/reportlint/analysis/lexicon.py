"""The word table of the TYP rules: which strings are words, how common, and how a stretch of text segments.

Two precomputed tables ship in ``reportlint/data/typo/`` (built by ``scripts/build_typo_table.py``; sources and
licences in that folder's README): ``words.bin`` (every word of jieba's dictionary with its unigram cost) and
``variants.bin`` (non-words one same-sound or look-alike character away from a frequent word). Each is
memory-mapped and read in place: a fixed-width index gives, for a first character, the sorted code points of
the second characters that follow it in a key (the prefilter: a bisection of a ``uint32`` view of the map) and
where the lines of each such pair start. Only the lines of a pair the text holds are ever decoded, and only
when a rule asks, so nothing is read at start-up and nothing at all when no TYP rule needs a word.

:func:`segment_cost` is the cost of the best segmentation of a text (a unigram segmenter, the one jieba uses):
lower is likelier. The rules compare the cost of a stretch as written with its cost when a span is read as one
word (:func:`reads_as_word`) or corrected.
"""

from __future__ import annotations

import mmap
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "typo"
#: The cost of a character the table does not know as a word (above any word's).
UNKNOWN_COST = 4 * 20
#: Longest word of the table.
MAX_WORD = 8
#: The layout of the tables (scripts/build_typo_table.py, ``write_table``).
_MAGIC = b"RLTAB\x02\x00\x00"
_FIRST, _LAST = 0x4E00, 0x9FFF
#: Decoded pairs kept at once (a pair's lines are few); the cache is emptied when it grows past this.
_CACHE_PAIRS = 20_000
_UNSEEN = (memoryview(b""), memoryview(b""))


class _Table:
    """A table file (``key → value``) read in place through ``mmap``."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if hasattr(self._map, "madvise") and hasattr(mmap, "MADV_RANDOM"):
            self._map.madvise(mmap.MADV_RANDOM)  # a few scattered pages are read: no read-ahead around them
        if self._map[: len(_MAGIC)] != _MAGIC:
            raise ValueError(f"{path}: not a word table of this version (rebuild: scripts/build_typo_table.py)")
        self._view = memoryview(self._map)
        self._index = self._view[len(_MAGIC) : len(_MAGIC) + 8 * (_LAST - _FIRST + 1)].cast("I")
        self._firsts: dict[str, tuple[memoryview, memoryview] | None] = {}
        self._pairs: dict[str, bytes | None] = {}

    def _record(self, char: str) -> tuple[memoryview, memoryview] | None:
        """The second characters (code points, sorted) and the group offsets of keys starting with ``char``."""
        try:
            return self._firsts[char]
        except KeyError:
            pass
        code = ord(char) - _FIRST
        found = None
        if 0 <= code <= _LAST - _FIRST and self._index[2 * code + 1]:
            offset, count = self._index[2 * code], self._index[2 * code + 1]
            found = (
                self._view[offset : offset + 4 * count].cast("I"),
                self._view[offset + 4 * count : offset + 8 * count + 4].cast("I"),
            )
        self._firsts[char] = found
        return found

    def follows(self, first: str, second: str) -> bool:
        """Whether some key starts with ``first + second`` (the prefilter: nothing is decoded)."""
        record = self._record(first)
        if record is None:
            return False
        seconds = record[0]
        code = ord(second)
        at = bisect_left(seconds, code)
        return at < len(seconds) and seconds[at] == code

    def group(self, pair: str) -> bytes | None:
        """The lines (``rest<TAB>value``, each after a newline) of the keys starting with ``pair`` (two characters,
        or one for the one-character key); None when no key starts so."""
        try:
            return self._pairs[pair]
        except KeyError:
            pass
        found = None
        record = self._record(pair[0])
        if record is not None:
            seconds, starts = record
            code = ord(pair[1]) if len(pair) > 1 else 0
            at = bisect_left(seconds, code)
            if at < len(seconds) and seconds[at] == code:
                found = b"\n" + self._map[starts[at] : starts[at + 1]]
        if len(self._pairs) >= _CACHE_PAIRS:
            self._pairs.clear()
        self._pairs[pair] = found
        return found

    def pairs_in(self, text: str) -> Iterator[tuple[int, str]]:
        """Every ``(i, value)`` where ``text[i : i + 2]`` is a two-character key (one bisection per character)."""
        firsts, record = self._firsts, self._record
        for i in range(len(text) - 1):
            found = firsts.get(text[i], _UNSEEN)
            if found is _UNSEEN:
                found = record(text[i])
            if found is None:
                continue
            seconds = found[0]
            code = ord(text[i + 1])
            at = bisect_left(seconds, code)
            if at < len(seconds) and seconds[at] == code:
                group = self.group(text[i : i + 2])
                value = _value(group, b"") if group else None
                if value is not None:
                    yield i, value

    def get(self, key: str) -> str | None:
        if not key:
            return None
        group = self.group(key[:2])
        return _value(group, key[2:].encode("utf-8")) if group is not None else None


def _value(group: bytes, rest: bytes) -> str | None:
    """The value of the line ``rest<TAB>value`` of a group, None if there is none."""
    at = group.find(b"\n" + rest + b"\t")
    if at < 0:
        return None
    at += len(rest) + 2
    return group[at : group.index(b"\n", at)].decode("utf-8")


@cache
def _words() -> _Table:
    return _Table(DATA / "words.bin")


@cache
def _variants() -> _Table:
    return _Table(DATA / "variants.bin")


def word_cost(word: str) -> int | None:
    """The unigram cost of ``word`` (−4·ln of its share of the segmenter's counts), None if it is no word."""
    value = _words().get(word)
    return int(value) if value is not None else None


def is_word(word: str) -> bool:
    return _words().get(word) is not None


def segment_cost(text: str, forced: tuple[int, int, int] | None = None) -> int:
    """The cost of the best segmentation of ``text``. ``forced`` = (start, end, cost): the span must be read as
    one word of that cost (no word may cross its edges)."""
    n = len(text)
    fs, fe, fc = forced if forced is not None else (-1, -1, 0)
    starting = [_words_from(text[start : start + MAX_WORD]) for start in range(n)]
    best = [0] + [1 << 30] * n
    for start in range(n):
        here = best[start]
        if here >= 1 << 30:
            continue
        if start == fs:
            if here + fc < best[fe]:
                best[fe] = here + fc
            continue
        if here + UNKNOWN_COST < best[start + 1] and not fs < start + 1 < fe:
            best[start + 1] = here + UNKNOWN_COST
        for length, cost in starting[start]:
            end = start + length
            if fs < end < fe or (start < fs < end) or (start < fe < end):
                continue  # inside the forced span, or a word across one of its edges
            if here + cost < best[end]:
                best[end] = here + cost
    return best[n]


#: The words at the start of a stretch of MAX_WORD characters, cached: the windows the rules segment overlap.
_STARTING: dict[str, tuple[tuple[int, int], ...]] = {}


def _words_from(chunk: str) -> tuple[tuple[int, int], ...]:
    """(length, cost) of every word of the table that starts ``chunk`` (its first MAX_WORD characters)."""
    found = _STARTING.get(chunk)
    if found is not None:
        return found
    table = _words()
    words = []
    single = table.get(chunk[0])
    if single is not None:
        words.append((1, int(single)))
    if len(chunk) > 1:
        group = table.group(chunk[:2])
        if group:
            for length in range(2, len(chunk) + 1):
                rest = b"\n" + chunk[2:length].encode("utf-8")
                at = group.find(rest + b"\t")
                if at >= 0:
                    at += len(rest) + 1
                    words.append((length, int(group[at : group.index(b"\n", at)])))
                elif group.find(rest) < 0:
                    break  # no longer key starts so
    if len(_STARTING) >= 4 * _CACHE_PAIRS:
        _STARTING.clear()
    found = _STARTING[chunk] = tuple(words)
    return found


def reads_as_word(text: str, start: int, end: int, cost: int, margin: int = 0) -> bool:
    """Whether ``text[start:end]``, read as one word of ``cost``, segments ``text`` at least as well (by
    ``margin``) as the best reading that ignores it: False when the span is better read as the tail and head of
    the words around it (自己经常 holds 己经, but reads 自己|经常)."""
    return segment_cost(text, (start, end, cost)) + margin <= segment_cost(text)


def crossing_word(text: str, start: int, end: int) -> bool:
    """Whether a word of the table crosses an edge of ``text[start:end]`` (starts before and ends inside, or
    starts inside and ends after): a fix of the span could then change a correct word."""
    table = _words()
    for edge in (start, end):
        for left in range(max(0, edge - MAX_WORD + 1), edge):
            for right in range(edge + 1, min(len(text), left + MAX_WORD) + 1):
                if (left < start < right or left < end < right) and table.get(text[left:right]) is not None:
                    if not (left >= start and right <= end):
                        return True
    return False


def variants_in(text: str) -> Iterator[tuple[int, str]]:
    """Every ``(i, entries)`` where the variant table files entries under ``text[i : i + 2]``."""
    return _variants().pairs_in(text)


def variants_at(key: str) -> str | None:
    """The variants filed under a two-character key (``variant at char kind`` entries, ``;``-separated)."""
    return _variants().get(key)
