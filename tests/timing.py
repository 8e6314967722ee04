"""Timing helpers (imported as `timing`: pytest puts tests/ on sys.path): a hang guard, and the only speed
check the tests make, a ratio. No test compares a time with an absolute limit (those live in bench/); a
performance test measures processor time at n and at 2n and asserts the ratio (:func:`assert_linear`)."""

from __future__ import annotations

import gc
import signal
import time
import traceback
from collections.abc import Callable
from contextlib import contextmanager

import pytest

#: A hang guard, not a speed target: a run still going after this many seconds has hung (a super-linear case
#: takes hours at these sizes). Speed itself is measured as a ratio (:func:`assert_linear`) and in bench/.
HANG = 120.0
#: Time at 2n over time at n that linear work stays under (noise included); quadratic work gives about 4.
LINEAR = 2.5
#: Runs too short to time reliably: their ratio says nothing (the work is linear or tiny).
TOO_SHORT = 0.05


class _StillRunning(BaseException):
    """Raised by the alarm; a BaseException, so that the engine's guard against crashing rules lets it pass."""


def _where(error: BaseException) -> str:
    """The rule (or reader) that was running when the alarm went off, and the innermost frames."""
    frames = [frame for frame, _ in traceback.walk_tb(error.__traceback__)]
    names = [frame.f_code.co_name for frame in frames]
    culprit = "the reader" if "read_bytes" in names else "the code"
    for frame in frames:
        if frame.f_code.co_name == "lint_document" and "rule" in frame.f_locals:
            culprit = f"rule {frame.f_locals['rule'].code}"
    inner = ", ".join(f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.f_code.co_name}" for frame in frames[-3:])
    return f"{culprit} ({inner})"


@contextmanager
def within(bound: float):
    """Fail the test if the block has not finished after ``bound`` seconds, naming what was running."""

    if not hasattr(signal, "setitimer"):  # Windows: no alarm, so a hang hangs; a slow run still fails
        started = time.perf_counter()
        yield
        assert time.perf_counter() - started < bound
        return

    def alarm(signum, frame):
        raise _StillRunning

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, bound)
    started = time.perf_counter()
    try:
        yield
    except _StillRunning as error:
        pytest.fail(f"not done after {bound} s: {_where(error)} was still running")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.perf_counter() - started < bound


def _best_time(work: Callable[[], object], repetitions: int = 2) -> float:
    """The least processor time of ``repetitions`` runs (other processes' load does not count), with the
    garbage collector off: its full collections grow with every object alive (the test's own included), which
    is the interpreter's cost, not the algorithm's (the command line tunes the collector for this)."""
    best = float("inf")
    for _ in range(repetitions):
        gc.collect()
        gc.disable()
        started = time.process_time()
        try:
            with within(HANG):
                work()
        finally:
            gc.enable()
        best = min(best, time.process_time() - started)
    return best


def assert_linear(work: Callable[[int], object], n: int, attempts: int = 3) -> None:
    """``work(2 * n)`` takes at most :data:`LINEAR` times as long as ``work(n)``. Timing on a shared machine is
    noisy, so a ratio above the bound is measured again (up to ``attempts`` times): quadratic work is above it
    every time (about 4), linear work only by chance. Build the inputs before: ``work`` should time the work
    only."""
    ratios = []
    for _ in range(attempts):
        small, large = _best_time(lambda: work(n)), _best_time(lambda: work(2 * n))
        if large < TOO_SHORT or large / small <= LINEAR:
            return
        ratios.append(f"{small:.3f} s → {large:.3f} s ({large / small:.1f}×)")
    pytest.fail(f"not linear, {n} → {2 * n}: " + "; ".join(ratios))
