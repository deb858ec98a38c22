"""The scanned-copy tab of the letter editor: the signed copy's name, size and SHA-256, and buttons to choose a file,
open it in the PC's own viewer and verify the stored copy against its hash.

The panel holds the file chosen but not yet saved (``pending``); the editor stores it with the letter at 保存.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.data.letters import LetterRepository, ScanFile, read_scan

SCAN_FILTER = "扫描件（*.pdf *.jpg *.jpeg *.png）;;所有文件（*）"


def format_size(size: int) -> str:
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


class ScanPanel(QWidget):
    """``current`` gives the letter being edited: its id (None while unsaved) and its row (the scan_* columns)."""

    chosen = Signal(str)  # a path picked in the file dialog: the editor attaches it (or refuses, read-only)

    def __init__(self, repo: LetterRepository, current: Callable[[], tuple[str | None, dict[str, Any]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.current = current
        self.pending: ScanFile | None = None
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.labels: dict[str, QLabel] = {}
        for key, text in (("name", "文件名："), ("size", "大小："), ("sha256", "SHA-256："), ("check", "校验：")):
            label = QLabel(objectName=f"scan_{key}", wordWrap=True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = label
            form.addRow(text, label)
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("attach", "选择扫描件(&F)…", self.choose), ("open", "打开(&O)", self.open_file),
                                ("verify", "校验(&V)", self.verify)):
            button = QPushButton(text, objectName=f"{key}ScanButton")
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        hint = QLabel("签字盖章后的责任书扫描件或照片（PDF、JPG、PNG，不超过20 MB）。保存时连同其SHA-256校验值一起存入"
                      "数据库，以后可随时校验存档的文件是否被改动。", wordWrap=True, objectName="scanHint")
        hint.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(bar)
        layout.addLayout(form)
        layout.addStretch(1)

    def choose(self) -> None:
        """The file dialog only picks the path; the editor's attach_scan() does the work."""
        path, _filter = QFileDialog.getOpenFileName(self, "选择签字盖章后的扫描件", "", SCAN_FILTER)
        if path:
            self.chosen.emit(path)

    def attach(self, path: str | Path) -> None:
        """Check and hash a file, to be stored with the letter; raises ValidationError for a bad file."""
        self.pending = read_scan(path)
        self.refresh()

    def refresh(self) -> None:
        scan, (_letter_id, letter) = self.pending, self.current()
        name = scan.name if scan else letter.get("scan_name", "")
        labels = self.labels
        labels["name"].setText((name + ("（保存后存档）" if scan else "")) if name else "尚未添加扫描件")
        labels["size"].setText(format_size(scan.size if scan else int(letter.get("scan_size") or 0)) if name else "")
        labels["sha256"].setText(scan.sha256 if scan else letter.get("scan_sha256", ""))
        labels["check"].setText("")
        for key in ("open", "verify"):
            self.buttons[key].setEnabled(bool(name))

    def verify(self) -> bool | None:
        """Recompute the stored file's SHA-256 and show whether it still matches."""
        letter_id, letter = self.current()
        label = self.labels["check"]
        if self.pending is not None or not letter_id or not letter.get("scan_name"):
            label.setText("尚未保存，保存后可校验")
            label.setStyleSheet("color: #555555;")
            return None
        ok = self.repo.verify_scan(letter_id)
        label.setText("一致：存档文件与添加时相同" if ok else "不一致：存档文件已被改动，请重新添加扫描件")
        label.setStyleSheet(f"color: {'#2e7d32' if ok else '#c62828'}; font-weight: bold;")
        return ok

    def temp_path(self) -> Path | None:
        """The scan written to a temporary file, for the PC's own viewer."""
        letter_id, letter = self.current()
        if self.pending is not None:
            name, data = self.pending.name, self.pending.data
        elif letter_id and letter.get("scan_name"):
            name, data = self.repo.scan(letter_id)
        else:
            return None
        path = Path(tempfile.mkdtemp(prefix="lingqiu-scan-")) / (Path(name).name or "扫描件")
        path.write_bytes(data)
        return path

    def open_file(self) -> None:
        path = self.temp_path()
        if path is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(self.window(), "打开扫描件", f"没有找到能打开该文件的程序。文件已保存在：\n{path}")
