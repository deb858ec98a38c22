"""Pick a person or a household by typing a name, pinyin initials or part of an ID number.

The matching runs in SQL (the Workbook's search), so "zxy" finds 张先云 although the popup shows Chinese; the
completer only displays what the search returned.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.workbook import Workbook

Search = Callable[[str], list[dict[str, Any]]]


class _SearchPicker(QLineEdit):
    """A line edit whose popup lists search results; choosing one sets the record id."""

    chosen = Signal(str)

    def __init__(self, search: Search, label: Callable[[dict[str, Any]], str], placeholder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search, self._label = search, label
        self._ids: dict[str, str] = {}
        self._id = ""
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self._choose)
        self.setCompleter(completer)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._run_search)
        self.textEdited.connect(self._edited)

    def record_id(self) -> str:
        """The chosen record's id, or "" when nothing was chosen (typed text alone is not a choice)."""
        return self._id

    def set_record(self, record: dict[str, Any] | None) -> None:
        self._id = record["id"] if record else ""
        self.setText(self._label(record) if record else "")

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self._timer.stop()  # a closed dialog must not query a database that may be closed too
        super().hideEvent(event)

    def _edited(self, _text: str) -> None:
        self._id = ""
        self._timer.start()

    def search_now(self) -> None:
        """Run the pending search at once (tests, and Enter before the timer fires)."""
        self._timer.stop()
        self._run_search()

    def _run_search(self) -> None:
        text = self.text().strip()
        rows = self._search(text) if text else []
        self._ids = {self._label(r): r["id"] for r in rows}
        self._model.setStringList(list(self._ids))
        if rows:
            self.completer().complete()

    def _choose(self, text: str) -> None:
        record_id = self._ids.get(text, "")
        if record_id:
            self._id = record_id
            self.setText(text)
            self.chosen.emit(record_id)

    def matches(self) -> list[str]:
        return self._model.stringList()


def person_label(row: dict[str, Any]) -> str:
    detail = "，".join(x for x in (row.get("unit"), row.get("post")) if x)
    return f"{row['name']}（{detail}）" if detail else str(row["name"])


def household_label(row: dict[str, Any]) -> str:
    number = str(row.get("head_id_number") or "")
    return f"{row['head_name']}（{row.get('village') or ''}，身份证尾号{number[-4:]}）"


class PersonPicker(_SearchPicker):
    """`search` replaces the default look-up (e.g. to rank a township's own people first)."""

    def __init__(self, workbook: Workbook, kind: str = "", township_code: str = "",
                 parent: QWidget | None = None, *, kinds: tuple[str, ...] = (), search: Search | None = None) -> None:
        self.workbook = workbook
        default: Search = lambda text: workbook.people.search(  # noqa: E731
            text, kind=kind, kinds=kinds, township_code=township_code)
        super().__init__(search or default, person_label, "输入姓名或拼音首字母，如 zxy", parent)

    def person_id(self) -> str:
        return self.record_id()

    def set_person(self, person_id: str) -> None:
        self.set_record(self.workbook.people.get(person_id) if person_id else None)


class HouseholdPicker(_SearchPicker):
    def __init__(self, workbook: Workbook, village_id: str = "", parent: QWidget | None = None) -> None:
        self.workbook = workbook
        self.village_id = village_id
        super().__init__(lambda text: workbook.households.search(text, village_id=self.village_id),
                         household_label, "户主或成员姓名、身份证号、拼音首字母", parent)

    def household_id(self) -> str:
        return self.record_id()

    def set_household(self, household_id: str) -> None:
        if not household_id:
            self.set_record(None)
            return
        rows = self.workbook.households.search(self.workbook.households.get(household_id)["head_id_number"])
        self.set_record(next((r for r in rows if r["id"] == household_id), None))


class PeoplePicker(QWidget):
    """Several people (e.g. a visit's visitors): a picker, and the chosen names in a list with 移除."""

    changed = Signal()

    def __init__(self, workbook: Workbook, kind: str = "", parent: QWidget | None = None, *,
                 kinds: tuple[str, ...] = (), search: Search | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.picker = PersonPicker(workbook, kind, parent=self, kinds=kinds, search=search)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(84)
        self.remove_button = QPushButton("移除", self)
        self.remove_button.clicked.connect(self._remove_current)
        self.picker.chosen.connect(self._add)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addLayout(row)
        self.setFocusProxy(self.picker)

    def person_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def set_people(self, person_ids: list[str]) -> None:
        self.list.clear()
        for person_id in person_ids:
            self._append(self.workbook.people.get(person_id))
        self.changed.emit()

    def _add(self, person_id: str) -> None:
        if person_id not in self.person_ids():
            self._append(self.workbook.people.get(person_id))
            self.changed.emit()
        # the completer writes the chosen text back after `chosen`; clear once it has done so
        QTimer.singleShot(0, self.picker.clear)

    def _append(self, row: dict[str, Any]) -> None:
        item = QListWidgetItem(person_label(row))
        item.setData(Qt.ItemDataRole.UserRole, row["id"])
        self.list.addItem(item)

    def _remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()
