"""Writing result files so that a failure leaves nothing half-written: a temporary file beside the target,
renamed onto it only when everything was written. Every failure is one Chinese sentence.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO


class WriteError(Exception):
    """A result cannot be written (no such folder, no permission, a disk full): one Chinese sentence."""


_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EFBIG: "文件超过系统允许的大小",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "所在位置只读",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.EIO: "磁盘读写错误",
}


def write_failure(path: Path | str, exc: OSError) -> str:
    """Why `path` could not be written, in Chinese."""
    path = Path(path)
    if not path.parent.exists():
        return f"无法写入 {path}：文件夹 {path.parent} 不存在"
    if exc.errno == errno.ENOENT:
        return f"无法写入 {path}：不能在 {path.parent} 中创建文件"
    if path.is_dir():
        return f"无法写入 {path}：这是一个文件夹"
    reason = _REASONS.get(exc.errno or 0) or f"系统错误 {errno.errorcode.get(exc.errno or 0, type(exc).__name__)}"
    return f"无法写入 {path}：{reason}"


def check_target(path: Path) -> None:
    """Says now, before any work, why `path` could not be written."""
    if path.is_dir():
        raise WriteError(f"无法写入 {path}：这是一个文件夹")
    if not path.parent.is_dir():
        raise WriteError(f"无法写入 {path}：文件夹 {path.parent} 不存在")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise WriteError(f"无法写入 {path}：没有写入权限")


_PENDING: set[Path] = set()  # temporary files and folders of this process not yet renamed or removed


@atexit.register
def _remove_pending() -> None:
    """An interrupted or failed run leaves no temporary file behind."""
    for path in list(_PENDING):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    _PENDING.clear()


class AtomicFile:
    """A result file written under a temporary name and renamed onto `path` by `commit`.

    A device or pipe the user names (/dev/stdout, a FIFO) cannot be renamed onto: it is written directly.
    """

    def __init__(self, path: Path, binary: bool = False) -> None:
        check_target(path)
        self.path = path
        self.direct = path.exists() and not path.is_file()
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        try:
            if self.direct:
                self.temp = path
                self.file: IO = open(path, mode, encoding=encoding)  # noqa: SIM115  (closed in commit/discard)
            else:
                handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
                self.temp = Path(name)
                _PENDING.add(self.temp)
                self.file = os.fdopen(handle, mode, encoding=encoding)
        except OSError as exc:
            raise WriteError(write_failure(path, exc)) from None

    def commit(self) -> None:
        try:
            self.file.close()
            if not self.direct:
                os.chmod(self.temp, 0o666 & ~_umask())
                os.replace(self.temp, self.path)
        except OSError as exc:
            self.discard()
            raise WriteError(write_failure(self.path, exc)) from None
        _PENDING.discard(self.temp)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.file.close()
        if not self.direct:
            self.temp.unlink(missing_ok=True)
            _PENDING.discard(self.temp)


@contextlib.contextmanager
def staging(target: Path) -> Iterator[Path]:
    """A temporary folder beside `target` to write it (and any files that go with it) into; on success every
    file in it is moved beside `target`, on failure the folder is removed."""
    check_target(target)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise WriteError(write_failure(target, exc)) from None
    _PENDING.add(folder)
    try:
        yield folder / target.name
        for made in sorted(folder.iterdir()):
            os.chmod(made, 0o666 & ~_umask())
            os.replace(made, target.parent / made.name)
    except OSError as exc:
        raise WriteError(write_failure(target, exc)) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        _PENDING.discard(folder)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a megabyte at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def files_in(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and the supported files inside the folders named (recursively, in name order)."""
    from juesuan.readers import SUFFIXES  # the readers import this module

    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path
