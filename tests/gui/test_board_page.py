"""The weekly board (小黑板) driven from the keyboard: a township sets up its work groups, a clerk writes items for two
groups, marks one done, carries the rest to next week and sees them marked; bad input shows the Chinese message and
saves nothing; lagging groups stand out; the week's 例会 minutes are recorded from the board."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.gui.modal import activate, focused, in_modal, show
from tests.helpers import type_chinese

from lingqiu_desktop.core.board import DEFAULT_COUNTY_GROUPS

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

from lingqiu_desktop.gui.board_cards import GroupCard
from lingqiu_desktop.gui.dialogs.board_item_edit import BoardItemDialog, GroupsDialog
from lingqiu_desktop.gui.pages.board import BoardPage

TODAY = "2018-11-30"
WEEK = "2018-11-26"
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def wire(workbook: Workbook) -> Workbook:
    """The working date the tests' weeks are counted from."""
    workbook.settings.set(REFERENCE_DATE_KEY, TODAY)
    return workbook


@pytest.fixture
def wb(workbook: Workbook) -> Workbook:
    return wire(workbook)


@pytest.fixture
def groups(wb: Workbook) -> list[dict]:
    return [wb.board.add_group({"name": "综合协调组", "leader": "李源泉"}), wb.board.add_group({"name": "产业发展组"})]


def count(wb: Workbook, table: str) -> int:
    return wb.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def card(page: BoardPage, name: str) -> GroupCard:
    return next(c for c in page.cards if c.card.group["name"] == name)


def lines(page: BoardPage, name: str) -> list[str]:
    """What a card shows, line by line: headings, then status | content | owner of each item."""
    table = card(page, name).table
    shown = []
    for row in range(table.rowCount()):
        cells = [table.item(row, c).text() for c in range(3) if table.item(row, c) is not None]
        shown.append(" | ".join(cells))
    return shown


def add_item_by_keyboard(qtbot, page: BoardPage, group: str, content: str, owner: str,
                         section: str = "本周计划") -> None:
    """Ctrl+N on the group's card: the dialog opens on 事项内容 with the group, the week and the section the cursor
    is in filled in; Shift+Tab goes back to 类别 when the item belongs in the other one."""
    activate(qtbot, page)
    table = card(page, group).table
    table.setFocus()

    def drive(dialog: BoardItemDialog) -> None:
        assert focused() is dialog.ui.content
        assert (dialog.ui.group_id.currentText(), dialog.ui.week_start.text()) == (group, WEEK)
        assert dialog.ui.week_info.text() == "2018年11月26日（周一）至12月2日"
        if dialog.ui.section.currentText() != section:
            qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
            assert focused() is dialog.ui.section
            qtbot.keyClick(dialog.ui.section, Qt.Key.Key_Up if section == "上月完成" else Qt.Key.Key_Down)
            assert dialog.ui.section.currentText() == section
            qtbot.keyClick(dialog.ui.section, Qt.Key.Key_Tab)
        type_chinese(dialog.ui.content, content)
        qtbot.keyClick(dialog.ui.content, Qt.Key.Key_Tab)
        type_chinese(dialog.ui.responsible, owner)
        qtbot.keyClick(dialog.ui.responsible, Qt.Key.Key_Return)
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    in_modal(qtbot, lambda: qtbot.keyClick(table, Qt.Key.Key_N, CTRL), drive)


def test_a_township_sets_up_its_groups_and_a_name_twice_is_refused(qtbot, wb: Workbook) -> None:
    page = show(qtbot, BoardPage(wb))
    assert page.cards == [] and "还没有设置工作组" in page.empty_note.text()

    def drive(dialog: GroupsDialog) -> None:
        assert focused() is dialog.name
        for name, leader in (("综合协调组", "李源泉"), ("产业发展组", "")):
            type_chinese(dialog.name, name)
            if leader:
                qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
                type_chinese(dialog.leader, leader)
            qtbot.keyClick(focused(), Qt.Key.Key_Return)
            assert dialog.error.isHidden() and dialog.name.text() == ""
        before = count(wb, "work_group"), count(wb, "audit_log")
        type_chinese(dialog.name, "综合协调组")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        assert dialog.error.text() == "工作组名称：已有同名工作组“综合协调组”"
        assert (count(wb, "work_group"), count(wb, "audit_log")) == before
        assert dialog.list.count() == 2
        qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)

    in_modal(qtbot, lambda: qtbot.mouseClick(page.groups_button, Qt.MouseButton.LeftButton), drive)
    assert [c.card.group["name"] for c in page.cards] == ["综合协调组", "产业发展组"]
    assert lines(page, "综合协调组") == ["上月完成", "（暂无）", "本周计划", "（暂无）"]


def test_items_for_two_groups_one_done_the_rest_carried_and_marked(qtbot, wb: Workbook, groups: list) -> None:
    page = show(qtbot, BoardPage(wb))
    assert page.week_label.text() == "2018年11月26日（周一）至12月2日"  # the working date's week
    add_item_by_keyboard(qtbot, page, "综合协调组", "完成10月份贫困户收入核算", "李源泉", "上月完成")
    add_item_by_keyboard(qtbot, page, "综合协调组", "核对建档立卡数据", "李源泉")
    add_item_by_keyboard(qtbot, page, "产业发展组", "召开产业扶贫项目推进会", "王光刚")
    add_item_by_keyboard(qtbot, page, "产业发展组", "培训村级信息员", "张强")
    assert count(wb, "board_item") == 4
    assert lines(page, "综合协调组") == ["上月完成（1项）", "未开始 | 完成10月份贫困户收入核算 | 李源泉",
                                          "本周计划（1项）", "未开始 | 核对建档立卡数据 | 李源泉"]

    activate(qtbot, page)
    table = card(page, "产业发展组").table  # the last item added is current: Space marks it done
    assert table.current_item()["content"] == "培训村级信息员"
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert lines(page, "产业发展组")[3:] == ["未开始 | 召开产业扶贫项目推进会 | 王光刚",
                                              "已完成 | 培训村级信息员 | 张强"]

    qtbot.keyClick(focused(), Qt.Key.Key_Right, ALT)  # next week
    assert page.week_label.text() == "2018年12月3日（周一）至12月9日"
    assert page.carry_button.isEnabled() and "（2项）" in page.carry_button.text()
    qtbot.mouseClick(page.carry_button, Qt.MouseButton.LeftButton)
    assert page.carry_result.text() == "已将2项未完成事项结转到本周"
    assert lines(page, "综合协调组") == ["上月完成", "（暂无）", "本周计划（1项）",
                                          "未开始 | ↻ 上周结转　核对建档立卡数据 | 李源泉"]
    assert lines(page, "产业发展组")[3:] == ["未开始 | ↻ 上周结转　召开产业扶贫项目推进会 | 王光刚"]
    assert not page.carry_button.isEnabled()  # nothing left to carry
    carried = wb.db.execute("SELECT COUNT(*) FROM board_item WHERE week_start = '2018-12-03' AND carried_from IS "
                            "NOT NULL").fetchone()[0]
    assert carried == 2
    qtbot.keyClick(focused(), Qt.Key.Key_Left, ALT)
    assert "核对建档立卡数据" in lines(page, "综合协调组")[3]  # the week before is as it was shown


@pytest.mark.parametrize("field, text, message", [
    ("content", "", "事项内容：不能为空"),
    ("week_start", "2018-13-01", "周次：2018-13-01不是有效日期"),
    ("week_start", "", "周次：不能为空"),
])
def test_bad_items_show_the_message_and_save_nothing(qtbot, wb: Workbook, groups: list, field: str, text: str,
                                                     message: str) -> None:
    page = show(qtbot, BoardPage(wb))
    before = count(wb, "board_item"), count(wb, "audit_log")

    def drive(dialog: BoardItemDialog) -> None:
        type_chinese(dialog.ui.content, "核对建档立卡数据")
        widget = getattr(dialog.ui, field)
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
        qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.ui.errorLabel.text() == message
        assert widget.property("invalid") is True and focused() is widget
        assert (count(wb, "board_item"), count(wb, "audit_log")) == before

    in_modal(qtbot, lambda: qtbot.keyClick(card(page, "综合协调组").table, Qt.Key.Key_N, CTRL), drive)
    assert (count(wb, "board_item"), count(wb, "audit_log")) == before


def test_edit_an_item_by_enter_and_a_lagging_group_stands_out(qtbot, wb: Workbook, groups: list) -> None:
    for week, status in (("2018-11-12", "进行中"), ("2018-11-19", "进行中")):
        if week == "2018-11-12":
            wb.board.add_item({"group_id": groups[1]["id"], "week_start": week, "content": "推进安置点旧房拆除复垦",
                               "responsible": "张强", "status": status})
        wb.board.carry_over(week, "2018-11-19" if week == "2018-11-12" else WEEK)
    page = show(qtbot, BoardPage(wb))
    lagging = card(page, "产业发展组")
    assert lagging.property("laggard") is True and card(page, "综合协调组").property("laggard") is False
    assert lines(page, "产业发展组")[3] == "进行中 | ↻ 结转2次　推进安置点旧房拆除复垦 | 张强"
    lagging.table.setFocus()

    def drive(dialog: BoardItemDialog) -> None:
        assert dialog.ui.carried_info.text() == "↻ 由上周结转而来（已结转2次）"
        qtbot.keyClick(dialog.ui.content, Qt.Key.Key_Tab)
        qtbot.keyClick(dialog.ui.responsible, Qt.Key.Key_Tab)
        qtbot.keyClick(dialog.ui.status, Qt.Key.Key_Down)  # 进行中 → 已完成
        assert dialog.ui.status.currentText() == "已完成"
        qtbot.keyClick(dialog.ui.status, Qt.Key.Key_Return)
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    in_modal(qtbot, lambda: qtbot.keyClick(lagging.table, Qt.Key.Key_Return), drive)
    assert lines(page, "产业发展组")[3] == "已完成 | ↻ 结转2次　推进安置点旧房拆除复垦 | 张强"
    assert card(page, "产业发展组").property("laggard") is True  # carried twice still names the group
    assert page.lag_summary.text() == "本周点名（滞后）：产业发展组"


@pytest.mark.parametrize("typed, label", [
    ("2018-10-17", "2018年10月15日（周一）至10月21日"),
    ("20181231", "2018年12月31日（周一）至2019年1月6日"),
])
def test_going_to_the_week_of_a_typed_date(qtbot, wb: Workbook, groups: list, typed: str, label: str) -> None:
    page = show(qtbot, BoardPage(wb))
    qtbot.keyClicks(page.go_to, "2018-13-01")
    qtbot.keyClick(page.go_to, Qt.Key.Key_Return)
    assert page.week_label.text() == "2018年11月26日（周一）至12月2日"
    assert page.go_to.toolTip() == "日期：2018-13-01不是有效日期"
    qtbot.keyClick(page.go_to, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(page.go_to, typed)
    qtbot.keyClick(page.go_to, Qt.Key.Key_Return)
    assert page.week_label.text() == label and page.go_to.text() == ""
    qtbot.mouseClick(page.findChild(QWidget, "thisWeek"), Qt.MouseButton.LeftButton)
    assert page.week_label.text() == "2018年11月26日（周一）至12月2日"


def test_the_weeks_minutes_are_recorded_from_the_board(qtbot, wb: Workbook, groups: list) -> None:
    page = show(qtbot, BoardPage(wb))
    assert page.minutes_label.text() == "本周例会纪要：尚未记录。"
    assert page.minutes_button.text() == "记录本周例会(&M)"

    def drive(dialog) -> None:
        assert (dialog.ui.kind.currentText(), dialog.ui.meeting_date.text()) == ("例会", WEEK)
        type_chinese(dialog.ui.minutes, "听取各工作组汇报，点名产业发展组")
        qtbot.keyClick(dialog.ui.meeting_date, Qt.Key.Key_Return)
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    in_modal(qtbot, lambda: qtbot.keyClick(focused(), Qt.Key.Key_M, ALT), drive)
    meeting = wb.meetings.for_week(WEEK)
    assert (meeting["kind"], meeting["minutes"]) == ("例会", "听取各工作组汇报，点名产业发展组")
    assert page.minutes_label.text() == "本周例会纪要（2018-11-26）：听取各工作组汇报，点名产业发展组"
    assert page.minutes_button.text() == "修改例会纪要(&M)"


def test_the_county_has_its_eleven_groups_and_reads_a_townships_board(qtbot, wb: Workbook, groups: list,
                                                                       tmp_path: Path) -> None:
    wb.board.add_item({"group_id": groups[0]["id"], "week_start": WEEK, "content": "核对建档立卡数据"})
    county = wire(Workbook(wb.db, wb.path, "140224"))
    page = show(qtbot, BoardPage(county))
    assert [c.card.group["name"] for c in page.cards] == list(DEFAULT_COUNTY_GROUPS)
    assert page.add_item_button.isVisible()
    page.office_combo.setCurrentIndex(page.office_combo.findData(wb.office_code))
    assert page.office_combo.currentText() == "东河南镇（只读）"
    assert [c.card.group["name"] for c in page.cards] == ["综合协调组", "产业发展组"]
    assert not page.add_item_button.isVisible() and not page.carry_button.isVisible()
    table = card(page, "综合协调组").table
    table.setFocus()
    before = count(wb, "audit_log")
    qtbot.keyClick(table, Qt.Key.Key_Space)  # marking done is the township's business
    assert lines(page, "综合协调组")[3] == "未开始 | 核对建档立卡数据 | "

    def drive(dialog: BoardItemDialog) -> None:
        assert dialog.read_only and dialog.windowTitle() == "查看事项：综合协调组"
        assert dialog.ui.content.isReadOnly()

    in_modal(qtbot, lambda: qtbot.keyClick(table, Qt.Key.Key_Return), drive)
    assert count(wb, "audit_log") == before
