"""The table of a dry run or an import: per table how many rows are new, changed, removed and unchanged, with a
合计 row; zeros in grey so the changes stand out, removals in red. Used by 数据交换 › 导入数据包."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from lingqiu_desktop.exchange.labels import ordered, table_label

from lingqiu_desktop.gui.exchange_export import result_value
from lingqiu_desktop.gui.widgets import read_only_table

PLAN_COLUMNS = ("数据表", "新增", "修改", "删除", "不变")
KINDS = ("new", "changed", "removed", "unchanged")


def field(obj: Any, name: str, default: Any = None) -> Any:
    return result_value(obj, name, default)


def when(stamp: Any) -> str:
    return str(stamp or "")[:16].replace("T", " ")


def changes_of(plan: Any) -> dict[str, Any]:
    """{table: TableChange} of a dry run (the plan itself, or an ImportPlan holding one)."""
    inner = field(plan, "plan", plan)
    tables = field(inner, "tables", {}) or {}
    return dict(tables)


def totals(changes: dict[str, Any]) -> dict[str, int]:
    return {k: sum(int(field(c, k, 0) or 0) for c in changes.values()) for k in KINDS}


class PlanTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(PLAN_COLUMNS), parent)
        read_only_table(self, PLAN_COLUMNS, "planTable")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

    def fill(self, changes: dict[str, Any]) -> None:
        """Tables with any row, in the labels' order, then 合计."""
        rows = [t for t in ordered(changes) if any(int(field(changes[t], k, 0) or 0) for k in KINDS)]
        self.setRowCount(len(rows) + 1)
        for r, table in enumerate(rows):
            self._set_row(r, table_label(table), [int(field(changes[table], k, 0) or 0) for k in KINDS])
        self._set_row(len(rows), "合计", list(totals(changes).values()), bold=True)

    def _set_row(self, r: int, label: str, values: list[int], bold: bool = False) -> None:
        """Zeros in grey, so the changes stand out; removals in red (rows the sender deleted go here too)."""
        items = [QTableWidgetItem(label)] + [QTableWidgetItem(f"{v:,}") for v in values]
        for c, item in enumerate(items):
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not values[c - 1]:
                    item.setForeground(QBrush(QColor("#9aa0a6")))
                elif KINDS[c - 1] == "removed":
                    item.setForeground(QBrush(QColor("#b71c1c")))
            if bold:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.setItem(r, c, item)
