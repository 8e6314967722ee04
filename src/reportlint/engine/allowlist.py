"""The allow-list (``allow`` in the config): words the user never wants flagged, whatever the rule."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

import regex

from reportlint.rule import Hit


class AllowList:
    """Words the user never wants flagged: a hit lying inside an occurrence of one is dropped."""

    def __init__(self, words: list[str]) -> None:
        self._pattern = (
            regex.compile("|".join(map(regex.escape, sorted(words, key=len, reverse=True)))) if words else None
        )
        #: Per block: the starts of the occurrences, in order, and the furthest end of those up to each one.
        self._spans: dict[int, tuple[list[int], list[int]]] = {}

    def covers(self, hit: Hit) -> bool:
        if self._pattern is None:
            return False
        key = id(hit.block)
        if key not in self._spans:
            spans = [m.span() for m in self._pattern.finditer(hit.block.text, overlapped=True)]
            self._spans[key] = ([start for start, _ in spans], list(accumulate((end for _, end in spans), max)))
        starts, furthest = self._spans[key]
        before = bisect_right(starts, hit.start)  # the occurrences that start at or before the hit
        return before > 0 and hit.end <= furthest[before - 1]
