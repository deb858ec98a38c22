"""参训人员与点名: the attendee list of one training, built before the session and marked after it.

Nothing is written until 保存: added, removed and ticked rows go to the Workbook in one transaction
(TrainingRepository.save_attendees), so 取消 (Esc) leaves the training as it was.
"""

from __future__ import annotations

import itertools
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.trainings import AUDIENCE_PERSON_KINDS, clean_attendee, format_hours
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.people import PERSON_KINDS
from lingqiu_desktop.data.store import NotFoundError, NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import ERROR_COLOR
from lingqiu_desktop.gui.pickers import PersonPicker

Index = QModelIndex | QPersistentModelIndex

# the row number is the vertical header: a 序号 column would change under every row when one is removed
COLUMNS = (("name", "姓名", 80), ("unit", "单位或村", 190), ("post", "职务", 110),
           ("phone", "联系电话", 120), ("attended", "出勤", 80))
ATTENDED_COLUMN = len(COLUMNS) - 1
MARK_TEXT = {1: "到场", 0: "缺席", None: "未点名"}
MARK_COLORS = {"到场": "#2e7d32", "缺席": "#c62828", "未点名": "#b26a00"}
MARK_HINT = "勾选到场人员：↑↓ 移动，空格键勾选或取消；保存时未勾选的人员按缺席计。"
_new_keys = (f"new{n}" for n in itertools.count(1))


def attendance_text(value: Any, can_mark: bool) -> str:
    return MARK_TEXT.get(value, "") if can_mark or value is not None else "未开始"


class AttendeesModel(QAbstractTableModel):
    """The list being edited: saved rows carry their id as `key`, new ones a key of their own."""

    def __init__(self, rows: list[dict[str, Any]], can_mark: bool, editable: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = [{**r, "key": r["id"]} for r in rows]
        self.can_mark = can_mark
        self.editable = editable
        self.removed: list[str] = []

    # -- Qt model interface -------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, key = self._rows[index.row()], COLUMNS[index.column()][0]
        if key == "attended":
            return self._attended_data(row["attended"], role)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row.get(key) or "")
        return None

    def _attended_data(self, value: Any, role: int) -> Any:
        text = attendance_text(value, self.can_mark)
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.CheckStateRole and self.can_mark:
            return Qt.CheckState.Checked if value == 1 else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and text in MARK_COLORS:
            return QBrush(QColor(MARK_COLORS[text]))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or index.column() != ATTENDED_COLUMN or role != Qt.ItemDataRole.CheckStateRole
                or not (self.can_mark and self.editable)):
            return False
        # the delegate sends an int, our own calls a Qt.CheckState
        self._rows[index.row()]["attended"] = int(Qt.CheckState(value) == Qt.CheckState.Checked)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.CheckStateRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ATTENDED_COLUMN and self.can_mark and self.editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section][1]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    # -- editing ------------------------------------------------------------------------------------------------
    def row(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def has_person(self, person_id: str) -> bool:
        return any(r.get("person_id") == person_id for r in self._rows)

    def append(self, values: dict[str, Any]) -> None:
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start)
        self._rows.append({"id": None, "key": next(_new_keys), "person_id": None, "attended": None, **values})
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        gone = self._rows.pop(row)
        self.endRemoveRows()
        if gone["id"]:
            self.removed.append(gone["id"])

    def toggle(self, row: int) -> None:
        current = self.row(row)
        if current is not None:
            state = Qt.CheckState.Unchecked if current["attended"] == 1 else Qt.CheckState.Checked
            self.setData(self.index(row, ATTENDED_COLUMN), state, Qt.ItemDataRole.CheckStateRole)

    def mark_all(self) -> None:
        for i in range(len(self._rows)):
            self.setData(self.index(i, ATTENDED_COLUMN), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    # -- what to save -------------------------------------------------------------------------------------------
    def added(self) -> list[dict[str, Any]]:
        fields = ("person_id", "name", "unit", "post", "phone")
        return [{"key": r["key"], **{k: r.get(k) for k in fields}} for r in self._rows if not r["id"]]

    def marks(self) -> dict[str, bool]:
        """Once anyone is marked, everyone is: an unticked attendee did not come."""
        if not any(r["attended"] is not None for r in self._rows):
            return {}
        return {r["key"]: r["attended"] == 1 for r in self._rows}

    def counts(self) -> tuple[int, int]:
        return len(self._rows), sum(1 for r in self._rows if r["attended"] == 1)


class AttendeeTable(QTableView):
    """Space ticks the current row's 出勤 whichever cell is current; Delete asks the dialog to remove the row."""

    def __init__(self, model: AttendeesModel, remove: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._remove = remove
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(28)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, (_key, _title, width) in enumerate(COLUMNS):
            self.setColumnWidth(i, width)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentIndex().row()
        model: AttendeesModel = self.model()  # type: ignore[assignment]
        if event.key() == Qt.Key.Key_Space and row >= 0:
            model.toggle(row)
            return
        if event.key() == Qt.Key.Key_Delete and row >= 0:
            self._remove()
            return
        super().keyPressEvent(event)


class AttendeesDialog(QDialog):
    """Add attendees (from the people register by name or pinyin initials, a whole kind at once, or typed in),
    remove them, and after the session tick who came. 保存 (Enter) writes it all; 取消 (Esc) writes nothing."""

    def __init__(self, workbook: Workbook, training_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.training = workbook.trainings.get(training_id)
        self.saved_id: str | None = None
        self.editable = workbook.owns(self.training)
        self.can_mark = self.training["start_date"] <= workbook.today().isoformat()
        self.model = AttendeesModel(workbook.trainings.attendees(training_id), self.can_mark, self.editable, self)
        self.table = AttendeeTable(self.model, self.remove_current)
        self.setWindowTitle(f"参训人员与点名：{self.training['title']}")
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._header())
        if self.editable:
            layout.addWidget(self._add_group())
        layout.addWidget(self.table, 1)
        layout.addLayout(self._table_bar())
        self.error_label = QLabel(objectName="errorLabel", wordWrap=True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addWidget(self._buttons())
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.dataChanged):
            signal.connect(self._show_counts)
        self._show_counts()
        self.resize(self.fontMetrics().horizontalAdvance("中") * 62, 600)
        self._first_focus()

    # -- building -------------------------------------------------------------------------------------------------
    def _header(self) -> QWidget:
        t = self.training
        dates = t["start_date"] if t["end_date"] == t["start_date"] else f"{t['start_date']}至{t['end_date']}"
        parts = (("日期", dates), ("对象", t["audience"]), ("学时", format_hours(t["hours"])), ("地点", t["venue"]))
        details = "　｜　".join(f"{name}：{escape(str(value))}" for name, value in parts if value)
        label = QLabel(f"<b>{escape(t['title'])}</b><br>{details}", objectName="trainingSummary", wordWrap=True)
        if not self.editable:
            label.setText(label.text() + "<br><span style='color:#5c4400'>本记录属于其他单位，只读</span>")
        return label

    def _add_group(self) -> QGroupBox:
        box = QGroupBox("添加参训人员")
        grid = QGridLayout(box)
        self.picker = PersonPicker(self.workbook, township_code=self._township())
        self.picker.setObjectName("personPicker")
        self.picker.chosen.connect(self.add_person)
        self._row(grid, 0, "从人员库选择(&P)：", self.picker, span=4)
        self.kind_combo = QComboBox(objectName="kindCombo")
        self.kind_combo.addItems(list(PERSON_KINDS))
        self.kind_combo.setCurrentText(AUDIENCE_PERSON_KINDS.get(self.training["audience"], PERSON_KINDS[0]))
        self._row(grid, 1, "按类别添加(&K)：", self.kind_combo)
        kind_button = QPushButton("添加该类全部人员(&L)", objectName="addKindButton", autoDefault=False)
        kind_button.clicked.connect(self.add_kind)
        grid.addWidget(kind_button, 1, 2)
        self.typed = {key: QLineEdit(objectName=f"typed_{key}", placeholderText=text)
                      for key, text in (("name", "姓名（必填）"), ("unit", "单位或村"), ("post", "职务"),
                                        ("phone", "联系电话"))}
        self._row(grid, 2, "手工录入(&M)：", self.typed["name"])
        for column, key in enumerate(("unit", "post", "phone"), start=2):
            grid.addWidget(self.typed[key], 2, column)
        add_button = QPushButton("添加(&D)", objectName="addTypedButton", autoDefault=False)
        add_button.clicked.connect(self.add_typed)
        grid.addWidget(add_button, 2, 5)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        return box

    @staticmethod
    def _row(grid: QGridLayout, row: int, text: str, widget: QWidget, span: int = 1) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(widget, row, 1, 1, span)

    def _table_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        if self.editable:
            for text, slot, name, enabled in (("移除(&R)", self.remove_current, "removeButton", True),
                                              ("全部到场(&Q)", self.model.mark_all, "allPresentButton",
                                               self.can_mark)):
                button = QPushButton(text, objectName=name, autoDefault=False, enabled=enabled)
                button.clicked.connect(slot)
                bar.addWidget(button)
        start = self.training["start_date"]
        hint = MARK_HINT if self.can_mark else f"培训{start}开始，开始后才能点名；现在可以先登记参训名单。"
        bar.addWidget(QLabel(hint if self.editable else "", objectName="markHint", wordWrap=True), 1)
        self.count_label = QLabel(objectName="countLabel")
        bar.addWidget(self.count_label)
        return bar

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(objectName="buttonBox")
        if self.editable:
            save = box.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole)
            save.setToolTip("保存名单和点名结果并关闭（回车）")
            save.setDefault(True)
            box.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole).setToolTip("不保存，关闭（Esc）")
        else:
            box.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole).setDefault(True)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        return box

    def _first_focus(self) -> None:
        if self.can_mark and self.model.rowCount() > 0 or not self.editable:
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self.picker.setFocus()

    def _township(self) -> str:
        """Whose people to offer: the training's township, or everyone for a county training."""
        code = self.training.get("township_code") or ""
        return "" if self.workbook.is_county and code == self.workbook.office_code else code

    # -- adding and removing --------------------------------------------------------------------------------------
    def add_person(self, person_id: str) -> None:
        person = self.workbook.people.get(person_id)
        if self.model.has_person(person_id):
            self.show_error(f"{person['name']}已在参训名单中")
        else:
            self._append({k: person[k] for k in ("name", "unit", "post", "phone")} | {"person_id": person_id})
        # later: the line edit's own completer connection sets the chosen text after this slot has run
        QTimer.singleShot(0, self.picker.clear)

    def add_kind(self) -> None:
        kind = self.kind_combo.currentText()
        people = self.workbook.people.search("", kind=kind, township_code=self._township(), limit=5000)
        fresh = [p for p in people if not self.model.has_person(p["id"])]
        for person in fresh:
            self._append({k: person[k] for k in ("name", "unit", "post", "phone")} | {"person_id": person["id"]})
        skipped = len(people) - len(fresh)
        note = f"，{skipped}人已在名单中" if skipped else ""
        self.show_error(f"添加了{len(fresh)}名{kind}{note}" if people else f"人员库中没有{kind}", is_error=False)

    def add_typed(self) -> None:
        try:
            values = clean_attendee({key: edit.text() for key, edit in self.typed.items()})
        except ValidationError as exc:
            self.show_error(str(exc))
            self.typed["name"].setFocus()
            return
        self._append(values)
        for edit in self.typed.values():
            edit.clear()
        self.typed["name"].setFocus()

    def _append(self, values: dict[str, Any]) -> None:
        self.model.append(values)
        self.table.scrollToBottom()
        self.show_error("")

    def remove_current(self) -> None:
        row = self.table.currentIndex().row()
        if self.editable and row >= 0:
            self.model.remove(row)
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    # -- keyboard -------------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in an add field with something typed in adds it (it must not save the dialog half-typed);
        in empty add fields, as anywhere else, Enter saves."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.editable:
            focus = self.focusWidget()
            if focus is self.picker and self.picker.text().strip():
                self._pick_single_match()
                return
            if focus in self.typed.values() and any(e.text().strip() for e in self.typed.values()):
                self.add_typed()
                return
        super().keyPressEvent(event)

    def _pick_single_match(self) -> None:
        """Enter before the popup shows: search now, and take the only match if there is exactly one."""
        self.picker.search_now()
        matches = self.picker.matches()
        if len(matches) == 1:
            self.picker.completer().popup().hide()
            self.picker.completer().activated.emit(matches[0])

    # -- saving ---------------------------------------------------------------------------------------------------
    def save(self) -> None:
        try:
            self.workbook.trainings.save_attendees(
                self.training["id"], added=self.model.added(), removed=self.model.removed,
                marks=self.model.marks(), today=self.workbook.today())
        except ValidationError as exc:
            self.show_error(str(exc))
        except (NotOwnedError, NotFoundError) as exc:
            self.show_error(str(exc))
        else:
            self.saved_id = self.training["id"]
            self.accept()

    def show_error(self, text: str, is_error: bool = True) -> None:
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR if is_error else '#2e7d32'};")
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _show_counts(self, *_args: Any) -> None:
        listed, present = self.model.counts()
        marked = self.can_mark and bool(self.model.marks())
        self.count_label.setText(f"名单 {listed} 人，到场 {present} 人" if marked else f"名单 {listed} 人")
