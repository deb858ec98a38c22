"""The lazy table model: pytest-qt's model tester, batches by key, sort requests."""

from PySide6.QtCore import Qt

from tests.helpers import add_household, add_village

from lingqiu_desktop.data.households import HouseholdFilter
from lingqiu_desktop.data.villages import VillageFilter

from lingqiu_desktop.gui.models.lazy_table import LazyTableModel
from lingqiu_desktop.gui.pages import households, villages


def _model(workbook, kind, columns, flt, batch=5):
    return LazyTableModel(columns, lambda after, limit: workbook.list_page(kind, flt, after, limit), batch=batch)


def test_household_model_passes_qtmodeltester(qtmodeltester, workbook) -> None:
    village = add_village(workbook)
    for i in range(12):
        add_household(workbook, village["id"], f"户主{i:02d}")
    model = _model(workbook, "household", households.COLUMNS, HouseholdFilter())
    model.reload()
    assert model.rowCount() == 5 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 12 and not model.canFetchMore()
    assert len({model.row(i)["id"] for i in range(12)}) == 12, "no row twice across batches"
    qtmodeltester.check(model)


def test_village_model_passes_qtmodeltester(qtmodeltester, workbook) -> None:
    add_village(workbook, "201", "甲村")
    add_village(workbook, "202", "乙村")
    model = _model(workbook, "village", villages.COLUMNS, VillageFilter())
    model.reload()
    qtmodeltester.check(model)
    assert model.data(model.index(0, 3)) == "是"  # is_poor shown as 是/否


def test_empty_model_is_valid(qtmodeltester, workbook) -> None:
    model = _model(workbook, "household", households.COLUMNS, HouseholdFilter())
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_sort_on_a_sortable_column_is_requested(qtbot, workbook) -> None:
    model = _model(workbook, "household", households.COLUMNS, HouseholdFilter())
    with qtbot.waitSignal(model.sortRequested) as blocker:
        model.sort(0, Qt.SortOrder.DescendingOrder)
    assert blocker.args == ["head_name", True]
    with qtbot.assertNotEmitted(model.sortRequested):
        model.sort(4)  # 组 is not sortable
