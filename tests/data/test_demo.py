"""Tests for lingqiu_desktop.data.demo at a tiny size: constraints, keys, ID numbers, families, owners, cancel."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
import sqlite_utils

from lingqiu_desktop.core.offices import COUNTY_CODE, TOWNSHIPS
from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.validation import id_check_char

from lingqiu_desktop.data.database import migrate, open_database, schema_sql
from lingqiu_desktop.data.demo import COUNTY, TOWNSHIP, DemoCancelled, DemoSize, generate

TINY = DemoSize(villages=24, poor_villages=13, exited_villages=8, households=48, members=120, first_secretaries=10,
                team_members=30, households_per_helper=5, visits=600, trainings=24, attendees_per_training=6,
                letters=100, indicators=400, spot_checks=12, meetings=3, board_weeks=2)
SMALL = DemoSize(villages=4, poor_villages=2, exited_villages=1, households=12, members=30, first_secretaries=1,
                 team_members=7, households_per_helper=5, visits=150, trainings=4, attendees_per_training=5, letters=20,
                 indicators=100, spot_checks=3, meetings=3, board_weeks=2)
TOWNSHIP_CODE = "140224102"
DATA_TABLES = ("village", "person", "household", "household_member", "household_income", "helper_assignment",
               "work_team", "team_membership", "attendance", "spot_check", "visit", "visit_visitor", "training",
               "training_attendee", "letter", "indicator", "indicator_progress", "assessment", "meeting",
               "meeting_decision", "work_group", "board_item", "audit_log")


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


def test_attendance_covers_every_day_of_every_active_member(county: tuple) -> None:
    db = county[0]
    active = db.execute("SELECT COUNT(*) FROM team_membership WHERE status = '在岗'").fetchone()[0]
    assert db.execute("SELECT COUNT(*) FROM attendance").fetchone()[0] == active * 334
    assert db.execute("SELECT MIN(day), MAX(day) FROM attendance").fetchone() == ("2018-01-01", "2018-11-30")
    assert db.execute("SELECT COUNT(*) FROM attendance WHERE status = '请假' AND (leave_type = '' OR approver = '')"
                      ).fetchone()[0] == 0


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
                "SELECT name FROM village ORDER BY id", "SELECT visitor_names FROM visit ORDER BY id"):
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
