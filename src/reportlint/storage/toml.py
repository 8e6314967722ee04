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
import sys
from hashlib import blake2b
from pathlib import Path
from typing import Any

from reportlint.storage.atomic import store


def cache_home() -> Path | None:
    """The folder of the parsed-TOML cache; None when there is no home directory to put it in."""
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportlint"
    except RuntimeError:  # no HOME and no user database entry (some containers)
        return None


def load_toml(path: Path) -> dict[str, Any]:
    """``tomllib.load`` of ``path``, through the cache (raises what ``tomllib.load`` and ``open`` raise)."""
    home = cache_home()
    if home is None:
        return _parse(path)
    status = path.stat()
    name = f"{path.resolve()}\0{status.st_mtime_ns}\0{status.st_size}\0{sys.version}"
    entry = home / f"toml-{blake2b(name.encode('utf-8', 'surrogateescape'), digest_size=16).hexdigest()}"
    try:
        data = marshal.loads(entry.read_bytes())
        if isinstance(data, dict):
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = _parse(path)
    _store(entry, data)
    return data


def _parse(path: Path) -> dict[str, Any]:
    import tomllib

    with path.open("rb") as handle:
        return tomllib.load(handle)


def _store(entry: Path, data: dict[str, Any]) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        store(entry, marshal.dumps(data))
    except (OSError, ValueError):  # no cache folder, or a value marshal cannot store (a TOML date)
        pass
