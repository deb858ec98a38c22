"""贫困户: the household register, filtered by township, village and status, searched by name, ID or initials,
with the selected household's members below. Prints the selected household's visits, and a chosen village's
公示名单 (ID, phone and bank numbers masked) or 花名册 (in full, for internal use)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout

from lingqiu_desktop.core import choices

from lingqiu_desktop.data.households import HouseholdFilter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.household_edit import HouseholdDialog
from lingqiu_desktop.gui.dialogs.member_edit import MemberDialog
from lingqiu_desktop.gui.dialogs.visit_timeline import VisitTimelineDialog, print_household_visits
from lingqiu_desktop.gui.models.lazy_table import Column, LazyTableModel, yes_no
from lingqiu_desktop.gui.pages.list_page import ListPage
from lingqiu_desktop.gui.printing import preview_document
from lingqiu_desktop.gui.widgets import RecordTable

STATUS_COLORS = {"未脱贫": "#c62828", "返贫": "#c62828", "已脱贫": "#2e7d32", "已销户": "#757575"}

COLUMNS = [
    Column("head_name", "户主姓名", 90, sort_key="head_name"),
    Column("head_id_number", "户主身份证号", 170, sort_key="head_id_number"),
    Column("township", "乡镇", 80, sort_key="township"),
    Column("village", "行政村", 100, sort_key="village"),
    Column("group_name", "组", 50),
    Column("member_count", "人口", 50, "right", sort_key="member_count"),
    Column("attribute", "贫困户属性", 110, sort_key="attribute"),
    Column("main_cause", "主要致贫原因", 100, sort_key="main_cause"),
    Column("status", "脱贫状态", 80, "center", sort_key="status", colors=STATUS_COLORS),
    Column("exit_year", "脱贫年度", 70, "center", sort_key="exit_year"),
    Column("phone", "联系电话", 120),
    Column("matched_member", "搜索匹配的成员", 130),
]

MEMBER_COLUMNS = [
    Column("name", "姓名", 80), Column("relation", "与户主关系", 90), Column("sex", "性别", 50, "center"),
    Column("id_number", "身份证号", 170), Column("education", "文化程度", 90), Column("health", "健康状况", 90),
    Column("labor_ability", "劳动能力", 110), Column("work_status", "务工状况", 90),
    Column("dibao", "低保", 50, "center", fmt=yes_no), Column("medical_insurance", "医保", 50, "center", fmt=yes_no),
]


class HouseholdsPage(ListPage):
    kind = "household"
    title = "贫困户"
    noun = "户"

    def __init__(self, workbook: Workbook, parent: Any = None) -> None:
        super().__init__(workbook, COLUMNS, parent)
        self.add_place_filters(choices.HOUSEHOLD_STATUSES, "姓名、身份证号或拼音首字母（如 zxy）")
        self.add_record_buttons("新增贫困户", self.add_household, self.edit_current, self.delete_current)
        self._print_buttons()
        self.finish_bars()
        self._build_members()
        self.refresh()

    def current_filter(self) -> HouseholdFilter:
        return HouseholdFilter(**self.place_values())

    def _print_buttons(self) -> None:
        self.print_visits_button = self.add_button("打印走访记录…", self.print_visits, "Ctrl+P", "printVisitsButton")
        self.print_public_button = self.add_button("打印公示名单", lambda: self.print_list("public"),
                                                   object_name="printPublicButton")
        self.print_roster_button = self.add_button("打印花名册", lambda: self.print_list("internal"),
                                                   object_name="printRosterButton")

    def _update_print_buttons(self) -> None:
        self.print_visits_button.setEnabled(self.current_record() is not None)
        chosen = bool(self.village_combo.currentData())
        for button, what in ((self.print_public_button, "公示名单：身份证号、电话和银行账号只显示首尾几位，可张贴公示"),
                             (self.print_roster_button, "花名册：号码完整显示，仅供内部使用，不得张贴")):
            button.setEnabled(chosen)
            button.setToolTip(f"打印所选村的{what}" if chosen else "请先在上方“行政村”中选择一个村")

    # -- members panel --------------------------------------------------------------------------------------------
    def _build_members(self) -> None:
        self.member_model = LazyTableModel(MEMBER_COLUMNS, self._fetch_members, parent=self)
        self.member_table = RecordTable(self.member_model)
        self.member_table.setSortingEnabled(False)
        self.member_table.activatedRow.connect(lambda _r: self.edit_member())
        box = QGroupBox("家庭成员")
        box.setObjectName("membersBox")
        buttons = QHBoxLayout()
        actions = [("添加成员", self.add_member, "addMemberButton"), ("编辑成员", self.edit_member, "editMemberButton"),
                   ("删除成员", self.delete_member, "deleteMemberButton")]
        if self.read_only:
            actions = [("查看成员", self.edit_member, "editMemberButton")]
        actions.append(("走访记录", self.show_visits, "visitsButton"))
        for text, slot, name in actions:
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.member_caption = QLabel()
        buttons.addWidget(self.member_caption)
        inner = QVBoxLayout(box)
        inner.addLayout(buttons)
        inner.addWidget(self.member_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.body.removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 230])
        self.body.addWidget(splitter, 1)

    def _fetch_members(self, after: Any, limit: int) -> list[dict[str, Any]]:
        record = self.current_record()
        if after is not None or record is None:
            return []
        return self.workbook.households.members(record["id"])

    def refresh(self, select_id: str = "") -> None:
        self.table.setColumnHidden(len(COLUMNS) - 1, not self.search_box.text().strip())
        super().refresh(select_id)

    def current_changed(self) -> None:
        if hasattr(self, "print_roster_button"):
            self._update_print_buttons()
        if not hasattr(self, "member_model"):
            return
        record = self.current_record()
        self.member_model.reload()
        self.member_caption.setText(f"{record['head_name']}户，共 {self.member_model.rowCount()} 人" if record else "")

    # -- actions --------------------------------------------------------------------------------------------------
    def add_household(self) -> None:
        self.run_dialog(HouseholdDialog(self.workbook, village_id=self.village_combo.currentData() or "", parent=self))

    def edit_dialog(self, record: dict[str, Any]) -> HouseholdDialog:
        return HouseholdDialog(self.workbook, household_id=record["id"], parent=self)

    def describe(self, record: dict[str, Any]) -> str:
        return f"{record['village']}{record['head_name']}户及其全部成员"

    def delete_record(self, record_id: str) -> None:
        self.workbook.households.delete(record_id)

    def show_visits(self) -> None:
        """The selected household's visit timeline (新增走访 is there too)."""
        record = self.current_record()
        if record is not None:
            VisitTimelineDialog(self.workbook, record["id"], parent=self).exec()

    def print_visits(self) -> None:
        """The selected household's visits over a period chosen in a small dialog (this year by default)."""
        record = self.current_record()
        if record is not None:
            print_household_visits(self, self.workbook, record["id"], record["head_name"])

    def print_list(self, audience: str) -> None:
        """The chosen village's households: 'public' (公示, masked numbers) or 'internal' (花名册)."""
        village_id = self.village_combo.currentData()
        if village_id:
            code = self.workbook.villages.get(village_id)["code"]
            preview_document(self, self.workbook, "households", code, audience)

    def _member(self) -> dict[str, Any] | None:
        return self.member_model.row(self.member_table.current_row())

    def add_member(self) -> None:
        record = self.current_record()
        if record is None:
            return
        dialog = MemberDialog(self.workbook, record["id"], parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(record["id"])

    def edit_member(self) -> None:
        record, member = self.current_record(), self._member()
        if record is None or member is None:
            return
        dialog = MemberDialog(self.workbook, record["id"], member["id"], parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(record["id"])

    def delete_member(self) -> None:
        record, member = self.current_record(), self._member()
        if record and member and self.confirm_delete(f"成员{member['name']}",
                                                     lambda: self.workbook.households.delete_member(member["id"])):
            self.refresh(record["id"])
