"""Driving windows and modal dialogs in pytest-qt: focus, activation, and a dialog's own event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget:
    return QApplication.focusWidget()


def show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return activate(qtbot, widget)


def activate(qtbot, widget: QWidget) -> QWidget:
    """The window has the keyboard again (after a dialog closed a clerk's window gets it back by itself)."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None and widget.isAncestorOf(focused()))
    return widget


def in_modal(qtbot, open_it: Callable[[], None], drive: Callable[[QWidget], None]) -> None:
    """Open a modal dialog (its exec() blocks) and drive it from inside its event loop; a failure closes it and is
    raised here, so a broken test fails instead of hanging."""
    failures: list[BaseException] = []
    done: list[bool] = []
    tries = iter(range(300))

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None and next(tries, None) is not None:
            QTimer.singleShot(10, handle)
            return
        done.append(True)
        try:
            assert dialog is not None, "no dialog opened"
            dialog.activateWindow()
            qtbot.waitUntil(lambda: focused() is not None and dialog.isAncestorOf(focused()))
            drive(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised below, outside the dialog's event loop
            failures.append(exc)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, handle)
    open_it()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    if failures:
        raise failures[0]
