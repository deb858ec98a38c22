"""core.trainings: a training's fields (every bad one at once, in Chinese) and the reporting periods."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.trainings import (
    clean_attendee,
    clean_training,
    format_hours,
    period_kind,
    period_label,
    period_months,
    period_of,
    period_range,
    training_days,
    year_periods,
)
from lingqiu_desktop.core.validation import ValidationError, ValidationErrors

AUDIENCES = DEFAULTS["training.audiences"]
TODAY = date(2018, 11, 30)
GOOD = {"title": "东河南镇第一书记培训班", "audience": "第一书记", "start_date": "2018-11-20", "end_date": "2018-11-21",
        "hours": "12", "time_slots": "上午 9:00-11:30；下午 14:30-17:00", "venue": "镇党校", "trainer": "王云刚",
        "trainer_post": "县委党校讲师", "organiser": "县委组织部", "topic": "抓党建促脱贫攻坚", "remarks": ""}


def test_clean_training_keeps_every_field() -> None:
    values = clean_training(GOOD, AUDIENCES, TODAY)
    assert values == {**GOOD, "hours": 12.0}


def test_an_empty_end_date_means_a_one_day_training_and_dates_are_normalised() -> None:
    values = clean_training({**GOOD, "start_date": "2018年11月5日", "end_date": "", "hours": "2.5"}, AUDIENCES, TODAY)
    assert (values["start_date"], values["end_date"], values["hours"]) == ("2018-11-05", "2018-11-05", 2.5)


def test_a_planned_training_may_lie_ahead() -> None:
    values = clean_training({**GOOD, "start_date": "2019-03-01", "end_date": "2019-03-01", "hours": "3"},
                            AUDIENCES, TODAY)
    assert values["start_date"] == "2019-03-01"


@pytest.mark.parametrize(("changes", "message"), [
    ({"title": "  "}, "培训名称：不能为空"),
    ({"audience": ""}, "培训对象：不能为空"),
    ({"audience": "群众"}, '培训对象：应为以下之一：驻村工作队员、第一书记、村"两委"干部、贫困户技能培训'),
    ({"start_date": ""}, "开始日期：不能为空"),
    ({"start_date": "2018-02-30", "end_date": ""}, "开始日期：2018-02-30不是有效日期"),
    ({"start_date": "11/20"}, "开始日期：日期格式应为YYYY-MM-DD"),
    ({"start_date": "1998-11-20"}, "开始日期：不能早于2000-01-01"),
    ({"start_date": "2108-11-20", "end_date": ""}, "开始日期：不能晚于2019-12-01（一年以后），请检查年份"),
    ({"end_date": "2018-11-19"}, "结束日期：不能早于开始日期"),
    ({"hours": ""}, "学时：不能为空"),
    ({"hours": "0"}, "学时：应大于0"),
    ({"hours": "-2"}, "学时：不能小于0"),
    ({"hours": "三"}, "学时：应为数字"),
    ({"hours": "16.5"}, "学时：不能大于16（共2天，每天最多8学时）"),
    ({"end_date": "", "hours": "9"}, "学时：不能大于8（共1天，每天最多8学时）"),
])
def test_bad_input_is_refused_in_chinese(changes: dict, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_training({**GOOD, **changes}, AUDIENCES, TODAY)
    assert str(caught.value) == message


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationErrors) as caught:
        clean_training({**GOOD, "title": "", "audience": "", "end_date": "2018-11-01", "hours": "0"},
                       AUDIENCES, TODAY)
    assert [e.field for e in caught.value.errors] == ["培训名称", "培训对象", "结束日期", "学时"]


def test_audiences_come_from_the_settings_list() -> None:
    values = clean_training({**GOOD, "audience": "致富带头人"}, ["致富带头人"], TODAY)
    assert values["audience"] == "致富带头人"


def test_clean_attendee() -> None:
    assert clean_attendee({"name": " 李明 ", "unit": "上北泉村", "phone": "138 1234 5678"}) == {
        "name": "李明", "unit": "上北泉村", "post": "", "phone": "13812345678"}
    with pytest.raises(ValidationErrors) as caught:
        clean_attendee({"name": "", "phone": "123"})
    assert str(caught.value) == "参训人员姓名：不能为空；联系电话：应为11位手机号或带区号的固定电话，如0352-8021234"


def test_days_and_hours_text() -> None:
    assert training_days("2018-02-27", "2018-03-01") == 3
    assert (format_hours(2.5), format_hours(13.0), format_hours(None)) == ("2.5", "13", "")


# -- periods ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("day", "month", "quarter", "year"), [
    ("2018-01-01", "2018-01", "2018Q1", "2018"), ("2018-03-31", "2018-03", "2018Q1", "2018"),
    ("2018-04-01", "2018-04", "2018Q2", "2018"), ("2018-09-30", "2018-09", "2018Q3", "2018"),
    ("2018-10-01", "2018-10", "2018Q4", "2018"), ("2018-12-31", "2018-12", "2018Q4", "2018"),
])
def test_period_of(day: str, month: str, quarter: str, year: str) -> None:
    assert (period_of(day, "month"), period_of(day, "quarter"), period_of(day, "year")) == (month, quarter, year)


def test_which_months_each_period_covers() -> None:
    assert period_months("2018-05") == ["2018-05"]
    assert period_months("2018Q2") == ["2018-04", "2018-05", "2018-06"]
    assert period_months("2018Q4") == ["2018-10", "2018-11", "2018-12"]
    assert period_months("2018") == [f"2018-{m:02d}" for m in range(1, 13)]
    assert period_range("2016-02") == (date(2016, 2, 1), date(2016, 2, 29))
    assert period_range("2018Q1") == (date(2018, 1, 1), date(2018, 3, 31))
    assert period_range("2018") == (date(2018, 1, 1), date(2018, 12, 31))


def test_period_labels_and_year_periods() -> None:
    assert [period_label(p) for p in ("2018-03", "2018Q2", "2018")] == ["2018年3月", "2018年第二季度", "2018年"]
    assert year_periods("quarter", 2018) == ["2018Q1", "2018Q2", "2018Q3", "2018Q4"]
    assert len(year_periods("month", 2018)) == 12 and year_periods("year", 2018) == ["2018"]
    for bad in ("2018-3", "2018Q5", "18"):
        with pytest.raises(ValueError):
            period_kind(bad)
    with pytest.raises(ValueError):
        period_of("2018-03-01", "week")


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(["month", "quarter",
                                                                                             "year"]))
def test_a_date_lies_in_its_period(day: date, kind: str) -> None:
    period = period_of(day, kind)
    first, last = period_range(period)
    assert first <= day <= last
    assert period_of(day, "month") in period_months(period)
    assert period in year_periods(kind, day.year)
