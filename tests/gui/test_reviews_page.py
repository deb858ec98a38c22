"""ReviewsPage: the clerk records two months of 上野窝村's progress with the keyboard, and the quarter's ranking turns.

The scores are worked out by hand. Both letters: 脱贫户数 (户, 0 → 10, higher, weight 60) and 贫困发生率 (%, 10 → 2,
lower, weight 40); 下野窝村's letter also has 集体经济达标村 (个, 0 → 1, weight 20), counted from the register: its
collective income of 25,000 yuan is above the 10,000 threshold, so it is 1 = 100 % in every month.

April values: 下野窝村 5 户 and 6 % → 50 % and (10 − 6) / 8 = 50 %; 上野窝村 2 户 and 8 % → 20 % and 25 %.
  下野窝村 = (60 × 0.5 + 40 × 0.5 + 20 × 1) / 120 × 100 = 70 / 1.2 = 58.33
  上野窝村 = (60 × 0.2 + 40 × 0.25) / 100 × 100 = 22.00
The clerk types 上野窝村's May (6 户, 5 %) and June (8 户, 4 %):
  May  = 60 × 0.6 + 40 × 0.625 = 36 + 25 = 61.00
  June = 60 × 0.8 + 40 × 0.75  = 48 + 30 = 78.00   → the second quarter (ending in June): 上野窝村 first.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.gui.test_progress_page import (
    HOUSEHOLDS,
    INCIDENCE,
    add_letter,
    go_to,
    key,
    open_page,
    township_data,
    type_value,
)

from lingqiu_desktop.data.progress import ProgressRepository

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.pages.progress import ProgressPage
from lingqiu_desktop.gui.pages.reviews import ReviewsPage, ReviewTab


@pytest.fixture
def data(workbook: Workbook) -> dict[str, Any]:
    data = township_data(workbook)
    progress: ProgressRepository = workbook.progress
    for letter, values in ((data["letter_a"], (5, 6)), (data["letter_b"], (2, 8))):
        for indicator, value in zip(workbook.letters.indicators(letter["id"]), values, strict=False):
            progress.set_value(indicator["id"], "2018-04", value)
    return data


@pytest.fixture
def page(qtbot, workbook: Workbook, data: dict[str, Any]) -> ReviewsPage:
    page = ReviewsPage(workbook)
    qtbot.addWidget(page)
    page.resize(1216, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def table(tab: ReviewTab, which: str = "units") -> list[list[str]]:
    model = tab.units_model if which == "units" else tab.indicators_model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def bars(bar_set: Any) -> list[float]:
    return [bar_set.at(i) for i in range(bar_set.count())]


def show_quarter(page: ReviewsPage, quarter: str = "2018Q2") -> ReviewTab:
    page.tabs.setCurrentWidget(page.tab("quarter"))
    page.tab("quarter").picker.set_period(quarter)
    return page.tab("quarter")


def enter_may_and_june(qtbot, progress_page: ProgressPage) -> None:
    """上野窝村: May down the column with Enter, then Tab right into June, arrow up, June's first figure."""
    index = next(i for i in range(progress_page.receiver_combo.count())
                 if progress_page.receiver_combo.itemText(i).startswith("上野窝村"))
    progress_page.receiver_combo.setCurrentIndex(index)
    go_to(qtbot, progress_page, 0, 5)
    type_value(qtbot, progress_page, "6", Qt.Key.Key_Return)
    type_value(qtbot, progress_page, "5", Qt.Key.Key_Tab)
    type_value(qtbot, progress_page, "4", Qt.Key.Key_Return)
    key(qtbot, progress_page, Qt.Key.Key_Up)
    type_value(qtbot, progress_page, "8", Qt.Key.Key_Return)


def test_the_quarter_ranking_turns_when_two_months_are_typed(qtbot, page: ReviewsPage, workbook: Workbook,
                                                              qtmodeltester) -> None:
    tab = show_quarter(page)
    qtmodeltester.check(tab.units_model)
    qtmodeltester.check(tab.indicators_model)
    assert [row[:3] for row in table(tab)] == [["1", "下野窝村", "58.33"], ["2", "上野窝村", "22.00"]]
    assert table(tab)[1][4] == "2项"       # both under 0.8 × 50 % of the year elapsed
    assert "1个单位有滞后指标" in tab.summary_label.text()

    progress_page = open_page(qtbot, workbook)
    enter_may_and_june(qtbot, progress_page)
    assert progress_page.message_label.text() == "已保存：脱贫户数 6月 8户"

    # back in the reviews window, the clerk steps to the first quarter and back: the page reads again
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    tab.units_view.setFocus()
    qtbot.keyClick(tab.units_view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tab.picker.period == "2018Q1"
    qtbot.keyClick(tab.units_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tab.picker.period == "2018Q2"
    assert [row[:3] for row in table(tab)] == [["1", "上野窝村", "78.00"], ["2", "下野窝村", "58.33"]]
    # against the first quarter: 上野窝村 had nothing (0); 下野窝村 only its counted income (20 / 120 = 16.67)
    assert [row[3] for row in table(tab)] == ["+78.00", "+41.67"]
    assert [row[4] for row in table(tab)] == ["—", "—"]
    assert bars(tab.charts.ranking.chart().series()[0].barSets()[0]) == [58.3, 78.0]  # rank 1 at the top


def test_the_breakdown_shows_how_each_score_is_made(qtbot, page: ReviewsPage, workbook: Workbook) -> None:
    tab = show_quarter(page)
    tab.units_view.selectRow(0)
    assert tab.unit_label.text().startswith("<b>下野窝村</b>　第1名，加权得分 <b>58.33</b>分")
    assert table(tab, "indicators") == [
        ["脱贫户数", "10户", "5*", "50.0%", "60", "25.00", "正常"],
        ["贫困发生率", "2%", "6*", "50.0%", "40", "16.67", "正常"],
        ["集体经济达标村", "1个", "1", "100.0%", "20", "16.67", "正常"],
    ]
    model = tab.indicators_model
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == "本期未填报，沿用4月的数值（标*）"
    assert model.data(model.index(0, 5), Qt.ItemDataRole.ToolTipRole) == \
        "权重 60 × 完成率 50.0% ÷ 权重合计 × 100 = 25.00分"
    assert "各项得分合计 58.33 分" in tab.formula_label.text()
    chart = tab.charts.indicators.chart()
    normal, lagging = chart.series()[0].barSets()
    assert bars(normal) == [100.0, 50.0, 50.0] and bars(lagging) == [0.0, 0.0, 0.0]


def test_the_monthly_summary_shows_change_and_trend(qtbot, page: ReviewsPage, workbook: Workbook) -> None:
    enter_may_and_june(qtbot, open_page(qtbot, workbook))
    tab = page.tab("month")
    assert page.tabs.currentWidget() is tab and tab.picker.period == "2018-06"
    tab.reload()
    assert [row[:4] for row in table(tab)] == [["1", "上野窝村", "78.00", "+17.00"], ["2", "下野窝村", "58.33", "持平"]]
    tab.units_view.selectRow(0)  # the page kept 下野窝村 selected across the reload
    assert table(tab, "indicators") == [
        ["脱贫户数", "10户", "8", "6", "80.0%", "↑", "正常"],
        ["贫困发生率", "2%", "4", "5", "75.0%", "↑", "正常"],
    ]
    tab.units_view.selectRow(1)
    assert table(tab, "indicators")[0][2:6] == ["5*", "5", "50.0%", "—"]


def test_the_annual_assessment_rates_on_the_configured_scale(qtbot, page: ReviewsPage, workbook: Workbook) -> None:
    enter_may_and_june(qtbot, open_page(qtbot, workbook))
    page.tabs.setCurrentWidget(page.tab("year"))
    tab = page.tab("year")
    # a year is judged at its end: 0.8 × 100 % elapsed, so 75 % lags
    assert table(tab) == [["1", "上野窝村", "78.00", "合格", "1项"], ["2", "下野窝村", "58.33", "不合格", "2项"]]
    workbook.settings.set("review.ratings", [["好", 70], ["差", 0]])
    tab.reload()
    assert [row[3] for row in table(tab)] == ["好", "差"]
    assert "评定为<b>好</b>" in tab.unit_label.text()


def test_the_trend_chart_draws_the_selected_villages(qtbot, page: ReviewsPage, workbook: Workbook) -> None:
    enter_may_and_june(qtbot, open_page(qtbot, workbook))
    tab = show_quarter(page)
    tab.units_view.selectAll()
    lines = tab.charts.trend.chart().series()
    # 上野窝村 has nothing before April; 下野窝村's counted income scores 16.67 from January
    assert [(s.name(), [(p.x(), round(p.y(), 2)) for p in s.points()]) for s in lines] == [
        ("上野窝村", [(4.0, 22.0), (5.0, 61.0), (6.0, 78.0)]),
        ("下野窝村", [(1.0, 16.67), (2.0, 16.67), (3.0, 16.67), (4.0, 58.33), (5.0, 58.33), (6.0, 58.33)]),
    ]


def test_the_county_ranks_its_townships(qtbot, county: Workbook) -> None:
    county.settings.set("app.reference_date", "2018-06-30")
    for code, value in (("140224101", 3), ("140224102", 7)):
        letter = county.letters.add({"kind": "军令状", "year": 2018, "level": "县对乡", "receiver_code": code,
                                     "drafted_on": "2018-02-01", "deadline": "2018-12-31"}, [HOUSEHOLDS, INCIDENCE])
        first = county.letters.indicators(letter["id"])[0]
        county.progress.set_value(first["id"], "2018-06", value)
    page = ReviewsPage(county)
    qtbot.addWidget(page)
    page.show()
    assert page.scope.level == "县对乡" and not page.scope.township_combo.isVisible()
    # 60 × 0.7 = 42 and 60 × 0.3 = 18 (贫困发生率 not reported: 0)
    assert [row[:3] for row in table(page.tab("month"))] == [["1", "上寨镇", "42.00"], ["2", "东河南镇", "18.00"]]
    page.scope.level_combo.setCurrentIndex(page.scope.level_combo.findData("乡对村"))
    assert page.scope.township_combo.isVisible() and page.scope.township_combo.currentText() == "全县各村"
    assert table(page.tab("month")) == [] and "还没有乡对村责任书" in page.tab("month").summary_label.text()


def test_a_village_letter_added_later_joins_the_ranking(qtbot, page: ReviewsPage, workbook: Workbook,
                                                        data: dict[str, Any]) -> None:
    """A third village with a tie: both 22.00 share rank 2 ("1224" ranking)."""
    from tests.helpers import add_village

    c = add_village(workbook, "203", "中野窝村")
    letter = add_letter(workbook, c, [HOUSEHOLDS, INCIDENCE])
    for indicator, value in zip(workbook.letters.indicators(letter["id"]), (2, 8), strict=True):
        workbook.progress.set_value(indicator["id"], "2018-04", value)
    tab = show_quarter(page, "2018Q1")
    tab.picker.step(1)
    assert [row[:3] for row in table(tab)] == [["1", "下野窝村", "58.33"], ["2", "上野窝村", "22.00"],
                                               ["2", "中野窝村", "22.00"]]
