"""数据交换 › 报送情况. At the county: the 12 townships with their last package (number, date, rows, days since); one
that has sent nothing for over a week, or never, is shown in red (超过7天未报送 / 从未报送). At a township: its
exports, newest first, with 已回执 / 未回执, and 打印移交清单 for the one selected.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.offices import office_name

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.exchange_cards import WARNING_STYLE
from lingqiu_desktop.gui.exchange_print import print_handover
from lingqiu_desktop.gui.exchange_worker import error_text, expected_errors
from lingqiu_desktop.gui.widgets import make_table

COUNTY_COLUMNS = ("乡镇", "最近数据包", "收到时间", "数据行数", "距今", "状态")
TOWNSHIP_COLUMNS = ("导出时间", "接收单位", "数据包", "数据行数", "经办人", "U盘", "县里回执")
STALE_BACKGROUND = QColor("#fdecea")
STALE_TEXT = QColor("#b71c1c")
STALE_DAYS = 7


def when(stamp: Any) -> str:
    return str(stamp or "")[:16].replace("T", " ")


def rows_of(counts: Any) -> str:
    if isinstance(counts, str):
        counts = json.loads(counts or "{}")
    return f"{sum((counts or {}).values()):,}"


def township_state(entry: Any) -> str:
    if entry.last_sequence is None:
        return "从未报送"
    if entry.stale:
        return f"超过{STALE_DAYS}天未报送"
    return "正常"


def set_row(table: QTableWidget, r: int, values: list[Any], stale: bool = False,
            right: tuple[int, ...] = ()) -> None:
    for c, value in enumerate(values):
        item = QTableWidgetItem(str(value))
        if c in right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if stale:
            item.setBackground(QBrush(STALE_BACKGROUND))
            item.setForeground(QBrush(STALE_TEXT))
        table.setItem(r, c, item)


class StatusPanel(QWidget):
    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.exports: list[dict[str, Any]] = []
        county = workbook.is_county
        self.summary = QLabel(self)
        self.summary.setObjectName("statusSummary")
        self.summary.setWordWrap(True)
        self.table = make_table(COUNTY_COLUMNS if county else TOWNSHIP_COLUMNS, self,
                                "countyStatus" if county else "exportLog")
        self.refresh_button = QPushButton("刷新(&R)", self)
        self.print_button = QPushButton("打印移交清单(&P)…", self)
        self.print_button.setVisible(not county)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self.print_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    def refresh(self) -> None:
        try:
            if self.workbook.is_county:
                self._show_county(self.workbook.exchange.status())
            else:
                self._show_exports(self.workbook.exchange.exports())
        except expected_errors() as exc:
            self.summary.setStyleSheet(WARNING_STYLE)
            self.summary.setText(error_text(exc))
        self._selection_changed()

    def _show_county(self, entries: list[Any]) -> None:
        self.table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            days = "—" if e.days_since is None else ("今天" if e.days_since == 0 else f"{e.days_since}天")
            sequence = "—" if e.last_sequence is None else f"第{e.last_sequence}号"
            set_row(self.table, r, [e.name, sequence, when(e.last_at) or "—", rows_of(e.counts) if e.counts else "—",
                                    days, township_state(e)], stale=e.stale, right=(3, 4))
        late = [e.name for e in entries if e.stale]
        today = self.workbook.today()
        if late:
            self.summary.setStyleSheet(WARNING_STYLE)
            self.summary.setText(f"截至{today.year}年{today.month}月{today.day}日，{len(late)}个乡镇超过{STALE_DAYS}天"
                                 f"未报送数据（红色）：{'、'.join(late)}。请督促报送。")
        else:
            self.summary.setStyleSheet("")
            self.summary.setText(f"截至{today.year}年{today.month}月{today.day}日，12个乡镇都在{STALE_DAYS}天内报送了数据。")

    def _show_exports(self, exports: list[dict[str, Any]]) -> None:
        self.exports = exports
        self.table.setRowCount(len(exports))
        for r, e in enumerate(exports):
            receipt = f"已回执（{when(e['received_at'])}）" if e.get("received_at") else "未回执"
            set_row(self.table, r, [when(e["at"]), office_name(e["recipient"]), f"第{e['sequence']}号",
                                    rows_of(e["counts_json"]), e["user_name"], e["drive"] or "（文件夹）", receipt],
                    right=(3,))
        entry = self.workbook.exchange.status()[0]
        if not exports:
            self.summary.setStyleSheet(WARNING_STYLE)
            self.summary.setText("本乡镇还没有向县里报送过数据。请在“导出数据包”中导出，交县里导入。")
        elif entry.stale:
            self.summary.setStyleSheet(WARNING_STYLE)
            self.summary.setText(f"最近一次报送是{entry.days_since}天前（第{entry.last_sequence}号），"
                                 f"已超过{STALE_DAYS}天，请尽快报送。")
        else:
            pending = sum(1 for e in exports if not e.get("received_at"))
            self.summary.setStyleSheet("")
            self.summary.setText(f"最近一次报送：第{entry.last_sequence}号，{when(entry.last_at)}。"
                                 + (f"{pending}个数据包还没有收到县里的回执。" if pending else "县里均已回执。"))

    def _selection_changed(self) -> None:
        self.print_button.setEnabled(self.current_export() is not None)

    def current_export(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        if self.workbook.is_county or not rows or rows[0].row() >= len(self.exports):
            return None
        return self.exports[rows[0].row()]

    def print_selected(self) -> None:
        export = self.current_export()
        if export is not None:
            print_handover(self, self.workbook, [export])
