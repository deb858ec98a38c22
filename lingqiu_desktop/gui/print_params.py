"""The params of a printed document kind as a clerk thinks of them — a year, a month, a quarter, 公示/内部, a date
range — shared by 批量打印 and the 打印中心 page; `param_type` says which of these a kind takes.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from lingqiu_desktop.printing.registry import DocumentKind

# What each kind's params mean (the contract's table); a kind not listed falls back on its params_label.
PARAM_TYPES = {"letter": "none", "signin": "none", "training": "none", "visit": "none", "circular": "quarter",
               "sheet-village": "year", "sheet-team": "year", "sheet-township": "year", "attendance": "month",
               "households": "disclosure", "visits": "range"}
PARAM_LABELS = {"year": "年度", "month": "月份", "quarter": "季度", "disclosure": "版本", "range": "走访日期",
                "text": "参数"}
DISCLOSURE = [("public", "公示版（身份证号、电话、银行账号隐去中间位）"),
              ("internal", "内部版（显示完整号码，不得张贴）")]
FIRST_YEAR = 2014       # 精准扶贫 began; no record of this program is older
QUARTERS = ["第一季度", "第二季度", "第三季度", "第四季度"]


def param_type(kind: DocumentKind) -> str:
    if kind.kind in PARAM_TYPES:
        return PARAM_TYPES[kind.kind]
    label = kind.params_label
    for word, kind_name in (("季", "quarter"), ("月", "month"), ("年", "year"), ("公示", "disclosure"),
                            ("日期", "range")):
        if word in label:
            return kind_name
    return "text" if label else "none"


def previous_month(today: date) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def last_quarter(today: date) -> tuple[int, int]:
    """The quarter last finished: a 季度通报 is printed after its quarter closes."""
    quarter = (today.month - 1) // 3
    return (today.year - 1, 4) if quarter == 0 else (today.year, quarter)


class ParamsEditor(QWidget):
    """The params of a document kind as the clerk thinks of them: a year, a month, a quarter, 公示/内部, dates."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.type = "none"
        self.year = QComboBox(self)
        for year in range(FIRST_YEAR, today.year + 2):
            self.year.addItem(f"{year}年", year)
        self.year.setCurrentIndex(self.year.findData(today.year))
        self.month = QComboBox(self)
        self.month.addItems([f"{m}月" for m in range(1, 13)])
        self.quarter = QComboBox(self)
        self.quarter.addItems(QUARTERS)
        self.disclosure = QComboBox(self)
        for data, text in DISCLOSURE:
            self.disclosure.addItem(text, data)
        self.limit_dates = QCheckBox("只打印这段时间：", self)
        self.date_from = self._date_edit(QDate(today.year, 1, 1))
        self.date_to = self._date_edit(QDate(today.year, today.month, today.day))
        self.text = QLineEdit(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._widgets: list[QWidget] = [self.year, self.month, self.quarter, self.disclosure, self.limit_dates,
                                        self.date_from, QLabel("至", self), self.date_to, self.text]
        for widget in self._widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        for signal in (self.year.currentIndexChanged, self.month.currentIndexChanged, self.quarter.currentIndexChanged,
                       self.disclosure.currentIndexChanged, self.limit_dates.toggled, self.date_from.dateChanged,
                       self.date_to.dateChanged, self.text.textChanged):
            signal.connect(lambda *_: self.changed.emit())
        self.limit_dates.toggled.connect(self._enable_dates)
        self._enable_dates(False)
        self.set_type("none")

    def set_year(self, year: int) -> None:
        if self.year.findData(year) < 0:     # a year outside the list (old records): add it rather than ignore it
            self.year.addItem(f"{year}年", year)
        self.year.setCurrentIndex(self.year.findData(year))

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value, self)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        return edit

    def _enable_dates(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)

    def label(self) -> str:
        return PARAM_LABELS.get(self.type, "")

    def set_type(self, kind_type: str) -> None:
        """Show the inputs of this type of params, with the usual defaults (last month, last quarter)."""
        self.type = kind_type
        shown = {"year": [self.year], "month": [self.year, self.month], "quarter": [self.year, self.quarter],
                 "disclosure": [self.disclosure], "range": self._widgets[4:8], "text": [self.text]}.get(kind_type, [])
        for widget in self._widgets:
            widget.setVisible(widget in shown)
        self.blockSignals(True)
        if kind_type == "month":
            year, month = previous_month(self.today)
            self.set_year(year)
            self.month.setCurrentIndex(month - 1)
        elif kind_type == "quarter":
            year, quarter = last_quarter(self.today)
            self.set_year(year)
            self.quarter.setCurrentIndex(quarter - 1)
        elif kind_type == "year":
            self.set_year(self.today.year)
        self.blockSignals(False)
        self.changed.emit()

    def params(self) -> str:
        year = int(self.year.currentData())
        if self.type == "year":
            return str(year)
        if self.type == "month":
            return f"{year}-{self.month.currentIndex() + 1:02d}"
        if self.type == "quarter":
            return f"{year}Q{self.quarter.currentIndex() + 1}"
        if self.type == "disclosure":
            return str(self.disclosure.currentData())
        if self.type == "range":
            if not self.limit_dates.isChecked():
                return ":"
            return f"{self.date_from.date().toString('yyyy-MM-dd')}:{self.date_to.date().toString('yyyy-MM-dd')}"
        return self.text.text().strip() if self.type == "text" else ""

    def set_params(self, params: str) -> None:
        """Show given params (e.g. the page the dialog was opened from chose 2018年6月); unknown forms are ignored."""
        if match := re.fullmatch(r"(\d{4})(?:-(\d{2})|Q([1-4]))?", params):
            self.set_year(int(match[1]))
            if match[2]:
                self.month.setCurrentIndex(int(match[2]) - 1)
            if match[3]:
                self.quarter.setCurrentIndex(int(match[3]) - 1)
        elif self.disclosure.findData(params) >= 0:
            self.disclosure.setCurrentIndex(self.disclosure.findData(params))
        elif ":" in params:
            start, _sep, end = params.partition(":")
            self.limit_dates.setChecked(bool(start or end))
            for edit, text in ((self.date_from, start), (self.date_to, end)):
                if QDate.fromString(text, "yyyy-MM-dd").isValid():
                    edit.setDate(QDate.fromString(text, "yyyy-MM-dd"))
        elif self.type == "text":
            self.text.setText(params)
