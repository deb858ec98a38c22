"""A table model that never holds a whole table: it fetches pages by key as the view scrolls (Qt's fetchMore).

The page itself runs in the Workbook (sorts and filters in SQL); this model only keeps the rows already shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from lingqiu_desktop.data.listing import PageKey, next_key

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[PageKey | None, int], list[dict[str, Any]]]

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int = 100
    align: str = "left"                      # left / right / center
    sort_key: str = ""                       # key of the list's sortable columns; "" = not sortable
    fmt: Callable[[Any], str] | None = None
    colors: dict[str, str] = field(default_factory=dict)   # cell text → foreground colour

    def text(self, value: Any) -> str:
        if self.fmt is not None:
            return self.fmt(value)
        return "" if value is None else str(value)


def yes_no(value: Any) -> str:
    return "是" if value else "否"


def money(value: Any) -> str:
    return "" if value is None else f"{value:,.0f}"


class LazyTableModel(QAbstractTableModel):
    """Rows arrive in batches of `batch`; sort() asks the owner to re-query with a new ORDER BY."""

    sortRequested = Signal(str, bool)  # sort key, descending

    def __init__(self, columns: Sequence[Column], fetch: Fetch, batch: int = 200, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self._batch = batch
        self._rows: list[dict[str, Any]] = []
        self._exhausted = False

    # -- Qt model interface -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self.columns[index.column()]
        value = self._rows[index.row()].get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int({"right": _RIGHT, "center": _CENTER}.get(column.align, _LEFT).value)
        if role == Qt.ItemDataRole.ForegroundRole and column.colors:
            color = column.colors.get(column.text(value))
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.text(value) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        rows = self._fetch(next_key(self._rows), self._batch)
        if len(rows) < self._batch:
            self._exhausted = True
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column].sort_key:
            self.sortRequested.emit(self.columns[column].sort_key, order == Qt.SortOrder.DescendingOrder)

    # -- our interface --------------------------------------------------------------------------------------------
    def reload(self, fetch: Fetch | None = None) -> None:
        """Forget the loaded rows and start again from the first page (new filter or sort)."""
        self.beginResetModel()
        if fetch is not None:
            self._fetch = fetch
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore()

    def row(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        """The row showing a record, or -1 when it is not loaded."""
        return next((i for i, r in enumerate(self._rows) if r.get("id") == record_id), -1)

    def loaded_count(self) -> int:
        return len(self._rows)
