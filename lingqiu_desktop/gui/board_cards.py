"""The 小黑板's cards: one work group's week (上月完成 and 本周计划, each item with its status and owner)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.board import PLAN, SECTIONS

from lingqiu_desktop.data.board import GroupWeek

# status → (text colour, background)
STATUS_COLORS = {"未开始": ("#616161", "#eeeeee"), "进行中": ("#1357a6", "#e3eefb"),
                 "已完成": ("#2e7d32", "#e5f3e6"), "滞后": ("#c62828", "#fde2df")}
CARRIED_COLOR = "#8a5a00"


def item_text(item: dict[str, Any]) -> str:
    carries = item.get("carries", 0)
    if not carries:
        return item["content"]
    mark = "↻ 上周结转" if carries == 1 else f"↻ 结转{carries}次"
    return f"{mark}　{item['content']}"


class CardTable(QTableWidget):
    """A card's lines: a heading row per section, then its items (status | content | owner)."""

    focused = Signal()
    activated = Signal()
    toggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("cardTable")
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustIgnored)
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        self.setColumnWidth(0, metrics.horizontalAdvance("进行中") + 14)
        self.setColumnWidth(2, metrics.horizontalAdvance("中" * 4) + 8)
        self.rows: list[dict[str, Any] | str] = []  # an item, or the section a heading row opens
        self.doubleClicked.connect(lambda _i: self.activated.emit())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()
        if self.currentRow() < 0:
            first = next((i for i, r in enumerate(self.rows) if isinstance(r, dict)), -1)
            if first >= 0:
                self.setCurrentCell(first, 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit()
            return
        if event.key() == Qt.Key.Key_Space:
            self.toggled.emit()
            return
        super().keyPressEvent(event)

    def fill(self, card: GroupWeek) -> None:
        self.clearSpans()
        self.setRowCount(0)
        self.rows = []
        for section, items in ((SECTIONS[0], card.done), (SECTIONS[1], card.plans)):
            self._heading(section, len(items))
            for item in items:
                self._item(item)
            if not items:
                self._empty()
        self.resizeRowsToContents()
        self.fit_height()

    def _add_row(self, payload: dict[str, Any] | str) -> int:
        row = self.rowCount()
        self.insertRow(row)
        self.rows.append(payload)
        return row

    def _heading(self, section: str, count: int) -> None:
        row = self._add_row(section)
        cell = QTableWidgetItem(f"{section}（{count}项）" if count else section)
        font = QFont(self.font())
        font.setBold(True)
        cell.setFont(font)
        cell.setForeground(QBrush(QColor("#1f3a2c")))
        cell.setBackground(QBrush(QColor("#eef3ef")))
        cell.setFlags(Qt.ItemFlag.NoItemFlags)  # the cursor skips headings
        self.setItem(row, 0, cell)
        self.setSpan(row, 0, 1, 3)

    def _empty(self) -> None:
        row = self._add_row("")
        cell = QTableWidgetItem("（暂无）")
        cell.setForeground(QBrush(QColor("#9e9e9e")))
        cell.setFlags(Qt.ItemFlag.NoItemFlags)
        self.setItem(row, 0, cell)
        self.setSpan(row, 0, 1, 3)

    def _item(self, item: dict[str, Any]) -> None:
        row = self._add_row(item)
        fg, bg = STATUS_COLORS.get(item["status"], ("#333", "#fff"))
        status = QTableWidgetItem(item["status"])
        status.setForeground(QBrush(QColor(fg)))
        status.setBackground(QBrush(QColor(bg)))
        status.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        content = QTableWidgetItem(item_text(item))
        tip = item["content"]
        if item.get("carries"):
            content.setForeground(QBrush(QColor(CARRIED_COLOR)))
            tip += f"\n（由上周结转，已结转{item['carries']}次）"
        content.setToolTip(tip)
        owner = QTableWidgetItem(item["responsible"])
        owner.setForeground(QBrush(QColor("#555")))
        for column, cell in enumerate((status, content, owner)):
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(row, column, cell)

    def fit_height(self) -> None:
        """Show every line: the card grows, the page scrolls."""
        self.resizeRowsToContents()
        height = sum(self.rowHeight(r) for r in range(self.rowCount())) + 2 * self.frameWidth() + 2
        self.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_height()  # wrapped lines change with the width

    def current_item(self) -> dict[str, Any] | None:
        row = self.currentRow()
        payload = self.rows[row] if 0 <= row < len(self.rows) else None
        return payload if isinstance(payload, dict) else None

    def current_section(self) -> str:
        """The section the cursor is in (for adding): its item's, or 本周计划."""
        item = self.current_item()
        return item["section"] if item else PLAN

    def select_item(self, item_id: str) -> bool:
        for row, payload in enumerate(self.rows):
            if isinstance(payload, dict) and payload["id"] == item_id:
                self.setCurrentCell(row, 1)
                return True
        return False


class GroupCard(QFrame):
    def __init__(self, card: GroupWeek, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupCard")
        self.card = card
        group = card.group
        self.setProperty("laggard", card.laggard)
        title = QLabel(group["name"] + ("" if group["active"] else "（已停用）"), objectName="cardTitle")
        head = QHBoxLayout()
        head.addWidget(title)
        if group["leader"]:
            head.addWidget(QLabel(f"组长：{group['leader']}", objectName="cardLeader"))
        head.addStretch(1)
        if card.laggard:
            badge = QLabel("滞后", objectName="lagBadge")
            badge.setToolTip("；".join(card.lag_reasons))
            head.addWidget(badge)
        self.table = CardTable(self)
        self.table.fill(card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(head)
        if card.laggard:
            layout.addWidget(QLabel("例会点名：" + "；".join(card.lag_reasons), objectName="lagLine"))
        layout.addWidget(self.table)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_current(self, current: bool) -> None:
        if bool(self.property("current")) != current:
            self.setProperty("current", current)
            self.style().unpolish(self)
            self.style().polish(self)
