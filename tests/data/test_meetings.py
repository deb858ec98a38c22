"""Meeting records: the 联席会 with its decisions, owners and due dates, the Monday 例会 of a week, overdue decisions,
and the meeting list's filters."""

from __future__ import annotations

from datetime import date

import pytest

from lingqiu_desktop.core.validation import ValidationError, ValidationErrors

from lingqiu_desktop.data import listing
from lingqiu_desktop.data.meetings import SPEC, MeetingFilter, MeetingRepository
from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.workbook import Workbook

TODAY = date(2018, 11, 30)
JOINT = {"kind": "联席会", "meeting_date": "2018-09-18", "title": "脱贫攻坚联席会议（第2次）",
         "attendees": "县委书记、县长、各乡镇党委书记", "minutes": "研究部署第四季度工作"}
DECISIONS = [
    {"decision": "易地搬迁组月底前完成旧房拆除统计", "responsible": "易地搬迁组", "due_date": "2018-09-30"},
    {"decision": "金融扶贫组清理逾期贷款", "responsible": "金融扶贫组", "due_date": "2018-12-15"},
]


@pytest.fixture
def meetings(workbook: Workbook) -> MeetingRepository:
    return MeetingRepository(workbook.store)


def counts(wb: Workbook) -> tuple[int, ...]:
    return tuple(wb.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                 for t in ("meeting", "meeting_decision", "audit_log"))


def rows(wb: Workbook, flt: MeetingFilter) -> list[dict]:
    return listing.fetch_page(wb.db, SPEC, flt.query(), None, 50)


def test_a_joint_meeting_with_two_decisions(workbook: Workbook, meetings: MeetingRepository) -> None:
    meeting = meetings.add(JOINT, DECISIONS, today=TODAY)
    saved = meetings.decisions(meeting["id"])
    assert [(d["decision"], d["responsible"], d["due_date"], d["done"], d["sort_order"]) for d in saved] == [
        ("易地搬迁组月底前完成旧房拆除统计", "易地搬迁组", "2018-09-30", 0, 0),
        ("金融扶贫组清理逾期贷款", "金融扶贫组", "2018-12-15", 0, 1)]
    assert [d["decision"] for d in meetings.overdue(TODAY)] == ["易地搬迁组月底前完成旧房拆除统计"]
    meetings.mark_done(saved[0]["id"])
    assert meetings.overdue(TODAY) == []
    assert meetings.overdue(date(2018, 12, 16))[0]["title"] == "脱贫攻坚联席会议（第2次）"


@pytest.mark.parametrize("meeting, decisions, message", [
    (JOINT, [{**DECISIONS[0], "due_date": "2018-09-17"}], "第1条决定的完成时限：不能早于会议日期2018-09-18"),
    (JOINT, [DECISIONS[0], {**DECISIONS[1], "responsible": ""}], "第2条决定的责任人：不能为空"),
    (JOINT, [{"decision": "", "responsible": "宣传报道组"}], "第1条决定的决定事项：不能为空"),
    ({**JOINT, "meeting_date": "2018-12-03"}, DECISIONS, "会议日期：不能晚于今天"),
    ({**JOINT, "kind": ""}, DECISIONS, "会议类型：不能为空"),
])
def test_bad_meetings_save_nothing(workbook: Workbook, meetings: MeetingRepository, meeting: dict,
                                   decisions: list, message: str) -> None:
    before = counts(workbook)
    with pytest.raises(ValidationError) as caught:
        meetings.add(meeting, decisions, today=TODAY)
    assert str(caught.value) == message
    assert counts(workbook) == before


def test_every_problem_of_meeting_and_decisions_at_once(meetings: MeetingRepository) -> None:
    with pytest.raises(ValidationErrors) as caught:
        meetings.add({**JOINT, "meeting_date": ""}, [{**DECISIONS[0], "responsible": ""}], today=TODAY)
    assert str(caught.value) == "会议日期：不能为空；第1条决定的责任人：不能为空"


def test_update_replaces_the_decision_list(workbook: Workbook, meetings: MeetingRepository) -> None:
    meeting = meetings.add(JOINT, DECISIONS, today=TODAY)
    first, second = meetings.decisions(meeting["id"])
    new_list = [{**second, "done": 1}, {"decision": "宣传报道组每周报送工作动态", "responsible": "宣传报道组"}]
    meetings.update(meeting["id"], {**JOINT, "minutes": "补充纪要"}, new_list, today=TODAY)
    saved = meetings.decisions(meeting["id"])
    assert [(d["id"] == second["id"], d["decision"], d["done"], d["due_date"]) for d in saved] == [
        (True, "金融扶贫组清理逾期贷款", 1, "2018-12-15"), (False, "宣传报道组每周报送工作动态", 0, None)]
    assert meetings.get(meeting["id"])["minutes"] == "补充纪要"
    assert workbook.db.execute("SELECT COUNT(*) FROM meeting_decision WHERE id = ?", [first["id"]]).fetchone()[0] == 0


def test_moving_the_meeting_after_a_due_date_is_refused(workbook: Workbook, meetings: MeetingRepository) -> None:
    meeting = meetings.add(JOINT, DECISIONS, today=TODAY)
    before = counts(workbook)
    with pytest.raises(ValidationError, match="第1条决定的完成时限：不能早于会议日期2018-10-08"):
        meetings.update(meeting["id"], {**JOINT, "meeting_date": "2018-10-08"}, today=TODAY)
    with pytest.raises(ValidationError, match="完成时限：不能早于会议日期2018-09-18"):
        meetings.add_decision(meeting["id"], {**DECISIONS[0], "due_date": "2018-09-01"})
    assert counts(workbook) == before
    meetings.update_decision(meetings.decisions(meeting["id"])[0]["id"], {**DECISIONS[0], "due_date": "2018-10-31"})
    meetings.update(meeting["id"], {**JOINT, "meeting_date": "2018-10-08"}, today=TODAY)
    assert meetings.get(meeting["id"])["meeting_date"] == "2018-10-08"


def test_one_monday_meeting_a_week(workbook: Workbook, meetings: MeetingRepository) -> None:
    monday = meetings.add({"kind": "例会", "meeting_date": "2018-11-26", "minutes": "听取各工作组汇报"}, today=TODAY)
    assert monday["title"] == "2018年11月26日脱贫攻坚工作例会"
    assert meetings.for_week("2018-11-29")["id"] == monday["id"]
    assert meetings.for_week("2018-11-19") is None
    meetings.add({"kind": "联席会", "meeting_date": "2018-11-27"}, today=TODAY)  # a joint meeting that week is fine
    before = counts(workbook)
    with pytest.raises(ValidationError) as caught:
        meetings.add({"kind": "例会", "meeting_date": "2018-11-28"}, today=TODAY)
    assert str(caught.value) == "会议日期：这一周已有例会记录（2018-11-26），请修改原记录"
    assert counts(workbook) == before
    meetings.update(monday["id"], {"kind": "例会", "meeting_date": "2018-11-27", "minutes": "改期"}, today=TODAY)


def test_delete_takes_the_decisions_along(workbook: Workbook, meetings: MeetingRepository) -> None:
    meeting = meetings.add(JOINT, DECISIONS, today=TODAY)
    meetings.delete(meeting["id"])
    assert counts(workbook)[:2] == (0, 0)


def test_the_county_cannot_change_a_townships_meeting(workbook: Workbook, meetings: MeetingRepository) -> None:
    meeting = meetings.add(JOINT, DECISIONS, today=TODAY)
    county = MeetingRepository(Workbook(workbook.db, workbook.path, "140224").store)
    decision = meetings.decisions(meeting["id"])[0]
    before = counts(workbook)
    for attempt in (lambda: county.delete(meeting["id"]), lambda: county.add_decision(meeting["id"], DECISIONS[0]),
                    lambda: county.mark_done(decision["id"]),
                    lambda: county.update(meeting["id"], JOINT, [], today=TODAY)):
        with pytest.raises(NotOwnedError):
            attempt()
    assert counts(workbook) == before


def test_the_list_filters_by_kind_date_text_and_overdue(workbook: Workbook, meetings: MeetingRepository) -> None:
    joint = meetings.add(JOINT, DECISIONS, today=TODAY)
    meetings.add({"kind": "例会", "meeting_date": "2018-11-26", "minutes": "点名通报滞后的组"},
                 [{"decision": "督查考核组下周开展暗访", "responsible": "督查考核组", "due_date": "2018-12-07"}],
                 today=TODAY)
    today = TODAY.isoformat()
    listed = rows(workbook, MeetingFilter(today=today))
    assert [(r["kind"], r["decisions"], r["open"], r["overdue"]) for r in listed] == [("例会", 1, 1, 0),
                                                                                      ("联席会", 2, 2, 1)]
    assert listed[1]["office"] == "东河南镇"
    assert [r["id"] for r in rows(workbook, MeetingFilter(today=today, overdue_only=True))] == [joint["id"]]
    assert [r["kind"] for r in rows(workbook, MeetingFilter(kind="例会"))] == ["例会"]
    assert [r["kind"] for r in rows(workbook, MeetingFilter(date_to="2018-10-01"))] == ["联席会"]
    assert [r["kind"] for r in rows(workbook, MeetingFilter(text="暗访"))] == ["例会"]   # a decision's text
    assert [r["kind"] for r in rows(workbook, MeetingFilter(text="滞后"))] == ["例会"]   # the minutes
    assert rows(workbook, MeetingFilter(owner="140224")) == []
    assert listing.count_rows(workbook.db, SPEC, MeetingFilter(date_from="2018-11-01").query()) == 1
