"""VisitRepository and the visit list: visitors saved with the visit, all or nothing; follow-ups; the timeline;
every filter served by an index."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.helpers import add_household, add_village

from lingqiu_desktop.core.pinyin import initials
from lingqiu_desktop.core.validation import ValidationError
from lingqiu_desktop.core.visits import clean_visit

from lingqiu_desktop.data import listing
from lingqiu_desktop.data.store import NotOwnedError
from lingqiu_desktop.data.visits import SPEC, VisitFilter

from lingqiu_desktop.workbook import Workbook

TODAY = date(2018, 11, 30)


def person(wb: Workbook, name: str, kind: str = "工作队员") -> str:
    return wb.people.add({"name": name, "name_initials": initials(name), "kind": kind})["id"]


def team(wb: Workbook, village_id: str, name: str, start: str = "2016-01-01", end: str | None = None,
         status: str = "在岗") -> str:
    return wb.store.insert("work_team", {"township_code": wb.office_code, "village_id": village_id, "name": name,
                                         "start_date": start, "end_date": end, "status": status})["id"]


def visit(wb: Workbook, visitors: list[str], **raw: Any) -> dict[str, Any]:
    values = clean_visit({"visit_date": "2018-11-20", "kind": "入户走访", "visitor_ids": visitors, **raw}, TODAY,
                         wb.settings.get("visit.kinds"))
    return wb.visits.add(values, values.pop("visitor_ids"))


def count(wb: Workbook, table: str) -> int:
    return int(wb.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


@pytest.fixture
def place(workbook: Workbook) -> dict[str, Any]:
    village = add_village(workbook)
    household = add_household(workbook, village["id"], "张先云")
    return {"village": village["id"], "household": household["id"], "a": person(workbook, "李明"),
            "b": person(workbook, "王芳", "帮扶责任人")}


# -- adding ----------------------------------------------------------------------------------------------------------
def test_a_visit_is_saved_with_its_visitors_and_filed_under_the_households_village_and_team(
        workbook: Workbook, place: dict) -> None:
    team_id = team(workbook, place["village"], "下野窝村驻村工作队")
    row = visit(workbook, [place["b"], place["a"]], household_id=place["household"], problems="缺劳力")
    saved = workbook.visits.get(row["id"])
    assert (saved["village_id"], saved["township_code"], saved["team_id"]) == (place["village"], "140224101", team_id)
    assert saved["visitor_names"] == "王芳、李明"
    assert [p["name"] for p in workbook.visits.visitors(row["id"])] == ["王芳", "李明"]
    audited = workbook.db.execute("SELECT table_name, action FROM audit_log WHERE table_name LIKE 'visit%' "
                                  "ORDER BY rowid").fetchall()
    assert audited == [("visit", "insert"), ("visit_visitor", "insert"), ("visit_visitor", "insert")]


def test_a_village_log_has_no_household(workbook: Workbook, place: dict) -> None:
    row = visit(workbook, [place["a"]], village_log=True, village_id=place["village"], kind="政策宣讲")
    assert row["household_id"] is None and row["village_id"] == place["village"]
    listed = workbook.list_page("visit", VisitFilter(), None)
    assert [(r["household"], r["village"]) for r in listed] == [("（村情日志）", "下野窝村")]


@pytest.mark.parametrize(("start", "end", "status", "expected"), [
    ("2016-01-01", None, "在岗", True),
    ("2018-11-21", None, "在岗", False),          # posted after the visit
    ("2015-01-01", "2017-12-31", "期满", False),  # left before it
    ("2015-01-01", "2018-11-20", "召回", True),   # still there that day
])
def test_the_team_is_the_one_posted_in_the_village_that_day(workbook: Workbook, place: dict, start: str,
                                                            end: str | None, status: str, expected: bool) -> None:
    team_id = team(workbook, place["village"], "工作队", start, end, status)
    row = visit(workbook, [place["a"]], household_id=place["household"])
    assert row["team_id"] == (team_id if expected else None)


def test_a_given_team_is_kept(workbook: Workbook, place: dict) -> None:
    team(workbook, place["village"], "本村工作队")
    other = team(workbook, add_village(workbook, "202", "上野窝村")["id"], "邻村工作队")
    values = clean_visit({"visit_date": "2018-11-20", "kind": "入户走访", "visitor_ids": [place["a"]],
                          "household_id": place["household"]}, TODAY, ["入户走访"])
    row = workbook.visits.add({**values, "team_id": other}, values.pop("visitor_ids"))
    assert row["team_id"] == other


@pytest.mark.parametrize(("values", "visitors", "message"), [
    ({"visit_date": "2018-11-20", "kind": "入户走访"}, ["a"], "走访对象：请选择贫困户，或勾选村情日志"),
    ({"visit_date": "2018-11-20", "kind": "入户走访", "household_id": "H"}, [], "走访人：至少选择一名走访人"),
    ({"visit_date": "2018-11-20", "kind": "入户走访", "household_id": "H"}, ["a", "nobody"],
     "走访人：所选人员不存在，可能已被删除"),
    ({"visit_date": "2018-11-20", "kind": "入户走访", "household_id": "gone"}, ["a"],
     "走访对象：所选记录不存在，可能已被删除"),
    ({"visit_date": "2018-11-20", "kind": "入户走访", "village_id": "gone"}, ["a"],
     "所属村：所选记录不存在，可能已被删除"),
])
def test_refused_adds_save_nothing(workbook: Workbook, place: dict, values: dict, visitors: list[str],
                                   message: str) -> None:
    values = {**values, "household_id": place["household"] if values.get("household_id") == "H"
              else values.get("household_id")}
    before = (count(workbook, "visit"), count(workbook, "visit_visitor"), count(workbook, "audit_log"))
    with pytest.raises(ValidationError) as caught:
        workbook.visits.add(values, [place.get(v, v) for v in visitors])
    assert str(caught.value) == message
    assert (count(workbook, "visit"), count(workbook, "visit_visitor"), count(workbook, "audit_log")) == before


def test_a_failing_visitor_row_takes_the_visit_with_it(workbook: Workbook, place: dict,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    repo = workbook.visits
    calls = []

    def broken_link(visit_id: str, person_id: str) -> None:
        calls.append(person_id)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        type(repo)._link(repo, visit_id, person_id)

    monkeypatch.setattr(repo, "_link", broken_link)
    with pytest.raises(RuntimeError):
        visit(workbook, [place["a"], place["b"]], household_id=place["household"])
    assert (count(workbook, "visit"), count(workbook, "visit_visitor")) == (0, 0)


# -- editing and deleting --------------------------------------------------------------------------------------------
def test_update_changes_visitors_and_finds_the_team_again_when_the_household_moves(workbook: Workbook,
                                                                                  place: dict) -> None:
    row = visit(workbook, [place["a"], place["b"]], household_id=place["household"])
    other_village = add_village(workbook, "202", "上野窝村")["id"]
    other_team = team(workbook, other_village, "上野窝村驻村工作队")
    other = add_household(workbook, other_village, "赵大")["id"]
    c = person(workbook, "陈静")
    values = clean_visit({"visit_date": "2018-11-21", "kind": "产业帮扶", "household_id": other,
                          "visitor_ids": [c, place["a"]]}, TODAY, ["产业帮扶"])
    workbook.visits.update(row["id"], values, values.pop("visitor_ids"))
    saved = workbook.visits.get(row["id"])
    assert (saved["village_id"], saved["team_id"], saved["kind"]) == (other_village, other_team, "产业帮扶")
    assert saved["visitor_names"] == "陈静、李明"
    assert {p["name"] for p in workbook.visits.visitors(row["id"])} == {"陈静", "李明"}
    links = workbook.db.execute("SELECT action FROM audit_log WHERE table_name = 'visit_visitor' "
                                "ORDER BY rowid").fetchall()
    assert [a for (a,) in links] == ["insert", "insert", "delete", "insert"]


def test_update_keeps_a_stored_team_when_nothing_moves(workbook: Workbook, place: dict) -> None:
    row = visit(workbook, [place["a"]], household_id=place["household"])
    assert row["team_id"] is None
    team(workbook, place["village"], "后来的工作队")
    values = clean_visit({"visit_date": "2018-11-20", "kind": "入户走访", "household_id": place["household"],
                          "visitor_ids": [place["a"]], "problems": "补记"}, TODAY, ["入户走访"])
    workbook.visits.update(row["id"], values, values.pop("visitor_ids"))
    assert workbook.visits.get(row["id"])["team_id"] is None


def test_delete_takes_the_visitor_rows_and_audits_them(workbook: Workbook, place: dict) -> None:
    row = visit(workbook, [place["a"], place["b"]], household_id=place["household"])
    workbook.visits.delete(row["id"])
    assert (count(workbook, "visit"), count(workbook, "visit_visitor")) == (0, 0)
    deleted = workbook.db.execute("SELECT table_name FROM audit_log WHERE action = 'delete'").fetchall()
    assert sorted(t for (t,) in deleted) == ["visit", "visit_visitor", "visit_visitor"]


def test_another_offices_visit_cannot_be_changed(workbook: Workbook, place: dict) -> None:
    county = Workbook(workbook.db, workbook.path, "140224")
    row = visit(county, [place["a"]], household_id=place["household"], follow_up_due="2018-11-25")
    values = clean_visit({"visit_date": "2018-11-20", "kind": "入户走访", "household_id": place["household"],
                          "visitor_ids": [place["b"]]}, TODAY, ["入户走访"])
    with pytest.raises(NotOwnedError):
        workbook.visits.update(row["id"], values, values.pop("visitor_ids"))
    with pytest.raises(NotOwnedError):
        workbook.visits.delete(row["id"])
    with pytest.raises(NotOwnedError):
        workbook.visits.mark_follow_up_done(row["id"], "管理员", "2018-11-30")
    assert workbook.visits.get(row["id"])["visitor_names"] == "李明"
    assert count(workbook, "visit_visitor") == 1


# -- follow-ups ------------------------------------------------------------------------------------------------------
def test_marking_a_follow_up_done_records_when_and_by_whom(workbook: Workbook, place: dict) -> None:
    row = visit(workbook, [place["a"]], household_id=place["household"], follow_up_due="2018-11-25")
    assert workbook.visits.overdue_count("2018-11-30") == 1
    workbook.visits.mark_follow_up_done(row["id"], "刘会计", date(2018, 11, 30))
    saved = workbook.visits.get(row["id"])
    assert (saved["follow_up_done_at"], saved["follow_up_done_by"]) == ("2018-11-30", "刘会计")
    assert workbook.visits.overdue_count("2018-11-30") == 0
    with pytest.raises(ValidationError, match="已于2018-11-30由刘会计标记回访完成"):
        workbook.visits.mark_follow_up_done(row["id"], "刘会计", "2018-11-30")
    workbook.visits.reopen(row["id"])
    assert workbook.visits.get(row["id"])["follow_up_done_at"] is None
    assert workbook.visits.overdue_count("2018-11-30") == 1


@pytest.mark.parametrize(("due", "done_at", "by", "message"), [
    ("", "2018-11-30", "管理员", "回访：这条走访没有回访期限，无需回访"),
    ("2018-11-25", "2018-11-19", "管理员", "回访完成日期：不能早于走访日期2018-11-20"),
    ("2018-11-25", "2018-11-30", " ", "回访人：不能为空"),
])
def test_refused_follow_ups(workbook: Workbook, place: dict, due: str, done_at: str, by: str, message: str) -> None:
    row = visit(workbook, [place["a"]], household_id=place["household"], follow_up_due=due)
    with pytest.raises(ValidationError) as caught:
        workbook.visits.mark_follow_up_done(row["id"], by, done_at)
    assert str(caught.value) == message
    assert workbook.visits.get(row["id"])["follow_up_done_at"] is None


def test_timeline_is_newest_first_with_follow_up_states(workbook: Workbook, place: dict) -> None:
    for day, due in (("2018-10-01", "2018-10-15"), ("2018-11-25", "2018-12-05"), ("2018-06-01", "")):
        visit(workbook, [place["a"]], household_id=place["household"], visit_date=day, follow_up_due=due)
    visit(workbook, [place["a"]], village_log=True, village_id=place["village"])
    rows = workbook.visits.timeline(place["household"], TODAY)
    assert [(r["visit_date"], r["follow_up_state"]) for r in rows] == [
        ("2018-11-25", "待回访"), ("2018-10-01", "已逾期"), ("2018-06-01", "")]


def test_dashboard_figures(workbook: Workbook, place: dict) -> None:
    other = add_household(workbook, place["village"], "赵大")["id"]
    for day, household in (("2018-11-26", place["household"]), ("2018-11-28", other),
                           ("2018-11-29", place["household"]), ("2018-11-25", other)):
        visit(workbook, [place["a"]], household_id=household, visit_date=day, follow_up_due="2018-11-29")
    week = workbook.visits.this_week(TODAY)   # a Friday: Monday 26th to Friday 30th
    assert (week.date_from, week.date_to, week.count, week.households) == ("2018-11-26", "2018-11-30", 3, 2)
    assert [r["visit_date"] for r in week.latest] == ["2018-11-29", "2018-11-28", "2018-11-26"]
    assert workbook.list_count("visit", week.filter()) == 3
    assert workbook.visits.this_week(TODAY, township_code="140224102").count == 0
    assert workbook.visits.overdue_count(TODAY) == 4   # all due the 29th, the day before the working date
    assert workbook.visits.overdue_count(TODAY, "140224102") == 0


def test_teams_for_the_filter(workbook: Workbook, place: dict) -> None:
    team_id = team(workbook, place["village"], "下野窝村驻村工作队")
    assert workbook.visits.teams() == [(team_id, "下野窝村驻村工作队")]
    assert workbook.visits.teams("140224102") == []


# -- the list --------------------------------------------------------------------------------------------------------
@pytest.fixture
def listed(workbook: Workbook, place: dict) -> dict[str, Any]:
    """Six visits in two villages with teams, to filter."""
    other_village = add_village(workbook, "202", "上野窝村")["id"]
    teams = {place["village"]: team(workbook, place["village"], "甲队"), other_village: team(workbook, other_village,
                                                                                           "乙队")}
    other = add_household(workbook, other_village, "赵大")["id"]
    rows = [("2018-01-05", place["household"], "入户走访", [place["a"]], "2018-01-10", False),
            ("2018-03-05", place["household"], "产业帮扶", [place["b"]], "2018-12-10", False),
            ("2018-05-05", other, "入户走访", [place["a"], place["b"]], "2018-06-01", True),
            ("2018-07-05", other, "政策宣讲", [place["b"]], "", False),
            ("2018-09-05", place["household"], "入户走访", [place["a"]], "2018-09-20", False),
            ("2018-11-05", other, "入户走访", [place["a"]], "", False)]
    ids = []
    for day, household, kind, people, due, done in rows:
        row = visit(workbook, people, household_id=household, visit_date=day, kind=kind, follow_up_due=due)
        if done:
            workbook.visits.mark_follow_up_done(row["id"], "管理员", "2018-06-01")
        ids.append(row["id"])
    return {**place, "ids": ids, "other": other, "other_village": other_village, "teams": teams}


def dates(workbook: Workbook, flt: VisitFilter) -> list[str]:
    rows = workbook.list_page("visit", flt, None)
    assert workbook.list_count("visit", flt) == len(rows)
    return [r["visit_date"][5:] for r in rows]


def test_filters(workbook: Workbook, listed: dict) -> None:
    t = "2018-11-30"
    assert dates(workbook, VisitFilter(today=t)) == ["11-05", "09-05", "07-05", "05-05", "03-05", "01-05"]
    assert dates(workbook, VisitFilter(village_id=listed["other_village"])) == ["11-05", "07-05", "05-05"]
    assert dates(workbook, VisitFilter(team_id=listed["teams"][listed["village"]])) == ["09-05", "03-05", "01-05"]
    assert dates(workbook, VisitFilter(household_id=listed["other"], kind="入户走访")) == ["11-05", "05-05"]
    assert dates(workbook, VisitFilter(person_id=listed["b"])) == ["07-05", "05-05", "03-05"]
    assert dates(workbook, VisitFilter(date_from="2018-03-05", date_to="2018-07-05")) == ["07-05", "05-05", "03-05"]
    assert dates(workbook, VisitFilter(township_code="140224101", kind="入户走访", person_id=listed["a"],
                                       date_to="2018-10-01")) == ["09-05", "05-05", "01-05"]
    assert dates(workbook, VisitFilter(township_code="140224102")) == []
    # open and overdue follow-ups come by their due date, the most urgent first
    assert dates(workbook, VisitFilter(follow_up="open", today=t)) == ["01-05", "09-05", "03-05"]
    assert dates(workbook, VisitFilter(follow_up="overdue", today=t)) == ["01-05", "09-05"]
    assert dates(workbook, VisitFilter(follow_up="overdue", today=t, team_id=listed["teams"][listed["village"]],
                                       kind="入户走访")) == ["01-05", "09-05"]
    assert dates(workbook, VisitFilter(follow_up="overdue", today="2018-01-11")) == ["01-05"]


def test_list_rows_carry_state_and_names(workbook: Workbook, listed: dict) -> None:
    rows = {r["visit_date"]: r for r in workbook.list_page("visit", VisitFilter(today="2018-11-30"), None)}
    assert rows["2018-01-05"]["follow_up_state"] == "已逾期"
    assert rows["2018-03-05"]["follow_up_state"] == "待回访"
    assert (rows["2018-05-05"]["follow_up_state"], rows["2018-05-05"]["follow_up_done_by"]) == ("已回访", "管理员")
    assert rows["2018-07-05"]["follow_up_state"] == ""
    assert rows["2018-05-05"]["visitors"] == "李明、王芳" and rows["2018-05-05"]["team"] == "乙队"
    assert rows["2018-05-05"]["household"] == "赵大"


@pytest.mark.parametrize("flt", [VisitFilter(today="2018-11-30"), VisitFilter(follow_up="open", today="2018-11-30"),
                                 VisitFilter(sort="kind", descending=False)])
def test_paging_by_key_visits_every_row_once(workbook: Workbook, listed: dict, flt: VisitFilter) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = workbook.list_page("visit", flt, after, limit=2)
        if not page:
            break
        seen += [r["id"] for r in page]
        after = listing.next_key(page)
    assert sorted(seen) == sorted(r["id"] for r in workbook.list_page("visit", flt, None, limit=100))
    assert len(seen) == len(set(seen)) == workbook.list_count("visit", flt)


def test_follow_up_sort_only_with_a_follow_up_filter(workbook: Workbook, listed: dict) -> None:
    # most visits have no due date: sorting all of them by it would break paging, so the date order stays
    assert dates(workbook, VisitFilter(sort="follow_up_due"))[0] == "11-05"


# -- every filter has an index ---------------------------------------------------------------------------------------
class Spy:
    """Records the SQL a list query runs."""

    def __init__(self, db: Any) -> None:
        self.db, self.sql, self.params = db, "", []

    def execute(self, sql: str, params: Any = ()) -> Any:
        self.sql, self.params = sql, params
        return self.db.execute(sql, params)


FILTERS = {"township_code": "140224101", "village_id": "V", "team_id": "T", "household_id": "H", "person_id": "P",
           "kind": "入户走访", "follow_up": "overdue"}
DATES = {"date_from": "2018-03-01", "date_to": "2018-08-31"}
EXPECTED_INDEX = [   # the first filter present names the index that must drive the query
    ("household_id", "idx_visit_household"), ("person_id", "idx_visit_visitor_person"),
    ("team_id", "idx_visit_team"), ("village_id", "idx_visit_village"), ("follow_up", "idx_visit_follow_up"),
    ("township_code", "idx_visit_township"), ("kind", "idx_visit_kind"),
]


def combinations() -> list[tuple[str, ...]]:
    import itertools

    keys = list(FILTERS)
    return [c for n in range(0, 4) for c in itertools.combinations(keys, n)]


@pytest.mark.parametrize("combo", combinations(), ids=lambda c: "+".join(c) or "none")
@pytest.mark.parametrize("with_dates", [False, True], ids=["", "dates"])
def test_each_filter_combination_uses_an_index(workbook: Workbook, combo: tuple[str, ...], with_dates: bool) -> None:
    flt = VisitFilter(today="2018-11-30", **{k: FILTERS[k] for k in combo}, **(DATES if with_dates else {}))
    spy = Spy(workbook.db)
    listing.fetch_page(spy, SPEC, flt.query(), None, 200)
    page_plan = " | ".join(r[3] for r in workbook.db.execute("EXPLAIN QUERY PLAN " + spy.sql, spy.params))
    count_sql = f"SELECT COUNT(*) FROM {SPEC.base}{listing._where_sql(flt.query().where)}"
    count_plan = " | ".join(r[3] for r in workbook.db.execute("EXPLAIN QUERY PLAN " + count_sql,
                                                               flt.query().params))
    expected = next((index for key, index in EXPECTED_INDEX if key in combo),
                    "idx_visit_date" if with_dates else "")
    for plan in (page_plan, count_plan):
        assert "SCAN t " not in plan + " " or "USING" in plan.split("SCAN t")[1].split("|")[0], plan
        assert expected in plan, plan
