"""新增/修改村庄 (ui/dialogs/village_edit.ui)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QWidget

from lingqiu_desktop.core import choices
from lingqiu_desktop.core.records import clean_village
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import RecordDialog, align_labels, fill_combo
from lingqiu_desktop.gui.forms.dialogs.ui_village_edit import Ui_VillageDialog

# Digits only; full-width ones (typed with a Chinese IME on) are accepted and converted by the core.
CODE_PATTERN = QRegularExpression("[0-9０-９]{0,12}")


class VillageDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = (
        "township_code", "code", "name", "is_poor", "status", "planned_exit_year", "exit_year", "population",
        "household_count", "collective_income", "remarks",
    )
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "所属乡镇": "township_code", "乡镇代码": "township_code", "区划代码": "code", "村级代码": "code",
        "村名": "name", "退出状态": "status", "计划退出年度": "planned_exit_year", "退出年度": "exit_year",
        "人口数": "population", "户数": "household_count", "村集体经济收入": "collective_income",
    }

    def __init__(self, workbook: Workbook, village_id: str | None = None, township_code: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_VillageDialog()
        self.ui.setupUi(self)
        self.village_id = village_id
        self._township = ""  # the township whose code prefixes the village code
        self._build_inputs()
        self.setup_form()
        align_labels([self.ui.basicForm, self.ui.exitForm, self.ui.economyForm])
        if village_id:
            self._open_existing(village_id)
        else:
            self.setWindowTitle("新增村庄")
            self._select_township(township_code or ("" if workbook.is_county else workbook.office_code))
        self._township = self.ui.township_code.currentData() or ""
        self.ui.township_code.currentIndexChanged.connect(self._township_changed)

    def _build_inputs(self) -> None:
        ui = self.ui
        townships = self.workbook.townships()
        items: list[Any] = [(code, name) for code, name in townships]
        if self.workbook.is_county:
            items.insert(0, ("", "（请选择乡镇）"))
        fill_combo(ui.township_code, items)
        # a township edits only its own villages: its township is fixed
        ui.township_code.setEnabled(self.workbook.is_county)
        fill_combo(ui.status, choices.VILLAGE_STATUSES)
        ui.code.setValidator(QRegularExpressionValidator(CODE_PATTERN, ui.code))
        ui.code.installEventFilter(self)
        for name in ("planned_exit_year", "exit_year"):
            self.input(name).setMaxLength(5)  # "2018" or "2018年"

    def _open_existing(self, village_id: str) -> None:
        row = self.workbook.villages.get(village_id)
        self.load(row)
        if self.workbook.owns(row):
            self.setWindowTitle(f"修改村庄：{row['name']}")
        else:
            self.setWindowTitle(f"查看村庄：{row['name']}")
            self.set_read_only()

    def _select_township(self, code: str) -> None:
        index = self.ui.township_code.findData(code)
        self.ui.township_code.setCurrentIndex(max(index, 0))
        self.ui.code.setText(self.ui.township_code.currentData() or "")

    def _township_changed(self) -> None:
        """Keep the village code's first 9 digits in step with the chosen township."""
        new = self.ui.township_code.currentData() or ""
        code = self.ui.code.text()
        if not code or (self._township and code.startswith(self._township)):
            self.ui.code.setText(new + code[len(self._township):] if code else new)
        self._township = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tabbing into a code that is just the township prefix puts the cursor after it instead of selecting it,
        so typing the village's 3 digits does not wipe the prefix."""
        code = self.ui.code
        if watched is code and event.type() == QEvent.Type.FocusIn and code.text() == self._township:
            code.focusInEvent(event)
            code.deselect()
            code.end(False)
            return True
        return super().eventFilter(watched, event)

    def store(self, raw: dict[str, Any]) -> str:
        township = raw.pop("township_code")
        if not township:
            raise ValidationError("所属乡镇", "请选择乡镇")
        values = clean_village(raw, township)
        if self.village_id:
            return str(self.workbook.villages.update(self.village_id, values)["id"])
        return str(self.workbook.villages.add(values)["id"])
