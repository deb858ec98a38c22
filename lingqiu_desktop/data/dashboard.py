"""The dashboard's figures (工作台): this week's visits, overdue follow-ups, members under the attendance
requirement last month, upcoming trainings. Read-only queries, each served by an index."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlite_utils


@dataclass
class Card:
    """One dashboard card: a headline number and the first few rows behind it."""

    count: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    period: str = ""


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _township(column: str, township_code: str) -> tuple[str, list[Any]]:
    return (f" AND {column} = ?", [township_code]) if township_code else ("", [])


def week_bounds(today: date) -> tuple[date, date]:
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=6)


def last_month(today: date) -> str:
    first = today.replace(day=1)
    return (first - timedelta(days=1)).strftime("%Y-%m")


def visits_this_week(db: sqlite_utils.Database, today: date, township_code: str = "", limit: int = 6) -> Card:
    monday, sunday = week_bounds(today)
    extra, args = _township("t.township_code", township_code)
    where = f"t.visit_date BETWEEN ? AND ?{extra}"
    params = [monday.isoformat(), min(sunday, today).isoformat(), *args]
    count = db.execute(f"SELECT COUNT(*) FROM visit t WHERE {where}", params).fetchone()[0]
    rows = _rows(db, f"SELECT t.visit_date, v.name AS village, COALESCE(h.head_name, '村情日志') AS household, "
                     f"t.kind FROM visit t LEFT JOIN village v ON v.id = t.village_id "
                     f"LEFT JOIN household h ON h.id = t.household_id WHERE {where} "
                     f"ORDER BY t.visit_date DESC, t.rowid DESC LIMIT ?", [*params, limit])
    return Card(count, rows, f"{monday:%m-%d} 至 {sunday:%m-%d}")


def overdue_follow_ups(db: sqlite_utils.Database, today: date, township_code: str = "", limit: int = 6) -> Card:
    extra, args = _township("t.township_code", township_code)
    where = f"t.follow_up_due IS NOT NULL AND t.follow_up_done_at IS NULL AND t.follow_up_due < ?{extra}"
    params = [today.isoformat(), *args]
    count = db.execute(f"SELECT COUNT(*) FROM visit t WHERE {where}", params).fetchone()[0]
    rows = _rows(db, f"SELECT t.follow_up_due, v.name AS village, COALESCE(h.head_name, '村情日志') AS household, "
                     f"t.promise FROM visit t LEFT JOIN village v ON v.id = t.village_id "
                     f"LEFT JOIN household h ON h.id = t.household_id WHERE {where} "
                     f"ORDER BY t.follow_up_due LIMIT ?", [*params, limit])
    return Card(count, rows, f"截至 {today:%Y-%m-%d}")


def members_card(below: list[dict[str, Any]], month: str, required_days: int, limit: int = 6) -> Card:
    """The attendance card from AttendanceRepository.members_below_requirement (pro-rated for part months)."""
    rows = [{**row, "days": f"{row['in_village']} / {row['required']}"} for row in below[:limit]]
    return Card(len(below), rows, f"{month}，要求每月 {required_days} 天")


def upcoming_trainings(db: sqlite_utils.Database, today: date, township_code: str = "", days: int = 14,
                       limit: int = 6) -> Card:
    extra, args = _township("t.township_code", township_code)
    where = f"t.start_date BETWEEN ? AND ?{extra}"
    params = [today.isoformat(), (today + timedelta(days=days)).isoformat(), *args]
    count = db.execute(f"SELECT COUNT(*) FROM training t WHERE {where}", params).fetchone()[0]
    rows = _rows(db, f"SELECT t.start_date, t.title, t.audience, t.venue, "
                     f"(SELECT COUNT(*) FROM training_attendee a WHERE a.training_id = t.id) AS attendees "
                     f"FROM training t WHERE {where} ORDER BY t.start_date LIMIT ?", [*params, limit])
    return Card(count, rows, f"{today:%m-%d} 起 {days} 天内")
