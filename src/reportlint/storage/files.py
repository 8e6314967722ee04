"""Reading and creating files that may come from a folder someone else wrote (a config, a pack, a cache
entry) without being hung, exhausted or redirected by it: only regular files of bounded size are read (a FIFO
or a device is refused before a byte is read), and files are created exclusively, never through a symlink."""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: The largest config or rule pack read (the shipped packs are some 130 kB together).
MAX_TOML_BYTES = 4 * 1024 * 1024


class NotRegularFile(OSError):
    """The path is not a regular file (a FIFO, a device, a folder, or with ``follow=False`` a symlink) or is
    larger than allowed."""


def read_regular(path: Path, limit: int | None, follow: bool = True) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes (None: any size); raises
    OSError otherwise. ``follow=False``: a symlink is refused too. The file is opened without blocking (a FIFO
    would hang the open) and checked with ``fstat`` (the very file opened, not a name that may have changed
    since it was listed) before a byte is read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise NotRegularFile(0, "这是一个目录", str(path))
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(0, "不是普通文件（是管道、套接字或设备）", str(path))
        if limit is not None and status.st_size > limit:
            raise NotRegularFile(0, f"大于 {limit} 字节", str(path))
        chunks, size = [], 0
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if limit is not None and size > limit:  # grew since fstat
                raise NotRegularFile(0, f"大于 {limit} 字节", str(path))
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def create_exclusive(path: Path, data: bytes) -> bool:
    """Create ``path`` with ``data``; False when a regular file is already there (it is kept). Raises OSError
    when something else is there (a symlink, even a dangling one, is never followed)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags, 0o644)
    except FileExistsError:
        if stat.S_ISREG(os.lstat(path).st_mode):
            return False
        raise NotRegularFile(0, "已存在，且不是普通文件（符号链接？）", str(path)) from None
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
    return True


def is_real_directory(path: Path) -> bool:
    """Whether ``path`` is a directory itself (not a symlink to one)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def is_real_file(path: Path) -> bool:
    """Whether ``path`` is a regular file itself (not a symlink to one)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
