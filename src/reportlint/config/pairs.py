"""Drafts the user pairs explicitly (``pairs`` in the config, ``check --pair``): a report and the speech given on
it, which the cross-document rules compare whatever their titles say.

A pair is a list of two or more globs (relative to the config file's folder, or absolute); each must match a
file, and every file one glob matches is paired with every file another glob of the pair matches.
"""

from __future__ import annotations

import glob
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

#: A pair: for each of its globs, the files it matches (resolved).
Pair = tuple[frozenset[Path], ...]


def resolve_pairs(pairs: list[list[str]], root: Path) -> list[Pair]:
    """The files of each pair, globs relative to ``root``; a ValueError (Chinese) names a pair of fewer than two
    globs and a glob that matches no file."""
    found = []
    for pair in pairs:
        if len(pair) < 2:
            raise ValueError(f"pairs：每组至少要列出两个文件（{'、'.join(pair) or '空的一组'}）")
        found.append(tuple(_files(pattern, root) for pattern in pair))
    return found


def _files(pattern: str, root: Path) -> frozenset[Path]:
    if not pattern.strip():
        raise ValueError("pairs：文件名不能为空")
    try:
        names = glob.glob(pattern, root_dir=root, recursive=True)
    except (OSError, ValueError):
        names = []
    files = frozenset(path.resolve() for name in names if (path := root / name).is_file())
    if not files:
        raise ValueError(f"pairs：找不到与“{pattern}”相符的文件（相对于 {root}）")
    return files


def partners(paths: Sequence[Path | None], pairs: Iterable[Pair]) -> list[set[int]]:
    """For each of ``paths`` (the documents linted together), the indexes of the others that a pair pairs it with."""
    where: dict[Path, list[int]] = defaultdict(list)
    for index, path in enumerate(paths):
        if path is not None:
            try:
                where[path.resolve()].append(index)
            except (OSError, RuntimeError):  # a path that cannot be resolved is in no pair
                continue
    found: list[set[int]] = [set() for _ in paths]
    for pair in pairs:
        sides = [{index for file in files for index in where.get(file, ())} for files in pair]
        for number, side in enumerate(sides):
            others = set().union(*(other for position, other in enumerate(sides) if position != number))
            for index in side:
                found[index] |= others - {index}
    return found
