"""Writing a package to a USB stick so that a pulled stick or a full drive never leaves a half file behind.

DESIGN.md "Safe writing": check free space; write a temporary file in the same folder (so the final rename stays
on one file system and is atomic); flush and fsync; read it back and verify; rename into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

MARGIN_BYTES = 256 * 1024  # room for the file system's own bookkeeping (FAT entries, directory blocks)
CHUNK = 1024 * 1024


class ExchangeWriteError(OSError):
    """The file could not be written safely; the message is Chinese and any earlier file of that name is intact."""


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def check_free_space(folder: Path, size: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # some network or virtual drives cannot say; the write itself will fail cleanly if full
    need = size + MARGIN_BYTES
    if free < need:
        raise ExchangeWriteError(f"空间不够：需要 {_mb(need)} MB，U盘只剩 {_mb(free)} MB。"
                                 "请删除U盘上不需要的文件，或换一个U盘。")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; Windows cannot open a folder for fsync, and NTFS/FAT need no such step."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    fd, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def safe_write(path: Path, data: bytes) -> str:
    """Write data to path safely and return its sha256 (hex); ExchangeWriteError when it cannot be done."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise ExchangeWriteError(f"找不到文件夹：{folder}（U盘是否已拔出？）")
    check_free_space(folder, len(data))
    expected = hashlib.sha256(data).hexdigest()
    temp: Path | None = None
    try:
        temp = _write_temp(folder, path.name, data)
        _fsync_folder(folder)
        if file_sha256(temp) != expected:
            raise ExchangeWriteError(f"写入后读回校验不一致：{path.name} 没有写好。U盘可能有坏块，请换一个U盘再试。")
        os.replace(temp, path)
        temp = None
        _fsync_folder(folder)
    except ExchangeWriteError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExchangeWriteError(f"无法写入 {path}：{reason}。请检查U盘是否已拔出、写保护或已满。") from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
    return expected
