"""Attendance (考勤), leave and the assessment cap rule of work-team members (DOMAIN.md §1). Plain Python.

Choices made where the sources differ (each is a setting, with the default here, so a county can change it):

* **Trips count as days in the village** (``attendance.trips_count_in_village``, default True). Qinghai's rules
  count meetings and training away as days in the village, and a 出差 of a team member is nearly always county
  business for the village (材料报送, 例会, 培训). A county that disagrees turns the setting off.
* **The requirement is pro-rated** for a member posted for part of a month (20 days × 15 of 30 days → 10), and a
  month still running is judged only once the requirement can no longer be reached.
* **Leave above 3 days needs a named approver** (``attendance.leave_county_days``, default 3): the county
  organisation department approves it (zpol.cn rule). The program records who approved, it cannot check the level.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from lingqiu_desktop.core.validation import (
    ValidationError,
    ValidationErrors,
    check_date_range,
    collect,
    parse_date,
    parse_month,
    require,
    require_choice,
)

IN_VILLAGE: Final = "在村"
ON_LEAVE: Final = "请假"
ON_TRIP: Final = "出差"
ABSENT: Final = "缺勤"
STATUSES: Final = (IN_VILLAGE, ON_LEAVE, ON_TRIP, ABSENT)

#: What the grid shows in a day cell (one character keeps a 31-day month on a 1366-pixel screen).
SHORT: Final = {IN_VILLAGE: "在", ON_LEAVE: "假", ON_TRIP: "差", ABSENT: "缺"}

#: Keys of the grid: the pinyin initial (zai, jia, chu, que) and a digit for the number pad.
KEYS: Final = {"Z": IN_VILLAGE, "1": IN_VILLAGE, "J": ON_LEAVE, "2": ON_LEAVE, "C": ON_TRIP, "3": ON_TRIP,
               "Q": ABSENT, "4": ABSENT}

LEAVE_TYPES: Final = ("事假", "病假", "年休假", "婚丧假", "其他")
SPOT_CHECKERS: Final = ("县委组织部督查组", "县纪委监委督查组", "县脱贫攻坚督查组", "乡党委督查组")

# Settings keys proposed by this module, and their defaults (read with settings.get(key, default)).
REQUIRED_DAYS_KEY: Final = "attendance.required_days"
TRIPS_KEY: Final = "attendance.trips_count_in_village"
TRIPS_DEFAULT: Final = True
LEAVE_COUNTY_DAYS_KEY: Final = "attendance.leave_county_days"
LEAVE_COUNTY_DAYS_DEFAULT: Final = 3
LEAVE_TYPES_KEY: Final = "attendance.leave_types"
LEAVE_MAX_DAYS: Final = 90  # a longer span is a typing mistake (2018 for 2019), not a leave


# ---------------------------------------------------------------- months and days


def month_days(month: str) -> list[date]:
    """Every day of 'YYYY-MM'."""
    text = parse_month(month)
    year, number = int(text[:4]), int(text[5:])
    return [date(year, number, d) for d in range(1, calendar.monthrange(year, number)[1] + 1)]


def month_bounds(month: str) -> tuple[date, date]:
    days = month_days(month)
    return days[0], days[-1]


def days_between(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def in_village_statuses(trips_count: bool = TRIPS_DEFAULT) -> tuple[str, ...]:
    return (IN_VILLAGE, ON_TRIP) if trips_count else (IN_VILLAGE,)


def status_for_key(text: str) -> str | None:
    """The status a grid key stands for (z or Z, 1 …), or None."""
    return KEYS.get(text.upper()) if len(text) == 1 else None


# ---------------------------------------------------------------- the monthly requirement


@dataclass(frozen=True)
class MonthTotal:
    """One member's month: days in the village against the (pro-rated) requirement."""

    in_village: int
    required: int
    posted_days: int
    remaining_days: int  # posted days after the working date, still to come

    @property
    def below(self) -> bool:
        """Short of the requirement, and it can no longer be made up this month."""
        return self.in_village + self.remaining_days < self.required

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.in_village - self.remaining_days)


def required_days(required_per_month: int, month_length: int, posted_days: int) -> int:
    """The requirement for a member posted ``posted_days`` of the month, rounded up."""
    if posted_days >= month_length:
        return required_per_month
    return -(-required_per_month * posted_days // month_length)


def month_total(statuses: Mapping[date, str], posted: Sequence[date], required_per_month: int, month_length: int,
                today: date, trips_count: bool = TRIPS_DEFAULT) -> MonthTotal:
    """Count the days in the village among the ``posted`` days of the month (days outside the posting never count)."""
    counted = in_village_statuses(trips_count)
    posted_set = set(posted)
    in_village = sum(1 for day, status in statuses.items() if status in counted and day in posted_set)
    remaining = sum(1 for day in posted if day > today)
    return MonthTotal(in_village, required_days(required_per_month, month_length, len(posted)), len(posted),
                      remaining)


def posted_days(days: Sequence[date], start: str | None, end: str | None) -> list[date]:
    """The days of ``days`` within a posting from ``start`` to ``end`` ('YYYY-MM-DD'; no end = still posted)."""
    first = date.fromisoformat(start) if start else date.min
    last = date.fromisoformat(end) if end else date.max
    return [day for day in days if first <= day <= last]


# ---------------------------------------------------------------- leave and spot checks


def _text(raw: Mapping[str, Any], key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def leave_needs_county(days: int, threshold: int = LEAVE_COUNTY_DAYS_DEFAULT) -> bool:
    return days > threshold


def leave_rule_text(days: int, threshold: int = LEAVE_COUNTY_DAYS_DEFAULT) -> str:
    """The approval rule for a leave of ``days`` days, as the dialog shows it."""
    if days <= 0:
        return f"{threshold}天以内由乡镇党委审批，超过{threshold}天须经县委组织部审批"
    if leave_needs_county(days, threshold):
        return f"共{days}天，超过{threshold}天，须经县委组织部审批，请填写审批人"
    return f"共{days}天，由乡镇党委审批"


def clean_leave(raw: Mapping[str, Any], *, leave_types: Sequence[str] = LEAVE_TYPES,
                county_days: int = LEAVE_COUNTY_DAYS_DEFAULT) -> dict[str, Any]:
    """A leave request's fields: start_date, end_date, leave_type, reason, approver, approved_on (optional).

    Every bad field is reported at once. Leave may be entered ahead (an approved leave for next week), so future
    dates are allowed."""
    errors: list[ValidationError] = []

    def attempt(check: Callable[[], Any]) -> Any:
        try:
            return check()
        except ValidationError as error:
            errors.append(error)
            return None

    start = attempt(lambda: parse_date(_text(raw, "start_date"), "开始日期"))
    end = attempt(lambda: parse_date(_text(raw, "end_date"), "结束日期"))
    leave_type = attempt(lambda: require_choice(_text(raw, "leave_type"), "请假类型", leave_types))
    approver = _text(raw, "approver")
    if start is not None and end is not None:
        attempt(lambda: _check_span(start, end, approver, county_days))
    approved = _text(raw, "approved_on")
    approved_on = attempt(lambda: parse_date(approved, "审批日期").isoformat()) if approved else None
    if errors:
        raise errors[0] if len(errors) == 1 else ValidationErrors(errors)
    return {"start_date": start.isoformat(), "end_date": end.isoformat(), "leave_type": leave_type,
            "reason": _text(raw, "reason"), "approver": approver, "approved_on": approved_on}


def _check_span(start: date, end: date, approver: str, county_days: int) -> None:
    check_date_range(start, end, "开始日期", "结束日期")
    length = (end - start).days + 1
    if length > LEAVE_MAX_DAYS:
        raise ValidationError("结束日期", f"请假共{length}天，超过{LEAVE_MAX_DAYS}天，请检查日期")
    if leave_needs_county(length, county_days) and not approver:
        raise ValidationError("审批人", f"请假{length}天，超过{county_days}天须填写县级审批人（县委组织部）")


def clean_spot_check(raw: Mapping[str, Any], today: date) -> dict[str, Any]:
    """A spot check: check_date (not after the working date), checker, present, excused, note."""
    check_date, checker = collect(
        lambda: parse_date(_text(raw, "check_date"), "抽查日期", allow_future=False, today=today),
        lambda: require(_text(raw, "checker"), "抽查人"),
    )
    present = bool(raw.get("present"))
    return {"check_date": check_date.isoformat(), "checker": checker, "present": int(present),
            "excused": 0 if present else int(bool(raw.get("excused"))), "note": _text(raw, "note")}


# ---------------------------------------------------------------- the assessment cap rule


def cap_for(unexcused_absences: int, caps: Mapping[str, str]) -> str | None:
    """The best rating allowed after ``unexcused_absences``: the rule of the largest count reached, or None."""
    reached = [int(k) for k in caps if int(k) <= unexcused_absences]
    return caps[str(max(reached))] if reached else None


def capped_rating(proposed: str, unexcused_absences: int, scale: Sequence[str],
                  caps: Mapping[str, str]) -> tuple[str, str]:
    """(rating, reason): the proposed rating, or the best one the spot-check absences allow, with why.

    ``scale`` runs from best to worst (优秀, 称职, 基本称职, 不称职); ``caps`` maps a number of unexcused absences to
    the best rating allowed ({"1": "称职", "2": "基本称职", "3": "不称职"}); more absences than the largest key
    keep the largest key's cap."""
    options = list(scale)
    if proposed not in options:
        raise ValidationError("拟评等次", f"应为以下之一：{'、'.join(options)}")
    cap = cap_for(unexcused_absences, caps)
    if cap is None:
        return proposed, ""
    if cap not in options:
        raise ValidationError("考核等次设置", f"抽查封顶规则中的“{cap}”不在考核等次（{'、'.join(options)}）中")
    if options.index(proposed) >= options.index(cap):
        return proposed, ""
    return cap, f"抽查发现无故缺勤{unexcused_absences}次，最高评为{cap}（原拟评{proposed}）"
