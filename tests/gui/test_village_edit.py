"""VillageDialog: a township adds and edits its villages; the county picks the township first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from tests.gui.dialog_helpers import (
    TOWNSHIP,
    as_county,
    click_save,
    focused,
    open_dialog,
    press,
    retype,
    save_button,
    tab_to,
    type_text,
)
from tests.helpers import add_village

from lingqiu_desktop.core.records import clean_village

from lingqiu_desktop.data.villages import VillageFilter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.village_edit import VillageDialog


def village_count(workbook: Workbook) -> int:
    return workbook.list_count("village", VillageFilter())


@pytest.fixture
def dialog(qtbot, workbook: Workbook) -> VillageDialog:
    return open_dialog(qtbot, VillageDialog(workbook))


# -- adding ----------------------------------------------------------------------------------------------------------
def test_new_village_starts_with_the_township_code(dialog: VillageDialog) -> None:
    ui = dialog.ui
    assert dialog.windowTitle() == "新增村庄"
    assert ui.township_code.currentText() == "东河南镇" and not ui.township_code.isEnabled()
    assert ui.code.text() == TOWNSHIP
    assert focused() is ui.code and ui.code.cursorPosition() == len(TOWNSHIP)
    assert ui.status.currentText() == "未退出"
    assert not ui.errorLabel.isVisible() and not ui.noteLabel.isVisible()
    box = ui.buttonBox
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "保存"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_add_village_with_the_keyboard(qtbot, workbook: Workbook, dialog: VillageDialog) -> None:
    type_text(qtbot, focused(), "201")
    type_text(qtbot, tab_to(qtbot, "name"), "上北泉村")
    tab_to(qtbot, "is_poor")
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "status")
    type_text(qtbot, tab_to(qtbot, "planned_exit_year"), "2019")
    tab_to(qtbot, "exit_year")
    type_text(qtbot, tab_to(qtbot, "population"), "1234")
    type_text(qtbot, tab_to(qtbot, "household_count"), "456")
    type_text(qtbot, tab_to(qtbot, "collective_income"), "12,000")
    type_text(qtbot, tab_to(qtbot, "remarks"), "2017年通自来水")
    press(qtbot, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    row = workbook.villages.get(dialog.saved_id)
    assert (row["code"], row["name"], row["township_code"], row["owner"]) == (
        "140224101201", "上北泉村", TOWNSHIP, TOWNSHIP)
    assert (row["is_poor"], row["status"], row["planned_exit_year"], row["exit_year"]) == (1, "未退出", 2019, None)
    assert (row["population"], row["household_count"], row["collective_income"]) == (1234, 456, 12000.0)
    assert row["remarks"] == "2017年通自来水"
    assert [r["id"] for r in workbook.list_page("village", VillageFilter(text="sbqc"), None)] == [dialog.saved_id]


def test_code_takes_digits_only(qtbot, dialog: VillageDialog) -> None:
    type_text(qtbot, dialog.ui.code, "2a0-1")
    assert dialog.ui.code.text() == TOWNSHIP + "201"
    type_text(qtbot, dialog.ui.code, "999")
    assert dialog.ui.code.text() == TOWNSHIP + "201"  # 12 digits at most


BAD_INPUT = [
    ("code", "140224101", "村级代码：应为12位，现为9位"),
    ("code", "140224102001", "村级代码：村级代码应以所属乡镇代码140224101开头"),
    ("code", "140224101000", "村级代码：村级代码后3位不能是000（000表示乡镇本身）"),
    ("name", "", "村名：不能为空"),
    ("planned_exit_year", "19", "计划退出年度：应为4位数字年份，如2018"),
    ("planned_exit_year", "1999", "计划退出年度：不能早于2000年"),
    ("population", "-5", "人口数：不能小于0"),
    ("household_count", "12.5", "户数：应为整数"),
    ("collective_income", "一万", "村集体经济收入：应为数字"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD_INPUT)
def test_bad_input_gives_its_message(qtbot, workbook: Workbook, dialog: VillageDialog, name: str, text: str,
                                     message: str) -> None:
    type_text(qtbot, dialog.ui.code, "201")
    type_text(qtbot, dialog.ui.name, "上北泉村")
    widget = getattr(dialog.ui, name)
    retype(qtbot, widget, text)
    click_save(qtbot, dialog)

    assert dialog.isVisible() and dialog.saved_id is None
    assert village_count(workbook) == 0
    assert dialog.ui.errorLabel.isVisible()
    assert dialog.ui.errorLabel.text() == message
    assert widget.property("invalid") is True
    assert focused() is widget


def test_exited_village_needs_its_exit_year(qtbot, workbook: Workbook, dialog: VillageDialog) -> None:
    type_text(qtbot, dialog.ui.code, "201")
    type_text(qtbot, dialog.ui.name, "上北泉村")
    dialog.ui.status.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.ui.status.currentText() == "已退出"
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.ui.errorLabel.text() == "退出年度：已退出的村须填写退出年度"
    assert focused() is dialog.ui.exit_year

    type_text(qtbot, dialog.ui.exit_year, "2018")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert workbook.villages.get(dialog.saved_id)["exit_year"] == 2018


def test_every_problem_is_shown_and_the_first_gets_the_cursor(qtbot, workbook: Workbook,
                                                              dialog: VillageDialog) -> None:
    type_text(qtbot, dialog.ui.population, "很多")
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.text() == "村级代码：应为12位，现为9位；村名：不能为空；人口数：应为数字"
    marked = [n for n in dialog.INPUTS if getattr(dialog.ui, n).property("invalid") is True]
    assert marked == ["code", "name", "population"]
    assert focused() is dialog.ui.code
    assert village_count(workbook) == 0


def test_code_already_used(qtbot, workbook: Workbook, dialog: VillageDialog) -> None:
    add_village(workbook, "201", "上北泉村")
    type_text(qtbot, dialog.ui.code, "201")
    type_text(qtbot, dialog.ui.name, "下北泉村")
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.text() == "村级代码：140224101201已被上北泉村使用"
    assert dialog.ui.code.property("invalid") is True
    assert village_count(workbook) == 1


def test_escape_cancels_without_saving(qtbot, workbook: Workbook, dialog: VillageDialog) -> None:
    type_text(qtbot, dialog.ui.code, "201")
    type_text(qtbot, dialog.ui.name, "上北泉村")
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert village_count(workbook) == 0


# -- the county (the county fixture is in conftest.py) ---------------------------------------------------------------
def test_county_must_choose_the_township(qtbot, county: Workbook) -> None:
    dialog = open_dialog(qtbot, VillageDialog(county))
    combo = dialog.ui.township_code
    assert combo.isEnabled() and combo.currentText() == "（请选择乡镇）"
    assert focused() is combo
    click_save(qtbot, dialog)
    assert dialog.ui.errorLabel.text() == "所属乡镇：请选择乡镇"
    assert combo.property("invalid") is True

    combo.setFocus()
    while combo.currentData() != "140224102":  # 上寨镇, by arrow keys; the code follows the township
        press(qtbot, Qt.Key.Key_Down)
    assert dialog.ui.code.text() == "140224102"
    type_text(qtbot, tab_to(qtbot, "code"), "201")
    type_text(qtbot, tab_to(qtbot, "name"), "石矾村")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = county.villages.get(dialog.saved_id)
    assert (row["code"], row["township_code"], row["owner"]) == ("140224102201", "140224102", "140224")


def test_county_can_open_on_a_given_township(qtbot, county: Workbook) -> None:
    dialog = open_dialog(qtbot, VillageDialog(county, township_code="140224213"))
    assert dialog.ui.township_code.currentText() == "独峪乡"
    assert dialog.ui.code.text() == "140224213"


# -- editing ---------------------------------------------------------------------------------------------------------
def add_counted_village(workbook: Workbook) -> str:
    """上北泉村 with its population and collective income filled in, for the edit tests to load."""
    return workbook.villages.add(clean_village({"code": "140224101201", "name": "上北泉村", "population": "800",
                                                "collective_income": "15000"}, TOWNSHIP))["id"]


def test_edit_village(qtbot, workbook: Workbook) -> None:
    village_id = add_counted_village(workbook)
    dialog = open_dialog(qtbot, VillageDialog(workbook, village_id))
    assert dialog.windowTitle() == "修改村庄：上北泉村"
    assert (dialog.ui.code.text(), dialog.ui.name.text()) == ("140224101201", "上北泉村")
    assert (dialog.ui.population.text(), dialog.ui.collective_income.text()) == ("800", "15000")
    retype(qtbot, dialog.ui.population, "812")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.saved_id == village_id
    assert workbook.villages.get(village_id)["population"] == 812
    assert village_count(workbook) == 1


def test_other_offices_village_is_read_only(qtbot, workbook: Workbook) -> None:
    village_id = add_counted_village(as_county(workbook))
    dialog = open_dialog(qtbot, VillageDialog(workbook, village_id))
    assert dialog.ui.noteLabel.isVisible() and dialog.ui.noteLabel.text() == "本记录属于其他单位，只读"
    assert dialog.windowTitle() == "查看村庄：上北泉村"
    assert dialog.ui.name.isReadOnly() and not dialog.ui.status.isEnabled() and not dialog.ui.is_poor.isEnabled()
    assert not save_button(dialog).isVisible()
    before = workbook.villages.get(village_id)
    press(qtbot, Qt.Key.Key_Return)  # 关闭 is the default button now
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert workbook.villages.get(village_id) == before


def test_not_owned_error_is_shown_in_the_dialog(qtbot, workbook: Workbook) -> None:
    """Should a write reach another office's row anyway, the store refuses and the dialog says why."""
    village_id = add_counted_village(as_county(workbook))
    dialog = open_dialog(qtbot, VillageDialog(workbook, village_id))
    dialog.read_only = False
    dialog.save()
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.text() == "这条记录属于其他单位（140224），本单位只能查看，不能修改或删除。"
