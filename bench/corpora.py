"""Benchmark corpora, written to a temporary directory from ``../shared/`` at run time.

Nothing from ``../shared/`` is stored in the repository. The corpora:

- ``drafts``: the five sample drafts (``seeds/*.txt``); the first one is the cold-start draft;
- ``reports``: the State Council work reports, one file per report;
- ``one_mb``: 1,000,000 bytes (give or take one line) of the sample drafts followed by the published texts, cut at
  a line end, as one file; ``one_mb_files``: the same text cut at line ends into 50 files;
- ``ten_mb``: 10 MB of the sample drafts and every published text (work reports, congress reports, speeches, the
  published central documents), read forwards and then backwards so that no two files are the same, in ~20 kB
  files cut at line ends.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

WORK_REPORTS = "data/chinese-political-corpora/government_work_reports.jsonl"
CONGRESS_REPORTS = "data/chinese-political-corpora/cpc_congress_reports.jsonl"
SPEECHES = "data/xi-speeches-2020/all_data.csv"
CENTRAL_DOCUMENTS = "data/ecspell/web_data_sample"

ONE_MB = 1_000_000
ONE_MB_FILES = 50
TEN_MB = 10_000_000
TEN_MB_FILE_SIZE = 19_500  # a little under 20 kB so that 10 MB makes more than 500 files


@dataclass
class Corpora:
    """Paths of the corpora in the work directory."""

    drafts: list[Path]
    reports: Path
    one_mb: Path
    one_mb_files: Path
    ten_mb: Path


def build(shared: Path, work: Path) -> Corpora:
    """Write every corpus under ``work``; exit with a message when ``shared`` lacks the source files."""
    missing = [name for name in ("seeds", WORK_REPORTS, CONGRESS_REPORTS, SPEECHES, CENTRAL_DOCUMENTS)
               if not (shared / name).exists()]  # fmt: skip
    if missing:
        sys.exit(f"bench: {shared} lacks {', '.join(missing)} (pass --shared PATH to the shared folder)")
    drafts = [_read(path) for path in sorted((shared / "seeds").glob("*.txt"))]
    work_reports = _jsonl(shared / WORK_REPORTS)
    published = [
        *work_reports,
        *_jsonl(shared / CONGRESS_REPORTS),
        *_csv_column(shared / SPEECHES, "Text"),
        *(_read(path) for path in sorted((shared / CENTRAL_DOCUMENTS).glob("*.txt"))),
    ]
    one_mb = "".join(_head(_lines([*drafts, *published]), ONE_MB))
    both_ways = "".join(_lines([*drafts, *published, *reversed(published), *reversed(drafts)]))
    ten_mb = _head(list(dict.fromkeys(_split(both_ways, TEN_MB_FILE_SIZE))), TEN_MB)
    corpora = Corpora(
        drafts=_write(work / "drafts", drafts),
        reports=work / "reports",
        one_mb=work / "one_mb.txt",
        one_mb_files=work / "one_mb_files",
        ten_mb=work / "ten_mb",
    )
    _write(corpora.reports, work_reports)
    corpora.one_mb.write_text(one_mb, encoding="utf-8", newline="")
    _write(corpora.one_mb_files, _split(one_mb, len(one_mb.encode()) / ONE_MB_FILES))
    _write(corpora.ten_mb, ten_mb)
    return corpora


def size_of(paths: list[Path] | Path) -> int:
    """Bytes in a file, in the files of a directory, or in a list of files."""
    if isinstance(paths, Path):
        paths = sorted(paths.iterdir()) if paths.is_dir() else [paths]
    return sum(path.stat().st_size for path in paths)


def files_in(path: Path) -> list[Path]:
    """The files of a corpus directory, in name order."""
    return sorted(path.iterdir())


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # keeps CRLF line ends as they are


def _jsonl(path: Path) -> list[str]:
    return [json.loads(line)["content"] for line in _read(path).splitlines() if line.strip()]


def _csv_column(path: Path, column: str) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle)]


def _lines(texts: list[str]) -> list[str]:
    """Every line of every text, with its line end; a text without a final line end gets one."""
    return [line for text in texts for line in (text if text.endswith("\n") else text + "\n").splitlines(True)]


def _head(pieces: list[str], size: int) -> list[str]:
    """The first of ``pieces`` up to the first that brings the total to ``size`` bytes or more."""
    for count, total in enumerate(accumulate(len(piece.encode()) for piece in pieces), 1):
        if total >= size:
            return pieces[:count]
    sys.exit(f"bench: the source texts hold fewer than {size:,} bytes")


def _split(text: str, piece_size: float) -> list[str]:
    """``text`` cut at the first line end at or past every multiple of ``piece_size`` bytes."""
    pieces: list[str] = []
    piece: list[str] = []
    total = 0
    for line in text.splitlines(True):
        piece.append(line)
        total += len(line.encode())
        if total >= piece_size * (len(pieces) + 1):
            pieces.append("".join(piece))
            piece = []
    if piece:
        pieces.append("".join(piece))
    return pieces


def _write(directory: Path, texts: list[str]) -> list[Path]:
    directory.mkdir()
    paths = [directory / f"{index:04d}.txt" for index in range(len(texts))]
    for path, text in zip(paths, texts, strict=True):
        path.write_text(text, encoding="utf-8", newline="")
    return paths
