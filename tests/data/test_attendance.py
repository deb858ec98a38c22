"""AttendanceRepository: the month grid, bulk day writes, leave, spot checks and the requirement."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.helpers import add_village

from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

MEMBERS = (("王建国", "第一书记"), ("李红梅", "队员"), ("赵志刚", "队员"))


# -- set-up helpers (TeamRepository is being written elsewhere: rows go in through the Store) --------------------
def add_team(wb: Workbook, members: tuple[tuple[str, str], ...] = MEMBERS, start: str = "2018-01-01",
             name: str = "下野窝村驻村工作队", code_suffix: str = "201") -> dict[str, Any]:
    """A work team (and its village) with its members; returns the team row with 'people' (name -> person id)."""
    village_id = add_village(wb, code_suffix, name.removesuffix("驻村工作队"))["id"]
    team = wb.store.insert("work_team", {"township_code": wb.office_code, "village_id": village_id, "name": name,
                                         "sending_unit": "灵丘县扶贫办", "start_date": start})
    people = {}
    for person_name, role in members:
        people[person_name] = add_member(wb, team["id"], person_name, role, start)
    return {**team, "people": people}


def add_member(wb: Workbook, team_id: str, name: str, role: str = "队员", start: str = "2018-01-01",
               end: str | None = None) -> str:
    person = wb.store.insert("person", {"township_code": wb.office_code, "name": name, "kind": "工作队员",
                                        "unit": "灵丘县扶贫办"})
    wb.store.insert("team_membership", {"team_id": team_id, "person_id": person["id"], "role": role,
                                        "start_date": start, "end_date": end})
    return str(person["id"])


def set_today(wb: Workbook, day: str) -> None:
    wb.settings.set(REFERENCE_DATE_KEY, day)


def count(wb: Workbook, table: str) -> int:
    return int(wb.db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0])


def fill(wb: Workbook, team: dict[str, Any], person: str, month: str, pattern: dict[str, int]) -> None:
    """Lay out {'在村': 18, '出差': 2, …} from the first of the month."""
    days = iter(range(1, 32))
    changes = [(team["people"][person], f"{month}-{next(days):02d}", status)
               for status, n in pattern.items() for _ in range(n)]
    wb.attendance.set_days(team["id"], changes)


@pytest.fixture
def team(workbook: Workbook) -> dict[str, Any]:
    set_today(workbook, "2018-11-30")
    return add_team(workbook)


# -- the grid ----------------------------------------------------------------------------------------------------
def test_month_grid_lists_the_members_posted_in_the_month(workbook: Workbook, team: dict[str, Any]) -> None:
    add_member(workbook, team["id"], "孙晓燕", start="2018-11-16")
    add_member(workbook, team["id"], "周大海", start="2018-01-01", end="2018-10-31")   # recalled before November
    add_member(workbook, team["id"], "钱进", start="2018-12-01")                       # not yet posted
    grid = workbook.attendance.month_grid(team["id"], "2018-11")
    assert [m.name for m in grid.members] == ["王建国", "李红梅", "赵志刚", "孙晓燕"]
    assert [m.role for m in grid.members][:2] == ["第一书记", "队员"]
    assert len(grid.days) == 30 and grid.required_per_month == 20 and grid.editable
    late = grid.members[-1]
    assert (late.posted[0], len(late.posted), late.total.required) == (date(2018, 11, 16), 15, 10)
    assert grid.team["village"] == "下野窝村"


def test_set_days_upserts_clears_and_audits_in_one_transaction(workbook: Workbook, team: dict[str, Any]) -> None:
    wang = team["people"]["王建国"]
    assert workbook.attendance.set_days(team["id"], [(wang, f"2018-11-{d:02d}", "在村") for d in range(1, 11)]) == 10
    audits = count(workbook, "audit_log")
    changed = workbook.attendance.set_days(team["id"], [
        (wang, "2018-11-01", "在村"),      # unchanged: no write, no audit row
        (wang, "2018-11-02", "出差"),      # update
        (wang, "2018-11-03", None),        # clear
        (wang, date(2018, 11, 11), "缺勤"),  # insert
    ])
    assert changed == 3
    assert count(workbook, "audit_log") == audits + 3
    statuses = workbook.attendance.month_grid(team["id"], "2018-11").members[0].statuses
    assert statuses[date(2018, 11, 2)] == "出差" and date(2018, 11, 3) not in statuses
    assert statuses[date(2018, 11, 11)] == "缺勤" and len(statuses) == 10


@pytest.mark.parametrize(("day", "status", "message"), [
    ("2018-12-01", "在村", "日期：2018-12-01还没到，不能登记在村"),
    ("2017-12-31", "在村", "日期：2017-12-31不在该队员的驻村期间"),
    ("2018-11-05", "休息", "考勤：应为以下之一：在村、请假、出差、缺勤"),
    ("2018-11-31", "在村", "日期：2018-11-31不是有效日期"),
])
def test_bad_cells_save_nothing(workbook: Workbook, team: dict[str, Any], day: str, status: str,
                                message: str) -> None:
    wang = team["people"]["王建国"]
    before = count(workbook, "attendance")
    with pytest.raises(ValidationError) as caught:
        workbook.attendance.set_days(team["id"], [(wang, "2018-11-01", "在村"), (wang, day, status)])
    assert str(caught.value) == message
    assert count(workbook, "attendance") == before


def test_days_in_village_against_the_requirement(workbook: Workbook, team: dict[str, Any]) -> None:
    fill(workbook, team, "王建国", "2018-11", {"在村": 20, "出差": 2, "请假": 8})
    fill(workbook, team, "李红梅", "2018-11", {"在村": 17, "出差": 2, "缺勤": 1, "请假": 10})
    fill(workbook, team, "赵志刚", "2018-11", {"在村": 18, "出差": 2})
    totals = {r["name"]: (r["in_village"], r["required"], r["below"]) for r in
              workbook.attendance.days_in_village(team["id"], "2018-11")}
    assert totals == {"王建国": (22, 20, False), "李红梅": (19, 20, True), "赵志刚": (20, 20, False)}
    workbook.settings.set("attendance.required_days", 22)
    below = [r["name"] for r in workbook.attendance.days_in_village(team["id"], "2018-11") if r["below"]]
    assert below == ["李红梅", "赵志刚"]
    workbook.settings.set("attendance.trips_count_in_village", False)
    assert all(r["below"] for r in workbook.attendance.days_in_village(team["id"], "2018-11"))


def test_members_below_requirement_for_the_dashboard(workbook: Workbook, team: dict[str, Any]) -> None:
    other = add_team(workbook, (("陈立新", "队长"),), name="曲回寺村驻村工作队", code_suffix="202")
    fill(workbook, team, "王建国", "2018-10", {"在村": 21})
    fill(workbook, team, "李红梅", "2018-10", {"在村": 12})
    fill(workbook, team, "赵志刚", "2018-10", {"在村": 19})
    fill(workbook, other, "陈立新", "2018-10", {"在村": 25})
    rows = workbook.attendance.members_below_requirement(month="2018-10")
    assert [(r["name"], r["team"], r["in_village"], r["required"], r["shortfall"]) for r in rows] == [
        ("李红梅", "下野窝村驻村工作队", 12, 20, 8), ("赵志刚", "下野窝村驻村工作队", 19, 20, 1)]
    assert workbook.attendance.members_below_requirement("140224102", month="2018-10") == []
    assert len(workbook.attendance.members_below_requirement(workbook.office_code, month="2018-10")) == 2
    # the running month flags only who can no longer make it
    set_today(workbook, "2018-11-15")
    fill(workbook, team, "王建国", "2018-11", {"在村": 15})
    fill(workbook, other, "陈立新", "2018-11", {"请假": 15})
    names = {r["name"] for r in workbook.attendance.members_below_requirement(month="2018-11")}
    assert names == {"李红梅", "赵志刚", "陈立新"}  # 李 and 赵 have no day at all: 0 + 15 to come < 20


# -- leave -------------------------------------------------------------------------------------------------------
def test_add_leave_marks_its_days(workbook: Workbook, team: dict[str, Any]) -> None:
    li = team["people"]["李红梅"]
    fill(workbook, team, "李红梅", "2018-11", {"在村": 10})
    leave = workbook.attendance.add_leave(team["id"], li, "2018-11-08", "2018-11-12", "病假", "住院",
                                          "县委组织部 刘志强")
    grid = workbook.attendance.month_grid(team["id"], "2018-11")
    member = grid.members[1]
    assert [member.statuses[date(2018, 11, d)] for d in range(7, 13)] == ["在村"] + ["请假"] * 5
    assert member.notes[date(2018, 11, 9)] == "病假，住院，审批人：县委组织部 刘志强"
    assert workbook.attendance.leave_of_day(team["id"], li, "2018-11-10")["id"] == leave["id"]
    assert [r["name"] for r in workbook.attendance.leaves(team["id"], "2018-11")] == ["李红梅"]
    # leave may be entered ahead
    workbook.attendance.add_leave(team["id"], li, "2018-12-03", "2018-12-04", "事假", "家中有事")
    workbook.attendance.delete_leave(leave["id"])
    statuses = workbook.attendance.month_grid(team["id"], "2018-11").members[1].statuses
    assert date(2018, 11, 9) not in statuses and statuses[date(2018, 11, 7)] == "在村"
    assert count(workbook, "leave_request") == 1


@pytest.mark.parametrize(("start", "end", "leave_type", "approver", "message"), [
    ("2018-11-12", "2018-11-08", "病假", "", "结束日期：不能早于开始日期"),
    ("2018-11-08", "2018-11-09", "", "", "请假类型：不能为空"),
    ("2018-11-08", "2018-11-12", "病假", "", "审批人：请假5天，超过3天须填写县级审批人（县委组织部）"),
    ("2017-12-30", "2018-01-02", "事假", "县委组织部", "开始日期：2017-12-30不在该队员的驻村期间"),
    ("2018-11-20", "2018-11-21", "事假", "", "开始日期：与已登记的请假（2018-11-19至2018-11-20）重叠"),
])
def test_bad_leave_saves_nothing(workbook: Workbook, team: dict[str, Any], start: str, end: str, leave_type: str,
                                 approver: str, message: str) -> None:
    li = team["people"]["李红梅"]
    workbook.attendance.add_leave(team["id"], li, "2018-11-19", "2018-11-20", "事假")
    before = (count(workbook, "leave_request"), count(workbook, "attendance"), count(workbook, "audit_log"))
    with pytest.raises(ValidationError) as caught:
        workbook.attendance.add_leave(team["id"], li, start, end, leave_type, "", approver)
    assert str(caught.value) == message
    assert (count(workbook, "leave_request"), count(workbook, "attendance"), count(workbook, "audit_log")) == before


def test_leave_threshold_is_a_setting(workbook: Workbook, team: dict[str, Any]) -> None:
    workbook.settings.set("attendance.leave_county_days", 5)
    leave = workbook.attendance.add_leave(team["id"], team["people"]["赵志刚"], "2018-11-05", "2018-11-09", "事假")
    assert leave["approver"] == ""


# -- spot checks -------------------------------------------------------------------------------------------------
def test_spot_checks_and_unexcused_absences(workbook: Workbook, team: dict[str, Any]) -> None:
    zhao = team["people"]["赵志刚"]
    add = workbook.attendance.add_spot_check
    add(team["id"], zhao, "2018-03-02", "县委组织部督查组", present=False, excused=False, note="不在岗，未请假")
    add(team["id"], zhao, "2018-05-09", "乡党委督查组", present=False, excused=True, note="已请假")
    add(team["id"], zhao, "2018-11-30", "县纪委监委督查组", present=True)
    add(team["id"], zhao, "2018-11-21", "县纪委监委督查组", present=False)
    assert workbook.attendance.unexcused_absences(zhao, 2018) == 2
    assert workbook.attendance.unexcused_absences(zhao, "2017") == 0
    assert [s["checker"] for s in workbook.attendance.spot_checks(team["id"], "2018-11")] == [
        "县纪委监委督查组", "县纪委监委督查组"]


@pytest.mark.parametrize(("day", "checker", "message"), [
    ("2018-12-01", "乡党委督查组", "抽查日期：不能晚于今天"),
    ("2018-11-20", "", "抽查人：不能为空"),
    ("2017-11-20", "乡党委督查组", "抽查日期：2017-11-20该队员不在本工作队驻村期间"),
])
def test_bad_spot_check_saves_nothing(workbook: Workbook, team: dict[str, Any], day: str, checker: str,
                                      message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        workbook.attendance.add_spot_check(team["id"], team["people"]["赵志刚"], day, checker, False, False, "")
    assert str(caught.value) == message
    assert count(workbook, "spot_check") == 0


# -- ownership ---------------------------------------------------------------------------------------------------
def test_county_reads_township_attendance_but_writes_only_spot_checks(tmp_path, workbook: Workbook,
                                                                      team: dict[str, Any]) -> None:
    fill(workbook, team, "王建国", "2018-11", {"在村": 3})
    path = tmp_path / "county.sqlite3"
    workbook.db.execute("VACUUM INTO ?", [str(path)])
    with Workbook.open(path) as county:
        county.db.execute("UPDATE setting SET value = '\"140224\"' WHERE key = 'office.code'")
        county.db.conn.commit()
    with Workbook.open(path) as county:
        assert county.is_county
        grid = county.attendance.month_grid(team["id"], "2018-11")
        assert not grid.editable and len(grid.members[0].statuses) == 3
        wang = team["people"]["王建国"]
        with pytest.raises(NotOwnedError):
            county.attendance.set_day(team["id"], wang, "2018-11-04", "在村")
        with pytest.raises(NotOwnedError):
            county.attendance.add_leave(team["id"], wang, "2018-11-05", "2018-11-05", "事假")
        check = county.attendance.add_spot_check(team["id"], wang, "2018-11-20", "县委组织部督查组", False)
        assert check["owner"] == "140224"
        assert county.attendance.unexcused_absences(wang, 2018) == 1


def test_the_same_leave_for_several_members_is_all_or_nothing(workbook: Workbook, team: dict[str, Any]) -> None:
    wang, li = team["people"]["王建国"], team["people"]["李红梅"]
    workbook.attendance.add_leave(team["id"], li, "2018-11-06", "2018-11-06", "事假")
    before = (count(workbook, "leave_request"), count(workbook, "attendance"))
    with pytest.raises(ValidationError, match="与已登记的请假（2018-11-06至2018-11-06）重叠"):
        workbook.attendance.add_leaves(team["id"], [wang, li], "2018-11-05", "2018-11-06", "事假", "参加培训")
    assert (count(workbook, "leave_request"), count(workbook, "attendance")) == before
    leaves = workbook.attendance.add_leaves(team["id"], [wang, li], "2018-11-07", "2018-11-08", "事假")
    assert len(leaves) == 2 and count(workbook, "attendance") == before[1] + 4
