"""年度考核: the year's team members with their spot-check absences; a rating per member, capped by the settings rule.

The list is small (a township has some 70 members a year, the county about 800), so it is loaded whole. The form
below the list rates the selected member; Enter saves and moves to the next, so a team is rated in one pass.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.widgets import fill_combo

# (key, header, width)
COLUMNS = [("name", "姓名", 80), ("team", "工作队", 160), ("role", "职务", 64), ("absences", "抽查无故缺勤", 100),
           ("score", "得分", 56), ("rating", "评定等次", 80), ("capped_by", "封顶原因", 270),
           ("assessor", "考核人", 100), ("remarks", "备注", 120)]
RATING_COLORS = {0: "#2e7d32", -1: "#c62828"}  # the best and the worst of the scale
PROPOSED = re.compile(r"（原拟评(.+)）$")


def proposed_of(row: dict[str, Any]) -> str:
    """The rating the assessor proposed: named in capped_by when the rule lowered it, else the rating itself."""
    match = PROPOSED.search(row.get("capped_by") or "")
    return match.group(1) if match else (row.get("rating") or "")


class AssessmentModel(QAbstractTableModel):
    def __init__(self, scale: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.scale = scale

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, key = self.rows[index.row()], COLUMNS[index.column()][0]
        value = row.get(key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "score" and value is not None:
                return f"{value:g}"
            if key == "absences":
                return f"{value}次" if value else "—"
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._color(key, row)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("absences", "score", "rating", "role"):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _color(self, key: str, row: dict[str, Any]) -> QBrush | None:
        if key == "absences" and row["absences"]:
            return QBrush(QColor("#c62828"))
        if key in ("rating", "capped_by") and row["capped_by"]:
            return QBrush(QColor("#a15c00"))
        if key == "rating" and row["rating"] in self.scale:
            rank = self.scale.index(row["rating"])
            color = RATING_COLORS.get(rank) or (RATING_COLORS[-1] if rank == len(self.scale) - 1 else None)
            return QBrush(QColor(color)) if color else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None


class AssessmentsPage(QWidget):
    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.repo = workbook.assessments
        self.read_only = workbook.is_county
        self.model = AssessmentModel(self.repo.scale(), self)
        self.table = QTableView(objectName="assessmentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, (_key, _title, width) in enumerate(COLUMNS):
            self.table.setColumnWidth(i, width)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("年度考核", objectName="pageTitle"))
        layout.addLayout(self._filters())
        self.rule_label = QLabel(objectName="ruleLabel", wordWrap=True, styleSheet="color: #555;")
        layout.addWidget(self.rule_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._editor())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_current())
        self._fill_teams()

    # -- building --------------------------------------------------------------------------------------------------
    def _filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        this_year = self.workbook.today().year
        self.year_combo = QComboBox(objectName="yearCombo")
        fill_combo(self.year_combo, [(str(y), f"{y}年") for y in range(this_year, 2013, -1)])
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        # a township sees only itself: the combo stays, hidden, so the filters read the same everywhere
        self.township_combo = QComboBox(self, objectName="townshipFilter", visible=self.workbook.is_county)
        fill_combo(self.township_combo, self.workbook.townships(), "全部乡镇" if self.workbook.is_county else None)
        self.township_combo.currentIndexChanged.connect(lambda _i: self._fill_teams())
        self.team_combo = QComboBox(objectName="teamFilter", minimumContentsLength=14)
        self.team_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        widgets = [("年度(&Y)", self.year_combo), ("乡镇(&X)", self.township_combo), ("工作队(&T)", self.team_combo)]
        for text, widget in widgets:
            if widget is self.township_combo and not self.workbook.is_county:
                continue
            bar.addWidget(QLabel(text, buddy=widget))
            bar.addWidget(widget)
        bar.addStretch(1)
        self.count_label = QLabel(objectName="countLabel")
        bar.addWidget(self.count_label)
        return bar

    def _editor(self) -> QGroupBox:
        box = QGroupBox("考核评定", objectName="editorBox")
        self.person_label = QLabel(objectName="personLabel")
        self.rating_combo = QComboBox(objectName="ratingCombo", minimumContentsLength=6)
        fill_combo(self.rating_combo, [(r, r) for r in self.repo.scale()])
        self.score_edit = QLineEdit(objectName="scoreEdit", placeholderText="0～100，可不填")
        self.assessor_edit = QLineEdit(objectName="assessorEdit", placeholderText="如：县委组织部")
        self.remarks_edit = QLineEdit(objectName="remarksEdit")
        self.result_label = QLabel(objectName="resultLabel", wordWrap=True)
        self.error_label = QLabel(objectName="errorLabel", wordWrap=True, styleSheet="color: #d93025;")
        self.save_button = QPushButton("保存并转到下一人", objectName="saveButton", toolTip="保存（回车或 Ctrl+S）")
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        for edit in (self.score_edit, self.assessor_edit, self.remarks_edit):
            edit.returnPressed.connect(self.save)
        self.rating_combo.currentIndexChanged.connect(lambda _i: self._preview())
        grid = QGridLayout(box)
        cells = [(0, 0, "队员：", self.person_label, 5), (1, 0, "拟评等次(&R)：", self.rating_combo, 1),
                 (1, 2, "考核得分(&S)：", self.score_edit, 1), (1, 4, "考核人(&A)：", self.assessor_edit, 1),
                 (2, 0, "评定结果：", self.result_label, 3), (2, 4, "备注(&B)：", self.remarks_edit, 1)]
        for row, column, text, widget, span in cells:
            grid.addWidget(QLabel(text, buddy=widget), row, column, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(widget, row, column + 1, 1, span)
        grid.addWidget(self.error_label, 3, 1, 1, 4)
        grid.addWidget(self.save_button, 3, 5, Qt.AlignmentFlag.AlignRight)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        QWidget.setTabOrder(self.rating_combo, self.score_edit)
        QWidget.setTabOrder(self.score_edit, self.assessor_edit)
        QWidget.setTabOrder(self.assessor_edit, self.remarks_edit)
        QWidget.setTabOrder(self.remarks_edit, self.save_button)
        box.setEnabled(not self.read_only)
        if self.read_only:
            box.setTitle("考核评定（由乡镇登记，县级只能查看）")
        return box

    # -- loading ---------------------------------------------------------------------------------------------------
    def _fill_teams(self) -> None:
        teams = self.workbook.attendance.teams(self.township_combo.currentData() or "")
        self.team_combo.blockSignals(True)
        fill_combo(self.team_combo, [(t["id"], t["name"]) for t in teams], "全部工作队")
        self.team_combo.blockSignals(False)
        self.refresh()

    def year(self) -> int:
        return int(self.year_combo.currentData())

    def refresh(self, select_person: str = "") -> None:
        rows = self.repo.members(self.year(), self.township_combo.currentData() or "",
                                 self.team_combo.currentData() or "")
        self.model.set_rows(rows)
        rated = sum(1 for r in rows if r["rating"])
        absent = sum(1 for r in rows if r["absences"])
        self.count_label.setText(f"共 {len(rows)} 人，已评定 {rated} 人，抽查发现无故缺勤 {absent} 人")
        caps = self.repo.caps()
        rule = "；".join(f"{n}次最高评为{r}" for n, r in sorted(caps.items(), key=lambda kv: int(kv[0])))
        self.rule_label.setText(f"考核等次：{'、'.join(self.repo.scale())}。抽查发现无故缺勤的，"
                                f"{rule or '不封顶'}（可在“设置”中修改）。")
        index = next((i for i, r in enumerate(rows) if r["person_id"] == select_person), 0)
        if rows:
            self.table.selectRow(index)
        self._load_current()

    def current(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def _load_current(self) -> None:
        row = self.current()
        self.error_label.clear()
        if row is None:
            self.person_label.setText("—")
            self.result_label.clear()
            return
        self.person_label.setText(f"{row['name']}（{row['team']}，{row['role']}）　抽查无故缺勤{row['absences']}次")
        proposed = proposed_of(row)
        self.rating_combo.setCurrentIndex(max(0, self.rating_combo.findData(proposed)) if proposed else 0)
        self.score_edit.setText("" if row["score"] is None else f"{row['score']:g}")
        if row["assessor"]:  # otherwise keep the last one typed: a team is usually rated by one assessor
            self.assessor_edit.setText(row["assessor"])
        self.remarks_edit.setText(row["remarks"] or "")
        self._preview()

    def _preview(self) -> None:
        row = self.current()
        if row is None or not self.rating_combo.currentData():
            return
        try:
            rating, reason = self.repo.preview(self.rating_combo.currentData(), row["absences"])
        except ValidationError as exc:
            self.result_label.setText(str(exc))
            return
        color = "#a15c00" if reason else "#2e7d32"
        self.result_label.setText(f"<b style='color:{color}'>{rating}</b>" + (f"　{reason}" if reason else ""))

    # -- saving ----------------------------------------------------------------------------------------------------
    def save(self) -> None:
        row = self.current()
        if row is None or self.read_only:
            return
        try:
            self.repo.set_rating(row["person_id"], self.year(), self.rating_combo.currentData() or "",
                                 self.score_edit.text().strip(), self.assessor_edit.text(), self.remarks_edit.text())
        except (ValidationError, NotOwnedError) as exc:
            self.error_label.setText(str(exc))
            return
        position = self.table.currentIndex().row()
        self.refresh()
        following = min(position + 1, self.model.rowCount() - 1)
        self.table.selectRow(following)
        self.rating_combo.setFocus()
