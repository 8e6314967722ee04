"""Whole-process timing: wall time and peak resident memory of a command, over several runs after a warm-up.

Wall time is taken around the child with ``time.perf_counter`` (``/usr/bin/time``'s ``%e`` counts only to 10 ms).
Peak RSS comes from ``/usr/bin/time -f %M`` where it exists, else from ``os.wait4`` on the child (the same kernel
figure, for this child alone, unlike ``getrusage(RUSAGE_CHILDREN)``, which keeps the largest child so far). Either
way it is the largest single process (the main one or one worker), not their sum.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = "/usr/bin/time"
HAVE_GNU_TIME = Path(GNU_TIME).exists()


@dataclass
class Runs:
    """Wall seconds and peak RSS (MB) of each timed run."""

    seconds: list[float]
    rss_mb: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def environment(**extra: str) -> dict[str, str]:
    """The current environment without PYTHONDONTWRITEBYTECODE (installed users have .pyc files), plus ``extra``."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return env | extra


def time_runs(
    command: list[str], runs: int, env: dict[str, str], cwd: Path, before: Callable[[], None] | None = None
) -> Runs:
    """One warm-up run, then ``runs`` timed runs; ``before`` is called ahead of every run, the warm-up too."""
    samples = []
    for attempt in range(runs + 1):
        if before:
            before()
        seconds, rss_mb, code, errors = _run_once(command, env, cwd)
        if not attempt and code not in (0, 1):
            print(f"bench: warning: exit {code} from {' '.join(command[:3])} …: {errors[-500:]}", file=sys.stderr)
        if attempt:
            samples.append((seconds, rss_mb))
    return Runs([seconds for seconds, _ in samples], [rss_mb for _, rss_mb in samples])


def _run_once(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS in MB, exit code and standard error of one run (standard output is discarded)."""
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as errors,
        tempfile.NamedTemporaryFile("r") as report,
    ):
        if HAVE_GNU_TIME:
            command = [GNU_TIME, "-f", "%M", "-o", report.name, *command]
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        # The figure is the last word: time may write "Command exited with non-zero status N" before it.
        kilobytes = int(report.read().split()[-1]) if HAVE_GNU_TIME else usage.ru_maxrss
        return seconds, kilobytes / 1024, code, errors.read()
