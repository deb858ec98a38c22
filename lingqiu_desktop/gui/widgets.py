"""Small widgets shared by the pages: a table view set up the same way everywhere, a read-only table of a few
rows, a debounced search box."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QTableWidget,
    QWidget,
)

from lingqiu_desktop.gui.models.lazy_table import LazyTableModel


def read_only_table(table: QTableWidget, columns: tuple[str, ...], name: str) -> QTableWidget:
    """A QTableWidget of a few rows that the page fills itself: headers, rows selected whole, nothing editable,
    columns as wide as their contents and the last one stretched."""
    table.setColumnCount(len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def make_table(columns: tuple[str, ...], parent: QWidget, name: str) -> QTableWidget:
    return read_only_table(QTableWidget(0, len(columns), parent), columns, name)


class RecordTable(QTableView):
    """Row selection, alternating colours, column widths from the model's columns, sorting in SQL."""

    activatedRow = Signal(int)

    def __init__(self, model: LazyTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(28)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(model.columns):
            self.setColumnWidth(i, column.width)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the list's own default order
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicatorShown(True)
        self.doubleClicked.connect(lambda index: self.activatedRow.emit(index.row()))

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def keyPressEvent(self, event) -> None:  # noqa: ANN001 - Qt event
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_row() >= 0:
            self.activatedRow.emit(self.current_row())
            return
        super().keyPressEvent(event)


class SearchBox(QLineEdit):
    """Emits `search` 250 ms after the user stops typing (or at once on Enter)."""

    search = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(lambda: self.search.emit(self.text().strip()))
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._fire_now)

    def _fire_now(self) -> None:
        self._timer.stop()
        self.search.emit(self.text().strip())

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self._timer.stop()  # a closed page must not query a database that may be closed too
        super().hideEvent(event)


def fill_combo(combo: QComboBox, items: list[tuple[str, str]], all_label: str | None = None) -> None:
    """(data, text) items; an optional first '全部…' item with empty data. Keeps the current choice when it can."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if all_label is not None:
        combo.addItem(all_label, "")
    for data, text in items:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
