"""新增/修改驻村工作队 (ui/dialogs/team_edit.ui). 队长 and 第一书记 are picked by name or pinyin initials; someone
not yet in the team joins it on saving (TeamRepository.save keeps roles and the history in step)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLabel, QWidget

from lingqiu_desktop.core.people import POSTING_STATUSES, clean_team
from lingqiu_desktop.core.validation import ValidationError, ValidationErrors, parse_date

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog, align_labels, fill_combo, make_searchable
from lingqiu_desktop.gui.forms.dialogs.ui_team_edit import Ui_TeamDialog
from lingqiu_desktop.gui.pickers import PersonPicker

NO_VILLAGES = "本单位还没有登记村庄，请先在“村庄”中新增村庄，再登记工作队。"
PICK_FROM_LIST = "请从下拉列表中选择（输入姓名或拼音首字母查找）"


def swap_in(dialog: RecordDialog, name: str, replacement: QWidget) -> None:
    """Put a widget that needs the Workbook (a picker) where the Designer form has a plain placeholder of the same
    object name: same place, same label buddy, then the tab order of INPUTS again."""
    old: QWidget = getattr(dialog.ui, name)
    holder = old.parentWidget()
    replacement.setObjectName(name)
    holder.layout().replaceWidget(old, replacement)
    QWidget.setTabOrder(old, replacement)  # take the placeholder's place in the focus chain (first focus too)
    for label in holder.findChildren(QLabel):
        if label.buddy() is old:
            label.setBuddy(replacement)
    old.hide()
    old.deleteLater()
    setattr(dialog.ui, name, replacement)
    for first, second in pairwise(dialog.input(n) for n in dialog.INPUTS):
        QWidget.setTabOrder(first, second)


def picked(picker: PersonPicker, field: str) -> str:
    """The chosen person's id; text typed but not chosen from the list is an error, an empty box is vacant."""
    if picker.text().strip() and not picker.person_id():
        raise ValidationError(field, PICK_FROM_LIST)
    return picker.person_id()


class TeamDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = (
        "village_id", "name", "sending_unit", "start_date", "end_date", "status", "remarks", "leader_person_id",
        "first_secretary_id",
    )
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "所属村": "village_id", "工作队名称": "name", "派出单位": "sending_unit", "派驻开始日期": "start_date",
        "派驻结束日期": "end_date", "工作队状态": "status", "队长": "leader_person_id",
        "第一书记": "first_secretary_id",
    }
    INLINE_CHECKS: ClassVar = {
        "start_date": lambda text: parse_date(text, "派驻开始日期"),
        "end_date": lambda text: parse_date(text, "派驻结束日期"),
    }

    def __init__(self, workbook: Workbook, team_id: str | None = None, village_id: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_TeamDialog()
        self.ui.setupUi(self)
        self.team_id = team_id
        self._auto_name = ""
        self._build_inputs()
        self.setup_form()
        align_labels([self.ui.teamForm, self.ui.headsForm])
        if team_id:
            self._open_existing(team_id)
        else:
            self.setWindowTitle("新增驻村工作队")
            fill_index = self.ui.village_id.findData(village_id) if village_id else -1
            self.ui.village_id.setCurrentIndex(fill_index)
            self._village_changed()
            if self.ui.village_id.count() == 0:
                self.show_errors([], message=NO_VILLAGES)
        self.ui.village_id.currentIndexChanged.connect(self._village_changed)

    def _build_inputs(self) -> None:
        ui, wb = self.ui, self.workbook
        names = dict(wb.townships())
        villages = wb.villages.choices("" if wb.is_county else wb.office_code)
        fill_combo(ui.village_id, [(vid, f"{names.get(tc, tc)}·{name}" if wb.is_county else name)
                                   for vid, name, tc in villages])
        make_searchable(ui.village_id)
        ui.village_id.lineEdit().setPlaceholderText("输入村名查找")
        fill_combo(ui.status, POSTING_STATUSES)
        units = QCompleter(wb.people.units(), ui.sending_unit)  # sending units are the people's units
        units.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.sending_unit.setCompleter(units)
        township = "" if wb.is_county else wb.office_code
        swap_in(self, "leader_person_id", PersonPicker(wb, township_code=township))
        swap_in(self, "first_secretary_id", PersonPicker(wb, township_code=township))

    def _open_existing(self, team_id: str) -> None:
        row = self.workbook.teams.get(team_id)
        self.load(row)
        self.ui.leader_person_id.set_person(row["leader_person_id"] or "")
        self.ui.first_secretary_id.set_person(row["first_secretary_id"] or "")
        self._auto_name = row["name"]
        if self.workbook.owns(row):
            self.setWindowTitle(f"修改驻村工作队：{row['name']}")
        else:
            self.setWindowTitle(f"查看驻村工作队：{row['name']}")
            self.set_read_only()
            self.ui.headsHint.hide()
            for picker in (self.ui.leader_person_id, self.ui.first_secretary_id):
                picker.setPlaceholderText("（空缺）")

    def _village_name(self) -> str:
        text = self.ui.village_id.currentText().strip()
        return text.split("·")[-1]

    def _village_changed(self) -> None:
        """Keep the default name "<村名>驻村工作队" in step with the village until the clerk types another."""
        name = self.ui.name
        if self.read_only or name.text().strip() not in ("", self._auto_name):
            return
        village = self._village_name()
        self._auto_name = f"{village}驻村工作队" if village and self.ui.village_id.currentIndex() >= 0 else ""
        name.setText(self._auto_name)

    def _village_id(self) -> str:
        """The chosen village's id; typed text must name one of the listed villages."""
        combo = self.ui.village_id
        typed = combo.currentText().strip()
        index = combo.findText(typed, Qt.MatchFlag.MatchExactly)
        if index < 0:
            raise ValidationError("所属村", "请从列表中选择村庄" if typed else "请选择村庄")
        return str(combo.itemData(index))

    def _clean(self, raw: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
        """Every problem of the form at once: village, team fields and the two pickers."""
        errors: list[ValidationError] = []
        results: dict[str, Any] = {}
        checks = {
            "village_id": self._village_id,
            "leader": lambda: picked(self.ui.leader_person_id, "队长"),
            "secretary": lambda: picked(self.ui.first_secretary_id, "第一书记"),
        }
        for key, check in checks.items():
            try:
                results[key] = check()
            except ValidationError as exc:
                errors.append(exc)
        try:
            raw = {**raw, "village_id": results.get("village_id", "")}
            results["values"] = clean_team(raw, self.workbook.today(), village_name=self._village_name())
        except ValidationError as exc:
            village_failed = "village_id" not in results  # already reported, in the picker's own words
            errors.extend(e for e in getattr(exc, "errors", [exc]) if not (village_failed and e.field == "所属村"))
        if errors:
            raise ValidationErrors(errors)
        return results["values"], results["leader"], results["secretary"]

    def store(self, raw: dict[str, Any]) -> str:
        values, leader, secretary = self._clean(raw)
        row = self.workbook.teams.save(values, team_id=self.team_id, leader_id=leader, first_secretary_id=secretary,
                                       on_date=self.workbook.today().isoformat())
        return str(row["id"])
