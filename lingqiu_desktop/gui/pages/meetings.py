"""联席会与例会: the list of meetings (the "1+3" joint meeting and the Monday meeting), and below it the selected
meeting's minutes and decisions with their owners, due dates and whether they are done (overdue ones in red).

At the county the command centre's own meetings are edited here and a township's can be looked at read-only; at a
township the same, the other way round.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QLineEdit, QSplitter, QVBoxLayout

from lingqiu_desktop.core.board import MEETING_KINDS, is_overdue
from lingqiu_desktop.core.offices import COUNTY_CODE, office_name
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.meetings import MeetingFilter
from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.meeting_edit import MeetingDialog
from lingqiu_desktop.gui.models.lazy_table import Column, LazyTableModel
from lingqiu_desktop.gui.pages.list_page import ListPage
from lingqiu_desktop.gui.widgets import RecordTable, SearchBox, fill_combo

RED, GREEN, AMBER = "#c62828", "#2e7d32", "#b26a00"


def _count(value: Any) -> str:
    return str(value) if value else ""


COLUMNS = [
    Column("meeting_date", "会议日期", 100, sort_key="meeting_date"),
    Column("kind", "类型", 70, "center", sort_key="kind", colors={"联席会": "#a61b1b"}),
    Column("title", "会议名称", 320),
    Column("decisions", "决定事项", 70, "right", fmt=_count),
    Column("open", "未办结", 60, "right", fmt=_count),
    # colours go by cell text: any count of overdue decisions is red
    Column("overdue", "已逾期", 60, "right", fmt=_count, colors={str(n): RED for n in range(1, 1000)}),
    Column("office", "单位", 90, sort_key="office"),
    Column("attendees", "参会人员", 230),
]
OFFICE_COLUMN = 6

STATE_COLORS = {"已逾期": RED, "已办结": GREEN, "未办结": AMBER}
DECISION_COLUMNS = [
    Column("n", "序号", 50, "right"), Column("decision", "决定事项", 420), Column("responsible", "责任人", 130),
    Column("due_date", "完成时限", 100), Column("state", "办理情况", 80, "center", colors=STATE_COLORS),
]


def decision_state(decision: dict[str, Any], today: Any) -> str:
    if decision["done"]:
        return "已办结"
    return "已逾期" if is_overdue(decision, today) else "未办结"


class MeetingsPage(ListPage):
    kind = "meeting"
    title = "联席会与例会"
    noun = "次会议"

    def __init__(self, workbook: Workbook, parent: Any = None) -> None:
        super().__init__(workbook, COLUMNS, parent)
        self._build_filters()
        self.add_joint = self.add_button("新增联席会", lambda: self.add_meeting("联席会"),
                                         QKeySequence.StandardKey.New, "addButton")
        self.add_weekly = self.add_button("新增例会", lambda: self.add_meeting("例会"), None, "addWeeklyButton")
        self.edit_button = self.add_button("编辑", self.edit_current, "F2", "editButton")
        self.delete_button = self.add_button("删除", self.delete_current, QKeySequence.StandardKey.Delete,
                                             "deleteButton")
        self.done_button = self.add_button("标记办结", self.toggle_done, "Ctrl+D", "doneButton")
        self.finish_bars()
        self._build_decisions()
        self.refresh()

    @property
    def read_only(self) -> bool:
        """Each office keeps its own meetings, the county too: read-only only when another office's are shown."""
        return self.office_combo.currentData() != self.workbook.office_code

    # -- filters -------------------------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        own = self.workbook.office_code
        self.office_combo = QComboBox(objectName="officeFilter")
        others = [c for c, _n in self.workbook.townships() if c != own] if own == COUNTY_CODE else [COUNTY_CODE]
        self.office_combo.addItem(f"本单位（{office_name(own)}）", own)
        for code in others:
            self.office_combo.addItem(f"{office_name(code)}（只读）", code)
        self.kind_combo = QComboBox(objectName="kindFilter")
        fill_combo(self.kind_combo, [(k, k) for k in MEETING_KINDS], "全部会议")
        self.date_from = QLineEdit(objectName="dateFrom", placeholderText="起：日期、月或年", maximumWidth=140)
        self.date_to = QLineEdit(objectName="dateTo", placeholderText="止：日期、月或年", maximumWidth=140)
        self.search_box = SearchBox("会议名称、纪要、决定事项或责任人")
        self.search_box.setObjectName("searchBox")
        self.search_box.setMinimumWidth(220)
        self.overdue_box = QCheckBox("只看有逾期事项的(&Y)", objectName="overdueOnly")
        self.filter_bar.addWidget(self.office_combo)
        for label, widget in (("类型", self.kind_combo), ("日期", self.date_from), ("至", self.date_to)):
            self.filter_bar.addWidget(QLabel(label))
            self.filter_bar.addWidget(widget)
        self.filter_bar.addWidget(self.search_box)
        self.filter_bar.addWidget(self.overdue_box)
        self.office_combo.currentIndexChanged.connect(lambda _i: self._office_changed())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.refresh)
        self.search_box.search.connect(lambda _t: self.refresh())
        self.overdue_box.toggled.connect(lambda _on: self.refresh())

    def current_filter(self) -> MeetingFilter:
        return MeetingFilter(owner=self.office_combo.currentData() or "", kind=self.kind_combo.currentData() or "",
                             date_from=self.date_filter(self.date_from, False),
                             date_to=self.date_filter(self.date_to, True), text=self.search_box.text(),
                             today=self.workbook.today().isoformat(), overdue_only=self.overdue_box.isChecked(),
                             sort=self.sort_key, descending=self.sort_descending)

    def _office_changed(self) -> None:
        editable = not self.read_only
        for button in (self.add_joint, self.add_weekly, self.delete_button, self.done_button):
            button.setVisible(editable)
        self.edit_button.setText("编辑" if editable else "查看")
        self.refresh()

    # -- the decisions panel -------------------------------------------------------------------------------------
    def _build_decisions(self) -> None:
        self.table.setColumnHidden(OFFICE_COLUMN, True)  # one office at a time: its name is in the filter
        self.decision_model = LazyTableModel(DECISION_COLUMNS, self._fetch_decisions, parent=self)
        self.decision_table = RecordTable(self.decision_model)
        self.decision_table.setObjectName("decisionTable")
        self.decision_table.setSortingEnabled(False)
        self.decision_table.verticalHeader().hide()
        self.decision_table.activatedRow.connect(lambda _r: self.edit_current())
        box = QGroupBox("会议纪要与决定事项", objectName="decisionsBox")
        self.minutes_label = QLabel(objectName="minutesLabel", wordWrap=True)
        self.minutes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner = QVBoxLayout(box)
        inner.addWidget(self.minutes_label)
        inner.addWidget(self.decision_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.body.removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([300, 260])
        self.body.addWidget(splitter, 1)

    def _fetch_decisions(self, after: Any, limit: int) -> list[dict[str, Any]]:
        record = self.current_record()
        if after is not None or record is None:
            return []
        today = self.workbook.today()
        return [{**d, "n": n, "state": decision_state(d, today)}
                for n, d in enumerate(self.workbook.meetings.decisions(record["id"]), start=1)]

    def current_changed(self) -> None:
        if not hasattr(self, "decision_model"):
            return
        record = self.current_record()
        self.decision_model.reload()
        has_decisions = self.decision_model.rowCount() > 0
        self.done_button.setEnabled(has_decisions)
        if record is not None and has_decisions:
            self.decision_table.selectRow(0)
        if record is None:
            self.minutes_label.setText("")
            return
        minutes = record["minutes"] or "（未填写纪要）"
        self.minutes_label.setText(f"{record['title']}（{record['meeting_date']}）纪要：{minutes}")

    def current_decision(self) -> dict[str, Any] | None:
        return self.decision_model.row(self.decision_table.current_row())

    def toggle_done(self) -> None:
        """Ctrl+D: the selected decision done, or not done again."""
        record, decision = self.current_record(), self.current_decision()
        if record is None or decision is None or self.read_only:
            return
        try:
            self.workbook.meetings.mark_done(decision["id"], not decision["done"])
        except (ValidationError, NotOwnedError) as exc:
            self.minutes_label.setText(str(exc))
            return
        row = self.decision_table.current_row()
        self.refresh(record["id"])
        self.decision_table.selectRow(row)

    # -- actions -------------------------------------------------------------------------------------------------
    def add_meeting(self, kind: str) -> None:
        if not self.read_only:
            self.run_dialog(MeetingDialog(self.workbook, kind=kind, parent=self))

    def edit_dialog(self, record: dict[str, Any]) -> MeetingDialog:
        return MeetingDialog(self.workbook, record["id"], parent=self)

    def describe(self, record: dict[str, Any]) -> str:
        return f"{record['kind']}“{record['title']}”（{record['meeting_date']}）及其决定事项"

    def delete_record(self, record_id: str) -> None:
        self.workbook.meetings.delete(record_id)

    def delete_current(self) -> None:
        if not self.read_only:
            super().delete_current()

