#!/usr/bin/env python3
"""Benchmarks (not tests): cold start on one draft, and throughput on a large corpus.

    python bench/run.py [--runs N] [--shared PATH]

Corpora are built in a temporary directory from ``../shared/`` (sample drafts; State Council work reports
concatenated and repeated to at least 5 MB, as one file and as many files). Whole-process timings run the
installed ``reportlint`` console script; the warm figure lints in-process after a warm-up (one core).
Prints a table: median and min-max of the runs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_BYTES = 5 * 1024 * 1024


def reportlint() -> str:
    script = shutil.which("reportlint", path=str(Path(sys.executable).parent)) or shutil.which("reportlint")
    if not script:
        sys.exit("the reportlint console script is not installed (pip install .)")
    return script


def time_command(command: list[str], runs: int) -> list[float]:
    subprocess.run(command, capture_output=True)  # warm-up: file cache, .pyc files
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True)
        timings.append(time.perf_counter() - start)
    return timings


def build_corpora(shared: Path, work: Path) -> tuple[Path, Path, Path, int]:
    seeds = sorted((shared / "seeds").glob("*.txt"))
    if not seeds:
        sys.exit(f"no sample drafts under {shared / 'seeds'}")
    one_draft = work / seeds[0].name
    shutil.copy(seeds[0], one_draft)
    reports = [
        json.loads(line)["content"]
        for line in (shared / "data/chinese-political-corpora/government_work_reports.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    pieces: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        for report in reports:
            pieces.append(report)
            size += len(report.encode("utf-8"))
    big = work / "big.txt"
    big.write_text("\n".join(pieces), encoding="utf-8")
    many = work / "many"
    many.mkdir()
    for index, piece in enumerate(pieces):
        (many / f"{index:04d}.txt").write_text(piece, encoding="utf-8")
    return one_draft, big, many, big.stat().st_size


def warm_throughput(path: Path, runs: int) -> list[float]:
    """MB/s of read + lint in-process, default rules, after one warm-up run."""
    from reportlint.catalog import base_registry
    from reportlint.config import ConfigSpec, Settings
    from reportlint.engine import lint_document
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


def row(label: str, values: list[float], unit: str, target: str) -> str:
    median = statistics.median(values)
    return f"| {label} | {median:.3f} {unit} | {min(values):.3f}–{max(values):.3f} | {target} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    command = reportlint()
    with tempfile.TemporaryDirectory() as tmp:
        one, big, many, size = build_corpora(args.shared, Path(tmp))
        files = len(list(many.iterdir()))
        cold = time_command([command, "check", "--exit-zero", "-q", str(one)], args.runs)
        big_times = time_command([command, "check", "--exit-zero", "-q", str(big)], args.runs)
        many_times = time_command([command, "check", "--exit-zero", "-q", str(many)], args.runs)
        megabytes = size / 1e6
        print(f"corpus: {megabytes:.1f} MB as 1 file and as {files} files; {args.runs} runs each\n")
        print("| measure | median | min–max | target |")
        print("|---|---|---|---|")
        print(row(f"cold check, one draft ({one.stat().st_size // 1000} kB)", cold, "s", "≤ 0.3 s"))
        print(row(f"whole process, {megabytes:.1f} MB in 1 file", [megabytes / t for t in big_times], "MB/s", ""))
        print(
            row(f"whole process, {megabytes:.1f} MB in {files} files", [megabytes / t for t in many_times], "MB/s", "")
        )
        print(row("warm in-process, 1 core", warm_throughput(big, args.runs), "MB/s", "≥ 1 MB/s"))


if __name__ == "__main__":
    main()
