"""The weekly board (例会 / 小黑板) and the meeting records (联席会 / 例会): form input → clean column values.

The founding article: the county command centre sits in 11 work groups; every Monday a fixed meeting (例会) asks
each group what it did last month and what it does this week, and a small blackboard shows it at a glance. The
"1+3" mechanism's "1" is the joint meeting (联席会), whose decisions get an owner and a due date. Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, Final

from lingqiu_desktop.core.records import _Collector
from lingqiu_desktop.core.validation import ValidationError, parse_date, require, require_choice

Raw = Mapping[str, Any]

SECTIONS: Final = ("上月完成", "本周计划")
STATUSES: Final = ("未开始", "进行中", "已完成", "滞后")
MEETING_KINDS: Final = ("联席会", "例会")
DONE: Final = "已完成"
LAGGING: Final = "滞后"
PLAN: Final = "本周计划"

# The county command centre's work groups: the five the article names, then six more of the same kind. The demo
# data (data/demo/words.py COUNTY_WORK_GROUPS) uses the same names, in the same order.
DEFAULT_COUNTY_GROUPS: Final = ("产业扶贫组", "政策研究组", "易地搬迁组", "金融扶贫组", "宣传报道组", "综合协调组",
                                "督查考核组", "健康扶贫组", "教育扶贫组", "基础设施组", "社会扶贫组")

# A plan carried over this many times (or more) marks its group as lagging, as does any item marked 滞后.
LAG_CARRIES: Final = 2

GROUP_NAME_MAX = 20
CONTENT_MAX = 200


def _text(raw: Raw, key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def monday(day: date) -> date:
    """The Monday of the day's week: the board and the 例会 are kept by week."""
    return day - timedelta(days=day.weekday())


def week_start(value: str | date | None, field: str = "周次") -> date:
    """Any date of a week (2018-11-28, 20181128, 2018年11月28日) → that week's Monday."""
    return monday(parse_date(value, field))


def week_label(start: date) -> str:
    """"2018年11月26日（周一）至12月2日", as the week picker shows it."""
    end = start + timedelta(days=6)
    tail = f"{end.month}月{end.day}日" if end.year == start.year else f"{end.year}年{end.month}月{end.day}日"
    return f"{start.year}年{start.month}月{start.day}日（周一）至{tail}"


def clean_group(raw: Raw) -> dict[str, Any]:
    """A work group's name (required, short) and its leader (组长)."""
    name = require(_text(raw, "name"), "工作组名称")
    if len(name) > GROUP_NAME_MAX:
        raise ValidationError("工作组名称", f"不能超过{GROUP_NAME_MAX}个字")
    return {"name": name, "leader": _text(raw, "leader")}


def _content(raw: Raw) -> str:
    content = require(_text(raw, "content"), "事项内容")
    if len(content) > CONTENT_MAX:
        raise ValidationError("事项内容", f"不能超过{CONTENT_MAX}个字")
    return content


def clean_board_item(raw: Raw) -> dict[str, Any]:
    """One line on the board: its group, week (normalised to the Monday), section, content, owner and status."""
    c = _Collector()
    c.check("group_id", lambda: require(_text(raw, "group_id"), "工作组"))
    c.check("week_start", lambda: week_start(_text(raw, "week_start")).isoformat())
    c.check("section", lambda: require_choice(_text(raw, "section") or PLAN, "类别", SECTIONS))
    c.check("content", lambda: _content(raw))
    c.check("status", lambda: require_choice(_text(raw, "status") or "未开始", "进展状态", STATUSES))
    values = c.done()
    values["responsible"] = _text(raw, "responsible")
    return values


def clean_meeting(raw: Raw, today: date | None = None) -> dict[str, Any]:
    """A 联席会 or 例会 that has been held: its minutes are written afterwards, so the date is not in the future."""
    c = _Collector()
    c.check("kind", lambda: require_choice(_text(raw, "kind"), "会议类型", MEETING_KINDS))
    c.check("meeting_date", lambda: parse_date(_text(raw, "meeting_date"), "会议日期", allow_future=False,
                                               today=today).isoformat())
    values = c.done()
    held = date.fromisoformat(values["meeting_date"])
    values["title"] = _text(raw, "title") or default_title(values["kind"], held)
    values["attendees"] = _text(raw, "attendees")
    values["minutes"] = str(raw.get("minutes") or "").strip()
    return values


def default_title(kind: str, held: date) -> str:
    name = "脱贫攻坚联席会议" if kind == "联席会" else "脱贫攻坚工作例会"
    return f"{held.year}年{held.month}月{held.day}日{name}"


def _done(value: Any) -> int:
    if isinstance(value, str):
        return 1 if value.strip() in ("1", "是", "已办结", "true", "True") else 0
    return 1 if value else 0


def decision_label(row: int | None, field: str) -> str:
    """The field label of a decision, naming its row when it is one of a meeting's list (第2条决定的责任人)."""
    return field if row is None else f"第{row}条决定的{field}"


def clean_decision(raw: Raw, meeting_date: str | date, row: int | None = None) -> dict[str, Any]:
    """One decision of a meeting: what is to be done, who answers for it, and by when (not before the meeting)."""
    held = meeting_date if isinstance(meeting_date, date) else date.fromisoformat(meeting_date)
    c = _Collector()
    c.check("decision", lambda: require(_text(raw, "decision"), decision_label(row, "决定事项")))
    c.check("responsible", lambda: require(_text(raw, "responsible"), decision_label(row, "责任人")))
    c.check("due_date", lambda: _due(raw, held, row))
    values = c.done()
    values["done"] = _done(raw.get("done"))
    return values


def _due(raw: Raw, held: date, row: int | None) -> str | None:
    text = _text(raw, "due_date")
    if not text:
        return None
    field = decision_label(row, "完成时限")
    due = parse_date(text, field)
    if due < held:
        raise ValidationError(field, f"不能早于会议日期{held.isoformat()}")
    return due.isoformat()


def is_overdue(decision: Mapping[str, Any], today: date) -> bool:
    """Not done and its due date has passed (the due day itself still counts as in time)."""
    due = decision.get("due_date")
    return not decision.get("done") and bool(due) and str(due) < today.isoformat()
