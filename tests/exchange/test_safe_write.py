"""Writing to the stick: all of the new file or the old one untouched, never a half file or a stray temp file."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from lingqiu_desktop.exchange import safe_write as module
from lingqiu_desktop.exchange.safe_write import ExchangeWriteError, safe_write

OLD = b"old package" * 100
NEW = bytes(range(256)) * 400


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "pkg.lqp")


@pytest.fixture
def target(tmp_path: Path) -> Path:
    folder = tmp_path / "U盘"
    folder.mkdir()
    return folder / "pkg.lqp"


def test_normal_write(target: Path) -> None:
    digest = safe_write(target, NEW)
    assert digest == hashlib.sha256(NEW).hexdigest()
    assert target.read_bytes() == NEW
    assert leftovers(target.parent) == []


def test_replaces_an_existing_file(target: Path) -> None:
    target.write_bytes(OLD)
    safe_write(target, NEW)
    assert target.read_bytes() == NEW
    assert leftovers(target.parent) == []


def test_empty_data(target: Path) -> None:
    assert safe_write(target, b"") == hashlib.sha256(b"").hexdigest()
    assert target.read_bytes() == b""


def _fail_replace(*_args: object) -> None:
    raise OSError(errno.EIO, "Input/output error")


def test_failing_rename_leaves_the_old_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target.write_bytes(OLD)
    monkeypatch.setattr(os, "replace", _fail_replace)
    with pytest.raises(ExchangeWriteError) as caught:
        safe_write(target, NEW)
    assert str(caught.value) == f"无法写入 {target}：Input/output error。请检查U盘是否已拔出、写保护或已满。"
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_read_back_mismatch_leaves_the_old_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target.write_bytes(OLD)
    monkeypatch.setattr(module, "file_sha256", lambda _path: "0" * 64)  # a stick that returns other bytes
    with pytest.raises(ExchangeWriteError) as caught:
        safe_write(target, NEW)
    assert str(caught.value) == "写入后读回校验不一致：pkg.lqp 没有写好。U盘可能有坏块，请换一个U盘再试。"
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_stick_pulled_during_the_write(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target.write_bytes(OLD)

    def pulled(_fd: int) -> None:
        raise OSError(errno.ENODEV, "No such device")

    monkeypatch.setattr(os, "fsync", pulled)
    with pytest.raises(ExchangeWriteError, match="^无法写入 .*No such device"):
        safe_write(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_not_enough_space(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target.write_bytes(OLD)
    mb = 1024 * 1024
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: SimpleNamespace(free=1 * mb))
    with pytest.raises(ExchangeWriteError) as caught:
        safe_write(target, bytes(3 * mb))
    assert str(caught.value) == ("空间不够：需要 3.2 MB，U盘只剩 1.0 MB。"
                                 "请删除U盘上不需要的文件，或换一个U盘。")
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExchangeWriteError) as caught:
        safe_write(tmp_path / "拔出的U盘" / "pkg.lqp", NEW)
    assert str(caught.value) == f"找不到文件夹：{tmp_path / '拔出的U盘'}（U盘是否已拔出？）"


def test_the_error_is_an_os_error(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Callers that catch OSError around file work also catch these."""
    monkeypatch.setattr(os, "replace", _fail_replace)
    with pytest.raises(OSError):
        safe_write(target, NEW)
