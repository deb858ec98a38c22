"""AssessmentsPage: rate a team from the keyboard; the spot-check rule caps the rating and says why."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.data.test_attendance import add_team, count, set_today
from tests.helpers import type_chinese

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.pages.assessments import COLUMNS, AssessmentsPage, proposed_of


@pytest.fixture
def team(workbook: Workbook) -> dict[str, Any]:
    set_today(workbook, "2018-11-30")
    team = add_team(workbook)
    for day in ("2018-03-02", "2018-06-12"):
        workbook.attendance.add_spot_check(team["id"], team["people"]["赵志刚"], day, "县委组织部督查组", False)
    return team


@pytest.fixture
def page(qtbot, workbook: Workbook, team: dict[str, Any]) -> AssessmentsPage:
    page = AssessmentsPage(workbook)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def cell(page: AssessmentsPage, row: int, key: str) -> str:
    keys = [c[0] for c in COLUMNS]
    return str(page.model.data(page.model.index(row, keys.index(key))))


def test_lists_the_year_with_absences(page: AssessmentsPage, qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    assert page.year_combo.currentText() == "2018年"
    assert [cell(page, r, "name") for r in range(3)] == ["王建国", "李红梅", "赵志刚"]
    assert [cell(page, r, "absences") for r in range(3)] == ["—", "—", "2次"]
    assert page.count_label.text() == "共 3 人，已评定 0 人，抽查发现无故缺勤 1 人"
    assert "1次最高评为称职；2次最高评为基本称职；3次最高评为不称职" in page.rule_label.text()
    assert not page.township_combo.isVisible()


def test_rate_a_team_from_the_keyboard(qtbot, page: AssessmentsPage, workbook: Workbook,
                                       team: dict[str, Any]) -> None:
    # 王建国: 优秀 (the first item), 96 points, the assessor typed once and kept for the next members
    page.rating_combo.setFocus()
    qtbot.keyClick(page.rating_combo, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "96")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_chinese(page.assessor_edit, "县委组织部")
    qtbot.keyClick(page.assessor_edit, Qt.Key.Key_Return)
    assert cell(page, 0, "rating") == "优秀" and cell(page, 0, "score") == "96"
    # the cursor moved on to 李红梅: 称职
    assert page.current()["name"] == "李红梅" and QApplication.focusWidget() is page.rating_combo
    qtbot.keyClick(page.rating_combo, Qt.Key.Key_Down)
    qtbot.keyClick(page.rating_combo, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # 赵志刚, two absences found by spot checks: 优秀 proposed, 基本称职 allowed, and the page says so first
    assert page.current()["name"] == "赵志刚"
    qtbot.keyClick(page.rating_combo, Qt.Key.Key_Up)
    assert page.result_label.text().endswith("抽查发现无故缺勤2次，最高评为基本称职（原拟评优秀）")
    qtbot.keyClick(page.rating_combo, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert [cell(page, r, "rating") for r in range(3)] == ["优秀", "称职", "基本称职"]
    assert cell(page, 2, "capped_by") == "抽查发现无故缺勤2次，最高评为基本称职（原拟评优秀）"
    assert [r["assessor"] for r in workbook.assessments.list(2018)] == ["县委组织部"] * 3
    # opening the capped row again shows what was proposed, not what was allowed
    page.table.selectRow(2)
    assert page.rating_combo.currentText() == "优秀"
    assert proposed_of({"rating": "称职", "capped_by": ""}) == "称职"


@pytest.mark.parametrize(("score", "message"), [
    ("120", "考核得分：不能大于100"),
    ("abc", "考核得分：应为数字"),
    ("-1", "考核得分：不能小于0"),
])
def test_bad_score_shows_a_message_and_saves_nothing(qtbot, page: AssessmentsPage, workbook: Workbook, score: str,
                                                     message: str) -> None:
    qtbot.keyClicks(page.score_edit, score)
    qtbot.keyClick(page.score_edit, Qt.Key.Key_Return)
    assert page.error_label.text() == message
    assert count(workbook, "assessment") == 0
    assert page.current()["name"] == "王建国"  # it stays on the member


def test_year_and_team_filters(qtbot, page: AssessmentsPage, workbook: Workbook) -> None:
    other = add_team(workbook, (("陈立新", "队长"),), name="曲回寺村驻村工作队", code_suffix="202")
    page._fill_teams()
    assert page.model.rowCount() == 4
    page.team_combo.setCurrentIndex(page.team_combo.findData(other["id"]))
    assert [cell(page, r, "name") for r in range(page.model.rowCount())] == ["陈立新"]
    page.year_combo.setCurrentIndex(page.year_combo.findData("2017"))
    assert page.model.rowCount() == 0 and page.person_label.text() == "—"
