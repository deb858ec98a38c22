"""数据交换 › 导出数据包: choose a USB stick the program found (or any folder) and, at the county, the township(s);
the export runs in a worker thread; then the packages written (file, sequence, rows, hash) and 打印移交清单.

On a stick the packages go into a folder 灵丘数据交换 (made if missing) so the stick stays tidy; a folder the clerk
chooses is used as it is.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.offices import COUNTY_CODE, office_name

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.exchange_cards import WARNING_STYLE, card_value
from lingqiu_desktop.gui.exchange_print import print_handover
from lingqiu_desktop.gui.exchange_worker import (
    EXCHANGE_FOLDER,
    Progress,
    Runner,
    error_text,
    expected_errors,
    free_text,
    removable_drives,
    takes_progress,
    with_progress,
)
from lingqiu_desktop.gui.printing import documents_folder
from lingqiu_desktop.gui.widgets import make_table

ALL = ""                     # the recipient combo's 全部乡镇
RESULT_COLUMNS = ("接收单位", "数据包", "行数合计", "文件", "校验码（前16位）")
OK_STYLE = "color: #1b5e20; font-weight: bold;"


def grouped(digest: str, groups: int = 16) -> str:
    """'3f9a12bc…' → '3F9A 12BC …' (the first `groups` groups of four)."""
    text = digest.upper()
    return " ".join(text[i:i + 4] for i in range(0, min(len(text), groups * 4), 4))


def result_value(result: Any, name: str, default: Any = None) -> Any:
    return result.get(name, default) if isinstance(result, dict) else getattr(result, name, default)


class ExportPanel(QWidget):
    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.results: list[Any] = []
        self.runner = Runner(workbook, self)
        self.drive_combo = QComboBox(self)
        self.drive_combo.setObjectName("driveCombo")
        self.drive_combo.setMinimumWidth(360)
        self.refresh_button = QPushButton("刷新(&R)", self)
        self.folder_button = QPushButton("选择文件夹(&F)…", self)
        self.free_label = QLabel(self)
        self.recipient_combo = QComboBox(self)
        self.recipient_combo.setObjectName("recipientCombo")
        self.recipient_hint = QLabel(self)
        self.recipient_hint.setWordWrap(True)
        self.export_button = QPushButton("导出(&X)", self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.setMinimumWidth(120)
        self.cancel_button = QPushButton("取消", self)
        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = self._build_table()
        self.print_button = QPushButton("打印移交清单(&P)…", self)
        self.print_button.setObjectName("printHandover")
        self._lay_out()
        self._wire()
        chain = (self.drive_combo, self.refresh_button, self.folder_button, self.recipient_combo, self.export_button,
                 self.cancel_button, self.print_button, self.table)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.refresh_drives()
        self.refresh_recipients()
        self._set_running(False)

    # ---- building ----

    def _lay_out(self) -> None:
        target = QGroupBox("导出到", self)
        drive_row = QHBoxLayout()
        drive_row.addWidget(self.drive_combo, 1)
        drive_row.addWidget(self.refresh_button)
        drive_row.addWidget(self.folder_button)
        form = QFormLayout(target)
        form.addRow(self._buddy("U盘或文件夹(&U)：", self.drive_combo), drive_row)
        form.addRow("", self.free_label)
        form.addRow(self._buddy("接收单位(&T)：", self.recipient_combo), self.recipient_combo)
        form.addRow("", self.recipient_hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        result_row = QHBoxLayout()
        result_row.addWidget(QLabel("本次导出的数据包：", self), 1)
        result_row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._steps(), self))
        layout.addWidget(target)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(result_row)
        layout.addWidget(self.table, 1)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    def _steps(self) -> str:
        who = "各乡镇" if self.workbook.is_county else "县里"
        return f"① 插入U盘，在下面选中它（或选择一个文件夹）　② 点“导出”　③ 打印移交清单，签字盖章后与U盘一起交给{who}"

    def _build_table(self) -> QTableWidget:
        table = make_table(RESULT_COLUMNS, self, "exportResults")
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        return table

    def _wire(self) -> None:
        self.refresh_button.clicked.connect(self.refresh_drives)
        self.folder_button.clicked.connect(self.choose_folder)
        self.drive_combo.currentIndexChanged.connect(self._show_free)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.print_button.clicked.connect(self.print_results)
        self.runner.progressed.connect(self._progressed)
        self.runner.completed.connect(self._completed)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(lambda: self.status.setText("已取消，没有写入数据包。"))
        self.runner.finished.connect(lambda: self._set_running(False))

    # ---- where to ----

    def refresh_drives(self) -> None:
        """The sticks plugged in now, after any folder the clerk chose (kept at the top)."""
        chosen = [(self.drive_combo.itemText(i), self.drive_combo.itemData(i)) for i in range(self.drive_combo.count())
                  if self.drive_combo.itemData(i) and self.drive_combo.itemData(i)[2]]
        self.drive_combo.clear()
        for text, data in chosen:
            self.drive_combo.addItem(text, data)
        for drive in removable_drives():
            self.drive_combo.addItem(f"U盘：{drive.label}", (str(drive.root), drive.label, False))
        if not self.drive_combo.count():
            self.drive_combo.addItem("没有找到U盘：请插入U盘后点“刷新”，或“选择文件夹”", None)
        self._show_free()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择存放数据包的文件夹", str(documents_folder()))
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> None:
        self.drive_combo.insertItem(0, f"文件夹：{folder}", (str(folder), "", True))
        self.drive_combo.setCurrentIndex(0)
        if self.drive_combo.itemData(self.drive_combo.count() - 1) is None:
            self.drive_combo.removeItem(self.drive_combo.count() - 1)

    def target(self) -> tuple[Path, str] | None:
        """(the folder the packages go to, the drive label for the export log) or None when nothing is chosen."""
        data = self.drive_combo.currentData()
        if not data:
            return None
        root, label, is_folder = data
        return (Path(root), "") if is_folder else (Path(root) / EXCHANGE_FOLDER, label)

    def _show_free(self) -> None:
        data = self.drive_combo.currentData()
        self.free_label.setText(free_text(Path(data[0])) if data else "")

    def refresh_recipients(self) -> None:
        """The county sends to one township or all with a pinned card; a township always to the county."""
        try:
            pinned = {str(card_value(c, "code")) for c in self.workbook.exchange.cards()}
        except expected_errors() as exc:
            self.recipient_hint.setText(error_text(exc))
            return
        self.recipient_combo.clear()
        if self.workbook.is_county:
            townships = [(code, name) for code, name in self.workbook.townships() if code in pinned]
            self.recipient_combo.addItem(f"全部乡镇（已登记名片的{len(townships)}个）", ALL)
            for code, name in townships:
                self.recipient_combo.addItem(name, code)
            missing = len(self.workbook.townships()) - len(townships)
            hint = f"还有{missing}个乡镇的名片没有登记，不能给它们导出。" if missing else ""
        else:
            self.recipient_combo.addItem(office_name(COUNTY_CODE), COUNTY_CODE)
            hint = "" if COUNTY_CODE in pinned else "尚未登记灵丘县的名片：请先在“单位名片”中导入县里的名片。"
        self.recipient_hint.setStyleSheet(WARNING_STYLE)
        self.recipient_hint.setText(hint)
        self.recipient_hint.setVisible(bool(hint))

    # ---- running ----

    def start(self) -> None:
        target = self.target()
        if target is None:
            self._failed("请先插入U盘并点“刷新”，或点“选择文件夹”选择存放的位置。")
            return
        folder, label = target
        code = self.recipient_combo.currentData()
        recipient = (code or None) if self.workbook.is_county else COUNTY_CODE
        self.results = []
        self.table.setRowCount(0)
        self._set_running(True)
        self.runner.start(lambda wb, progress: self._export(wb, progress, recipient, folder, label))

    @staticmethod
    def _export(wb: Workbook, progress: Progress | None, recipient: str | None, folder: Path,
                label: str) -> list[Any]:
        folder.mkdir(parents=True, exist_ok=True)
        result = with_progress(wb.exchange.export, progress, recipient, folder, drive_label=label)
        return list(result) if isinstance(result, (list, tuple)) else [result]

    def _set_running(self, running: bool) -> None:
        for widget in (self.drive_combo, self.refresh_button, self.folder_button, self.recipient_combo,
                       self.export_button):
            widget.setEnabled(not running)
        hooked = takes_progress(self.workbook.exchange.export)
        self.cancel_button.setVisible(running and hooked)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0 if not hooked else 1)
            self.status.setStyleSheet("")
            self.status.setText("正在导出，请不要拔出U盘…")
        self.print_button.setEnabled(bool(self.results) and not running)

    def _progressed(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if what:
            self.status.setText(f"正在导出：{what}")

    def _completed(self, results: list[Any]) -> None:
        self.results = results
        self.table.setRowCount(len(results))
        for r, result in enumerate(results):
            counts = result_value(result, "counts", {}) or {}
            path = Path(str(result_value(result, "path", "")))
            recipient = str(result_value(result, "recipient", "") or "")
            values = (office_name(recipient) if recipient else "", f"第{result_value(result, 'sequence', '')}号",
                      f"{sum(counts.values()):,}", str(path), grouped(str(result_value(result, "sha256", "")), 4))
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setToolTip(f"校验码（SHA-256）：{grouped(str(result_value(result, 'sha256', '')))}")
                self.table.setItem(r, c, item)
        self.status.setStyleSheet(OK_STYLE)
        where = Path(str(result_value(results[0], "path", ""))).parent if results else ""
        self.status.setText(f"导出完成：共{len(results)}个数据包，已写入并核对无误，保存在 {where}。"
                            "可以拔出U盘；请打印移交清单随U盘一并移交。" if results else "没有需要导出的数据包。")
        self.print_button.setEnabled(bool(results))
        self.print_button.setFocus()

    def _failed(self, message: str) -> None:
        self.status.setStyleSheet(WARNING_STYLE)
        self.status.setText(f"没有导出：{message}")

    def print_results(self) -> None:
        if self.results:
            print_handover(self, self.workbook, self.results)
