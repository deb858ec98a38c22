"""登记请假 (ui/dialogs/leave_edit.ui): a leave request for the span selected in the attendance grid."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from lingqiu_desktop.core.attendance import leave_rule_text
from lingqiu_desktop.core.validation import ValidationError, parse_date

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog, fill_combo
from lingqiu_desktop.gui.forms.dialogs.ui_leave_edit import Ui_LeaveDialog

RULE_STYLE = "color: #5c4400; background: #fff4ce; padding: 6px;"


class LeaveDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = ("start_date", "end_date", "leave_type", "reason", "approver", "approved_on")
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "开始日期": "start_date", "结束日期": "end_date", "请假类型": "leave_type", "请假事由": "reason",
        "审批人": "approver", "审批日期": "approved_on",
    }

    def __init__(self, workbook: Workbook, team_id: str, people: list[tuple[str, str]], start: date, end: date,
                 parent: QWidget | None = None) -> None:
        """``people``: (person id, name) of the members the leave is for; ``start``/``end``: the selected span."""
        super().__init__(workbook, parent)
        self.ui = Ui_LeaveDialog()
        self.ui.setupUi(self)
        self.team_id = team_id
        self.person_ids = [pid for pid, _name in people]
        self.threshold = workbook.attendance.leave_county_days()
        fill_combo(self.ui.leave_type, [("", "（请选择）"), *workbook.attendance.leave_types()])
        self.ui.personLabel.setText("、".join(name for _pid, name in people))
        self.ui.start_date.setText(start.isoformat())
        self.ui.end_date.setText(end.isoformat())
        self.setup_form()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 34)
        self.setWindowTitle(f"登记请假：{self.ui.personLabel.text()}")
        self.ui.ruleLabel.setStyleSheet(RULE_STYLE)
        for edit in (self.ui.start_date, self.ui.end_date):
            edit.textChanged.connect(self._update_rule)
        self._update_rule()
        self.ui.leave_type.setFocus()

    def _span(self) -> int:
        try:
            start = parse_date(self.ui.start_date.text(), "开始日期")
            end = parse_date(self.ui.end_date.text(), "结束日期")
        except ValidationError:
            return 0
        return (end - start).days + 1

    def _update_rule(self) -> None:
        self.ui.ruleLabel.setText(leave_rule_text(self._span(), self.threshold))

    def store(self, raw: dict[str, Any]) -> str:
        leaves = self.workbook.attendance.add_leaves(
            self.team_id, self.person_ids, raw["start_date"], raw["end_date"], raw["leave_type"] or "",
            raw["reason"], raw["approver"], raw["approved_on"] or None)
        return str(leaves[0]["id"])
