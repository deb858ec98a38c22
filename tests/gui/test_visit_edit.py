"""VisitDialog driven the way a clerk drives it: the keyboard alone, Chinese through the input method, pickers by
pinyin initials and ↓ + Enter."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from tests.helpers import add_household, add_village, type_chinese

from lingqiu_desktop.core.pinyin import initials

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.visit_edit import VisitDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


# -- driving the widgets ---------------------------------------------------------------------------------------------
def focused() -> QWidget:
    return QApplication.focusWidget()


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def tab_to(qtbot, name: str) -> QWidget:
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == name
    return focused()


def retype(qtbot, text: str) -> None:
    """Replace the focused line's text: Ctrl+A, then the new text (ASCII keys)."""
    press(qtbot, Qt.Key.Key_A, CTRL)
    if text:
        qtbot.keyClicks(focused(), text)
    else:
        press(qtbot, Qt.Key.Key_Delete)


def pick(qtbot, picker: Any, typed: str) -> None:
    """Type pinyin initials into a picker, then ↓ and Enter in its popup."""
    picker.setFocus()
    qtbot.keyClicks(picker, typed)
    picker.search_now()
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    # the offscreen platform leaves the closed popup's window active; a desktop hands activation back at once
    picker.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is picker.window())
    QApplication.processEvents()   # a person picked into the visitor list leaves the line empty for the next


def open_dialog(qtbot, dialog: VisitDialog) -> VisitDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None and dialog.isAncestorOf(focused()))
    return dialog


def visit_count(workbook: Workbook) -> tuple[int, int]:
    return (workbook.db.execute("SELECT COUNT(*) FROM visit").fetchone()[0],
            workbook.db.execute("SELECT COUNT(*) FROM visit_visitor").fetchone()[0])


# -- fixtures --------------------------------------------------------------------------------------------------------
def person(wb: Workbook, name: str, kind: str, unit: str = "县扶贫办") -> str:
    return wb.people.add({"name": name, "name_initials": initials(name), "kind": kind, "unit": unit})["id"]


@pytest.fixture
def data(workbook: Workbook) -> dict[str, Any]:
    workbook.settings.set("app.reference_date", "2018-11-30")
    village = add_village(workbook)
    team = workbook.store.insert("work_team", {"township_code": workbook.office_code, "village_id": village["id"],
                                               "name": "下野窝村驻村工作队", "start_date": "2016-01-01"})
    return {
        "village": village["id"], "team": team["id"],
        "zxy": add_household(workbook, village["id"], "张先云")["id"],
        "wds": add_household(workbook, village["id"], "王大山")["id"],
        "lm": person(workbook, "李明", "第一书记"), "wf": person(workbook, "王芳", "帮扶责任人", "县教育局"),
        "cadre": person(workbook, "刘村干", "村干部", "本村"),
    }


@pytest.fixture
def dialog(qtbot, workbook: Workbook, data: dict) -> VisitDialog:
    return open_dialog(qtbot, VisitDialog(workbook))


# -- entering --------------------------------------------------------------------------------------------------------
def test_tab_walks_the_form_top_to_bottom(qtbot, dialog: VisitDialog) -> None:
    assert focused() is dialog.ui.visit_date
    for name in ("kind", "weather", "household_id", "village_log", "visitors", "visitorList", "situation",
                 "problems", "actions", "promise", "follow_up_due", "signed", "photo_ref"):
        tab_to(qtbot, name)   # 所属村 is skipped: it is for village logs only


def test_a_visit_entered_with_the_keyboard_alone(qtbot, workbook: Workbook, data: dict,
                                                 dialog: VisitDialog) -> None:
    assert dialog.ui.visit_date.text() == "2018-11-30"   # the working date
    retype(qtbot, "20181120")
    tab_to(qtbot, "kind")
    press(qtbot, Qt.Key.Key_Down)                        # 政策宣讲
    tab_to(qtbot, "weather")
    type_chinese(focused().lineEdit(), "小雪")
    tab_to(qtbot, "household_id")
    pick(qtbot, dialog.household, "zxy")
    assert dialog.ui.placeInfo.text() == "所属村：下野窝村　　驻村工作队：下野窝村驻村工作队"
    tab_to(qtbot, "village_log")
    tab_to(qtbot, "visitors")
    pick(qtbot, dialog.people.picker, "lm")
    pick(qtbot, dialog.people.picker, "wf")
    tab_to(qtbot, "visitorList")
    tab_to(qtbot, "situation")
    type_chinese(focused(), "全家4口人")
    press(qtbot, Qt.Key.Key_Return)                      # a new line, not a save
    type_chinese(focused(), "户主患病")
    tab_to(qtbot, "problems")
    type_chinese(focused(), "土豆滞销")
    tab_to(qtbot, "actions")
    type_chinese(focused(), "联系超市代销")
    tab_to(qtbot, "promise")
    type_chinese(focused(), "两周内回访")
    tab_to(qtbot, "follow_up_due")
    qtbot.keyClicks(focused(), "2018-12-04")
    tab_to(qtbot, "signed")
    press(qtbot, Qt.Key.Key_Down)                        # 签字
    press(qtbot, Qt.Key.Key_Down)                        # 手印
    tab_to(qtbot, "photo_ref")
    qtbot.keyClicks(focused(), "IMG_0123")
    press(qtbot, Qt.Key.Key_Return)                      # Enter on the last line saves

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = workbook.visits.get(dialog.saved_id)
    assert {k: saved[k] for k in ("visit_date", "kind", "weather", "household_id", "team_id", "situation",
                                  "problems", "actions", "promise", "follow_up_due", "signed", "photo_ref",
                                  "visitor_names")} == {
        "visit_date": "2018-11-20", "kind": "政策宣讲", "weather": "小雪", "household_id": data["zxy"],
        "team_id": data["team"], "situation": "全家4口人\n户主患病", "problems": "土豆滞销", "actions": "联系超市代销",
        "promise": "两周内回访", "follow_up_due": "2018-12-04", "signed": "手印", "photo_ref": "IMG_0123",
        "visitor_names": "李明、王芳"}


def fill_minimum(qtbot, dialog: VisitDialog, household: str = "zxy", visitor: str = "lm") -> None:
    if household:
        pick(qtbot, dialog.household, household)
    if visitor:
        pick(qtbot, dialog.people.picker, visitor)


def test_ctrl_enter_saves_from_a_text_box(qtbot, workbook: Workbook, dialog: VisitDialog) -> None:
    fill_minimum(qtbot, dialog)
    dialog.ui.problems.setFocus()
    type_chinese(dialog.ui.problems, "缺劳力")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.ui.problems.toPlainText() == "缺劳力\n"
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert workbook.visits.get(dialog.saved_id)["problems"] == "缺劳力"
    assert "Ctrl+回车 保存" in dialog.ui.hintLabel.text()


def test_save_and_new_keeps_date_kind_and_visitors(qtbot, workbook: Workbook, data: dict,
                                                   dialog: VisitDialog) -> None:
    retype(qtbot, "2018-11-02")
    dialog.ui.kind.setCurrentIndex(2)   # 产业帮扶
    fill_minimum(qtbot, dialog)
    pick(qtbot, dialog.people.picker, "wf")
    type_chinese(dialog.ui.problems, "缺种子")
    dialog.ui.follow_up_due.setText("2018-11-09")
    press(qtbot, Qt.Key.Key_Return, CTRL | SHIFT)

    assert dialog.isVisible()
    assert len(dialog.saved_ids) == 1
    assert dialog.ui.savedLabel.text() == "已保存第 1 条：张先云户（2018-11-02）。请录入下一条。"
    assert focused() is dialog.household and dialog.household.text() == ""
    assert (dialog.ui.visit_date.text(), dialog.ui.kind.currentText()) == ("2018-11-02", "产业帮扶")
    assert dialog.people.person_ids() == [data["lm"], data["wf"]]
    assert (dialog.ui.problems.toPlainText(), dialog.ui.follow_up_due.text()) == ("", "")

    pick(qtbot, dialog.household, "wds")
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert len(dialog.saved_ids) == 2
    second = workbook.visits.get(dialog.saved_ids[1])
    assert (second["household_id"], second["kind"], second["visitor_names"], second["problems"]) == (
        data["wds"], "产业帮扶", "李明、王芳", "")
    press(qtbot, Qt.Key.Key_Escape)
    assert visit_count(workbook) == (2, 4)


def test_a_village_log(qtbot, workbook: Workbook, data: dict, dialog: VisitDialog) -> None:
    assert not dialog.ui.village_id.isEnabled()
    dialog.ui.village_log.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert not dialog.household.isEnabled() and dialog.ui.village_id.isEnabled()
    tab_to(qtbot, "village_id")
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.ui.village_id.currentText() == "下野窝村"
    pick(qtbot, dialog.people.picker, "lm")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    saved = workbook.visits.get(dialog.saved_id)
    assert (saved["household_id"], saved["village_id"], saved["team_id"]) == (None, data["village"], data["team"])


# -- refused input ---------------------------------------------------------------------------------------------------
BAD = [
    ("visit_date", "2018-12-01", "走访日期：不能晚于今天"),
    ("visit_date", "2013-05-01", "走访日期：不能早于2014-01-01"),
    ("visit_date", "2018-13-01", "走访日期：2018-13-01不是有效日期"),
    ("visit_date", "", "走访日期：不能为空"),
    ("follow_up_due", "2018-11-19", "回访期限：不能早于走访日期"),
    ("follow_up_due", "下周", "回访期限：日期格式应为YYYY-MM-DD"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD)
def test_bad_dates_show_the_message_and_save_nothing(qtbot, workbook: Workbook, dialog: VisitDialog, name: str,
                                                     text: str, message: str) -> None:
    dialog.ui.visit_date.setText("2018-11-20")
    fill_minimum(qtbot, dialog)
    widget = getattr(dialog.ui, name)
    widget.setFocus()
    if text.isascii():
        retype(qtbot, text)
    else:
        retype(qtbot, "")
        type_chinese(widget, text)
    press(qtbot, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.saved_id is None
    assert dialog.ui.errorLabel.text() == message
    assert widget.property("invalid") is True
    assert focused() is widget
    assert visit_count(workbook) == (0, 0)


@pytest.mark.parametrize(("household", "visitor", "message", "marked"), [
    ("", "lm", "走访对象：请选择贫困户，或勾选村情日志", "household_id"),
    ("zxy", "", "走访人：至少选择一名走访人", "visitors"),
    ("", "", "走访对象：请选择贫困户，或勾选村情日志；走访人：至少选择一名走访人", "household_id"),
])
def test_missing_household_or_visitor(qtbot, workbook: Workbook, dialog: VisitDialog, household: str, visitor: str,
                                      message: str, marked: str) -> None:
    fill_minimum(qtbot, dialog, household, visitor)
    dialog.ui.photo_ref.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.text() == message
    assert getattr(dialog.ui, marked).property("invalid") is True
    assert focused() is getattr(dialog.ui, marked)
    assert visit_count(workbook) == (0, 0)


def test_typed_household_name_is_not_a_choice(qtbot, workbook: Workbook, dialog: VisitDialog) -> None:
    type_chinese(dialog.household, "张先云")   # typed, never picked from the list
    pick(qtbot, dialog.people.picker, "lm")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.ui.errorLabel.text() == "走访对象：请选择贫困户，或勾选村情日志"
    assert visit_count(workbook) == (0, 0)


def test_village_log_needs_its_village(qtbot, workbook: Workbook, dialog: VisitDialog) -> None:
    dialog.ui.village_log.setChecked(True)
    pick(qtbot, dialog.people.picker, "lm")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.ui.errorLabel.text() == "所属村：村情日志须选择所属村"
    assert dialog.ui.village_id.property("invalid") is True
    assert visit_count(workbook) == (0, 0)


def test_a_refused_save_and_new_keeps_the_form(qtbot, workbook: Workbook, dialog: VisitDialog) -> None:
    pick(qtbot, dialog.household, "zxy")
    type_chinese(dialog.ui.problems, "缺种子")
    press(qtbot, Qt.Key.Key_Return, CTRL | SHIFT)
    assert dialog.ui.errorLabel.text() == "走访人：至少选择一名走访人"
    assert dialog.ui.problems.toPlainText() == "缺种子" and dialog.household.household_id()
    assert dialog.saved_ids == [] and visit_count(workbook) == (0, 0)


# -- the helpers of the keyboard -------------------------------------------------------------------------------------
def test_visitors_are_cadres_team_members_and_helpers_not_village_cadres(qtbot, dialog: VisitDialog) -> None:
    picker = dialog.people.picker
    picker.setFocus()
    qtbot.keyClicks(picker, "l")
    picker.search_now()
    assert picker.matches() == ["李明（县扶贫办）"]   # 刘村干 is a 村干部


def test_delete_in_the_visitor_list_removes_one(qtbot, data: dict, dialog: VisitDialog) -> None:
    pick(qtbot, dialog.people.picker, "lm")
    pick(qtbot, dialog.people.picker, "wf")
    dialog.people.list.setFocus()
    dialog.people.list.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    assert dialog.people.person_ids() == [data["wf"]]


def test_arrow_keys_step_the_date(qtbot, dialog: VisitDialog) -> None:
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.ui.visit_date.text() == "2018-11-28"
    press(qtbot, Qt.Key.Key_Up)
    assert dialog.ui.visit_date.text() == "2018-11-29"


def test_escape_cancels_without_saving(qtbot, workbook: Workbook, dialog: VisitDialog) -> None:
    fill_minimum(qtbot, dialog)
    dialog.ui.photo_ref.setFocus()
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert visit_count(workbook) == (0, 0)


# -- editing ---------------------------------------------------------------------------------------------------------
def add_visit(wb: Workbook, data: dict, **changes: Any) -> str:
    values = {"visit_date": "2018-11-20", "kind": "入户走访", "household_id": data["zxy"], "problems": "缺劳力",
              "follow_up_due": "2018-11-25", "signed": "签字", **changes}
    return wb.visits.add(values, [data["wf"], data["lm"]])["id"]


def test_edit_loads_and_saves(qtbot, workbook: Workbook, data: dict) -> None:
    visit_id = add_visit(workbook, data)
    dialog = open_dialog(qtbot, VisitDialog(workbook, visit_id))
    ui = dialog.ui
    assert dialog.windowTitle() == "修改走访记录：张先云户（2018-11-20）"
    assert (ui.visit_date.text(), ui.kind.currentText(), ui.signed.currentText()) == ("2018-11-20", "入户走访", "签字")
    assert dialog.household.household_id() == data["zxy"]
    assert dialog.people.person_ids() == [data["wf"], data["lm"]]
    assert ui.problems.toPlainText() == "缺劳力"
    assert ui.savedLabel.text() == "回访期限 2018-11-25，已逾期"
    assert not dialog.new_button.isVisible()
    dialog.people.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.people.remove_button, Qt.MouseButton.LeftButton)
    ui.problems.setFocus()
    type_chinese(ui.problems, "，已解决")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = workbook.visits.get(visit_id)
    assert (saved["problems"], saved["visitor_names"]) == ("缺劳力，已解决", "李明")
    assert visit_count(workbook) == (1, 1)


def test_an_old_kind_stays_valid_for_its_record(qtbot, workbook: Workbook, data: dict) -> None:
    visit_id = add_visit(workbook, data, kind="夜访")   # no longer on the settings list
    dialog = open_dialog(qtbot, VisitDialog(workbook, visit_id))
    assert dialog.ui.kind.currentText() == "夜访"
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_done_follow_up_is_shown(qtbot, workbook: Workbook, data: dict) -> None:
    visit_id = add_visit(workbook, data)
    workbook.visits.mark_follow_up_done(visit_id, "刘会计", "2018-11-26")
    dialog = open_dialog(qtbot, VisitDialog(workbook, visit_id))
    assert dialog.ui.savedLabel.text() == "回访已完成：2018-11-26，回访人 刘会计"


def test_another_offices_visit_is_read_only(qtbot, workbook: Workbook, data: dict) -> None:
    county = Workbook(workbook.db, workbook.path, "140224")
    visit_id = add_visit(county, data)
    dialog = open_dialog(qtbot, VisitDialog(workbook, visit_id))
    assert dialog.windowTitle() == "查看走访记录：张先云户（2018-11-20）"
    assert dialog.ui.noteLabel.isVisible()
    assert dialog.ui.problems.isReadOnly() and dialog.ui.visit_date.isReadOnly()
    assert not dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).isVisible()
    before = workbook.visits.get(visit_id)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert workbook.visits.get(visit_id) == before


def test_a_household_given_by_the_caller(qtbot, workbook: Workbook, data: dict) -> None:
    dialog = open_dialog(qtbot, VisitDialog(workbook, household_id=data["wds"]))
    assert dialog.household.household_id() == data["wds"]
    assert dialog.windowTitle() == "新增走访记录"


def test_fits_a_1366_by_768_screen(qtbot, dialog: VisitDialog) -> None:
    dialog.ui.savedLabel.setText("已保存第 1 条")
    dialog.ui.savedLabel.show()
    dialog.show_errors([], message="走访日期：不能晚于今天")
    assert dialog.sizeHint().height() <= 700 and dialog.sizeHint().width() <= 1200
