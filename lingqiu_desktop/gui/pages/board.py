"""工作例会·小黑板: the weekly board of the Monday meeting.

One card per work group shows what it did last month (上月完成) and plans this week (本周计划), each item with its
owner and a coloured status; plans carried over from an earlier week are marked ↻, and groups to be named at the
meeting (an item 滞后, or carried over twice) are outlined in red. Above the cards: the week picker and the week's
例会 minutes, linked to the meeting record. Keyboard: Tab moves from card to card, ↑↓ within one, Enter edits,
Space marks done, Ctrl+N adds to the current card, Alt+←/→ changes the week.

At the county the board is the command centre's own (its 11 groups); a township's board can be looked at read-only.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.board import DONE, PLAN, monday, week_label
from lingqiu_desktop.core.offices import COUNTY_CODE, office_name
from lingqiu_desktop.core.validation import ValidationError, parse_date

from lingqiu_desktop.data.board import GroupWeek
from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.board_cards import GroupCard
from lingqiu_desktop.gui.dialogs.board_item_edit import BoardItemDialog, GroupsDialog
from lingqiu_desktop.gui.dialogs.meeting_edit import MeetingDialog

LAG_RED = "#c62828"
CARD_COLUMNS = 3
GO_TO_TIP = "输入任意一天（如 2018-10-15），回车后显示那一周的小黑板"
STYLE = f"""
QFrame#groupCard {{ background: white; border: 1px solid #d9dce1; border-radius: 6px; }}
QFrame#groupCard[laggard="true"] {{ border: 2px solid {LAG_RED}; }}
QFrame#groupCard[current="true"] {{ border: 2px solid #3b73c4; }}
QLabel#cardTitle {{ font-size: 12pt; font-weight: bold; color: #1f3a2c; }}
QLabel#cardLeader {{ color: #666; }}
QLabel#lagBadge {{ color: white; background: {LAG_RED}; border-radius: 3px; padding: 1px 6px; }}
QFrame#groupCard QTableWidget {{ border: none; background: white; }}
QFrame#minutesBox {{ background: #fffdf5; border: 1px solid #e6dcb8; border-radius: 6px; }}
QLabel#weekLabel {{ font-size: 12pt; font-weight: bold; padding: 0 8px; }}
QLabel#lagLine {{ color: {LAG_RED}; }}
QLabel#carryResult {{ color: #2e7d32; }}
"""


class BoardPage(QWidget):
    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.board = workbook.board
        self.week = monday(workbook.today())
        self.cards: list[GroupCard] = []
        self.current_card: GroupCard | None = None
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(self._week_bar())
        layout.addLayout(self._action_bar())
        layout.addWidget(self._minutes_box())
        self.grid_host = QWidget(objectName="cardGrid")
        host = QVBoxLayout(self.grid_host)
        host.setContentsMargins(0, 0, 4, 0)
        self.empty_note = QLabel(wordWrap=True, objectName="emptyNote")
        self.empty_note.setStyleSheet("color: #555; font-size: 11pt; padding: 24px;")
        self.empty_note.hide()
        host.addWidget(self.empty_note)
        self.grid = QHBoxLayout()
        self.grid.setSpacing(10)
        host.addLayout(self.grid, 1)
        # cards go round the columns in board order, each column stacked from the top: no gaps under short cards
        self.columns: list[QVBoxLayout] = []
        for _ in range(CARD_COLUMNS):
            column = QVBoxLayout()
            column.setSpacing(10)
            column.addStretch(1)
            self.grid.addLayout(column, 1)
            self.columns.append(column)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.grid_host)
        layout.addWidget(self.scroll, 1)
        self.refresh()

    # -- bars ----------------------------------------------------------------------------------------------------
    def _week_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        heading = QLabel("工作例会·小黑板", objectName="pageTitle")
        bar.addWidget(heading)
        self.office_combo = QComboBox(objectName="officeFilter")
        own = self.workbook.office_code
        others = [c for c, _n in self.workbook.townships() if c != own] if own == COUNTY_CODE else [COUNTY_CODE]
        self.office_combo.addItem(f"本单位（{office_name(own)}）", own)
        for code in others:
            self.office_combo.addItem(f"{office_name(code)}（只读）", code)
        self.office_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addSpacing(12)
        bar.addWidget(self.office_combo)
        bar.addStretch(1)
        self.prev_button = self._button(bar, "◀ 上一周", lambda: self.shift(-1), "Alt+Left", "prevWeek")
        self.week_label = QLabel(objectName="weekLabel")
        bar.addWidget(self.week_label)
        self.next_button = self._button(bar, "下一周 ▶", lambda: self.shift(1), "Alt+Right", "nextWeek")
        self._button(bar, "本周(&B)", self.this_week, None, "thisWeek")
        self.go_to = QLineEdit(objectName="goToWeek", placeholderText="转到日期", maximumWidth=120)
        self.go_to.setToolTip(GO_TO_TIP)
        self.go_to.returnPressed.connect(self._go_to_date)
        bar.addWidget(self.go_to)
        return bar

    def _go_to_date(self) -> None:
        try:
            day = parse_date(self.go_to.text(), "日期")
        except ValidationError as exc:
            self.go_to.setToolTip(str(exc))
            self.go_to.setStyleSheet(f"border: 1px solid {LAG_RED}; background: #fff4f3;")
            return
        self.go_to.setStyleSheet("")
        self.go_to.setToolTip(GO_TO_TIP)
        self.go_to.clear()
        self.set_week(day)

    def _action_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.add_item_button = self._button(bar, "新增事项", self.add_item, QKeySequence.StandardKey.New, "addButton")
        self.edit_button = self._button(bar, "编辑", self.edit_item, "F2", "editButton")
        self.done_button = self._button(bar, "标记完成", self.toggle_done, "Ctrl+D", "doneButton")
        self.delete_button = self._button(bar, "删除", self.delete_item, QKeySequence.StandardKey.Delete,
                                          "deleteButton")
        bar.addSpacing(16)
        self.carry_button = self._button(bar, "结转上周未完成事项(&J)", self.carry_over, None, "carryButton")
        self.carry_result = QLabel(objectName="carryResult")
        bar.addWidget(self.carry_result)
        bar.addStretch(1)
        self.groups_button = self._button(bar, "工作组设置(&G)…", self.edit_groups, None, "groupsButton")
        return bar

    def _button(self, bar: QHBoxLayout, text: str, slot: Any, keys: Any, name: str) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        if keys is not None:
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{text}（{shown}）")
        bar.addWidget(button)
        return button

    def _minutes_box(self) -> QFrame:
        box = QFrame(objectName="minutesBox")
        row = QHBoxLayout(box)
        row.setContentsMargins(10, 6, 10, 6)
        self.minutes_label = QLabel(objectName="minutesLabel", wordWrap=True)
        self.minutes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.minutes_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.decisions_label = QLabel(objectName="decisionsLabel")
        self.decisions_label.setStyleSheet("color: #555;")
        self.minutes_button = QPushButton(objectName="minutesButton")
        self.minutes_button.clicked.connect(self.open_minutes)
        self.lag_summary = QLabel(objectName="lagSummary", wordWrap=True)
        self.lag_summary.setStyleSheet(f"color: {LAG_RED};")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.minutes_label)
        text.addWidget(self.lag_summary)
        row.addLayout(text, 1)
        row.addWidget(self.decisions_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.minutes_button, 0, Qt.AlignmentFlag.AlignTop)
        return box

    # -- state ---------------------------------------------------------------------------------------------------
    @property
    def owner(self) -> str:
        return str(self.office_combo.currentData() or self.workbook.office_code)

    @property
    def editable(self) -> bool:
        return self.owner == self.workbook.office_code

    def shift(self, weeks: int) -> None:
        self.set_week(self.week + timedelta(days=7 * weeks))

    def this_week(self) -> None:
        self.set_week(monday(self.workbook.today()))

    def set_week(self, day: date) -> None:
        self.week = monday(day)
        self.carry_result.clear()
        self.refresh()

    # -- showing -------------------------------------------------------------------------------------------------
    def refresh(self, select_item: str = "") -> None:
        keep_group = self.current_card.card.group["id"] if self.current_card else ""
        self.week_label.setText(week_label(self.week))
        self._clear_cards()
        week = self.board.week(self.week, self.owner)
        for n, card in enumerate(week):
            widget = GroupCard(card)
            widget.table.focused.connect(lambda w=widget: self._focus_card(w))
            widget.table.activated.connect(self.edit_item)
            widget.table.toggled.connect(self.toggle_done)
            self.columns[n % CARD_COLUMNS].insertWidget(n // CARD_COLUMNS, widget)
            widget.show()  # now, not at the next event loop turn: the cursor may go into it below
            self.cards.append(widget)
        self._empty_note(week)
        laggards = [c.group["name"] for c in week if c.laggard]
        self.lag_summary.setText(f"本周点名（滞后）：{'、'.join(laggards)}" if laggards else "")
        self.lag_summary.setVisible(bool(laggards))
        self._restore(keep_group, select_item)
        self._show_minutes()
        self._update_actions()

    def _clear_cards(self) -> None:
        self.current_card = None
        for widget in self.cards:
            widget.hide()
            widget.deleteLater()
        self.cards = []

    def _empty_note(self, week: list[GroupWeek]) -> None:
        text = ("本单位还没有设置工作组。请点“工作组设置”添加本乡镇的工作组（如综合协调组、产业发展组）。"
                if self.editable else "该单位没有设置工作组。")
        self.empty_note.setText(text)
        self.empty_note.setVisible(not week)

    def _restore(self, group_id: str, item_id: str) -> None:
        for card in self.cards:
            if item_id and card.table.select_item(item_id):
                card.table.setFocus()
                self._focus_card(card)
                return
        target = next((c for c in self.cards if c.card.group["id"] == group_id), None)
        if target is not None:
            self._focus_card(target)

    def _focus_card(self, card: GroupCard) -> None:
        for other in self.cards:
            other.set_current(other is card)
        self.current_card = card
        self.scroll.ensureWidgetVisible(card, 0, 0)

    def _show_minutes(self) -> None:
        meeting = self.workbook.meetings.for_week(self.week, self.owner)
        self.meeting = meeting
        self.decisions_label.clear()
        if meeting is None:
            self.minutes_label.setText("本周例会纪要：尚未记录。")
            self.minutes_button.setText("记录本周例会(&M)")
            self.minutes_button.setEnabled(self.editable)
            return
        decisions = self.workbook.meetings.decisions(meeting["id"])
        minutes = meeting["minutes"] or "（未填写纪要）"
        open_count = sum(1 for d in decisions if not d["done"])
        self.decisions_label.setText(f"决定事项{len(decisions)}项，未办结{open_count}项" if decisions else "")
        self.minutes_label.setText(f"本周例会纪要（{meeting['meeting_date']}）：{minutes}")
        self.minutes_button.setText("修改例会纪要(&M)" if self.workbook.owns(meeting) else "查看例会纪要(&M)")
        self.minutes_button.setEnabled(True)

    def _update_actions(self) -> None:
        editable = self.editable
        for button in (self.add_item_button, self.edit_button, self.done_button, self.delete_button,
                       self.carry_button, self.groups_button):
            button.setVisible(editable)
        for button in (self.add_item_button, self.edit_button, self.done_button, self.delete_button):
            button.setEnabled(bool(self.cards))  # no groups yet: 工作组设置 comes first
        pending = len(self.board.unfinished(self.week - timedelta(days=7), self.week)) if editable else 0
        self.carry_button.setText(f"结转上周未完成事项（{pending}项）(&J)" if pending else "结转上周未完成事项(&J)")
        self.carry_button.setEnabled(pending > 0)
        self.carry_button.setToolTip("把上周“本周计划”中没有完成的事项抄到本周，标记为“↻ 上周结转”")

    # -- actions -------------------------------------------------------------------------------------------------
    def current_item(self) -> dict[str, Any] | None:
        return self.current_card.table.current_item() if self.current_card else None

    def add_item(self) -> None:
        if not self.editable:
            return
        card = self.current_card or next(iter(self.cards), None)
        group_id = card.card.group["id"] if card and card.card.group["active"] else ""
        section = card.table.current_section() if card else PLAN
        self._run(BoardItemDialog(self.workbook, group_id=group_id, week=self.week.isoformat(), section=section,
                                  parent=self))

    def edit_item(self) -> None:
        item = self.current_item()
        if item is not None:
            self._run(BoardItemDialog(self.workbook, item["id"], parent=self))

    def _run(self, dialog: BoardItemDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(dialog.saved_id or "")

    def toggle_done(self) -> None:
        """Space: 已完成, or back to 进行中 when it already was."""
        item = self.current_item()
        if item is None or not self.editable:
            return
        status = "进行中" if item["status"] == DONE else DONE
        self._attempt(lambda: self.board.set_status(item["id"], status))
        self.refresh(item["id"])

    def delete_item(self) -> None:
        item = self.current_item()
        if item is None or not self.editable:
            return
        answer = QMessageBox.question(self, "确认删除", f"确定要删除事项“{item['content']}”吗？删除后不能恢复。",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes and self._attempt(lambda: self.board.delete_item(item["id"])):
            self.refresh()

    def _attempt(self, action: Any) -> bool:
        try:
            action()
        except (ValidationError, NotOwnedError) as exc:
            QMessageBox.warning(self, "不能保存", str(exc))
            return False
        return True

    def carry_over(self) -> None:
        made: list[dict[str, Any]] = []
        if self._attempt(lambda: made.extend(self.board.carry_over(self.week - timedelta(days=7), self.week))):
            self.refresh()
            self.carry_result.setText(f"已将{len(made)}项未完成事项结转到本周" if made else "上周没有需要结转的事项")

    def edit_groups(self) -> None:
        dialog = GroupsDialog(self.workbook, self)
        dialog.exec()
        if dialog.changed:
            self.refresh()

    def open_minutes(self) -> None:
        if self.meeting is not None:
            dialog = MeetingDialog(self.workbook, self.meeting["id"], parent=self)
        else:
            dialog = MeetingDialog(self.workbook, kind="例会", meeting_date=self.week.isoformat(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._show_minutes()
