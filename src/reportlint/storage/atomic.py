"""The one atomic writer: a file is written to a temporary file in its folder and renamed over its target,
so that a reader never sees half of it. The results and TOML caches, ``--fix`` and ``annotate`` all write
through :func:`replace_atomically`; :func:`store` is its silent form for caches, where a write that fails only
costs time."""

from __future__ import annotations

import errno
import os
import re
import stat
import time
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

    ``mode_of``: give the new file that file's permission bits, its owner and group (when this process may) and
    its extended attributes (else the permissions of a new file under the umask).
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
            copy_properties(mode_of, temporary)
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


#: The errors that mean a file system or a platform has no extended attributes (or not this one).
_NO_XATTRS = {errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EPERM, errno.EACCES}


def copy_properties(source: Path, target: str | Path) -> None:
    """Give ``target`` the permission bits, owner, group and extended attributes of ``source``. The owner and
    group are set only where they differ (changing them needs root, or membership of the group); the extended
    attributes where the file system has them."""
    status = os.stat(source)
    if (status.st_uid, status.st_gid) != _owner(target):
        os.chown(target, status.st_uid, status.st_gid)
    os.chmod(target, status.st_mode & 0o7777)  # after chown, which clears the set-id bits
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(source)
    except OSError as error:
        if error.errno in _NO_XATTRS:
            return
        raise
    for name in names:
        try:
            os.setxattr(target, name, os.getxattr(source, name))
        except OSError as error:
            if error.errno not in _NO_XATTRS:
                raise


def _owner(path: str | Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_uid, status.st_gid


def can_keep_owner(status: os.stat_result) -> bool:
    """Whether a new file written by this process can be given the owner and group of the file ``status``
    describes (root can; others only their own files, in one of their groups)."""
    uid = os.geteuid()
    return uid == 0 or (status.st_uid == uid and (status.st_gid == os.getegid() or status.st_gid in os.getgroups()))


#: How old a temporary file left by a killed writer must be before it is removed (a younger one may be
#: another run's, being written).
STALE_AFTER = 3600
_cleaned: set[str] = set()


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[str]:
    """Remove the temporary files :func:`replace_atomically` left in ``folder`` when it was killed: regular
    files (never links) named like ours (``.<name>.<8 characters>.tmp``) beside an existing ``<name>``, and
    older than :data:`STALE_AFTER`. Once per folder per process; returns the names removed."""
    key = os.path.abspath(folder)
    if key in _cleaned:
        return []
    _cleaned.add(key)
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    names = {entry.name for entry in entries}
    for entry in entries:
        match = _TEMPORARY.fullmatch(entry.name)
        if match is None or match["name"] not in names:
            continue
        try:
            status = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(status.st_mode) and now - status.st_mtime > STALE_AFTER:
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue
    return removed


_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp", re.DOTALL)
