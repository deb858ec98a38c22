"""新增/修改贫困户 (ui/dialogs/household_edit.ui). A new household's head is saved as its first member."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from lingqiu_desktop.core import choices
from lingqiu_desktop.core.records import clean_household, clean_member
from lingqiu_desktop.core.validation import ValidationError, ValidationErrors, optional_phone, validate_id_number

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import (
    RecordDialog,
    align_labels,
    fill_combo,
    id_summary,
    make_searchable,
    set_widget_value,
)
from lingqiu_desktop.gui.forms.dialogs.ui_household_edit import Ui_HouseholdDialog

NOT_FILLED = ("", "（未填）")
HOUSING_STRUCTURES = ("", "砖混", "砖木", "土木", "石木", "窑洞", "其他")
DANGER_GRADES = (NOT_FILLED, ("A", "A级"), ("B", "B级"), ("C", "C级"), ("D", "D级"))
NO_VILLAGES = "本单位还没有登记村庄，请先在“村庄”中新增村庄，再登记贫困户。"


class HouseholdDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = (
        "village_id", "group_name", "head_name", "head_id_number", "phone", "attribute", "standard", "main_cause",
        "other_cause_1", "other_cause_2", "status", "identified_year", "exit_year", "per_capita_income",
        "bank_name", "bank_account", "arable_land_mu", "housing_area", "housing_structure", "housing_danger_grade",
        "safe_water", "has_electricity", "relocation", "remarks",
    )
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "所属村": "village_id", "户主姓名": "head_name", "成员姓名": "head_name",
        "户主身份证号": "head_id_number", "成员身份证号": "head_id_number", "联系电话": "phone",
        "贫困户属性": "attribute", "识别标准": "standard", "主要致贫原因": "main_cause",
        "其他致贫原因": "other_cause_1", "脱贫状态": "status", "识别年度": "identified_year",
        "脱贫年度": "exit_year", "人均纯收入": "per_capita_income", "银行账号": "bank_account",
        "耕地面积": "arable_land_mu", "住房面积": "housing_area",
    }
    INLINE_CHECKS: ClassVar = {
        "head_id_number": lambda text: validate_id_number(text, "户主身份证号"),
        "phone": lambda text: optional_phone(text, "联系电话"),
    }

    def __init__(self, workbook: Workbook, household_id: str | None = None, village_id: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_HouseholdDialog()
        self.ui.setupUi(self)
        self.household_id = household_id
        self._build_inputs()
        self.setup_form()
        align_labels([self.ui.basicForm, self.ui.povertyForm])
        align_labels([self.ui.bankForm, self.ui.livingForm, self.ui.remarksForm])
        self.ui.head_id_number.textChanged.connect(self._show_id_summary)
        if household_id:
            self._open_existing(household_id)
        else:
            self.setWindowTitle("新增贫困户")
            set_widget_value(self.ui.village_id, village_id)
            if not village_id:
                self.ui.village_id.setCurrentIndex(-1)
            self.ui.safe_water.setChecked(True)
            self.ui.has_electricity.setChecked(True)
            if self.ui.village_id.count() == 0:
                self.show_errors([], message=NO_VILLAGES)

    def _build_inputs(self) -> None:
        ui = self.ui
        wb = self.workbook
        names = dict(wb.townships())
        villages = wb.villages.choices("" if wb.is_county else wb.office_code)
        # the county sees every township's villages: the township's name tells same-named villages apart
        fill_combo(ui.village_id, [(vid, f"{names.get(tc, tc)}·{name}" if wb.is_county else name)
                                   for vid, name, tc in villages])
        make_searchable(ui.village_id)
        ui.village_id.lineEdit().setPlaceholderText("输入村名查找")
        fill_combo(ui.attribute, choices.HOUSEHOLD_ATTRIBUTES)
        fill_combo(ui.standard, choices.IDENTIFICATION_STANDARDS)
        fill_combo(ui.main_cause, [("", "（请选择）"), *choices.POVERTY_CAUSES])
        for combo in (ui.other_cause_1, ui.other_cause_2):
            fill_combo(combo, [("", "（无）"), *choices.POVERTY_CAUSES])
        fill_combo(ui.status, choices.HOUSEHOLD_STATUSES)
        fill_combo(ui.housing_structure, HOUSING_STRUCTURES)
        fill_combo(ui.housing_danger_grade, DANGER_GRADES)
        ui.head_id_number.setMaxLength(20)  # room for a typo, so "应为18位，现为19位" can be shown
        ui.head_id_info.setText(id_summary(""))

    def _open_existing(self, household_id: str) -> None:
        row = self.workbook.households.get(household_id)
        self.load(row)
        others = [x for x in str(row.get("other_causes") or "").split(",") if x]
        for combo, cause in zip((self.ui.other_cause_1, self.ui.other_cause_2), others, strict=False):
            set_widget_value(combo, cause)
        if self.workbook.owns(row):
            self.setWindowTitle(f"修改贫困户：{row['head_name']}")
        else:
            self.setWindowTitle(f"查看贫困户：{row['head_name']}")
            self.set_read_only()

    def _show_id_summary(self, text: str) -> None:
        self.ui.head_id_info.setText(id_summary(text))

    def raw_values(self) -> dict[str, Any]:
        raw = super().raw_values()
        raw["other_causes"] = ",".join(x for x in (raw.pop("other_cause_1"), raw.pop("other_cause_2")) if x)
        return raw

    def _village_id(self, typed: str) -> str:
        """The chosen village's id; typed text must name one of the listed villages."""
        combo = self.ui.village_id
        index = combo.findText(typed, Qt.MatchFlag.MatchExactly)
        if index < 0:
            raise ValidationError("所属村", "请从列表中选择村庄" if typed else "请选择村庄")
        return str(combo.itemData(index))

    def _clean(self, raw: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """Every problem of the form at once: village, household fields and duplicate causes."""
        errors: list[ValidationError] = []
        village_id = values = None
        try:
            village_id = self._village_id(self.ui.village_id.currentText().strip())
        except ValidationError as exc:
            errors.append(exc)
        try:
            values = clean_household(raw)
        except ValidationError as exc:
            errors.extend(getattr(exc, "errors", [exc]))
        if values is not None:
            causes = [values["main_cause"], *filter(None, values["other_causes"].split(","))]
            if len(set(causes)) < len(causes):
                errors.append(ValidationError("其他致贫原因", "不能与主要致贫原因或另一项重复"))
        if errors:
            raise ValidationErrors(errors)
        assert village_id is not None and values is not None
        return village_id, values

    def store(self, raw: dict[str, Any]) -> str:
        village_id, values = self._clean(raw)
        repo = self.workbook.households
        if self.household_id:
            return str(repo.update(self.household_id, values, village_id)["id"])
        head = clean_member({"name": values["head_name"], "id_number": values["head_id_number"], "relation": "户主"})
        return str(repo.add(village_id, values, head)["id"])

