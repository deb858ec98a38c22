"""人员: cadres, team members, first secretaries, helpers (帮扶责任人) and village cadres, filtered by township
(at the county) and kind, searched by name, pinyin initials, ID number or phone."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel

from lingqiu_desktop.core.people import PERSON_KINDS, split_kinds

from lingqiu_desktop.data.people import NO_TOWNSHIP, PersonFilter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.person_edit import PersonDialog
from lingqiu_desktop.gui.models.lazy_table import Column, yes_no
from lingqiu_desktop.gui.pages.list_page import ListPage
from lingqiu_desktop.gui.widgets import SearchBox, fill_combo


def kinds_text(value: Any) -> str:
    return "、".join(split_kinds(str(value or "")))


COLUMNS = [
    Column("name", "姓名", 80, sort_key="name"),
    Column("sex", "性别", 50, "center"),
    Column("kind", "人员类别", 150, sort_key="kind", fmt=kinds_text),
    Column("unit", "工作单位", 170, sort_key="unit"),
    Column("unit_level", "单位级别", 70, "center", sort_key="unit_level"),
    Column("post", "职务", 110),
    Column("phone", "联系电话", 115),
    Column("is_party_member", "党员", 50, "center", fmt=yes_no),
    Column("team", "所在工作队（在岗）", 170),
    Column("township", "乡镇", 80, sort_key="township"),
    Column("id_number", "身份证号", 170, sort_key="id_number"),
]
TOWNSHIP_COLUMN = 9


class PeoplePage(ListPage):
    kind = "person"
    title = "人员"
    noun = "人"

    def __init__(self, workbook: Workbook, parent: Any = None) -> None:
        super().__init__(workbook, COLUMNS, parent)
        self._build_filters()
        self.add_record_buttons("新增人员", self.add_person, self.edit_current, self.delete_current)
        self.finish_bars()
        self.table.setColumnHidden(TOWNSHIP_COLUMN, not workbook.is_county)
        self.refresh()

    def _build_filters(self) -> None:
        wb = self.workbook
        self.township_combo = QComboBox(objectName="townshipFilter")
        fill_combo(self.township_combo, [*wb.townships(), (NO_TOWNSHIP, "县直单位")], "全部乡镇")
        self.kind_combo = QComboBox(objectName="kindFilter")
        fill_combo(self.kind_combo, [(k, k) for k in PERSON_KINDS], "全部类别")
        self.search_box = SearchBox("姓名、拼音首字母（如 zxy）、身份证号或电话")
        self.search_box.setObjectName("searchBox")
        self.search_box.setMinimumWidth(360)
        if wb.is_county:
            self.filter_bar.addWidget(QLabel("乡镇"))
            self.filter_bar.addWidget(self.township_combo)
        self.filter_bar.addWidget(QLabel("人员类别"))
        self.filter_bar.addWidget(self.kind_combo)
        self.filter_bar.addWidget(self.search_box)
        self.township_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search_box.search.connect(lambda _t: self.refresh())

    def current_filter(self) -> PersonFilter:
        township = (self.township_combo.currentData() or "") if self.workbook.is_county else ""
        return PersonFilter(township_code=township, kind=self.kind_combo.currentData() or "",
                            text=self.search_box.text(), sort=self.sort_key, descending=self.sort_descending)

    def add_person(self) -> None:
        self.run_dialog(PersonDialog(self.workbook, kind=self.kind_combo.currentData() or "", parent=self))

    def edit_dialog(self, record: dict[str, Any]) -> PersonDialog:
        return PersonDialog(self.workbook, person_id=record["id"], parent=self)

    def describe(self, record: dict[str, Any]) -> str:
        return f"人员{record['name']}"

    def delete_record(self, record_id: str) -> None:
        self.workbook.people.delete(record_id)
