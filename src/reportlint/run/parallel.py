"""Linting the files of a run on several cores.

Worker processes are forked from the running process, so they start with every rule, pack and setting
already built. Each lints whole files and sends back their :class:`~reportlint.run.task.FileReport`; reports
come back in the order of the files, so output does not depend on which worker was faster. Small runs (one
file, or little text in all) stay in one process, where starting workers would cost more than it saves;
so does every run where ``fork`` is not available (Windows).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from reportlint.run.task import FileReport, FileTask

#: Below this much text in all, one process is faster than several.
MIN_PARALLEL_BYTES = 256 * 1024

#: The function the worker processes apply: set before they are forked, so they inherit it.
_lint: Callable[[FileTask], FileReport] | None = None


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_all(
    lint: Callable[[FileTask], FileReport],
    tasks: list[FileTask],
    jobs: int,
    done: Callable[[], None] | None = None,
) -> list[FileReport]:
    """``lint`` applied to every task, in order, on up to ``jobs`` processes; ``done`` is called as each
    report comes back (a progress bar)."""
    workers = min(jobs, len(tasks))
    if workers < 2 or _size(tasks) < MIN_PARALLEL_BYTES:
        return _in_this_process(lint, tasks, done)
    import multiprocessing  # only here: importing it costs a single-file run 10 ms
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if "fork" not in multiprocessing.get_all_start_methods():
        return _in_this_process(lint, tasks, done)
    global _lint
    _lint = lint
    reports: list[FileReport] = []
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for report in pool.map(_apply, tasks, chunksize=max(1, len(tasks) // (workers * 4))):
                reports.append(report)
                if done is not None:
                    done()
            return reports
    except BrokenProcessPool:  # a worker was killed (out of memory?): do the rest here
        return reports + _in_this_process(lint, tasks[len(reports) :], done)
    finally:
        _lint = None


def _in_this_process(
    lint: Callable[[FileTask], FileReport], tasks: list[FileTask], done: Callable[[], None] | None
) -> list[FileReport]:
    reports = []
    for task in tasks:
        reports.append(lint(task))
        if done is not None:
            done()
    return reports


def _apply(task: FileTask) -> FileReport:
    assert _lint is not None, "set before the workers are forked"
    return _lint(task)


def _size(tasks: list[FileTask]) -> int:
    total = 0
    for task in tasks:
        try:
            total += len(task.data) if task.data is not None else task.path.stat().st_size
        except OSError:
            continue  # its read error is reported when it is linted
    return total
