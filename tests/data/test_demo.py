"""Tests for lingqiu_desktop.data.demo at a tiny size: constraints, keys, ID numbers, families, owners, cancel, and
the realism rules of the daily records (sign-in book and leave, spot checks, assessment caps, team history,
follow-ups, planned trainings)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
import sqlite_utils

from lingqiu_desktop.core.attendance import cap_for
from lingqiu_desktop.core.offices import COUNTY_CODE, TOWNSHIPS
from lingqiu_desktop.core.people import EVENT_KINDS
from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.validation import id_check_char

from lingqiu_desktop.data.database import migrate, open_database, schema_sql
from lingqiu_desktop.data.demo import COUNTY, TOWNSHIP, DemoCancelled, DemoSize, generate

TINY = DemoSize(villages=24, poor_villages=13, exited_villages=8, households=48, members=120, first_secretaries=10,
                team_members=30, households_per_helper=5, visits=600, trainings=24, attendees_per_training=6,
                letters=100, indicators=400, spot_checks=240, meetings=3, board_weeks=2)
SMALL = DemoSize(villages=4, poor_villages=2, exited_villages=1, households=12, members=30, first_secretaries=1,
                 team_members=7, households_per_helper=5, visits=150, trainings=4, attendees_per_training=5, letters=20,
                 indicators=100, spot_checks=3, meetings=3, board_weeks=2)
TOWNSHIP_CODE = "140224102"
DATA_TABLES = ("village", "person", "household", "household_member", "household_income", "helper_assignment",
               "work_team", "team_membership", "team_event", "leave_request", "attendance", "spot_check", "visit",
               "visit_visitor", "training", "training_attendee", "letter", "indicator", "indicator_progress",
               "assessment", "meeting", "meeting_decision", "work_group", "board_item", "audit_log")
LAST_DAY = "2018-11-30"   # the demo's last day: nothing that happened is dated later


def _new_db(path: Path) -> sqlite_utils.Database:
    db = open_database(path)
    migrate(db, path)
    return db


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> tuple[sqlite_utils.Database, dict[str, int]]:
    db = _new_db(tmp_path_factory.mktemp("county") / "office.sqlite3")
    return db, generate(db, COUNTY_CODE, TINY, seed=7)


@pytest.fixture(scope="module")
def township(tmp_path_factory: pytest.TempPathFactory) -> tuple[sqlite_utils.Database, dict[str, int]]:
    db = _new_db(tmp_path_factory.mktemp("township") / "office.sqlite3")
    return db, generate(db, TOWNSHIP_CODE, SMALL, seed=7)


def _values(db: sqlite_utils.Database, sql: str) -> list:
    return [row[0] for row in db.execute(sql).fetchall()]


@pytest.mark.parametrize("run", ["county", "township"])
def test_keys_constraints_and_counts(run: str, request: pytest.FixtureRequest) -> None:
    db, counts = request.getfixturevalue(run)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _values(db, "PRAGMA integrity_check") == ["ok"]
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for table in DATA_TABLES:
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == counts[table], table
    audited = dict(db.execute("SELECT table_name, after_json FROM audit_log").fetchall())
    assert audited["visit"] == f'{{"demo": true, "rows": {counts["visit"]}}}'
    assert set(_values(db, "SELECT DISTINCT action || row_id || user_name FROM audit_log")) == {"system*演示数据"}


def test_schema_is_unchanged_by_the_index_rebuild(county: tuple, tmp_path: Path) -> None:
    fresh = _new_db(tmp_path / "fresh.sqlite3")
    assert schema_sql(county[0]) == schema_sql(fresh)
    assert county[0].execute("SELECT COUNT(*) FROM sqlite_stat1").fetchone()[0] > 0


def test_id_numbers_are_valid(county: tuple) -> None:
    db = county[0]
    rows = db.execute("SELECT head_id_number, '' FROM household UNION ALL SELECT id_number, sex FROM household_member "
                      "UNION ALL SELECT id_number, sex FROM person").fetchall()
    assert len(rows) > 200
    for number, sex in rows:
        assert re.fullmatch(r"140224(19|20)\d{9}[0-9X]", number), number
        assert id_check_char(number[:17]) == number[17], number
        if sex:
            assert (int(number[16]) % 2 == 1) == (sex == "男"), number
    members = _values(db, "SELECT id_number FROM household_member UNION ALL SELECT id_number FROM person")
    assert len(members) == len(set(members))


def test_families_fit_their_households(county: tuple) -> None:
    db = county[0]
    assert db.execute("SELECT COUNT(*) FROM household h WHERE member_count != "
                      "(SELECT COUNT(*) FROM household_member m WHERE m.household_id = h.id)").fetchone()[0] == 0
    heads = db.execute("SELECT h.head_name, h.head_id_number, m.name, m.id_number FROM household h "
                       "JOIN household_member m ON m.household_id = h.id AND m.relation = '户主'").fetchall()
    assert len(heads) == db.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    assert all(r[0] == r[2] and r[1] == r[3] for r in heads)
    # children are younger than the head, parents older (birth date is digits 7-14 of the ID number)
    ages = db.execute("SELECT m.relation, substr(m.id_number, 7, 8), substr(h.head_id_number, 7, 8) "
                      "FROM household_member m JOIN household h ON h.id = m.household_id").fetchall()
    for relation, born, head_born in ages:
        if relation in ("之子", "之女", "之孙子", "之孙女", "之儿媳"):
            assert born > head_born, (relation, born, head_born)
        if relation in ("之父", "之母"):
            assert born < head_born
    assert set(_values(db, "SELECT COUNT(*) FROM helper_assignment GROUP BY household_id")) == {1}
    assert _values(db, "SELECT DISTINCT kind FROM person p JOIN helper_assignment a ON a.person_id = p.id") == [
        "帮扶责任人"]
    assert db.execute("SELECT COUNT(*) FROM household WHERE head_initials = ''").fetchone()[0] == 0
    assert set(_values(db, "SELECT COUNT(*) FROM household_income GROUP BY household_id")) == {2}


def test_phones_ids_and_names(county: tuple) -> None:
    db = county[0]
    phones = _values(db, "SELECT phone FROM person UNION ALL SELECT phone FROM household WHERE phone != ''")
    assert all(re.fullmatch(r"1[3-9]\d{9}", p) for p in phones)
    ids = _values(db, "SELECT id FROM visit ORDER BY rowid")
    assert ids == sorted(ids)
    assert all(uuid.UUID(i).version == 7 for i in ids[:50])
    for township_code in TOWNSHIPS:
        names = _values(db, f"SELECT name FROM village WHERE township_code = '{township_code}'")
        codes = _values(db, f"SELECT code FROM village WHERE township_code = '{township_code}'")
        assert names and len(names) == len(set(names)) and all(n.endswith("村") for n in names)
        assert all(c.startswith(township_code) and len(c) == 12 for c in codes)


def test_visits(county: tuple) -> None:
    db = county[0]
    first, last = db.execute("SELECT MIN(visit_date), MAX(visit_date) FROM visit").fetchone()
    assert first >= "2017-01-01" and last <= "2018-11-30"
    assert set(_values(db, "SELECT DISTINCT kind FROM visit")) <= set(DEFAULTS["visit.kinds"])
    assert db.execute("SELECT COUNT(*) FROM visit WHERE follow_up_done_at > '2018-11-30'").fetchone()[0] == 0
    mismatched = db.execute(
        "SELECT COUNT(*) FROM visit v WHERE length(v.visitor_names) - length(replace(v.visitor_names, '、', '')) + 1"
        " != (SELECT COUNT(*) FROM visit_visitor x WHERE x.visit_id = v.id)").fetchone()[0]
    assert mismatched == 0
    teamless = db.execute("SELECT COUNT(*) FROM visit v JOIN work_team t ON t.village_id = v.village_id "
                          "WHERE v.team_id IS NULL").fetchone()[0]
    assert teamless == 0
    assert db.execute("SELECT COUNT(*) FROM visit WHERE household_id IS NULL").fetchone()[0] > 0


def test_attendance_is_a_sign_in_book(county: tuple) -> None:
    db = county[0]
    assert db.execute("SELECT MIN(day), MAX(day) FROM attendance").fetchone() == ("2017-01-01", LAST_DAY)
    outside = db.execute("SELECT COUNT(*) FROM attendance a WHERE NOT EXISTS (SELECT 1 FROM team_membership m "
                         "WHERE m.team_id = a.team_id AND m.person_id = a.person_id AND m.start_date <= a.day "
                         "AND (m.end_date IS NULL OR a.day <= m.end_date))").fetchone()[0]
    assert outside == 0
    # every active member has a row on nearly every working day, but not on every weekend day
    weekday = "strftime('%w', day) NOT IN ('0', '6')"
    active = db.execute("SELECT COUNT(*) FROM team_membership WHERE status = '在岗'").fetchone()[0]
    weekdays = db.execute(f"SELECT COUNT(*) FROM attendance WHERE {weekday}").fetchone()[0]
    weekends = db.execute(f"SELECT COUNT(*) FROM attendance WHERE NOT ({weekday})").fetchone()[0]
    assert 0.85 * active * 499 < weekdays <= active * 499 + 2000   # 499 weekdays in 2017-01-01..2018-11-30
    assert 0.1 * active * 200 < weekends < 0.7 * active * 200      # 200 weekend days
    shares = dict(db.execute("SELECT status, COUNT(*) * 1.0 / (SELECT COUNT(*) FROM attendance) FROM attendance "
                             "GROUP BY status").fetchall())
    assert shares["在村"] > 0.85 and 0.01 < shares["出差"] < 0.1 and 0.01 < shares["请假"] < 0.08
    assert shares.get("缺勤", 0) < 0.005
    # some member-months fall short of the 20 days in the village (在村 + 出差), not most
    months = _values(db, "SELECT SUM(a.status IN ('在村', '出差')) FROM attendance a JOIN team_membership m "
                         "ON m.team_id = a.team_id AND m.person_id = a.person_id AND m.status = '在岗' "
                         "GROUP BY a.person_id, substr(a.day, 1, 7)")
    assert 0.01 < sum(1 for n in months if n < 20) / len(months) < 0.15


def test_leave_days_point_to_the_request_that_covers_them(county: tuple) -> None:
    db = county[0]
    assert db.execute("SELECT COUNT(*) FROM leave_request").fetchone()[0] > 20
    assert db.execute("SELECT COUNT(*) FROM attendance WHERE status = '请假' AND leave_id IS NULL").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM attendance WHERE status != '请假' AND leave_id IS NOT NULL"
                      ).fetchone()[0] == 0
    uncovered = db.execute(
        "SELECT COUNT(*) FROM attendance a LEFT JOIN leave_request r ON r.id = a.leave_id WHERE a.leave_id IS NOT NULL "
        "AND (r.id IS NULL OR r.person_id != a.person_id OR r.team_id != a.team_id OR a.day < r.start_date "
        "OR a.day > r.end_date OR a.leave_type != r.leave_type OR a.approver != r.approver)").fetchone()[0]
    assert uncovered == 0
    # every day of a request is marked 请假 with it; requests of a person never overlap
    spans = db.execute("SELECT r.id, julianday(r.end_date) - julianday(r.start_date) + 1, "
                       "(SELECT COUNT(*) FROM attendance a WHERE a.leave_id = r.id) FROM leave_request r").fetchall()
    assert all(days == marked for _id, days, marked in spans)
    assert db.execute("SELECT COUNT(*) FROM leave_request a JOIN leave_request b ON a.person_id = b.person_id "
                      "AND a.id < b.id AND a.start_date <= b.end_date AND b.start_date <= a.end_date"
                      ).fetchone()[0] == 0
    assert set(_values(db, "SELECT DISTINCT leave_type FROM leave_request")) <= set(DEFAULTS["attendance.leave_types"])
    assert db.execute(f"SELECT COUNT(*) FROM leave_request WHERE end_date > '{LAST_DAY}' OR reason = '' "
                      "OR approved_on IS NULL OR approved_on > start_date").fetchone()[0] == 0
    # up to 3 days: the township Party secretary; longer: the county organisation department
    approvers = db.execute(
        "SELECT julianday(r.end_date) - julianday(r.start_date) + 1, r.approver, "
        "(SELECT p.name FROM person p WHERE p.township_code = w.township_code AND p.post = '党委书记') "
        "FROM leave_request r JOIN work_team w ON w.id = r.team_id").fetchall()
    assert all(approver == (secretary if days <= 3 else "县委组织部") for days, approver, secretary in approvers)


def test_spot_checks_agree_with_the_sign_in_book(county: tuple) -> None:
    db = county[0]
    checks = db.execute("SELECT s.check_date, s.present, s.excused, s.checker, a.status FROM spot_check s "
                        "LEFT JOIN attendance a ON a.team_id = s.team_id AND a.person_id = s.person_id "
                        "AND a.day = s.check_date").fetchall()
    assert len(checks) >= 240
    assert {c[0][:4] for c in checks} == {"2017", "2018"} and max(c[0] for c in checks) <= LAST_DAY
    assert all(c[3] for c in checks)
    expected = {(1, 0): "在村", (0, 0): "缺勤", (0, 1): "请假"}
    assert all(expected[present, excused] == status for _d, present, excused, _c, status in checks)
    unexcused = sum(1 for c in checks if (c[1], c[2]) == (0, 0))
    excused = sum(1 for c in checks if (c[1], c[2]) == (0, 1))
    assert 0 < unexcused < 0.12 * len(checks) and 0 < excused < 0.1 * len(checks)


def test_assessments_obey_the_absence_cap(county: tuple) -> None:
    db = county[0]
    scale, caps = DEFAULTS["assessment.ratings"], DEFAULTS["assessment.absence_caps"]
    rows = db.execute(
        "SELECT a.rating, a.capped_by, (SELECT COUNT(*) FROM spot_check s WHERE s.person_id = a.subject_id "
        "AND s.check_date BETWEEN '2017-01-01' AND '2017-12-31' AND s.present = 0 AND s.excused = 0) "
        "FROM assessment a WHERE a.year = 2017 AND a.subject_kind = 'person'").fetchall()
    posted = db.execute("SELECT COUNT(DISTINCT person_id) FROM team_membership WHERE start_date <= '2017-12-31' "
                        "AND (end_date IS NULL OR end_date >= '2017-01-01')").fetchone()[0]
    assert len(rows) == posted
    for rating, capped_by, absences in rows:
        cap = cap_for(absences, caps)
        assert cap is None or scale.index(rating) >= scale.index(cap), (rating, absences)
        if capped_by:
            assert rating == cap and f"无故缺勤{absences}次" in capped_by and f"最高评为{cap}" in capped_by
    ratings = [r[0] for r in rows]
    assert set(ratings) <= set(scale) and 0 < ratings.count("优秀") < len(ratings) / 2   # ~20% at scale


def test_team_events_tell_each_teams_history(county: tuple) -> None:
    db = county[0]
    assert set(_values(db, "SELECT DISTINCT kind FROM team_event")) <= set(EVENT_KINDS)
    founded = db.execute("SELECT COUNT(*) FROM work_team w JOIN team_event e ON e.team_id = w.id AND e.kind = '成立' "
                         "AND e.event_date = w.start_date").fetchone()[0]
    assert founded == db.execute("SELECT COUNT(*) FROM work_team").fetchone()[0]
    joined = db.execute("SELECT COUNT(*) FROM team_membership m JOIN team_event e ON e.team_id = m.team_id "
                        "AND e.person_id = m.person_id AND e.kind = '成员进驻' AND e.event_date = m.start_date"
                        ).fetchone()[0]
    assert joined == db.execute("SELECT COUNT(*) FROM team_membership").fetchone()[0]
    for status in ("召回", "期满"):
        ended = db.execute("SELECT COUNT(*) FROM team_membership m JOIN team_event e ON e.team_id = m.team_id "
                           "AND e.person_id = m.person_id AND e.kind = ? AND e.event_date = m.end_date",
                           [status]).fetchone()[0]
        assert ended == db.execute("SELECT COUNT(*) FROM team_membership WHERE status = ?", [status]).fetchone()[0]
    # a leader change names the team's leader of today
    changes = db.execute("SELECT e.detail, p.name FROM team_event e JOIN work_team w ON w.id = e.team_id "
                         "JOIN person p ON p.id = w.leader_person_id WHERE e.kind = '队长变更'").fetchall()
    assert all(detail.endswith(name) for detail, name in changes)
    named = db.execute("SELECT e.detail, p.name FROM team_event e JOIN person p ON p.id = e.person_id").fetchall()
    assert named and all(name in detail for detail, name in named)


def test_follow_ups_are_mostly_done(county: tuple) -> None:
    db = county[0]
    assert db.execute(f"SELECT COUNT(*) FROM visit WHERE follow_up_done_at < visit_date "
                      f"OR follow_up_done_at > '{LAST_DAY}' OR (follow_up_done_at IS NULL) != (follow_up_done_by = '')"
                      ).fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM visit WHERE follow_up_done_by != '' AND "
                      "instr(visitor_names, follow_up_done_by) = 0").fetchone()[0] == 0
    due = db.execute(f"SELECT COUNT(*) FROM visit WHERE follow_up_due < '{LAST_DAY}'").fetchone()[0]
    overdue = db.execute(f"SELECT COUNT(*) FROM visit WHERE follow_up_due < '{LAST_DAY}' AND follow_up_done_at IS NULL"
                         ).fetchone()[0]
    assert due > 50 and overdue <= 0.05 * due
    # nearly every follow-up due more than two months ago was done, a few days after the visit
    old = db.execute("SELECT COUNT(*), SUM(follow_up_done_at IS NULL), "
                     "MAX(julianday(follow_up_done_at) - julianday(visit_date)) FROM visit "
                     "WHERE follow_up_due < '2018-09-30'").fetchone()
    assert old[1] <= max(1, 0.01 * old[0]) and old[2] <= 62


def test_planned_trainings_are_not_marked_yet(county: tuple) -> None:
    db = county[0]
    planned = db.execute(f"SELECT COUNT(*), MIN(start_date), MAX(start_date) FROM training "
                         f"WHERE start_date > '{LAST_DAY}'").fetchone()
    assert planned[0] >= len(TOWNSHIPS) and planned[1] >= "2018-12-01" and planned[2] <= "2018-12-20"
    attendees = db.execute(f"SELECT COUNT(*), COUNT(a.attended) FROM training_attendee a JOIN training t "
                           f"ON t.id = a.training_id WHERE t.start_date > '{LAST_DAY}'").fetchone()
    assert attendees[0] > 0 and attendees[1] == 0
    held = db.execute(f"SELECT COUNT(*) FROM training_attendee a JOIN training t ON t.id = a.training_id "
                      f"WHERE t.start_date <= '{LAST_DAY}' AND (a.attended IS NULL OR t.end_date > '{LAST_DAY}')"
                      ).fetchone()[0]
    assert held == 0


def test_township_run_owns_only_its_rows(township: tuple) -> None:
    db = township[0]
    for table in DATA_TABLES:
        owners = set(_values(db, f"SELECT DISTINCT owner FROM {table}"))
        assert owners <= {TOWNSHIP_CODE}, table
    assert set(_values(db, "SELECT DISTINCT township_code FROM village")) == {TOWNSHIP_CODE}
    assert set(_values(db, "SELECT DISTINCT level FROM letter")) == {"乡对村"}


def test_county_run_covers_all_townships(county: tuple) -> None:
    db = county[0]
    assert set(_values(db, "SELECT DISTINCT owner FROM household")) == set(TOWNSHIPS)
    assert set(_values(db, "SELECT DISTINCT owner FROM visit")) == set(TOWNSHIPS)
    assert set(_values(db, "SELECT DISTINCT owner FROM letter WHERE level = '县对乡'")) == {COUNTY_CODE}
    assert db.execute("SELECT COUNT(*) FROM work_group WHERE owner = ?", [COUNTY_CODE]).fetchone()[0] == 11
    assert set(_values(db, "SELECT DISTINCT owner FROM audit_log")) == {COUNTY_CODE}


def test_cancel_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    db = _new_db(tmp_path / "office.sqlite3")
    before = schema_sql(db)
    calls: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, label: str) -> bool:
        calls.append((done, total, label))
        return len(calls) < 5

    with pytest.raises(DemoCancelled):
        generate(db, COUNTY_CODE, TINY, progress=progress)
    assert len(calls) == 5
    for table in DATA_TABLES:
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    assert schema_sql(db) == before
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_progress_reaches_the_total(tmp_path: Path) -> None:
    db = _new_db(tmp_path / "office.sqlite3")
    calls: list[tuple[int, int, str]] = []
    generate(db, TOWNSHIP_CODE, SMALL, progress=lambda d, t, label: calls.append((d, t, label)) is None)
    dones = [c[0] for c in calls]
    assert dones == sorted(dones) and calls[-1][0] == calls[-1][1]
    assert all(c[0] <= c[1] for c in calls)


def test_same_seed_same_names(township: tuple, tmp_path: Path) -> None:
    again = _new_db(tmp_path / "again.sqlite3")
    generate(again, TOWNSHIP_CODE, SMALL, seed=7)
    for sql in ("SELECT head_name FROM household ORDER BY id", "SELECT name FROM person ORDER BY id",
                "SELECT name FROM village ORDER BY id", "SELECT visitor_names FROM visit ORDER BY id",
                "SELECT day || status FROM attendance ORDER BY id", "SELECT reason FROM leave_request ORDER BY id",
                "SELECT check_date || checker FROM spot_check ORDER BY id", "SELECT detail FROM team_event ORDER BY id",
                "SELECT follow_up_done_at FROM visit ORDER BY id", "SELECT rating FROM assessment ORDER BY id"):
        assert _values(again, sql) == _values(township[0], sql)
    other = _new_db(tmp_path / "other.sqlite3")
    generate(other, TOWNSHIP_CODE, SMALL, seed=8)
    assert _values(other, "SELECT name FROM person ORDER BY id") != _values(township[0],
                                                                             "SELECT name FROM person ORDER BY id")


def test_refuses_a_database_that_already_has_the_villages(township: tuple) -> None:
    with pytest.raises(ValueError):
        generate(township[0], TOWNSHIP_CODE, SMALL)
    with pytest.raises(ValueError):
        generate(township[0], "999999999", SMALL)


def test_presets() -> None:
    assert (COUNTY.villages, COUNTY.households, COUNTY.members, COUNTY.visits) == (255, 16_000, 41_000, 1_000_000)
    assert (COUNTY.poor_villages, COUNTY.first_secretaries, COUNTY.letters, COUNTY.indicators) == (182, 136, 3000,
                                                                                                   30_000)
    assert 20 <= TOWNSHIP.villages <= 22 and 1300 <= TOWNSHIP.households <= 1350
    assert 82_000 <= TOWNSHIP.visits <= 84_000
