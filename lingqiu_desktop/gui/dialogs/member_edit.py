"""新增/修改家庭成员 (ui/dialogs/member_edit.ui)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from lingqiu_desktop.core import choices
from lingqiu_desktop.core.records import clean_member
from lingqiu_desktop.core.validation import ValidationError, id_sex, validate_id_number

from lingqiu_desktop.data.store import NotFoundError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog, align_labels, fill_combo, id_summary, set_widget_value
from lingqiu_desktop.gui.forms.dialogs.ui_member_edit import Ui_MemberDialog

HEAD = "户主"
ETHNICITIES = ("汉族", "回族", "满族", "蒙古族", "其他")
WORK_STATUSES = (("", "（未务工）"), "乡（镇）内务工", "乡（镇）外县内务工", "县外省内务工", "省外务工")
HEAD_LOCKED_TIP = "户主的姓名、身份证号请在贫困户信息中修改"


class MemberDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = (
        "name", "id_number", "sex", "relation", "ethnicity", "education", "school_status", "health",
        "labor_ability", "work_status", "work_months", "dibao", "medical_insurance", "pension",
    )
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "成员姓名": "name", "成员身份证号": "id_number", "性别": "sex", "与户主关系": "relation",
        "文化程度": "education", "在校生状况": "school_status", "健康状况": "health", "劳动能力": "labor_ability",
        "务工时间（月）": "work_months",
    }
    INLINE_CHECKS: ClassVar = {"id_number": lambda text: validate_id_number(text, "成员身份证号")}

    def __init__(self, workbook: Workbook, household_id: str, member_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_MemberDialog()
        self.ui.setupUi(self)
        self.household_id = household_id
        self.member_id = member_id
        household = workbook.households.get(household_id)
        row = self._member(member_id) if member_id else None
        self._build_inputs(is_head=bool(row and row["relation"] == HEAD))
        self.setup_form()
        align_labels([self.ui.educationForm, self.ui.workForm])
        self.ui.id_number.textChanged.connect(self._id_changed)
        if row is None:
            self.setWindowTitle(f"新增家庭成员（{household['head_name']}户）")
            self.ui.medical_insurance.setChecked(True)
        else:
            self.load(row)
            self.setWindowTitle(f"修改家庭成员：{row['name']}（{household['head_name']}户）")
        if not workbook.owns(row or household):
            self.setWindowTitle(f"查看家庭成员（{household['head_name']}户）")
            self.set_read_only()

    def _member(self, member_id: str) -> dict[str, Any]:
        for member in self.workbook.households.members(self.household_id):
            if member["id"] == member_id:
                return member
        raise NotFoundError("household_member", member_id)

    def _build_inputs(self, is_head: bool) -> None:
        ui = self.ui
        fill_combo(ui.sex, [("", "（按身份证号）"), *choices.SEXES])
        if is_head:
            # the head's identity belongs to the household record; HouseholdRepository.update keeps them in step
            fill_combo(ui.relation, [HEAD])
            for widget in (ui.name, ui.id_number):
                widget.setReadOnly(True)
                widget.setToolTip(HEAD_LOCKED_TIP)
            ui.relation.setEnabled(False)
            ui.relation.setToolTip(HEAD_LOCKED_TIP)
        else:
            fill_combo(ui.relation, [("", "（请选择）"), *(r for r in choices.RELATIONS if r != HEAD)])
        fill_combo(ui.ethnicity, ETHNICITIES)
        fill_combo(ui.education, [("", "（未填）"), *choices.EDUCATION[1:]])
        fill_combo(ui.school_status, [("", "（未填）"), *choices.SCHOOL_STATUS[1:]])
        fill_combo(ui.health, choices.HEALTH)
        fill_combo(ui.labor_ability, choices.LABOR)
        fill_combo(ui.work_status, WORK_STATUSES)
        ui.id_number.setMaxLength(20)  # room for a typo, so "应为18位，现为19位" can be shown
        ui.id_number_info.setText(id_summary(""))

    def _id_changed(self, text: str) -> None:
        """Show what the ID number says and preset 性别 from it; a different choice is refused on save."""
        self.ui.id_number_info.setText(id_summary(text))
        try:
            sex = id_sex(text)
        except ValidationError:
            return
        if not self.read_only:
            set_widget_value(self.ui.sex, sex)

    def store(self, raw: dict[str, Any]) -> str:
        values = clean_member(raw)
        repo = self.workbook.households
        if self.member_id:
            return str(repo.update_member(self.member_id, values)["id"])
        return str(repo.add_member(self.household_id, values)["id"])
