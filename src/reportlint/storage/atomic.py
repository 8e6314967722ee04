"""Writing one entry of a cache: atomically, so that a reader never sees half of it, and silently, as a
cache that cannot be written only costs time."""

from __future__ import annotations

import os
from pathlib import Path


def store(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file in the same folder; False if that failed."""
    import tempfile  # only when something is stored: most runs store nothing

    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return False
    return True
