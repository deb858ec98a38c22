"""The 驻村考勤 grid: the month's table model (members × days, then the totals) and its keyboard-driven view."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from lingqiu_desktop.core import attendance as rules

from lingqiu_desktop.data.attendance import GridMember, MonthGrid

WEEKDAYS = "一二三四五六日"
STATUS_COLORS = {"在村": "#e3f4e1", "请假": "#fff1c9", "出差": "#dcebfb", "缺勤": "#f9d6d5"}
WEEKEND = QColor("#eceef1")
TODAY = QColor("#fff8e0")
NOT_POSTED = QColor("#d9dce1")
BELOW_BACK, BELOW_TEXT = QColor("#fde2e1"), QColor("#c62828")


class AttendanceModel(QAbstractTableModel):
    """Column 0 the member, then one column per day, then 在村天数 and 要求天数."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid: MonthGrid | None = None
        self.spot_notes: dict[tuple[str, date], str] = {}

    # -- shape -----------------------------------------------------------------------------------------------------
    def set_grid(self, grid: MonthGrid, spot_notes: dict[tuple[str, date], str] | None = None) -> None:
        same_shape = (self.grid is not None and self.grid.days == grid.days
                      and [m.person_id for m in self.grid.members] == [m.person_id for m in grid.members])
        if same_shape:  # keep the cursor and the selection while the clerk types
            self.grid, self.spot_notes = grid, spot_notes or {}
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self.grid, self.spot_notes = grid, spot_notes or {}
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.grid, self.spot_notes = None, {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.members)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.days) + 3

    def day_of(self, column: int) -> date | None:
        if self.grid is None or not 1 <= column <= len(self.grid.days):
            return None
        return self.grid.days[column - 1]

    def member(self, row: int) -> GridMember:
        assert self.grid is not None
        return self.grid.members[row]

    def total_column(self) -> int:
        return self.columnCount() - 2

    # -- cells -----------------------------------------------------------------------------------------------------
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None or not index.isValid():
            return None
        member, day = self.member(index.row()), self.day_of(index.column())
        if day is not None:
            return self._day_data(member, day, role)
        return self._member_data(member, index.column(), role)

    def _day_data(self, member: GridMember, day: date, role: int) -> Any:
        status = member.statuses.get(day)
        if role == Qt.ItemDataRole.DisplayRole:
            return rules.SHORT.get(status, "") if status else ("—" if day not in member.posted else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(self._day_color(member, day, status))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._day_tip(member, day, status)
        return None

    def _day_color(self, member: GridMember, day: date, status: str | None) -> QColor:
        if status:
            return QColor(STATUS_COLORS[status])
        if day not in member.posted:
            return NOT_POSTED
        assert self.grid is not None
        if day == self.grid.today:
            return TODAY
        return WEEKEND if rules.is_weekend(day) else QColor("white")

    def _day_tip(self, member: GridMember, day: date, status: str | None) -> str:
        lines = [f"{member.name}　{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"]
        if day not in member.posted:
            lines.append("不在驻村期间")
        lines.append(status or "未登记")
        if day in member.notes:
            lines.append(member.notes[day])
        if (member.person_id, day) in self.spot_notes:
            lines.append(self.spot_notes[(member.person_id, day)])
        return "\n".join(lines)

    def _member_data(self, member: GridMember, column: int, role: int) -> Any:
        total = member.total
        below = total is not None and total.below
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return member.name
            assert total is not None
            return str(total.in_village if column == self.total_column() else total.required)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter if column else Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole and below:
            return QBrush(BELOW_BACK)
        if role == Qt.ItemDataRole.ForegroundRole and below:
            return QBrush(BELOW_TEXT)
        if role == Qt.ItemDataRole.FontRole and below:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and total is not None:
            state = f"，差{total.shortfall}天，未达到要求" if below else ""
            return f"{member.name}（{member.role}）：在村{total.in_village}天，要求{total.required}天{state}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.grid is None:
            return None
        day = self.day_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if day is not None:
                return f"{day.day}\n{'今' if day == self.grid.today else WEEKDAYS[day.weekday()]}"
            return "队员" if section == 0 else ("在村\n天数" if section == self.total_column() else "要求\n天数")
        if role == Qt.ItemDataRole.ToolTipRole and day is not None:
            return f"{day.isoformat()} 星期{WEEKDAYS[day.weekday()]}" + ("（今天）" if day == self.grid.today else "")
        return None


class AttendanceGrid(QTableView):
    """The view: arrow keys move (Qt's own), status keys are turned into signals for the page."""

    statusTyped = Signal(str)       # noqa: N815 - Qt signal naming
    clearTyped = Signal()           # noqa: N815
    repeatTyped = Signal()          # noqa: N815

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("attendanceGrid")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the grid, as everywhere else
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(30)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.setStyleSheet("QTableView#attendanceGrid { selection-background-color: #9cc0f0; }")

    def size_columns(self) -> None:
        model: AttendanceModel = self.model()  # type: ignore[assignment]
        width = self.fontMetrics().horizontalAdvance("中") + 14
        self.setColumnWidth(0, self.fontMetrics().horizontalAdvance("中" * 4) + 16)
        for column in range(1, model.columnCount()):
            self.setColumnWidth(column, width if model.day_of(column) else width + 22)
        header = 2 * self.fontMetrics().height() + 14
        self.horizontalHeader().setFixedHeight(header)
        # as tall as the team, so the month's leave and spot checks below get the rest of a 768-pixel screen
        rows = max(model.rowCount(), 3) * self.verticalHeader().defaultSectionSize()
        self.setMaximumHeight(header + rows + 2 * self.frameWidth() + self.horizontalScrollBar().sizeHint().height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        status = rules.status_for_key(event.text()) if modifiers == Qt.KeyboardModifier.NoModifier else None
        if status is not None:
            self.statusTyped.emit(status)
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clearTyped.emit()
        elif event.key() == Qt.Key.Key_Space and modifiers == Qt.KeyboardModifier.NoModifier:
            self.repeatTyped.emit()
        else:
            super().keyPressEvent(event)

    def advance(self) -> None:
        """After one cell is typed, move to the next day (then the next member), like a clerk reads a sign-in book."""
        model: AttendanceModel = self.model()  # type: ignore[assignment]
        index = self.currentIndex()
        row, column = index.row(), index.column() + 1
        if model.day_of(column) is None:
            row, column = row + 1, 1
        if row < model.rowCount():
            self.setCurrentIndex(model.index(row, column))
