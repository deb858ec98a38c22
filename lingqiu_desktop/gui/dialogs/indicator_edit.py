"""指标 (ui/dialogs/indicator_edit.ui): one indicator of a letter, edited in memory; the letter editor saves the
letter and all its indicators together. Also the editor's indicator table model."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from lingqiu_desktop.core.letters import (
    COUNTY_ONLY_SOURCES,
    DIRECTIONS,
    MANUAL,
    UNITS,
    clean_indicator,
    computed_sources,
    direction_label,
    parse_weight,
    source_label,
)
from lingqiu_desktop.core.validation import parse_date, parse_number

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog, display_text, fill_combo
from lingqiu_desktop.gui.forms.dialogs.ui_indicator_edit import Ui_IndicatorDialog
from lingqiu_desktop.gui.models.lazy_table import Column

Index = QModelIndex | QPersistentModelIndex


def source_choices(level: str) -> list[tuple[str, str]]:
    """手工填报 first, then what the system counts from the records (a village cannot exit villages)."""
    computed = [(key, label) for key, label in computed_sources().items()
                if not (level == "乡对村" and key in COUNTY_ONLY_SOURCES)]
    return [(MANUAL, "手工填报"), *computed]


def _unit_of(label: str) -> str:
    """'脱贫户数（户）' → '户': a computed source names its unit in brackets."""
    return label[label.rfind("（") + 1:-1] if label.endswith("）") and "（" in label else ""


class IndicatorDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = ("name", "unit", "baseline", "target", "direction", "weight", "deadline",
                                         "source")
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "指标名称": "name", "单位": "unit", "基线值": "baseline", "目标值": "target", "方向": "direction",
        "权重": "weight", "指标截止日期": "deadline", "数据来源": "source",
    }
    INLINE_CHECKS: ClassVar = {
        "baseline": lambda text: parse_number(text, "基线值"), "target": lambda text: parse_number(text, "目标值"),
        "weight": parse_weight, "deadline": lambda text: parse_date(text, "指标截止日期"),
    }

    def __init__(self, workbook: Workbook, values: Mapping[str, Any] | None = None, *, level: str, year: int,
                 read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_IndicatorDialog()
        self.ui.setupUi(self)
        self.level, self.year = level, year
        self.values: dict[str, Any] = {}
        fill_combo(self.ui.unit, UNITS)
        self.ui.unit.setCurrentIndex(-1)
        fill_combo(self.ui.direction, list(DIRECTIONS.items()))
        fill_combo(self.ui.source, source_choices(level))
        self.setup_form()
        self.ui.sourceInfo.setStyleSheet("color: #555555;")
        self.ui.source.currentIndexChanged.connect(self._source_changed)
        if values:
            self.load(dict(values))
            self.setWindowTitle(f"{'查看' if read_only else '修改'}指标：{values.get('name', '')}")
        else:
            self.setWindowTitle("新增指标")
        self._show_source_info()
        if read_only:
            self.set_read_only("本责任书只读，指标不能修改")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 36)

    def _source_changed(self) -> None:
        """A counted source knows its unit: fill it in when the clerk has not typed one."""
        unit = _unit_of(self.ui.source.currentText())
        if unit and not self.ui.unit.currentText().strip():
            self.ui.unit.setEditText(unit)
        self._show_source_info()

    def _show_source_info(self) -> None:
        if self.ui.source.currentData() == MANUAL:
            self.ui.sourceInfo.setText("每月在“进度”中手工填报完成值。")
        else:
            self.ui.sourceInfo.setText("由系统按台账数据每月自动统计，不用手工填报。")

    def store(self, raw: dict[str, Any]) -> str:
        self.values = clean_indicator(raw, level=self.level, year=self.year)
        return ""


# ------------------------------------------------------------------------------------------------ the table model

COLUMNS: list[Column] = [
    Column("sort_order", "序号", 42, "right"), Column("name", "指标名称", 196), Column("unit", "单位", 44),
    Column("baseline", "基线值", 60, "right"), Column("target", "目标值", 64, "right"),
    Column("direction", "方向", 74), Column("weight", "权重", 44, "right"), Column("deadline", "截止日期", 92),
    Column("source", "数据来源", 160),
]
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


class IndicatorTableModel(QAbstractTableModel):
    """The letter's indicators as the editor holds them until 保存 (dicts; saved ones carry their "id")."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self.columns = COLUMNS  # RecordTable sizes its columns from these

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align == "right":
            return _RIGHT
        return None

    def text(self, row: int, key: str) -> str:
        values = self._rows[row]
        if key == "sort_order":
            return str(row + 1)
        if key == "direction":
            return direction_label(values.get("direction", ""))
        if key == "source":
            return source_label(values.get("source", MANUAL))
        return display_text(values.get(key))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].title
        return None

    # -- the editor's interface -------------------------------------------------------------------------------------
    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def rows(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows]

    def row(self, i: int) -> dict[str, Any] | None:
        return dict(self._rows[i]) if 0 <= i < len(self._rows) else None

    def total_weight(self) -> float:
        return sum(float(r.get("weight") or 0) for r in self._rows)

    def append(self, values: Mapping[str, Any]) -> int:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(dict(values))
        self.endInsertRows()
        return len(self._rows) - 1

    def replace(self, i: int, values: Mapping[str, Any]) -> None:
        """New values for row i; a saved indicator keeps its id."""
        self._rows[i] = {**dict(values), **({"id": self._rows[i]["id"]} if self._rows[i].get("id") else {})}
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def remove(self, i: int) -> None:
        self.beginRemoveRows(QModelIndex(), i, i)
        del self._rows[i]
        self.endRemoveRows()
        if i < len(self._rows):  # the numbers below it change
            self.dataChanged.emit(self.index(i, 0), self.index(len(self._rows) - 1, 0))

    def move(self, i: int, delta: int) -> int:
        """Row i one place up or down; returns its new row."""
        j = i + delta
        if not (0 <= i < len(self._rows) and 0 <= j < len(self._rows)):
            return i
        self.beginResetModel()  # two rows swap: a reset is simplest and the table has a dozen rows
        self._rows[i], self._rows[j] = self._rows[j], self._rows[i]
        self.endResetModel()
        return j
