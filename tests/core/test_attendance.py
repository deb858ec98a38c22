"""core.attendance: month days, grid keys, the monthly requirement, leave and spot-check input, the cap rule."""

from __future__ import annotations

from datetime import date

import pytest

from lingqiu_desktop.core import attendance as rules
from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.validation import ValidationError

SCALE = DEFAULTS["assessment.ratings"]
CAPS = DEFAULTS["assessment.absence_caps"]


def test_month_days_and_weekends() -> None:
    days = rules.month_days("2018-2")
    assert (days[0], days[-1], len(days)) == (date(2018, 2, 1), date(2018, 2, 28), 28)
    assert len(rules.month_days("2016-02")) == 29
    assert rules.month_bounds("2018年11月") == (date(2018, 11, 1), date(2018, 11, 30))
    assert rules.is_weekend(date(2018, 11, 3)) and not rules.is_weekend(date(2018, 11, 5))
    with pytest.raises(ValidationError, match="月份：13月不存在"):
        rules.month_days("2018-13")


@pytest.mark.parametrize(("key", "status"), [
    ("z", "在村"), ("Z", "在村"), ("1", "在村"), ("j", "请假"), ("2", "请假"), ("c", "出差"), ("3", "出差"),
    ("q", "缺勤"), ("4", "缺勤"), ("x", None), ("5", None), ("", None), ("zz", None),
])
def test_grid_keys(key: str, status: str | None) -> None:
    assert rules.status_for_key(key) == status


@pytest.mark.parametrize(("required", "length", "posted", "expected"), [
    (20, 30, 30, 20), (20, 31, 31, 20), (20, 30, 15, 10), (20, 30, 16, 11), (20, 31, 1, 1), (20, 28, 0, 0),
])
def test_requirement_is_prorated_and_rounded_up(required: int, length: int, posted: int, expected: int) -> None:
    assert rules.required_days(required, length, posted) == expected


def _statuses(month: str, pattern: dict[str, int]) -> dict[date, str]:
    """{'在村': 15, '出差': 3, …} laid out from the first of the month."""
    days = iter(rules.month_days(month))
    return {next(days): status for status, n in pattern.items() for _ in range(n)}


def test_trips_count_as_days_in_the_village_by_default() -> None:
    days = rules.month_days("2018-11")
    statuses = _statuses("2018-11", {"在村": 18, "出差": 2, "请假": 5, "缺勤": 1})
    total = rules.month_total(statuses, days, 20, 30, today=date(2018, 12, 5))
    assert (total.in_village, total.required, total.below) == (20, 20, False)
    strict = rules.month_total(statuses, days, 20, 30, today=date(2018, 12, 5), trips_count=False)
    assert (strict.in_village, strict.below, strict.shortfall) == (18, True, 2)


def test_a_running_month_is_flagged_only_when_the_requirement_is_out_of_reach() -> None:
    days = rules.month_days("2018-11")
    statuses = _statuses("2018-11", {"在村": 5, "请假": 5})  # 1st-10th
    on_time = rules.month_total(statuses, days, 20, 30, today=date(2018, 11, 10))
    assert (on_time.remaining_days, on_time.below) == (20, False)  # 5 + 20 days still to come ≥ 20
    late = rules.month_total(statuses, days, 20, 30, today=date(2018, 11, 20))
    assert (late.remaining_days, late.below, late.shortfall) == (10, True, 5)


def test_days_outside_the_posting_do_not_count() -> None:
    days = rules.month_days("2018-11")
    posted = rules.posted_days(days, "2018-11-16", None)
    assert len(posted) == 15
    statuses = {d: "在村" for d in days}  # rows before the posting (bad data) are ignored
    total = rules.month_total(statuses, posted, 20, 30, today=date(2018, 12, 1))
    assert (total.in_village, total.required, total.below) == (15, 10, False)
    assert rules.posted_days(days, "2017-01-01", "2018-11-03") == days[:3]


# ---------------------------------------------------------------- leave

GOOD_LEAVE = {"start_date": "2018-11-05", "end_date": "2018-11-06", "leave_type": "病假", "reason": "感冒发烧",
              "approver": ""}


def test_clean_leave() -> None:
    values = rules.clean_leave({**GOOD_LEAVE, "start_date": "2018/11/5", "approved_on": "2018年11月4日"})
    assert values == {"start_date": "2018-11-05", "end_date": "2018-11-06", "leave_type": "病假",
                      "reason": "感冒发烧", "approver": "", "approved_on": "2018-11-04"}


@pytest.mark.parametrize(("changes", "message"), [
    ({"end_date": "2018-11-04"}, "结束日期：不能早于开始日期"),
    ({"leave_type": ""}, "请假类型：不能为空"),
    ({"leave_type": "探亲假"}, "请假类型：应为以下之一：事假、病假、年休假、婚丧假、其他"),
    ({"start_date": ""}, "开始日期：不能为空"),
    ({"start_date": "2018-11-31"}, "开始日期：2018-11-31不是有效日期"),
    ({"end_date": "2018-11-09"}, "审批人：请假5天，超过3天须填写县级审批人（县委组织部）"),
    ({"end_date": "2019-11-06"}, "结束日期：请假共367天，超过90天，请检查日期"),
    ({"approved_on": "昨天"}, "审批日期：日期格式应为YYYY-MM-DD"),
])
def test_bad_leave(changes: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        rules.clean_leave({**GOOD_LEAVE, **changes})
    assert str(caught.value) == message


def test_leave_threshold_is_a_parameter() -> None:
    four_days = {**GOOD_LEAVE, "end_date": "2018-11-08"}
    assert rules.clean_leave(four_days, county_days=5)["approver"] == ""
    assert rules.clean_leave({**four_days, "approver": "县委组织部 王明"})["approver"] == "县委组织部 王明"
    assert rules.leave_rule_text(4) == "共4天，超过3天，须经县委组织部审批，请填写审批人"
    assert rules.leave_rule_text(2) == "共2天，由乡镇党委审批"


def test_several_leave_problems_are_reported_together() -> None:
    with pytest.raises(ValidationError) as caught:
        rules.clean_leave({**GOOD_LEAVE, "start_date": "", "leave_type": ""})
    assert str(caught.value) == "开始日期：不能为空；请假类型：不能为空"


# ---------------------------------------------------------------- spot checks

TODAY = date(2018, 11, 30)


def test_clean_spot_check() -> None:
    values = rules.clean_spot_check({"check_date": "2018-11-30", "checker": " 县委组织部督查组 ", "present": False,
                                     "excused": True, "note": "已请假"}, TODAY)
    assert values == {"check_date": "2018-11-30", "checker": "县委组织部督查组", "present": 0, "excused": 1,
                      "note": "已请假"}
    present = rules.clean_spot_check({"check_date": "2018-11-02", "checker": "乡党委", "present": True,
                                      "excused": True}, TODAY)
    assert (present["present"], present["excused"]) == (1, 0)  # someone at his post needs no excuse


@pytest.mark.parametrize(("changes", "message"), [
    ({"check_date": "2018-12-01"}, "抽查日期：不能晚于今天"),
    ({"check_date": ""}, "抽查日期：不能为空"),
    ({"checker": "  "}, "抽查人：不能为空"),
])
def test_bad_spot_check(changes: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        rules.clean_spot_check({"check_date": "2018-11-20", "checker": "乡党委督查组", "present": False, **changes},
                               TODAY)
    assert str(caught.value) == message


# ---------------------------------------------------------------- the cap rule: absences × proposed rating

CAP_TABLE = {
    # absences: what each proposed rating (优秀, 称职, 基本称职, 不称职) becomes
    0: ("优秀", "称职", "基本称职", "不称职"),
    1: ("称职", "称职", "基本称职", "不称职"),
    2: ("基本称职", "基本称职", "基本称职", "不称职"),
    3: ("不称职", "不称职", "不称职", "不称职"),
    4: ("不称职", "不称职", "不称职", "不称职"),
}


@pytest.mark.parametrize("absences", sorted(CAP_TABLE))
@pytest.mark.parametrize("proposed", SCALE)
def test_cap_rule_table(absences: int, proposed: str) -> None:
    expected = CAP_TABLE[absences][SCALE.index(proposed)]
    rating, reason = rules.capped_rating(proposed, absences, SCALE, CAPS)
    assert rating == expected
    if expected == proposed:
        assert reason == ""
    else:
        assert reason == f"抽查发现无故缺勤{absences}次，最高评为{expected}（原拟评{proposed}）"


def test_cap_rule_follows_the_settings() -> None:
    three = ["优秀", "称职", "不称职"]  # Sichuan's scale
    caps = {"1": "称职", "3": "不称职"}
    assert rules.capped_rating("优秀", 2, three, caps) == ("称职", "抽查发现无故缺勤2次，最高评为称职（原拟评优秀）")
    assert rules.capped_rating("称职", 2, three, caps) == ("称职", "")
    assert rules.capped_rating("优秀", 5, three, {}) == ("优秀", "")
    with pytest.raises(ValidationError, match="拟评等次：应为以下之一：优秀、称职、不称职"):
        rules.capped_rating("基本称职", 0, three, caps)
    with pytest.raises(ValidationError, match="“基本称职”不在考核等次"):
        rules.capped_rating("优秀", 2, three, CAPS)
