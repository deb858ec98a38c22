"""Printing from where the record is: on each page a clerk selects a row with the mouse or the keyboard, presses the
print button and the preview of the right document opens (its kind, key and params as print_log recorded them, its
title, its pages); with nothing selected the buttons are disabled; at the county a township's records print too,
since printing only reads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTableView, QWidget

from tests.data.test_attendance import add_team
from tests.gui.dialog_helpers import as_county, retype
from tests.helpers import add_household, add_village

from lingqiu_desktop.core.letters import clean_letter, templates_for
from lingqiu_desktop.core.pinyin import initials
from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.trainings import clean_training

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

from lingqiu_desktop.gui.dialogs.visit_timeline import VisitRangeDialog, VisitTimelineDialog
from lingqiu_desktop.gui.letter_editor import LetterEditor
from lingqiu_desktop.gui.printing import PreviewDialog

LEFT = Qt.MouseButton.LeftButton
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
TODAY = "2018-11-30"
VILLAGE_CODE = "140224101201"   # 下野窝村 of 东河南镇, made by add_team


# -- driving ---------------------------------------------------------------------------------------------------------
@pytest.fixture
def refused(qtbot) -> Iterator[list[str]]:
    """A document that cannot be made shows a modal warning; record and close it, so a broken build fails the test
    with its Chinese reason instead of hanging it."""
    texts: list[str] = []

    def check() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.windowTitle() == "无法生成文档":
            texts.append(box.text())
            box.reject()

    timer = QTimer(interval=50, timeout=check)
    timer.start()
    yield texts
    timer.stop()


def previews() -> list[PreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible()]


def take_preview(qtbot, refused: list[str]) -> PreviewDialog:
    """The one preview the button opened (it opens without blocking)."""
    qtbot.waitUntil(lambda: bool(previews() or refused), timeout=30_000)
    assert not refused, refused
    shown = previews()
    assert len(shown) == 1
    assert shown[0].page_count() >= 1
    return shown[0]


def close_preview(qtbot, preview: PreviewDialog) -> None:
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    qtbot.keyClick(preview.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not previews())


def printed(wb: Workbook) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in wb.db.execute("SELECT kind, record_key, params FROM print_log ORDER BY printed_at, "
                                            "rowid")]


def show(qtbot, page: QWidget) -> QWidget:
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


def click_row(qtbot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    assert table.currentIndex().row() == row


def press_print(qtbot, button: QPushButton, refused: list[str]) -> PreviewDialog:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, LEFT)
    return take_preview(qtbot, refused)


def when_modal(kind: type, act: Callable[[Any], None]) -> list[BaseException]:
    """Act on the next modal window of `kind` (its exec() blocks the test); a failure closes it and is handed back."""
    errors: list[BaseException] = []
    tries = iter(range(500))

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, kind):
            if next(tries, None) is None:
                errors.append(AssertionError(f"no {kind.__name__} opened"))
            else:
                QTimer.singleShot(20, poll)
            return
        try:
            act(modal)
        except BaseException as exc:  # noqa: BLE001 - raised by the test
            errors.append(exc)
            modal.reject()
    QTimer.singleShot(0, poll)
    return errors


# -- records ---------------------------------------------------------------------------------------------------------
def person(wb: Workbook, name: str, kind: str = "第一书记", unit: str = "县扶贫办") -> str:
    return wb.people.add({"name": name, "name_initials": initials(name), "kind": kind, "unit": unit, "post": "干部",
                          "phone": "13812345678", "township_code": wb.office_code})["id"]


@pytest.fixture
def town(workbook: Workbook) -> dict[str, Any]:
    """东河南镇 on 2018-11-30: 下野窝村 with its work team, two households, visits, a training, a letter."""
    wb = workbook
    wb.settings.set(REFERENCE_DATE_KEY, TODAY)
    team = add_team(wb)
    village = team["village_id"]
    head = add_household(wb, village, "张先云", phone="13912345678")["id"]
    add_household(wb, village, "王大山")
    visitor = person(wb, "李明")
    visits = [wb.visits.add({"visit_date": day, "kind": "入户走访", "household_id": head, "problems": problem},
                            [visitor])["id"]
              for day, problem in (("2017-05-01", "房屋漏雨"), ("2018-03-10", "土豆滞销"))]
    raw = {"title": "东河南镇第一书记培训班（第3期）", "audience": "第一书记", "start_date": "2018-06-05",
           "hours": "3", "venue": "镇党校"}
    training = wb.trainings.add(clean_training(raw, DEFAULTS["training.audiences"], wb.today()))["id"]
    wb.trainings.add_people(training, [visitor, person(wb, "王芳")])
    template = templates_for(wb.letters.level)[0].key
    values, indicators = wb.letters.from_template(template, 2018, VILLAGE_CODE, today=date(2018, 3, 1))
    letter = wb.letters.add(clean_letter(values, wb.today()), indicators)["id"]
    return {"wb": wb, "team": team["id"], "village": village, "head": head, "visits": visits,
            "training": training, "letter": letter}


# -- 目标责任书 ------------------------------------------------------------------------------------------------------
def test_letters_page_prints_the_selected_letter(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    from lingqiu_desktop.gui.pages.letters import LettersPage

    wb = town["wb"]
    page = show(qtbot, LettersPage(wb))
    assert page.print_button.text() == "打印预览" and "Ctrl+P" in page.print_button.toolTip()
    click_row(qtbot, page.table, 0)
    preview = press_print(qtbot, page.print_button, refused)
    assert printed(wb) == [("letter", town["letter"], "")]
    assert preview.windowTitle().startswith("打印预览")
    close_preview(qtbot, preview)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_P, CTRL)      # the shortcut does the same
    close_preview(qtbot, take_preview(qtbot, refused))


def test_letters_page_print_is_disabled_without_letters(qtbot, workbook: Workbook) -> None:
    from lingqiu_desktop.gui.pages.letters import LettersPage

    page = show(qtbot, LettersPage(workbook))
    assert page.model.rowCount() == 0 and not page.print_button.isEnabled()


def open_editor(qtbot, wb: Workbook, letter_id: str) -> LetterEditor:
    editor = LetterEditor(wb, letter_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return editor


def test_editor_prints_at_once_when_nothing_changed(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    editor = open_editor(qtbot, town["wb"], town["letter"])
    assert not editor.has_unsaved_changes()
    preview = press_print(qtbot, editor.print_button, refused)
    assert printed(town["wb"]) == [("letter", town["letter"], "")]
    close_preview(qtbot, preview)


def test_editor_saves_unsaved_changes_before_printing(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    wb = town["wb"]
    editor = open_editor(qtbot, wb, town["letter"])
    retype(qtbot, editor.ui.title, "下野窝村2018年脱贫攻坚责任书（修订）")
    assert editor.has_unsaved_changes()
    errors = when_modal(QMessageBox, lambda box: (
        assert_text(box, "未保存的修改"), box.findChild(QPushButton, "saveAndPrintButton").click()))
    qtbot.keyClick(editor.ui.title, Qt.Key.Key_P, CTRL)
    assert not errors, errors
    preview = take_preview(qtbot, refused)
    assert wb.letters.get(town["letter"])["title"] == "下野窝村2018年脱贫攻坚责任书（修订）"
    assert "修订" in preview.title and not editor.has_unsaved_changes() and editor.isVisible()
    close_preview(qtbot, preview)


def assert_text(box: QMessageBox, part: str) -> None:
    assert part in box.text(), box.text()


def test_editor_can_print_the_saved_version_knowingly(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    wb = town["wb"]
    before = wb.letters.get(town["letter"])["title"]
    editor = open_editor(qtbot, wb, town["letter"])
    retype(qtbot, editor.ui.title, "未保存的标题")
    errors = when_modal(QMessageBox, lambda box: box.findChild(QPushButton, "printSavedButton").click())
    qtbot.mouseClick(editor.print_button, LEFT)
    assert not errors, errors
    preview = take_preview(qtbot, refused)
    assert "未保存" not in preview.title and wb.letters.get(town["letter"])["title"] == before
    assert editor.has_unsaved_changes()      # what was typed stays on screen, still unsaved
    close_preview(qtbot, preview)


def test_editor_saves_a_new_letter_before_printing(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    wb = town["wb"]
    template = templates_for(wb.letters.level)[-1].key
    values, indicators = wb.letters.from_template(template, 2019, VILLAGE_CODE, today=date(2018, 11, 30))
    editor = LetterEditor(wb, values=values, indicators=indicators)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)

    def save_first(box: QMessageBox) -> None:
        assert_text(box, "还没有保存")
        assert box.findChild(QPushButton, "printSavedButton") is None     # there is no saved version yet
        box.findChild(QPushButton, "saveAndPrintButton").click()
    errors = when_modal(QMessageBox, save_first)
    qtbot.mouseClick(editor.print_button, LEFT)
    assert not errors, errors
    close_preview(qtbot, take_preview(qtbot, refused))
    assert editor.letter_id and printed(wb) == [("letter", editor.letter_id, "")]


def test_a_letter_read_only_here_prints_without_asking(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    county = as_county(town["wb"])       # the township's letter, seen at the county: 查看 only, but it prints
    editor = open_editor(qtbot, county, town["letter"])
    assert editor.read_only and editor.print_button.isVisible()
    close_preview(qtbot, press_print(qtbot, editor.print_button, refused))
    assert printed(county) == [("letter", town["letter"], "")]


def test_editor_cancel_prints_nothing(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    editor = open_editor(qtbot, town["wb"], town["letter"])
    retype(qtbot, editor.ui.title, "改了一半")
    errors = when_modal(QMessageBox, lambda box: box.findChild(QPushButton, "cancelPrintButton").click())
    qtbot.mouseClick(editor.print_button, LEFT)
    assert not errors and not previews() and printed(town["wb"]) == []


# -- 培训 ------------------------------------------------------------------------------------------------------------
def test_trainings_page_prints_signin_sheet_and_record(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    from lingqiu_desktop.gui.pages.trainings import TrainingsPage

    wb = town["wb"]
    page = show(qtbot, TrainingsPage(wb))
    click_row(qtbot, page.table, 0)
    preview = press_print(qtbot, page.signin_button, refused)
    assert preview.title == "东河南镇第一书记培训班（第3期）签到表"
    close_preview(qtbot, preview)
    close_preview(qtbot, press_print(qtbot, page.record_button, refused))
    assert printed(wb) == [("signin", town["training"], ""), ("training", town["training"], "")]


def test_trainings_print_buttons_disabled_without_a_training(qtbot, workbook: Workbook) -> None:
    from lingqiu_desktop.gui.pages.trainings import TrainingsPage

    page = show(qtbot, TrainingsPage(workbook))
    assert not page.signin_button.isEnabled() and not page.record_button.isEnabled()


# -- 走访记录 --------------------------------------------------------------------------------------------------------
def test_visits_page_prints_the_selected_visit(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    from lingqiu_desktop.gui.pages.visits import VisitsPage

    wb = town["wb"]
    page = show(qtbot, VisitsPage(wb))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)         # newest first: the second row is the 2017 visit
    assert page.current_record()["visit_date"] == "2017-05-01"
    preview = press_print(qtbot, page.print_button, refused)
    assert printed(wb) == [("visit", town["visits"][0], "")]
    close_preview(qtbot, preview)


def test_county_prints_a_townships_visit(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    from lingqiu_desktop.gui.pages.visits import VisitsPage

    county = as_county(town["wb"])
    page = show(qtbot, VisitsPage(county))
    click_row(qtbot, page.table, 0)
    assert page.read_only
    close_preview(qtbot, press_print(qtbot, page.print_button, refused))
    assert printed(county) == [("visit", town["visits"][1], "")]


def test_visits_print_disabled_without_a_visit(qtbot, workbook: Workbook) -> None:
    from lingqiu_desktop.gui.pages.visits import VisitsPage

    page = show(qtbot, VisitsPage(workbook))
    assert not page.print_button.isEnabled()


# -- 贫困户 ----------------------------------------------------------------------------------------------------------
def range_dialog(act: Callable[[VisitRangeDialog], None]) -> list[BaseException]:
    return when_modal(VisitRangeDialog, act)


def test_households_page_prints_a_households_visits_this_year(qtbot, town: dict[str, Any],
                                                              refused: list[str]) -> None:
    from lingqiu_desktop.gui.pages.households import HouseholdsPage

    wb = town["wb"]
    page = show(qtbot, HouseholdsPage(wb))
    row = next(r for r in range(page.model.rowCount()) if page.model.row(r)["head_name"] == "张先云")
    click_row(qtbot, page.table, row)

    def preview_this_year(dialog: VisitRangeDialog) -> None:
        assert (dialog.date_from.text(), dialog.date_to.text()) == ("2018-01-01", TODAY)
        qtbot.keyClick(dialog.date_to, Qt.Key.Key_Return)
    errors = range_dialog(preview_this_year)
    qtbot.mouseClick(page.print_visits_button, LEFT)
    assert not errors, errors
    close_preview(qtbot, take_preview(qtbot, refused))
    assert printed(wb) == [("visits", town["head"], "2018-01-01:2018-11-30")]


@pytest.mark.parametrize(("first", "last", "message"), [
    ("2018-13-01", "", "起始日期"),
    ("2018-06-01", "2018-05-01", "截止日期：不能早于起始日期"),
])
def test_visit_range_refuses_bad_dates(qtbot, town: dict[str, Any], first: str, last: str, message: str) -> None:
    dialog = VisitRangeDialog(town["wb"], "张先云")
    qtbot.addWidget(dialog)
    dialog.show()
    retype(qtbot, dialog.date_from, first)
    retype(qtbot, dialog.date_to, last)
    qtbot.keyClick(dialog.date_to, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.isVisible() and message in dialog.error.text()
    assert dialog.period.currentText() == "自定义"


def test_timeline_prints_all_visits(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    wb = town["wb"]
    timeline = VisitTimelineDialog(wb, town["head"])
    qtbot.addWidget(timeline)
    timeline.show()
    qtbot.waitExposed(timeline)

    def all_visits(dialog: VisitRangeDialog) -> None:
        dialog.period.setFocus()
        while dialog.period.currentText() != "全部走访":
            qtbot.keyClick(dialog.period, Qt.Key.Key_Down)
        assert dialog.date_from.text() == dialog.date_to.text() == ""
        qtbot.keyClick(dialog.period, Qt.Key.Key_Return)
    errors = range_dialog(all_visits)
    qtbot.mouseClick(timeline.buttons["printVisitsButton"], LEFT)
    assert not errors, errors
    close_preview(qtbot, take_preview(qtbot, refused))
    assert printed(wb) == [("visits", town["head"], ":")]


def choose_village(qtbot, page: QWidget, name: str) -> None:
    combo = page.village_combo
    combo.setFocus()
    while combo.currentText() != name:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_households_page_prints_a_villages_lists(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    from lingqiu_desktop.gui.pages.households import HouseholdsPage

    wb = town["wb"]
    add_village(wb, "202", "上野窝村")
    page = show(qtbot, HouseholdsPage(wb))
    assert not page.print_public_button.isEnabled() and not page.print_roster_button.isEnabled()
    assert "选择一个村" in page.print_public_button.toolTip()
    choose_village(qtbot, page, "下野窝村")
    close_preview(qtbot, press_print(qtbot, page.print_public_button, refused))
    close_preview(qtbot, press_print(qtbot, page.print_roster_button, refused))
    assert printed(wb) == [("households", VILLAGE_CODE, "public"), ("households", VILLAGE_CODE, "internal")]


def test_households_print_disabled_without_a_household(qtbot, workbook: Workbook) -> None:
    from lingqiu_desktop.gui.pages.households import HouseholdsPage

    page = show(qtbot, HouseholdsPage(workbook))
    assert not any(b.isEnabled() for b in (page.print_visits_button, page.print_public_button,
                                           page.print_roster_button))


# -- 驻村考勤 --------------------------------------------------------------------------------------------------------
def test_attendance_prints_the_teams_month_and_opens_the_batch(qtbot, town: dict[str, Any],
                                                                refused: list[str]) -> None:
    from lingqiu_desktop.gui.pages.attendance import AttendancePage

    wb = town["wb"]
    page = show(qtbot, AttendancePage(wb))
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_PageUp, CTRL)    # 上月: October
    assert page.month == "2018-10"
    qtbot.keyClick(page.grid, Qt.Key.Key_P, CTRL)       # Ctrl+P from the grid, where the days are typed
    close_preview(qtbot, take_preview(qtbot, refused))
    assert printed(wb) == [("attendance", town["team"], "2018-10")]
    assert page.print_button.text() == "打印考勤表(&P)" and page.print_button.isEnabled()
    assert batch_choice(qtbot, page.batch_button) == ("attendance", "2018-10")


def batch_choice(qtbot, button: QPushButton) -> tuple[str, str]:
    """Open 批量打印… and read the kind and params it starts with; close it without printing."""
    from lingqiu_desktop.gui.batch_print import BatchPrintDialog

    seen: list[tuple[str, str]] = []
    errors = when_modal(BatchPrintDialog, lambda dialog: (
        seen.append((dialog.kind_combo.currentData(), dialog.params_editor.params())), dialog.reject()))
    qtbot.mouseClick(button, LEFT)
    assert not errors, errors
    return seen[0]


def test_attendance_print_disabled_without_a_team(qtbot, workbook: Workbook) -> None:
    from lingqiu_desktop.gui.pages.attendance import AttendancePage

    page = show(qtbot, AttendancePage(workbook))
    assert not page.print_button.isEnabled()


# -- 考核通报 --------------------------------------------------------------------------------------------------------
def test_reviews_circular_only_from_the_quarter_tab(qtbot, town: dict[str, Any]) -> None:
    from lingqiu_desktop.gui.pages.reviews import ReviewsPage

    page = show(qtbot, ReviewsPage(town["wb"]))
    assert page.tabs.currentWidget() is page.tab("month")
    assert not page.print_button.isEnabled() and "季点评通报" in page.print_button.toolTip()
    page.tabs.setCurrentWidget(page.tab("quarter"))
    assert page.print_button.isEnabled() and page.circular_key() == "140224101"
    page.tabs.setCurrentWidget(page.tab("year"))
    assert not page.print_button.isEnabled()


def test_reviews_prints_the_quarterly_circular(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    from lingqiu_desktop.gui.pages.reviews import ReviewsPage

    wb = town["wb"]
    page = show(qtbot, ReviewsPage(wb))
    page.tabs.setCurrentWidget(page.tab("quarter"))
    page.tab("quarter").picker.set_period("2018Q2")
    close_preview(qtbot, press_print(qtbot, page.print_button, refused))
    [(kind, key, params)] = printed(wb)
    assert (kind, key) == ("circular", "140224101") and params.startswith("2018Q2")   # the build may add @as-of


def test_county_circular_ranks_the_townships(qtbot, town: dict[str, Any]) -> None:
    from lingqiu_desktop.gui.pages.reviews import ReviewsPage

    page = show(qtbot, ReviewsPage(as_county(town["wb"])))
    page.tabs.setCurrentWidget(page.tab("quarter"))
    assert page.print_button.isEnabled() and page.circular_key() == "140224"
    page.scope.set_scope("乡对村", "")          # 全县各村: no circular for that
    assert not page.print_button.isEnabled() and "请选择一个乡镇" in page.print_button.toolTip()
    page.scope.set_scope("乡对村", "140224101")
    assert page.print_button.isEnabled() and page.circular_key() == "140224101"


# -- 村庄 and 驻村工作队 ---------------------------------------------------------------------------------------------
def test_villages_page_prints_a_sheet_and_opens_the_batch(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    from lingqiu_desktop.gui.pages.villages import VillagesPage

    wb = town["wb"]
    page = show(qtbot, VillagesPage(wb))
    click_row(qtbot, page.table, 0)
    close_preview(qtbot, press_print(qtbot, page.print_button, refused))
    assert printed(wb) == [("sheet-village", VILLAGE_CODE, "2018")]
    assert batch_choice(qtbot, page.batch_button) == ("sheet-village", "2018")


def test_teams_page_prints_the_teams_sheet(qtbot, town: dict[str, Any], refused: list[str]) -> None:
    from lingqiu_desktop.gui.pages.teams import TeamsPage

    wb = town["wb"]
    page = show(qtbot, TeamsPage(wb))
    click_row(qtbot, page.table, 0)
    close_preview(qtbot, press_print(qtbot, page.print_button, refused))
    assert printed(wb) == [("sheet-team", town["team"], "2018")]


@pytest.mark.parametrize("module", ["villages:VillagesPage", "teams:TeamsPage"])
def test_sheet_buttons_disabled_without_records(qtbot, workbook: Workbook, module: str) -> None:
    import importlib

    name, cls = module.split(":")
    page = show(qtbot, getattr(importlib.import_module(f"lingqiu_desktop.gui.pages.{name}"), cls)(workbook))
    assert page.model.rowCount() == 0 and not page.print_button.isEnabled()
