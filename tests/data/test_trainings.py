"""TrainingRepository: the write path with audit rows, attendees and attendance, the list, and the totals checked
against numbers worked out by hand."""

from __future__ import annotations

import json
from datetime import date

import pytest

from lingqiu_desktop.core.pinyin import initials
from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.trainings import clean_training, period_of
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.store import NotOwnedError
from lingqiu_desktop.data.trainings import PERIOD_SQL, TrainingFilter

TODAY = date(2018, 11, 30)


def _count(wb, table: str) -> int:
    return wb.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def add_training(wb, start: str, end: str = "", hours: str = "3", audience: str = "第一书记", title: str = "",
                 township: str = "", **fields: str) -> dict:
    raw = {"title": title or f"{audience}培训班（{start}）", "audience": audience, "start_date": start,
           "end_date": end, "hours": hours, **fields}
    return wb.trainings.add(clean_training(raw, DEFAULTS["training.audiences"], TODAY), township)


def add_person(wb, name: str, kind: str = "第一书记", unit: str = "县扶贫办", post: str = "科员",
               phone: str = "13812345678") -> dict:
    return wb.people.add({"name": name, "name_initials": initials(name), "kind": kind, "unit": unit, "post": post,
                          "phone": phone, "township_code": wb.office_code})


def attend(wb, training: dict, names: dict[str, bool | None]) -> None:
    """Typed-in attendees, then attendance marked as given."""
    ids = {name: wb.trainings.add_attendee(training["id"], values={"name": name})["id"] for name in names}
    wb.trainings.mark_attendance(training["id"], {ids[n]: came for n, came in names.items()}, TODAY)


# -- trainings --------------------------------------------------------------------------------------------------------
def test_add_update_delete_with_audit_rows(workbook) -> None:
    row = add_training(workbook, "2018-11-20", venue="镇党校")
    assert (row["owner"], row["township_code"]) == ("140224101", "140224101")
    workbook.trainings.update(row["id"], {"venue": "县委党校"})
    assert workbook.trainings.get(row["id"])["venue"] == "县委党校"
    workbook.trainings.add_attendee(row["id"], values={"name": "李明"})
    workbook.trainings.delete(row["id"])
    assert _count(workbook, "training") == 0 and _count(workbook, "training_attendee") == 0
    audit = workbook.db.execute("SELECT action, table_name, before_json FROM audit_log "
                                "WHERE table_name LIKE 'training%' ORDER BY id").fetchall()
    assert [(a[0], a[1]) for a in audit] == [("insert", "training"), ("update", "training"),
                                             ("insert", "training_attendee"), ("delete", "training_attendee"),
                                             ("delete", "training")]
    assert json.loads(audit[1][2])["venue"] == "镇党校"


def test_trainings_of_another_office_are_read_only(workbook) -> None:
    row = add_training(workbook, "2018-11-20")
    workbook.db.execute("UPDATE training SET owner = '140224' WHERE id = ?", [row["id"]])
    for action in (lambda: workbook.trainings.update(row["id"], {"venue": "x"}),
                   lambda: workbook.trainings.delete(row["id"]),
                   lambda: workbook.trainings.add_attendee(row["id"], values={"name": "李明"})):
        with pytest.raises(NotOwnedError):
            action()
    assert _count(workbook, "training_attendee") == 0


# -- attendees --------------------------------------------------------------------------------------------------------
def test_attendee_from_a_person_copies_name_unit_post_and_phone(workbook) -> None:
    training = add_training(workbook, "2018-11-20")
    person = add_person(workbook, "张先云", unit="县财政局", post="副局长", phone="13912345678")
    row = workbook.trainings.add_attendee(training["id"], person_id=person["id"])
    assert {k: row[k] for k in ("person_id", "name", "unit", "post", "phone", "attended")} == {
        "person_id": person["id"], "name": "张先云", "unit": "县财政局", "post": "副局长", "phone": "13912345678",
        "attended": None}
    with pytest.raises(ValidationError, match="张先云已在参训名单中"):
        workbook.trainings.add_attendee(training["id"], person_id=person["id"])
    typed = workbook.trainings.add_attendee(training["id"], values={"name": "李明", "unit": "上北泉村", "phone": ""})
    assert typed["person_id"] is None and typed["sort_order"] == 1
    assert [a["name"] for a in workbook.trainings.attendees(training["id"])] == ["张先云", "李明"]


def test_typed_in_attendee_needs_a_name_and_saves_nothing_without_one(workbook) -> None:
    training = add_training(workbook, "2018-11-20")
    with pytest.raises(ValidationError, match="参训人员姓名：不能为空"):
        workbook.trainings.add_attendee(training["id"], values={"name": " ", "unit": "上北泉村"})
    assert _count(workbook, "training_attendee") == 0


def test_add_people_skips_those_already_listed(workbook) -> None:
    training = add_training(workbook, "2018-11-20")
    a, b = add_person(workbook, "张先云"), add_person(workbook, "李明")
    workbook.trainings.add_attendee(training["id"], person_id=a["id"])
    assert workbook.trainings.add_people(training["id"], [a["id"], b["id"], b["id"]]) == 1
    assert [r["name"] for r in workbook.trainings.attendees(training["id"])] == ["张先云", "李明"]


def test_mark_attendance_is_all_or_nothing(workbook) -> None:
    training = add_training(workbook, "2018-11-20")
    other = add_training(workbook, "2018-11-21")
    ids = [workbook.trainings.add_attendee(training["id"], values={"name": n})["id"] for n in ("甲", "乙")]
    stranger = workbook.trainings.add_attendee(other["id"], values={"name": "丙"})["id"]
    with pytest.raises(ValidationError, match="不属于本次培训"):
        workbook.trainings.mark_attendance(training["id"], {ids[0]: True, ids[1]: False, stranger: True})
    assert [r["attended"] for r in workbook.trainings.attendees(training["id"])] == [None, None]
    workbook.trainings.mark_attendance(training["id"], {ids[0]: True, ids[1]: False}, TODAY)
    assert [r["attended"] for r in workbook.trainings.attendees(training["id"])] == [1, 0]


def test_attendance_waits_for_the_session(workbook) -> None:
    training = add_training(workbook, "2018-12-05")
    attendee = workbook.trainings.add_attendee(training["id"], values={"name": "甲"})
    with pytest.raises(ValidationError) as caught:
        workbook.trainings.mark_attendance(training["id"], {attendee["id"]: True}, TODAY)
    assert str(caught.value) == "出勤：培训2018-12-05才开始，培训结束后再点名"
    assert workbook.trainings.attendees(training["id"])[0]["attended"] is None


def test_save_attendees_saves_everything_or_nothing(workbook) -> None:
    training = add_training(workbook, "2018-11-20")
    person = add_person(workbook, "张先云")
    old = workbook.trainings.add_attendee(training["id"], values={"name": "王大山"})
    audit_before = _count(workbook, "audit_log")
    with pytest.raises(ValidationError):
        workbook.trainings.save_attendees(training["id"], removed=[old["id"]],
                                          added=[{"person_id": person["id"]}, {"name": "", "key": "new2"}])
    assert [r["name"] for r in workbook.trainings.attendees(training["id"])] == ["王大山"]
    assert _count(workbook, "audit_log") == audit_before
    rows = workbook.trainings.save_attendees(
        training["id"], removed=[old["id"]],
        added=[{"person_id": person["id"], "key": "p"}, {"name": "李明", "key": "t"}],
        marks={"p": True, "t": False}, today=TODAY)
    assert [(r["name"], r["attended"]) for r in rows] == [("张先云", 1), ("李明", 0)]


# -- totals -----------------------------------------------------------------------------------------------------------
@pytest.fixture
def year_of_trainings(workbook):
    """Worked out by hand:
    - 2018-03-20 第一书记, 3 学时: 甲 乙 came, 丙 absent        → 1 session, 2 人次, 6 学时人次 (March, Q1)
    - 2018-04-10..11 驻村工作队员, 10 学时: 丁 戊 came          → 1 session, 2 人次, 20 学时人次 (April, Q2)
    - 2018-04-25 第一书记, 2.5 学时: 己 庚 listed, not marked  → 1 session 未点名, 0 人次, 0 学时人次 (April, Q2)
    - 2017-12-30 and another township's 2018 training must not count."""
    wb = workbook
    attend(wb, add_training(wb, "2018-03-20", hours="3"), {"甲": True, "乙": True, "丙": False})
    attend(wb, add_training(wb, "2018-04-10", "2018-04-11", hours="10", audience="驻村工作队员"),
           {"丁": True, "戊": True})
    unmarked = add_training(wb, "2018-04-25", hours="2.5")
    for name in ("己", "庚"):
        wb.trainings.add_attendee(unmarked["id"], values={"name": name})
    attend(wb, add_training(wb, "2017-12-30", hours="4"), {"辛": True})
    attend(wb, add_training(wb, "2018-05-02", hours="4", township="140224102"), {"壬": True})
    return wb


def _table(rows: list[dict]) -> list[tuple]:
    return [(r["period"], r["audience"], r["sessions"], r["unmarked_sessions"], r["person_times"], r["hours"])
            for r in rows]


def test_totals_by_month_quarter_and_year(year_of_trainings) -> None:
    totals = year_of_trainings.trainings.totals
    assert _table(totals("month", 2018, "140224101")) == [
        ("2018-03", "第一书记", 1, 0, 2, 6.0),
        ("2018-04", "第一书记", 1, 1, 0, 0.0),
        ("2018-04", "驻村工作队员", 1, 0, 2, 20.0),
    ]
    assert _table(totals("quarter", 2018, "140224101")) == [
        ("2018Q1", "第一书记", 1, 0, 2, 6.0),
        ("2018Q2", "第一书记", 1, 1, 0, 0.0),
        ("2018Q2", "驻村工作队员", 1, 0, 2, 20.0),
    ]
    assert _table(totals("year", 2018, "140224101")) == [
        ("2018", "第一书记", 2, 1, 2, 6.0),
        ("2018", "驻村工作队员", 1, 0, 2, 20.0),
    ]
    every_township = _table(totals("year", 2018))
    assert every_township[0] == ("2018", "第一书记", 3, 1, 3, 10.0), "the other township's session counts too"
    assert _table(totals("year", 2017)) == [("2017", "第一书记", 1, 0, 1, 4.0)]
    assert totals("year", 2019) == []


def test_sql_periods_match_the_core_periods(workbook) -> None:
    for month in range(1, 13):
        add_training(workbook, f"2018-{month:02d}-15")
    for kind, expression in PERIOD_SQL.items():
        rows = workbook.db.execute(f"SELECT t.start_date, {expression} FROM training t").fetchall()
        assert all(period == period_of(day, kind) for day, period in rows), kind


# -- the list and the dashboard ---------------------------------------------------------------------------------------
def test_list_filters_and_newest_first(workbook) -> None:
    march = add_training(workbook, "2018-03-20", title="三月第一书记培训", trainer="王云刚")
    add_training(workbook, "2018-06-01", "2018-06-02", audience="驻村工作队员", title="六月队员培训", venue="县委党校")
    add_training(workbook, "2018-12-10", title="十二月培训")
    attend(workbook, march, {"甲": True, "乙": False})

    def titles(**kw) -> list[str]:
        return [r["title"] for r in workbook.list_page("training", TrainingFilter(**kw), None)]

    assert titles() == ["十二月培训", "六月队员培训", "三月第一书记培训"]
    assert titles(audience="驻村工作队员") == ["六月队员培训"]
    assert titles(text="王云") == ["三月第一书记培训"] and titles(text="党校") == ["六月队员培训"]
    assert titles(date_from="2018-03-21", date_to="2018-11-30") == ["六月队员培训"]
    assert titles(township_code="140224102") == []
    assert titles(sort="start_date", descending=False)[0] == "三月第一书记培训"
    rows = workbook.list_page("training", TrainingFilter(today="2018-11-30"), None)
    assert [(r["dates"], r["listed"], r["attended"]) for r in rows] == [
        ("2018-12-10", 0, ""), ("2018-06-01至06-02", 0, ""), ("2018-03-20", 2, "1")]
    workbook.trainings.add_attendee(rows[0]["id"], values={"name": "丙"})
    workbook.trainings.add_attendee(rows[1]["id"], values={"name": "丁"})
    rows = workbook.list_page("training", TrainingFilter(today="2018-11-30"), None)
    assert [r["attended"] for r in rows] == ["未开始", "未点名", "1"]
    assert workbook.list_count("training", TrainingFilter(audience="第一书记")) == 2


def test_list_queries_use_the_indexes(workbook) -> None:
    from lingqiu_desktop.data.listing import _order, _where_sql
    from lingqiu_desktop.data.trainings import SPEC

    for flt, index in ((TrainingFilter(), "idx_training_date"),
                       (TrainingFilter(audience="第一书记"), "idx_training_audience"),
                       (TrainingFilter(township_code="140224101"), "idx_training_township")):
        q = flt.query()
        exprs, _desc = _order(SPEC, q)
        plan = " ".join(str(r) for r in workbook.db.execute(
            f"EXPLAIN QUERY PLAN SELECT t.id FROM {SPEC.base}{_where_sql(q.where)} ORDER BY "
            f"{', '.join(e + ' DESC' for e in exprs)} LIMIT 200", q.params).fetchall())
        assert index in plan and "TEMP B-TREE" not in plan, plan


def test_upcoming_for_the_dashboard(workbook) -> None:
    add_training(workbook, "2018-11-20", title="已结束")
    add_training(workbook, "2018-11-29", "2018-12-01", title="进行中", hours="12")
    add_training(workbook, "2018-12-14", title="两周内")
    add_training(workbook, "2018-12-15", title="两周后")
    add_training(workbook, "2018-12-03", title="别的乡镇", township="140224102")
    rows = workbook.trainings.upcoming(TODAY, "140224101")
    assert [r["title"] for r in rows] == ["进行中", "两周内"]
    assert [r["title"] for r in workbook.trainings.upcoming(TODAY)] == ["进行中", "别的乡镇", "两周内"]
    assert rows[0]["township"] == "东河南镇" and rows[0]["listed"] == 0
