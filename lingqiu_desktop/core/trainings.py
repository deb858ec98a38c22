"""Trainings (培训): form input → clean values, and the reporting periods (month, quarter, year) of the totals.

A training counts in the period of its start date. Hours are 学时 of one attendee; reports multiply them by the
attendees marked present (学时人次). Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any, Final, Literal

from lingqiu_desktop.core.validation import (
    ValidationError,
    ValidationErrors,
    check_date_range,
    optional_phone,
    parse_date,
    parse_number,
    require,
    require_choice,
)

Raw = Mapping[str, Any]
PeriodKind = Literal["month", "quarter", "year"]

MAX_HOURS_PER_DAY: Final = 8          # a training day of more than 8 学时 is a typing mistake
EARLIEST: Final = date(2000, 1, 1)    # nothing in this work is older; 2108 for 2018 is caught by the late bound
LATEST_AHEAD: Final = timedelta(days=366)

PERIOD_KINDS: Final[dict[str, str]] = {"month": "按月", "quarter": "按季度", "year": "按年"}
_QUARTER_NAMES: Final = ("一", "二", "三", "四")

#: which kind of person (person.kind) usually makes up each audience, for "add all of a kind"
AUDIENCE_PERSON_KINDS: Final[dict[str, str]] = {
    "驻村工作队员": "工作队员", "第一书记": "第一书记", '村"两委"干部': "村干部",
}

FIELD_LABELS: Final[dict[str, str]] = {
    "title": "培训名称", "audience": "培训对象", "topic": "培训主题", "start_date": "开始日期", "end_date": "结束日期",
    "time_slots": "培训时段", "hours": "学时", "venue": "培训地点", "trainer": "主讲人", "trainer_post": "主讲人职务",
    "organiser": "主办单位", "remarks": "备注",
}


def _text(raw: Raw, key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def _number_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _dates(raw: Raw, today: date, errors: list[ValidationError]) -> tuple[date | None, date | None]:
    """Start and end; an empty end means a one-day training."""
    latest = today + LATEST_AHEAD
    start = end = None
    try:
        start = _bounded_date(_text(raw, "start_date"), "开始日期", latest)
    except ValidationError as exc:
        errors.append(exc)
    try:
        end_text = _text(raw, "end_date")
        end = _bounded_date(end_text, "结束日期", latest) if end_text else start
        check_date_range(start, end, "开始日期", "结束日期")
    except ValidationError as exc:
        errors.append(exc)
        end = None
    return start, end


def _bounded_date(text: str, field: str, latest: date) -> date:
    day = parse_date(text, field, earliest=EARLIEST)
    if day > latest:
        raise ValidationError(field, f"不能晚于{latest.isoformat()}（一年以后），请检查年份")
    return day


def _hours(text: str, days: int | None) -> float:
    """学时: more than 0 and at most 8 a day over the training's days."""
    hours = parse_number(text, "学时", minimum=0)
    if hours <= 0:
        raise ValidationError("学时", "应大于0")
    if days is not None and hours > MAX_HOURS_PER_DAY * days:
        limit = MAX_HOURS_PER_DAY * days
        raise ValidationError("学时", f"不能大于{limit}（共{days}天，每天最多{MAX_HOURS_PER_DAY}学时）")
    return round(hours, 1)


def clean_training(raw: Raw, audiences: Sequence[str], today: date) -> dict[str, Any]:
    """A training's own fields, every bad one reported at once (ValidationErrors)."""
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}
    for column, check in (("title", lambda: require(_text(raw, "title"), "培训名称")),
                          ("audience", lambda: require_choice(_text(raw, "audience"), "培训对象", audiences))):
        try:
            values[column] = check()
        except ValidationError as exc:
            errors.append(exc)
    start, end = _dates(raw, today, errors)
    days = (end - start).days + 1 if start and end else None
    try:
        values["hours"] = _hours(_text(raw, "hours"), days)
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise errors[0] if len(errors) == 1 else ValidationErrors(errors)
    assert start is not None and end is not None
    values.update(start_date=start.isoformat(), end_date=end.isoformat())
    for key in ("topic", "time_slots", "venue", "trainer", "trainer_post", "organiser", "remarks"):
        values[key] = _text(raw, key)
    return values


def clean_attendee(raw: Raw) -> dict[str, Any]:
    """An attendee typed in (not picked from people): the name is required, the rest optional."""
    errors: list[ValidationError] = []
    values: dict[str, Any] = {"unit": _text(raw, "unit"), "post": _text(raw, "post")}
    for column, check in (("name", lambda: require(_text(raw, "name"), "参训人员姓名")),
                          ("phone", lambda: optional_phone(_text(raw, "phone"), "联系电话"))):
        try:
            values[column] = check()
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise errors[0] if len(errors) == 1 else ValidationErrors(errors)
    return values


def training_days(start_date: str, end_date: str) -> int:
    return (date.fromisoformat(end_date) - date.fromisoformat(start_date)).days + 1


def format_hours(hours: float | None) -> str:
    return "" if hours is None else _number_text(round(float(hours), 1))


# ------------------------------------------------------------------------------------------------ periods

def period_of(day: date | str, kind: str) -> str:
    """The period a date falls in: 'YYYY-MM', 'YYYYQn' or 'YYYY'."""
    d = date.fromisoformat(day) if isinstance(day, str) else day
    if kind == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if kind == "quarter":
        return f"{d.year:04d}Q{(d.month + 2) // 3}"
    if kind == "year":
        return f"{d.year:04d}"
    raise ValueError(f"unknown period kind {kind!r}")


def period_kind(period: str) -> PeriodKind:
    if len(period) == 7 and period[4] == "-":
        return "month"
    if len(period) == 6 and period[4] == "Q" and period[5] in "1234":
        return "quarter"
    if len(period) == 4 and period.isdigit():
        return "year"
    raise ValueError(f"not a period: {period!r}")


def period_months(period: str) -> list[str]:
    """The months a period covers, as 'YYYY-MM'."""
    kind, year = period_kind(period), int(period[:4])
    if kind == "month":
        return [period]
    first, count = (3 * int(period[5]) - 2, 3) if kind == "quarter" else (1, 12)
    return [f"{year:04d}-{m:02d}" for m in range(first, first + count)]


def period_range(period: str) -> tuple[date, date]:
    """The first and last day of a period."""
    months = period_months(period)
    first = date.fromisoformat(months[0] + "-01")
    year, month = int(months[-1][:4]), int(months[-1][5:])
    after = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first, after - timedelta(days=1)


def year_periods(kind: str, year: int) -> list[str]:
    """Every period of a kind in a year, in order."""
    if kind == "month":
        return [f"{year:04d}-{m:02d}" for m in range(1, 13)]
    if kind == "quarter":
        return [f"{year:04d}Q{q}" for q in range(1, 5)]
    if kind == "year":
        return [f"{year:04d}"]
    raise ValueError(f"unknown period kind {kind!r}")


def period_label(period: str) -> str:
    """'2018年3月', '2018年第一季度', '2018年'."""
    kind = period_kind(period)
    if kind == "month":
        return f"{period[:4]}年{int(period[5:])}月"
    if kind == "quarter":
        return f"{period[:4]}年第{_QUARTER_NAMES[int(period[5]) - 1]}季度"
    return f"{period}年"
