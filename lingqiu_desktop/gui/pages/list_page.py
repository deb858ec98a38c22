"""The frame every record list shares: a title, a filter bar, action buttons, a lazily loaded table, a count."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.trainings import period_range
from lingqiu_desktop.core.validation import ValidationError, parse_date, parse_month, parse_year

from lingqiu_desktop.data.listing import PageKey
from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.models.lazy_table import Column, LazyTableModel
from lingqiu_desktop.gui.widgets import RecordTable, SearchBox, fill_combo


def date_bound(text: str, last: bool) -> str:
    """A date, a month (2018-06) or a year (2018) typed into a date filter: its first or last day."""
    text = text.strip()
    if not text:
        return ""
    try:
        return parse_date(text, "日期").isoformat()
    except ValidationError:
        pass
    try:
        period = parse_month(text)
    except ValidationError:
        period = str(parse_year(text))
    first, end = period_range(period)
    return (end if last else first).isoformat()


class ListPage(QWidget):
    """Subclasses give `kind` (a Workbook list), columns, the filter bar widgets and the add/edit/delete actions."""

    kind = ""
    title = ""
    noun = "条"

    def __init__(self, workbook: Workbook, columns: list[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.model = LazyTableModel(columns, self._fetch, parent=self)
        self.model.sortRequested.connect(self._on_sort)
        self.table = RecordTable(self.model)
        self.table.activatedRow.connect(lambda _row: self.edit_current())
        self.row_buttons: list[QPushButton] = []      # enabled only while a row is selected
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.filter_bar = QHBoxLayout()
        self.button_bar = QHBoxLayout()
        layout = QVBoxLayout(self)
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        layout.addLayout(self.filter_bar)
        layout.addLayout(self.button_bar)
        self.body = QVBoxLayout()
        self.body.addWidget(self.table, 1)
        layout.addLayout(self.body, 1)

    # -- actions --------------------------------------------------------------------------------------------------
    def add_button(self, text: str, slot: Any, shortcut: str | QKeySequence.StandardKey | None = None,
                   object_name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.clicked.connect(slot)
        if shortcut is not None:
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.addAction(action)
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{text}（{keys}）")
        self.button_bar.addWidget(button)
        return button

    def add_record_buttons(self, add_text: str, add: Any, edit: Any, delete: Any) -> None:
        """新增 / 编辑 / 删除 for the office's own records; at the county the township registers are read-only
        (their rows belong to the townships), so only 查看 is offered."""
        if self.read_only:
            self.add_button("查看", edit, "F2", "editButton")
            return
        self.add_button(add_text, add, QKeySequence.StandardKey.New, "addButton")
        self.add_button("编辑", edit, "F2", "editButton")
        self.add_button("删除", delete, QKeySequence.StandardKey.Delete, "deleteButton")

    @property
    def read_only(self) -> bool:
        return self.workbook.is_county

    def add_place_filters(self, statuses: tuple[str, ...], search_hint: str, search_width: int = 280) -> None:
        """The filter bar most registers share: 乡镇 (at the county), 行政村, 状态 and a search box."""
        wb = self.workbook
        self.township_combo = QComboBox(objectName="townshipFilter")
        fill_combo(self.township_combo, wb.townships(), "全部乡镇" if wb.is_county else None)
        self.village_combo = QComboBox(objectName="villageFilter", minimumContentsLength=8)
        self.status_combo = QComboBox(objectName="statusFilter")
        fill_combo(self.status_combo, [(s, s) for s in statuses], "全部状态")
        self.search_box = SearchBox(search_hint)
        self.search_box.setObjectName("searchBox")
        self.search_box.setMinimumWidth(search_width)
        self._fill_villages()
        if wb.is_county:
            self.filter_bar.addWidget(QLabel("乡镇"))
            self.filter_bar.addWidget(self.township_combo)
        for label, widget in (("行政村", self.village_combo), ("状态", self.status_combo)):
            self.filter_bar.addWidget(QLabel(label))
            self.filter_bar.addWidget(widget)
        self.filter_bar.addWidget(self.search_box)
        self.township_combo.currentIndexChanged.connect(self._township_changed)
        self.village_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search_box.search.connect(lambda _t: self.refresh())

    def _fill_villages(self) -> None:
        township = self.township_combo.currentData() or ""
        items = [(vid, name) for vid, name, _t in self.workbook.villages.choices(township)]
        fill_combo(self.village_combo, items, "全部村")

    def _township_changed(self) -> None:
        self._fill_villages()
        self.refresh()

    def place_values(self) -> dict[str, Any]:
        """The shared filter bar's values, as keyword arguments of the list's Filter dataclass."""
        return {"township_code": self.township_combo.currentData() or "",
                "village_id": self.village_combo.currentData() or "",
                "status": self.status_combo.currentData() or "", "text": self.search_box.text(),
                "sort": self.sort_key, "descending": self.sort_descending}

    def date_filter(self, edit: QLineEdit, last: bool) -> str:
        """A date filter box's value as a date bound ("" when empty); a bad entry is marked and ignored."""
        try:
            value = date_bound(edit.text(), last)
        except ValidationError:
            edit.setToolTip("请输入日期（2018-06-05）、月份（2018-06）或年份（2018）")
            edit.setStyleSheet("border: 1px solid #d93025; background: #fff4f3;")
            return ""
        edit.setToolTip("")
        edit.setStyleSheet("")
        return value

    def finish_bars(self) -> None:
        self.filter_bar.addStretch(1)
        self.button_bar.addStretch(1)
        self.button_bar.addWidget(self.count_label)

    # -- data ----------------------------------------------------------------------------------------------------
    def current_filter(self) -> Any:
        raise NotImplementedError

    def _fetch(self, after: PageKey | None, limit: int) -> list[dict[str, Any]]:
        return self.workbook.list_page(self.kind, self.current_filter(), after, limit)

    def _on_sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.sort_descending = key, descending
        self.refresh()

    sort_key = ""
    sort_descending = False

    def refresh(self, select_id: str = "") -> None:
        self.model.reload()
        total = self.workbook.list_count(self.kind, self.current_filter())
        self.count_label.setText(f"共 {total:,} {self.noun}")
        row = self.model.row_of(select_id) if select_id else 0
        if row >= 0 and self.model.rowCount() > 0:
            self.table.selectRow(row)
        self._selection_changed()

    def _selection_changed(self) -> None:
        selected = self.current_record() is not None
        for button in self.row_buttons:
            button.setEnabled(selected)
        self.current_changed()

    def current_changed(self) -> None:
        """Hook for pages with a detail panel."""

    # -- printing ----------------------------------------------------------------------------------------------------
    def add_print_button(self, text: str, kind: str, shortcut: str | None = "Ctrl+P", object_name: str = "printButton",
                         key_field: str = "id", params: Callable[[], str] | None = None) -> QPushButton:
        """A button that previews document `kind` of the selected row (key = that row's `key_field`)."""
        button = self.add_button(text, lambda: self.print_selected(kind, key_field, params), shortcut, object_name)
        button.setEnabled(False)
        self.row_buttons.append(button)
        return button

    def print_selected(self, kind: str, key_field: str = "id", params: Callable[[], str] | None = None) -> None:
        from lingqiu_desktop.gui.printing import preview_document  # QtPdf loads on the first print, not at start-up

        record = self.current_record()
        if record is not None:
            preview_document(self, self.workbook, kind, record[key_field], params() if params else "")

    def working_year(self) -> str:
        return str(self.workbook.today().year)

    def current_record(self) -> dict[str, Any] | None:
        return self.model.row(self.table.current_row())

    def run_dialog(self, dialog: Any) -> None:
        """Open a record dialog; after a save, reload and select the saved record."""
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(dialog.saved_id)

    def edit_dialog(self, record: dict[str, Any]) -> Any:
        raise NotImplementedError

    def edit_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.run_dialog(self.edit_dialog(record))

    def describe(self, record: dict[str, Any]) -> str:
        """How the delete confirmation names a record."""
        raise NotImplementedError

    def delete_record(self, record_id: str) -> None:
        raise NotImplementedError

    def delete_current(self) -> None:
        record = self.current_record()
        if record and self.confirm_delete(self.describe(record), lambda: self.delete_record(record["id"])):
            self.refresh()

    def confirm_delete(self, what: str, action: Any) -> bool:
        answer = QMessageBox.question(self, "确认删除", f"确定要删除{what}吗？删除后不能恢复。",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            action()
        except (ValidationError, NotOwnedError) as exc:
            QMessageBox.warning(self, "不能删除", str(exc))
            return False
        return True
