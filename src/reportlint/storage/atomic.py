"""The one atomic writer: a file is written to a temporary file in its folder and renamed over its target,
so that a reader never sees half of it. The results and TOML caches, ``--fix`` and ``annotate`` all write
through :func:`replace_atomically`; :func:`store` is its silent form for caches, where a write that fails only
costs time."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def replace_atomically(
    path: Path,
    write: Callable[[BinaryIO], None],
    *,
    mode_of: Path | None = None,
    before_rename: Callable[[], None] | None = None,
    durable: bool = False,
) -> None:
    """Have ``write`` fill a temporary file beside ``path``, then rename it over ``path``.

    ``mode_of``: give the new file that file's permission bits (else those of a new file under the umask).
    ``before_rename``: a last check, which may raise to keep ``path`` as it is. ``durable``: flush the data to
    disk before the rename. Raises ``OSError`` (and whatever the callables raise); the temporary file never
    survives a failure."""
    import tempfile  # only when something is written: most runs write nothing

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        if mode_of is not None:
            os.chmod(temporary, os.stat(mode_of).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        if before_rename is not None:
            before_rename()
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def store(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; False if that failed."""
    try:
        replace_atomically(path, lambda stream: (stream.write(data), None)[1])
    except OSError:
        return False
    return True
