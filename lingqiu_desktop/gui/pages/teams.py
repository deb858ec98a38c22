"""驻村工作队: the teams (status in colour), filtered by township, village and status, searched by team, sending unit
or a member's name or initials; below, the selected team's members and its history of changes (变更记录)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.people import ACTIVE, POSTING_STATUSES

from lingqiu_desktop.data.teams import TeamFilter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.membership_edit import END, RECALL, MembershipDialog
from lingqiu_desktop.gui.dialogs.team_edit import TeamDialog
from lingqiu_desktop.gui.models.lazy_table import Column, LazyTableModel, yes_no
from lingqiu_desktop.gui.pages.list_page import ListPage
from lingqiu_desktop.gui.widgets import RecordTable

STATUS_COLORS = {"在岗": "#2e7d32", "召回": "#c62828", "期满": "#757575"}
EVENT_COLORS = {"召回": "#c62828", "期满": "#757575", "成立": "#1565c0", "队长变更": "#8a5a00"}
WARNING_STYLE = "background: #fff4ce; color: #5c4400; padding: 4px 8px;"

COLUMNS = [
    Column("name", "工作队", 180, sort_key="name"),
    Column("township", "乡镇", 80, sort_key="township"),
    Column("village", "行政村", 100, sort_key="village"),
    Column("status", "状态", 60, "center", sort_key="status", colors=STATUS_COLORS),
    Column("sending_unit", "派出单位", 190, sort_key="sending_unit"),
    Column("leader", "队长", 70),
    Column("first_secretary", "第一书记", 75),
    Column("member_count", "在岗人数", 70, "right"),
    Column("start_date", "派驻开始", 95, "center", sort_key="start_date"),
    Column("end_date", "派驻结束", 95, "center"),
    Column("matched_member", "搜索匹配的队员", 130),
    Column("remarks", "备注", 160),
]
TOWNSHIP_COLUMN, MATCH_COLUMN = 1, 10

MEMBER_COLUMNS = [
    Column("name", "姓名", 80), Column("role", "队内职务", 75, "center"), Column("sex", "性别", 50, "center"),
    Column("phone", "联系电话", 115), Column("unit", "工作单位", 170), Column("post", "职务", 110),
    Column("is_party_member", "党员", 50, "center", fmt=yes_no),
    Column("start_date", "进驻日期", 95, "center"), Column("end_date", "离村日期", 95, "center"),
    Column("status", "状态", 60, "center", colors=STATUS_COLORS), Column("remarks", "备注", 200),
]

HISTORY_COLUMNS = [
    Column("event_date", "日期", 95, "center"), Column("kind", "事项", 80, "center", colors=EVENT_COLORS),
    Column("person_name", "人员", 80), Column("detail", "内容", 420), Column("updated_by", "操作员", 80),
]


class TeamsPage(ListPage):
    kind = "team"
    title = "驻村工作队"
    noun = "个工作队"

    def __init__(self, workbook: Workbook, parent: Any = None) -> None:
        super().__init__(workbook, COLUMNS, parent)
        self.add_place_filters(POSTING_STATUSES, "工作队、派出单位、队员姓名或拼音首字母", 300)
        self.add_record_buttons("新增工作队", self.add_team, self.edit_current, self.delete_current)
        self.print_button = self.add_print_button("打印责任清单", "sheet-team", params=self.working_year)
        self.finish_bars()
        self._build_detail()
        self.table.setColumnHidden(TOWNSHIP_COLUMN, not workbook.is_county)
        self.refresh()

    def current_filter(self) -> TeamFilter:
        return TeamFilter(**self.place_values())

    # -- members and history below the list ----------------------------------------------------------------------
    def _build_detail(self) -> None:
        self.member_model = LazyTableModel(MEMBER_COLUMNS, self._fetch_members, parent=self)
        self.member_table = RecordTable(self.member_model)
        self.member_table.setSortingEnabled(False)
        self.member_table.activatedRow.connect(lambda _r: self.edit_member())
        self.history_model = LazyTableModel(HISTORY_COLUMNS, self._fetch_history, parent=self)
        self.history_table = RecordTable(self.history_model)
        self.history_table.setSortingEnabled(False)
        self.warning_label = QLabel(objectName="teamWarning", wordWrap=True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.hide()
        self.tabs = QTabWidget(objectName="detailTabs")
        self.tabs.addTab(self._members_tab(), "队员")
        self.tabs.addTab(self.history_table, "变更记录")
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.body.removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([300, 260])
        self.body.addWidget(splitter, 1)

    def _members_tab(self) -> QWidget:
        actions: list[tuple[str, Callable[[], None], str, str]] = [
            ("添加成员", self.add_member, "addMemberButton", "Ctrl+M"),
            ("修改", self.edit_member, "editMemberButton", ""),
            ("召回", self.recall_member, "recallButton", ""),
            ("期满离村", self.end_member_posting, "endPostingButton", ""),
        ]
        if self.read_only:
            actions = [("查看", self.edit_member, "editMemberButton", "")]
        buttons = QHBoxLayout()
        for text, slot, name, shortcut in actions:
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            if shortcut:
                action = QAction(self, shortcut=QKeySequence(shortcut))
                action.triggered.connect(slot)
                self.addAction(action)
                button.setToolTip(f"{text}（{shortcut}）")
            buttons.addWidget(button)
        buttons.addWidget(self.warning_label)
        buttons.addStretch(1)
        self.member_caption = QLabel(objectName="memberCaption")
        buttons.addWidget(self.member_caption)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.member_table)
        return tab

    def _fetch_members(self, after: Any, limit: int) -> list[dict[str, Any]]:
        record = self.current_record()
        if after is not None or record is None:
            return []
        return self.workbook.teams.members(record["id"])

    def _fetch_history(self, after: Any, limit: int) -> list[dict[str, Any]]:
        record = self.current_record()
        if after is not None or record is None:
            return []
        return self.workbook.teams.history(record["id"], newest_first=True)

    def refresh(self, select_id: str = "") -> None:
        self.table.setColumnHidden(MATCH_COLUMN, not self.search_box.text().strip())
        super().refresh(select_id)

    def current_changed(self) -> None:
        if not hasattr(self, "member_model"):
            return
        record = self.current_record()
        self.member_model.reload()
        self.history_model.reload()
        active = sum(1 for i in range(self.member_model.rowCount())
                     if (self.member_model.row(i) or {}).get("status") == ACTIVE)
        self.tabs.setTabText(0, f"队员（在岗{active}人）" if record else "队员")
        self.tabs.setTabText(1, f"变更记录（{self.history_model.rowCount()}）" if record else "变更记录")
        self.member_caption.setText(record["name"] if record else "")
        notes = self.workbook.teams.warnings(record["id"]) if record else []
        self.warning_label.setText("提示：" + "；".join(notes))
        self.warning_label.setVisible(bool(notes))

    # -- team actions ---------------------------------------------------------------------------------------------
    def add_team(self) -> None:
        self.run_dialog(TeamDialog(self.workbook, village_id=self.village_combo.currentData() or "", parent=self))

    def edit_dialog(self, record: dict[str, Any]) -> TeamDialog:
        return TeamDialog(self.workbook, team_id=record["id"], parent=self)

    def describe(self, record: dict[str, Any]) -> str:
        return f"{record['name']}（连同其队员名单和变更记录）"


    def delete_record(self, record_id: str) -> None:
        self.workbook.teams.delete(record_id)

    # -- member actions -------------------------------------------------------------------------------------------
    def current_member(self) -> dict[str, Any] | None:
        return self.member_model.row(self.member_table.current_row())

    def _member_dialog(self, membership_id: str | None = None, mode: str = "") -> None:
        record = self.current_record()
        if record is None:
            return
        dialog = MembershipDialog(self.workbook, record["id"], membership_id, mode, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(record["id"])
            row = self.member_model.row_of(dialog.saved_id or "")
            if row >= 0:
                self.member_table.selectRow(row)

    def add_member(self) -> None:
        self._member_dialog()

    def edit_member(self) -> None:
        member = self.current_member()
        if member is not None:
            self._member_dialog(member["id"])

    def recall_member(self) -> None:
        self._close_member(RECALL)

    def end_member_posting(self) -> None:
        self._close_member(END)

    def _close_member(self, mode: str) -> None:
        member = self.current_member()
        if member is None:
            QMessageBox.information(self, mode, "请先在下方列表中选中一名队员。")
        elif member["status"] != ACTIVE:
            QMessageBox.information(self, mode, f"{member['name']}已{member['status']}，不在岗。")
        else:
            self._member_dialog(member["id"], mode)
