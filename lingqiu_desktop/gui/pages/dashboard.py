"""工作台: the first page. Four cards — this week's visits, overdue follow-ups, members under the attendance
requirement last month, upcoming trainings — each a click away from its list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.data.dashboard import Card

from lingqiu_desktop.workbook import Workbook

# (key, title, section to open, preset for that page, table columns (row key, header))
CARDS: list[tuple[str, str, str, dict[str, Any], list[tuple[str, str]]]] = [
    ("visits", "本周走访", "走访记录", {"period": "week"},
     [("visit_date", "日期"), ("village", "村"), ("household", "走访对象"), ("kind", "类型")]),
    ("overdue", "逾期未回访", "走访记录", {"follow_up": "overdue"},
     [("follow_up_due", "回访期限"), ("village", "村"), ("household", "走访对象"), ("promise", "承诺事项")]),
    ("attendance", "上月在村天数不足", "驻村考勤", {"period": "last_month"},
     [("name", "姓名"), ("team", "工作队"), ("village", "村"), ("days", "在村/要求")]),
    ("trainings", "近期培训", "培训", {"period": "upcoming"},
     [("start_date", "日期"), ("title", "培训名称"), ("audience", "对象"), ("attendees", "报名")]),
]


class _Card(QFrame):
    opened = Signal()

    def __init__(self, title: str, columns: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardCard")
        self.columns = columns
        self.title = QLabel(title, objectName="cardTitle")
        self.number = QLabel("0", objectName="cardNumber")
        self.period = QLabel(objectName="cardPeriod")
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([h for _k, h in columns])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.button = QPushButton("查看全部 →", objectName="cardButton")
        self.button.clicked.connect(self.opened)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.period)
        line = QHBoxLayout()
        line.addWidget(self.number)
        line.addStretch(1)
        line.addWidget(self.button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(line)
        layout.addWidget(self.table, 1)

    def show_card(self, card: Card) -> None:
        self.number.setText(f"{card.count:,}")
        self.period.setText(card.period)
        self.table.setRowCount(len(card.rows))
        for r, row in enumerate(card.rows):
            for c, (key, _h) in enumerate(self.columns):
                value = row.get(key)
                self.table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.table.resizeColumnsToContents()


class DashboardPage(QWidget):
    """Emits navigate(section title, preset) when a card's 查看全部 is clicked; the main window opens it."""

    navigate = Signal(str, dict)

    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.heading = QLabel(objectName="pageTitle")
        self.cards: dict[str, _Card] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, (key, title, section, preset, columns) in enumerate(CARDS):
            card = _Card(title, columns)
            card.opened.connect(self._opener(section, preset))
            self.cards[key] = card
            grid.addWidget(card, i // 2, i % 2)
        refresh = QPushButton("刷新（F5）", objectName="refreshButton")
        refresh.clicked.connect(self.refresh)
        action = QAction(self, shortcut=QKeySequence("F5"),
                         shortcutContext=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.refresh)
        self.addAction(action)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.refresh()

    def _opener(self, section: str, preset: dict[str, Any]) -> Callable[[], None]:
        return lambda: self.navigate.emit(section, preset)

    def refresh_on_show(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        wb, today = self.workbook, self.workbook.today()
        scope = "全县12个乡镇" if wb.is_county else wb.office_name
        self.heading.setText(f"工作台　{today.year}年{today.month}月{today.day}日　{scope}")
        for key, card in wb.dashboard().items():
            self.cards[key].show_card(card)
