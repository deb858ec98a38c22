"""Choosing the record a printed document is about, for the 打印中心 page: a village, team or township in a combo
one can type into; a letter or training searched; a poor household and then one of its visits.

They stay fast at county scale: villages, teams and townships fit in a combo (255, 182, 12); letters, trainings and
visits are searched (50 results at a time), never loaded whole.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.offices import COUNTY_CODE

from lingqiu_desktop.data.letters import LetterFilter
from lingqiu_desktop.data.teams import TeamFilter
from lingqiu_desktop.data.trainings import TrainingFilter
from lingqiu_desktop.data.villages import VillageFilter
from lingqiu_desktop.data.visits import VisitFilter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.pickers import HouseholdPicker
from lingqiu_desktop.gui.widgets import SearchBox, fill_combo

SEARCH_LIMIT = 50


class KeyChooser(QWidget):
    """Chooses the key of one document kind; `changed` when the choice changes."""

    changed = Signal()
    what = "记录"           # said in 请先选择…

    def key(self) -> str:
        raise NotImplementedError


class ComboChooser(KeyChooser):
    """A short list (townships, villages, teams) in a combo one can type into; optionally narrowed by 乡镇."""

    def __init__(self, workbook: Workbook, what: str, items: Callable[[str], list[tuple[str, str]]],
                 by_township: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook, self.what, self._items = workbook, what, items
        self.township = QComboBox(self)
        fill_combo(self.township, workbook.townships(), "全部乡镇" if workbook.is_county else None)
        self.township.setVisible(by_township and workbook.is_county)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setMinimumWidth(360)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.township)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.setFocusProxy(self.combo)
        self.township.currentIndexChanged.connect(self.reload)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.reload()

    def reload(self) -> None:
        fill_combo(self.combo, self._items(self.township.currentData() or ""))
        self.changed.emit()

    def key(self) -> str:
        # typed text that matches no entry is not a choice
        index = self.combo.findText(self.combo.currentText(), Qt.MatchFlag.MatchExactly)
        return str(self.combo.itemData(index) or "") if index >= 0 else ""

    def set_key(self, key: str) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(key), 0))


class SearchChooser(KeyChooser):
    """Search, then pick from at most SEARCH_LIMIT results (letters, trainings): never the whole table."""

    def __init__(self, what: str, placeholder: str, search: Callable[[str], list[tuple[str, str]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what, self._search = what, search
        self.search_box = SearchBox(placeholder, self)
        self.results = QListWidget(self)
        self.results.setMinimumHeight(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.results, 1)
        self.setFocusProxy(self.search_box)
        self.search_box.search.connect(self.run_search)
        self.results.currentRowChanged.connect(lambda _row: self.changed.emit())
        self.run_search("")

    def run_search(self, text: str) -> None:
        self.results.clear()
        for key, label in self._search(text):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self.changed.emit()

    def key(self) -> str:
        item = self.results.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""


class HouseholdChooser(KeyChooser):
    """A poor household by its head's name, pinyin initials or ID number; for 走访记录表 then one of its visits
    (or a visit's number typed straight in)."""

    def __init__(self, workbook: Workbook, with_visits: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook, self.with_visits = workbook, with_visits
        self.what = "走访记录" if with_visits else "贫困户"
        self.picker = HouseholdPicker(workbook, parent=self)
        self.visits = QListWidget(self)
        self.visits.setMinimumHeight(120)
        self.visit_id = QLineEdit(self)
        self.visit_id.setPlaceholderText("或直接输入走访记录编号")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addWidget(self.visits, 1)
        layout.addWidget(self.visit_id)
        self.visits.setVisible(with_visits)
        self.visit_id.setVisible(with_visits)
        self.setFocusProxy(self.picker)
        self.picker.chosen.connect(self._chosen)
        self.picker.textEdited.connect(lambda _t: self._chosen(""))
        self.visits.currentRowChanged.connect(lambda _row: self.changed.emit())
        self.visit_id.textChanged.connect(lambda _t: self.changed.emit())
        self._chosen("")

    def _chosen(self, household_id: str) -> None:
        self.visits.clear()
        rows = (self.workbook.list_page("visit", VisitFilter(household_id=household_id), None, 200)
                if self.with_visits and household_id else [])
        for row in rows:
            item = QListWidgetItem(f"{row['visit_date']}　{row['kind'] or ''}　走访人：{row['visitors'] or ''}")
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            self.visits.addItem(item)
        if self.with_visits and not rows:
            self.visits.addItem("（该户还没有走访记录）" if household_id else
                                "（先在上面输入户主姓名、拼音首字母或身份证号并选中该户，这里列出该户的走访记录）")
        self.visits.setCurrentRow(0)
        self.changed.emit()

    def key(self) -> str:
        if not self.with_visits:
            return self.picker.household_id()
        if self.visit_id.text().strip():
            return self.visit_id.text().strip()
        item = self.visits.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole) or "") if item else ""


def _villages(workbook: Workbook) -> Callable[[str], list[tuple[str, str]]]:
    def items(township: str) -> list[tuple[str, str]]:
        rows = workbook.list_page("village", VillageFilter(township_code=township), None, 1000)
        return [(r["code"], f"{r['name']}（{r['township']}）") for r in rows]
    return items


def _teams(workbook: Workbook) -> Callable[[str], list[tuple[str, str]]]:
    def items(township: str) -> list[tuple[str, str]]:
        rows = workbook.list_page("team", TeamFilter(township_code=township), None, 1000)
        return [(r["id"], f"{r['name']}（{r['village'] or r['township']}，{r['status']}）") for r in rows]
    return items


def _offices(workbook: Workbook) -> Callable[[str], list[tuple[str, str]]]:
    def items(_township: str) -> list[tuple[str, str]]:
        own = [(COUNTY_CODE, "灵丘县（全县各乡镇排名）")] if workbook.is_county else []
        return own + [(code, f"{name}（各村排名）") for code, name in workbook.townships()]
    return items


def _letters(workbook: Workbook) -> Callable[[str], list[tuple[str, str]]]:
    def search(text: str) -> list[tuple[str, str]]:
        rows = workbook.list_page("letter", LetterFilter(text=text), None, SEARCH_LIMIT)
        return [(r["id"], f"{r['title'] if str(r['year']) in r['title'] else str(r['year']) + '年' + r['title']}"
                          f"　— {r['receiver_name']}（{r['status']}）") for r in rows]
    return search


def _trainings(workbook: Workbook) -> Callable[[str], list[tuple[str, str]]]:
    township = "" if workbook.is_county else workbook.office_code

    def search(text: str) -> list[tuple[str, str]]:
        rows = workbook.list_page("training", TrainingFilter(text=text, township_code=township), None, SEARCH_LIMIT)
        return [(r["id"], f"{r['dates']}　{r['title']}（{r['township'] or ''}，{r['listed']}人）") for r in rows]
    return search


def make_chooser(workbook: Workbook, kind: str, parent: QWidget) -> KeyChooser | None:
    """The key picker of a document kind; None for a kind this page does not know (it cannot be chosen here)."""
    if kind in ("sheet-village", "households"):
        return ComboChooser(workbook, "村", _villages(workbook), True, parent)
    if kind in ("sheet-team", "attendance"):
        return ComboChooser(workbook, "驻村工作队", _teams(workbook), True, parent)
    if kind == "sheet-township":
        return ComboChooser(workbook, "乡镇", lambda _t: workbook.townships(), False, parent)
    if kind == "circular":
        return ComboChooser(workbook, "通报范围", _offices(workbook), False, parent)
    if kind == "letter":
        return SearchChooser("目标责任书", "输入接收方名称、拼音首字母或标题，如 dhn", _letters(workbook), parent)
    if kind in ("signin", "training"):
        return SearchChooser("培训", "输入培训名称或地点", _trainings(workbook), parent)
    if kind in ("visit", "visits"):
        return HouseholdChooser(workbook, kind == "visit", parent)
    if kind == "handover":
        from lingqiu_desktop.printing import handover

        return ComboChooser(workbook, "导出记录", lambda _t: handover.choices(workbook), False, parent)
    return None


CHOOSER_LABELS = {"sheet-village": "村", "households": "村", "sheet-team": "驻村工作队", "attendance": "驻村工作队",
                  "sheet-township": "乡镇", "circular": "通报范围", "letter": "目标责任书", "signin": "培训",
                  "training": "培训", "visit": "贫困户与走访", "visits": "贫困户", "handover": "导出记录"}
