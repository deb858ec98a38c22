"""一户的走访记录: a household's visits newest first, with what was raised, what was done and the follow-up state.

Enter opens a visit; 回访完成 records that a promised follow-up was made (the operator and the working date);
新增走访 starts a visit to this household; 打印走访记录 prints the household's visits over a chosen period.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.validation import ValidationError, check_date_range, parse_date
from lingqiu_desktop.core.visits import follow_up_state

from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.visit_edit import VisitDialog
from lingqiu_desktop.gui.printing import preview_document

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


def period_choices(today: date) -> list[tuple[str, str, str]]:
    """(label, from, to) of the usual periods; this year up to the working date comes first (the default)."""
    year = today.year
    return [(f"今年（{year}年1月1日至今）", f"{year}-01-01", today.isoformat()),
            (f"上一年（{year - 1}年）", f"{year - 1}-01-01", f"{year - 1}-12-31"),
            ("全部走访", "", ""), ("自定义", "", "")]


class VisitRangeDialog(QDialog):
    """打印走访记录: which period of the household's visits goes on paper. `params` is then 'FROM:TO'."""

    def __init__(self, workbook: Workbook, head_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.params = ""
        self.setWindowTitle("打印走访记录")
        self.choices = period_choices(workbook.today())
        self.period = QComboBox(objectName="periodCombo")
        for label, _first, _last in self.choices:
            self.period.addItem(label)
        self.date_from = QLineEdit(objectName="dateFrom", placeholderText="不填为不限")
        self.date_to = QLineEdit(objectName="dateTo", placeholderText="不填为不限")
        self.error = QLabel(objectName="errorLabel", wordWrap=True, styleSheet="color: #d93025;", visible=False)
        form = QFormLayout()
        for text, widget in (("时段(&R)：", self.period), ("起始日期(&F)：", self.date_from),
                             ("截止日期(&T)：", self.date_to)):
            form.addRow(QLabel(text, buddy=widget), widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("预览")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"打印{head_name}户在下列时段内的走访记录：", wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.period.currentIndexChanged.connect(self._period_chosen)
        for edit in (self.date_from, self.date_to):
            edit.textEdited.connect(lambda _t: self.period.setCurrentIndex(len(self.choices) - 1))
        self._period_chosen(0)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 30)

    def _period_chosen(self, index: int) -> None:
        _label, first, last = self.choices[index]
        if index < len(self.choices) - 1:      # 自定义 keeps what was typed
            self.date_from.setText(first)
            self.date_to.setText(last)

    def accept(self) -> None:
        try:
            first, last = (parse_date(e.text(), label) if e.text().strip() else None
                           for e, label in ((self.date_from, "起始日期"), (self.date_to, "截止日期")))
            check_date_range(first, last, "起始日期", "截止日期")
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.params = f"{first.isoformat() if first else ''}:{last.isoformat() if last else ''}"
        super().accept()


def print_household_visits(parent: QWidget, workbook: Workbook, household_id: str, head_name: str) -> None:
    """Ask for the period, then preview the household's 走访记录 (kind "visits")."""
    dialog = VisitRangeDialog(workbook, head_name, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        preview_document(parent, workbook, "visits", household_id, dialog.params)


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
        actions.append(("打印走访记录…", self.print_visits, "printVisitsButton", "Ctrl+P"))
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

    def print_visits(self) -> None:
        print_household_visits(self, self.workbook, self.household_id, self.household["head_name"])

    def mark_done(self) -> None:
        visit = self.current_visit()
        if visit is not None and mark_follow_up_done(self, self.workbook, visit):
            self.changed = True
            self.refresh(visit["id"])
