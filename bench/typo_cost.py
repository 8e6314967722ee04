#!/usr/bin/env python3
"""What TYP008 (nonword-typo) costs: cold start and peak RSS of ``reportlint check`` with and without it, and the
throughput of the TYP family.

    python bench/typo_cost.py [--runs N] [--shared PATH]

- **cold start**: ``reportlint check --no-cache --exit-zero -q`` on the cold-start draft (the first of
  ``../shared/seeds``, as in ``bench/run.py``), run as a whole process, alternately ``--ignore TYP008`` and
  ``--extend-select TYP008`` in the same session (one warm-up of each, then ``--runs`` timed runs each); the
  table gives the medians of wall time, CPU time (user + system: steadier than wall time on a loaded machine)
  and peak RSS (``/usr/bin/time -f %M``, see ``measure.py``), with their ratio to and difference from the run
  without the rule. Issue target: +30 ms and +60 MB at most.
- **throughput**: the 1 MB text of ``bench/run.py`` linted in this process with ``select = ["TYP"]`` (every
  TYP rule, TYP008 included), after a warm-up; target > 1 MB/s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpora
from measure import GNU_TIME, HAVE_GNU_TIME, environment

HERE = Path(__file__).resolve().parent
DEFAULT_SHARED = HERE.parents[1] / "shared"


def run_once(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, from ``wait4``: the child and what it waited for) and peak RSS
    in MB (``/usr/bin/time -f %M`` where it exists) of one run."""
    with tempfile.NamedTemporaryFile("r") as report:
        if HAVE_GNU_TIME:
            command = [GNU_TIME, "-f", "%M", "-o", report.name, *command]
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"bench: exit {code} from {' '.join(command)}")
        kilobytes = int(report.read().split()[-1]) if HAVE_GNU_TIME else usage.ru_maxrss
        return seconds, usage.ru_utime + usage.ru_stime, kilobytes / 1024


def cold(script: str, draft: Path, runs: int, work: Path) -> dict[str, list[tuple[float, float, float]]]:
    """Wall seconds, CPU seconds and MB of each timed run, per variant; the variants alternate run by run (the
    same load for both)."""
    env = environment(REPORTLINT_CACHE_DIR=str(work / "cache"))
    base = [script, "check", "--no-cache", "--exit-zero", "-q", "--isolated"]
    variants = {"without TYP008": ["--ignore", "TYP008"], "with TYP008": ["--extend-select", "TYP008"]}
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in variants}
    for attempt in range(runs + 1):
        for name, options in variants.items():
            sample = run_once([*base, *options, str(draft)], env, work)
            if attempt:
                samples[name].append(sample)
    return samples


def throughput(path: Path, runs: int) -> list[float]:
    from reportlint.catalog import base_registry
    from reportlint.config.settings import ConfigSpec, Settings
    from reportlint.engine.lint import lint_document
    from reportlint.readers import read_path

    settings = Settings(ConfigSpec(select=["TYP"]), path.parent, None, base_registry())
    size = path.stat().st_size / 1e6
    rates = []
    for attempt in range(runs + 1):
        start = time.perf_counter()
        lint_document(read_path(path), settings)
        if attempt:
            rates.append(size / (time.perf_counter() - start))
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--script", default=str(Path(sys.executable).with_name("reportlint")))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reportlint-typo-cost-") as folder:
        work = Path(folder)
        built = corpora.build(args.shared, work)
        draft = built.drafts[0]
        samples = cold(args.script, draft, args.runs, work)
        print(f"cold start, one draft ({draft.stat().st_size / 1000:.0f} kB), medians of {args.runs} runs each:")
        base = [statistics.median(column) for column in zip(*samples["without TYP008"], strict=True)]
        for name, runs in samples.items():
            wall, cpu, rss = (statistics.median(column) for column in zip(*runs, strict=True))
            print(
                f"  {name:15} wall {wall * 1000:5.0f} ms (×{wall / base[0]:.3f}, {(wall - base[0]) * 1000:+.0f} ms)"
                f"  CPU {cpu * 1000:5.0f} ms (×{cpu / base[1]:.3f}, {(cpu - base[1]) * 1000:+.0f} ms)"
                f"  peak RSS {rss:5.1f} MB (×{rss / base[2]:.3f}, {rss - base[2]:+.1f} MB)"
            )
        rates = throughput(built.one_mb, max(3, args.runs // 3))
        print(
            f"TYP family in process, 1 MB text: {statistics.median(rates):.2f} MB/s"
            f" ({min(rates):.2f}–{max(rates):.2f}); target > 1 MB/s"
        )


if __name__ == "__main__":
    main()
