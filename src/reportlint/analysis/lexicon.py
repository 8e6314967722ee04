"""The word table of the TYP rules: which strings are words, how common, and how a stretch of text segments.

Two precomputed tables ship in ``reportlint/data/typo/`` (built by ``scripts/build_typo_table.py``; sources and
licences in that folder's README): ``words.txt`` (every word of jieba's dictionary with its unigram cost) and
``variants.txt`` (non-words one same-sound or look-alike character away from a frequent word). Each is a header
of per-first-character buckets and sorted UTF-8 lines; the file is memory-mapped and a bucket is decoded only
when a character that starts it is looked up, so nothing is parsed at start-up and nothing at all when no TYP
rule needs a word.

:func:`segment_cost` is the cost of the best segmentation of a text (a unigram segmenter, the one jieba uses):
lower is likelier. The rules compare the cost of a stretch as written with its cost when a span is read as one
word (:func:`reads_as_word`) or corrected.
"""

from __future__ import annotations

import mmap
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "typo"
#: The cost of a character the table does not know as a word (above any word's).
UNKNOWN_COST = 4 * 20
#: Longest word of the table.
MAX_WORD = 8


class _Bucketed:
    """A table file: header of ``char offset length`` triples, then one bucket of lines per first character."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            header = handle.readline()
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        base = len(header)
        self._index: dict[str, tuple[int, int]] = {}
        for triple in header.decode("utf-8").split("\t"):
            char, offset, length = triple.split(" ")
            self._index[char] = (base + int(offset), int(length))
        self._buckets: dict[str, dict[str, str]] = {}

    def bucket(self, char: str) -> dict[str, str]:
        found = self._buckets.get(char)
        if found is None:
            where = self._index.get(char)
            found = {}
            if where is not None:
                start, length = where
                for line in self._map[start : start + length].decode("utf-8").splitlines():
                    key, _, value = line.partition("\t")
                    found[key] = value
            self._buckets[char] = found
        return found

    def get(self, key: str) -> str | None:
        return self.bucket(key[0]).get(key) if key else None

    def has_bucket(self, char: str) -> bool:
        return char in self._index


@cache
def _words() -> _Bucketed:
    return _Bucketed(DATA / "words.txt")


@cache
def _variants() -> _Bucketed:
    return _Bucketed(DATA / "variants.txt")


def word_cost(word: str) -> int | None:
    """The unigram cost of ``word`` (−4·ln of its share of the segmenter's counts), None if it is no word."""
    value = _words().get(word)
    return int(value) if value is not None else None


def is_word(word: str) -> bool:
    return _words().get(word) is not None


def segment_cost(text: str, forced: tuple[int, int, int] | None = None) -> int:
    """The cost of the best segmentation of ``text``. ``forced`` = (start, end, cost): the span must be read as
    one word of that cost (no word may cross its edges)."""
    table = _words()
    n = len(text)
    fs, fe, fc = forced if forced is not None else (-1, -1, 0)
    best = [0] * (n + 1)
    for end in range(1, n + 1):
        if fs < end < fe:
            best[end] = 1 << 30
            continue
        if end == fe:
            best[end] = best[fs] + fc
            continue
        top = best[end - 1] + UNKNOWN_COST
        for start in range(max(0, end - MAX_WORD), end - 1):
            if start < fe < end:
                continue  # a word across the forced span's edge
            cost = table.get(text[start:end])
            if cost is not None and best[start] + int(cost) < top:
                top = best[start] + int(cost)
        single = table.get(text[end - 1])
        if single is not None and best[end - 1] + int(single) < top:
            top = best[end - 1] + int(single)
        best[end] = top
    return best[n]


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


def variants_at(key: str) -> str | None:
    """The variants filed under a two-character key (``variant at char kind`` entries, ``;``-separated)."""
    table = _variants()
    return table.get(key) if table.has_bucket(key[0]) else None
