"""抽查登记 (ui/dialogs/spot_check_edit.ui): what a spot check found for one member of a team."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from lingqiu_desktop.core.attendance import SPOT_CHECKERS
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog, fill_combo, make_searchable
from lingqiu_desktop.gui.dialogs.leave_edit import RULE_STYLE
from lingqiu_desktop.gui.forms.dialogs.ui_spot_check_edit import Ui_SpotCheckDialog

RULE = "抽查发现无故缺勤（不在岗且未请假、未报备）的，年度考核等次按设置封顶：{caps}。"


class SpotCheckDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = ("person_id", "check_date", "checker", "present", "excused", "note")
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "人员": "person_id", "被抽查队员": "person_id", "抽查日期": "check_date", "抽查人": "checker",
        "情况说明": "note",
    }

    def __init__(self, workbook: Workbook, team_id: str, people: list[tuple[str, str]], person_id: str = "",
                 day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_SpotCheckDialog()
        self.ui.setupUi(self)
        self.team_id = team_id
        fill_combo(self.ui.person_id, [("", "（请选择）"), *people])
        self.ui.person_id.setCurrentIndex(max(0, self.ui.person_id.findData(person_id)))
        fill_combo(self.ui.checker, SPOT_CHECKERS)
        make_searchable(self.ui.checker)
        self.ui.checker.setCurrentIndex(-1)
        self.ui.checker.lineEdit().setPlaceholderText("如：县委组织部督查组")
        fill_combo(self.ui.present, [(True, "在岗"), (False, "不在岗")])
        today = workbook.today()
        self.ui.check_date.setText((day if day is not None and day <= today else today).isoformat())
        self.setup_form()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 34)
        self.setWindowTitle("抽查登记")
        caps = workbook.assessments.caps()
        self.ui.ruleLabel.setText(RULE.format(caps="；".join(f"{n}次最高{r}" for n, r in sorted(
            caps.items(), key=lambda kv: int(kv[0]))) or "未设置"))
        self.ui.ruleLabel.setStyleSheet(RULE_STYLE)
        self.ui.present.currentIndexChanged.connect(self._present_changed)
        self._present_changed()
        (self.ui.check_date if person_id else self.ui.person_id).setFocus()

    def _present_changed(self) -> None:
        present = bool(self.ui.present.currentData())
        self.ui.excused.setEnabled(not present)
        if present:
            self.ui.excused.setChecked(False)

    def store(self, raw: dict[str, Any]) -> str:
        if not raw["person_id"]:
            raise ValidationError("被抽查队员", "请选择队员")
        row = self.workbook.attendance.add_spot_check(
            self.team_id, raw["person_id"], raw["check_date"], raw["checker"], bool(raw["present"]),
            bool(raw["excused"]), raw["note"])
        return str(row["id"])
