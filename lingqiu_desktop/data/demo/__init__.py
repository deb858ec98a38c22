"""Demo data at the scale of DESIGN.md ("Scale it must hold"): the whole county, or one township's share.

`generate(db, office_code, size)` fills an already-migrated database in one transaction: villages, work teams with
their members and history (team_event), poor households with members, incomes and helpers, the members' sign-in book
for 2017-01-01..2018-11-30 with leave requests, spot checks, 2017 assessments, visits with their visitors and
follow-ups, trainings with attendees (held ones, and a few planned for 2018-12-01..12-20), responsibility letters
with indicators and monthly progress, work groups with board items, and meetings with decisions. Content is Chinese
and plausible (DOMAIN.md §1-§5): ID numbers carry a valid check digit, ages fit relations; nothing that happened
(visit, attendance, follow-up, training attendance) is dated after 2018-11-30, the demo's working date. The daily
records agree with each other: 请假 days point to the leave request covering them, a spot check that found a member
absent has that day 缺勤 (or 请假 when excused), the 2017 ratings obey the spot-check cap rule, and follow-ups are
done for nearly all but the last weeks' visits (a few hundred overdue in the county).

Speed (county: 3.7 million rows in about 70 s on two cores, under 0.5 GB of memory): rows go in through
executemany in batches; ids are made in bulk (UUIDv7 from a base time plus a counter); the visit, visit_visitor and
attendance indexes are dropped for the load and rebuilt from their own CREATE INDEX text inside the same
transaction, so the schema stays identical; for the load only, a WAL database is switched to a rollback journal
(each page is written once instead of twice) and foreign keys are not checked row by row, both restored afterwards.
Cancelling (progress returns False) rolls everything back and raises DemoCancelled. No Qt here.

Modules: sizes (the presets and the county's share-out), writer (the bulk load), common (calendar and helpers),
names and words (names, ID numbers, word lists), town (one township's state and records), then one module per record
family: places, households, people_teams (teams, memberships, team history), attendance (sign-in book, leave, spot
checks, assessments), visits, trainings, letters.
"""

from __future__ import annotations

import json
import random
import sqlite3

import sqlite_utils

from lingqiu_desktop.core.offices import COUNTY_CODE, COUNTY_NAME, TOWNSHIPS

from lingqiu_desktop.data.demo import words as W
from lingqiu_desktop.data.demo.attendance import plan_attendance, write_assessments, write_attendance, write_spot_checks
from lingqiu_desktop.data.demo.common import DEMO_USER, YEARS
from lingqiu_desktop.data.demo.households import write_households
from lingqiu_desktop.data.demo.letters import write_board, write_county_letters, write_meetings, write_township_letters
from lingqiu_desktop.data.demo.names import IdNumbers
from lingqiu_desktop.data.demo.people_teams import write_teams
from lingqiu_desktop.data.demo.places import write_villages
from lingqiu_desktop.data.demo.sizes import COUNTY, TOWNSHIP, DemoSize, estimate_rows, township_shares
from lingqiu_desktop.data.demo.town import Town, write_cadres
from lingqiu_desktop.data.demo.trainings import write_trainings
from lingqiu_desktop.data.demo.visits import write_visits
from lingqiu_desktop.data.demo.writer import (
    DemoCancelled,
    Progress,
    Writer,
    analyze,
    bulk_indexes,
    bulk_mode,
    rebuild_indexes,
)

__all__ = ["COUNTY", "TOWNSHIP", "DemoCancelled", "DemoSize", "Progress", "generate"]

_AUDIT = "id owner at user_name action table_name row_id before_json after_json"


def generate(db: sqlite_utils.Database, office_code: str, size: DemoSize, seed: int = 1,
             progress: Progress | None = None) -> dict[str, int]:
    """Fill a migrated database with demo rows for the county (all 12 townships) or one township.

    Everything happens in one transaction. progress(done, total, label) is called every batch; returning False
    rolls the transaction back and raises DemoCancelled. Returns the number of rows written per table.
    """
    conn = db.conn
    _check_empty(conn, _office_codes(office_code))
    w = Writer(conn, progress, estimate_rows(size, office_code == COUNTY_CODE))
    with bulk_mode(conn):
        _transaction(w, office_code, size, seed)
    if progress is not None:
        progress(w.total, w.total, "完成")
    return dict(w.counts)


def _check_empty(conn: sqlite3.Connection, codes: list[str]) -> None:
    marks = ",".join("?" * len(codes))
    found = conn.execute(f"SELECT COUNT(*) FROM village WHERE township_code IN ({marks})", codes).fetchone()[0]
    if found:
        raise ValueError("数据库中已有这些乡镇的行政村，不能再生成演示数据。")


def _office_codes(office_code: str) -> list[str]:
    if office_code == COUNTY_CODE:
        return list(TOWNSHIPS)
    if office_code in TOWNSHIPS:
        return [office_code]
    raise ValueError(f"未知的单位代码：{office_code}")


def _transaction(w: Writer, office_code: str, size: DemoSize, seed: int) -> None:
    """All of the load in one transaction: bulk indexes dropped, rows written, indexes rebuilt, ANALYZE."""
    conn = w.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        indexes = bulk_indexes(conn)
        for name, _table, _sql in indexes:
            conn.execute(f"DROP INDEX {name}")
        _fill(w, office_code, size, seed)
        rebuild_indexes(w, indexes)
        _audit(w, office_code)
        w.tick(0, "统计分析")
        analyze(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _fill(w: Writer, office_code: str, size: DemoSize, seed: int) -> None:
    codes = _office_codes(office_code)
    county = office_code == COUNTY_CODE
    rng = random.Random(f"{seed}/county")
    county_letters = min(size.letters, len(codes) * len(YEARS) * 2) if county else 0
    id_numbers = IdNumbers()
    towns = []
    for code, share in zip(codes, township_shares(size, codes, rng, county_letters), strict=True):
        town = Town(w, code, share, seed, id_numbers)
        _town(town)
        towns.append(town)
    if county:
        indicators = size.indicators * county_letters // max(1, size.letters)
        write_county_letters(w, rng, towns, county_letters, indicators)
        write_board(w, rng, COUNTY_CODE, W.COUNTY_WORK_GROUPS, [], size)
        write_meetings(w, rng, COUNTY_CODE, COUNTY_NAME, size.meetings, W.COUNTY_WORK_GROUPS)


def _town(town: Town) -> None:
    """One township's rows. The steps share town.rng, so their order is part of what a seed produces: keep it."""
    write_cadres(town)
    village_sizes = write_villages(town)
    write_teams(town)
    write_households(town, village_sizes)
    plan_attendance(town)
    write_spot_checks(town)     # marks the days it finds absent in the planned sign-in book
    write_attendance(town)
    write_assessments(town)
    write_visits(town)
    write_trainings(town)
    write_township_letters(town)
    write_board(town.w, town.rng, town.code, W.TOWNSHIP_WORK_GROUPS, [c.name for c in town.cadres], town.size)
    write_meetings(town.w, town.rng, town.code, town.name, town.size.meetings, W.TOWNSHIP_WORK_GROUPS)


def _audit(w: Writer, office_code: str) -> None:
    rows = [(w.new_id(), office_code, w.now, DEMO_USER, "system", table, "*", None,
             json.dumps({"demo": True, "rows": n})) for table, n in sorted(w.counts.items())]
    w.insert("audit_log", _AUDIT, rows, "写入日志")
