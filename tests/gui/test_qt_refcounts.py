"""Calling Qt from Python must not take references it does not own. PySide6 6.12.0 on Python 3.11 took one from
None on every call of a void method (setText, setEnabled, …), and the program aborted with "none_dealloc" once a
session had made enough calls (a clerk loses what is on screen). This guards the pinned PySide6 against that."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QProgressBar, QPushButton

CALLS = 2000


def test_void_qt_calls_leave_none_true_and_false_alone(qtbot) -> None:
    button = QPushButton("保存")
    qtbot.addWidget(button)
    bar = QProgressBar()
    qtbot.addWidget(bar)
    before = [sys.getrefcount(value) for value in (None, True, False)]
    for i in range(CALLS):
        button.setText("保存")
        button.setEnabled(i % 2 == 0)
        button.setVisible(False)
        bar.setRange(0, 10)
        bar.setFormat("%p%")
    after = [sys.getrefcount(value) for value in (None, True, False)]
    drift = [a - b for a, b in zip(after, before, strict=True)]
    assert all(abs(d) < 50 for d in drift), f"references of None, True, False changed by {drift} over {CALLS} calls"
