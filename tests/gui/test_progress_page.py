"""ProgressPage: a clerk copies two villages' monthly figures from paper into the grid with the keyboard alone."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers import add_village

from lingqiu_desktop.core.records import clean_village

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.pages.progress import COL_NAME, COL_RATE, COL_TREND, FIRST_MONTH, READ_ONLY, ProgressPage

NO = Qt.KeyboardModifier.NoModifier
TOWNSHIP = "140224101"
# (name, unit, baseline, target, direction, weight): worked by hand in test_reviews_page too
HOUSEHOLDS = {"name": "脱贫户数", "unit": "户", "baseline": "0", "target": "10", "direction": "higher", "weight": "60"}
INCIDENCE = {"name": "贫困发生率", "unit": "%", "baseline": "10", "target": "2", "direction": "lower", "weight": "40"}


def set_today(workbook: Workbook, day: str) -> None:
    workbook.settings.set("app.reference_date", day)


def add_letter(workbook: Workbook, village: dict[str, Any], indicators: list[dict[str, str]],
               kind: str = "目标责任书") -> dict[str, Any]:
    values = {"kind": kind, "year": 2018, "level": "乡对村", "title": f"2018年度脱贫攻坚{kind}",
              "receiver_code": village["code"], "drafted_on": "2018-02-01", "deadline": "2018-12-31"}
    return workbook.letters.add(values, indicators)


def township_data(workbook: Workbook) -> dict[str, Any]:
    """Two villages with a letter each (脱贫户数 60 %, 贫困发生率 40 %); 下野窝村 also counts its collective income."""
    set_today(workbook, "2018-06-30")
    a = workbook.villages.add(clean_village({"code": TOWNSHIP + "201", "name": "下野窝村", "is_poor": True,
                                             "collective_income": "25000"}, TOWNSHIP))
    b = add_village(workbook, "202", "上野窝村")
    income = {"name": "集体经济达标村", "unit": "个", "baseline": "0", "target": "1", "direction": "higher",
              "weight": "20", "source": "collective_income_villages"}
    letter_a = add_letter(workbook, a, [HOUSEHOLDS, INCIDENCE, income])
    letter_b = add_letter(workbook, b, [HOUSEHOLDS, INCIDENCE])
    return {"a": a, "b": b, "letter_a": letter_a, "letter_b": letter_b}


@pytest.fixture
def data(workbook: Workbook) -> dict[str, Any]:
    return township_data(workbook)


def open_page(qtbot, workbook: Workbook) -> ProgressPage:
    page = ProgressPage(workbook)
    qtbot.addWidget(page)
    page.resize(1216, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()  # the keys go to the active window, even with a reviews page open beside it
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.fixture
def page(qtbot, workbook: Workbook, data: dict[str, Any]) -> ProgressPage:
    return open_page(qtbot, workbook)


def focused(page: ProgressPage) -> QWidget:
    """What has the page's keyboard focus: the grid, or the cell editor the grid opened (asked of the page's
    window, so a second window open in the test does not take the keys)."""
    return page.window().focusWidget() or page.grid


def key(qtbot, page: ProgressPage, k: Any, modifier: Qt.KeyboardModifier = NO, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(page), k, modifier)


def type_value(qtbot, page: ProgressPage, text: str, end: Qt.Key) -> None:
    qtbot.keyClicks(focused(page), text)
    key(qtbot, page, end)
    QApplication.processEvents()  # Qt commits an editor's Enter through a queued call


def go_to(qtbot, page: ProgressPage, row: int, month: int) -> None:
    """From the grid's top-left cell, with arrow keys only."""
    page.grid.setFocus()
    key(qtbot, page, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, page, Qt.Key.Key_Down, times=row)
    key(qtbot, page, Qt.Key.Key_Right, times=FIRST_MONTH + month - 1)
    assert (page.grid.currentIndex().row(), page.grid.currentIndex().column()) == (row, FIRST_MONTH + month - 1)


def choose_receiver(page: ProgressPage, name: str) -> None:
    index = next(i for i in range(page.receiver_combo.count()) if page.receiver_combo.itemText(i).startswith(name))
    page.receiver_combo.setCurrentIndex(index)


def cell(page: ProgressPage, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return page.model.data(page.model.index(row, column), role)


def count_progress(workbook: Workbook) -> int:
    return workbook.db.execute("SELECT COUNT(*) FROM indicator_progress").fetchone()[0]


def test_page_opens_on_the_working_month(page: ProgressPage, qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    assert (page.year, page.month) == (2018, "2018-06")
    assert [page.receiver_combo.itemText(i) for i in range(2)] == ["下野窝村（滞后2项）", "上野窝村（滞后2项）"]
    assert page.letter_combo.currentText() == "脱贫攻坚目标责任书"
    assert page.model.rowCount() == 3 and page.model.columnCount() == 17
    assert [cell(page, r, COL_NAME) for r in range(3)] == ["脱贫户数", "贫困发生率", "集体经济达标村（自动）"]
    assert page.model.headerData(FIRST_MONTH + 5, Qt.Orientation.Horizontal) == "6月▼"
    assert page.model.headerData(COL_RATE, Qt.Orientation.Horizontal) == "完成率\n6月"
    assert page.grid.currentIndex().column() == FIRST_MONTH + 5  # the cursor starts on the working month
    assert "下野窝村" in page.summary_label.text() and "2项指标滞后" in page.summary_label.text()


def test_typed_months_save_and_the_cursor_follows_the_paper(qtbot, page: ProgressPage, workbook: Workbook,
                                                            data: dict[str, Any]) -> None:
    go_to(qtbot, page, 0, 4)
    type_value(qtbot, page, "5", Qt.Key.Key_Return)          # 脱贫户数 April; Enter goes down to 贫困发生率 April
    assert page.grid.currentIndex().row() == 1 and page.grid.currentIndex().column() == FIRST_MONTH + 3
    type_value(qtbot, page, "6", Qt.Key.Key_Tab)             # Tab saves and goes right: 贫困发生率 May
    assert page.grid.currentIndex().column() == FIRST_MONTH + 4
    type_value(qtbot, page, "5.5", Qt.Key.Key_Return)
    values = workbook.progress.values(data["letter_a"]["id"])
    ids = [line.row.id for line in page.model.lines]
    assert values[ids[0]] == {"2018-04": 5.0} and values[ids[1]] == {"2018-04": 6.0, "2018-05": 5.5}
    # June: carried forward from April (50 %) and May ((10 - 5.5) / 8 = 56.25 %)
    assert cell(page, 0, COL_RATE) == "50.0%" and cell(page, 1, COL_RATE) == "56.2%"
    assert cell(page, 0, FIRST_MONTH + 3) == "5" and cell(page, 1, FIRST_MONTH + 4) == "5.5"
    assert page.message_label.text() == "已保存：贫困发生率 5月 5.5%"


def test_trend_arrows_compare_with_last_month(qtbot, page: ProgressPage, workbook: Workbook) -> None:
    ids = [line.row.id for line in page.model.lines]
    workbook.progress.set_value(ids[0], "2018-05", 4)
    workbook.progress.set_value(ids[0], "2018-06", 6)
    workbook.progress.set_value(ids[1], "2018-05", 5)
    workbook.progress.set_value(ids[1], "2018-06", 7)   # lower is better: the rate went up, completion down
    page.reload()
    assert [cell(page, r, COL_TREND) for r in range(3)] == ["↑", "↓", "—"]
    page.step_month(-1)  # May: no April values to compare with
    assert page.month == "2018-05" and cell(page, 0, COL_TREND) == "—"


def test_a_bad_value_is_refused_and_the_cursor_stays(qtbot, page: ProgressPage, workbook: Workbook) -> None:
    before = count_progress(workbook)
    go_to(qtbot, page, 0, 3)
    type_value(qtbot, page, "abc", Qt.Key.Key_Return)
    assert count_progress(workbook) == before
    assert page.message_label.text() == "脱贫户数 3月没有保存——完成值：应为数字"
    assert page.grid.currentIndex().row() == 0  # not moved down: the clerk types it again
    type_value(qtbot, page, "3", Qt.Key.Key_Return)
    assert count_progress(workbook) == before + 1


def test_future_months_and_computed_indicators_cannot_be_typed(qtbot, page: ProgressPage, workbook: Workbook) -> None:
    before = count_progress(workbook)
    go_to(qtbot, page, 0, 7)   # July: after the working month
    assert not page.model.flags(page.grid.currentIndex()) & Qt.ItemFlag.ItemIsEditable
    assert cell(page, 0, FIRST_MONTH + 6, Qt.ItemDataRole.BackgroundRole).color() == READ_ONLY
    qtbot.keyClicks(page.grid, "4")
    go_to(qtbot, page, 2, 3)   # the computed row
    qtbot.keyClicks(page.grid, "1")
    assert focused(page) is page.grid  # no editor opened
    assert count_progress(workbook) == before


def test_recount_fills_the_computed_row(qtbot, page: ProgressPage, workbook: Workbook) -> None:
    assert page.refresh_button.isEnabled()
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    line = page.model.lines[2]
    assert line.row.values == {f"2018-{m:02d}": 1.0 for m in range(1, 7)} and line.row.computed == set(line.row.values)
    assert cell(page, 2, COL_RATE) == "100.0%"
    assert page.message_label.text() == "已重新统计自动指标（1月至6月），更新6个数值。"
    assert cell(page, 2, FIRST_MONTH, Qt.ItemDataRole.FontRole).italic()


def test_delete_clears_the_selected_months_in_one_go(qtbot, page: ProgressPage, workbook: Workbook) -> None:
    ids = [line.row.id for line in page.model.lines]
    for month in ("2018-02", "2018-03"):
        workbook.progress.set_value(ids[0], month, 2)
    page.reload()
    go_to(qtbot, page, 0, 2)
    key(qtbot, page, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    key(qtbot, page, Qt.Key.Key_Delete)
    assert workbook.progress.values(page.current_letter()["id"])[ids[0]] == {}
    assert page.message_label.text() == "已清除2格。"


def test_lagging_rows_and_villages_turn_red_and_clear_when_on_track(qtbot, page: ProgressPage) -> None:
    choose_receiver(page, "上野窝村")
    assert cell(page, 0, COL_NAME, Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    go_to(qtbot, page, 0, 6)
    type_value(qtbot, page, "8", Qt.Key.Key_Return)    # 80 % ≥ 0.8 × 50 % of the year: on track
    type_value(qtbot, page, "4", Qt.Key.Key_Return)    # (10 − 4) / 8 = 75 %
    assert cell(page, 0, COL_NAME, Qt.ItemDataRole.ForegroundRole) is None
    assert page.receiver_combo.currentText() == "上野窝村"
    assert "没有滞后指标" in page.summary_label.text()


def test_another_offices_letter_is_read_only(qtbot, county: Workbook) -> None:
    """At the county a township's letters to its villages are shown, not typed into."""
    set_today(county, "2018-06-30")
    village = county.store.insert("village", {"owner": TOWNSHIP, "township_code": TOWNSHIP, "code": TOWNSHIP + "201",
                                              "name": "下野窝村"})
    letter = county.store.insert("letter", {
        "owner": TOWNSHIP, "kind": "目标责任书", "year": 2018, "level": "乡对村", "title": "2018年度脱贫攻坚目标责任书",
        "issuer_code": TOWNSHIP, "issuer_name": "东河南镇", "receiver_code": village["code"],
        "receiver_name": "下野窝村", "status": "执行中"})
    county.store.insert("indicator", {"owner": TOWNSHIP, "letter_id": letter["id"], "name": "脱贫户数", "unit": "户",
                                      "baseline": 0, "target": 10})
    page = open_page(qtbot, county)
    page.scope.set_scope("乡对村", TOWNSHIP)
    assert page.scope.township_combo.isVisible() and page.receiver_combo.currentText() == "下野窝村（滞后1项）"
    assert page.note_label.isVisible() and "只能查看" in page.note_label.text()
    assert not page.model.flags(page.model.index(0, FIRST_MONTH)) & Qt.ItemFlag.ItemIsEditable


def test_tab_walks_the_months_row_by_row(qtbot, page: ProgressPage) -> None:
    go_to(qtbot, page, 0, 12)
    key(qtbot, page, Qt.Key.Key_Tab)   # from December to the next indicator's January
    assert (page.grid.currentIndex().row(), page.grid.currentIndex().column()) == (1, FIRST_MONTH)
    key(qtbot, page, Qt.Key.Key_Backtab)
    assert (page.grid.currentIndex().row(), page.grid.currentIndex().column()) == (0, FIRST_MONTH + 11)


def test_a_year_without_letters_says_so(qtbot, page: ProgressPage) -> None:
    page.year_combo.setCurrentIndex(page.year_combo.findData(2019))
    assert page.month == "2019-01" and page.receiver_combo.count() == 0 and page.model.rowCount() == 0
    assert page.summary_label.text() == "2019年还没有乡对村的责任书，没有要登记的村。"
    assert not page.refresh_button.isEnabled()
