"""AttendancePage: a clerk fills a month from the keyboard alone; the member short of the requirement turns red."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from tests.data.test_attendance import add_team, count, set_today
from tests.helpers import type_chinese

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.leave_edit import LeaveDialog
from lingqiu_desktop.gui.dialogs.spot_check_edit import SpotCheckDialog
from lingqiu_desktop.gui.models.attendance_grid import BELOW_BACK
from lingqiu_desktop.gui.pages.attendance import AttendancePage

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def team(workbook: Workbook) -> dict[str, Any]:
    set_today(workbook, "2018-11-30")
    return add_team(workbook)


@pytest.fixture
def page(qtbot, workbook: Workbook, team: dict[str, Any]) -> AttendancePage:
    page = AttendancePage(workbook)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def key(qtbot, page: AttendancePage, k: Any, modifier: Qt.KeyboardModifier = NO, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(page.grid, k, modifier)


def select_row(qtbot, page: AttendancePage) -> None:
    """Home then Shift+End: the whole row of the current member."""
    key(qtbot, page, Qt.Key.Key_Home)
    key(qtbot, page, Qt.Key.Key_End, SHIFT)


def go_to(qtbot, page: AttendancePage, row: int, day: int) -> None:
    """From the top-left cell, with arrow keys only."""
    key(qtbot, page, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, page, Qt.Key.Key_Down, times=row)
    key(qtbot, page, Qt.Key.Key_Right, times=day)


def statuses(page: AttendancePage, row: int) -> dict[int, str]:
    member = page.model.member(row)
    return {d.day: s for d, s in member.statuses.items()}


def in_modal(handler: Callable[[QWidget], None]) -> None:
    """Run ``handler`` on the modal dialog the next key press opens."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        try:
            handler(dialog)
        finally:  # a failed check must not leave the dialog's event loop running
            if dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, run)


def focus_grid_by_keyboard(qtbot, page: AttendancePage) -> None:
    page.team_combo.setFocus()
    qtbot.keyClick(page.team_combo, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.grid


def test_page_opens_on_the_working_month(page: AttendancePage, qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    assert page.month == "2018-11" and page.month_combo.currentText() == "2018年11月"
    assert page.model.rowCount() == 3 and page.model.columnCount() == 33
    assert page.model.headerData(30, Qt.Orientation.Horizontal) == "30\n今"
    assert page.model.headerData(3, Qt.Orientation.Horizontal) == "3\n六"
    assert page.grid.currentIndex().column() == 30  # the cursor starts on today
    assert "下野窝村驻村工作队" in page.team_label.text()


def test_fill_a_month_with_the_keyboard_only(qtbot, page: AttendancePage, workbook: Workbook,
                                              team: dict[str, Any]) -> None:
    focus_grid_by_keyboard(qtbot, page)
    # 王建国: the whole row in one key press
    key(qtbot, page, Qt.Key.Key_Up, times=3)
    select_row(qtbot, page)
    key(qtbot, page, "z")
    assert set(statuses(page, 0).values()) == {"在村"} and len(statuses(page, 0)) == 30
    # 李红梅: the row, then 12 days of absence typed one by one (the cursor moves on by itself)
    key(qtbot, page, Qt.Key.Key_Down)
    select_row(qtbot, page)
    key(qtbot, page, "1")
    key(qtbot, page, Qt.Key.Key_Home)
    key(qtbot, page, Qt.Key.Key_Right, times=5)
    key(qtbot, page, "q", times=12)
    assert [statuses(page, 1)[d] for d in (4, 5, 16, 17)] == ["在村", "缺勤", "缺勤", "在村"]
    # 赵志刚: Z on day 1, Space repeats it for days 2–29, C on the 30th (a trip counts as in the village)
    key(qtbot, page, Qt.Key.Key_Down)
    key(qtbot, page, Qt.Key.Key_Home)
    key(qtbot, page, Qt.Key.Key_Right)
    key(qtbot, page, "Z")
    key(qtbot, page, Qt.Key.Key_Space, times=28)
    key(qtbot, page, "c")
    assert len(statuses(page, 2)) == 30 and statuses(page, 2)[30] == "出差"
    # Delete clears the cell under the cursor
    key(qtbot, page, Qt.Key.Key_Left)
    key(qtbot, page, Qt.Key.Key_Delete)
    assert 29 not in statuses(page, 2)

    totals = {r["name"]: (r["in_village"], r["below"]) for r in workbook.attendance.days_in_village(team["id"],
                                                                                                   "2018-11")}
    assert totals == {"王建国": (30, False), "李红梅": (18, True), "赵志刚": (29, False)}
    # the member short of the requirement is flagged in red, and counted above the grid
    total_column = page.model.total_column()
    for column in (0, total_column, total_column + 1):
        brush = page.model.data(page.model.index(1, column), Qt.ItemDataRole.BackgroundRole)
        assert isinstance(brush, QBrush) and brush.color() == BELOW_BACK
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert page.model.data(page.model.index(1, total_column)) == "18"
    assert "1人未达到要求" in page.team_label.text()
    tip = page.model.data(page.model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip == "李红梅（队员）：在村18天，要求20天，差2天，未达到要求"


def test_each_key_press_is_one_audited_transaction(qtbot, page: AttendancePage, workbook: Workbook) -> None:
    go_to(qtbot, page, 0, 1)
    before = count(workbook, "audit_log")
    select_row(qtbot, page)
    key(qtbot, page, "z")
    assert count(workbook, "audit_log") == before + 30
    assert page.message_label.text() == "已登记30格：在村，改动30处。"


def test_future_days_and_days_outside_the_posting_are_skipped(qtbot, page: AttendancePage, workbook: Workbook,
                                                              team: dict[str, Any]) -> None:
    page.set_month("2018-12")
    go_to(qtbot, page, 0, 1)
    key(qtbot, page, "z")
    assert statuses(page, 0) == {}
    assert page.message_label.text() == "所选日期不在驻村期间或还没到，没有登记。"
    page.set_month("2017-12")  # before the team was posted: nobody to show
    assert page.model.rowCount() == 0


def test_j_opens_the_leave_dialog_for_the_selected_span(qtbot, page: AttendancePage, workbook: Workbook) -> None:
    go_to(qtbot, page, 1, 5)
    key(qtbot, page, Qt.Key.Key_Right, SHIFT, times=4)   # 5th–9th: five days, so the county must approve

    def fill_leave(dialog: QWidget) -> None:
        assert isinstance(dialog, LeaveDialog)
        assert dialog.ui.personLabel.text() == "李红梅"
        assert (dialog.ui.start_date.text(), dialog.ui.end_date.text()) == ("2018-11-05", "2018-11-09")
        assert dialog.ui.ruleLabel.text() == "共5天，超过3天，须经县委组织部审批，请填写审批人"
        save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)   # no type, no approver: refused
        assert dialog.ui.errorLabel.text() == ("请假类型：不能为空；"
                                               "审批人：请假5天，超过3天须填写县级审批人（县委组织部）")
        assert count(workbook, "leave_request") == 0
        qtbot.keyClick(dialog.ui.leave_type, Qt.Key.Key_Down, NO)
        qtbot.keyClick(dialog.ui.leave_type, Qt.Key.Key_Down, NO)
        qtbot.keyClick(dialog.ui.leave_type, Qt.Key.Key_Tab)
        type_chinese(dialog.ui.reason, "到县医院就诊")
        qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Tab)
        type_chinese(dialog.ui.approver, "县委组织部 刘志强")
        qtbot.keyClick(dialog.ui.approver, Qt.Key.Key_Return)

    in_modal(fill_leave)
    key(qtbot, page, "j")
    assert [statuses(page, 1).get(d) for d in range(4, 11)] == [None, "请假", "请假", "请假", "请假", "请假", None]
    leave = workbook.attendance.leaves(page.team_id, "2018-11")[0]
    assert (leave["leave_type"], leave["reason"], leave["approver"]) == ("病假", "到县医院就诊", "县委组织部 刘志强")
    assert "李红梅　11月5日至11月9日　病假，到县医院就诊，审批人：县委组织部 刘志强" in page.leaves_label.text()


@pytest.mark.parametrize(("start", "end", "message"), [
    ("2018-11-09", "2018-11-05", "结束日期：不能早于开始日期"),
    ("2018-11-31", "2018-11-05", "开始日期：2018-11-31不是有效日期"),
])
def test_bad_leave_shows_a_message_and_saves_nothing(qtbot, page: AttendancePage, workbook: Workbook, start: str,
                                                     end: str, message: str) -> None:
    go_to(qtbot, page, 0, 5)
    result: dict[str, str] = {}

    def bad_leave(dialog: QWidget) -> None:
        assert isinstance(dialog, LeaveDialog)
        for edit, text in ((dialog.ui.start_date, start), (dialog.ui.end_date, end)):
            edit.selectAll()
            qtbot.keyClicks(edit, text)
        qtbot.keyClick(dialog.ui.leave_type, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.ui.end_date, Qt.Key.Key_Return)
        result["error"] = dialog.ui.errorLabel.text()
        qtbot.keyClick(dialog.ui.end_date, Qt.Key.Key_Escape)

    before = (count(workbook, "leave_request"), count(workbook, "attendance"))
    in_modal(bad_leave)
    key(qtbot, page, "2")
    assert result["error"] == message
    assert (count(workbook, "leave_request"), count(workbook, "attendance")) == before


def test_cancel_a_leave(qtbot, page: AttendancePage, workbook: Workbook, team: dict[str, Any],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    workbook.attendance.add_leave(team["id"], team["people"]["赵志刚"], "2018-11-12", "2018-11-13", "事假")
    page.reload()
    go_to(qtbot, page, 2, 12)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.cancel_leave_button, Qt.MouseButton.LeftButton)
    assert statuses(page, 2) == {} and count(workbook, "leave_request") == 0
    qtbot.mouseClick(page.cancel_leave_button, Qt.MouseButton.LeftButton)
    assert page.message_label.text() == "光标所在的日期没有请假单。"


def test_spot_check_in_the_future_is_refused_then_saved(qtbot, page: AttendancePage, workbook: Workbook,
                                                        team: dict[str, Any]) -> None:
    go_to(qtbot, page, 2, 20)
    result: dict[str, str] = {}

    def check(dialog: QWidget) -> None:
        assert isinstance(dialog, SpotCheckDialog)
        assert dialog.ui.person_id.currentText() == "赵志刚" and dialog.ui.check_date.text() == "2018-11-20"
        dialog.ui.check_date.selectAll()
        qtbot.keyClicks(dialog.ui.check_date, "2018-12-03")
        qtbot.keyClick(dialog.ui.check_date, Qt.Key.Key_Tab)
        type_chinese(dialog.ui.checker.lineEdit(), "县委组织部督查组")
        qtbot.keyClick(dialog.ui.present, Qt.Key.Key_Down)           # 不在岗
        qtbot.keyClick(dialog.ui.check_date, Qt.Key.Key_Return)
        result["error"] = dialog.ui.errorLabel.text()
        assert count(workbook, "spot_check") == 0
        dialog.ui.check_date.selectAll()
        qtbot.keyClicks(dialog.ui.check_date, "2018-11-20")
        qtbot.keyClick(dialog.ui.check_date, Qt.Key.Key_Return)

    in_modal(check)
    qtbot.mouseClick(page.spot_button, Qt.MouseButton.LeftButton)
    assert result["error"] == "抽查日期：不能晚于今天"
    assert workbook.attendance.unexcused_absences(team["people"]["赵志刚"], 2018) == 1
    assert "赵志刚　11月20日　不在岗（无故缺勤）　县委组织部督查组" in page.checks_label.text()
    tip = page.model.data(page.model.index(2, 20), Qt.ItemDataRole.ToolTipRole)
    assert "抽查：不在岗（无故缺勤）" in tip


def test_county_sees_the_grid_read_only(qtbot, tmp_path, workbook: Workbook, team: dict[str, Any]) -> None:
    workbook.attendance.set_day(team["id"], team["people"]["王建国"], "2018-11-01", "在村")
    path = tmp_path / "county.sqlite3"
    workbook.db.execute("VACUUM INTO ?", [str(path)])
    with Workbook.open(path) as county:
        county.db.execute("UPDATE setting SET value = '\"140224\"' WHERE key = 'office.code'")
        county.db.conn.commit()
    county = Workbook.open(path)
    try:
        page = AttendancePage(county)
        qtbot.addWidget(page)
        page.show()
        assert page.township_combo.count() == 13 and page.team_combo.count() == 1
        assert page.note_label.isVisible() and not page.leave_button.isVisible() and page.spot_button.isVisible()
        go_to(qtbot, page, 0, 2)
        key(qtbot, page, "z")
        assert statuses(page, 0) == {1: "在村"}
        assert page.message_label.text() == "本工作队的考勤属于乡镇，这里只能查看。"
        page.township_combo.setCurrentIndex(page.township_combo.findData("140224102"))
        assert page.team_combo.count() == 0 and page.model.rowCount() == 0
    finally:
        county.close()


def test_switching_month_and_team(qtbot, page: AttendancePage, workbook: Workbook, team: dict[str, Any]) -> None:
    other = add_team(workbook, (("陈立新", "队长"),), name="曲回寺村驻村工作队", code_suffix="202")
    page._fill_teams()
    page.set_team(other["id"])
    assert [page.model.member(r).name for r in range(page.model.rowCount())] == ["陈立新"]
    page.set_team(team["id"])
    page.month_combo.setFocus()
    qtbot.keyClick(page.month_combo, Qt.Key.Key_Up)
    assert page.month == "2018-10" and page.model.day_of(31) == date(2018, 10, 31)
    page.step_month(1)
    assert page.month == "2018-11"
