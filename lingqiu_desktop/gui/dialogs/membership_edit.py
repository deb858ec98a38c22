"""工作队成员 (ui/dialogs/membership_edit.ui): post a person to a team, correct a posting, or end one.

Modes: "add" (no membership yet), "edit", "召回" (date and reason, required) and "期满" (date). In the last two only
the date and the remarks can be typed; the person and the posting are shown for reference.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from lingqiu_desktop.core.people import POSTING_STATUSES, TEAM_ROLES, clean_closing, clean_membership
from lingqiu_desktop.core.validation import parse_date

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog, align_labels, fill_combo
from lingqiu_desktop.gui.dialogs.team_edit import swap_in
from lingqiu_desktop.gui.forms.dialogs.ui_membership_edit import Ui_MembershipDialog
from lingqiu_desktop.gui.pickers import PersonPicker

RECALL, END = "召回", "期满"
LOCKED_PERSON_TIP = "不能更换人员；如需换人，请召回此人后另行添加成员"


class MembershipDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = ("person_id", "role", "start_date", "end_date", "status", "remarks")
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "人员": "person_id", "队内职务": "role", "进驻日期": "start_date", "离村日期": "end_date",
        "召回日期": "end_date", "期满日期": "end_date", "在岗状态": "status", "召回原因": "remarks",
    }
    INLINE_CHECKS: ClassVar = {
        "start_date": lambda text: parse_date(text, "进驻日期"),
        "end_date": lambda text: parse_date(text, "离村日期"),
    }

    def __init__(self, workbook: Workbook, team_id: str, membership_id: str | None = None, mode: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_MembershipDialog()
        self.ui.setupUi(self)
        self.team = workbook.teams.get(team_id)
        self.membership_id = membership_id
        self.mode = mode or ("edit" if membership_id else "add")
        self._build_inputs()
        self.setup_form()
        align_labels([self.ui.membershipForm])
        self.ui.person_id.chosen.connect(self._show_person)
        self.ui.person_id.textEdited.connect(lambda _t: self.ui.person_info.clear())
        row = workbook.teams.member(membership_id) if membership_id else None
        if row is not None:
            self.load(row)
            self.ui.person_id.set_person(row["person_id"])
            self._show_person(row["person_id"])
        else:
            self.ui.start_date.setText(workbook.today().isoformat())
        self._set_mode(row)

    def _build_inputs(self) -> None:
        fill_combo(self.ui.role, TEAM_ROLES[::-1])  # 队员 first: most postings are
        fill_combo(self.ui.status, POSTING_STATUSES)
        township = "" if self.workbook.is_county else self.team["township_code"]
        swap_in(self, "person_id", PersonPicker(self.workbook, township_code=township))
        self.ui.person_info.setStyleSheet("color: #555555;")

    def _set_mode(self, row: dict[str, Any] | None) -> None:
        team_name = self.team["name"]
        if not self.workbook.owns(self.team):
            self.setWindowTitle(f"查看队员（{team_name}）")
            self.set_read_only()
        elif self.mode == "add":
            self.setWindowTitle(f"添加成员（{team_name}）")
        elif self.mode == "edit":
            assert row is not None
            self.setWindowTitle(f"修改队员：{row['name']}（{team_name}）")
            self.ui.person_id.setReadOnly(True)
            self.ui.person_id.setToolTip(LOCKED_PERSON_TIP)
        else:
            assert row is not None
            self._closing_mode(row)

    def _closing_mode(self, row: dict[str, Any]) -> None:
        """召回 / 期满: only the date and the reason are typed; the rest shows the posting being ended."""
        recall = self.mode == RECALL
        self.setWindowTitle(f"{'召回队员' if recall else '期满离村'}：{row['name']}（{self.team['name']}）")
        self.ui.person_id.setReadOnly(True)
        for name in ("role", "start_date", "status"):
            self.input(name).setEnabled(False)
        self.ui.status.setCurrentIndex(self.ui.status.findData(self.mode))
        self.ui.endLabel.setText(f"{'召回' if recall else '期满'}日期(&E)：")
        self.ui.end_date.setText(self.workbook.today().isoformat())
        self.ui.end_date.setPlaceholderText("")
        self.ui.remarksLabel.setText("召回原因(&M)：" if recall else "备注(&M)：")
        self.ui.remarks.setText("")
        self.ui.remarks.setPlaceholderText("如：长期不在岗，经县委组织部批准召回" if recall else "")
        self.ui.end_date.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_person(self, person_id: str) -> None:
        person = self.workbook.people.get(person_id)
        parts = [person["unit"], person["post"], person["phone"], "党员" if person["is_party_member"] else ""]
        self.ui.person_info.setText("，".join(p for p in parts if p) or "（未填单位和电话）")

    def raw_values(self) -> dict[str, Any]:
        raw = super().raw_values()
        # typed but not chosen from the list is no choice: clean_membership then asks to pick from the list
        raw["person_id"] = self.ui.person_id.person_id()
        return raw

    def store(self, raw: dict[str, Any]) -> str:
        teams = self.workbook.teams
        today = self.workbook.today()
        if self.mode in (RECALL, END):
            assert self.membership_id is not None
            start = teams.member(self.membership_id)["start_date"]
            day, reason = clean_closing(raw, self.mode, today, start)
            close = teams.recall_member if self.mode == RECALL else teams.end_posting
            return str(close(self.membership_id, day, reason)["id"])
        values = clean_membership(raw, today)
        if self.membership_id:
            return str(teams.update_member(self.membership_id, values, on_date=today.isoformat())["id"])
        return str(teams.add_member(self.team["id"], values)["id"])

