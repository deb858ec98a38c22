"""一户的走访记录: a household's visits newest first, with what was raised, what was done and the follow-up state.

Enter opens a visit; 回访完成 records that a promised follow-up was made (the operator and the working date);
新增走访 starts a visit to this household.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.validation import ValidationError
from lingqiu_desktop.core.visits import follow_up_state

from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.visit_edit import VisitDialog

OVERDUE_COLOR = "#c62828"
DONE_COLOR = "#2e7d32"
TEXT_LIMIT = 70   # characters of a problem or action shown in the list; the tooltip holds all of it


def _short(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= TEXT_LIMIT else text[:TEXT_LIMIT] + "…"


def follow_up_line(visit: dict[str, Any], state: str) -> str:
    if state == "已回访":
        return f"回访：已于{visit['follow_up_done_at']}回访（{visit['follow_up_done_by'] or '未记回访人'}）"
    if state:
        return f"回访期限：{visit['follow_up_due']}　{state}"
    return ""


def visit_text(visit: dict[str, Any], state: str) -> str:
    """A visit as a few lines of the timeline."""
    lines = [f"{visit['visit_date']}　{visit['kind']}　走访人：{visit['visitor_names'] or '（未记）'}"]
    for label, key in (("反映问题", "problems"), ("采取措施", "actions"), ("承诺事项", "promise")):
        if visit.get(key):
            lines.append(f"　　{label}：{_short(visit[key])}")
    if state:
        lines.append(f"　　{follow_up_line(visit, state)}")
    return "\n".join(lines)


def mark_follow_up_done(parent: QWidget, workbook: Workbook, visit: dict[str, Any]) -> bool:
    """Confirm, then record the follow-up as done by the operator on the working date. True when recorded."""
    state = follow_up_state(visit.get("follow_up_due"), visit.get("follow_up_done_at"), workbook.today())
    if state not in ("待回访", "已逾期"):
        text = (f"这条走访已于{visit['follow_up_done_at']}回访完成。" if state == "已回访"
                else "这条走访没有回访期限，无需回访。")
        QMessageBox.information(parent, "回访完成", text)
        return False
    today, user = workbook.today().isoformat(), workbook.store.user_name
    box = QMessageBox(QMessageBox.Icon.Question, "回访完成",
                      f"确认{visit['visit_date']}走访时承诺的事项已经回访？\n\n回访人：{user}\n回访日期：{today}",
                      parent=parent)
    confirm = box.addButton("确认回访完成", QMessageBox.ButtonRole.YesRole)
    confirm.setObjectName("confirmButton")
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(confirm)
    box.exec()
    if box.clickedButton() is not confirm:
        return False
    try:
        workbook.visits.mark_follow_up_done(visit["id"], user, today)
    except (ValidationError, NotOwnedError) as exc:
        QMessageBox.warning(parent, "不能标记回访完成", str(exc))
        return False
    return True


class VisitTimelineDialog(QDialog):
    def __init__(self, workbook: Workbook, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.household_id = household_id
        self.household = workbook.households.get(household_id)
        self.read_only = not workbook.owns(self.household)
        self.changed = False   # a visit was added, edited or marked: the opener refreshes its list
        self.setWindowTitle(f"走访记录：{self.household['head_name']}户")
        self.header = QLabel(objectName="timelineHeader", wordWrap=True)
        self.header.setStyleSheet("font-weight: bold; padding: 2px 0 4px 0;")
        self.list = QListWidget(objectName="timelineList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.itemActivated.connect(lambda _item: self.open_current())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        layout.addLayout(self._buttons())
        self.resize(self.fontMetrics().horizontalAdvance("中") * 60, 560)
        self.refresh()
        self.list.setFocus()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        actions = [("查看" if self.read_only else "查看/修改", self.open_current, "openButton", "F2")]
        if not self.read_only:
            actions = [("新增走访", self.add_visit, "addVisitButton", QKeySequence.StandardKey.New), *actions,
                       ("回访完成", self.mark_done, "followUpDoneButton", "Ctrl+D")]
        self.buttons: dict[str, QPushButton] = {}
        for text, slot, name, keys in actions:
            button = QPushButton(text, objectName=name, autoDefault=False)
            button.clicked.connect(slot)
            action = QAction(self, shortcut=QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)
            button.setToolTip(f"{text}（{QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)}）")
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        close = QPushButton("关闭", objectName="closeButton", autoDefault=False)
        close.setToolTip("关闭（Esc）")
        close.clicked.connect(self.reject)
        row.addWidget(close)
        return row

    # -- data ------------------------------------------------------------------------------------------------------
    def refresh(self, select_id: str = "") -> None:
        today = self.workbook.today()
        self.visits = self.workbook.visits.timeline(self.household_id, today)
        self.list.clear()
        for visit in self.visits:
            state = visit["follow_up_state"]
            item = QListWidgetItem(visit_text(visit, state))
            item.setData(Qt.ItemDataRole.UserRole, visit["id"])
            item.setToolTip("\n".join(f"{k}：{visit[c]}" for k, c in (
                ("家庭情况", "situation"), ("反映问题", "problems"), ("采取措施", "actions"),
                ("承诺事项", "promise")) if visit[c]) or None)
            if state == "已逾期":
                item.setForeground(QBrush(QColor(OVERDUE_COLOR)))
            self.list.addItem(item)
        ids = [v["id"] for v in self.visits]
        self.list.setCurrentRow(ids.index(select_id) if select_id in ids else (0 if ids else -1))
        self.header.setText(self._summary())
        self._update_buttons()

    def _summary(self) -> str:
        h = self.household
        village = self.workbook.villages.get(h["village_id"])["name"]
        text = f"{h['head_name']}户　{village}　身份证尾号{str(h['head_id_number'])[-4:]}　共走访 {len(self.visits)} 次"
        if self.visits:
            text += f"，最近一次 {self.visits[0]['visit_date']}（最新的在上）"
        waiting = [v for v in self.visits if v["follow_up_state"] in ("待回访", "已逾期")]
        overdue = sum(1 for v in waiting if v["follow_up_state"] == "已逾期")
        if waiting:
            text += f"；待回访 {len(waiting)} 项" + (f"，其中已逾期 {overdue} 项" if overdue else "")
        return text

    def current_visit(self) -> dict[str, Any] | None:
        row = self.list.currentRow()
        return self.visits[row] if 0 <= row < len(self.visits) else None

    def _update_buttons(self) -> None:
        button = self.buttons.get("followUpDoneButton")
        visit = self.current_visit()
        if button is not None:
            button.setEnabled(bool(visit and visit["follow_up_state"] in ("待回访", "已逾期")))
        self.buttons["openButton"].setEnabled(visit is not None)

    # -- actions ---------------------------------------------------------------------------------------------------
    def add_visit(self) -> None:
        dialog = VisitDialog(self.workbook, household_id=self.household_id, parent=self)
        dialog.exec()
        if dialog.saved_ids:
            self.changed = True
            self.refresh(dialog.saved_ids[-1])

    def open_current(self) -> None:
        visit = self.current_visit()
        if visit is None:
            return
        dialog = VisitDialog(self.workbook, visit["id"], parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
            self.refresh(visit["id"])

    def mark_done(self) -> None:
        visit = self.current_visit()
        if visit is not None and mark_follow_up_done(self, self.workbook, visit):
            self.changed = True
            self.refresh(visit["id"])
