"""People (人员) and village work teams (驻村工作队): form input → clean column values, every bad field at once.

The vocabularies live here (core is the lowest layer); data/people.py and data/teams.py re-export them.
DOMAIN.md §1: one team per poor village, normally at least 3 members, a posting of at least 2 years, the first
secretary normally leads the team; members not up to the job are recalled (召回).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from lingqiu_desktop.core.pinyin import initials
from lingqiu_desktop.core.records import _Collector
from lingqiu_desktop.core.validation import (
    ValidationError,
    ValidationErrors,
    check_date_range,
    id_sex,
    optional_phone,
    parse_date,
    require,
    require_choice,
    validate_id_number,
)

Raw = Mapping[str, Any]

PERSON_KINDS: Final = ("干部", "工作队员", "第一书记", "帮扶责任人", "村干部")
UNIT_LEVELS: Final = ("省直", "市直", "县直", "乡镇", "村级")
SEXES: Final = ("男", "女")
TEAM_ROLES: Final = ("第一书记", "队长", "队员")
POSTING_STATUSES: Final = ("在岗", "召回", "期满")
ACTIVE: Final = "在岗"
#: team_event.kind: what happened to a team, in the clerk's words
EVENT_KINDS: Final = ("成立", "成员进驻", "角色变更", "召回", "期满", "队长变更", "信息修改")
#: DOMAIN.md §1 norms; only warnings (a team short of members still has to be recorded)
MIN_TEAM_MEMBERS: Final = 3
MIN_POSTING_YEARS: Final = 2
PICK_PERSON: Final = "请从列表中选择人员（可输入姓名或拼音首字母查找）"


def _text(raw: Raw, key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def _flag(raw: Raw, key: str) -> int:
    value = raw.get(key)
    if isinstance(value, str):
        return 1 if value.strip() in ("1", "是", "true", "True") else 0
    return 1 if value else 0


def split_kinds(text: str) -> list[str]:
    """"干部,工作队员" (also with 、 or ，) → ["干部", "工作队员"]."""
    return [k.strip() for k in text.replace("、", ",").replace("，", ",").split(",") if k.strip()]


def _kinds(raw: Raw) -> str:
    kinds = split_kinds(_text(raw, "kind"))
    if not kinds:
        raise ValidationError("人员类别", "请至少选择一项")
    for kind in kinds:
        require_choice(kind, "人员类别", PERSON_KINDS)
    return ",".join(k for k in PERSON_KINDS if k in kinds)  # one canonical order, no repeats


def _optional_choice(raw: Raw, key: str, field: str, options: tuple[str, ...]) -> str:
    text = _text(raw, key)
    return require_choice(text, field, options) if text else ""


def _optional_date(raw: Raw, key: str, field: str, today: date | None, *, allow_future: bool) -> date | None:
    text = _text(raw, key)
    return parse_date(text, field, allow_future=allow_future, today=today) if text else None


def _optional_id_number(raw: Raw, today: date | None) -> str:
    text = _text(raw, "id_number")
    return validate_id_number(text, "身份证号", today=today) if text else ""


def _sex(raw: Raw, id_number: str) -> str:
    """性别 as typed, or from the ID number; when both are there they must agree."""
    typed = _optional_choice(raw, "sex", "性别", SEXES)
    if not id_number:
        return typed
    derived = id_sex(id_number)
    if typed and typed != derived:
        raise ValidationError("性别", f"与身份证号不符（身份证号显示为{derived}）")
    return derived


def clean_person(raw: Raw, today: date | None = None) -> dict[str, Any]:
    """A person's own fields. The ID number is optional (a helper from a county unit may not give it), but when
    given it must be valid, and 性别 follows it."""
    c = _Collector()
    c.check("name", lambda: require(_text(raw, "name"), "姓名"))
    c.check("id_number", lambda: _optional_id_number(raw, today))
    c.check("phone", lambda: optional_phone(_text(raw, "phone"), "联系电话"))
    c.check("unit_level", lambda: _optional_choice(raw, "unit_level", "单位级别", UNIT_LEVELS))
    c.check("kind", lambda: _kinds(raw))
    values = c.done()
    values.update(
        sex=_sex(raw, values["id_number"]),
        name_initials=initials(values["name"]),
        unit=_text(raw, "unit"),
        post=_text(raw, "post"),
        is_party_member=_flag(raw, "is_party_member"),
        remarks=_text(raw, "remarks"),
    )
    if "township_code" in raw:
        values["township_code"] = _text(raw, "township_code") or None
    return values


def _posting_dates(raw: Raw, today: date | None, labels: tuple[str, str]) -> tuple[date, date | None]:
    """Start (not after today: it records what happened) and end (a planned end may lie ahead)."""
    start_label, end_label = labels
    c = _Collector()
    c.check("start", lambda: parse_date(_text(raw, "start_date"), start_label, allow_future=False, today=today))
    c.check("end", lambda: _optional_date(raw, "end_date", end_label, today, allow_future=True))
    values = c.done()
    check_date_range(values["start"], values["end"], start_label, end_label)
    return values["start"], values["end"]


def _check_closed(status: str, end: date | None, today: date | None, end_label: str) -> None:
    """A recalled or finished posting has ended: its end date is given and is not in the future."""
    if status == ACTIVE:
        return
    if end is None:
        raise ValidationError(end_label, f"状态为“{status}”时须填写")
    if today is not None and end > today:
        raise ValidationError(end_label, f"状态为“{status}”时不能晚于今天")


def clean_team(raw: Raw, today: date | None = None, village_name: str = "") -> dict[str, Any]:
    """A team's own fields. The name defaults to "<村名>驻村工作队"; leader and first secretary are set by the
    repository (they must be members of the team), so they are not cleaned here."""
    c = _Collector()
    c.check("village_id", lambda: _text(raw, "village_id") or _fail("所属村", "请选择村庄"))
    c.check("name", lambda: _text(raw, "name") or (f"{village_name}驻村工作队" if village_name
                                                   else _fail("工作队名称", "不能为空")))
    c.check("sending_unit", lambda: require(_text(raw, "sending_unit"), "派出单位"))
    c.check("dates", lambda: _posting_dates(raw, today, ("派驻开始日期", "派驻结束日期")))
    c.check("status", lambda: require_choice(_text(raw, "status") or ACTIVE, "工作队状态", POSTING_STATUSES))
    values = c.done()
    start, end = values.pop("dates")
    _check_closed(values["status"], end, today, "派驻结束日期")
    values.update(start_date=start.isoformat(), end_date=end.isoformat() if end else None,
                  remarks=_text(raw, "remarks"))
    return values


def _fail(field: str, reason: str) -> Any:
    raise ValidationError(field, reason)


def clean_membership(raw: Raw, today: date | None = None) -> dict[str, Any]:
    """One person's posting in a team: who, role, dates and status."""
    c = _Collector()
    c.check("person_id", lambda: _text(raw, "person_id") or _fail("人员", PICK_PERSON))
    c.check("role", lambda: require_choice(_text(raw, "role") or "队员", "队内职务", TEAM_ROLES))
    c.check("dates", lambda: _posting_dates(raw, today, ("进驻日期", "离村日期")))
    c.check("status", lambda: require_choice(_text(raw, "status") or ACTIVE, "在岗状态", POSTING_STATUSES))
    values = c.done()
    start, end = values.pop("dates")
    _check_closed(values["status"], end, today, "离村日期")
    values.update(start_date=start.isoformat(), end_date=end.isoformat() if end else None,
                  remarks=_text(raw, "remarks"))
    return values


def clean_closing(raw: Raw, status: str, today: date | None = None,
                  start_date: str = "") -> tuple[str, str]:
    """The date and reason of a recall (召回, reason required) or an end of posting (期满): (date, reason)."""
    label = "召回日期" if status == "召回" else "期满日期"
    errors: list[ValidationError] = []
    day: date | None = None
    try:
        day = parse_date(_text(raw, "end_date"), label, allow_future=False, today=today)
        if start_date:
            check_date_range(date.fromisoformat(start_date), day, "进驻日期", label)
    except ValidationError as exc:
        errors.append(exc)
    reason = _text(raw, "remarks")
    if status == "召回" and not reason:
        errors.append(ValidationError("召回原因", "不能为空"))
    if errors:
        raise ValidationErrors(errors) if len(errors) > 1 else errors[0]
    assert day is not None
    return day.isoformat(), reason


def team_warnings(active_members: int, start_date: str, end_date: str | None, has_leader: bool,
                  min_members: int = MIN_TEAM_MEMBERS) -> list[str]:
    """What departs from the DOMAIN.md §1 norms: shown to the clerk, never a reason to refuse a save."""
    notes = []
    if active_members < min_members:
        notes.append(f"在岗队员{active_members}人，少于一般要求的{min_members}人")
    if not has_leader and active_members:
        notes.append("尚未确定队长")
    if end_date and start_date:
        start, end = date.fromisoformat(start_date), date.fromisoformat(end_date)
        two_years = date(start.year + MIN_POSTING_YEARS, start.month, min(start.day, 28))
        if end < two_years:
            notes.append(f"派驻期限不足{MIN_POSTING_YEARS}年")
    return notes
