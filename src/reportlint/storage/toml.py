"""Parsed TOML kept between runs.

Parsing the shipped rule packs (about 130 kB of TOML, with the pure-Python ``tomllib``) costs some 20 ms of
every start, a tenth of a cold check. The parsed data is kept in the user's cache directory
(``$XDG_CACHE_HOME/reportlint``, else ``~/.cache/reportlint``) as ``marshal`` data, under a name made of the
file's path, size and time of change, and read back in well under a millisecond. Any problem with the cache
(none writable, a damaged entry) only means parsing the file again.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
from hashlib import blake2b
from pathlib import Path
from typing import Any

from reportlint.storage.atomic import store
from reportlint.storage.files import MAX_TOML_BYTES, NotRegularFile, read_regular


def cache_home() -> Path | None:
    """The folder of the parsed-TOML cache; None when there is no home directory to put it in."""
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportlint"
    except RuntimeError:  # no HOME and no user database entry (some containers)
        return None


def load_toml(path: Path) -> dict[str, Any]:
    """``tomllib.load`` of ``path``, through the cache (raises what ``tomllib.load`` and ``open`` raise; a FIFO,
    a device or a file over 4 MiB raises :class:`~reportlint.storage.files.NotRegularFile`, an OSError)."""
    home = cache_home()
    if home is None:
        return _parse(path)
    status = path.stat()
    if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_TOML_BYTES:
        raise NotRegularFile(0, f"不是不超过 {MAX_TOML_BYTES} 字节的普通文件", str(path))
    name = f"{path.resolve()}\0{status.st_mtime_ns}\0{status.st_size}\0{sys.version}"
    entry = home / f"toml-{blake2b(name.encode('utf-8', 'surrogateescape'), digest_size=16).hexdigest()}"
    try:
        data = marshal.loads(read_regular(entry, 4 * MAX_TOML_BYTES, follow=False))
        if isinstance(data, dict):
            return data
    except Exception:  # missing, damaged or not ours: parse again (marshal data cannot run code)
        pass
    data = _parse(path)
    _store(entry, data)
    return data


def _parse(path: Path) -> dict[str, Any]:
    import tomllib

    return tomllib.loads(read_regular(path, MAX_TOML_BYTES).decode("utf-8"))


def _store(entry: Path, data: dict[str, Any]) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        store(entry, marshal.dumps(data))
    except (OSError, ValueError):  # no cache folder, or a value marshal cannot store (a TOML date)
        pass
