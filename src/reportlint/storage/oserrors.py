"""The operating system's reasons in Chinese: ``error.strerror`` is English (Python never sets the C library's
message locale), and the users of reportlint read Chinese."""

from __future__ import annotations

import errno

REASONS = {
    errno.ENOENT: "文件或目录不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许的操作（没有权限）",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一部分不是目录",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ELOOP: "符号链接层数过多（或为循环链接）",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统是只读的",
    errno.EIO: "输入/输出错误",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.EEXIST: "文件已存在",
    errno.EXDEV: "不能跨文件系统移动",
    errno.EMFILE: "打开的文件过多",
    errno.ENFILE: "打开的文件过多",
    errno.EAGAIN: "资源暂时不可用",
    errno.EINVAL: "参数无效",
    errno.ENXIO: "设备不存在",
    errno.EFBIG: "文件过大",
}
if hasattr(errno, "EDQUOT"):
    REASONS[errno.EDQUOT] = "超出磁盘配额"


def reason(error: OSError) -> str:
    """Why ``error`` happened, in Chinese when the error number is a common one (else the system's words)."""
    return REASONS.get(error.errno or 0) or error.strerror or str(error)
