"""责任书: the 目标责任书 and 军令状 this office issued or received, filtered by year, level, kind and status and
searched by receiver or title; 新建 starts from a template (parties, signers, clauses and indicators filled in) and
the letter editor does the rest. At the county the letters go to the townships; a township signs with its villages
and sees the county's letters to it read-only."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.letters import EARLIEST_YEAR, KINDS, LATEST_YEAR, LEVELS, STATUSES, templates_for
from lingqiu_desktop.core.validation import ValidationError, parse_year

from lingqiu_desktop.data.letters import LetterFilter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import make_searchable
from lingqiu_desktop.gui.letter_editor import STATUS_COLORS, LetterEditor
from lingqiu_desktop.gui.models.lazy_table import Column
from lingqiu_desktop.gui.pages.list_page import ListPage
from lingqiu_desktop.gui.widgets import SearchBox, fill_combo

COLUMNS = [
    Column("year", "年度", 56, "center", sort_key="year"),
    Column("level", "层级", 60, "center"),
    Column("kind", "类型", 90, sort_key="kind"),
    Column("title", "标题", 220),
    Column("issuer_name", "甲方", 80),
    Column("receiver_name", "乙方", 100, sort_key="receiver"),
    Column("receiver_signers", "乙方签字人", 120),
    Column("status", "状态", 66, "center", sort_key="status", colors=STATUS_COLORS),
    Column("signed_on", "签订日期", 96, sort_key="signed_on"),
    Column("deadline", "截止日期", 96),
    Column("indicators", "指标数", 56, "right"),
    Column("has_scan", "扫描件", 56, "center", fmt=lambda v: "有" if v else "无", colors={"无": "#b26a00"}),
]


class NewLetterDialog(QDialog):
    """新建责任书: a template, a year and a receiver; the letter editor opens with everything filled in."""

    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.repo = workbook.letters
        self.values: dict[str, Any] = {}
        self.indicators: list[dict[str, Any]] = []
        self.setWindowTitle("新建责任书")
        self.template = QComboBox(objectName="template")
        fill_combo(self.template, [(t.key, t.label) for t in templates_for(self.repo.level)])
        self.year = QLineEdit(str(workbook.today().year), objectName="year", maxLength=6)
        self.receiver = QComboBox(objectName="receiver")
        fill_combo(self.receiver, self.repo.receivers())
        make_searchable(self.receiver)
        self.info = QLabel(objectName="info", wordWrap=True)
        self.info.setStyleSheet("color: #555555;")
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.setStyleSheet("color: #d93025;")
        self.error.hide()
        self._lay_out()
        for signal in (self.template.currentIndexChanged, self.receiver.currentIndexChanged, self.year.textChanged):
            signal.connect(self._show_info)
        self._show_info()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 36)

    def _lay_out(self) -> None:
        form = QFormLayout()
        receiver_label = "乡镇" if self.repo.level == "县对乡" else "行政村"
        for text, widget in (("模板(&M)：", self.template), ("年度(&Y)：", self.year),
                             (f"乙方{receiver_label}(&R)：", self.receiver)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("下一步")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def receiver_code(self) -> str:
        index = self.receiver.findText(self.receiver.currentText().strip())
        return str(self.receiver.itemData(index)) if index >= 0 else ""

    def _show_info(self) -> None:
        """Which letters the receiver already has that year (a second 军令状 is usually a slip)."""
        code, year = self.receiver_code(), self.year.text().strip()
        if not code or not year.isdigit():
            self.info.setText("")
            return
        held = self.repo.held(code, int(year))
        self.info.setText(f"{self.receiver.currentText()}{year}年已有：{'、'.join(held)}" if held else
                          "将按模板填好双方单位、签字人、条款和指标，可在下一步修改。")

    def accept(self) -> None:
        if not self.receivers_exist():
            return
        try:
            year = parse_year(self.year.text(), "年度", EARLIEST_YEAR, LATEST_YEAR)
            self.values, self.indicators = self.repo.from_template(
                self.template.currentData(), year, self.receiver_code(), today=self.workbook.today())
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()

    def receivers_exist(self) -> bool:
        if self.receiver.count():
            return True
        self.error.setText("本乡镇还没有行政村，请先在“村庄”中添加。")
        self.error.show()
        return False


class LettersPage(ListPage):
    kind = "letter"
    title = "目标责任书与军令状"
    noun = "份"

    def __init__(self, workbook: Workbook, parent: Any = None) -> None:
        super().__init__(workbook, COLUMNS, parent)
        self._build_filters()
        self.add_button("新建责任书", self.add_letter, "Ctrl+N", "addButton")
        self.add_button("打开", self.edit_current, "F2", "editButton")
        self.add_button("删除", self.delete_current, "Del", "deleteButton")
        self.print_button = self.add_print_button("打印预览", "letter")
        self.finish_bars()
        hint = QLabel("回车或双击打开；本单位签发的可以修改，其他单位签发的只能查看。", objectName="hintLabel")
        hint.setStyleSheet("color: #555555;")
        self.body.addWidget(hint)
        self.refresh()

    @property
    def read_only(self) -> bool:
        """Both the county and a township issue letters; each row says whether it is this office's."""
        return False

    def _build_filters(self) -> None:
        wb = self.workbook
        self.year_combo = QComboBox(objectName="yearFilter")
        years = range(min(LATEST_YEAR, wb.today().year + 1), EARLIEST_YEAR - 1, -1)
        fill_combo(self.year_combo, [(y, f"{y}年") for y in years], "全部年度")
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(wb.today().year)))
        self.level_combo = QComboBox(objectName="levelFilter")
        fill_combo(self.level_combo, [(v, v) for v in LEVELS], "全部层级")
        self.kind_combo = QComboBox(objectName="kindFilter")
        fill_combo(self.kind_combo, [(v, v) for v in KINDS], "全部类型")
        self.status_combo = QComboBox(objectName="statusFilter")
        fill_combo(self.status_combo, [(v, v) for v in STATUSES], "全部状态")
        self.township_combo = QComboBox(objectName="townshipFilter")
        fill_combo(self.township_combo, wb.townships(), "全部乡镇")
        self.search_box = SearchBox("乙方、拼音首字母、签字人或标题")
        self.search_box.setObjectName("searchBox")
        self.search_box.setMinimumWidth(250)
        filters = [("年度", self.year_combo), ("层级", self.level_combo), ("类型", self.kind_combo),
                   ("状态", self.status_combo)]
        if wb.is_county:
            filters.append(("乡镇", self.township_combo))
        for label, combo in filters:
            self.filter_bar.addWidget(QLabel(label))
            self.filter_bar.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter_bar.addWidget(self.search_box)
        self.search_box.search.connect(lambda _t: self.refresh())

    def current_filter(self) -> LetterFilter:
        township = self.township_combo.currentData() if self.workbook.is_county else self.workbook.office_code
        return LetterFilter(year=self.year_combo.currentData() or None, level=self.level_combo.currentData() or "",
                            kind=self.kind_combo.currentData() or "", status=self.status_combo.currentData() or "",
                            text=self.search_box.text(), township_code=township or "", sort=self.sort_key,
                            descending=self.sort_descending if self.sort_key else True)

    # -- actions --------------------------------------------------------------------------------------------------
    def add_letter(self) -> None:
        chooser = NewLetterDialog(self.workbook, self)
        if chooser.exec() == QDialog.DialogCode.Accepted:
            self.run_editor(self.new_editor(chooser))

    def new_editor(self, chooser: NewLetterDialog) -> LetterEditor:
        return LetterEditor(self.workbook, values=chooser.values, indicators=chooser.indicators, parent=self)

    def edit_dialog(self, record: dict[str, Any]) -> LetterEditor:
        return LetterEditor(self.workbook, record["id"], parent=self)

    def edit_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.run_editor(self.edit_dialog(record))

    def run_editor(self, editor: LetterEditor) -> None:
        """A status button saves without closing, so the list reloads after 取消 too when something was saved."""
        accepted = editor.exec() == QDialog.DialogCode.Accepted
        if accepted or editor.changed:
            self.refresh(editor.letter_id or "")

    def describe(self, record: dict[str, Any]) -> str:
        return f"{record['receiver_name']}的{record['year']}年{record['kind']}（{record['title']}）及其全部指标"

    def delete_current(self) -> None:
        record = self.current_record()
        if record is not None and not self.workbook.owns(record):
            QMessageBox.information(self, "不能删除",
                                    f"这份{record['kind']}由{record['issuer_name']}签发，本单位只能查看。")
            return
        super().delete_current()

    def delete_record(self, record_id: str) -> None:
        self.workbook.letters.delete(record_id)

