"""Lists at county scale (1,000,000 visits, 16,000 households): the first page, a filter and a sort, through the
real table model and view (offscreen), as the pages do it.

Usage: python bench/bench_lists.py [RUNS]
"""

from __future__ import annotations

import os
import resource
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import county_db, report, timed  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from lingqiu_desktop.data.households import HouseholdFilter  # noqa: E402
from lingqiu_desktop.data.visits import VisitFilter  # noqa: E402

from lingqiu_desktop.workbook import Workbook  # noqa: E402

from lingqiu_desktop.gui.models.lazy_table import Column, LazyTableModel  # noqa: E402
from lingqiu_desktop.gui.pages import households as household_page  # noqa: E402
from lingqiu_desktop.gui.widgets import RecordTable  # noqa: E402

VISIT_COLUMNS = [Column(k, k, 100) for k in ("visit_date", "township", "village", "household", "kind", "visitors")]


def first_page(wb: Workbook, kind: str, columns: list[Column], flt: object) -> None:
    """What a page does when it opens or its filter changes: a model, the first page in a view, the count."""
    model = LazyTableModel(columns, lambda after, limit: wb.list_page(kind, flt, after, limit))  # type: ignore[arg-type]
    view = RecordTable(model)
    model.reload()
    wb.list_count(kind, flt)  # type: ignore[arg-type]
    assert model.rowCount() > 0
    view.deleteLater()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    app = QApplication.instance() or QApplication([])
    wb = Workbook.open(county_db())
    n_visits = wb.db.execute("SELECT COUNT(*) FROM visit").fetchone()[0]
    n_households = wb.db.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    print(f"数据规模：走访 {n_visits:,} 条，贫困户 {n_households:,} 户")
    team, township = wb.db.execute("SELECT team_id, township_code FROM visit WHERE team_id IS NOT NULL "
                                   "LIMIT 1 OFFSET 500000").fetchone()
    cases = [
        ("走访列表 首页（按日期倒序）", "visit", VISIT_COLUMNS, VisitFilter()),
        ("走访列表 筛选 工作队+日期范围", "visit", VISIT_COLUMNS,
         VisitFilter(team_id=team, date_from="2018-03-01", date_to="2018-08-31")),
        ("走访列表 筛选 乡镇", "visit", VISIT_COLUMNS, VisitFilter(township_code=township)),
        ("走访列表 排序 走访类型", "visit", VISIT_COLUMNS, VisitFilter(sort="kind", descending=False)),
        ("贫困户列表 首页", "household", household_page.COLUMNS, HouseholdFilter()),
        ("贫困户列表 筛选 乡镇+未脱贫", "household", household_page.COLUMNS,
         HouseholdFilter(township_code=township, status="未脱贫")),
        ("贫困户列表 拼音首字母搜索 wjh", "household", household_page.COLUMNS, HouseholdFilter(text="wjh")),
        ("贫困户列表 排序 户主姓名", "household", household_page.COLUMNS, HouseholdFilter(sort="head_name")),
    ]
    for name, kind, columns, flt in cases:
        median, samples = timed(lambda k=kind, c=columns, f=flt: first_page(wb, k, c, f), runs)
        report(name, median, samples, 200)
    print(f"峰值内存 {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    wb.close()
    del app


if __name__ == "__main__":
    main()
