"""The meetings page and dialog driven from the keyboard: a clerk records a 联席会 with two decisions typed into the
dialog's table, sees the overdue one in red and marks it done; bad input (a decision due before the meeting, a
meeting in the future, a second 例会 in a week) shows the Chinese message and saves nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.modal import activate, focused, in_modal, show
from tests.helpers import type_chinese

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

from lingqiu_desktop.gui.dialogs.meeting_edit import DONE_COLUMN, MeetingDialog
from lingqiu_desktop.gui.pages.meetings import MeetingsPage

TODAY = "2018-11-30"
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
RED = "#c62828"


def wire(workbook: Workbook) -> Workbook:
    """The working date the tests' weeks are counted from."""
    workbook.settings.set(REFERENCE_DATE_KEY, TODAY)
    return workbook


@pytest.fixture
def wb(workbook: Workbook) -> Workbook:
    return wire(workbook)


def counts(wb: Workbook) -> tuple[int, ...]:
    return tuple(wb.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                 for t in ("meeting", "meeting_decision", "audit_log"))


def ime_type(widget: QWidget, text: str, pinyin: str = "pinyin") -> None:
    """A pinyin IME as it really types into a table cell: a pre-edit string first (the view opens the cell's editor
    and keeps the keyboard until the composition ends), then the committed Chinese (which goes to the editor)."""
    widget.setFocus()
    QApplication.sendEvent(widget, QInputMethodEvent(pinyin, []))
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


def type_decision(qtbot, dialog: MeetingDialog, decision: str, owner: str, due: str) -> None:
    """Insert adds a row with the cursor in 决定事项; typing edits the cell, Tab goes on to the next one."""
    table = dialog.table
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    assert (table.currentRow(), table.currentColumn()) == (table.rowCount() - 1, 0)
    ime_type(table, decision)             # typing opens the cell's editor
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_chinese(focused(), owner)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    if due:
        qtbot.keyClicks(focused(), due)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # closes the cell editor only (the view does so a moment later)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert dialog.isVisible()


def fill_joint_meeting(qtbot, dialog: MeetingDialog, due_first: str = "2018-09-30") -> None:
    assert focused() is dialog.ui.meeting_date and dialog.ui.kind.currentText() == "联席会"
    qtbot.keyClicks(dialog.ui.meeting_date, "2018-09-18")
    qtbot.keyClick(dialog.ui.meeting_date, Qt.Key.Key_Tab)
    type_chinese(dialog.ui.title, "脱贫攻坚联席会议（第2次）")
    qtbot.keyClick(dialog.ui.title, Qt.Key.Key_Tab)
    type_chinese(dialog.ui.attendees, "县委书记、县长、各乡镇党委书记")
    qtbot.keyClick(dialog.ui.attendees, Qt.Key.Key_Tab)
    assert focused() is dialog.ui.minutes
    type_chinese(dialog.ui.minutes, "研究部署第四季度脱贫攻坚工作")
    qtbot.keyClick(dialog.ui.minutes, Qt.Key.Key_Tab)
    assert focused() is dialog.table
    type_decision(qtbot, dialog, "易地搬迁组月底前完成旧房拆除统计", "易地搬迁组", due_first)
    type_decision(qtbot, dialog, "金融扶贫组清理逾期贷款", "金融扶贫组", "2018-12-15")


def test_a_joint_meeting_with_two_decisions_one_marked_done(qtbot, wb: Workbook) -> None:
    page = show(qtbot, MeetingsPage(wb))
    assert page.count_label.text() == "共 0 次会议"

    def drive(dialog: MeetingDialog) -> None:
        fill_joint_meeting(qtbot, dialog)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # no cell being edited: Enter saves
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    in_modal(qtbot, lambda: qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL), drive)
    assert page.count_label.text() == "共 1 次会议"
    record = page.current_record()
    assert (record["kind"], record["title"], record["decisions"], record["open"], record["overdue"]) == (
        "联席会", "脱贫攻坚联席会议（第2次）", 2, 2, 1)
    assert page.minutes_label.text() == "脱贫攻坚联席会议（第2次）（2018-09-18）纪要：研究部署第四季度脱贫攻坚工作"
    model = page.decision_model
    shown = [[model.data(model.index(r, c)) for c in range(5)] for r in range(model.rowCount())]
    assert shown == [["1", "易地搬迁组月底前完成旧房拆除统计", "易地搬迁组", "2018-09-30", "已逾期"],
                     ["2", "金融扶贫组清理逾期贷款", "金融扶贫组", "2018-12-15", "未办结"]]
    assert model.data(model.index(0, 4), Qt.ItemDataRole.ForegroundRole).color() == QColor(RED)

    activate(qtbot, page)
    page.decision_table.setFocus()
    page.decision_table.selectRow(0)
    qtbot.keyClick(page.decision_table, Qt.Key.Key_D, CTRL)
    assert [model.data(model.index(r, 4)) for r in range(2)] == ["已办结", "未办结"]
    assert page.current_record()["overdue"] == 0
    assert [d["done"] for d in wb.meetings.decisions(record["id"])] == [1, 0]
    assert wb.meetings.overdue(wb.today()) == []


@pytest.mark.parametrize("due_first, date_text, message", [
    ("2018-09-01", "", "第1条决定的完成时限：不能早于会议日期2018-09-18"),
    ("2018-09-31", "", "第1条决定的完成时限：2018-09-31不是有效日期"),
    ("2018-09-30", "2018-12-03", "会议日期：不能晚于今天"),
])
def test_bad_meetings_show_the_message_and_save_nothing(qtbot, wb: Workbook, due_first: str, date_text: str,
                                                        message: str) -> None:
    page = show(qtbot, MeetingsPage(wb))
    before = counts(wb)

    def drive(dialog: MeetingDialog) -> None:
        fill_joint_meeting(qtbot, dialog, due_first)
        if date_text:
            dialog.ui.meeting_date.setFocus()
            qtbot.keyClick(dialog.ui.meeting_date, Qt.Key.Key_A, CTRL)
            qtbot.keyClicks(dialog.ui.meeting_date, date_text)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.ui.errorLabel.text() == message
        assert counts(wb) == before
        if not date_text:  # the bad cell is marked and has the cursor
            cell = dialog.table.item(0, 2)
            assert cell.background().color() == QColor("#fde2df") and dialog.table.currentItem() is cell
        else:
            assert dialog.ui.meeting_date.property("invalid") is True

    in_modal(qtbot, lambda: qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL), drive)
    assert counts(wb) == before


def test_empty_rows_are_left_out_and_rows_can_be_removed(qtbot, wb: Workbook) -> None:
    page = show(qtbot, MeetingsPage(wb))

    def drive(dialog: MeetingDialog) -> None:
        fill_joint_meeting(qtbot, dialog)
        table = dialog.table
        qtbot.keyClick(table, Qt.Key.Key_Insert)   # an empty row nobody filled in
        table.setCurrentCell(0, 0)
        qtbot.keyClick(table, Qt.Key.Key_Delete)  # the first decision goes
        table.setCurrentCell(0, DONE_COLUMN)
        qtbot.keyClick(table, Qt.Key.Key_Space)   # the remaining one is already done
        assert table.rowCount() == 2
        qtbot.keyClick(table, Qt.Key.Key_Return)
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    in_modal(qtbot, lambda: qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL), drive)
    saved = wb.meetings.decisions(page.current_record()["id"])
    assert [(d["decision"], d["done"]) for d in saved] == [("金融扶贫组清理逾期贷款", 1)]


def test_a_second_weekly_meeting_in_one_week_is_refused(qtbot, wb: Workbook) -> None:
    wb.meetings.add({"kind": "例会", "meeting_date": "2018-11-26", "minutes": "听取汇报"}, today=wb.today())
    page = show(qtbot, MeetingsPage(wb))
    before = counts(wb)

    def drive(dialog: MeetingDialog) -> None:
        assert dialog.ui.kind.currentText() == "例会" and dialog.ui.meeting_date.text() == TODAY
        qtbot.keyClick(dialog.ui.meeting_date, Qt.Key.Key_Return)
        assert dialog.ui.errorLabel.text() == "会议日期：这一周已有例会记录（2018-11-26），请修改原记录"
        assert counts(wb) == before

    in_modal(qtbot, lambda: qtbot.mouseClick(page.add_weekly, Qt.MouseButton.LeftButton), drive)


def test_editing_keeps_decision_ids_and_the_county_only_looks(qtbot, wb: Workbook) -> None:
    decisions = [{"decision": "宣传报道组每周报送工作动态", "responsible": "宣传报道组"}]
    meeting = wb.meetings.add({"kind": "联席会", "meeting_date": "2018-09-18"}, decisions, today=wb.today())
    first = wb.meetings.decisions(meeting["id"])[0]
    page = show(qtbot, MeetingsPage(wb))

    def edit(dialog: MeetingDialog) -> None:
        assert dialog.windowTitle() == "修改联席会记录：2018-09-18" and focused() is dialog.ui.minutes
        type_chinese(dialog.ui.minutes, "补记纪要")
        qtbot.keyClick(dialog.ui.minutes, Qt.Key.Key_Tab)
        type_decision(qtbot, dialog, "督查考核组下周开展暗访", "督查考核组", "2018-12-07")
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    in_modal(qtbot, lambda: qtbot.keyClick(page.table, Qt.Key.Key_Return), edit)
    saved = wb.meetings.decisions(meeting["id"])
    assert [d["id"] for d in saved][0] == first["id"] and len(saved) == 2
    assert wb.meetings.get(meeting["id"])["minutes"] == "补记纪要"

    county = wire(Workbook(wb.db, wb.path, "140224"))
    view = show(qtbot, MeetingsPage(county))
    assert view.count_label.text() == "共 0 次会议"   # the county's own meetings first
    view.office_combo.setCurrentIndex(view.office_combo.findData(wb.office_code))
    assert view.count_label.text() == "共 1 次会议" and view.edit_button.text() == "查看"
    assert not view.add_joint.isVisible() and not view.done_button.isVisible()
    before = counts(wb)

    def look(dialog: MeetingDialog) -> None:
        assert dialog.read_only and dialog.windowTitle() == "查看联席会记录：2018-09-18"
        assert dialog.ui.minutes.isReadOnly() and not dialog.ui.addDecision.isVisible()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Insert)
        assert dialog.table.rowCount() == 2

    activate(qtbot, view)
    in_modal(qtbot, lambda: qtbot.keyClick(view.table, Qt.Key.Key_F2), look)
    qtbot.keyClick(view.table, Qt.Key.Key_D, CTRL)
    assert counts(wb) == before
