"""clean_visit: what a visit form may hold, and the exact Chinese message for each bad field."""

from __future__ import annotations

from datetime import date

import pytest

from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.validation import ValidationError, ValidationErrors
from lingqiu_desktop.core.visits import clean_visit, follow_up_state, visitor_list

TODAY = date(2018, 11, 30)
KINDS = DEFAULTS["visit.kinds"]


def raw(**changes: object) -> dict:
    base = {"visit_date": "2018-11-20", "household_id": "h1", "kind": "入户走访", "visitor_ids": ["p1", "p2"],
            "weather": " 晴 ", "situation": "  全家4口人 ", "problems": "缺劳力\n", "actions": "联系务工",
            "promise": "两周内回访", "follow_up_due": "2018-12-04", "signed": "签字", "photo_ref": " IMG_1 "}
    return {**base, **changes}


def test_a_household_visit_is_cleaned() -> None:
    values = clean_visit(raw(), TODAY, KINDS)
    assert values == {
        "household_id": "h1", "visit_date": "2018-11-20", "kind": "入户走访", "visitor_ids": ["p1", "p2"],
        "weather": "晴", "situation": "全家4口人", "problems": "缺劳力", "actions": "联系务工",
        "promise": "两周内回访", "follow_up_due": "2018-12-04", "signed": "签字", "photo_ref": "IMG_1",
    }


def test_a_village_log_needs_no_household() -> None:
    values = clean_visit(raw(household_id="", village_log=True, village_id="v1"), TODAY, KINDS)
    assert values["household_id"] is None and values["village_id"] == "v1"


@pytest.mark.parametrize(("typed", "stored"), [
    ("20181120", "2018-11-20"), ("2018/11/20", "2018-11-20"), ("2018年11月20日", "2018-11-20"),
    ("2018-11-30", "2018-11-30"), ("2014-01-01", "2014-01-01"),
])
def test_dates_are_typed_as_clerks_type_them(typed: str, stored: str) -> None:
    assert clean_visit(raw(visit_date=typed, follow_up_due=""), TODAY, KINDS)["visit_date"] == stored


@pytest.mark.parametrize(("changes", "message"), [
    ({"visit_date": ""}, "走访日期：不能为空"),
    ({"visit_date": "2018-12-01"}, "走访日期：不能晚于今天"),
    ({"visit_date": "2013-12-31"}, "走访日期：不能早于2014-01-01"),
    ({"visit_date": "2018-02-30"}, "走访日期：2018-02-30不是有效日期"),
    ({"visit_date": "上周三"}, "走访日期：日期格式应为YYYY-MM-DD"),
    ({"household_id": ""}, "走访对象：请选择贫困户，或勾选村情日志"),
    ({"household_id": "", "village_log": True}, "所属村：村情日志须选择所属村"),
    ({"kind": ""}, "走访类型：不能为空"),
    ({"kind": "串门"}, "走访类型：应为以下之一：" + "、".join(KINDS)),
    ({"visitor_ids": []}, "走访人：至少选择一名走访人"),
    ({"visitor_ids": ["", "  "]}, "走访人：至少选择一名走访人"),
    ({"follow_up_due": "2018-11-19"}, "回访期限：不能早于走访日期"),
    ({"follow_up_due": "12月"}, "回访期限：日期格式应为YYYY-MM-DD"),
    ({"signed": "盖章"}, "户主签字：应为以下之一：无、签字、手印"),
])
def test_bad_input_names_the_field(changes: dict, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_visit(raw(**changes), TODAY, KINDS)
    assert str(caught.value) == message


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationErrors) as caught:
        clean_visit(raw(visit_date="2019-01-01", household_id="", kind="", visitor_ids=[], signed="x"), TODAY, KINDS)
    assert [e.field for e in caught.value.errors] == ["走访日期", "走访对象", "走访类型", "走访人", "户主签字"]


def test_a_follow_up_on_the_visit_day_or_later_is_fine_even_after_today() -> None:
    assert clean_visit(raw(follow_up_due="2018-11-20"), TODAY, KINDS)["follow_up_due"] == "2018-11-20"
    assert clean_visit(raw(follow_up_due="2019-03-01"), TODAY, KINDS)["follow_up_due"] == "2019-03-01"
    assert clean_visit(raw(follow_up_due="  "), TODAY, KINDS)["follow_up_due"] is None


@pytest.mark.parametrize(("typed", "stored"), [("", ""), ("无", ""), ("签字", "签字"), ("手印", "手印")])
def test_signature(typed: str, stored: str) -> None:
    assert clean_visit(raw(signed=typed), TODAY, KINDS)["signed"] == stored


def test_kinds_come_from_the_settings_list() -> None:
    assert clean_visit(raw(kind="夜访"), TODAY, ["夜访"])["kind"] == "夜访"


def test_the_household_wins_over_a_stale_village_log_tick() -> None:
    values = clean_visit(raw(village_log=True, village_id="v1"), TODAY, KINDS)
    assert values["household_id"] == "h1" and "village_id" not in values


def test_visitor_list_keeps_order_and_drops_repeats() -> None:
    assert visitor_list(["b", "a", "b", "", None, " c "]) == ["b", "a", "c"]  # type: ignore[list-item]


@pytest.mark.parametrize(("due", "done", "state"), [
    (None, None, ""), ("2018-11-29", None, "已逾期"), ("2018-11-30", None, "待回访"),
    ("2018-12-10", None, "待回访"), ("2018-11-01", "2018-11-05", "已回访"),
])
def test_follow_up_state(due: str | None, done: str | None, state: str) -> None:
    assert follow_up_state(due, done, TODAY) == state
    assert follow_up_state(due, done, "2018-11-30") == state
