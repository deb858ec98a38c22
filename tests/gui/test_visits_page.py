"""VisitsPage: a clerk enters a stack of visits with the keyboard alone and finds them; a follow-up becomes overdue
and then done; filters; the household timeline; the county's read-only view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from tests.helpers import add_household, add_village, type_chinese

from lingqiu_desktop.core.pinyin import initials

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.visit_edit import VisitDialog
from lingqiu_desktop.gui.dialogs.visit_timeline import VisitTimelineDialog
from lingqiu_desktop.gui.pages.households import HouseholdsPage
from lingqiu_desktop.gui.pages.visits import VisitsPage

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


# -- driving ---------------------------------------------------------------------------------------------------------
def focused() -> QWidget:
    return QApplication.focusWidget()


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    assert focused() is not None, "no widget has the keyboard"
    qtbot.keyClick(focused(), key, modifier)


def tabs(qtbot, count: int, backwards: bool = False) -> None:
    for _ in range(count):
        press(qtbot, Qt.Key.Key_Tab, SHIFT if backwards else Qt.KeyboardModifier.NoModifier)


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def pick_focused(qtbot, typed: str) -> None:
    """Type pinyin initials into the focused picker, then ↓ and Enter in its popup."""
    picker = focused()
    qtbot.keyClicks(picker, typed)
    picker.search_now()
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    activate(qtbot, picker.window())   # offscreen leaves the closed popup active; a desktop returns at once
    QApplication.processEvents()


def in_modal(qtbot, kind: type, action: Callable[[Any], None]) -> list[BaseException]:
    """Run `action` on the next modal window of `kind` once it is open (its exec() blocks the test);
    a failure closes it, so the test ends instead of hanging, and is returned to be raised."""
    errors: list[BaseException] = []
    tries = iter(range(250))   # 5 s: a modal that never opens must not leave this waiting into a later test

    def run() -> None:
        window = QApplication.activeModalWidget()
        if not isinstance(window, kind) or not window.isVisible():
            if next(tries, None) is None:
                errors.append(AssertionError(f"no {kind.__name__} opened"))
            else:
                QTimer.singleShot(20, run)
            return
        try:
            activate(qtbot, window)
            action(window)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            errors.append(exc)
            window.close()

    QTimer.singleShot(0, run)
    return errors


def confirm(box: QMessageBox) -> None:
    press_in = box.defaultButton()
    assert press_in is not None and press_in.text() == "确认回访完成"
    QTest_key(box, Qt.Key.Key_Return)


def QTest_key(widget: QWidget, key: Qt.Key) -> None:  # noqa: N802 - mirrors QTest.keyClick
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, key)


def shown(page: VisitsPage, key: str) -> list[Any]:
    column = [c.key for c in page.model.columns].index(key)
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


# -- fixtures --------------------------------------------------------------------------------------------------------
def person(wb: Workbook, name: str, kind: str) -> str:
    return wb.people.add({"name": name, "name_initials": initials(name), "kind": kind, "unit": "县扶贫办"})["id"]


@pytest.fixture
def data(workbook: Workbook) -> dict[str, Any]:
    workbook.settings.set("app.reference_date", "2018-11-30")
    workbook.store.user_name = "刘会计"
    village = add_village(workbook)
    other = add_village(workbook, "202", "上野窝村")
    team = workbook.store.insert("work_team", {"township_code": workbook.office_code, "village_id": village["id"],
                                               "name": "下野窝村驻村工作队", "start_date": "2016-01-01"})
    households = {code: add_household(workbook, village["id"] if code != "zd" else other["id"], name)["id"]
                  for code, name in (("zxy", "张先云"), ("wds", "王大山"), ("lsg", "李四贵"), ("zd", "赵大"))}
    return {"village": village["id"], "other": other["id"], "team": team["id"], **households,
            "lm": person(workbook, "李明", "第一书记"), "wf": person(workbook, "王芳", "帮扶责任人")}


@pytest.fixture
def page(qtbot, workbook: Workbook, data: dict) -> VisitsPage:
    widget = VisitsPage(workbook)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    activate(qtbot, widget)
    widget.table.setFocus()
    return widget


def add_visit(wb: Workbook, data: dict, household: str = "zxy", **values: Any) -> str:
    row = {"visit_date": "2018-11-20", "kind": "入户走访", "household_id": data[household], **values}
    return wb.visits.add(row, [data["lm"]])["id"]


# -- acceptance: five visits from paper, keyboard only ---------------------------------------------------------------
STACK = [  # household initials, problems; the last one gets a promise with a follow-up date
    ("zxy", "土豆滞销"), ("wds", "缺劳力"), ("lsg", "房屋漏雨"), ("zd", "孩子上学远"), ("zxy", "想学养殖")]


def enter_stack(qtbot, dialog: VisitDialog) -> None:
    assert focused() is dialog.ui.visit_date
    qtbot.keyClicks(focused(), "20181126")        # the date on the paper (the field starts selected)
    press(qtbot, Qt.Key.Key_Tab)                   # 走访类型: stays 入户走访
    tabs(qtbot, 2)                                 # 天气 → 走访对象
    for number, (household, problem) in enumerate(STACK, start=1):
        assert focused() is dialog.household
        pick_focused(qtbot, household)
        tabs(qtbot, 2)                             # 村情日志 → 走访人
        assert focused() is dialog.people.picker
        if number == 1:
            pick_focused(qtbot, "lm")
            pick_focused(qtbot, "wf")
        tabs(qtbot, 3)                             # 名单 → 家庭情况 → 反映问题
        assert focused() is dialog.ui.problems
        type_chinese(focused(), problem)
        if number < len(STACK):
            press(qtbot, Qt.Key.Key_Return, CTRL | SHIFT)     # 保存并新建
            assert dialog.ui.savedLabel.text().startswith(f"已保存第 {number} 条")
        else:
            press(qtbot, Qt.Key.Key_Tab)
            press(qtbot, Qt.Key.Key_Tab)
            type_chinese(focused(), "两周内联系收购")           # 承诺事项
            press(qtbot, Qt.Key.Key_Tab)
            qtbot.keyClicks(focused(), "2018-12-10")          # 回访期限
            press(qtbot, Qt.Key.Key_Return)                   # Enter on a line saves and closes


def test_a_clerk_enters_five_visits_with_the_keyboard_and_finds_them(qtbot, workbook: Workbook, data: dict,
                                                                     page: VisitsPage) -> None:
    assert page.count_label.text() == "共 0 条"
    errors = in_modal(qtbot, VisitDialog, lambda dialog: enter_stack(qtbot, dialog))
    press(qtbot, Qt.Key.Key_N, CTRL)               # 新增走访
    assert not errors, errors

    assert page.count_label.text() == "共 5 条"
    assert sorted(shown(page, "household")) == sorted(["张先云", "王大山", "李四贵", "赵大", "张先云"])
    assert set(shown(page, "visitors")) == {"李明、王芳"}
    assert set(shown(page, "visit_date")) == {"2018-11-26"}
    assert shown(page, "team").count("下野窝村驻村工作队") == 4   # 赵大 lives in a village without a team
    assert sorted(shown(page, "follow_up_state")) == ["", "", "", "", "待回访"]

    # found again by visitor: type the initials into the filter and choose from its popup
    activate(qtbot, page)
    page.person_picker.setFocus()
    assert focused() is page.person_picker
    pick_focused(qtbot, "lm")
    assert page.count_label.text() == "共 5 条"
    page.village_combo.setFocus()
    press(qtbot, Qt.Key.Key_Down)                  # 下野窝村
    assert page.count_label.text() == "共 4 条"
    page.team_combo.setFocus()
    press(qtbot, Qt.Key.Key_Down)                  # 下野窝村驻村工作队
    assert page.count_label.text() == "共 4 条"
    page.clear_filters()
    assert page.count_label.text() == "共 5 条"


# -- acceptance: a follow-up becomes overdue, then done --------------------------------------------------------------
def test_a_follow_up_becomes_overdue_and_then_done(qtbot, workbook: Workbook, data: dict, page: VisitsPage) -> None:
    visit_id = add_visit(workbook, data, follow_up_due="2018-12-05", promise="联系收购")
    add_visit(workbook, data, "wds")
    page.refresh()
    assert sorted(shown(page, "follow_up_state")) == ["", "待回访"]

    workbook.settings.set("app.reference_date", "2018-12-10")   # the working date moves on
    page.refresh(visit_id)
    row = page.model.row_of(visit_id)
    assert shown(page, "follow_up_state")[row] == "已逾期"
    red = page.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.color() == QColor("#c62828"), "the whole overdue row is red"
    assert page.model.index(1 - row, 0).data(Qt.ItemDataRole.ForegroundRole) is None

    page.follow_up_combo.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)                  # 已逾期
    assert page.count_label.text() == "共 1 条"
    page.table.setFocus()
    errors = in_modal(qtbot, QMessageBox, confirm)
    press(qtbot, Qt.Key.Key_D, CTRL)               # 回访完成
    assert not errors, errors

    saved = workbook.visits.get(visit_id)
    assert (saved["follow_up_done_at"], saved["follow_up_done_by"]) == ("2018-12-10", "刘会计")
    assert page.count_label.text() == "共 0 条"
    page.follow_up_combo.setCurrentIndex(0)
    page.refresh(visit_id)
    row = page.model.row_of(visit_id)
    assert shown(page, "follow_up_state")[row] == "已回访"
    assert (shown(page, "follow_up_done_at")[row], shown(page, "follow_up_done_by")[row]) == ("2018-12-10", "刘会计")
    assert not page.done_button.isEnabled()


def test_cancelling_the_confirmation_marks_nothing(qtbot, workbook: Workbook, data: dict, page: VisitsPage) -> None:
    visit_id = add_visit(workbook, data, follow_up_due="2018-11-25")
    page.refresh(visit_id)
    errors = in_modal(qtbot, QMessageBox, lambda box: QTest_key(box, Qt.Key.Key_Escape))
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    assert workbook.visits.get(visit_id)["follow_up_done_at"] is None


# -- filters ---------------------------------------------------------------------------------------------------------
def test_date_range_and_kind(qtbot, workbook: Workbook, data: dict, page: VisitsPage) -> None:
    for day, kind in (("2018-02-01", "入户走访"), ("2018-03-01", "政策宣讲"), ("2018-06-01", "入户走访")):
        add_visit(workbook, data, visit_date=day, kind=kind)
    page.refresh()
    page.date_from.setFocus()
    qtbot.keyClicks(page.date_from, "20180301")
    press(qtbot, Qt.Key.Key_Return)
    assert page.date_from.text() == "2018-03-01"
    assert page.count_label.text() == "共 2 条"
    page.kind_combo.setFocus()
    press(qtbot, Qt.Key.Key_Down)                  # 入户走访
    assert shown(page, "visit_date") == ["2018-06-01"]

    page.date_to.setFocus()
    qtbot.keyClicks(page.date_to, "2018-13-01")
    press(qtbot, Qt.Key.Key_Return)
    assert page.date_to.property("invalid") is True
    assert page.count_label.text() == "截止日期：2018-13-01不是有效日期"
    assert shown(page, "visit_date") == ["2018-06-01"]   # the bad date is not applied


# -- the household's timeline ----------------------------------------------------------------------------------------
def test_timeline_from_the_list(qtbot, workbook: Workbook, data: dict, page: VisitsPage) -> None:
    first = add_visit(workbook, data, visit_date="2018-10-01", problems="缺种子", follow_up_due="2018-10-10")
    add_visit(workbook, data, visit_date="2018-11-20", problems="房屋漏雨", actions="报危改")
    page.refresh(first)

    def check(dialog: VisitTimelineDialog) -> None:
        assert dialog.header.text().startswith("张先云户　下野窝村")
        assert "共走访 2 次" in dialog.header.text() and "其中已逾期 1 项" in dialog.header.text()
        texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert texts[0].startswith("2018-11-20　入户走访　走访人：李明") and "采取措施：报危改" in texts[0]
        assert "回访期限：2018-10-10　已逾期" in texts[1]
        assert dialog.list.currentRow() == 0
        dialog.list.setFocus()
        press(qtbot, Qt.Key.Key_Down)
        inner = in_modal(qtbot, QMessageBox, confirm)
        press(qtbot, Qt.Key.Key_D, CTRL)
        assert not inner, inner
        assert "回访：已于2018-11-30回访（刘会计）" in dialog.list.item(1).text()
        activate(qtbot, dialog)
        press(qtbot, Qt.Key.Key_Escape)

    errors = in_modal(qtbot, VisitTimelineDialog, check)
    press(qtbot, Qt.Key.Key_T, CTRL)               # 查看该户走访
    assert not errors, errors
    assert workbook.visits.get(first)["follow_up_done_by"] == "刘会计"
    assert shown(page, "follow_up_state")[1] == "已回访"


def test_timeline_adds_a_visit_to_its_household(qtbot, workbook: Workbook, data: dict) -> None:
    dialog = VisitTimelineDialog(workbook, data["wds"])
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    assert dialog.list.count() == 0

    def fill(form: VisitDialog) -> None:
        assert form.household.household_id() == data["wds"]
        form.people.picker.setFocus()
        pick_focused(qtbot, "wf")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    errors = in_modal(qtbot, VisitDialog, fill)
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert not errors, errors
    assert dialog.list.count() == 1 and dialog.changed


def test_households_page_opens_the_timeline(qtbot, workbook: Workbook, data: dict) -> None:
    add_visit(workbook, data, "lsg")
    households = HouseholdsPage(workbook)
    qtbot.addWidget(households)
    households.show()
    households.table.selectRow(households.model.row_of(data["lsg"]))
    seen: list[str] = []

    def look(dialog: VisitTimelineDialog) -> None:
        seen.append(dialog.windowTitle())
        seen.append(str(dialog.list.count()))
        assert dialog.findChild(QPushButton, "addVisitButton") is not None
        dialog.reject()

    errors = in_modal(qtbot, VisitTimelineDialog, look)
    qtbot.mouseClick(households.findChild(QPushButton, "visitsButton"), Qt.MouseButton.LeftButton)
    assert not errors, errors
    assert seen == ["走访记录：李四贵户", "1"]


# -- editing and deleting --------------------------------------------------------------------------------------------
def test_enter_opens_the_visit_and_delete_asks_first(qtbot, workbook: Workbook, data: dict,
                                                     page: VisitsPage) -> None:
    visit_id = add_visit(workbook, data, problems="缺劳力")
    page.refresh(visit_id)

    def edit(dialog: VisitDialog) -> None:
        assert dialog.visit_id == visit_id
        dialog.ui.problems.setFocus()
        type_chinese(dialog.ui.problems, "，已解决")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    errors = in_modal(qtbot, VisitDialog, edit)
    press(qtbot, Qt.Key.Key_Return)
    assert not errors, errors
    assert shown(page, "problems") == ["缺劳力，已解决"]
    activate(qtbot, page)
    page.table.setFocus()

    errors = in_modal(qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    press(qtbot, Qt.Key.Key_Delete)
    assert not errors, errors
    assert page.count_label.text() == "共 0 条"
    assert workbook.db.execute("SELECT COUNT(*) FROM visit_visitor").fetchone()[0] == 0


def test_a_stack_cancelled_at_the_end_still_shows(qtbot, workbook: Workbook, data: dict, page: VisitsPage) -> None:
    def one_then_escape(dialog: VisitDialog) -> None:
        dialog.household.setFocus()
        pick_focused(qtbot, "zxy")
        dialog.people.picker.setFocus()
        pick_focused(qtbot, "lm")
        press(qtbot, Qt.Key.Key_Return, CTRL | SHIFT)
        press(qtbot, Qt.Key.Key_Escape)

    errors = in_modal(qtbot, VisitDialog, one_then_escape)
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert not errors, errors
    assert page.count_label.text() == "共 1 条"


# -- the county ------------------------------------------------------------------------------------------------------
def test_the_county_sees_every_township_read_only(qtbot, workbook: Workbook, data: dict) -> None:
    add_visit(workbook, data)
    county = Workbook(workbook.db, workbook.path, "140224")
    county.store.user_name = "县指挥部"
    widget = VisitsPage(county)
    qtbot.addWidget(widget)
    names = {b.objectName(): b.text() for b in widget.findChildren(QPushButton)}
    assert names.get("editButton") == "查看" and "timelineButton" in names
    assert not {"addButton", "deleteButton", "followUpDoneButton"} & set(names)
    assert widget.township_combo.itemText(0) == "全部乡镇" and widget.township_combo.count() == 13
    assert not widget.table.isColumnHidden(1)
    assert shown(widget, "township") == ["东河南镇"]


def test_fits_the_clerks_screen(qtbot, page: VisitsPage) -> None:
    assert page.minimumSizeHint().width() <= 1366 - 150   # the sidebar takes 150
    assert page.table.isColumnHidden(1), "a township sees its own visits: no 乡镇 column"
