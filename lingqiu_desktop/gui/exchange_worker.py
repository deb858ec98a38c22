"""The data exchange page's plumbing: a worker thread that runs one ExchangeService call on its own Workbook, the
error texts, and the removable drives the clerk can export to.

SQLite connections stay in their thread, so the worker opens the same file again (as gui/batch_print.py does). An
in-memory workbook (tests of other pages, never the real program) runs the call in the GUI thread instead.
"""

from __future__ import annotations

import inspect
import os
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStorageInfo, QThread, Signal

from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.database import DatabaseError
from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.documents.base import Cancelled
from lingqiu_desktop.exchange.crypto import CardError
from lingqiu_desktop.exchange.package import PackageError
from lingqiu_desktop.workbook import Workbook

Progress = Callable[[int, int, str], None]
Call = Callable[[Workbook, Progress | None], Any]      # (its own workbook, a progress hook or None) → result
EXCHANGE_FOLDER = "灵丘数据交换"                        # where packages go on a stick: the stick stays tidy
# Where Linux desktops mount USB sticks; anything else (/, /home, /boot …) is a system volume.
LINUX_MOUNTS = ("/media/", "/run/media/", "/mnt/")


def error_text(exc: BaseException) -> str:
    """The Chinese reason a clerk is shown; these errors all carry one."""
    if isinstance(exc, PackageError):
        return exc.message
    if isinstance(exc, OSError) and exc.strerror:        # the system's words; ours (ExchangeWriteError) have none
        name = f"“{exc.filename}”" if exc.filename else ""
        return f"无法读写文件{name}：{exc.strerror}"
    return str(exc)


def expected_errors() -> tuple[type[BaseException], ...]:
    """What a refused package, a bad card, a full stick or a locked database raise (the service may add its own)."""
    errors: list[type[BaseException]] = [PackageError, CardError, ValidationError, NotOwnedError, DatabaseError,
                                         OSError]
    try:
        from lingqiu_desktop.exchange import service
    except ImportError:
        return tuple(errors)
    errors += [value for name, value in vars(service).items()
               if name.endswith("Error") and isinstance(value, type) and issubclass(value, Exception)]
    return tuple(errors)


def with_progress(method: Callable[..., Any], progress: Progress | None, *args: Any, **kwargs: Any) -> Any:
    """Call a service method, handing it the progress hook when it takes one (else the page shows a busy bar)."""
    if progress is not None and takes_progress(method):
        kwargs["progress"] = progress
    return method(*args, **kwargs)


def takes_progress(method: Callable[..., Any]) -> bool:
    try:
        return "progress" in inspect.signature(method).parameters
    except (TypeError, ValueError):
        return False


# ---- the worker ----

class ExchangeThread(QThread):
    """Runs `call` on a Workbook of its own; `completed(result)`, `failed(message)` or `cancelled()` follows."""

    progressed = Signal(int, int, str)
    completed = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, db_path: Path, user_name: str, call: Call, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path, self.user_name, self.call = db_path, user_name, call
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, done: int, total: int, what: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.progressed.emit(done, total, what)

    def run(self) -> None:
        try:
            with Workbook.open(self.db_path, self.user_name) as workbook:
                result = self.call(workbook, self._report)
        except Cancelled:
            self.cancelled.emit()
        except expected_errors() as exc:
            self.failed.emit(error_text(exc))
        except Exception as exc:  # noqa: BLE001 - a bug must not leave the page waiting for ever
            traceback.print_exc()
            self.failed.emit(f"程序出错（{type(exc).__name__}），请把此情况告知系统管理员")
        else:
            self.completed.emit(result)


class Runner(QObject):
    """One exchange job at a time for a panel: starts the thread, forwards its signals, tidies up after it."""

    progressed = Signal(int, int, str)
    completed = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, workbook: Workbook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.worker: ExchangeThread | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)

    def busy(self) -> bool:
        return self.worker is not None

    def start(self, call: Call) -> None:
        if self.worker is not None:
            return
        if self.workbook.path is None:
            self._run_here(call)
            return
        self.worker = ExchangeThread(self.workbook.path, self.workbook.store.user_name, call, self)
        for name in ("progressed", "completed", "failed", "cancelled"):
            getattr(self.worker, name).connect(getattr(self, name))
        self.worker.finished.connect(self._finished)
        self.worker.start()

    def _run_here(self, call: Call) -> None:
        try:
            result = call(self.workbook, None)
        except expected_errors() as exc:
            self.failed.emit(error_text(exc))
        else:
            self.completed.emit(result)
        self.finished.emit()

    def _finished(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.deleteLater()
        self.finished.emit()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def wait(self) -> None:
        """The page is going away: a running thread must finish before it is destroyed."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()


# ---- drives ----

@dataclass(frozen=True)
class Drive:
    root: Path
    label: str           # what the clerk sees and the export log records: 'KINGSTON (E:)', 'U盘 (/media/…)'


def system_roots() -> set[str]:
    """The volumes a package must not go to: the root file system, and on Windows the system drive."""
    roots = {"/"}
    if sys.platform == "win32":
        drive = os.environ.get("SYSTEMDRIVE", "C:")
        roots.add(drive.rstrip("\\/").upper() + "/")
    return roots


def looks_removable(root: str, *, ready: bool, read_only: bool, platform: str = sys.platform,
                    system: set[str] | None = None) -> bool:
    """A drive a clerk would plug in: mounted, writable, not the system volume; on Linux under /media, /run/media or
    /mnt (QStorageInfo cannot tell a stick from a disk, the mount point can)."""
    if not ready or read_only:
        return False
    normal = root.replace("\\", "/")
    normal = normal if normal.endswith("/") else normal + "/"
    if normal.upper() in {r.upper() for r in (system if system is not None else system_roots())}:
        return False
    if platform == "win32":
        return len(normal) == 3 and normal[1] == ":"        # E:/ — not a folder mounted into another drive
    return normal.startswith(LINUX_MOUNTS)


def removable_drives() -> list[Drive]:
    drives = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if looks_removable(root, ready=volume.isReady() and volume.isValid(), read_only=volume.isReadOnly()):
            name = volume.displayName() if volume.displayName() != root else volume.name()
            label = f"{name} ({root.rstrip('/') or root})" if name and name != root else root
            drives.append(Drive(Path(root), label))
    return drives


def free_text(path: Path) -> str:
    """'可用 3.2 GB' for a drive or folder ('' when the system cannot say)."""
    info = QStorageInfo(str(path))
    if not info.isValid():
        return ""
    free = info.bytesAvailable()
    return f"可用 {free / 1024 ** 3:.1f} GB" if free >= 1024 ** 3 else f"可用 {free / 1024 ** 2:.0f} MB"


def packages_in(folder: Path, suffixes: tuple[str, ...] = (".lqpkg", ".lqrcpt")) -> list[Path]:
    """The packages and receipts on a stick: in its root and in the exchange folder, newest first."""
    found: list[Path] = []
    for place in (folder, folder / EXCHANGE_FOLDER):
        try:
            found += [p for p in place.iterdir() if p.is_file() and p.suffix.lower() in suffixes]
        except OSError:
            continue
    return sorted(set(found), key=lambda p: (-_mtime(p), p.name))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
