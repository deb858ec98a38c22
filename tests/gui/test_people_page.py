"""PeoplePage and PersonDialog driven like a clerk drives them: keyboard first, Chinese through the input method."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton, QWidget

from tests.helpers import id_number, type_chinese

from lingqiu_desktop.core.people import clean_person
from lingqiu_desktop.core.validation import id_check_char

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.pages.people import PeoplePage

MALE_ID = "14022419800101001" + id_check_char("14022419800101001")
FEMALE_ID = "14022419850512002" + id_check_char("14022419850512002")
BAD_CHECK = MALE_ID[:17] + ("0" if MALE_ID[17] != "0" else "1")


# -- driving the widgets (also used by test_teams_page) ----------------------------------------------------------------
def focused() -> QWidget:
    return QApplication.focusWidget()


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def tab_to(qtbot, name: str) -> QWidget:
    press(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == name
    return focused()


def retype(qtbot, widget: QWidget, text: str) -> None:
    """Replace a line edit's text from the keyboard (ASCII)."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def in_modal(qtbot, open_it: Callable[[], None], drive: Callable[[QWidget], None]) -> None:
    """Open a modal dialog (its exec() blocks) and drive it from inside its event loop. A failing check in `drive`
    closes the dialog and is raised here, so a broken test fails instead of hanging."""
    failures: list[BaseException] = []
    done: list[bool] = []
    tries = iter(range(300))

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None and next(tries, None) is not None:
            QTimer.singleShot(10, handle)  # open_it may process events before its dialog is up
            return
        done.append(True)
        try:
            assert dialog is not None, "no dialog opened"
            dialog.activateWindow()
            qtbot.waitUntil(lambda: focused() is not None and dialog.isAncestorOf(focused()))
            drive(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised below, outside the dialog's event loop
            failures.append(exc)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, handle)
    open_it()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)  # when nothing opened, handle() must still report it
    if failures:
        raise failures[0]


def answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(button).click()
    return click


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def save_button(dialog) -> QPushButton:
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)


def person_count(workbook: Workbook) -> int:
    return workbook.db.execute("SELECT COUNT(*) FROM person").fetchone()[0]


def fill_person(qtbot, dialog, name: str, number: str = "", phone: str = "", kind_box: str = "kind_member") -> None:
    """姓名 → 身份证号 → 性别 → 电话 by Tab, then the kind's check box with the space bar."""
    assert focused() is dialog.ui.name
    type_chinese(dialog.ui.name, name)
    qtbot.keyClicks(tab_to(qtbot, "id_number"), number)
    tab_to(qtbot, "sex")
    qtbot.keyClicks(tab_to(qtbot, "phone"), phone)
    box = getattr(dialog.ui, kind_box)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def add_person_by_dialog(qtbot, page: PeoplePage, name: str, number: str = "", phone: str = "",
                         kind_box: str = "kind_member", unit: str = "") -> None:
    def drive(dialog) -> None:
        fill_person(qtbot, dialog, name, number, phone, kind_box)
        if unit:
            type_chinese(dialog.ui.unit, unit)
        dialog.ui.name.setFocus()
        press(qtbot, Qt.Key.Key_Return)
        assert not dialog.isVisible(), dialog.ui.errorLabel.text()

    in_modal(qtbot, lambda: press_on(qtbot, page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier), drive)


def press_on(qtbot, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key on a widget of the (re)activated main window, as after a dialog has closed."""
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow)
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


@pytest.fixture
def page(qtbot, workbook: Workbook) -> PeoplePage:
    widget = PeoplePage(workbook)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# -- adding ----------------------------------------------------------------------------------------------------------
def test_clerk_adds_three_people_with_the_keyboard(qtbot, workbook: Workbook, page: PeoplePage) -> None:
    add_person_by_dialog(qtbot, page, "张先云", MALE_ID, "13912345678", unit="县财政局")
    add_person_by_dialog(qtbot, page, "李芳", FEMALE_ID, kind_box="kind_secretary")
    add_person_by_dialog(qtbot, page, "王大山", kind_box="kind_helper")
    assert page.count_label.text() == "共 3 人"
    rows = {r["name"]: r for r in workbook.list_page("person", page.current_filter(), None)}
    assert (rows["张先云"]["sex"], rows["张先云"]["phone"], rows["张先云"]["unit"]) == ("男", "13912345678", "县财政局")
    assert (rows["李芳"]["sex"], rows["李芳"]["kind"]) == ("女", "第一书记"), "sex from the ID number"
    assert (rows["王大山"]["id_number"], rows["王大山"]["sex"]) == ("", ""), "ID number optional"
    assert page.table.currentIndex().row() == page.model.row_of(rows["王大山"]["id"]), "the new one is selected"

    qtbot.keyClicks(page.search_box, "zxy")
    press_on(qtbot, page.search_box, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert [page.model.row(i)["name"] for i in range(page.model.rowCount())] == ["张先云"]
    page.search_box.clear()
    page.kind_combo.setCurrentIndex(page.kind_combo.findText("帮扶责任人"))
    assert [page.model.row(i)["name"] for i in range(page.model.rowCount())] == ["王大山"]


def test_id_number_presets_sex_and_a_contradiction_is_refused(qtbot, workbook: Workbook, page: PeoplePage) -> None:
    def drive(dialog) -> None:
        fill_person(qtbot, dialog, "李芳", FEMALE_ID)
        assert dialog.ui.id_number_info.text() == "女，1985年5月12日生"
        assert dialog.ui.sex.currentText() == "女"
        dialog.ui.sex.setFocus()
        press(qtbot, Qt.Key.Key_Up)  # 男
        dialog.ui.name.setFocus()
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.ui.errorLabel.text() == "性别：与身份证号不符（身份证号显示为女）"

    in_modal(qtbot, page.add_person, drive)
    assert person_count(workbook) == 0


@pytest.mark.parametrize(("name", "number", "phone", "kind_box", "message", "bad_widget"), [
    ("张三", BAD_CHECK, "", "kind_member", f"身份证号：校验位应为{MALE_ID[17]}，现为{BAD_CHECK[17]}", "id_number"),
    ("张三", "14022419800101", "", "kind_member", "身份证号：应为18位，现为14位", "id_number"),
    ("", "", "", "kind_member", "姓名：不能为空", "name"),
    ("张三", "", "1391234", "kind_member", "联系电话：应为11位手机号或带区号的固定电话，如0352-8021234", "phone"),
    ("张三", "", "", "", "人员类别：请至少选择一项", "kind_cadre"),
])
def test_bad_input_shows_the_message_and_saves_nothing(qtbot, workbook: Workbook, page: PeoplePage, name: str,
                                                       number: str, phone: str, kind_box: str, message: str,
                                                       bad_widget: str) -> None:
    def drive(dialog) -> None:
        if name:
            type_chinese(dialog.ui.name, name)
        qtbot.keyClicks(dialog.ui.id_number, number)
        qtbot.keyClicks(dialog.ui.phone, phone)
        if kind_box:
            getattr(dialog.ui, kind_box).setChecked(True)
        click(qtbot, save_button(dialog))
        assert dialog.isVisible()
        assert message in dialog.ui.errorLabel.text()
        assert getattr(dialog.ui, bad_widget).property("invalid") is True

    in_modal(qtbot, page.add_person, drive)
    assert person_count(workbook) == 0
    assert page.count_label.text() == "共 0 人"


def test_duplicate_id_number_is_refused(qtbot, workbook: Workbook, page: PeoplePage) -> None:
    workbook.people.add(clean_person({"name": "张先云", "kind": "干部", "id_number": MALE_ID}))
    page.refresh()

    def drive(dialog) -> None:
        fill_person(qtbot, dialog, "张仙云", MALE_ID)
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.ui.errorLabel.text() == "身份证号：已登记为人员张先云"

    in_modal(qtbot, page.add_person, drive)
    assert person_count(workbook) == 1


# -- editing and deleting --------------------------------------------------------------------------------------------
def test_edit_with_enter_and_delete_with_confirmation(qtbot, workbook: Workbook, page: PeoplePage) -> None:
    for name in ("张先云", "李明"):
        workbook.people.add(clean_person({"name": name, "kind": "干部", "id_number": id_number()}))
    page.refresh()
    page.table.setFocus()
    page.table.selectRow(page.model.row_of(workbook.people.search("张先云")[0]["id"]))

    def drive(dialog) -> None:
        assert dialog.windowTitle() == "修改人员：张先云"
        retype(qtbot, dialog.ui.phone, "0352-8021234")
        press(qtbot, Qt.Key.Key_Return)

    in_modal(qtbot, lambda: press_on(qtbot, page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier), drive)
    assert workbook.people.search("张先云")[0]["phone"] == "0352-8021234"
    page.table.selectRow(page.model.row_of(workbook.people.search("李明")[0]["id"]))
    in_modal(qtbot, page.delete_current, answer(QMessageBox.StandardButton.Yes))
    assert [r["name"] for r in workbook.people.search("")] == ["张先云"]
    assert page.count_label.text() == "共 1 人"


def test_county_sees_people_read_only(qtbot, tmp_path: Path) -> None:
    with Workbook.create(tmp_path / "county.sqlite3", "140224") as county:
        county.db.execute("INSERT INTO person (id, owner, township_code, name, kind, created_at, updated_at) "
                          "VALUES ('p1', '140224101', '140224101', '张先云', '干部', 'x', 'x')")
        page = PeoplePage(county)
        qtbot.addWidget(page)
        names = {b.objectName() for b in page.findChildren(QPushButton)}
        assert "addButton" not in names and "deleteButton" not in names and "editButton" in names
        assert not page.table.isColumnHidden(9), "the township column shows at the county"
        page.township_combo.setCurrentIndex(page.township_combo.findData("140224102"))
        assert page.model.rowCount() == 0
        page.township_combo.setCurrentIndex(page.township_combo.findData("140224101"))
        assert page.model.row(0)["name"] == "张先云"

        def drive(dialog) -> None:
            assert dialog.windowTitle() == "查看人员：张先云"
            assert dialog.ui.name.isReadOnly() and not dialog.ui.noteLabel.isHidden()

        page.table.selectRow(0)
        in_modal(qtbot, page.edit_current, drive)


def test_list_model_passes_the_model_tester(qtmodeltester, workbook: Workbook, page: PeoplePage) -> None:
    for name in ("张先云", "李明", "王芳"):
        workbook.people.add(clean_person({"name": name, "kind": "工作队员"}))
    page.refresh()
    qtmodeltester.check(page.model)
