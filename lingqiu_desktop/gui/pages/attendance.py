"""驻村考勤: a team's month as a grid of members × days, filled from the keyboard.

Z/1 在村, J/2 请假 (opens the leave dialog for the selected span), C/3 出差, Q/4 缺勤, Delete clears, Space repeats
the last status; a key typed on a selection fills every selected cell. Each key press is saved at once, in one
transaction (the Store writes an audit row per cell), so there is no 保存 button and nothing to lose.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core import attendance as rules
from lingqiu_desktop.core.validation import ValidationError, parse_month

from lingqiu_desktop.data.attendance import GridMember, MonthGrid
from lingqiu_desktop.data.dashboard import last_month
from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.batch_print import BatchPrintDialog
from lingqiu_desktop.gui.dialogs.leave_edit import LeaveDialog
from lingqiu_desktop.gui.dialogs.spot_check_edit import SpotCheckDialog
from lingqiu_desktop.gui.models.attendance_grid import STATUS_COLORS, AttendanceGrid, AttendanceModel
from lingqiu_desktop.gui.printing import preview_document
from lingqiu_desktop.gui.widgets import fill_combo

KEY_HELP = ("按键：Z或1 在村　J或2 请假　C或3 出差　Q或4 缺勤　Delete 清除　空格 重复上一项　"
            "Shift+方向键选中多格后按一次键全部填好")


class AttendancePage(QWidget):
    """Pick a team (and, at the county, its township) and a month; type the days into the grid."""

    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.team_id = ""
        self.month = workbook.today().strftime("%Y-%m")
        self.last_status = ""
        self.model = AttendanceModel(self)
        self.grid = AttendanceGrid(self.model)
        self.grid.statusTyped.connect(self.apply_status)
        self.grid.clearTyped.connect(lambda: self.apply_status(""))
        self.grid.repeatTyped.connect(self.repeat_status)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("驻村考勤", objectName="pageTitle"))
        layout.addLayout(self._filters())
        self.team_label = QLabel(objectName="teamLabel", wordWrap=True)
        self.note_label = QLabel(objectName="readOnlyNote", wordWrap=True)
        self.note_label.setStyleSheet("background: #fff4ce; color: #5c4400; padding: 6px;")
        layout.addWidget(self.team_label)
        layout.addWidget(self.note_label)
        layout.addLayout(self._buttons())
        layout.addWidget(self.grid, 3)
        self.message_label = QLabel(objectName="messageLabel", wordWrap=True)
        layout.addWidget(self.message_label)
        self.key_help = QLabel(KEY_HELP, objectName="keyHelp", wordWrap=True, styleSheet="color: #555;")
        layout.addWidget(self.key_help)
        layout.addLayout(self._month_lists(), 2)
        QWidget.setTabOrder(self.team_combo, self.month_combo)
        QWidget.setTabOrder(self.month_combo, self.grid)
        self._fill_teams()

    # -- building --------------------------------------------------------------------------------------------------
    def _filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        # a township sees only itself: the combo stays, hidden, so the filters read the same everywhere
        self.township_combo = QComboBox(self, objectName="townshipFilter", visible=self.workbook.is_county)
        fill_combo(self.township_combo, self.workbook.townships(), "全部乡镇" if self.workbook.is_county else None)
        self.township_combo.currentIndexChanged.connect(lambda _i: self._fill_teams())
        self.team_combo = QComboBox(objectName="teamCombo", minimumContentsLength=16)
        self.team_combo.currentIndexChanged.connect(lambda _i: self.set_team(self.team_combo.currentData() or ""))
        self.month_combo = QComboBox(objectName="monthCombo")
        fill_combo(self.month_combo, _months(self.workbook.today()))
        self.month_combo.setCurrentIndex(max(0, self.month_combo.findData(self.month)))
        self.month_combo.currentIndexChanged.connect(lambda _i: self.set_month(self.month_combo.currentData()))
        if self.workbook.is_county:
            bar.addWidget(QLabel("乡镇(&X)", buddy=self.township_combo))
            bar.addWidget(self.township_combo)
        bar.addWidget(QLabel("工作队(&T)", buddy=self.team_combo))
        bar.addWidget(self.team_combo)
        bar.addWidget(QLabel("月份(&M)", buddy=self.month_combo))
        bar.addWidget(self.month_combo)
        for text, step, keys in (("上月", -1, "Ctrl+PgUp"), ("下月", 1, "Ctrl+PgDown")):
            button = QPushButton(text, toolTip=f"{text}（{keys}）", focusPolicy=Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, step=step: self.step_month(step))
            action = QAction(self, shortcut=QKeySequence(keys))
            action.triggered.connect(lambda _c=False, step=step: self.step_month(step))
            self.addAction(action)
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def _buttons(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.leave_button = QPushButton("登记请假(&L)", objectName="leaveButton", toolTip="为选中的日期登记请假（J）")
        self.leave_button.clicked.connect(lambda: self.apply_status(rules.ON_LEAVE))
        self.cancel_leave_button = QPushButton("撤销请假(&U)", objectName="cancelLeaveButton",
                                               toolTip="撤销光标所在日期的整张请假单")
        self.cancel_leave_button.clicked.connect(self.cancel_leave)
        self.spot_button = QPushButton("抽查登记(&K)", objectName="spotButton", toolTip="登记一次在岗抽查的结果")
        self.spot_button.clicked.connect(self.add_spot_check)
        self.print_button = QPushButton("打印考勤表(&P)", objectName="printButton",
                                        toolTip="打印本工作队本月的考勤表（Ctrl+P）")
        self.print_button.clicked.connect(self.print_month)
        action = QAction(self, shortcut=QKeySequence("Ctrl+P"))
        action.triggered.connect(self.print_month)
        self.addAction(action)
        self.batch_button = QPushButton("批量打印…", objectName="batchPrintButton",
                                        toolTip="把本月在岗各工作队的考勤表一起打印，或存为一个PDF、一个文件夹")
        self.batch_button.clicked.connect(self.print_batch)
        for button in (self.leave_button, self.cancel_leave_button, self.spot_button, self.print_button,
                       self.batch_button):
            bar.addWidget(button)
        bar.addStretch(1)
        legend = "　".join(f"<span style='background:{color}'>&nbsp;{rules.SHORT[s]}&nbsp;</span>{s}"
                          for s, color in STATUS_COLORS.items())
        bar.addWidget(QLabel(legend + "　<span style='background:#d9dce1'>&nbsp;—&nbsp;</span>不在驻村期间"))
        return bar

    def _month_lists(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.leaves_label = QLabel(objectName="leavesLabel", wordWrap=True)
        self.checks_label = QLabel(objectName="checksLabel", wordWrap=True)
        for title, label in (("本月请假", self.leaves_label), ("本月抽查", self.checks_label)):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            inner.addWidget(label, 1)
            row.addWidget(box, 1)
        return row

    # -- choosing --------------------------------------------------------------------------------------------------
    def _fill_teams(self) -> None:
        teams = self.workbook.attendance.teams(self.township_combo.currentData() or "")
        items = [(t["id"], t["name"] + ("" if t["status"] == "在岗" else f"（{t['status']}）")) for t in teams]
        fill_combo(self.team_combo, items)
        self.set_team(self.team_combo.currentData() or "")

    def set_team(self, team_id: str) -> None:
        index = self.team_combo.findData(team_id)
        if index >= 0 and index != self.team_combo.currentIndex():
            self.team_combo.blockSignals(True)
            self.team_combo.setCurrentIndex(index)
            self.team_combo.blockSignals(False)
        self.team_id = team_id
        self.reload(reset_cursor=True)

    def apply_preset(self, preset: dict[str, Any]) -> None:
        """The dashboard's attendance card: open last month, where the shortfalls it counts are."""
        if preset.get("period") == "last_month":
            self.set_month(last_month(self.workbook.today()))

    def set_month(self, month: str) -> None:
        self.month = parse_month(month)
        index = self.month_combo.findData(self.month)
        if index < 0:  # a month outside the list (a test, an old record): add it rather than refuse
            self.month_combo.blockSignals(True)
            self.month_combo.addItem(_month_text(self.month), self.month)
            self.month_combo.blockSignals(False)
            index = self.month_combo.count() - 1
        if index != self.month_combo.currentIndex():
            self.month_combo.blockSignals(True)
            self.month_combo.setCurrentIndex(index)
            self.month_combo.blockSignals(False)
        self.reload(reset_cursor=True)

    def step_month(self, step: int) -> None:
        index = self.month_combo.currentIndex() + step
        if 0 <= index < self.month_combo.count():
            self.month_combo.setCurrentIndex(index)

    # -- loading ---------------------------------------------------------------------------------------------------
    def reload(self, reset_cursor: bool = False) -> None:
        for button in (self.leave_button, self.cancel_leave_button, self.spot_button, self.print_button):
            button.setEnabled(bool(self.team_id))
        if not self.team_id:
            self.model.clear()
            self.team_label.setText("没有驻村工作队。")
            self.note_label.hide()
            self.leaves_label.setText("无")
            self.checks_label.setText("无")
            return
        grid = self.workbook.attendance.month_grid(self.team_id, self.month)
        checks = self.workbook.attendance.spot_checks(self.team_id, self.month)
        spot_notes = {(c["person_id"], date.fromisoformat(c["check_date"])): "抽查：" + _spot_text(c) for c in checks}
        self.model.set_grid(grid, spot_notes)
        self._show_team(grid)
        self._show_lists(grid, checks)
        if reset_cursor:
            self.grid.size_columns()
            self.message_label.clear()
            if grid.members:
                column = grid.days.index(grid.today) + 1 if grid.today in grid.days else 1
                self.grid.setCurrentIndex(self.model.index(0, column))

    def _show_team(self, grid: MonthGrid) -> None:
        team = grid.team
        trips = "出差计入在村天数；" if self.workbook.attendance.trips_count() else ""
        below = sum(1 for m in grid.members if m.total is not None and m.total.below)
        flagged = f"<b style='color:#c62828'>{below}人未达到要求</b>" if below else "全部达到要求"
        self.team_label.setText(
            f"<b>{team['name']}</b>　{team['township'] or ''}{team['village'] or ''}　派出单位："
            f"{team['sending_unit'] or '—'}　本月{len(grid.members)}名队员，{flagged}<br>"
            f"<span style='color:#555'>每月要求在村{grid.required_per_month}天；{trips}"
            f"月中进驻或离队的按驻村天数折算；未达到要求的队员标红。</span>")
        self.note_label.setVisible(not grid.editable)
        self.note_label.setText(f"本工作队的考勤由{team['township'] or '乡镇'}登记，这里只能查看；抽查可以登记。")
        for widget in (self.leave_button, self.cancel_leave_button, self.key_help):
            widget.setVisible(grid.editable)

    def _show_lists(self, grid: MonthGrid, checks: list[dict[str, Any]]) -> None:
        # from the grid rather than leave_request: days marked 请假 by hand or by an import have no request row
        self.leaves_label.setText("\n".join(
            f"{m.name}　{_md(start)}" + (f"至{_md(end)}" if end != start else "") + f"　{note or '未填写事由'}"
            for m, start, end, note in _leave_runs(grid)) or "无")
        self.checks_label.setText("\n".join(
            f"{c['name']}　{_md(date.fromisoformat(c['check_date']))}　{_spot_text(c)}" for c in checks) or "无")

    # -- typing ----------------------------------------------------------------------------------------------------
    def selected_cells(self) -> list[tuple[GridMember, date]]:
        indexes = self.grid.selectionModel().selectedIndexes() or [self.grid.currentIndex()]
        cells = []
        for index in sorted(indexes, key=lambda i: (i.row(), i.column())):
            day = self.model.day_of(index.column()) if index.isValid() else None
            if day is not None:
                cells.append((self.model.member(index.row()), day))
        return cells

    def apply_status(self, status: str) -> None:
        """Write ``status`` ("" clears) into every selected cell, in one transaction."""
        grid = self.model.grid
        if grid is None or not grid.editable:
            self._say("本工作队的考勤属于乡镇，这里只能查看。", error=True)
            return
        cells = self.selected_cells()
        if status == rules.ON_LEAVE:
            self._ask_leave(cells)
            return
        posted = [(m, d) for m, d in cells if d in m.posted]
        writable = [(m, d) for m, d in posted if not status or d <= grid.today]
        if not writable:
            self._say("所选日期不在驻村期间或还没到，没有登记。", error=True)
            return
        try:
            changed = self.workbook.attendance.set_days(
                self.team_id, [(m.person_id, d, status or None) for m, d in writable])
        except (ValidationError, NotOwnedError) as exc:
            self._say(str(exc), error=True)
            return
        if status:
            self.last_status = status
        self.reload()
        skipped = len(cells) - len(writable)
        done = f"已登记{len(writable)}格：{status}" if status else f"已清除{len(writable)}格"
        self._say(done + (f"（{skipped}格不在驻村期间或还没到，未登记）" if skipped else "") + f"，改动{changed}处。")
        if len(cells) == 1:
            self.grid.advance()

    def repeat_status(self) -> None:
        if self.last_status:
            self.apply_status(self.last_status)
        else:
            self._say("还没有可重复的登记：先按 Z、J、C 或 Q。", error=True)

    def _ask_leave(self, cells: list[tuple[GridMember, date]]) -> None:
        if not cells:
            return
        people = list(dict.fromkeys((m.person_id, m.name) for m, _d in cells))
        days = [d for _m, d in cells]
        dialog = LeaveDialog(self.workbook, self.team_id, people, min(days), max(days), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.last_status = rules.ON_LEAVE
            self.reload()
            self._say(f"已登记请假：{'、'.join(name for _p, name in people)}。")

    def cancel_leave(self) -> None:
        cells = self.selected_cells()[:1]
        leave = self.workbook.attendance.leave_of_day(self.team_id, cells[0][0].person_id, cells[0][1]) \
            if cells else None
        if leave is None:
            self._say("光标所在的日期没有请假单。", error=True)
            return
        what = f"{cells[0][0].name} {leave['start_date']}至{leave['end_date']}的{leave['leave_type']}"
        answer = QMessageBox.question(self, "撤销请假", f"确定撤销{what}吗？这几天将变为未登记。")
        if answer == QMessageBox.StandardButton.Yes:
            self.workbook.attendance.delete_leave(leave["id"])
            self.reload()
            self._say(f"已撤销{what}。")

    def add_spot_check(self) -> None:
        grid = self.model.grid
        if grid is None or not grid.members:
            return
        cells = self.selected_cells()
        people = [(m.person_id, m.name) for m in grid.members]
        person, day = (cells[0][0].person_id, cells[0][1]) if cells else ("", None)
        dialog = SpotCheckDialog(self.workbook, self.team_id, people, person, day, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self._say("已登记抽查结果。")

    # -- printing --------------------------------------------------------------------------------------------------
    def print_month(self) -> None:
        """驻村工作队月度考勤表 of the team and month shown (a township's team at the county too: it only reads)."""
        if self.team_id:
            preview_document(self, self.workbook, "attendance", self.team_id, self.month)

    def print_batch(self) -> None:
        BatchPrintDialog(self.workbook, kind="attendance", params=self.month, parent=self).exec()

    def _say(self, text: str, error: bool = False) -> None:
        self.message_label.setStyleSheet(f"color: {'#c62828' if error else '#2e7d32'};")
        self.message_label.setText(text)


def _spot_text(check: dict[str, Any]) -> str:
    found = "在岗" if check["present"] else ("不在岗（已请假或报备）" if check["excused"] else "不在岗（无故缺勤）")
    return f"{found}　{check['checker']}" + (f"　{check['note']}" if check["note"] else "")


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _leave_runs(grid: MonthGrid) -> list[tuple[GridMember, date, date, str]]:
    """Each member's runs of consecutive 请假 days with the same note: (member, first, last, note)."""
    runs: list[tuple[GridMember, date, date, str]] = []
    for member in grid.members:
        for day in grid.days:
            if member.statuses.get(day) != rules.ON_LEAVE:
                continue
            note = member.notes.get(day, "")
            last = runs[-1] if runs else None
            if last and last[0] is member and (day - last[2]).days == 1 and last[3] == note:
                runs[-1] = (member, last[1], day, note)
            else:
                runs.append((member, day, day, note))
    return runs


def _month_text(month: str) -> str:
    return f"{month[:4]}年{int(month[5:])}月"


def _months(today: date) -> list[tuple[str, str]]:
    """2014-01 (the start of 建档立卡) to the month after the working date (leave is entered ahead)."""
    last = today.year * 12 + today.month  # the month after today, counted from month 1 = January of year 0
    months = [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(2014 * 12, last + 1)]
    return [(m, _month_text(m)) for m in months]
