"""数据交换: moving data between the townships and the county on USB sticks (DESIGN.md "Moving data on USB").

Four tabs, each a panel of its own module: 单位名片 (gui/exchange_cards.py), 导出数据包 (exchange_export.py), 导入数据包
(exchange_import.py) and 报送情况 (exchange_status.py: the county's view of its 12 townships, or a township's own
exports with their receipts). Exports and imports run in worker threads (exchange_worker.py).
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.exchange_cards import CardsPanel
from lingqiu_desktop.gui.exchange_export import ExportPanel
from lingqiu_desktop.gui.exchange_import import ImportPanel
from lingqiu_desktop.gui.exchange_status import StatusPanel


class ExchangePage(QWidget):
    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        title = QLabel("数据交换", self)
        title.setObjectName("pageTitle")
        self.cards = CardsPanel(workbook, self)
        self.export = ExportPanel(workbook, self)
        self.imports = ImportPanel(workbook, self)
        self.status = StatusPanel(workbook, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.status, "各乡镇报送情况" if workbook.is_county else "报送记录")
        self.tabs.addTab(self.export, "导出数据包")
        self.tabs.addTab(self.imports, "导入数据包")
        self.tabs.addTab(self.cards, "单位名片")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_changed)

    def _tab_changed(self, _index: int) -> None:
        """What another tab changed (a card pinned, a package imported) shows when the clerk comes back."""
        current = self.tabs.currentWidget()
        if current is self.status:
            self.status.refresh()
        elif current is self.export:
            self.export.refresh_recipients()
            self.export.refresh_drives()
        elif current is self.imports and not self.imports.runner.busy():
            self.imports.rescan()
        elif current is self.cards:
            self.cards.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._tab_changed(self.tabs.currentIndex())

    def shutdown(self) -> None:
        """Wait for a running export or import (a thread must not be destroyed while it runs)."""
        self.export.runner.wait()
        self.imports.runner.wait()
