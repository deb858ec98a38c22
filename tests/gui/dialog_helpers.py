"""Driving a record dialog the way a clerk does: keyboard first, Chinese through the input method.

Shared by the dialog tests (household, member, village). Record builders are in tests/helpers.py; what is here works
the widgets, plus the fixed ID number and office codes those tests type and assert on.
"""

from __future__ import annotations

import itertools
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QPushButton, QWidget

from lingqiu_desktop.core.validation import id_check_char

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog

TOWNSHIP = "140224101"  # 东河南镇, the office of the workbook fixture (tests/conftest.py)
COUNTY = "140224"

D = TypeVar("D", bound=RecordDialog)


def valid_id(first17: str) -> str:
    """A fixed ID number with its check digit: the tests assert on its birth date, sex and last digit."""
    return first17 + id_check_char(first17)


HEAD_ID = valid_id("14022419800101001")  # 男, born 1980-01-01: 张先云, the head of the tests' household


def as_county(workbook: Workbook) -> Workbook:
    """The same database as the county office sees it, as if its rows had come from the county by USB."""
    return Workbook(workbook.db, workbook.path, COUNTY)


def focused() -> QWidget:
    return QApplication.focusWidget()


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """ASCII as key presses; Chinese as an input-method commit, which is how it really arrives.

    Unlike tests.helpers.type_chinese this leaves the focus where it is: the dialogs check a field when the cursor
    leaves it, and the tests decide when that happens.
    """
    target = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    for is_ascii, chars in itertools.groupby(text, str.isascii):
        if is_ascii:
            qtbot.keyClicks(target, "".join(chars))
        else:
            event = QInputMethodEvent()
            event.setCommitString("".join(chars))
            QApplication.sendEvent(target, event)


def retype(qtbot, widget: QWidget, text: str) -> None:
    """Select all and type over it (an empty text deletes)."""
    target = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(qtbot, target, text)
    else:
        qtbot.keyClick(target, Qt.Key.Key_Delete)


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def tab_to(qtbot, name: str) -> QWidget:
    """Tab once and check the cursor landed on the named field (the tab order is part of what is tested)."""
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == name
    return focused()


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an item with the arrow keys, as the keyboard does."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, text
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def open_dialog(qtbot, dialog: D) -> D:
    """Show the dialog and wait until it has the keyboard, as when a clerk opens it."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None and dialog.isAncestorOf(focused()))
    return dialog


def save_button(dialog: RecordDialog) -> QPushButton:
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)


def click_save(qtbot, dialog: RecordDialog) -> None:
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
