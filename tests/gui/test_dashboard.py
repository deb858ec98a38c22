"""The dashboard: each card counts what it says, as of the working date, and opens its list."""

from PySide6.QtCore import Qt

from tests.helpers import add_household, add_village

from lingqiu_desktop.gui.pages.dashboard import DashboardPage


def _seed(wb) -> None:
    """Two visits this week (one with an overdue follow-up from last week), a team member with 12 days in the
    village last month, and a training next week. Working date: Friday 2018-06-15."""
    wb.settings.set("app.reference_date", "2018-06-15")
    village = add_village(wb)
    household = add_household(wb, village["id"], "张先云")
    base = {"township_code": wb.office_code, "village_id": village["id"], "household_id": household["id"],
            "kind": "入户走访"}
    wb.store.insert("visit", {**base, "visit_date": "2018-06-11"})
    wb.store.insert("visit", {**base, "visit_date": "2018-06-15"})
    wb.store.insert("visit", {**base, "visit_date": "2018-06-01", "follow_up_due": "2018-06-08",
                              "promise": "两周内修好水管"})
    wb.store.insert("visit", {**base, "visit_date": "2018-06-02", "follow_up_due": "2018-06-08",
                              "follow_up_done_at": "2018-06-07"})
    person = wb.store.insert("person", {"name": "李明", "kind": "工作队员"})
    team = wb.store.insert("work_team", {"township_code": wb.office_code, "village_id": village["id"],
                                         "name": "下野窝村工作队", "start_date": "2018-01-01"})
    wb.store.insert("team_membership", {"team_id": team["id"], "person_id": person["id"], "start_date": "2018-01-01"})
    for day in range(1, 13):
        wb.store.insert("attendance", {"team_id": team["id"], "person_id": person["id"],
                                       "day": f"2018-05-{day:02d}", "status": "在村"})
    wb.store.insert("training", {"title": "第一书记培训班", "start_date": "2018-06-20", "end_date": "2018-06-21",
                                 "audience": "第一书记", "township_code": wb.office_code})


def test_cards_count_as_of_the_working_date(qtbot, workbook) -> None:
    _seed(workbook)
    page = DashboardPage(workbook)
    qtbot.addWidget(page)
    assert "2018年6月15日" in page.heading.text()
    numbers = {key: card.number.text() for key, card in page.cards.items()}
    assert numbers == {"visits": "2", "overdue": "1", "attendance": "1", "trainings": "1"}
    assert page.cards["attendance"].table.item(0, 3).text() == "12 / 20"
    assert page.cards["overdue"].table.item(0, 3).text() == "两周内修好水管"


def test_card_asks_to_open_its_list(qtbot, workbook) -> None:
    page = DashboardPage(workbook)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.navigate) as blocker:
        qtbot.mouseClick(page.cards["overdue"].button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["走访记录", {"follow_up": "overdue"}]


def test_cards_open_their_lists_with_the_filter(qtbot, workbook) -> None:
    from lingqiu_desktop.gui.main_window import MainWindow

    _seed(workbook)
    window = MainWindow(workbook)
    qtbot.addWidget(window)
    dashboard = window.page("工作台")
    qtbot.mouseClick(dashboard.cards["overdue"].button, Qt.MouseButton.LeftButton)
    visits = window.stack.currentWidget()
    assert type(visits).__name__ == "VisitsPage" and visits.model.rowCount() == 1
    window.page("工作台")
    qtbot.mouseClick(dashboard.cards["visits"].button, Qt.MouseButton.LeftButton)
    assert visits.model.rowCount() == 2
    window.page("工作台")
    qtbot.mouseClick(dashboard.cards["trainings"].button, Qt.MouseButton.LeftButton)
    assert type(window.stack.currentWidget()).__name__ == "TrainingsPage"
    window.page("工作台")
    qtbot.mouseClick(dashboard.cards["attendance"].button, Qt.MouseButton.LeftButton)
    assert type(window.stack.currentWidget()).__name__ == "AttendancePage"
