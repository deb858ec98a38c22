"""The main window as a clerk uses it: sections, the household page's filters and search, the village page."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.helpers import add_household, add_village

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.main_window import SECTIONS, MainWindow
from lingqiu_desktop.gui.pages.households import HouseholdsPage
from lingqiu_desktop.gui.pages.villages import VillagesPage


def _window(qtbot, workbook) -> MainWindow:
    window = MainWindow(workbook)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _visible_names(page: HouseholdsPage) -> list[str]:
    return [page.model.row(i)["head_name"] for i in range(page.model.rowCount())]


def test_only_built_sections_appear(qtbot, workbook) -> None:
    window = _window(qtbot, workbook)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [t for t, _f in SECTIONS]
    assert titles[:4] == ["工作台", "走访记录", "贫困户", "村庄"]
    assert "东河南镇" in window.windowTitle()
    for title in titles:  # every listed section opens a real page, none is a placeholder
        page = window.page(title)
        assert type(page).__name__.endswith("Page") and window.stack.currentWidget() is page


def test_search_by_pinyin_initials_and_filters(qtbot, workbook) -> None:
    v1 = add_village(workbook, "201", "下野窝村")
    v2 = add_village(workbook, "202", "曲回寺村")
    add_household(workbook, v1["id"], "张先云")
    add_household(workbook, v1["id"], "李明")
    add_household(workbook, v2["id"], "赵小平", status="已脱贫", exit_year="2017")
    window = _window(qtbot, workbook)
    page = window.page("贫困户")
    assert isinstance(page, HouseholdsPage)
    assert sorted(_visible_names(page)) == ["张先云", "李明", "赵小平"]
    assert page.count_label.text() == "共 3 户"
    qtbot.keyClicks(page.search_box, "zxy")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert _visible_names(page) == ["张先云"]
    page.search_box.clear()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    page.status_combo.setCurrentIndex(page.status_combo.findData("已脱贫"))
    assert _visible_names(page) == ["赵小平"]
    page.status_combo.setCurrentIndex(0)
    page.village_combo.setCurrentIndex(page.village_combo.findData(v1["id"]))
    assert sorted(_visible_names(page)) == ["张先云", "李明"]


def test_members_panel_follows_the_selection(qtbot, workbook) -> None:
    village = add_village(workbook)
    add_household(workbook, village["id"], "张先云")
    window = _window(qtbot, workbook)
    page = window.page("贫困户")
    page.table.selectRow(0)
    assert page.member_model.rowCount() == 1
    assert page.member_model.row(0)["relation"] == "户主"
    assert "张先云户" in page.member_caption.text()


def test_header_click_sorts_in_sql(qtbot, workbook) -> None:
    village = add_village(workbook)
    for name in ("阿大", "王二", "张三"):
        add_household(workbook, village["id"], name)
    window = _window(qtbot, workbook)
    page = window.page("贫困户")
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _visible_names(page) == sorted(["阿大", "王二", "张三"], reverse=True)


def test_village_page_lists_and_counts(qtbot, workbook) -> None:
    add_village(workbook, "201", "下野窝村")
    window = _window(qtbot, workbook)
    index = [t for t, _s in SECTIONS].index("村庄")
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1.value + index), Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, VillagesPage)
    assert page.count_label.text() == "共 1 个村"
    assert page.model.row(0)["name"] == "下野窝村"


def test_county_sees_township_filter(qtbot, tmp_path) -> None:
    wb = Workbook.create(tmp_path / "county.sqlite3", "140224")
    try:
        window = _window(qtbot, wb)
        page = window.page("贫困户")
        assert page.township_combo.count() == 13  # 全部乡镇 + 12
        assert not page.township_combo.isHidden()
    finally:
        window.close()
        wb.close()


def test_county_registers_are_read_only(qtbot, tmp_path) -> None:
    wb = Workbook.create(tmp_path / "county.sqlite3", "140224")
    try:
        window = _window(qtbot, wb)
        for title in ("贫困户", "村庄"):
            page = window.page(title)
            names = {b.objectName(): b.text() for b in page.findChildren(QPushButton) if b.objectName()}
            assert "addButton" not in names and "deleteButton" not in names
            assert names["editButton"] == "查看"
    finally:
        window.close()
        wb.close()


def test_matched_member_column_shows_only_while_searching(qtbot, workbook) -> None:
    village = add_village(workbook)
    add_household(workbook, village["id"], "张先云")
    page = _window(qtbot, workbook).page("贫困户")
    column = len(page.model.columns) - 1
    assert page.table.isColumnHidden(column)
    qtbot.keyClicks(page.search_box, "zxy")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert not page.table.isColumnHidden(column)
