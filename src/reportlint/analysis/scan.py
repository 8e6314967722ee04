"""Finding a pattern's matches without trying it at every character.

The regular expression engines test a pattern that starts with a class of Chinese characters at every
position of the text, which costs several nanoseconds a character; ``str.find`` skips to the next occurrence of
a character many times faster. Where every match of a pattern must start at, or next to, a character that is
rare in the text, its occurrences give the few places where the pattern can start, and :func:`chained` tries it
there only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex


def positions(text: str, char: str) -> list[int]:
    """The offsets of ``char`` in ``text`` (``str.find`` is fast for one character, slower for longer needles)."""
    found = []
    at = text.find(char)
    while at >= 0:
        found.append(at)
        at = text.find(char, at + 1)
    return found


def chained(pattern: regex.Pattern[str], text: str, starts: Iterable[int], pos: int = 0) -> Iterator[regex.Match[str]]:
    """The matches of ``pattern.finditer(text, pos)``, for a pattern that never matches the empty string and
    whose every match starts at one of ``starts`` (sorted; other offsets may be among them): the pattern is
    tried at those offsets only, from ``pos`` and past the end of each match, as ``finditer`` goes on."""
    resume = pos
    for start in starts:
        if start >= resume and (match := pattern.match(text, start)) is not None:
            yield match
            resume = match.end()
