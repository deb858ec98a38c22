"""Household visits (走访记录 / 民情日记): form input → clean column values, every bad field reported at once.

A visit is either about one poor household or a general village log (村情日志, no household): the clerk must say
which, so a forgotten household is never silently saved as a village log. Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Final

from lingqiu_desktop.core.validation import (
    ValidationError,
    ValidationErrors,
    check_date_range,
    parse_date,
    require_choice,
)

Raw = Mapping[str, Any]

EARLIEST_VISIT: Final = date(2014, 1, 1)   # 建档立卡 began in 2014: no visit record is older
SIGNED_CHOICES: Final = (("", "无"), ("签字", "签字"), ("手印", "手印"))
WEATHER_CHOICES: Final = ("晴", "多云", "阴", "小雨", "中雨", "雷阵雨", "小雪", "大雪", "晴，大风")
VILLAGE_LOG: Final = "村情日志"

# The Chinese field labels: ValidationError.field, and what a dialog maps back to its widgets.
F_DATE: Final = "走访日期"
F_TARGET: Final = "走访对象"
F_VILLAGE: Final = "所属村"
F_KIND: Final = "走访类型"
F_VISITORS: Final = "走访人"
F_FOLLOW_UP: Final = "回访期限"
F_SIGNED: Final = "户主签字"

NO_TARGET: Final = "请选择贫困户，或勾选村情日志"
TEXT_FIELDS: Final = ("weather", "situation", "problems", "actions", "promise", "photo_ref")


def _text(raw: Raw, key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def _flag(raw: Raw, key: str) -> bool:
    value = raw.get(key)
    if isinstance(value, str):
        return value.strip() in ("1", "是", "true", "True")
    return bool(value)


def visitor_list(ids: Iterable[str] | None) -> list[str]:
    """Person ids in the order given, blanks and repeats dropped."""
    return list(dict.fromkeys(str(i).strip() for i in (ids or ()) if i and str(i).strip()))


def _target(raw: Raw) -> dict[str, Any]:
    """household_id, or village_id for a village log; the household wins when both are given."""
    household = _text(raw, "household_id")
    if household:
        return {"household_id": household}   # its village, township and team come from the household
    if not _flag(raw, "village_log"):
        raise ValidationError(F_TARGET, NO_TARGET)
    village = _text(raw, "village_id")
    if not village:
        raise ValidationError(F_VILLAGE, "村情日志须选择所属村")
    return {"household_id": None, "village_id": village}


def _signed(raw: Raw) -> str:
    text = _text(raw, "signed")
    text = "" if text == "无" else text
    if text not in ("", "签字", "手印"):
        raise ValidationError(F_SIGNED, "应为以下之一：无、签字、手印")
    return text


def clean_visit(raw: Raw, today: date, kinds: Sequence[str]) -> dict[str, Any]:
    """Column values of a visit plus ``visitor_ids`` (the ordered person ids), or ValidationErrors.

    ``today`` is the working date (Workbook.today()); ``kinds`` the settings list "visit.kinds".
    """
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}

    def check(fn: Any) -> Any:
        try:
            return fn()
        except ValidationError as exc:
            errors.append(exc)
            return None

    visit_day = check(lambda: parse_date(raw.get("visit_date"), F_DATE, allow_future=False, today=today,
                                         earliest=EARLIEST_VISIT))
    values.update(check(lambda: _target(raw)) or {})
    values["kind"] = check(lambda: require_choice(_text(raw, "kind"), F_KIND, kinds))
    visitors = visitor_list(raw.get("visitor_ids"))
    if not visitors:
        errors.append(ValidationError(F_VISITORS, "至少选择一名走访人"))
    due = check(lambda: _follow_up(raw, visit_day))
    values["signed"] = check(lambda: _signed(raw))
    if errors:
        raise errors[0] if len(errors) == 1 else ValidationErrors(errors)
    assert visit_day is not None
    values.update({key: _text(raw, key) for key in TEXT_FIELDS})
    values.update(visit_date=visit_day.isoformat(), follow_up_due=due.isoformat() if due else None,
                  visitor_ids=visitors)
    return values


def _follow_up(raw: Raw, visit_day: date | None) -> date | None:
    if not _text(raw, "follow_up_due"):
        return None
    due = parse_date(_text(raw, "follow_up_due"), F_FOLLOW_UP, earliest=EARLIEST_VISIT)
    check_date_range(visit_day, due, F_DATE, F_FOLLOW_UP)
    return due


def follow_up_state(due: str | None, done_at: str | None, today: date | str) -> str:
    """'' (no follow-up), 待回访, 已逾期 (due before the working date, not done) or 已回访."""
    if not due:
        return ""
    if done_at:
        return "已回访"
    return "已逾期" if due < str(today) else "待回访"
