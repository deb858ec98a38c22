"""The attendance grid at county scale (182 teams, a year of daily attendance): the page opening a 5-member team's
month (from set_team / set_month to the grid model filled), the month query alone, the dashboard's list of members
under the requirement, and a key press's write (on a copy in /tmp: the county demo database is never written).

Usage: python bench/bench_attendance.py [RUNS]
"""

from __future__ import annotations

import os
import shutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import BENCH_DIR, county_db, report, timed  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from lingqiu_desktop.workbook import Workbook  # noqa: E402

from lingqiu_desktop.gui.pages.attendance import AttendancePage  # noqa: E402

MONTHS = ("2018-10", "2018-11")
FIVE_MEMBERS = ("SELECT team_id FROM team_membership WHERE start_date <= '2018-11-30' AND "
                "(end_date IS NULL OR end_date >= '2018-10-01') GROUP BY team_id HAVING COUNT(*) = 5 LIMIT 2")


def alternate(values: tuple[str, ...]):  # noqa: ANN201 - a tiny generator of the next value
    state = {"i": 0}

    def step() -> str:
        state["i"] += 1
        return values[state["i"] % len(values)]
    return step


def bench_page(wb: Workbook, teams: tuple[str, ...], runs: int) -> None:
    page = AttendancePage(wb)
    page.resize(1100, 640)
    page.show()
    page.set_month(MONTHS[0])
    next_team, next_month = alternate(teams), alternate(MONTHS)

    def open_team() -> None:
        page.set_team(next_team())
        assert page.model.rowCount() == 5

    def open_month() -> None:
        page.set_month(next_month())
        assert page.model.columnCount() > 30

    report("考勤表 打开工作队（5人，一个月）", *timed(open_team, runs), target_ms=100)
    report("考勤表 切换月份（5人）", *timed(open_month, runs), target_ms=100)
    report("考勤 月度查询 month_grid（5人）", *timed(lambda: wb.attendance.month_grid(teams[0], "2018-11"), runs))
    report("全县 未达到在村天数要求的队员", *timed(
        lambda: wb.attendance.members_below_requirement(month="2018-10"), runs))
    page.deleteLater()


def bench_writes(team: str, runs: int) -> None:
    """A key press on a whole month row (30 cells) and on one cell, as the team's township."""
    copy = BENCH_DIR / "attendance-write.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        (BENCH_DIR / f"attendance-write.sqlite3{suffix}").unlink(missing_ok=True)
    shutil.copyfile(county_db(), copy)
    with Workbook.open(copy) as wb:
        township = wb.db.execute("SELECT owner FROM work_team WHERE id = ?", [team]).fetchone()[0]
        wb.settings.set("office.code", township)
    with Workbook.open(copy) as wb:
        wb.settings.set("app.reference_date", "2018-11-30")
        person = wb.attendance.month_grid(team, "2018-11").members[0].person_id
        days = [f"2018-11-{d:02d}" for d in range(1, 31)]
        status = alternate(("在村", "出差"))
        report("按一次键 整行30格（一个事务）", *timed(
            lambda: wb.attendance.set_days(team, [(person, d, s) for s in [status()] for d in days]), runs))
        report("按一次键 单格", *timed(lambda: wb.attendance.set_day(team, person, "2018-11-05", status()), runs))
    copy.unlink()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    app = QApplication.instance() or QApplication([])
    from lingqiu_desktop.gui.app import setup_application

    setup_application(app)  # type: ignore[arg-type]
    with Workbook.open(county_db()) as wb:
        rows = wb.db.execute("SELECT COUNT(*) FROM attendance").fetchone()[0]
        print(f"数据规模：考勤 {rows:,} 条，工作队 {wb.db.execute('SELECT COUNT(*) FROM work_team').fetchone()[0]} 支")
        teams = tuple(r[0] for r in wb.db.execute(FIVE_MEMBERS).fetchall())
        bench_page(wb, teams, runs)
    bench_writes(teams[0], runs)


if __name__ == "__main__":
    main()
