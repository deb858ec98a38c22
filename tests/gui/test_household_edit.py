"""HouseholdDialog driven like a clerk drives it: keyboard first, Chinese through the input method."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit

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
)
from tests.helpers import add_household, add_village

from lingqiu_desktop.data.households import HouseholdFilter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.household_edit import HouseholdDialog

assert HEAD_ID[-1] != "0"
BAD_CHECK_DIGIT = HEAD_ID[:17] + "0"


def household_count(workbook: Workbook) -> int:
    return workbook.list_count("household", HouseholdFilter())


def add_head_household(workbook: Workbook, village_id: str, name: str = "张先云") -> str:
    """The household the edit tests open: head HEAD_ID, 因病 and 缺技术, a mobile number."""
    household = add_household(workbook, village_id, name, head_id_number=HEAD_ID, other_causes="缺技术",
                              phone="13912345678")
    return household["id"]


# -- fixtures --------------------------------------------------------------------------------------------------------
@pytest.fixture
def village_id(workbook: Workbook) -> str:
    return add_village(workbook, "201", "上北泉村")["id"]


@pytest.fixture
def dialog(qtbot, workbook: Workbook, village_id: str) -> HouseholdDialog:
    return open_dialog(qtbot, HouseholdDialog(workbook, village_id=village_id))


def fill_valid(qtbot, dialog: HouseholdDialog) -> None:
    type_text(qtbot, dialog.ui.head_name, "张先云")
    type_text(qtbot, dialog.ui.head_id_number, HEAD_ID)
    choose(qtbot, dialog.ui.main_cause, "因病")


# -- adding ----------------------------------------------------------------------------------------------------------
def test_add_household_with_the_keyboard_only(qtbot, workbook: Workbook, dialog: HouseholdDialog) -> None:
    assert focused() is dialog.ui.village_id
    assert dialog.ui.village_id.currentText() == "上北泉村"
    type_text(qtbot, tab_to(qtbot, "group_name"), "三组")
    type_text(qtbot, tab_to(qtbot, "head_name"), "张先云")
    type_text(qtbot, tab_to(qtbot, "head_id_number"), HEAD_ID)
    assert dialog.ui.head_id_info.text() == "男，1980年1月1日生"
    type_text(qtbot, tab_to(qtbot, "phone"), "13812345678")
    tab_to(qtbot, "attribute")
    press(qtbot, Qt.Key.Key_Down)  # 低保贫困户
    tab_to(qtbot, "standard")
    press(qtbot, Qt.Key.Key_Down)
    tab_to(qtbot, "main_cause")
    press(qtbot, Qt.Key.Key_Down)  # 因病
    tab_to(qtbot, "other_cause_1")
    for _ in range(7):
        press(qtbot, Qt.Key.Key_Down)  # 缺技术
    tab_to(qtbot, "other_cause_2")
    tab_to(qtbot, "status")
    type_text(qtbot, tab_to(qtbot, "identified_year"), "2014")
    tab_to(qtbot, "exit_year")
    type_text(qtbot, tab_to(qtbot, "per_capita_income"), "2,850.5")
    for name in ("bank_name", "bank_account", "arable_land_mu"):
        tab_to(qtbot, name)
    type_text(qtbot, focused(), "6.5")
    press(qtbot, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    rows = workbook.list_page("household", HouseholdFilter(text="zxy"), None)
    assert [(r["id"], r["head_name"], r["village"], r["member_count"]) for r in rows] == [
        (dialog.saved_id, "张先云", "上北泉村", 1)]
    saved = workbook.households.get(dialog.saved_id)
    assert saved["group_name"] == "三组"
    assert saved["attribute"] == "低保贫困户" and saved["standard"] == "省定标准"
    assert saved["main_cause"] == "因病" and saved["other_causes"] == "缺技术"
    assert saved["identified_year"] == 2014 and saved["per_capita_income"] == 2850.5
    assert saved["arable_land_mu"] == 6.5 and saved["safe_water"] == 1 and saved["relocation"] == 0
    [head] = workbook.households.members(dialog.saved_id)
    assert (head["name"], head["id_number"], head["relation"], head["sex"]) == ("张先云", HEAD_ID, "户主", "男")


def test_wrong_check_digit_is_refused_and_nothing_saved(qtbot, workbook: Workbook, dialog: HouseholdDialog) -> None:
    type_text(qtbot, dialog.ui.head_name, "张先云")
    type_text(qtbot, dialog.ui.head_id_number, BAD_CHECK_DIGIT)
    choose(qtbot, dialog.ui.main_cause, "因病")
    dialog.ui.remarks.setFocus()
    press(qtbot, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.saved_id is None
    assert household_count(workbook) == 0
    assert dialog.ui.errorLabel.isVisible()
    assert dialog.ui.errorLabel.text() == f"户主身份证号：校验位应为{HEAD_ID[-1]}，现为0"
    assert dialog.ui.head_id_number.property("invalid") is True
    assert focused() is dialog.ui.head_id_number
    assert dialog.ui.head_id_info.text() != "男，1980年1月1日生"


BAD_TEXT = [
    ("head_name", "", "户主姓名：不能为空"),
    ("head_id_number", "", "户主身份证号：不能为空"),
    ("head_id_number", HEAD_ID[:17], "户主身份证号：应为18位，现为17位"),
    ("head_id_number", HEAD_ID + "1", "户主身份证号：应为18位，现为19位"),
    ("head_id_number", "14022419801301001X", "户主身份证号：出生日期19801301不是有效日期"),
    ("head_id_number", "990224198001010016", "户主身份证号：前6位地址码不正确（省级代码99不存在）"),
    ("phone", "12345", "联系电话：应为11位手机号或带区号的固定电话，如0352-8021234"),
    ("identified_year", "14", "识别年度：应为4位数字年份，如2018"),
    ("identified_year", "1999", "识别年度：不能早于2000年"),
    ("per_capita_income", "两千", "人均纯收入：应为数字"),
    ("per_capita_income", "-1", "人均纯收入：不能小于0"),
    ("bank_account", "6217", "银行账号：应为12到25位数字"),
    ("arable_land_mu", "-1", "耕地面积：不能小于0"),
    ("housing_area", "大", "住房面积：应为数字"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD_TEXT)
def test_bad_input_gives_its_message(qtbot, workbook: Workbook, dialog: HouseholdDialog, name: str, text: str,
                                     message: str) -> None:
    fill_valid(qtbot, dialog)
    widget = getattr(dialog.ui, name)
    retype(qtbot, widget, text)
    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert household_count(workbook) == 0
    assert dialog.ui.errorLabel.text() == message
    assert widget.property("invalid") is True
    assert focused() is widget


def test_main_cause_must_be_chosen(qtbot, workbook: Workbook, dialog: HouseholdDialog) -> None:
    type_text(qtbot, dialog.ui.head_name, "张先云")
    type_text(qtbot, dialog.ui.head_id_number, HEAD_ID)
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.text() == "主要致贫原因：不能为空"
    assert focused() is dialog.ui.main_cause
    assert household_count(workbook) == 0


@pytest.mark.parametrize(("status", "identified", "exit_year", "message"), [
    ("已脱贫", "", "", "脱贫年度：已脱贫的户须填写脱贫年度"),
    ("未脱贫", "2016", "2015", "脱贫年度：脱贫年度不能早于识别年度"),
])
def test_exit_year_rules(qtbot, workbook: Workbook, dialog: HouseholdDialog, status: str, identified: str,
                         exit_year: str, message: str) -> None:
    fill_valid(qtbot, dialog)
    choose(qtbot, dialog.ui.status, status)
    type_text(qtbot, dialog.ui.identified_year, identified)
    type_text(qtbot, dialog.ui.exit_year, exit_year)
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.text() == message
    assert dialog.ui.exit_year.property("invalid") is True
    assert household_count(workbook) == 0


def test_other_cause_may_not_repeat_the_main_cause(qtbot, workbook: Workbook, dialog: HouseholdDialog) -> None:
    fill_valid(qtbot, dialog)
    choose(qtbot, dialog.ui.other_cause_1, "因病")
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.text() == "其他致贫原因：不能与主要致贫原因或另一项重复"
    assert dialog.ui.other_cause_1.property("invalid") is True
    assert household_count(workbook) == 0


def test_every_problem_is_shown_at_once(qtbot, workbook: Workbook, dialog: HouseholdDialog) -> None:
    type_text(qtbot, dialog.ui.head_id_number, BAD_CHECK_DIGIT)
    type_text(qtbot, dialog.ui.phone, "12345")
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.text().split("；") == [
        "户主姓名：不能为空",
        f"户主身份证号：校验位应为{HEAD_ID[-1]}，现为0",
        "联系电话：应为11位手机号或带区号的固定电话，如0352-8021234",
        "主要致贫原因：不能为空",
    ]
    marked = {n for n in dialog.INPUTS if getattr(dialog.ui, n).property("invalid") is True}
    assert marked == {"head_name", "head_id_number", "phone", "main_cause"}
    assert focused() is dialog.ui.head_name  # the first bad field in tab order

    # fixing them all saves, and the marks go
    type_text(qtbot, dialog.ui.head_name, "张先云")
    retype(qtbot, dialog.ui.head_id_number, HEAD_ID)
    retype(qtbot, dialog.ui.phone, "0352-8021234")
    choose(qtbot, dialog.ui.main_cause, "因残")
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert workbook.households.get(dialog.saved_id)["phone"] == "0352-8021234"


def test_phone_is_checked_when_leaving_the_field(qtbot, dialog: HouseholdDialog) -> None:
    dialog.ui.phone.setFocus()
    type_text(qtbot, dialog.ui.phone, "12345")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.ui.phone.property("invalid") is True
    assert dialog.ui.errorLabel.text() == "联系电话：应为11位手机号或带区号的固定电话，如0352-8021234"
    assert dialog.isVisible()

    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is dialog.ui.phone
    retype(qtbot, dialog.ui.phone, "13812345678")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.ui.phone.property("invalid") is False
    assert not dialog.ui.errorLabel.isVisible()


def test_id_number_is_checked_when_leaving_the_field(qtbot, dialog: HouseholdDialog) -> None:
    dialog.ui.head_id_number.setFocus()
    type_text(qtbot, dialog.ui.head_id_number, BAD_CHECK_DIGIT)
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.ui.head_id_number.property("invalid") is True
    assert "户主身份证号：校验位应为" in dialog.ui.errorLabel.text()
    assert dialog.ui.phone.property("invalid") is not True  # only the field that was left is checked


def test_head_id_number_already_registered(qtbot, workbook: Workbook, village_id: str,
                                           dialog: HouseholdDialog) -> None:
    add_head_household(workbook, village_id, name="李四")
    fill_valid(qtbot, dialog)
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.text() == "户主身份证号：已登记为李四户的户主"
    assert dialog.ui.head_id_number.property("invalid") is True
    assert household_count(workbook) == 1


def test_escape_cancels_without_saving(qtbot, workbook: Workbook, dialog: HouseholdDialog) -> None:
    fill_valid(qtbot, dialog)
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert household_count(workbook) == 0


# -- the village picker ----------------------------------------------------------------------------------------------
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_village_picker_finds_any_part_of_the_name(qtbot, workbook: Workbook, village_id: str) -> None:
    add_village(workbook, "202", "下北泉村")
    add_village(workbook, "203", "东山村")
    dialog = open_dialog(qtbot, HouseholdDialog(workbook))
    combo = dialog.ui.village_id
    assert combo.currentText() == ""
    type_text(qtbot, combo, "北泉")
    popup = combo.completer().popup()
    assert combo.completer().completionCount() == 2
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "下北泉村"
    fill_valid(qtbot, dialog)
    click_save(qtbot, dialog)
    saved = workbook.households.get(dialog.saved_id)
    assert workbook.villages.get(saved["village_id"])["name"] == "下北泉村"


@pytest.mark.parametrize(("typed", "message"), [("", "所属村：请选择村庄"), ("不存在村", "所属村：请从列表中选择村庄")])
def test_village_must_be_one_of_the_list(qtbot, workbook: Workbook, village_id: str, typed: str,
                                         message: str) -> None:
    dialog = open_dialog(qtbot, HouseholdDialog(workbook))
    type_text(qtbot, dialog.ui.village_id, typed)
    fill_valid(qtbot, dialog)
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.text() == message
    assert dialog.ui.village_id.property("invalid") is True
    assert household_count(workbook) == 0


def test_without_villages_the_dialog_says_what_to_do_first(qtbot, workbook: Workbook) -> None:
    dialog = open_dialog(qtbot, HouseholdDialog(workbook))
    assert dialog.ui.errorLabel.isVisible()
    assert "请先在“村庄”中新增村庄" in dialog.ui.errorLabel.text()


def test_county_picker_names_the_township(qtbot, county: Workbook) -> None:
    add_village(county, "201", "上北泉村", township=TOWNSHIP)
    dialog = open_dialog(qtbot, HouseholdDialog(county))
    assert [dialog.ui.village_id.itemText(i) for i in range(dialog.ui.village_id.count())] == ["东河南镇·上北泉村"]
    dialog.close()


# -- editing ---------------------------------------------------------------------------------------------------------
def test_edit_household_loads_and_saves(qtbot, workbook: Workbook, village_id: str) -> None:
    household_id = add_head_household(workbook, village_id)
    dialog = open_dialog(qtbot, HouseholdDialog(workbook, household_id))
    ui = dialog.ui
    assert dialog.windowTitle() == "修改贫困户：张先云"
    assert (ui.village_id.currentText(), ui.head_name.text(), ui.head_id_number.text()) == (
        "上北泉村", "张先云", HEAD_ID)
    assert (ui.main_cause.currentText(), ui.other_cause_1.currentText(), ui.other_cause_2.currentText()) == (
        "因病", "缺技术", "（无）")
    assert ui.head_id_info.text() == "男，1980年1月1日生"
    assert ui.safe_water.isChecked() and not ui.relocation.isChecked()

    retype(qtbot, ui.head_name, "张显云")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_id == household_id
    assert household_count(workbook) == 1
    assert workbook.households.get(household_id)["head_name"] == "张显云"
    assert workbook.households.members(household_id)[0]["name"] == "张显云"  # the head member follows


def test_other_offices_household_is_read_only(qtbot, workbook: Workbook, village_id: str) -> None:
    household_id = add_head_household(as_county(workbook), village_id)
    dialog = open_dialog(qtbot, HouseholdDialog(workbook, household_id))
    assert dialog.ui.noteLabel.isVisible()
    assert dialog.ui.noteLabel.text() == "本记录属于其他单位，只读"
    assert dialog.windowTitle() == "查看贫困户：张先云"
    assert dialog.ui.head_name.isReadOnly() and not dialog.ui.main_cause.isEnabled()
    assert not save_button(dialog).isVisible()
    assert dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).text() == "关闭"
    before = workbook.households.get(household_id)
    type_text(qtbot, dialog.ui.head_name, "改")
    press(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert workbook.households.get(household_id) == before


# -- looks -----------------------------------------------------------------------------------------------------------
def test_fits_a_1366_by_768_screen_even_with_errors(qtbot, dialog: HouseholdDialog) -> None:
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.isVisible()
    size = dialog.sizeHint().expandedTo(dialog.size())
    assert size.height() <= 700 and size.width() <= 1366


def test_buttons_and_labels_are_chinese(dialog: HouseholdDialog) -> None:
    box = dialog.ui.buttonBox
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "保存"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert box.button(QDialogButtonBox.StandardButton.Save).isDefault()
    assert dialog.windowTitle() == "新增贫困户"
    assert isinstance(dialog.ui.head_id_number, QLineEdit)
