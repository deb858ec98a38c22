"""Visits at county scale (1,000,000 visits): saving one with two visitors, and the visit list filtered the way the
page filters it, through the real page and table model (offscreen).

Runs on a COPY of the county demo database (saving writes); the copy is made fresh each run in the bench folder.
Usage: python bench/bench_visits.py [RUNS]
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import BENCH_DIR, county_db, report, timed  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from lingqiu_desktop.core.visits import clean_visit  # noqa: E402

from lingqiu_desktop.workbook import Workbook  # noqa: E402

from lingqiu_desktop.gui.pages.visits import VisitsPage  # noqa: E402

WORKING_DATE = "2018-11-30"


def fresh_copy() -> Path:
    """The county demo database copied beside it, so the benchmark may write."""
    source = county_db()
    target = BENCH_DIR / "visits-bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    print(f"复制演示数据库到 {target} ……", flush=True)
    shutil.copyfile(source, target)
    return target


def bench_save(wb: Workbook, runs: int) -> None:
    """A visit as the dialog saves it: clean the form, then VisitRepository.add with two visitors."""
    household, village = wb.db.execute(
        "SELECT h.id, h.village_id FROM household h JOIN work_team t ON t.village_id = h.village_id "
        "LIMIT 1 OFFSET 5000").fetchone()
    visitors = [r[0] for r in wb.db.execute(
        "SELECT m.person_id FROM team_membership m JOIN work_team t ON t.id = m.team_id "
        "WHERE t.village_id = ? LIMIT 2", [village]).fetchall()]
    assert len(visitors) == 2, "the demo team of the village has members"
    kinds = wb.settings.get("visit.kinds")
    raw = {"visit_date": "2018-11-29", "household_id": household, "kind": "入户走访", "visitor_ids": visitors,
           "weather": "晴", "situation": "全家4口人，户主务农", "problems": "土豆滞销", "actions": "联系超市代销",
           "promise": "两周内回访", "follow_up_due": "2018-12-13", "signed": "签字", "photo_ref": "IMG_0001"}

    def save() -> None:
        values = clean_visit(raw, wb.today(), kinds)
        wb.visits.add(values, values.pop("visitor_ids"))

    median, samples = timed(save, runs=runs, warmup=2)
    report("保存一条走访（2名走访人）", median, samples, 50)


def busiest(wb: Workbook) -> tuple[str, str, str]:
    """The team with most visits, its township, and the person with most visits: the slowest cases."""
    team_id, township = wb.db.execute("SELECT team_id, township_code FROM visit WHERE team_id IS NOT NULL "
                                      "GROUP BY team_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    person = wb.db.execute("SELECT person_id FROM visit_visitor GROUP BY person_id ORDER BY COUNT(*) DESC "
                           "LIMIT 1").fetchone()[0]
    return team_id, township, person


def bench_list(wb: Workbook, runs: int, team_id: str, township: str, person: str) -> None:
    page = VisitsPage(wb)
    page.resize(1280, 720)
    page.show()
    cases = [
        ("走访列表 首页（全部，按日期倒序）", {}),
        ("走访列表 工作队+日期范围", {"team": team_id, "dates": ("2018-03-01", "2018-08-31")}),
        ("走访列表 乡镇+日期范围", {"township": township, "dates": ("2018-03-01", "2018-08-31")}),
        ("走访列表 走访人", {"person": person}),
        ("走访列表 已逾期（全县）", {"follow_up": "overdue"}),
        ("走访列表 乡镇+类型+待回访", {"township": township, "kind": "入户走访", "follow_up": "open"}),
    ]
    for name, case in cases:
        set_filters(page, case)
        median, samples = timed(page.refresh, runs=runs)
        report(f"{name}（{page.count_label.text()}）", median, samples, 200)
    household = wb.db.execute("SELECT household_id FROM visit WHERE household_id IS NOT NULL "
                              "LIMIT 1 OFFSET 300000").fetchone()[0]
    median, samples = timed(lambda: wb.visits.timeline(household, WORKING_DATE), runs=runs)
    report("一户的走访时间线", median, samples, 100)
    median, samples = timed(lambda: wb.visits.overdue_count(WORKING_DATE), runs=runs)
    report("工作台 已逾期回访数（全县）", median, samples, 100)
    median, samples = timed(lambda: wb.visits.this_week(WORKING_DATE), runs=runs)
    report("工作台 本周走访（全县）", median, samples, 100)
    page.close()
    page.deleteLater()


def set_filters(page: VisitsPage, case: dict) -> None:
    """Set the page's filter widgets as a clerk would leave them, without a refresh per widget."""
    page.clear_filters(refresh=False)
    for combo, key in ((page.township_combo, "township"), (page.kind_combo, "kind"),
                       (page.follow_up_combo, "follow_up")):
        combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(case.get(key, "")), 0))
        combo.blockSignals(False)
    page._fill_places()
    page.team_combo.setCurrentIndex(max(page.team_combo.findData(case.get("team", "")), 0))
    if case.get("person"):
        page.person_picker.set_person(case["person"])
    first, last = case.get("dates", ("", ""))
    for box, value in ((page.date_from, first), (page.date_to, last)):
        box.setText(value)
        box.setProperty("applied", value)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    app = QApplication.instance() or QApplication([])
    wb = Workbook.open(fresh_copy())
    wb.settings.set("app.reference_date", WORKING_DATE)
    print(f"数据规模：走访 {wb.db.execute('SELECT COUNT(*) FROM visit').fetchone()[0]:,} 条；工作日期 {wb.today()}")
    team_id, township, person = busiest(wb)
    bench_save(wb, runs)
    bench_list(wb, runs, team_id, township, person)
    app.processEvents()
    wb.close()
    # PySide6 can crash while the interpreter tears down its widgets; the figures are printed, so leave at once
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
