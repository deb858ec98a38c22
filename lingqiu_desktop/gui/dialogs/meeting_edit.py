"""新增/修改会议记录 (ui/dialogs/meeting_edit.ui): a 联席会 or 例会, its minutes, and its decisions edited in a table
inside the dialog. Nothing is written until 保存; the meeting and its whole decision list are saved together
(MeetingRepository.add / update), so 取消 (Esc) leaves everything as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from lingqiu_desktop.core.board import MEETING_KINDS, is_overdue
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import ERROR_COLOR, RecordDialog, fill_combo
from lingqiu_desktop.gui.forms.dialogs.ui_meeting_edit import Ui_MeetingDialog

TEXT_COLUMNS = ("decision", "responsible", "due_date")
DONE_COLUMN = 3
COLUMN_OF = {"决定事项": 0, "责任人": 1, "完成时限": 2}
_ROW_FIELD = re.compile(r"第(\d+)条决定的(.+)")
MINUTES_LINES = 4


class DecisionKeys(QObject):
    """Keys of the decision table: Space ticks 已办结 on the current row, Insert adds a row, Delete removes one.
    Typing starts editing the cell (a pinyin IME commit too); Enter, when no cell is being edited, is left to the
    dialog (保存)."""

    def __init__(self, table: QTableWidget, add: Any, remove: Any) -> None:
        super().__init__(table)
        self.table, self._add, self._remove = table, add, remove

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or self.table.state() == QAbstractItemView.State.EditingState:
            return False
        key, row = event.key(), self.table.currentRow()  # type: ignore[attr-defined]
        if key == Qt.Key.Key_Space and row >= 0:
            done = self.table.item(row, DONE_COLUMN)
            checked = done.checkState() == Qt.CheckState.Checked
            if done.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                done.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return True
        if key == Qt.Key.Key_Insert:
            self._add()
            return True
        if key == Qt.Key.Key_Delete and row >= 0:
            self._remove()
            return True
        return False


def setup_table(table: QTableWidget) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column, chars in ((1, 7), (2, 7), (DONE_COLUMN, 4)):
        table.setColumnWidth(column, table.fontMetrics().horizontalAdvance("中" * chars) + 16)


class MeetingDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = ("kind", "meeting_date", "title", "attendees")
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {"会议类型": "kind", "会议日期": "meeting_date"}

    def __init__(self, workbook: Workbook, meeting_id: str | None = None, *, kind: str = "联席会",
                 meeting_date: str = "", parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_MeetingDialog()
        self.ui.setupUi(self)
        self.meeting_id = meeting_id
        self.meetings = workbook.meetings
        fill_combo(self.ui.kind, list(MEETING_KINDS))
        self.table: QTableWidget = self.ui.decisions
        setup_table(self.table)
        self.table.installEventFilter(DecisionKeys(self.table, self.add_decision, self.remove_decision))
        self.setup_form()
        self._arrange()
        if meeting_id:
            self._open_existing(meeting_id)
        else:
            self._start_new(kind, meeting_date)

    def _arrange(self) -> None:
        ui = self.ui
        ui.addDecision.clicked.connect(self.add_decision)
        ui.removeDecision.clicked.connect(self.remove_decision)
        ui.decisionsHint.setStyleSheet("color: #555555;")
        ui.decisionsHint.setText("直接打字修改单元格，空格键勾选“已办结”")
        ui.decisionsHint.setToolTip("F2 或直接打字：修改单元格；空格键：勾选或取消“已办结”；Insert：添加一行；"
                                    "Delete：删除当前行；Tab：离开表格")
        ui.meeting_date.setMinimumWidth(self.fontMetrics().horizontalAdvance("2018-11-26") * 2)
        ui.minutes.ensurePolished()  # app.qss gives text boxes a min-height; set ours after it
        ui.minutes.setFixedHeight(self.fontMetrics().lineSpacing() * MINUTES_LINES + 14)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 46)

    # -- opening -------------------------------------------------------------------------------------------------
    def _start_new(self, kind: str, meeting_date: str) -> None:
        self.setWindowTitle(f"新增{kind}记录")
        self.load({"kind": kind, "meeting_date": meeting_date or self.workbook.today().isoformat()})
        self.ui.meeting_date.setFocus()
        self.ui.meeting_date.selectAll()

    def _open_existing(self, meeting_id: str) -> None:
        row = self.meetings.get(meeting_id)
        self.load(row)
        self.ui.minutes.setPlainText(row["minutes"])
        today = self.workbook.today()
        for decision in self.meetings.decisions(meeting_id):
            self._append(decision, overdue=is_overdue(decision, today))
        if self.workbook.owns(row):
            self.setWindowTitle(f"修改{row['kind']}记录：{row['meeting_date']}")
            self.ui.minutes.setFocus()
        else:
            self.setWindowTitle(f"查看{row['kind']}记录：{row['meeting_date']}")
            self.set_read_only()

    def set_read_only(self, note: str = "本记录属于其他单位，只读") -> None:
        super().set_read_only(note)
        self.ui.minutes.setReadOnly(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row in range(self.table.rowCount()):
            done = self.table.item(row, DONE_COLUMN)
            done.setFlags(done.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        for widget in (self.ui.addDecision, self.ui.removeDecision, self.ui.decisionsHint):
            widget.hide()

    # -- the decision table --------------------------------------------------------------------------------------
    def _append(self, decision: dict[str, Any], overdue: bool = False) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, key in enumerate(TEXT_COLUMNS):
            item = QTableWidgetItem(str(decision.get(key) or ""))
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, decision.get("id") or "")
            if key == "due_date" and overdue:
                item.setForeground(QBrush(QColor(ERROR_COLOR)))
                item.setToolTip("已逾期，尚未办结")
            self.table.setItem(row, column, item)
        done = QTableWidgetItem("")
        done.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        done.setCheckState(Qt.CheckState.Checked if decision.get("done") else Qt.CheckState.Unchecked)
        self.table.setItem(row, DONE_COLUMN, done)
        return row

    def add_decision(self) -> None:
        """A new row at the end, with the cursor in its 决定事项 cell, ready to type."""
        if self.read_only:
            return
        row = self._append({})
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)

    def remove_decision(self) -> None:
        row = self.table.currentRow()
        if self.read_only or row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), 0)
        self.table.setFocus()

    def decision_values(self) -> list[dict[str, Any]]:
        """The table's rows as the repository takes them; wholly empty rows are left out."""
        rows = []
        for row in range(self.table.rowCount()):
            values = {key: self.table.item(row, c).text().strip() for c, key in enumerate(TEXT_COLUMNS)}
            if not any(values.values()):
                continue
            values["id"] = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) or ""
            values["done"] = self.table.item(row, DONE_COLUMN).checkState() == Qt.CheckState.Checked
            rows.append(values)
        return rows

    # -- saving --------------------------------------------------------------------------------------------------
    def raw_values(self) -> dict[str, Any]:
        return {**super().raw_values(), "minutes": self.ui.minutes.toPlainText()}

    def store(self, raw: dict[str, Any]) -> str:
        decisions = self.decision_values()
        today = self.workbook.today()
        if self.meeting_id:
            return str(self.meetings.update(self.meeting_id, raw, decisions, today=today)["id"])
        return str(self.meetings.add(raw, decisions, today=today)["id"])

    def show_errors(self, errors: Sequence[ValidationError], message: str = "") -> None:
        """Besides the form's fields, mark the decision cells named by the errors (第2条决定的完成时限)."""
        super().show_errors(errors, message)
        filled = [r for r in range(self.table.rowCount())
                  if any(self.table.item(r, c).text().strip() for c in range(len(TEXT_COLUMNS)))]
        first = None
        for row in range(self.table.rowCount()):
            for column in range(len(TEXT_COLUMNS)):
                self.table.item(row, column).setBackground(QBrush())
        for error in errors:
            match = _ROW_FIELD.fullmatch(error.field)
            if match and int(match[1]) <= len(filled) and match[2] in COLUMN_OF:
                cell = self.table.item(filled[int(match[1]) - 1], COLUMN_OF[match[2]])
                cell.setBackground(QBrush(QColor("#fde2df")))
                first = first or cell
        if first is not None and not any(e.field in self.FIELD_WIDGETS for e in errors):
            self.table.setFocus()
            self.table.setCurrentItem(first)
