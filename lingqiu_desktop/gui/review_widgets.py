"""Widgets and formatting shared by the review pages (考评 and 指标进度): the scope bar (层级 / 乡镇), the period
picker, a read-only table model over plain rows, and how numbers, completions and trends are written.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QWidget

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.widgets import fill_combo

COUNTY_LEVEL, TOWNSHIP_LEVEL = "县对乡", "乡对村"
RED, GREEN, GREY = "#c62828", "#2e7d32", "#777777"
LAG_BACK = "#fde2e1"
Index = QModelIndex | QPersistentModelIndex



# -- formatting ---------------------------------------------------------------------------------------------------
def number(value: float | None, digits: int = 2) -> str:
    """1200.0 → "1200", 0.35 → "0.35": no trailing zeros, nothing for None."""
    if value is None:
        return ""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(value: float | None) -> str:
    return "未填报" if value is None else f"{value * 100:.1f}%"


def trend_arrow(current: float | None, previous: float | None) -> tuple[str, str]:
    """↑/↓/— and its colour, comparing completions (so a falling value of a lower-is-better indicator reads ↑)."""
    if current is None or previous is None or abs(current - previous) < 1e-9:
        return "—", GREY
    return ("↑", GREEN) if current > previous else ("↓", RED)


def target_text(baseline: float | None, target: float | None, unit: str, direction: str) -> str:
    """"基数 120户　目标 0户（越低越好）": an indicator's span, as its tooltips give it."""
    better = "越高越好" if direction == "higher" else "越低越好"
    return f"基数 {number(baseline)}{unit}　目标 {number(target)}{unit}（{better}）"


def signed(value: float | None) -> tuple[str, str]:
    if value is None:
        return "—", GREY
    if abs(value) < 0.005:
        return "持平", GREY
    return (f"+{value:.2f}", GREEN) if value > 0 else (f"{value:.2f}", RED)


# -- a table model over plain rows ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Col:
    title: str
    text: Callable[[Any], str]
    width: int = 70
    align: str = "right"
    color: Callable[[Any], str] | None = None   # text colour of a cell, "" for the default
    tip: Callable[[Any], str] | None = None


class RowsModel(QAbstractTableModel):
    """Read-only rows (UnitScore or IndicatorScore) under columns; a row may be flagged (lagging: red tint)."""

    def __init__(self, columns: Sequence[Col], flagged: Callable[[Any], bool] = lambda _r: False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.flagged = flagged
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            flag = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter}.get(
                column.align, Qt.AlignmentFlag.AlignRight)
            return int((flag | Qt.AlignmentFlag.AlignVCenter).value)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.BackgroundRole and self.flagged(row):
            return QBrush(QColor(LAG_BACK))
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(row) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None


def table_view(model: RowsModel, name: str, multi: bool = False) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(28)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    for i, column in enumerate(model.columns):
        view.setColumnWidth(i, column.width)
    return view


# -- choosing the scope and the period -----------------------------------------------------------------------------
class ScopeBar(QWidget):
    """Which units: 县对乡 (the 12 townships) or 乡对村 (a township's villages; at the county, which township)."""

    changed = Signal()

    def __init__(self, workbook: Workbook, all_villages: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.level_combo = QComboBox(objectName="levelCombo")
        levels = [(TOWNSHIP_LEVEL, "乡对村（各村）"), (COUNTY_LEVEL, "县对乡（各乡镇）")]
        fill_combo(self.level_combo, levels[::-1] if workbook.is_county else levels)
        self.township_combo = QComboBox(objectName="townshipCombo")
        fill_combo(self.township_combo, workbook.townships(), all_villages if workbook.is_county else None)
        self.township_label = QLabel("乡镇(&X)", buddy=self.township_combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("层级(&L)", buddy=self.level_combo))
        layout.addWidget(self.level_combo)
        layout.addWidget(self.township_label)
        layout.addWidget(self.township_combo)
        self.level_combo.currentIndexChanged.connect(self._level_changed)
        self.township_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._show_township()

    @property
    def level(self) -> str:
        return str(self.level_combo.currentData())

    @property
    def township_code(self) -> str:
        """The township whose villages are ranked; "" for 县对乡 (and for 全县各村 at the county)."""
        if self.level == COUNTY_LEVEL:
            return ""
        return str(self.township_combo.currentData() or "") if self.workbook.is_county else self.workbook.office_code

    def set_scope(self, level: str, township_code: str = "") -> None:
        self.township_combo.blockSignals(True)
        if township_code:
            self.township_combo.setCurrentIndex(max(0, self.township_combo.findData(township_code)))
        self.township_combo.blockSignals(False)
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(level)))
        self.changed.emit()

    def _level_changed(self) -> None:
        self._show_township()
        self.changed.emit()

    def _show_township(self) -> None:
        visible = self.workbook.is_county and self.level == TOWNSHIP_LEVEL
        self.township_label.setVisible(visible)
        self.township_combo.setVisible(visible)


def year_items(today: date) -> list[tuple[int, str]]:
    """Four years back (the letters of finished years are still looked at) and the next (drafted in advance)."""
    return [(y, f"{y}年") for y in range(today.year - 4, today.year + 2)]


class PeriodPicker(QWidget):
    """A year and, for kind "month" or "quarter", a month or quarter of it; step() goes back or on."""

    changed = Signal()

    def __init__(self, kind: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.year_combo = QComboBox(objectName="yearCombo")
        fill_combo(self.year_combo, year_items(today))  # type: ignore[arg-type]
        self.part_combo = QComboBox(objectName="partCombo", visible=kind != "year")
        parts = [(m, f"{m}月") for m in range(1, 13)] if kind == "month" else \
            [(q, f"第{'一二三四'[q - 1]}季度") for q in range(1, 5)]
        fill_combo(self.part_combo, parts)  # type: ignore[arg-type]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = {"month": "月份(&M)", "quarter": "季度(&Q)", "year": "年度(&Y)"}[kind]
        layout.addWidget(QLabel(label, buddy=self.year_combo))
        layout.addWidget(self.year_combo)
        layout.addWidget(self.part_combo)
        self.set_period(default_period(kind, today))
        for combo in (self.year_combo, self.part_combo):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def add_step_keys(self, owner: QWidget) -> None:
        """Ctrl+PgUp / Ctrl+PgDown step the period from anywhere inside ``owner`` (the tab, not just the picker)."""
        for keys, step in (("Ctrl+PgUp", -1), ("Ctrl+PgDown", 1)):
            action = QAction(owner, shortcut=QKeySequence(keys),
                             shortcutContext=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, step=step: self.step(step))
            owner.addAction(action)

    @property
    def year(self) -> int:
        return int(self.year_combo.currentData())

    @property
    def period(self) -> str:
        part = self.part_combo.currentData()
        return {"month": f"{self.year}-{part:02d}", "quarter": f"{self.year}Q{part}"}.get(self.kind, str(self.year))

    def set_period(self, period: str) -> None:
        year, part = int(period[:4]), int(period[5:]) if len(period) > 4 else 0
        for combo, data in ((self.year_combo, year), (self.part_combo, part)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(data)))
            combo.blockSignals(False)
        self.changed.emit()

    def step(self, step: int) -> None:
        if self.kind == "year":
            index = self.year_combo.currentIndex() + step
            if 0 <= index < self.year_combo.count():
                self.year_combo.setCurrentIndex(index)
            return
        count = self.part_combo.count()
        n = self.year_combo.currentIndex() * count + self.part_combo.currentIndex() + step
        if not 0 <= n < self.year_combo.count() * count:
            return
        year, part = self.year_combo.itemData(n // count), n % count + 1
        self.set_period(f"{year}-{part:02d}" if self.kind == "month" else f"{year}Q{part}")


def default_period(kind: str, today: date) -> str:
    """The working month; the last quarter that has ended (a circular reviews a finished quarter); the year."""
    if kind == "month":
        return f"{today.year}-{today.month:02d}"
    if kind == "quarter":
        quarter = (today.month - 1) // 3 + 1
        month_end = today.day == calendar.monthrange(today.year, today.month)[1]
        ended = quarter if today.month % 3 == 0 and month_end else quarter - 1
        return f"{today.year}Q{ended}" if ended else f"{today.year - 1}Q4"
    return str(today.year)
