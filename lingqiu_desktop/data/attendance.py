"""Attendance (考勤) of work-team members: the month grid, leave requests and spot checks.

A day is one ``attendance`` row (UNIQUE team, person, day); an empty cell is no row. Writes go through the Store
(transaction + audit row), a batch of cells in one transaction. Policy values come from settings, with the
defaults and the reasons in core/attendance.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lingqiu_desktop.core import attendance as rules
from lingqiu_desktop.core.offices import COUNTY_CODE
from lingqiu_desktop.core.validation import ValidationError, parse_date, parse_month, parse_year

from lingqiu_desktop.data.settings import SettingsRepository
from lingqiu_desktop.data.store import NotOwnedError, Store

REFERENCE_DATE_KEY = "app.reference_date"  # the same setting Workbook.today() reads (data cannot import it)

#: (person_id, day 'YYYY-MM-DD' or date, status or None to clear)
Change = tuple[str, str | date, str | None]

ROLE_ORDER = "CASE m.role WHEN '第一书记' THEN 0 WHEN '队长' THEN 1 ELSE 2 END"


@dataclass
class GridMember:
    person_id: str
    name: str
    role: str
    posted: list[date]                      # the days of the month this member was posted to the team
    statuses: dict[date, str] = field(default_factory=dict)
    notes: dict[date, str] = field(default_factory=dict)   # leave type, reason and approver of a day
    total: rules.MonthTotal | None = None


@dataclass
class MonthGrid:
    team: dict[str, Any]
    month: str
    days: list[date]
    members: list[GridMember]
    required_per_month: int
    today: date
    editable: bool


def _rows(store: Store, sql: str, params: Any) -> list[dict[str, Any]]:
    cursor = store.db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _day_text(value: str | date) -> str:
    return value.isoformat() if isinstance(value, date) else parse_date(value, "日期").isoformat()


class AttendanceRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = SettingsRepository(store)

    # -- policy ----------------------------------------------------------------------------------------------------
    def today(self) -> date:
        override = self.settings.get(REFERENCE_DATE_KEY, "")
        return date.fromisoformat(override) if override else date.today()

    def required_per_month(self) -> int:
        return int(self.settings.get(rules.REQUIRED_DAYS_KEY, 20))

    def trips_count(self) -> bool:
        return bool(self.settings.get(rules.TRIPS_KEY, rules.TRIPS_DEFAULT))

    def leave_county_days(self) -> int:
        return int(self.settings.get(rules.LEAVE_COUNTY_DAYS_KEY, rules.LEAVE_COUNTY_DAYS_DEFAULT))

    def leave_types(self) -> list[str]:
        return list(self.settings.get(rules.LEAVE_TYPES_KEY, list(rules.LEAVE_TYPES)))

    # -- teams -----------------------------------------------------------------------------------------------------
    def teams(self, township_code: str = "") -> list[dict[str, Any]]:
        """Teams to pick on the attendance page: id, name, village, township, owner, status."""
        sql = ("SELECT w.id, w.name, v.name AS village, o.name AS township, w.township_code, w.owner, w.status "
               "FROM work_team w LEFT JOIN village v ON v.id = w.village_id "
               "LEFT JOIN office o ON o.code = w.township_code")
        params: list[Any] = []
        if township_code:
            sql += " WHERE w.township_code = ?"
            params.append(township_code)
        return _rows(self.store, sql + " ORDER BY o.sort_order, w.status != '在岗', v.code, w.name", params)

    def team(self, team_id: str) -> dict[str, Any]:
        rows = _rows(self.store, "SELECT w.*, v.name AS village, o.name AS township FROM work_team w "
                     "LEFT JOIN village v ON v.id = w.village_id LEFT JOIN office o ON o.code = w.township_code "
                     "WHERE w.id = ?", [team_id])
        if not rows:
            raise ValidationError("工作队", "不存在或已被删除")
        return rows[0]

    def _check_team_owned(self, team_id: str) -> dict[str, Any]:
        team = self.team(team_id)
        if team["owner"] != self.store.office_code:
            raise NotOwnedError(team["owner"])
        return team

    def _postings(self, team_id: str, person_ids: Iterable[str]) -> dict[str, list[tuple[str, str | None]]]:
        """Each person's postings (start, end) in the team."""
        ids = sorted(set(person_ids))
        marks = ", ".join("?" for _ in ids)
        found: dict[str, list[tuple[str, str | None]]] = {pid: [] for pid in ids}
        for pid, start, end in self.store.db.execute(
                f"SELECT person_id, start_date, end_date FROM team_membership WHERE team_id = ? "
                f"AND person_id IN ({marks})", [team_id, *ids]).fetchall():
            found[pid].append((start, end))
        return found

    @staticmethod
    def _is_posted(postings: list[tuple[str, str | None]], day: str) -> bool:
        return any(start <= day and (end is None or day <= end) for start, end in postings)

    # -- the month grid --------------------------------------------------------------------------------------------
    def month_grid(self, team_id: str, month: str) -> MonthGrid:
        """The members posted in the month × its days, with every day's status, from one query."""
        month = parse_month(month)
        days = rules.month_days(month)
        first, last = days[0].isoformat(), days[-1].isoformat()
        team = self.team(team_id)
        rows = self.store.db.execute(
            f"SELECT m.person_id, p.name, m.role, m.start_date, m.end_date, a.day, a.status, a.leave_type, "
            f"a.reason, a.approver FROM team_membership m JOIN person p ON p.id = m.person_id "
            f"LEFT JOIN attendance a ON a.team_id = m.team_id AND a.person_id = m.person_id "
            f"AND a.day BETWEEN :first AND :last "
            f"WHERE m.team_id = :team AND m.start_date <= :last AND (m.end_date IS NULL OR m.end_date >= :first) "
            f"ORDER BY {ROLE_ORDER}, m.start_date, p.name",
            {"team": team_id, "first": first, "last": last}).fetchall()
        members: dict[str, GridMember] = {}
        for pid, name, role, start, end, day, status, leave_type, reason, approver in rows:
            member = members.get(pid)
            if member is None:
                member = members[pid] = GridMember(pid, name, role, [])
            posting = rules.posted_days(days, start, end)
            member.posted = sorted(set(member.posted) | set(posting))
            if day is not None:
                member.statuses[date.fromisoformat(day)] = status
                note = "，".join(x for x in (leave_type, reason, f"审批人：{approver}" if approver else "") if x)
                if note:
                    member.notes[date.fromisoformat(day)] = note
        today, required, trips = self.today(), self.required_per_month(), self.trips_count()
        for member in members.values():
            member.total = rules.month_total(member.statuses, member.posted, required, len(days), today, trips)
        return MonthGrid(team, month, days, list(members.values()), required, today,
                         team["owner"] == self.store.office_code)

    def days_in_village(self, team_id: str, month: str) -> list[dict[str, Any]]:
        """Per member of the month: days in the village, the (pro-rated) requirement and whether it fell short."""
        grid = self.month_grid(team_id, month)
        return [{"person_id": m.person_id, "name": m.name, "role": m.role, "in_village": m.total.in_village,
                 "required": m.total.required, "below": m.total.below, "shortfall": m.total.shortfall}
                for m in grid.members if m.total is not None]

    def members_below_requirement(self, township_code: str = "", *, month: str) -> list[dict[str, Any]]:
        """Members of every team (of a township, or the county) short of the requirement in ``month``."""
        month = parse_month(month)
        days = rules.month_days(month)
        first, last = days[0].isoformat(), days[-1].isoformat()
        counted = rules.in_village_statuses(self.trips_count())
        where = "WHERE w.township_code = :township" if township_code else ""
        rows = _rows(self.store, (
            f"WITH mm AS (SELECT team_id, person_id, MIN(role) AS role, MIN(start_date) AS start_date, "
            f" CASE WHEN COUNT(*) > COUNT(end_date) THEN NULL ELSE MAX(end_date) END AS end_date "
            f" FROM team_membership WHERE start_date <= :last AND (end_date IS NULL OR end_date >= :first) "
            f" GROUP BY team_id, person_id) "
            f"SELECT mm.*, w.name AS team, v.name AS village, w.township_code, p.name, "
            f"(SELECT COUNT(*) FROM attendance a WHERE a.team_id = mm.team_id AND a.person_id = mm.person_id "
            f" AND a.day BETWEEN max(mm.start_date, :first) AND min(COALESCE(mm.end_date, :last), :last) "
            f" AND a.status IN ({', '.join(repr(s) for s in counted)})) AS in_village "
            f"FROM mm JOIN work_team w ON w.id = mm.team_id JOIN person p ON p.id = mm.person_id "
            f"LEFT JOIN village v ON v.id = w.village_id {where}"),
            {"first": first, "last": last, "township": township_code})
        today, required = self.today(), self.required_per_month()
        below = []
        for row in rows:
            posted = rules.posted_days(days, row["start_date"], row["end_date"])
            total = rules.MonthTotal(row["in_village"], rules.required_days(required, len(days), len(posted)),
                                     len(posted), sum(1 for d in posted if d > today))
            if total.below:
                below.append({**row, "required": total.required, "shortfall": total.shortfall})
        return sorted(below, key=lambda r: (-r["shortfall"], r["township_code"], r["team"], r["name"]))

    # -- writing days ----------------------------------------------------------------------------------------------
    def set_day(self, team_id: str, person_id: str, day: str | date, status: str | None) -> int:
        return self.set_days(team_id, [(person_id, day, status)])

    def set_days(self, team_id: str, changes: Iterable[Change]) -> int:
        """Set (or clear, with None) many cells in one transaction; returns how many rows changed.

        Days outside the member's posting are refused, and so is 在村/出差/缺勤 on a day still to come."""
        wanted = {(pid, _day_text(day)): (status or None) for pid, day, status in changes}
        if not wanted:
            return 0
        today = self.today().isoformat()
        with self.store.transaction():
            self._check_team_owned(team_id)
            postings = self._postings(team_id, (pid for pid, _d in wanted))
            for (pid, day), status in sorted(wanted.items()):
                self._check_cell(postings[pid], day, status, today)
            existing = self._existing(team_id, wanted)
            return sum(self._write_cell(team_id, pid, day, status, existing.get((pid, day)))
                       for (pid, day), status in wanted.items())

    def _check_cell(self, postings: list[tuple[str, str | None]], day: str, status: str | None, today: str) -> None:
        if status is not None and status not in rules.STATUSES:
            raise ValidationError("考勤", f"应为以下之一：{'、'.join(rules.STATUSES)}")
        if status is not None and not self._is_posted(postings, day):
            raise ValidationError("日期", f"{day}不在该队员的驻村期间")
        if status not in (None, rules.ON_LEAVE) and day > today:
            raise ValidationError("日期", f"{day}还没到，不能登记{status}")

    def _existing(self, team_id: str, cells: dict[tuple[str, str], Any]) -> dict[tuple[str, str], dict[str, Any]]:
        days = [day for _pid, day in cells]
        rows = _rows(self.store, "SELECT id, person_id, day, status, leave_id FROM attendance "
                     "WHERE team_id = ? AND day BETWEEN ? AND ?", [team_id, min(days), max(days)])
        return {(r["person_id"], r["day"]): r for r in rows if (r["person_id"], r["day"]) in cells}

    def _write_cell(self, team_id: str, person_id: str, day: str, status: str | None,
                    row: dict[str, Any] | None, leave: dict[str, Any] | None = None) -> int:
        detail = {"leave_id": leave["id"] if leave else None, "leave_type": leave["leave_type"] if leave else "",
                  "reason": leave["reason"] if leave else "", "approver": leave["approver"] if leave else ""}
        if row is None:
            if status is None:
                return 0
            self.store.insert("attendance", {"team_id": team_id, "person_id": person_id, "day": day,
                                             "status": status, **detail})
        elif status is None:
            self.store.delete("attendance", row["id"])
        elif row["status"] == status and row["leave_id"] == detail["leave_id"]:
            return 0
        else:
            self.store.update("attendance", row["id"], {"status": status, **detail})
        return 1

    # -- leave -----------------------------------------------------------------------------------------------------
    def add_leave(self, team_id: str, person_id: str, start: str | date, end: str | date, leave_type: str,
                  reason: str = "", approver: str = "", approved_on: str | None = None) -> dict[str, Any]:
        """A written leave request; its days become 请假 and point to it. Overlapping leave is refused."""
        values = rules.clean_leave(
            {"start_date": start, "end_date": end, "leave_type": leave_type, "reason": reason, "approver": approver,
             "approved_on": approved_on}, leave_types=self.leave_types(), county_days=self.leave_county_days())
        days = rules.days_between(date.fromisoformat(values["start_date"]), date.fromisoformat(values["end_date"]))
        with self.store.transaction():
            self._check_team_owned(team_id)
            postings = self._postings(team_id, [person_id])[person_id]
            outside = [d for d in days if not self._is_posted(postings, d.isoformat())]
            if outside:
                raise ValidationError("开始日期" if outside[0] == days[0] else "结束日期",
                                      f"{outside[0].isoformat()}不在该队员的驻村期间")
            self._check_overlap(person_id, values["start_date"], values["end_date"])
            leave = self.store.insert("leave_request", {"team_id": team_id, "person_id": person_id, **values})
            cells = {(person_id, d.isoformat()): rules.ON_LEAVE for d in days}
            existing = self._existing(team_id, cells)
            for (pid, day), status in cells.items():
                self._write_cell(team_id, pid, day, status, existing.get((pid, day)), leave)
        return leave

    def add_leaves(self, team_id: str, person_ids: Iterable[str], start: str | date, end: str | date,
                   leave_type: str, reason: str = "", approver: str = "",
                   approved_on: str | None = None) -> list[dict[str, Any]]:
        """The same leave for several members (a span selected over several rows): all of them or none."""
        with self.store.transaction():
            return [self.add_leave(team_id, pid, start, end, leave_type, reason, approver, approved_on)
                    for pid in person_ids]

    def _check_overlap(self, person_id: str, start: str, end: str) -> None:
        row = self.store.db.execute(
            "SELECT start_date, end_date FROM leave_request WHERE person_id = ? AND start_date <= ? "
            "AND end_date >= ? ORDER BY start_date LIMIT 1", [person_id, end, start]).fetchone()
        if row:
            raise ValidationError("开始日期", f"与已登记的请假（{row[0]}至{row[1]}）重叠")

    def delete_leave(self, leave_id: str) -> None:
        """Withdraw a leave request; the days it marked 请假 become empty again."""
        with self.store.transaction():
            days = self.store.db.execute("SELECT id FROM attendance WHERE leave_id = ? AND status = ?",
                                         [leave_id, rules.ON_LEAVE]).fetchall()
            for (row_id,) in days:
                self.store.delete("attendance", row_id)
            self.store.delete("leave_request", leave_id)

    def leave_of_day(self, team_id: str, person_id: str, day: str | date) -> dict[str, Any] | None:
        rows = _rows(self.store, "SELECT r.* FROM attendance a JOIN leave_request r ON r.id = a.leave_id "
                     "WHERE a.team_id = ? AND a.person_id = ? AND a.day = ?", [team_id, person_id, _day_text(day)])
        return rows[0] if rows else None

    def leaves(self, team_id: str, month: str) -> list[dict[str, Any]]:
        """Leave requests of the team touching the month, with the member's name."""
        first, last = (d.isoformat() for d in rules.month_bounds(month))
        return _rows(self.store, "SELECT r.*, p.name FROM leave_request r JOIN person p ON p.id = r.person_id "
                     "WHERE r.team_id = ? AND r.start_date <= ? AND r.end_date >= ? ORDER BY r.start_date, p.name",
                     [team_id, last, first])

    # -- spot checks -----------------------------------------------------------------------------------------------
    def add_spot_check(self, team_id: str, person_id: str, check_date: str | date, checker: str, present: bool,
                       excused: bool = False, note: str = "") -> dict[str, Any]:
        """A spot check's finding. The county's inspection groups record them too (the row is the county's own);
        an office never records one on another township's team."""
        values = rules.clean_spot_check({"check_date": check_date, "checker": checker, "present": present,
                                         "excused": excused, "note": note}, self.today())
        with self.store.transaction():
            team = self.team(team_id)
            if team["owner"] != self.store.office_code and self.store.office_code != COUNTY_CODE:
                raise NotOwnedError(team["owner"])
            if not self._is_posted(self._postings(team_id, [person_id])[person_id], values["check_date"]):
                raise ValidationError("抽查日期", f"{values['check_date']}该队员不在本工作队驻村期间")
            return self.store.insert("spot_check", {"team_id": team_id, "person_id": person_id, **values})

    def spot_checks(self, team_id: str, month: str) -> list[dict[str, Any]]:
        first, last = (d.isoformat() for d in rules.month_bounds(month))
        return _rows(self.store, "SELECT s.*, p.name FROM spot_check s JOIN person p ON p.id = s.person_id "
                     "WHERE s.team_id = ? AND s.check_date BETWEEN ? AND ? ORDER BY s.check_date, p.name",
                     [team_id, first, last])

    def unexcused_absences(self, person_id: str, year: int | str) -> int:
        """Spot checks of the year that found the member away without leave or notice."""
        y = parse_year(year)
        return int(self.store.db.execute(
            "SELECT COUNT(*) FROM spot_check WHERE person_id = ? AND check_date BETWEEN ? AND ? "
            "AND present = 0 AND excused = 0", [person_id, f"{y}-01-01", f"{y}-12-31"]).fetchone()[0])
