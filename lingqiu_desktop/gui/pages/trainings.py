"""培训: the trainings list (filters, the selected training's attendees below) and, in a second tab, the totals of
sessions, person-times (人次) and hours per audience by month, quarter or year."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.trainings import (
    PERIOD_KINDS,
    format_hours,
    period_label,
    period_of,
    year_periods,
)

from lingqiu_desktop.data.trainings import TrainingFilter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.training_attendees import AttendeesDialog, attendance_text
from lingqiu_desktop.gui.dialogs.training_edit import TrainingDialog
from lingqiu_desktop.gui.models.lazy_table import Column, LazyTableModel
from lingqiu_desktop.gui.pages.list_page import ListPage
from lingqiu_desktop.gui.widgets import RecordTable, SearchBox, fill_combo

Index = QModelIndex | QPersistentModelIndex
MARK_COLORS = {"未点名": "#b26a00", "未开始": "#757575", "到场": "#2e7d32", "缺席": "#c62828"}

COLUMNS = [
    Column("dates", "培训日期", 140, sort_key="start_date"),
    Column("title", "培训名称", 330),
    Column("audience", "培训对象", 110, sort_key="audience"),
    Column("hours", "学时", 50, "right", fmt=format_hours),
    Column("listed", "名单人数", 70, "right"),
    Column("attended", "到场人数", 70, "right", colors=MARK_COLORS),
    Column("township", "乡镇", 80, sort_key="township"),
    Column("venue", "培训地点", 170),
    Column("trainer", "主讲人", 70),
    Column("organiser", "主办单位", 120),
]
TOWNSHIP_COLUMN = 6
UPCOMING_DAYS = 14  # as the dashboard's 近期培训 card

ATTENDEE_COLUMNS = [
    Column("name", "姓名", 90), Column("unit", "单位或村", 260), Column("post", "职务", 150),
    Column("phone", "联系电话", 130), Column("mark", "出勤", 70, "center", colors=MARK_COLORS),
]


class TrainingsPage(ListPage):
    kind = "training"
    title = "培训"
    noun = "期培训"

    def __init__(self, workbook: Workbook, parent: Any = None) -> None:
        super().__init__(workbook, COLUMNS, parent)
        self._build_filters()
        self.add_record_buttons("新增培训", self.add_training, self.edit_current, self.delete_current)
        text = "查看参训人员" if self.read_only else "参训人员与点名"
        self.attendees_button = self.add_button(text, self.open_attendees, "F3", "attendeesButton")
        # the sign-in sheet goes round the room at the session; the record is filed after it
        self.signin_button = self.add_print_button("打印签到表", "signin", object_name="printSigninButton")
        self.record_button = self.add_print_button("打印培训记录", "training", "Ctrl+Shift+P", "printTrainingButton")
        self.finish_bars()
        self._build_attendees()
        self._into_tabs()
        self.table.setColumnHidden(TOWNSHIP_COLUMN, not workbook.is_county)
        self.refresh()

    # -- layout ---------------------------------------------------------------------------------------------------
    def _into_tabs(self) -> None:
        """ListPage lays out title, filters, buttons and table in one column; here all but the title move into the
        first tab, so the totals get a tab of their own without their own copy of the list frame."""
        outer = self.layout()
        records = QWidget()
        column = QVBoxLayout(records)
        column.setContentsMargins(6, 8, 6, 6)
        for sub in (self.filter_bar, self.button_bar, self.body):
            outer.removeItem(sub)  # unparents the sub-layout (QBoxLayout.takeAt), so the tab's layout can take it
            column.addLayout(sub, 1 if sub is self.body else 0)
        self.totals = TotalsPanel(self.workbook)
        self.tabs = QTabWidget(objectName="trainingTabs")
        self.tabs.addTab(records, "培训记录(&J)")
        self.tabs.addTab(self.totals, "培训统计(&T)")
        self.tabs.currentChanged.connect(lambda i: self.totals.refresh() if i == 1 else None)
        outer.addWidget(self.tabs, 1)

    def _build_filters(self) -> None:
        wb = self.workbook
        self.township_combo = QComboBox(objectName="townshipFilter")
        fill_combo(self.township_combo, wb.townships(), "全部乡镇" if wb.is_county else None)
        self.township_combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("全部乡镇") + 40)
        self.township_combo.setVisible(wb.is_county)
        self.audience_combo = QComboBox(objectName="audienceFilter")
        fill_combo(self.audience_combo, [(a, a) for a in wb.settings.get("training.audiences")], "全部对象")
        self.date_from = QLineEdit(objectName="dateFrom", placeholderText="起：日期、月或年", maximumWidth=150)
        self.date_to = QLineEdit(objectName="dateTo", placeholderText="止：日期、月或年", maximumWidth=150)
        self.search_box = SearchBox("培训名称、主讲人或地点")
        self.search_box.setObjectName("searchBox")
        self.search_box.setMinimumWidth(200)
        if wb.is_county:
            self.filter_bar.addWidget(QLabel("乡镇"))
            self.filter_bar.addWidget(self.township_combo)
        for label, widget in (("培训对象", self.audience_combo), ("日期", self.date_from), ("至", self.date_to)):
            self.filter_bar.addWidget(QLabel(label))
            self.filter_bar.addWidget(widget)
        self.filter_bar.addWidget(self.search_box)
        self.township_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.audience_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.refresh)
        self.search_box.search.connect(lambda _t: self.refresh())

    def current_filter(self) -> TrainingFilter:
        return TrainingFilter(township_code=self.township_combo.currentData() or "",
                              audience=self.audience_combo.currentData() or "",
                              date_from=self.date_filter(self.date_from, False),
                              date_to=self.date_filter(self.date_to, True),
                              text=self.search_box.text(), today=self.workbook.today().isoformat(),
                              sort=self.sort_key, descending=self.sort_descending)

    # -- attendees panel ------------------------------------------------------------------------------------------
    def _build_attendees(self) -> None:
        self.attendee_model = LazyTableModel(ATTENDEE_COLUMNS, self._fetch_attendees, parent=self)
        self.attendee_table = RecordTable(self.attendee_model)
        self.attendee_table.setSortingEnabled(False)
        self.attendee_table.activatedRow.connect(lambda _r: self.open_attendees())
        box = QGroupBox("参训人员", objectName="attendeesBox")
        self.attendee_caption = QLabel(objectName="attendeeCaption")
        inner = QVBoxLayout(box)
        inner.addWidget(self.attendee_caption)
        inner.addWidget(self.attendee_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.body.removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([320, 220])
        self.body.addWidget(splitter, 1)

    def _fetch_attendees(self, after: Any, limit: int) -> list[dict[str, Any]]:
        record = self.current_record()
        if after is not None or record is None:
            return []
        can_mark = record["start_date"] <= self.workbook.today().isoformat()
        return [{**r, "mark": attendance_text(r["attended"], can_mark)}
                for r in self.workbook.trainings.attendees(record["id"])]

    def current_changed(self) -> None:
        if not hasattr(self, "attendee_model"):
            return
        record = self.current_record()
        self.attendee_model.reload()
        self.attendees_button.setEnabled(record is not None)
        if record is None:
            self.attendee_caption.setText("")
            return
        rows = [self.attendee_model.row(i) or {} for i in range(self.attendee_model.rowCount())]
        present = sum(1 for r in rows if r.get("attended") == 1)
        marked = any(r.get("attended") is not None for r in rows)
        counts = f"名单 {len(rows)} 人，到场 {present} 人" if marked else f"名单 {len(rows)} 人，{record['attended']}"
        self.attendee_caption.setText(f"{record['title']}　{counts if rows else '尚未登记参训人员'}")

    # -- actions --------------------------------------------------------------------------------------------------
    def add_training(self) -> None:
        self.run_dialog(TrainingDialog(self.workbook, audience=self.audience_combo.currentData() or "", parent=self))

    def edit_dialog(self, record: dict[str, Any]) -> TrainingDialog:
        return TrainingDialog(self.workbook, training_id=record["id"], parent=self)

    def open_attendees(self) -> None:
        record = self.current_record()
        if record is not None:
            self.run_dialog(AttendeesDialog(self.workbook, record["id"], parent=self))


    def describe(self, record: dict[str, Any]) -> str:
        return f"培训“{record['title']}”（{record['dates']}）及其参训名单"

    def delete_record(self, record_id: str) -> None:
        self.workbook.trainings.delete(record_id)

    def apply_preset(self, preset: dict[str, Any]) -> None:
        """A dashboard card's 查看全部: {"period": "upcoming"} lists trainings starting within 14 days;
        {"training_id": …} shows that one training."""
        for edit in (self.date_from, self.date_to, self.search_box):
            edit.clear()
        self.audience_combo.setCurrentIndex(0)
        self.tabs.setCurrentIndex(0)
        if preset.get("period") == "upcoming":
            today = self.workbook.today()
            self.date_from.setText(today.isoformat())
            self.date_to.setText((today + timedelta(days=UPCOMING_DAYS)).isoformat())
        self.refresh(str(preset.get("training_id") or ""))


# ------------------------------------------------------------------------------------------------ totals

TOTAL_COLUMNS = (("period", "期间", 150), ("audience", "培训对象", 150), ("sessions", "培训场次", 100),
                 ("unmarked_sessions", "其中未点名", 100), ("person_times", "培训人次", 100),
                 ("hours", "累计学时", 110))
TOTAL_TIPS = {"unmarked_sessions": "培训结束后尚未点名的场次，其参训人员暂不计入人次和学时",
              "person_times": "点名时到场的人数之和", "hours": "每场学时 × 到场人数，再相加（学时人次）"}
_MEASURES = ("sessions", "unmarked_sessions", "person_times", "hours")


def _sum(rows: list[dict[str, Any]], period: str, audience: str, kind: str) -> dict[str, Any]:
    total = {m: sum(r[m] or 0 for r in rows) for m in _MEASURES}
    return {"period": period, "audience": audience, "kind": kind, **total}


def totals_table(rows: list[dict[str, Any]], periods: list[str], audiences: list[str]) -> list[dict[str, Any]]:
    """The rows shown: each period's audiences in the settings' order (a 小计 when there are several), periods with
    no training as one line, and for months and quarters the year's total per audience at the end."""
    order = {a: i for i, a in enumerate(audiences)}
    table: list[dict[str, Any]] = []
    for period in periods:
        mine = sorted((r for r in rows if r["period"] == period), key=lambda r: (order.get(r["audience"], 99),
                                                                               r["audience"]))
        if not mine:
            table.append({"period": period_label(period), "audience": "（无培训）", "kind": "empty",
                          **dict.fromkeys(_MEASURES, 0)})
            continue
        table += [{**r, "period": period_label(period) if i == 0 else "", "kind": "row"} for i, r in enumerate(mine)]
        if len(mine) > 1:
            table.append(_sum(mine, "", "小计", "subtotal"))
    if len(periods) > 1 and rows:
        by_audience = sorted({r["audience"] for r in rows}, key=lambda a: (order.get(a, 99), a))
        for i, audience in enumerate(by_audience):
            table.append(_sum([r for r in rows if r["audience"] == audience], "全年合计" if i == 0 else "", audience,
                              "total"))
    if rows:
        table.append(_sum(rows, "" if len(periods) > 1 else period_label(periods[0]), "总计", "grand"))
    return table


class TotalsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TOTAL_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, key = self._rows[index.row()], TOTAL_COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.get(key)
            return format_hours(value) if key == "hours" else ("" if value is None else str(value))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in _MEASURES:
            return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        if role == Qt.ItemDataRole.FontRole and row["kind"] in ("subtotal", "total", "grand"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (row["kind"] == "empty" or
                                                       (key == "unmarked_sessions" and row.get(key))):
            return QBrush(QColor("#757575" if row["kind"] == "empty" else "#b26a00"))
        if role == Qt.ItemDataRole.BackgroundRole and row["kind"] in ("total", "grand"):
            return QBrush(QColor("#f3f5f8"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(TOTAL_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return TOTAL_COLUMNS[section][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return TOTAL_TIPS.get(TOTAL_COLUMNS[section][0])
        return None

    def row(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class TotalsPanel(QWidget):
    """Period kind, year and (at the county) township; the table of totals and a sentence for the report."""

    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        today = workbook.today()
        self.kind_combo = QComboBox(objectName="periodKind")
        fill_combo(self.kind_combo, list(PERIOD_KINDS.items()))
        self.kind_combo.setCurrentIndex(1)
        self.year_combo = QComboBox(objectName="yearCombo")
        fill_combo(self.year_combo, [(y, f"{y}年") for y in range(2014, today.year + 2)])
        self.year_combo.setCurrentIndex(self.year_combo.findData(today.year))
        self.township_combo = QComboBox(objectName="totalsTownship")
        fill_combo(self.township_combo, workbook.townships(), "全部乡镇" if workbook.is_county else None)
        self.township_combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("全部乡镇") + 40)
        self.model = TotalsModel(self)
        self.view = QTableView(objectName="totalsTable")
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, (_k, _t, width) in enumerate(TOTAL_COLUMNS):
            self.view.setColumnWidth(i, width)
        # as wide as its columns: numbers stay next to their labels on a wide screen
        self.view.setMaximumWidth(sum(w for _k, _t, w in TOTAL_COLUMNS) + 24)
        self.summary = QLabel(objectName="totalsSummary", wordWrap=True)
        self._lay_out()
        for signal in (self.kind_combo.currentIndexChanged, self.year_combo.currentIndexChanged,
                       self.township_combo.currentIndexChanged):
            signal.connect(lambda *_: self.refresh())

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for text, widget in (("统计方式(&F)", self.kind_combo), ("年度(&Y)", self.year_combo),
                             ("乡镇", self.township_combo)):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
            label.setVisible(widget is not self.township_combo or self.workbook.is_county)
        self.township_combo.setVisible(self.workbook.is_county)
        refresh = QPushButton("刷新", objectName="refreshTotals")
        refresh.clicked.connect(self.refresh)
        bar.addWidget(refresh)
        bar.addStretch(1)
        note = QLabel("按培训开始日期归入各期；人次只计点名时到场的人员，未点名的场次单独列出，点名后计入。",
                      objectName="totalsNote", wordWrap=True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)

    def periods(self, kind: str, year: int) -> list[str]:
        """Every period of the year, except those still to come in the working year."""
        today = self.workbook.today()
        now = period_of(today, kind)
        return [p for p in year_periods(kind, year) if year < today.year or p <= now]

    def refresh(self) -> None:
        kind, year = self.kind_combo.currentData(), int(self.year_combo.currentData())
        township = self.township_combo.currentData() or ""
        rows = self.workbook.trainings.totals(kind, year, township)
        periods = sorted(set(self.periods(kind, year)) | {r["period"] for r in rows})
        audiences = list(self.workbook.settings.get("training.audiences"))
        self.model.set_rows(totals_table(rows, periods, audiences))
        self.summary.setText(self._sentence(rows, year))

    @staticmethod
    def _sentence(rows: list[dict[str, Any]], year: int) -> str:
        if not rows:
            return f"{year}年没有培训记录。"
        total = _sum(rows, "", "", "grand")
        text = (f"{year}年共举办培训 <b>{total['sessions']}</b> 场，培训 <b>{total['person_times']}</b> 人次，"
                f"累计 <b>{format_hours(total['hours'])}</b> 学时")
        if total["unmarked_sessions"]:
            text += f"；另有 <span style='color:#b26a00'>{total['unmarked_sessions']} 场未点名</span>，点名后计入"
        return text + "。"

