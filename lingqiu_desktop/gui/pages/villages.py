"""村庄: the township's administrative villages, with poverty status, exit year and collective income; prints a
village's 责任清单 for the working year, or every village's in one batch."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

from lingqiu_desktop.core import choices

from lingqiu_desktop.data.villages import VillageFilter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.batch_print import BatchPrintDialog
from lingqiu_desktop.gui.dialogs.village_edit import VillageDialog
from lingqiu_desktop.gui.models.lazy_table import Column, money, yes_no
from lingqiu_desktop.gui.pages.list_page import ListPage
from lingqiu_desktop.gui.widgets import SearchBox, fill_combo

COLUMNS = [
    Column("code", "村级代码", 120, sort_key="code"),
    Column("name", "村名", 110, sort_key="name"),
    Column("township", "乡镇", 90, sort_key="township"),
    Column("is_poor", "贫困村", 60, "center", fmt=yes_no),
    Column("status", "退出状态", 80, "center", sort_key="status", colors={"未退出": "#c62828", "已退出": "#2e7d32"}),
    Column("planned_exit_year", "计划退出", 70, "center"),
    Column("exit_year", "退出年度", 70, "center"),
    Column("population", "人口", 70, "right", sort_key="population"),
    Column("household_count", "户数", 60, "right"),
    Column("poor_households", "建档立卡户", 80, "right"),
    Column("collective_income", "集体经济收入（元）", 130, "right", sort_key="collective_income", fmt=money),
]


class VillagesPage(ListPage):
    kind = "village"
    title = "村庄"
    noun = "个村"

    def __init__(self, workbook: Workbook, parent: Any = None) -> None:
        super().__init__(workbook, COLUMNS, parent)
        self.township_combo = QComboBox(objectName="townshipFilter")
        fill_combo(self.township_combo, workbook.townships(), "全部乡镇" if workbook.is_county else None)
        self.status_combo = QComboBox(objectName="statusFilter")
        fill_combo(self.status_combo, [(s, s) for s in choices.VILLAGE_STATUSES], "全部状态")
        self.poor_only = QCheckBox("只看贫困村", objectName="poorOnly")
        self.search_box = SearchBox("村名、代码或拼音首字母")
        self.search_box.setObjectName("searchBox")
        if workbook.is_county:
            self.filter_bar.addWidget(QLabel("乡镇"))
            self.filter_bar.addWidget(self.township_combo)
        self.filter_bar.addWidget(QLabel("状态"))
        self.filter_bar.addWidget(self.status_combo)
        self.filter_bar.addWidget(self.poor_only)
        self.filter_bar.addWidget(self.search_box)
        self.township_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.poor_only.toggled.connect(lambda _b: self.refresh())
        self.search_box.search.connect(lambda _t: self.refresh())
        self.add_record_buttons("新增村庄", self.add_village, self.edit_current, self.delete_current)
        self.print_button = self.add_print_button("打印责任清单", "sheet-village", key_field="code",
                                                 params=self.working_year)
        self.batch_button = self.add_button("批量打印…", self.print_batch, object_name="batchPrintButton")
        self.batch_button.setToolTip("把各村的责任清单一起打印，或存为一个PDF、一个文件夹")
        self.finish_bars()
        self.refresh()

    def current_filter(self) -> VillageFilter:
        return VillageFilter(township_code=self.township_combo.currentData() or "",
                             status=self.status_combo.currentData() or "", poor_only=self.poor_only.isChecked(),
                             text=self.search_box.text(), sort=self.sort_key, descending=self.sort_descending)

    def add_village(self) -> None:
        township = self.township_combo.currentData() or ("" if self.workbook.is_county else self.workbook.office_code)
        self.run_dialog(VillageDialog(self.workbook, township_code=township, parent=self))

    def edit_dialog(self, record: dict[str, Any]) -> VillageDialog:
        return VillageDialog(self.workbook, village_id=record["id"], parent=self)

    def describe(self, record: dict[str, Any]) -> str:
        return str(record["name"])

    def delete_record(self, record_id: str) -> None:
        self.workbook.villages.delete(record_id)

    # -- printing --------------------------------------------------------------------------------------------------

    def print_batch(self) -> None:
        BatchPrintDialog(self.workbook, kind="sheet-village", params=str(self.workbook.today().year),
                         parent=self).exec()
