"""新增/修改人员 (ui/dialogs/person_edit.ui): cadres, team members, first secretaries, helpers, village cadres."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QWidget

from lingqiu_desktop.core.people import PERSON_KINDS, SEXES, UNIT_LEVELS, clean_person, split_kinds
from lingqiu_desktop.core.validation import ValidationError, id_sex, optional_phone, validate_id_number

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog, align_labels, fill_combo, id_summary, set_widget_value
from lingqiu_desktop.gui.forms.dialogs.ui_person_edit import Ui_PersonDialog

#: check box (object name) → the kind it stands for; the kind column is their comma list
KIND_BOXES: dict[str, str] = dict(zip(
    ("kind_cadre", "kind_member", "kind_secretary", "kind_helper", "kind_village"), PERSON_KINDS, strict=True))
COUNTY_UNITS = "（县直及以上单位）"


class PersonDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = (
        "name", "id_number", "sex", "phone", "is_party_member", "township_code", "unit", "unit_level", "post",
        "remarks", *KIND_BOXES,
    )
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "姓名": "name", "身份证号": "id_number", "性别": "sex", "联系电话": "phone", "单位级别": "unit_level",
        "人员类别": "kind_cadre",
    }
    INLINE_CHECKS: ClassVar = {
        "id_number": lambda text: validate_id_number(text, "身份证号"),
        "phone": lambda text: optional_phone(text, "联系电话"),
    }

    def __init__(self, workbook: Workbook, person_id: str | None = None, kind: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_PersonDialog()
        self.ui.setupUi(self)
        self.person_id = person_id
        self._build_inputs()
        self.setup_form()
        align_labels([self.ui.basicForm])
        self.ui.id_number.textChanged.connect(self._id_changed)
        if person_id:
            self._open_existing(person_id)
        else:
            self.setWindowTitle("新增人员")
            self._set_kinds(kind)

    def _build_inputs(self) -> None:
        ui, wb = self.ui, self.workbook
        fill_combo(ui.sex, [("", "（按身份证号）"), *SEXES])
        fill_combo(ui.unit_level, [("", "（未填）"), *UNIT_LEVELS])
        townships: list[Any] = list(wb.townships())
        if wb.is_county:
            townships.insert(0, ("", COUNTY_UNITS))
        fill_combo(ui.township_code, townships)
        # a township registers its own people; which township a person belongs to is fixed there
        ui.township_code.setEnabled(wb.is_county)
        units = QCompleter(wb.people.units(), ui.unit)
        units.setFilterMode(Qt.MatchFlag.MatchContains)
        units.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        ui.unit.setCompleter(units)
        ui.id_number.setMaxLength(20)  # room for a typo, so "应为18位，现为19位" can be shown
        ui.id_number_info.setText("可不填；填写后自动识别性别和出生日期")

    def _open_existing(self, person_id: str) -> None:
        row = self.workbook.people.get(person_id)
        self.load({**row, "township_code": row["township_code"] or ""})
        self._set_kinds(row["kind"])
        if self.workbook.owns(row):
            self.setWindowTitle(f"修改人员：{row['name']}")
        else:
            self.setWindowTitle(f"查看人员：{row['name']}")
            self.set_read_only()

    def _set_kinds(self, kinds: str) -> None:
        chosen = set(split_kinds(kinds))
        for name, kind in KIND_BOXES.items():
            self.input(name).setChecked(kind in chosen)

    def _id_changed(self, text: str) -> None:
        """Show what the ID number says and preset 性别 from it; a different choice is refused on save."""
        self.ui.id_number_info.setText(id_summary(text) if text.strip() else "可不填；填写后自动识别性别和出生日期")
        try:
            sex = id_sex(text)
        except ValidationError:
            return
        if not self.read_only:
            set_widget_value(self.ui.sex, sex)

    def raw_values(self) -> dict[str, Any]:
        raw = super().raw_values()
        raw["kind"] = ",".join(kind for name, kind in KIND_BOXES.items() if raw.pop(name))
        return raw

    def store(self, raw: dict[str, Any]) -> str:
        values = clean_person(raw, today=self.workbook.today())
        if self.person_id:
            return str(self.workbook.people.update(self.person_id, values)["id"])
        return str(self.workbook.people.add(values)["id"])
