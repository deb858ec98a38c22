"""MemberDialog: members of a household; 性别 must agree with the ID number; the head's identity is locked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.gui.dialog_helpers import (
    HEAD_ID,
    TOWNSHIP,
    as_county,
    choose,
    click_save,
    focused,
    open_dialog,
    press,
    retype,
    save_button,
    tab_to,
    type_text,
    valid_id,
)
from tests.helpers import add_household, add_village

from lingqiu_desktop.core.records import clean_member

from lingqiu_desktop.data.households import HouseholdFilter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.member_edit import MemberDialog

WIFE_ID = valid_id("14022419820305002")  # 女, born 1982-03-05
SON_ID = valid_id("14022420080916003")  # 男


# -- fixtures --------------------------------------------------------------------------------------------------------
def add_head_household(workbook: Workbook) -> str:
    """张先云 (HEAD_ID) alone, in a village of the township."""
    village = add_village(workbook, "201", "上北泉村", township=TOWNSHIP)
    return add_household(workbook, village["id"], "张先云", head_id_number=HEAD_ID)["id"]


@pytest.fixture
def household_id(workbook: Workbook) -> str:
    return add_head_household(workbook)


@pytest.fixture
def dialog(qtbot, workbook: Workbook, household_id: str) -> MemberDialog:
    return open_dialog(qtbot, MemberDialog(workbook, household_id))


def member_count(workbook: Workbook, household_id: str) -> int:
    [row] = [r for r in workbook.list_page("household", HouseholdFilter(), None) if r["id"] == household_id]
    return int(row["member_count"])


# -- adding ----------------------------------------------------------------------------------------------------------
def test_add_member_updates_member_count(qtbot, workbook: Workbook, household_id: str, dialog: MemberDialog) -> None:
    assert dialog.windowTitle() == "新增家庭成员（张先云户）"
    assert focused() is dialog.ui.name
    type_text(qtbot, dialog.ui.name, "王桂兰")
    type_text(qtbot, tab_to(qtbot, "id_number"), WIFE_ID)
    assert dialog.ui.id_number_info.text() == "女，1982年3月5日生"
    assert tab_to(qtbot, "sex").currentText() == "女"  # preset from the ID number
    tab_to(qtbot, "relation")
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.ui.relation.currentText() == "配偶"
    for name in ("ethnicity", "education", "school_status", "health", "labor_ability"):
        tab_to(qtbot, name)
    press(qtbot, Qt.Key.Key_Down)  # 技能劳动力
    tab_to(qtbot, "work_status")
    type_text(qtbot, tab_to(qtbot, "work_months"), "6")
    tab_to(qtbot, "dibao")
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert member_count(workbook, household_id) == 2
    members = workbook.households.members(household_id)
    assert [m["name"] for m in members] == ["张先云", "王桂兰"]
    wife = members[1]
    assert wife["id"] == dialog.saved_id
    assert (wife["sex"], wife["relation"], wife["ethnicity"], wife["labor_ability"]) == ("女", "配偶", "汉族",
                                                                                         "技能劳动力")
    assert (wife["work_months"], wife["dibao"], wife["medical_insurance"], wife["pension"]) == (6, 1, 1, 0)
    assert [r["id"] for r in workbook.list_page("household", HouseholdFilter(text="wgl"), None)] == [household_id]


def test_head_is_not_offered_as_a_relation(dialog: MemberDialog) -> None:
    combo = dialog.ui.relation
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[0] == "（请选择）" and "户主" not in items and "配偶" in items


def test_sex_that_disagrees_with_the_id_number_is_refused(qtbot, workbook: Workbook, household_id: str,
                                                          dialog: MemberDialog) -> None:
    type_text(qtbot, dialog.ui.name, "张小明")
    type_text(qtbot, dialog.ui.id_number, SON_ID)
    assert dialog.ui.sex.currentText() == "男"
    choose(qtbot, dialog.ui.sex, "女")
    choose(qtbot, dialog.ui.relation, "之子")
    press(qtbot, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.saved_id is None
    assert dialog.ui.errorLabel.text() == "性别：与身份证号不符（身份证号显示为男）"
    assert dialog.ui.sex.property("invalid") is True
    assert focused() is dialog.ui.sex
    assert member_count(workbook, household_id) == 1

    choose(qtbot, dialog.ui.sex, "男")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert member_count(workbook, household_id) == 2


BAD_INPUT = [
    ("name", "", "成员姓名：不能为空"),
    ("id_number", "", "成员身份证号：不能为空"),
    ("id_number", SON_ID[:17] + ("0" if SON_ID[-1] != "0" else "1"), "成员身份证号：校验位应为"),
    ("id_number", "14022430000101001X", "成员身份证号：出生日期晚于今天"),
    ("id_number", "1402242008091600", "成员身份证号：应为18位，现为16位"),
    ("work_months", "13", "务工时间（月）：不能大于12"),
    ("work_months", "半年", "务工时间（月）：应为数字"),
    ("work_months", "1.5", "务工时间（月）：应为整数"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD_INPUT)
def test_bad_input_gives_its_message(qtbot, workbook: Workbook, household_id: str, dialog: MemberDialog, name: str,
                                     text: str, message: str) -> None:
    type_text(qtbot, dialog.ui.name, "张小明")
    type_text(qtbot, dialog.ui.id_number, SON_ID)
    choose(qtbot, dialog.ui.relation, "之子")
    widget = getattr(dialog.ui, name)
    retype(qtbot, widget, text)
    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.ui.errorLabel.text().startswith(message)
    assert widget.property("invalid") is True
    assert focused() is widget
    assert member_count(workbook, household_id) == 1


def test_relation_must_be_chosen(qtbot, workbook: Workbook, household_id: str, dialog: MemberDialog) -> None:
    type_text(qtbot, dialog.ui.name, "张小明")
    type_text(qtbot, dialog.ui.id_number, SON_ID)
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.text() == "与户主关系：不能为空"
    assert focused() is dialog.ui.relation


def test_id_number_already_registered(qtbot, workbook: Workbook, household_id: str, dialog: MemberDialog) -> None:
    type_text(qtbot, dialog.ui.name, "张先云")
    type_text(qtbot, dialog.ui.id_number, HEAD_ID)
    choose(qtbot, dialog.ui.relation, "之父")
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.text() == "成员身份证号：已登记为张先云户的成员张先云"
    assert dialog.ui.id_number.property("invalid") is True
    assert member_count(workbook, household_id) == 1


def test_id_number_is_checked_when_leaving_the_field(qtbot, dialog: MemberDialog) -> None:
    dialog.ui.id_number.setFocus()
    type_text(qtbot, dialog.ui.id_number, SON_ID[:16])
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.ui.id_number.property("invalid") is True
    assert dialog.ui.errorLabel.text() == "成员身份证号：应为18位，现为16位"
    assert dialog.ui.id_number_info.text() == "输入身份证号后自动显示性别和出生日期"
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is dialog.ui.id_number
    press(qtbot, Qt.Key.Key_End)
    type_text(qtbot, dialog.ui.id_number, SON_ID[16:])
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.ui.id_number.property("invalid") is False
    assert not dialog.ui.errorLabel.isVisible()


# -- editing ---------------------------------------------------------------------------------------------------------
def test_edit_member(qtbot, workbook: Workbook, household_id: str) -> None:
    wife = workbook.households.add_member(household_id, clean_member(
        {"name": "王桂兰", "id_number": WIFE_ID, "relation": "配偶", "health": "长期慢性病", "work_months": "3"}))
    dialog = open_dialog(qtbot, MemberDialog(workbook, household_id, wife["id"]))
    ui = dialog.ui
    assert dialog.windowTitle() == "修改家庭成员：王桂兰（张先云户）"
    assert (ui.name.text(), ui.sex.currentText(), ui.relation.currentText(), ui.health.currentText()) == (
        "王桂兰", "女", "配偶", "长期慢性病")
    assert ui.work_months.text() == "3" and ui.medical_insurance.isChecked()
    retype(qtbot, ui.work_months, "10")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.saved_id == wife["id"]
    assert workbook.households.members(household_id)[1]["work_months"] == 10
    assert member_count(workbook, household_id) == 2


def test_head_identity_is_edited_in_the_household(qtbot, workbook: Workbook, household_id: str) -> None:
    [head] = workbook.households.members(household_id)
    dialog = open_dialog(qtbot, MemberDialog(workbook, household_id, head["id"]))
    ui = dialog.ui
    assert ui.name.isReadOnly() and ui.id_number.isReadOnly()
    assert not ui.relation.isEnabled() and ui.relation.currentText() == "户主"
    assert "贫困户信息中修改" in ui.name.toolTip()
    choose(qtbot, ui.health, "残疾")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [head] = workbook.households.members(household_id)
    assert (head["name"], head["relation"], head["health"]) == ("张先云", "户主", "残疾")


def test_other_offices_household_is_read_only(qtbot, workbook: Workbook) -> None:
    household_id = add_head_household(as_county(workbook))
    dialog = open_dialog(qtbot, MemberDialog(workbook, household_id))
    assert dialog.ui.noteLabel.isVisible() and dialog.ui.noteLabel.text() == "本记录属于其他单位，只读"
    assert not save_button(dialog).isVisible()
    press(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert member_count(workbook, household_id) == 1


def test_fits_a_small_screen(qtbot, dialog: MemberDialog) -> None:
    click_save(qtbot, dialog)
    size = dialog.sizeHint().expandedTo(dialog.size())
    assert size.height() <= 600 and size.width() <= 1366
