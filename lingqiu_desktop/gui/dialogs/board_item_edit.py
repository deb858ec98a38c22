"""The weekly board's dialogs: 新增/修改小黑板事项 (ui/dialogs/board_item_edit.ui), one line of a work group's card,
and 工作组设置, the office's list of work groups (built in code: a list and two fields)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.board import GROUP_NAME_MAX, PLAN, SECTIONS, STATUSES, week_label, week_start
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.base import STYLE_SHEET, RecordDialog, fill_combo
from lingqiu_desktop.gui.forms.dialogs.ui_board_item_edit import Ui_BoardItemDialog

WEEK_HINT = "填这一周的任意一天，自动归到当周周一"


class BoardItemDialog(RecordDialog):
    INPUTS: ClassVar[tuple[str, ...]] = ("group_id", "week_start", "section", "content", "responsible", "status")
    FIELD_WIDGETS: ClassVar[dict[str, str]] = {
        "工作组": "group_id", "周次": "week_start", "类别": "section", "事项内容": "content",
        "责任人": "responsible", "进展状态": "status",
    }

    def __init__(self, workbook: Workbook, item_id: str | None = None, *, group_id: str = "", week: str = "",
                 section: str = PLAN, parent: QWidget | None = None) -> None:
        super().__init__(workbook, parent)
        self.ui = Ui_BoardItemDialog()
        self.ui.setupUi(self)
        self.item_id = item_id
        self.board = workbook.board
        fill_combo(self.ui.group_id, [(g["id"], g["name"]) for g in self.board.groups()])
        fill_combo(self.ui.section, list(SECTIONS))
        fill_combo(self.ui.status, list(STATUSES))
        self.setup_form()
        self.ui.week_start.setMinimumWidth(self.fontMetrics().horizontalAdvance("2018-11-26") * 2)
        self.ui.week_info.setStyleSheet("color: #555555;")
        self.ui.carried_info.setStyleSheet("color: #8a5a00;")
        self.ui.week_start.textChanged.connect(self._show_week)
        if item_id:
            self._open_existing(item_id)
        else:
            self._start_new(group_id, week, section)
        self._show_week()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 34)

    def _start_new(self, group_id: str, week: str, section: str) -> None:
        self.setWindowTitle("新增小黑板事项")
        values = {"week_start": week or self.workbook.today().isoformat(), "section": section, "status": STATUSES[0]}
        if group_id:
            values["group_id"] = group_id
        self.load(values)
        self.ui.carried_info.hide()
        self.ui.content.setFocus()

    def _open_existing(self, item_id: str) -> None:
        row = self.board.item(item_id)
        group = self.board.group(row["group_id"])
        if self.ui.group_id.findData(group["id"]) < 0:  # a deactivated group, or another office's
            self.ui.group_id.addItem(group["name"], group["id"])
        self.load(row)
        carries = self.board.carries(item_id)
        self.ui.carried_info.setText(f"↻ 由上周结转而来（已结转{carries}次）" if carries else "")
        self.ui.carried_info.setVisible(bool(carries))
        if self.workbook.owns(row):
            self.setWindowTitle(f"修改事项：{group['name']}")
            self.ui.content.setFocus()
            self.ui.content.selectAll()
        else:
            self.setWindowTitle(f"查看事项：{group['name']}")
            self.set_read_only()

    def _show_week(self) -> None:
        try:
            monday = week_start(self.ui.week_start.text())
        except ValidationError:
            self.ui.week_info.setText(WEEK_HINT)
            return
        self.ui.week_info.setText(week_label(monday))

    def store(self, raw: dict[str, Any]) -> str:
        if self.item_id:
            return str(self.board.update_item(self.item_id, raw)["id"])
        return str(self.board.add_item(raw)["id"])


class GroupsDialog(QDialog):
    """工作组设置: the office's work groups in board order. Add (name and leader, Enter), rename or change the
    leader of the selected one, stop or restart it, move it up or down. Each change is saved at once."""

    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.board = workbook.board
        self.changed = False
        self.setWindowTitle("工作组设置")
        self.setStyleSheet(STYLE_SHEET + "QListWidget#groupList::item { padding: 4px 2px; }")
        self.list = QListWidget(objectName="groupList")
        self.name = QLineEdit(objectName="groupName", placeholderText="如：产业发展组", maxLength=GROUP_NAME_MAX)
        self.leader = QLineEdit(objectName="groupLeader", placeholderText="组长姓名")
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.hide()
        self._build()
        self.reload()
        self.name.setFocus()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self._label("名称(&N)：", self.name), self.name)
        form.addRow(self._label("组长(&L)：", self.leader), self.leader)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("add", "新增(&A)", self.add), ("save", "修改所选(&S)", self.save_selected),
                                ("active", "停用(&T)", self.toggle_active), ("up", "上移(&U)", lambda: self.move(-1)),
                                ("down", "下移(&D)", lambda: self.move(1))):
            button = QPushButton(text, objectName=f"{key}GroupButton", autoDefault=False)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        self.buttons["add"].setDefault(True)  # Enter in the name box adds the group
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = "次序即小黑板上各组的排列次序；停用的组不再出现在新的一周，以前的事项保留。"
        layout.addWidget(QLabel(hint, wordWrap=True, objectName="hintLabel"))
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._selected)
        self.setMinimumSize(self.fontMetrics().horizontalAdvance("中") * 30, 460)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def reload(self, select_id: str = "") -> None:
        self.list.clear()
        for group in self.board.groups(include_inactive=True):
            leader = f"（组长：{group['leader']}）" if group["leader"] else ""
            item = QListWidgetItem(f"{group['name']}{leader}{'' if group['active'] else '　已停用'}")
            item.setData(Qt.ItemDataRole.UserRole, group)
            if not group["active"]:
                item.setForeground(QBrush(QColor("#9e9e9e")))
            self.list.addItem(item)
            if group["id"] == select_id:
                self.list.setCurrentItem(item)

    def current(self) -> dict[str, Any] | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _selected(self) -> None:
        group = self.current()
        self.buttons["active"].setText("停用(&T)" if group is None or group["active"] else "启用(&T)")
        if group is not None:
            self.name.setText(group["name"])
            self.leader.setText(group["leader"])

    def _run(self, action: Any) -> None:
        """Do one change; show a refusal in red and keep the list as it is."""
        try:
            group = action()
        except (ValidationError, NotOwnedError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.name.setFocus()
            self.name.selectAll()
            return
        self.error.hide()
        self.changed = True
        self.reload(group["id"] if group else "")

    def add(self) -> None:
        self._run(lambda: self.board.add_group({"name": self.name.text(), "leader": self.leader.text()}))
        if self.error.isHidden():
            self.name.clear()
            self.leader.clear()
            self.name.setFocus()

    def save_selected(self) -> None:
        group = self.current()
        if group is not None:
            self._run(lambda: self.board.update_group(group["id"], {"name": self.name.text(),
                                                                    "leader": self.leader.text()}))

    def toggle_active(self) -> None:
        group = self.current()
        if group is not None:
            self._run(lambda: self.board.set_group_active(group["id"], not group["active"]))

    def move(self, delta: int) -> None:
        group = self.current()
        if group is not None:
            self._run(lambda: (self.board.move_group(group["id"], delta), group)[1])
