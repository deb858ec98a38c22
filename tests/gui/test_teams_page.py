"""TeamsPage with TeamDialog and MembershipDialog: a clerk registers people, forms a team for a village, posts them
with roles, recalls one, and the 变更记录 tab shows each step; bad input is refused with the Chinese message."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from tests.gui.test_people_page import (
    FEMALE_ID,
    MALE_ID,
    add_person_by_dialog,
    click,
    focused,
    in_modal,
    press,
    press_on,
    retype,
    save_button,
    tab_to,
)
from tests.helpers import add_village, type_chinese

from lingqiu_desktop.core.people import clean_membership, clean_person, clean_team

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.pages.people import PeoplePage
from lingqiu_desktop.gui.pages.teams import TeamsPage

TODAY = "2018-11-30"
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def count(workbook: Workbook, table: str) -> int:
    return workbook.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def choose_person(qtbot, picker, initials: str) -> None:
    """Type pinyin initials into a person picker and take the first match from the popup with the keyboard."""
    picker.setFocus()
    qtbot.keyClicks(picker, initials)
    picker.search_now()
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.person_id(), initials


def choose_item(qtbot, combo, text: str) -> None:
    """Move a combo box to an item with the arrow keys."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, text
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up)


def member_row(page: TeamsPage, name: str) -> int:
    return next(i for i in range(page.member_model.rowCount()) if page.member_model.row(i)["name"] == name)


@pytest.fixture
def workbook(workbook: Workbook) -> Workbook:
    workbook.settings.set("app.reference_date", TODAY)
    return workbook


@pytest.fixture
def village(workbook: Workbook) -> dict:
    return add_village(workbook)


@pytest.fixture
def page(qtbot, workbook: Workbook, village: dict) -> TeamsPage:
    return show(qtbot, TeamsPage(workbook))


def add_team_by_dialog(qtbot, page: TeamsPage, start: str = "2018-03-01") -> None:
    def drive(dialog) -> None:
        assert focused() is dialog.ui.village_id
        press(qtbot, Qt.Key.Key_Down)  # the only village
        assert dialog.ui.name.text() == "下野窝村驻村工作队", "the name follows the village"
        tab_to(qtbot, "name")
        type_chinese(tab_to(qtbot, "sending_unit"), "县财政局")
        qtbot.keyClicks(tab_to(qtbot, "start_date"), start)
        press(qtbot, Qt.Key.Key_Return)
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    in_modal(qtbot, lambda: press_on(qtbot, page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier), drive)


def add_member_by_dialog(qtbot, page: TeamsPage, initials: str, role: str, start: str) -> None:
    def drive(dialog) -> None:
        assert focused() is dialog.ui.person_id
        choose_person(qtbot, dialog.ui.person_id, initials)
        assert dialog.ui.person_info.text() != ""
        role_box = tab_to(qtbot, "role")
        choose_item(qtbot, role_box, role)
        retype(qtbot, tab_to(qtbot, "start_date"), start)
        press(qtbot, Qt.Key.Key_Return)
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    in_modal(qtbot, lambda: press_on(qtbot, page.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier), drive)


def test_clerk_forms_a_team_posts_three_recalls_one(qtbot, workbook: Workbook, page: TeamsPage,
                                                     qtmodeltester) -> None:
    people = show(qtbot, PeoplePage(workbook))
    add_person_by_dialog(qtbot, people, "张先云", MALE_ID, "13912345678")
    add_person_by_dialog(qtbot, people, "李芳", FEMALE_ID)
    add_person_by_dialog(qtbot, people, "王大山")
    assert count(workbook, "person") == 3

    add_team_by_dialog(qtbot, page)
    assert page.count_label.text() == "共 1 个工作队"
    assert page.current_record()["name"] == "下野窝村驻村工作队"
    add_member_by_dialog(qtbot, page, "zxy", "第一书记", "2018-03-01")
    add_member_by_dialog(qtbot, page, "lf", "队长", "2018-03-05")
    add_member_by_dialog(qtbot, page, "wds", "队员", "2018-03-05")
    assert page.warning_label.isHidden()

    page.member_table.selectRow(member_row(page, "王大山"))

    def recall(dialog) -> None:
        assert dialog.windowTitle() == "召回队员：王大山（下野窝村驻村工作队）"
        assert focused() is dialog.ui.end_date and dialog.ui.end_date.text() == TODAY
        retype(qtbot, dialog.ui.end_date, "2018-09-10")
        type_chinese(tab_to(qtbot, "remarks"), "长期不在岗")
        press(qtbot, Qt.Key.Key_Return)
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    in_modal(qtbot, lambda: click(qtbot, page.findChild(QPushButton, "recallButton")), recall)

    team = page.current_record()
    assert (team["leader"], team["first_secretary"], team["member_count"]) == ("李芳", "张先云", 2)
    members = {page.member_model.row(i)["name"]: page.member_model.row(i) for i in range(3)}
    assert [(m["role"], m["status"]) for m in members.values()] == [("第一书记", "在岗"), ("队长", "在岗"),
                                                                    ("队员", "召回")]
    assert (members["王大山"]["end_date"], members["王大山"]["remarks"]) == ("2018-09-10", "长期不在岗")
    assert page.warning_label.text() == "提示：在岗队员2人，少于一般要求的3人" and not page.warning_label.isHidden()

    history = [page.history_model.row(i) for i in range(page.history_model.rowCount())]
    assert [(h["event_date"], h["kind"], h["person_name"]) for h in reversed(history)] == [
        ("2018-03-01", "成立", ""),
        ("2018-03-01", "成员进驻", "张先云"),
        ("2018-03-01", "角色变更", "张先云"),
        ("2018-03-01", "队长变更", "张先云"),
        ("2018-03-05", "成员进驻", "李芳"),
        ("2018-03-05", "队长变更", "李芳"),
        ("2018-03-05", "成员进驻", "王大山"),
        ("2018-09-10", "召回", "王大山"),
    ]
    assert history[0]["detail"] == "王大山召回离村：长期不在岗"
    assert page.tabs.tabText(1) == "变更记录（8）" and page.tabs.tabText(0) == "队员（在岗2人）"
    for model in (page.model, page.member_model, page.history_model):
        qtmodeltester.check(model)


def test_leader_picked_in_the_team_dialog_joins_the_team(qtbot, workbook: Workbook, village: dict,
                                                        page: TeamsPage) -> None:
    person = workbook.people.add(clean_person({"name": "王大山", "kind": "干部"}))
    workbook.teams.add(clean_team({"village_id": village["id"], "sending_unit": "县财政局",
                                   "start_date": "2018-03-01"}, village_name="下野窝村"))
    page.refresh()

    def drive(dialog) -> None:
        assert dialog.windowTitle() == "修改驻村工作队：下野窝村驻村工作队"
        choose_person(qtbot, dialog.ui.leader_person_id, "wds")
        press(qtbot, Qt.Key.Key_Return)
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    in_modal(qtbot, lambda: press_on(qtbot, page.table, Qt.Key.Key_F2, NO_MODIFIER), drive)
    assert page.current_record()["leader"] == "王大山"
    member = page.member_model.row(0)
    assert (member["person_id"], member["role"], member["start_date"]) == (person["id"], "队长", TODAY)
    kinds = [page.history_model.row(i)["kind"] for i in range(page.history_model.rowCount())]
    assert kinds == ["队长变更", "成员进驻", "成立"]


@pytest.mark.parametrize(("village_key", "start", "end", "message", "bad_widget"), [
    (True, "2018-03-01", "2018-02-01", "派驻结束日期：不能早于派驻开始日期", "end_date"),
    (False, "2018-03-01", "", "所属村：请选择村庄", "village_id"),
    (True, "2019-01-01", "", "派驻开始日期：不能晚于今天", "start_date"),
    (True, "2018-13-01", "", "派驻开始日期：2018-13-01不是有效日期", "start_date"),
])
def test_bad_team_input_saves_nothing(qtbot, workbook: Workbook, page: TeamsPage, village_key: bool, start: str,
                                      end: str, message: str, bad_widget: str) -> None:
    def drive(dialog) -> None:
        if village_key:
            press(qtbot, Qt.Key.Key_Down)
        type_chinese(dialog.ui.sending_unit, "县财政局")
        qtbot.keyClicks(dialog.ui.start_date, start)
        qtbot.keyClicks(dialog.ui.end_date, end)
        click(qtbot, save_button(dialog))
        assert dialog.isVisible()
        assert message in dialog.ui.errorLabel.text()
        assert getattr(dialog.ui, bad_widget).property("invalid") is True

    in_modal(qtbot, page.add_team, drive)
    assert count(workbook, "work_team") == 0 and count(workbook, "team_event") == 0


@pytest.fixture
def team(workbook: Workbook, village: dict, page: TeamsPage) -> dict:
    row = workbook.teams.add(clean_team({"village_id": village["id"], "sending_unit": "县财政局",
                                         "start_date": "2018-03-01"}, village_name="下野窝村"))
    page.refresh(row["id"])
    return row


@pytest.mark.parametrize(("initials", "start", "end", "message"), [
    ("zxy", "2018-03-01", "2018-02-01", "离村日期：不能早于进驻日期"),
    ("zxy", "2018-02-01", "", "进驻日期：不能早于工作队派驻开始日期2018-03-01"),
    ("", "2018-03-01", "", "人员：请从列表中选择人员（可输入姓名或拼音首字母查找）"),
])
def test_bad_membership_input_saves_nothing(qtbot, workbook: Workbook, page: TeamsPage, team: dict, initials: str,
                                            start: str, end: str, message: str) -> None:
    workbook.people.add(clean_person({"name": "张先云", "kind": "干部"}))
    before = count(workbook, "team_membership"), count(workbook, "team_event")

    def drive(dialog) -> None:
        if initials:
            choose_person(qtbot, dialog.ui.person_id, initials)
        else:
            qtbot.keyClicks(dialog.ui.person_id, "zxy")  # typed, never chosen from the list
        retype(qtbot, dialog.ui.start_date, start)
        qtbot.keyClicks(dialog.ui.end_date, end)
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.ui.errorLabel.text() == message

    in_modal(qtbot, page.add_member, drive)
    assert (count(workbook, "team_membership"), count(workbook, "team_event")) == before


def test_recall_needs_a_reason(qtbot, workbook: Workbook, page: TeamsPage, team: dict) -> None:
    person = workbook.people.add(clean_person({"name": "张先云", "kind": "干部"}))
    workbook.teams.add_member(team["id"], clean_membership({"person_id": person["id"], "start_date": "2018-03-01"}))
    page.refresh(team["id"])
    page.member_table.selectRow(0)
    events = count(workbook, "team_event")

    def drive(dialog) -> None:
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.ui.errorLabel.text() == "召回原因：不能为空"
        assert dialog.ui.remarks.property("invalid") is True

    in_modal(qtbot, page.recall_member, drive)
    assert page.member_model.row(0)["status"] == "在岗" and count(workbook, "team_event") == events


def test_county_sees_township_teams_read_only(qtbot, tmp_path: Path) -> None:
    with Workbook.create(tmp_path / "county.sqlite3", "140224") as county:
        db = county.db
        db.execute("INSERT INTO village (id, owner, township_code, code, name, created_at, updated_at) "
                   "VALUES ('v1', '140224101', '140224101', '140224101201', '下野窝村', 'x', 'x')")
        db.execute("INSERT INTO person (id, owner, township_code, name, kind, created_at, updated_at) "
                   "VALUES ('p1', '140224101', '140224101', '张先云', '工作队员', 'x', 'x')")
        db.execute("INSERT INTO work_team (id, owner, township_code, village_id, name, sending_unit, start_date, "
                   "created_at, updated_at) VALUES ('t1', '140224101', '140224101', 'v1', '下野窝村驻村工作队', "
                   "'县财政局', '2018-03-01', 'x', 'x')")
        db.execute("INSERT INTO team_membership (id, owner, team_id, person_id, start_date, created_at, updated_at) "
                   "VALUES ('m1', '140224101', 't1', 'p1', '2018-03-01', 'x', 'x')")
        page = show(qtbot, TeamsPage(county))
        buttons = {b.objectName(): b.text() for b in page.findChildren(QPushButton)}
        assert buttons == {"editButton": "查看", "editMemberButton": "查看", "printButton": "打印责任清单"}
        assert not page.table.isColumnHidden(1) and page.current_record()["township"] == "东河南镇"

        def view_team(dialog) -> None:
            assert dialog.windowTitle() == "查看驻村工作队：下野窝村驻村工作队"
            assert dialog.ui.sending_unit.isReadOnly() and dialog.ui.headsHint.isHidden()

        in_modal(qtbot, page.edit_current, view_team)
        page.member_table.selectRow(0)

        def view_member(dialog) -> None:
            assert dialog.windowTitle() == "查看队员（下野窝村驻村工作队）"
            assert dialog.ui.person_id.isReadOnly() and not dialog.ui.role.isEnabled()

        in_modal(qtbot, page.edit_member, view_member)
        assert county.db.execute("SELECT COUNT(*) FROM audit_log WHERE table_name <> 'setting'").fetchone()[0] == 0
