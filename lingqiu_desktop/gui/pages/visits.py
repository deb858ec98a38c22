"""走访记录: the visit list, filtered by township, village, team, visitor, dates, kind and follow-up state.

Overdue follow-ups are drawn in red. 回访完成 records the operator and the working date; 查看该户走访 opens the
household's timeline. At the county the townships' visits are read-only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.validation import ValidationError, parse_date

from lingqiu_desktop.data.dashboard import week_bounds
from lingqiu_desktop.data.visits import VisitFilter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.visit_edit import VisitDialog
from lingqiu_desktop.gui.dialogs.visit_timeline import OVERDUE_COLOR, VisitTimelineDialog, mark_follow_up_done
from lingqiu_desktop.gui.models.lazy_table import Column, LazyTableModel
from lingqiu_desktop.gui.pages.list_page import ListPage
from lingqiu_desktop.gui.pickers import PersonPicker
from lingqiu_desktop.gui.widgets import fill_combo

STATE_COLORS = {"已逾期": OVERDUE_COLOR, "待回访": "#9a6700", "已回访": "#2e7d32"}
FOLLOW_UPS = [("open", "待回访"), ("overdue", "已逾期")]


COLUMNS = [   # the follow-up state sits left of the long texts, so an overdue one shows without scrolling
    Column("visit_date", "走访日期", 92, "center", sort_key="visit_date"),
    Column("township", "乡镇", 76, sort_key="township"),
    Column("village", "行政村", 96, sort_key="village"),
    Column("household", "走访对象", 100),
    Column("kind", "走访类型", 80, sort_key="kind"),
    Column("visitors", "走访人", 120),
    Column("follow_up_due", "回访期限", 92, "center"),
    Column("follow_up_state", "回访", 64, "center", colors=STATE_COLORS),
    Column("problems", "反映问题", 200),
    Column("actions", "采取措施", 200),
    Column("follow_up_done_at", "回访日期", 92, "center"),
    Column("follow_up_done_by", "回访人", 70),
    Column("team", "驻村工作队", 150),
]
TOWNSHIP_COLUMN = 1


def _mark(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)   # a dynamic property restyles only after a polish round
        widget.style().polish(widget)


class VisitTableModel(LazyTableModel):
    """Rows whose follow-up is overdue are drawn red from end to end, so they stand out while scrolling."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row(index.row())
            if row is not None and row.get("follow_up_state") == "已逾期":
                return QBrush(QColor(OVERDUE_COLOR))
        return super().data(index, role)


class VisitsPage(ListPage):
    kind = "visit"
    title = "走访记录"
    noun = "条"

    def __init__(self, workbook: Workbook, parent: Any = None) -> None:
        super().__init__(workbook, COLUMNS, parent)
        self._use_model(VisitTableModel(COLUMNS, self._fetch, parent=self))
        self.table.setColumnHidden(TOWNSHIP_COLUMN, not workbook.is_county)
        self._build_filters()
        self._build_buttons()
        self.finish_bars()
        self.refresh()

    def _use_model(self, model: VisitTableModel) -> None:
        """ListPage builds a plain LazyTableModel; this list needs the one that paints overdue rows red."""
        old, self.model = self.model, model
        model.sortRequested.connect(self._on_sort)
        self.table.setModel(model)
        for i, column in enumerate(COLUMNS):
            self.table.setColumnWidth(i, column.width)
        old.deleteLater()

    # -- filters --------------------------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        wb = self.workbook
        self.township_combo = QComboBox(objectName="townshipFilter")
        fill_combo(self.township_combo, wb.townships(), "全部乡镇" if wb.is_county else None)
        self.village_combo = QComboBox(objectName="villageFilter", minimumContentsLength=7)
        self.team_combo = QComboBox(objectName="teamFilter", minimumContentsLength=10)
        self.person_picker = PersonPicker(wb)
        self.person_picker.setObjectName("personFilter")
        self.person_picker.setPlaceholderText("走访人姓名或拼音首字母")
        self.person_picker.setMinimumWidth(self.fontMetrics().horizontalAdvance("中" * 13))
        self.date_from = self._date_box("dateFromFilter", "起始日期")
        self.date_to = self._date_box("dateToFilter", "截止日期")
        self.kind_combo = QComboBox(objectName="kindFilter")
        fill_combo(self.kind_combo, [(k, k) for k in wb.settings.get("visit.kinds")], "全部类型")
        self.follow_up_combo = QComboBox(objectName="followUpFilter")
        fill_combo(self.follow_up_combo, FOLLOW_UPS, "全部")
        self._fill_places()
        self._lay_out_filters()
        self.township_combo.currentIndexChanged.connect(self._township_changed)
        for combo in (self.village_combo, self.team_combo, self.kind_combo, self.follow_up_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.person_picker.chosen.connect(lambda _id: self.refresh())
        self.person_picker.textChanged.connect(self._person_text_changed)
        self._person_shown = ""

    def _date_box(self, name: str, placeholder: str) -> QLineEdit:
        box = QLineEdit(objectName=name, placeholderText=placeholder, clearButtonEnabled=True)
        box.setToolTip("如 2018-03-01 或 20180301；回车后生效")
        box.setFixedWidth(self.fontMetrics().horizontalAdvance("2018-11-30") + 48)
        box.editingFinished.connect(lambda: self._date_entered(box))
        box.textChanged.connect(lambda text: text or self._date_entered(box))   # the clear button
        return box

    def _lay_out_filters(self) -> None:
        rows = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        if self.workbook.is_county:
            first.addWidget(QLabel("乡镇"))
            first.addWidget(self.township_combo)
        else:
            self.township_combo.hide()
        for label, widget in (("行政村", self.village_combo), ("工作队", self.team_combo),
                              ("走访人", self.person_picker)):
            first.addWidget(QLabel(label))
            first.addWidget(widget)
        first.addStretch(1)
        for label, widget in (("走访日期", self.date_from), ("至", self.date_to), ("类型", self.kind_combo),
                              ("回访", self.follow_up_combo)):
            second.addWidget(QLabel(label))
            second.addWidget(widget)
        clear = QPushButton("清除筛选", objectName="clearFiltersButton", autoDefault=False)
        clear.clicked.connect(self.clear_filters)
        second.addWidget(clear)
        second.addStretch(1)
        rows.addLayout(first)
        rows.addLayout(second)
        self.filter_bar.addLayout(rows, 1)

    def _fill_places(self) -> None:
        township = self.township_combo.currentData() or ""
        villages = [(vid, name) for vid, name, _t in self.workbook.villages.choices(township)]
        fill_combo(self.village_combo, villages, "全部村")
        fill_combo(self.team_combo, self.workbook.visits.teams(township), "全部工作队")

    def _township_changed(self) -> None:
        self._fill_places()
        self.refresh()

    def _person_text_changed(self, text: str) -> None:
        # cleared by hand (or the clear button): the visitor filter goes with the text
        if not text.strip() and self._person_shown:
            self.refresh()

    def _date_entered(self, box: QLineEdit) -> None:
        text = box.text().strip()
        try:
            value = parse_date(text, "日期", earliest=None).isoformat() if text else ""
        except ValidationError as exc:
            _mark(box, True)
            self.count_label.setText(f"{box.placeholderText()}：{exc.reason}")
            return
        _mark(box, False)
        if box.text() != value:
            box.setText(value)
        if value != box.property("applied"):
            box.setProperty("applied", value)
            self.refresh()

    def _date_value(self, box: QLineEdit) -> str:
        return str(box.property("applied") or "")

    def current_filter(self) -> VisitFilter:
        return VisitFilter(
            township_code=self.township_combo.currentData() or "", village_id=self.village_combo.currentData() or "",
            team_id=self.team_combo.currentData() or "", person_id=self.person_picker.person_id(),
            date_from=self._date_value(self.date_from), date_to=self._date_value(self.date_to),
            kind=self.kind_combo.currentData() or "", follow_up=self.follow_up_combo.currentData() or "",
            today=self.workbook.today().isoformat(), sort=self.sort_key, descending=self.sort_descending)

    def set_filter(self, *, follow_up: str = "", date_from: str = "", date_to: str = "") -> None:
        """Show a preset list (the dashboard's click-through): e.g. follow_up="overdue", or this week's dates."""
        self.clear_filters(refresh=False)
        self.follow_up_combo.setCurrentIndex(max(self.follow_up_combo.findData(follow_up), 0))
        for box, value in ((self.date_from, date_from), (self.date_to, date_to)):
            box.setText(value)
            box.setProperty("applied", value)
        self.refresh()

    def apply_preset(self, preset: dict[str, Any]) -> None:
        """A dashboard card's 查看全部: {"follow_up": "overdue"} or {"period": "week"} (as of the working date)."""
        if preset.get("period") == "week":
            monday, sunday = week_bounds(self.workbook.today())
            self.set_filter(date_from=monday.isoformat(), date_to=min(sunday, self.workbook.today()).isoformat())
        else:
            self.set_filter(follow_up=str(preset.get("follow_up", "")))

    def clear_filters(self, refresh: bool = True) -> None:
        widgets = (self.village_combo, self.team_combo, self.kind_combo, self.follow_up_combo, self.person_picker)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in (self.village_combo, self.team_combo, self.kind_combo, self.follow_up_combo):
            combo.setCurrentIndex(0)
        self.person_picker.set_person("")
        for box in (self.date_from, self.date_to):
            box.clear()
            box.setProperty("applied", "")
        for widget in widgets:
            widget.blockSignals(False)
        if refresh:
            self.refresh()

    def refresh(self, select_id: str = "") -> None:
        self._person_shown = self.person_picker.person_id()
        super().refresh(select_id)

    # -- buttons ---------------------------------------------------------------------------------------------------
    def _build_buttons(self) -> None:
        self.add_record_buttons("新增走访", self.add_visit, self.edit_current, self.delete_current)
        if not self.read_only:
            self.done_button = self.add_button("回访完成", self.mark_done_current, "Ctrl+D", "followUpDoneButton")
        self.timeline_button = self.add_button("查看该户走访", self.show_timeline, "Ctrl+T", "timelineButton")
        self.print_button = self.add_print_button("打印走访记录表", "visit")

    def current_changed(self) -> None:
        record = self.current_record()
        if not self.read_only and hasattr(self, "done_button"):
            self.done_button.setEnabled(bool(record and record["follow_up_state"] in ("待回访", "已逾期")))
        if hasattr(self, "timeline_button"):
            self.timeline_button.setEnabled(bool(record and record["household_id"]))

    def run_dialog(self, dialog: Any) -> None:
        """Like ListPage.run_dialog, but a stack entered with 保存并新建 is shown even if the last form was
        cancelled."""
        accepted = dialog.exec() == VisitDialog.DialogCode.Accepted
        if accepted or getattr(dialog, "saved_ids", None):
            self.refresh(dialog.saved_id or "")

    def add_visit(self) -> None:
        self.run_dialog(VisitDialog(self.workbook, parent=self))

    def edit_dialog(self, record: dict[str, Any]) -> VisitDialog:
        return VisitDialog(self.workbook, record["id"], parent=self)

    def describe(self, record: dict[str, Any]) -> str:
        who = "村情日志" if not record["household_id"] else f"{record['household']}户"
        return f"{record['visit_date']}对{who}的走访记录"

    def delete_record(self, record_id: str) -> None:
        self.workbook.visits.delete(record_id)

    def mark_done_current(self) -> None:
        record = self.current_record()
        if record is not None and mark_follow_up_done(self, self.workbook, record):
            self.refresh(record["id"])


    def show_timeline(self) -> None:
        record = self.current_record()
        if record is None:
            return
        if not record["household_id"]:
            QMessageBox.information(self, "查看该户走访", "村情日志不针对某一户，没有该户的走访记录。")
            return
        dialog = VisitTimelineDialog(self.workbook, record["household_id"], parent=self)
        dialog.exec()
        if dialog.changed:
            self.refresh(record["id"])
