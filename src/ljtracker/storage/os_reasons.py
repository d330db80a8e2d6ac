"""Why the system refused to read or write a file: in English the system's own text
(`strerror`), in Chinese the common reasons said in Chinese."""

from __future__ import annotations

import errno
import sqlite3

_ZH = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已满",
    errno.EROFS: "文件系统为只读",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
}


# what to do about a reason, where something can be done
_FULL = {errno.ENOSPC, errno.EDQUOT}
_ADVICE_EN = "free some space on that disk and try again"
_ADVICE_ZH = "请清理该磁盘的空间后重试"


def reason_en(error: BaseException) -> str:
    text = (error.strerror if isinstance(error, OSError) else None) or str(error)
    return f"{text}; {_ADVICE_EN}" if _full(error) else text


def reason_zh(error: BaseException) -> str:
    """The reason in Chinese where it is a common one; else the system's (English) text."""
    if isinstance(error, OSError) and error.errno in _ZH:
        text = _ZH[error.errno]
        return f"{text}，{_ADVICE_ZH}" if _full(error) else text
    return reason_en(error)


def _full(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in _FULL


def sqlite_reasons(error: sqlite3.Error) -> tuple[str, str]:
    """Why SQLite could not write, in English and Chinese: a full disk as a file's write
    says it, with what to do; another reason in SQLite's own words."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == sqlite3.SQLITE_FULL:
        return f"the disk is full; {_ADVICE_EN}", f"磁盘空间不足，{_ADVICE_ZH}"
    return str(error), str(error)
