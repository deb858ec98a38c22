"""新增/修改培训 (ui/dialogs/training_edit.ui): the session itself; attendees are kept in training_attendees.py."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from lingqiu_desktop.core.trainings import EARLIEST, MAX_HOURS_PER_DAY, clean_training
from lingqiu_desktop.core.validation import ValidationError, parse_date

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog, align_labels, fill_combo
from lingqiu_desktop.gui.forms.dialogs.ui_training_edit import Ui_TrainingDialog


def _date_check(field: str) -> Any:
    return lambda text: parse_date(text, field, earliest=EARLIEST)


class TrainingDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = (
        "title", "audience", "topic", "organiser", "start_date", "end_date", "time_slots", "hours", "venue",
        "trainer", "trainer_post", "remarks",
    )
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "培训名称": "title", "培训对象": "audience", "开始日期": "start_date", "结束日期": "end_date", "学时": "hours",
    }
    INLINE_CHECKS: ClassVar = {"start_date": _date_check("开始日期"), "end_date": _date_check("结束日期")}

    def __init__(self, workbook: Workbook, training_id: str | None = None, audience: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_TrainingDialog()
        self.ui.setupUi(self)
        self.training_id = training_id
        self.audiences: list[str] = list(workbook.settings.get("training.audiences"))
        fill_combo(self.ui.audience, [("", "（请选择）"), *self.audiences])
        self.setup_form()
        align_labels([self.ui.basicForm, self.ui.timeForm, self.ui.trainerForm])
        self.ui.hours_info.setStyleSheet("color: #555555;")
        for name in ("start_date", "end_date"):
            self.input(name).textChanged.connect(self._show_hours_limit)
        if training_id:
            self._open_existing(training_id)
        else:
            self.setWindowTitle("新增培训")
            if audience in self.audiences:
                self.ui.audience.setCurrentIndex(self.ui.audience.findData(audience))
        self._show_hours_limit()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 40)

    def _open_existing(self, training_id: str) -> None:
        row = self.workbook.trainings.get(training_id)
        self.load(row)
        if self.workbook.owns(row):
            self.setWindowTitle(f"修改培训：{row['title']}")
        else:
            self.setWindowTitle(f"查看培训：{row['title']}")
            self.set_read_only()

    def _show_hours_limit(self) -> None:
        """How many days the dates span and the most 学时 they allow, so a typo in either is seen at once."""
        try:
            start = parse_date(self.ui.start_date.text(), "开始日期", earliest=EARLIEST)
            end_text = self.ui.end_date.text().strip()
            end = parse_date(end_text, "结束日期", earliest=EARLIEST) if end_text else start
        except ValidationError:
            self.ui.hours_info.setText(f"每天最多{MAX_HOURS_PER_DAY}学时")
            return
        days = (end - start).days + 1
        if days < 1:
            self.ui.hours_info.setText("结束日期早于开始日期")
        else:
            self.ui.hours_info.setText(f"共{days}天，学时不超过{days * MAX_HOURS_PER_DAY}")

    def store(self, raw: dict[str, Any]) -> str:
        values = clean_training(raw, self.audiences, self.workbook.today())
        repo = self.workbook.trainings
        if self.training_id:
            return str(repo.update(self.training_id, values)["id"])
        return str(repo.add(values)["id"])
