#!/usr/bin/env python3
"""Start-up and output benchmarks (not tests): the ratios of issue 9 beside their absolute times.

    python bench/startup.py [--runs N] [--dense-runs N] [--shared PATH]

Run it with the Python of an environment where reportlint is pip-installed (not editable), so that the
installed package has its bytecode; the runs go without PYTHONDONTWRITEBYTECODE (see ``measure.py``).

- ``cold``: ``reportlint check --no-cache --isolated`` of the first sample draft against
  ``python -c "import typer"``, the two run in turn (one warm-up each, then ``--runs`` of each, interleaved so
  that both see the same load): medians of wall time and of processor time (user + system, of the child).
  Target: cold ÷ typer ≤ 2.
- ``dense``: 1 MB of the sample drafts repeated (dense with findings) as one file and as 50 files, ``--jobs 1
  --no-cache``, whole process, run in turn.
- ``output``: in this process, the 50-file dense corpus linted once (``--jobs 1``), then each report format
  written to memory: its time beside the lint's. Target: writing the findings costs less than linting.
- ``warm``: in this process, read + lint (default rules, one core) of the published reports (State Council
  work reports and CPC congress reports, one document each), after a warm-up. Target ≥ 5 MB/s.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpora
from measure import environment

DENSE_FILES = 50


def run_once(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and processor seconds (user + system) of one run of ``command``."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def interleaved(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, tuple[float, float]]:
    """Median wall and processor seconds of each command, the commands run in turn after one warm-up each."""
    env = environment()
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for attempt in range(runs + 1):
        for name, command in commands.items():
            wall, cpu = run_once(command, env, cwd)
            if attempt:
                samples[name].append((wall, cpu))
    return {
        name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
        for name, values in samples.items()
    }


def dense_texts(shared: Path) -> tuple[str, list[str]]:
    """1 MB of the sample drafts repeated, as one text and cut at line ends into :data:`DENSE_FILES` texts."""
    drafts = [corpora._read(path) for path in sorted((shared / "seeds").glob("*.txt"))]
    lines = corpora._lines(drafts)
    pieces: list[str] = []
    while sum(len(piece.encode()) for piece in pieces) < corpora.ONE_MB:
        pieces.extend(lines)
    text = "".join(corpora._head(pieces, corpora.ONE_MB))
    return text, corpora._split(text, len(text.encode()) / DENSE_FILES)


def cold(work: Path, draft: Path, reportlint: str, runs: int) -> list[str]:
    commands = {
        "typer": [sys.executable, "-c", "import typer"],
        "cold": [reportlint, "check", "--no-cache", "--isolated", "--exit-zero", "-q", str(draft)],
    }
    times = interleaved(commands, runs, work)
    (typer_wall, typer_cpu), (cold_wall, cold_cpu) = times["typer"], times["cold"]
    ratio = cold_wall / typer_wall
    return [
        f'| python -c "import typer" | {typer_wall:.3f} s | {typer_cpu:.3f} s | |',
        f"| cold check, one draft ({draft.stat().st_size / 1000:.0f} kB) | {cold_wall:.3f} s | {cold_cpu:.3f} s | |",
        f"| cold ÷ typer | {ratio:.2f}× | {cold_cpu / typer_cpu:.2f}× | ≤ 2× {'✓' if ratio <= 2 else '✗'} |",
    ]


def dense(work: Path, one: Path, many: Path, reportlint: str, runs: int) -> list[str]:
    base = [reportlint, "check", "--no-cache", "--isolated", "--exit-zero", "-q", "--jobs", "1"]
    times = interleaved({"one": [*base, str(one)], "many": [*base, str(many)]}, runs, work)
    (one_wall, one_cpu), (many_wall, many_cpu) = times["one"], times["many"]
    return [
        f"| dense 1 MB as 1 file, --jobs 1 | {one_wall:.3f} s | {one_cpu:.3f} s | |",
        f"| dense 1 MB as {DENSE_FILES} files, --jobs 1 | {many_wall:.3f} s | {many_cpu:.3f} s | |",
        f"| {DENSE_FILES} files ÷ 1 file | {many_wall / one_wall:.2f}× | {many_cpu / one_cpu:.2f}× | |",
    ]


def output(many: Path) -> list[str]:
    """In this process: the lint of the dense corpus (50 files), then each format written to memory."""
    from reportlint.catalog import base_registry
    from reportlint.config.settings import Overrides, SettingsResolver
    from reportlint.output import Report, writer
    from reportlint.run.runner import run

    resolver = SettingsResolver(base_registry(), Overrides(), None, True)
    run([str(many)], resolver, None, None, None, None, 1, None, frozenset())  # warm-up: patterns compiled
    start = time.perf_counter()
    result = run([str(many)], resolver, None, None, None, None, 1, None, frozenset())
    lint = time.perf_counter() - start
    report = Report(result.findings, result.sources, result.files_checked, base_registry())
    rows = [f"| lint of the dense 1 MB as {DENSE_FILES} files ({len(result.findings):,} findings) | {lint:.3f} s | | |"]
    for name in ("text", "json", "sarif"):
        start = time.perf_counter()
        writer(name)(report, io.StringIO())
        seconds = time.perf_counter() - start
        met = "✓" if seconds < lint else "✗"
        rows.append(f"| write them as {name} | {seconds:.3f} s | {seconds / lint:.2f}× the lint | < 1× {met} |")
    return rows


def warm(directory: Path, runs: int) -> list[str]:
    """MB/s of read + lint of every file of ``directory`` in this process, after one warm-up pass."""
    from reportlint.catalog import base_registry
    from reportlint.config.settings import ConfigSpec, Settings
    from reportlint.engine.lint import lint_document
    from reportlint.readers import read_path

    settings = Settings(ConfigSpec(), directory, None, base_registry())
    paths = corpora.files_in(directory)
    size = corpora.size_of(directory) / 1e6
    rates = []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        for path in paths:
            lint_document(read_path(path), settings)
        if attempt:
            rates.append(size / (time.perf_counter() - start))
    median = statistics.median(rates)
    label = f"warm in-process, published reports ({len(paths)} files, {size:.2f} MB)"
    return [f"| {label} | {median:.2f} MB/s | | ≥ 5 MB/s {'✓' if median >= 5 else '✗'} |"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of the cold start (default 7)")
    parser.add_argument("--dense-runs", type=int, default=5, help="timed runs of the dense corpus (default 5)")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    reportlint = shutil.which("reportlint", path=str(Path(sys.executable).parent))
    if not reportlint:
        sys.exit(f"bench: no reportlint console script beside {sys.executable} (pip install .)")
    from importlib import metadata

    print(
        f"reportlint {metadata.version('reportlint')}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f} at the start\n"
    )
    print("| measure | wall (median) | processor (median) | target |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="reportlint-startup-") as tmp:
        work = Path(tmp)
        drafts = sorted((args.shared / "seeds").glob("*.txt"))
        draft = work / "draft.txt"
        draft.write_bytes(drafts[0].read_bytes())
        one_text, pieces = dense_texts(args.shared)
        one = work / "dense.txt"
        one.write_text(one_text, encoding="utf-8", newline="")
        corpora._write(work / "dense", pieces)
        published = (corpora.WORK_REPORTS, corpora.CONGRESS_REPORTS)
        corpora._write(work / "reports", [text for name in published for text in corpora._jsonl(args.shared / name)])
        for rows in (
            lambda: cold(work, draft, reportlint, args.runs),
            lambda: dense(work, one, work / "dense", reportlint, args.dense_runs),
            lambda: output(work / "dense"),
            lambda: warm(work / "reports", 3),
        ):
            print("\n".join(rows()), flush=True)
        print(f"\nload average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
