"""A progress bar on stderr for long runs (a folder of hundreds of drafts): one line, redrawn in place with a
carriage return, and erased when the run is over. Only on a terminal, and only past :data:`MIN_FILES`."""

from __future__ import annotations

from typing import TextIO

from reportlint.output.text import display_width

#: Fewer files than this take a moment: no bar.
MIN_FILES = 20
WIDTH = 30


class ProgressBar:
    """Call it with (files done, files in all); :meth:`close` erases the line."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._shown = ""

    def __call__(self, done: int, total: int) -> None:
        if total <= MIN_FILES:
            return
        filled = WIDTH * done // total
        text = f"检查中 [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total} 个文件"
        if text != self._shown:
            self._write("\r" + text)
            self._shown = text

    def close(self) -> None:
        if self._shown:
            self._write("\r" + " " * display_width(self._shown) + "\r")
            self._shown = ""

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: the run goes on without the bar
            pass
