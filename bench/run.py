#!/usr/bin/env python3
"""Benchmarks (not tests) of reportlint against the targets of issue 7, and against peer tools.

    python bench/run.py [--runs N] [--shared PATH] [--only NAME ...] [--zhlint PATH]

Run it with the Python of the environment where reportlint is installed. The corpora (see ``corpora.py``) are
built in a temporary directory from ``../shared/``. Every timing but one runs the installed ``reportlint``
console script as a whole process (``check --exit-zero -q``, with ``--no-cache`` where the cache is not what
is measured), in the corpus directory, with the cache directory (REPORTLINT_CACHE_DIR) inside it and without
PYTHONDONTWRITEBYTECODE: one warm-up run, then ``--runs`` timed runs; the table gives the median, min–max and
the largest peak RSS (see ``measure.py``). The ``warm`` row lints the 1 MB text in this process after a warm-up
(one core, default rules, per-document rules only). Options the installed reportlint lacks (``--jobs``, the
cache) are detected from ``check --help``; their rows say "n/a (not supported)". The ``peers`` table times
autocorrect-py and zhlint on the 1 MB corpus as 50 files, when they are installed, and compares the number of
findings on the five sample drafts.

Rows (for ``--only``): cold, drafts, reports, 1mb, 1mb-files, 1mb-jobs1, 10mb, warm, peers.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import corpora
import peers
from measure import Runs, environment, time_runs

NOT_SUPPORTED = "n/a (not supported)"


@dataclass
class Bench:
    """The corpora, the installed reportlint, what it supports, and the timings measured so far."""

    script: str
    work: Path
    corpora: corpora.Corpora
    runs: int
    help_text: str = ""
    timings: dict[str, Runs] = field(default_factory=dict)

    @property
    def cache(self) -> Path:
        return self.work / "cache"

    def env(self) -> dict[str, str]:
        return environment(REPORTLINT_CACHE_DIR=str(self.cache))

    def supports(self, option: str) -> bool:
        return option in self.help_text

    def no_cache(self) -> list[str]:
        return ["--no-cache"] if self.supports("--no-cache") else []

    def check(self, label: str, paths: list[str], *options: str, cache: str = "off") -> Runs | None:
        """Timings of ``reportlint check`` on ``paths`` (relative to the work directory), measured once per label;
        None when the installed reportlint lacks an option or the cache. ``cache``: "off" (``--no-cache``),
        "empty" (emptied before every run) or "warm" (kept)."""
        if not all(self.supports(option) for option in options) or (cache == "warm" and not self.no_cache()):
            return None
        if label not in self.timings:
            progress(f"timing reportlint: {label}")
            command = [self.script, "check", "--exit-zero", "-q", *(self.no_cache() if cache == "off" else [])]
            before = (lambda: shutil.rmtree(self.cache, ignore_errors=True)) if cache == "empty" else None
            self.timings[label] = time_runs([*command, *options, *paths], self.runs, self.env(), self.work, before)
        return self.timings[label]

    def relative(self, path: Path) -> str:
        return str(path.relative_to(self.work))


Row = tuple[str, str, str, str, str]  # measure, median, min–max, peak RSS, target


def progress(message: str) -> None:
    print(f"bench: {message} …", file=sys.stderr, flush=True)


def megabytes(size: int) -> str:
    return f"{size / 1e6:.2f} MB"


def mark(target: str, met: bool) -> str:
    return f"{target} {'✓' if met else '✗'}"


def timed_row(label: str, runs: Runs | None, size: int | None = None, target: str = "", met: bool = True) -> Row:
    """A table row for whole-process timings: median seconds (and MB/s of ``size`` bytes), min–max, peak RSS."""
    if runs is None:
        return (label, NOT_SUPPORTED, "", "", target)
    median = f"{runs.median:.3f} s" + (f" · {size / 1e6 / runs.median:.2f} MB/s" if size else "")
    spread = f"{min(runs.seconds):.3f}–{max(runs.seconds):.3f} s"
    return (label, median, spread, f"{max(runs.rss_mb):.0f} MB", mark(target, met) if target else "")


def cold(bench: Bench) -> list[Row]:
    draft = bench.corpora.drafts[0]
    runs = bench.check("cold", [bench.relative(draft)])
    label = f"cold check, one draft ({draft.stat().st_size / 1000:.0f} kB)"
    return [timed_row(label, runs, target="≤ 0.2 s", met=runs is not None and runs.median <= 0.2)]


def drafts(bench: Bench) -> list[Row]:
    paths = [bench.relative(draft) for draft in bench.corpora.drafts]
    size = corpora.size_of(bench.corpora.drafts)
    return [timed_row(f"five drafts together ({size / 1000:.0f} kB)", bench.check("drafts", paths))]


def reports(bench: Bench) -> list[Row]:
    directory = bench.corpora.reports
    size = corpora.size_of(directory)
    label = f"State Council work reports ({len(corpora.files_in(directory))} files, {megabytes(size)})"
    return [timed_row(label, bench.check("reports", [bench.relative(directory)]), size)]


def one_mb(bench: Bench) -> list[Row]:
    size = corpora.size_of(bench.corpora.one_mb)
    label = f"{megabytes(size)} as 1 file"
    return [timed_row(label, bench.check("1mb", [bench.relative(bench.corpora.one_mb)]), size)]


def one_mb_files(bench: Bench) -> list[Row]:
    runs = one_mb_files_runs(bench)
    size = corpora.size_of(bench.corpora.one_mb_files)
    label = f"{megabytes(size)} as {corpora.ONE_MB_FILES} files (--jobs default)"
    return [timed_row(label, runs, size, "≤ 0.5 s", met=runs.median <= 0.5)]


def one_mb_files_runs(bench: Bench) -> Runs:
    return bench.check("1mb-files", [bench.relative(bench.corpora.one_mb_files)])


def one_mb_files_one_job(bench: Bench) -> list[Row]:
    size = corpora.size_of(bench.corpora.one_mb_files)
    label = f"{megabytes(size)} as {corpora.ONE_MB_FILES} files, --jobs 1"
    return [timed_row(label, one_mb_files_one_job_runs(bench), size)]


def one_mb_files_one_job_runs(bench: Bench) -> Runs | None:
    return bench.check("1mb-jobs1", [bench.relative(bench.corpora.one_mb_files)], "--jobs", "1")


def ten_mb(bench: Bench) -> list[Row]:
    directory = bench.relative(bench.corpora.ten_mb)
    size = corpora.size_of(bench.corpora.ten_mb)
    files = len(corpora.files_in(bench.corpora.ten_mb))
    first = bench.check("10mb, empty cache", [directory], cache="empty")
    second = bench.check("10mb, warm cache", [directory], cache="warm")
    rows = [
        timed_row(f"{megabytes(size)} in {files} files, first run (empty cache)", first, size,
                  "peak RSS ≤ 150 MB", met=max(first.rss_mb) <= 150),
        timed_row(f"{megabytes(size)} in {files} files, second run (cache warm)", second, size),
    ]  # fmt: skip
    if second is None:
        return [*rows, ("first ÷ second run", NOT_SUPPORTED, "", "", "≥ 5×")]
    ratio = first.median / second.median
    spread = f"{min(first.seconds) / max(second.seconds):.1f}–{max(first.seconds) / min(second.seconds):.1f}×"
    return [*rows, ("first ÷ second run", f"{ratio:.1f}×", spread, "", mark("≥ 5×", ratio >= 5))]


def warm(bench: Bench) -> list[Row]:
    progress("timing in-process lint of the 1 MB text")
    rates = warm_rates(bench.corpora.one_mb, bench.runs)
    median = statistics.median(rates)
    row = ("warm in-process, 1 core, 1 MB", f"{median:.2f} MB/s", f"{min(rates):.2f}–{max(rates):.2f} MB/s", "")
    return [(*row, mark("≥ 5 MB/s", median >= 5))]


def warm_rates(path: Path, runs: int) -> list[float]:
    """MB/s of read + lint (default rules, per-document rules) in this process, after one warm-up run."""
    from reportlint.catalog import base_registry
    from reportlint.config.settings import ConfigSpec, Settings
    from reportlint.engine.lint import lint_document
    from reportlint.readers import read_path

    settings = Settings(ConfigSpec(), path.parent, None, base_registry())
    size = path.stat().st_size / 1e6
    rates = []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        lint_document(read_path(path), settings)
        if attempt:
            rates.append(size / (time.perf_counter() - start))
    return rates


ROWS: dict[str, Callable[[Bench], list[Row]]] = {
    "cold": cold,
    "drafts": drafts,
    "reports": reports,
    "1mb": one_mb,
    "1mb-files": one_mb_files,
    "1mb-jobs1": one_mb_files_one_job,
    "10mb": ten_mb,
    "warm": warm,
}


def peer_table(bench: Bench, zhlint: str | None) -> list[str]:
    """Peers on the 1 MB corpus as 50 files, reportlint's time over theirs, and findings on the five drafts."""
    corpus, drafts = bench.relative(bench.corpora.one_mb_files), bench.relative(bench.corpora.drafts[0].parent)
    ours, ours_one_job = one_mb_files_runs(bench), one_mb_files_one_job_runs(bench)
    head = ("peer: 1 MB as 50 files, whole process", "median", "min–max", "peak RSS", "reportlint time / peer time")
    lines = [*table_lines(head), "|---|---|---|---|---|"]
    counts = [f"reportlint {reportlint_findings(bench, drafts)}"]
    for peer in (peers.autocorrect(), peers.zhlint(zhlint)):
        if peer.version is None:
            lines.append(f"| {peer.name} | not installed: {peer.install} | | | |")
            continue
        progress(f"timing {peer.name}")
        runs = time_runs(peer.command(corpus), bench.runs, environment(), bench.work)
        ratio = f"{ours.median / runs.median:.1f}×"
        if ours_one_job:
            ratio += f" (--jobs 1: {ours_one_job.median / runs.median:.1f}×)"
        lines += table_lines((*timed_row(f"{peer.name} {peer.version}", runs)[:4], ratio))
        counts.append(f"{peer.name} {peer.findings(*run(peer.command(drafts), bench))}")
    return [*lines, "", f"findings on the five sample drafts: {'; '.join(counts)}", ""]


def reportlint_findings(bench: Bench, directory: str) -> int:
    stdout, _ = run([bench.script, "check", "--exit-zero", "-f", "json-lines", *bench.no_cache(), directory], bench)
    return len(stdout.splitlines())


def run(command: list[str], bench: Bench) -> tuple[str, str]:
    """Standard output and error of ``command`` in the work directory. They go through files: Node drops
    what is still queued for a pipe when it exits."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        subprocess.run(command, stdout=out, stderr=err, env=bench.env(), cwd=bench.work)
        out.seek(0)
        err.seek(0)
        return out.read(), err.read()


def table_lines(*rows: Row) -> list[str]:
    return ["| " + " | ".join(row) + " |" for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per row, after one warm-up (default 5)")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--only", nargs="+", choices=[*ROWS, "peers"], help="run only these rows")
    parser.add_argument("--zhlint", help="the zhlint executable (default: zhlint on the PATH)")
    args = parser.parse_args()
    if not args.shared.is_dir():
        sys.exit(f"bench: {args.shared} not found: the corpora are built from the shared folder (--shared PATH)")
    script = shutil.which("reportlint", path=str(Path(sys.executable).parent))
    if not script:
        sys.exit(f"bench: no reportlint console script beside {sys.executable} (pip install .)")
    only = args.only or [*ROWS, "peers"]
    with tempfile.TemporaryDirectory(prefix="reportlint-bench-") as tmp:
        work = Path(tmp)
        progress("building the corpora")
        bench = Bench(script, work, corpora.build(args.shared, work), args.runs)
        bench.help_text = run([script, "check", "--help"], bench)[0]
        print(header(bench))
        rows = [name for name in only if name in ROWS]
        if rows:
            print("| measure | median | min–max | peak RSS | target |\n|---|---|---|---|---|")
        for name in rows:
            print("\n".join(table_lines(*ROWS[name](bench))), flush=True)
        if "peers" in only:
            print(("\n" if rows else "") + "\n".join(peer_table(bench, args.zhlint)))


def header(bench: Bench) -> str:
    """Versions, machine, load (other processes skew wall times) and what the installed reportlint supports."""
    features = ", ".join(f"{option} {'yes' if bench.supports(option) else 'no'}" for option in ("--jobs", "--no-cache"))
    return (
        f"reportlint {metadata.version('reportlint')}, Python {platform.python_version()}, {os.cpu_count()} cores "
        f"(load average {os.getloadavg()[0]:.2f} at the start); {bench.runs} runs after a warm-up; "
        f"supported: {features}\n"
    )


if __name__ == "__main__":
    main()
