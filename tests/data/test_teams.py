"""Work teams through the Workbook: postings, roles, recall, 期满, the history of changes, the list and its search."""

from __future__ import annotations

import pytest

from tests.helpers import add_village, id_number

from lingqiu_desktop.core.people import clean_membership, clean_person, clean_team
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.listing import next_key
from lingqiu_desktop.data.store import NotOwnedError
from lingqiu_desktop.data.teams import TeamFilter

from lingqiu_desktop.workbook import Workbook


def _count(wb: Workbook, table: str) -> int:
    return wb.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def person(wb: Workbook, name: str, unit: str = "县扶贫办", kind: str = "干部") -> str:
    return wb.people.add(clean_person({"name": name, "id_number": id_number(), "unit": unit, "kind": kind}))["id"]


def team(wb: Workbook, village_id: str, start: str = "2018-03-01", **fields: str) -> dict:
    return wb.teams.add(clean_team({"village_id": village_id, "sending_unit": "县财政局", "start_date": start,
                                    **fields}, village_name="下野窝村"))


def post(wb: Workbook, team_id: str, person_id: str, role: str = "队员", start: str = "2018-03-01") -> dict:
    return wb.teams.add_member(team_id, clean_membership({"person_id": person_id, "role": role, "start_date": start}))


def history(wb: Workbook, team_id: str) -> list[tuple[str, str, str]]:
    return [(e["event_date"], e["kind"], e["detail"]) for e in wb.teams.history(team_id)]


@pytest.fixture
def village(workbook: Workbook) -> dict:
    return add_village(workbook)


def test_team_and_members_with_every_step_in_the_history(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"])
    assert t["name"] == "下野窝村驻村工作队" and t["township_code"] == workbook.office_code
    a, b, c = person(workbook, "张先云"), person(workbook, "李明"), person(workbook, "王芳")
    ma = post(workbook, t["id"], a, "第一书记")
    post(workbook, t["id"], b, "队长", "2018-03-05")
    mc = post(workbook, t["id"], c, "队员", "2018-03-05")
    row = workbook.teams.get(t["id"])
    assert row["first_secretary_id"] == a and row["leader_person_id"] == b
    workbook.teams.recall_member(mc["id"], "2018-09-10", "长期不在岗")
    workbook.teams.end_posting(ma["id"], "2018-10-31")
    assert history(workbook, t["id"]) == [
        ("2018-03-01", "成立", "下野窝村驻村工作队成立，派出单位：县财政局"),
        ("2018-03-01", "成员进驻", "张先云进驻，任第一书记"),
        ("2018-03-01", "角色变更", "第一书记：（空缺） → 张先云"),
        ("2018-03-01", "队长变更", "队长：（空缺） → 张先云"),
        ("2018-03-05", "成员进驻", "李明进驻，任队长"),
        ("2018-03-05", "队长变更", "队长：张先云 → 李明"),
        ("2018-03-05", "成员进驻", "王芳进驻，任队员"),
        ("2018-09-10", "召回", "王芳召回离村：长期不在岗"),
        ("2018-10-31", "期满", "张先云期满离村"),
        ("2018-10-31", "角色变更", "第一书记：张先云 → （空缺）"),
    ]
    members = {m["name"]: m for m in workbook.teams.members(t["id"])}
    assert (members["王芳"]["status"], members["王芳"]["end_date"]) == ("召回", "2018-09-10")
    assert members["王芳"]["remarks"] == "长期不在岗"
    assert [m["name"] for m in workbook.teams.members(t["id"])] == ["李明", "张先云", "王芳"], "在岗 first"
    assert workbook.teams.get(t["id"])["first_secretary_id"] is None


def test_members_on_a_date_and_over_a_month(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"])
    a, b = person(workbook, "张先云"), person(workbook, "李明")
    post(workbook, t["id"], a)
    mb = post(workbook, t["id"], b, start="2018-05-20")
    workbook.teams.recall_member(mb["id"], "2018-07-10", "身体原因")
    names = lambda *args, **kw: [m["name"] for m in workbook.teams.members(t["id"], *args, **kw)]  # noqa: E731
    assert names("2018-04-01") == ["张先云"]
    assert names("2018-06-01") == ["张先云", "李明"]
    assert names("2018-07-10") == ["张先云", "李明"], "the recall day still counts"
    assert names("2018-07-11") == ["张先云"]
    assert names("2018-05-01", until="2018-05-31") == ["张先云", "李明"]


def test_first_secretary_leads_unless_a_leader_is_named(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"])
    a, b, c = person(workbook, "张先云"), person(workbook, "李明"), person(workbook, "王芳")
    post(workbook, t["id"], a, "队长")
    post(workbook, t["id"], b)
    workbook.teams.set_leader(t["id"], b, on_date="2018-04-01")
    roles = {m["name"]: m["role"] for m in workbook.teams.members(t["id"])}
    assert roles == {"李明": "队长", "张先云": "队员"}, "one 队长 at a time"
    workbook.teams.set_first_secretary(t["id"], c, on_date="2018-05-01")
    row = workbook.teams.get(t["id"])
    assert (row["leader_person_id"], row["first_secretary_id"]) == (b, c)
    assert workbook.people.get(c)["kind"] == "干部,第一书记", "posting adds the kind, so pickers find them"
    workbook.teams.set_leader(t["id"], c, on_date="2018-06-01")
    roles = {m["name"]: m["role"] for m in workbook.teams.members(t["id"])}
    assert roles == {"王芳": "第一书记", "李明": "队员", "张先云": "队员"}
    assert workbook.teams.get(t["id"])["leader_person_id"] == c
    workbook.teams.set_leader(t["id"], "", on_date="2018-07-01")
    assert workbook.teams.get(t["id"])["leader_person_id"] is None
    assert workbook.teams.get(t["id"])["first_secretary_id"] == c


def test_recalling_the_leader_leaves_the_post_vacant(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"])
    m = post(workbook, t["id"], person(workbook, "张先云"), "队长")
    workbook.teams.recall_member(m["id"], "2018-06-01", "不胜任")
    assert workbook.teams.get(t["id"])["leader_person_id"] is None
    assert history(workbook, t["id"])[-1] == ("2018-06-01", "队长变更", "队长：张先云 → （空缺）")
    with pytest.raises(ValidationError, match="已召回"):
        workbook.teams.recall_member(m["id"], "2018-06-02", "再次")


def test_a_person_is_posted_in_one_team_at_a_time(workbook: Workbook, village: dict) -> None:
    other = add_village(workbook, "202", "上北泉村")
    t1, t2 = team(workbook, village["id"]), team(workbook, other["id"], name="上北泉村驻村工作队")
    a = person(workbook, "张先云")
    m = post(workbook, t1["id"], a)
    with pytest.raises(ValidationError, match="张先云目前在下野窝村驻村工作队在岗"):
        post(workbook, t2["id"], a)
    with pytest.raises(ValidationError, match="张先云目前在"):
        post(workbook, t1["id"], a)
    workbook.teams.end_posting(m["id"], "2018-08-31")
    post(workbook, t2["id"], a, start="2018-09-01")


def test_refusals_save_nothing(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"])
    a = person(workbook, "张先云")
    before = {table: _count(workbook, table) for table in ("team_membership", "team_event", "work_team")}
    with pytest.raises(ValidationError, match="不能早于工作队派驻开始日期2018-03-01"):
        post(workbook, t["id"], a, start="2018-02-01")
    with pytest.raises(ValidationError, match="一村一队"):
        team(workbook, village["id"])
    assert {table: _count(workbook, table) for table in before} == before
    post(workbook, t["id"], a, start="2018-03-10")
    events = _count(workbook, "team_event")
    with pytest.raises(ValidationError, match="不能晚于最早的队员进驻日期2018-03-10"):
        workbook.teams.update(t["id"], {"start_date": "2018-04-01", "sending_unit": "县教育局"})
    assert workbook.teams.get(t["id"])["sending_unit"] == "县财政局"
    assert _count(workbook, "team_event") == events


def test_ending_the_team_ends_every_posting(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"])
    post(workbook, t["id"], person(workbook, "张先云"), start="2018-06-01")
    post(workbook, t["id"], person(workbook, "李明"))
    early = clean_team({**workbook.teams.get(t["id"]), "status": "期满", "end_date": "2018-05-01"}, today=None)
    with pytest.raises(ValidationError, match="派驻结束日期：不能早于队员张先云的进驻日期2018-06-01"):
        workbook.teams.update(t["id"], early)
    assert workbook.teams.get(t["id"])["status"] == "在岗"
    values = clean_team({**workbook.teams.get(t["id"]), "status": "期满", "end_date": "2018-11-20"},
                        today=workbook.today())
    workbook.teams.update(t["id"], values, on_date="2018-11-20")
    assert {(m["status"], m["end_date"]) for m in workbook.teams.members(t["id"])} == {("期满", "2018-11-20")}
    assert history(workbook, t["id"])[-1] == ("2018-11-20", "期满", "派驻期满，在岗队员李明、张先云一并离村")
    team(workbook, village["id"], start="2018-11-21")  # the village may now get its next team


def test_editing_a_team_records_what_changed(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"])
    workbook.teams.update(t["id"], {"sending_unit": "县教育局", "remarks": "轮换"}, on_date="2018-05-01")
    assert history(workbook, t["id"])[-1] == ("2018-05-01", "信息修改", "修改了派出单位、备注")
    audit = workbook.db.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'work_team' "
                                "AND action = 'update'").fetchone()[0]
    assert audit == 1


def test_update_member_role_and_back_to_active(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"])
    m = post(workbook, t["id"], person(workbook, "张先云"))
    workbook.teams.update_member(m["id"], {"role": "队长"}, on_date="2018-04-01")
    assert workbook.teams.get(t["id"])["leader_person_id"] == m["person_id"]
    workbook.teams.update_member(m["id"], {"status": "召回", "end_date": "2018-05-01", "remarks": "误"},
                                 on_date="2018-05-01")
    workbook.teams.update_member(m["id"], {"status": "在岗", "end_date": None}, on_date="2018-05-02")
    kinds = [e[1] for e in history(workbook, t["id"])]
    assert kinds[-4:] == ["召回", "队长变更", "信息修改", "队长变更"]
    with pytest.raises(ValidationError, match="不能更换人员"):
        workbook.teams.update_member(m["id"], {"person_id": person(workbook, "李明")})


def test_delete_team_only_when_unused(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"])
    post(workbook, t["id"], person(workbook, "张先云"))
    workbook.teams.delete(t["id"])
    assert _count(workbook, "work_team") == 0 and _count(workbook, "team_event") == 0
    assert _count(workbook, "team_membership") == 0
    t = team(workbook, village["id"])
    workbook.db.execute("INSERT INTO visit (id, owner, township_code, village_id, team_id, visit_date, kind, "
                        "created_at, updated_at) VALUES ('v1', ?, ?, ?, ?, '2018-05-01', '入户走访', 'x', 'x')",
                        [workbook.office_code, workbook.office_code, village["id"], t["id"]])
    with pytest.raises(ValidationError, match="不能删除"):
        workbook.teams.delete(t["id"])


def test_other_offices_teams_are_read_only(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"])
    workbook.db.execute("UPDATE work_team SET owner = '140224102' WHERE id = ?", [t["id"]])
    with pytest.raises(NotOwnedError):
        post(workbook, t["id"], person(workbook, "张先云"))


def test_warnings_for_a_small_team(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"], end_date="2019-03-01")
    post(workbook, t["id"], person(workbook, "张先云"))
    assert workbook.teams.warnings(t["id"]) == ["在岗队员1人，少于一般要求的3人", "尚未确定队长", "派驻期限不足2年"]
    workbook.settings.set("team.min_members", 1)
    assert "在岗队员1人，少于一般要求的3人" not in workbook.teams.warnings(t["id"])


def test_list_filters_search_and_paging(workbook: Workbook, village: dict) -> None:
    other = add_village(workbook, "202", "上北泉村")
    t1, t2 = team(workbook, village["id"]), team(workbook, other["id"], name="上北泉村驻村工作队",
                                                  sending_unit="县教育局")
    post(workbook, t2["id"], person(workbook, "张先云"), "队长")

    def names(**kw: str) -> list[str]:
        return [r["name"] for r in workbook.list_page("team", TeamFilter(**kw), None)]

    assert names() == ["下野窝村驻村工作队", "上北泉村驻村工作队"], "village code order"
    assert names(text="zxy") == ["上北泉村驻村工作队"], "a member's initials"
    assert names(text="xyw") == ["下野窝村驻村工作队"], "the village's initials"
    assert names(text="教育") == ["上北泉村驻村工作队"], "the sending unit"
    assert names(text="张先") == ["上北泉村驻村工作队"]
    assert names(village_id=village["id"]) == ["下野窝村驻村工作队"]
    assert names(status="期满") == []
    row = workbook.list_page("team", TeamFilter(text="zxy"), None)[0]
    assert (row["leader"], row["member_count"], row["matched_member"]) == ("张先云", 1, "张先云（队长）")
    first = workbook.list_page("team", TeamFilter(sort="start_date"), None, limit=1)
    rest = workbook.list_page("team", TeamFilter(sort="start_date"), next_key(first), limit=5)
    assert {r["id"] for r in first + rest} == {t1["id"], t2["id"]}
    assert workbook.list_count("team", TeamFilter(text="zxy")) == 1


def test_pickers_and_village_teams(workbook: Workbook, village: dict) -> None:
    t = team(workbook, village["id"], status="期满", end_date="2018-02-28", start="2016-03-01")
    t2 = team(workbook, village["id"], start="2018-03-01")
    assert [r["id"] for r in workbook.teams.teams_of_village(village["id"])] == [t2["id"], t["id"]]
    active = workbook.teams.active_teams(workbook.office_code)
    assert [(r["id"], r["village"]) for r in active] == [(t2["id"], "下野窝村")]
    assert workbook.teams.active_teams("140224102") == []
