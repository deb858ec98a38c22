"""Household visits (走访记录 / 民情日记): the list query, entry with visitors, follow-ups, a household's timeline.

Every list filter is served by an index (db/schema.sql): the page's ORDER BY visit_date DESC, rowid DESC is the tail
of idx_visit_team / _village / _household / _township / _kind (x, visit_date), so "this team, this date range" reads
only the rows it shows; open and overdue follow-ups come from the partial index idx_visit_follow_up; a person's
visits are found through idx_visit_visitor_person and fetched by primary key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from lingqiu_desktop.core.validation import ValidationError
from lingqiu_desktop.core.visits import F_TARGET, F_VILLAGE, F_VISITORS, NO_TARGET, follow_up_state, visitor_list

from lingqiu_desktop.data.listing import ListQuery, ListSpec
from lingqiu_desktop.data.store import Store

LIST_KIND = "visit"

VISIT_COLUMNS = ("household_id", "village_id", "team_id", "visit_date", "kind", "weather", "situation", "problems",
                 "actions", "promise", "follow_up_due", "signed", "photo_ref")

SPEC = ListSpec(
    base="visit t",
    joins=("LEFT JOIN village v ON v.id = t.village_id LEFT JOIN office o ON o.code = t.township_code "
           "LEFT JOIN household h ON h.id = t.household_id LEFT JOIN work_team w ON w.id = t.team_id"),
    columns={
        "id": "t.id", "visit_date": "t.visit_date", "township": "o.name", "village": "v.name",
        "household": "COALESCE(h.head_name, '（村情日志）')", "kind": "t.kind", "visitors": "t.visitor_names",
        "problems": "t.problems", "actions": "t.actions", "promise": "t.promise", "follow_up_due": "t.follow_up_due",
        "follow_up_done_at": "t.follow_up_done_at", "follow_up_done_by": "t.follow_up_done_by", "signed": "t.signed",
        "team": "w.name", "household_id": "t.household_id", "village_id": "t.village_id", "owner": "t.owner",
    },
    sortable={"visit_date": ("t.visit_date",), "kind": ("t.kind", "t.visit_date"),
              "village": ("t.village_id", "t.visit_date"), "township": ("t.township_code", "t.visit_date"),
              "follow_up_due": ("t.follow_up_due",)},   # only with an open/overdue filter (see VisitFilter)
    default_sort="visit_date",
    default_descending=True,
)

# 回访 state for the working date (the one parameter); the same rule as core.visits.follow_up_state
STATE_SQL = ("CASE WHEN t.follow_up_due IS NULL THEN '' WHEN t.follow_up_done_at IS NOT NULL THEN '已回访' "
             "WHEN t.follow_up_due < ? THEN '已逾期' ELSE '待回访' END")
OPEN_SQL = "t.follow_up_due IS NOT NULL AND t.follow_up_done_at IS NULL"   # the partial index's own WHERE
FOLLOW_UP_FILTERS = ("open", "overdue")
DRIVERS = ("household_id", "person_id", "team_id", "village_id")   # the most selective filters first


@dataclass
class VisitFilter:
    township_code: str = ""
    village_id: str = ""
    team_id: str = ""
    household_id: str = ""
    person_id: str = ""
    date_from: str = ""
    date_to: str = ""
    kind: str = ""
    follow_up: str = ""        # "" / "open" (not done) / "overdue" (due before today, not done)
    today: str = ""            # the working date, 'YYYY-MM-DD': what "overdue" is measured against
    sort: str = ""
    descending: bool = True

    def query(self) -> ListQuery:
        """The WHERE clause, steered so the most selective filter's index drives the query.

        Equality terms on other columns get a unary plus (SQLite then cannot use them as an index), so with a team
        and a kind the team's index is used, not the kind's with its half a million rows. Open follow-ups are
        listed by their due date through the partial index, which keeps the overdue list fast at county scale.
        """
        follow_up = self.follow_up in FOLLOW_UP_FILTERS
        sort, descending = self.sort, self.descending
        if follow_up and not sort:
            sort, descending = "follow_up_due", False
        elif not follow_up and sort == "follow_up_due":
            sort = ""   # follow_up_due is NULL on most rows: a sort key only when the filter excludes those
        q = ListQuery(sort=sort, descending=descending)
        driver = next((c for c in DRIVERS if getattr(self, c)), "")
        if not driver and follow_up:
            driver = "follow_up"
        elif not driver:
            driver = next((c for c in ("township_code", "kind") if getattr(self, c)), "")
        for column in ("household_id", "team_id", "village_id", "township_code", "kind"):
            value = getattr(self, column)
            if value:
                q.add(f"{'' if column == driver else '+'}t.{column} = ?", value)
        if self.person_id:
            q.add("t.id IN (SELECT visit_id FROM visit_visitor WHERE person_id = ?)", self.person_id)
        # the date range narrows the driving index (x, visit_date); under a follow-up filter the partial index drives
        on_date = "+" if driver == "follow_up" else ""
        if self.date_from:
            q.add(f"{on_date}t.visit_date >= ?", self.date_from)
        if self.date_to:
            q.add(f"{on_date}t.visit_date <= ?", self.date_to)
        plus = "" if driver == "follow_up" else "+"   # the partial index only when no better filter drives
        if follow_up:
            q.add(f"{plus}t.follow_up_due IS NOT NULL AND {plus}t.follow_up_done_at IS NULL")
        if self.follow_up == "overdue":
            q.add(f"{plus}t.follow_up_due < ?", self.today)
        # without a working date nothing counts as overdue ('' sorts before every date)
        q.add_column("follow_up_state", STATE_SQL, self.today)
        return q


@dataclass
class WeekVisits:
    """This week's visits for the dashboard: Monday to the working date."""

    date_from: str
    date_to: str
    count: int
    households: int
    latest: list[dict[str, Any]] = field(default_factory=list)

    def filter(self, township_code: str = "") -> VisitFilter:
        """The visit list showing the same visits (the dashboard's click-through)."""
        return VisitFilter(township_code=township_code, date_from=self.date_from, date_to=self.date_to,
                           today=self.date_to)


class VisitRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- writing ---------------------------------------------------------------------------------------------------
    def add(self, values: dict[str, Any], visitor_ids: list[str]) -> dict[str, Any]:
        """A visit and its visitors in one transaction. Village, township and team follow from the household
        (or, for a village log, the village) when not given."""
        visitors = self._check_visitors(visitor_ids)
        with self.store.transaction():
            row = self._columns(values)
            row = self.store.insert("visit", {**row, "visitor_names": self._names(visitors)})
            for person_id in visitors:
                self._link(row["id"], person_id)
        return row

    def update(self, visit_id: str, values: dict[str, Any], visitor_ids: list[str]) -> dict[str, Any]:
        """Change a visit and its visitors together. The team is found again only when the household, village or
        date changes (and no team is given); otherwise the stored one stays."""
        visitors = self._check_visitors(visitor_ids)
        with self.store.transaction():
            before = self.store.get("visit", visit_id)
            derive = "team_id" not in values and _moved(before, values)
            row = self._columns(values if derive else {"team_id": before["team_id"], **values}, derive_team=derive)
            row = self.store.update("visit", visit_id, {**row, "visitor_names": self._names(visitors)})
            old = [p["id"] for p in self.visitors(visit_id)]
            for person_id in old:
                if person_id not in visitors:
                    self._unlink(visit_id, person_id)
            for person_id in visitors:
                if person_id not in old:
                    self._link(visit_id, person_id)
        return row

    def delete(self, visit_id: str) -> None:
        with self.store.transaction():
            visitors = self.visitors(visit_id)
            self.store.delete("visit", visit_id)   # checks the owner; visit_visitor rows go by ON DELETE CASCADE
            for person in visitors:
                self._audit_link("delete", visit_id, person["id"])

    def mark_follow_up_done(self, visit_id: str, done_by: str, done_at: date | str | None = None) -> dict[str, Any]:
        """Record that the promised follow-up was made: when (the working date) and by whom."""
        day = str(done_at or date.today())
        with self.store.transaction():
            visit = self.store.get("visit", visit_id)
            if not visit["follow_up_due"]:
                raise ValidationError("回访", "这条走访没有回访期限，无需回访")
            if visit["follow_up_done_at"]:
                who = visit["follow_up_done_by"] or "（未记）"
                raise ValidationError("回访", f"已于{visit['follow_up_done_at']}由{who}标记回访完成")
            if day < visit["visit_date"]:
                raise ValidationError("回访完成日期", f"不能早于走访日期{visit['visit_date']}")
            if not done_by.strip():
                raise ValidationError("回访人", "不能为空")
            return self.store.update("visit", visit_id, {"follow_up_done_at": day,
                                                         "follow_up_done_by": done_by.strip()})

    def reopen(self, visit_id: str) -> dict[str, Any]:
        """Undo a follow-up marked done by mistake."""
        return self.store.update("visit", visit_id, {"follow_up_done_at": None, "follow_up_done_by": ""})

    # -- reading ---------------------------------------------------------------------------------------------------
    def get(self, visit_id: str) -> dict[str, Any]:
        return self.store.get("visit", visit_id)

    def visitors(self, visit_id: str) -> list[dict[str, Any]]:
        """The visit's people, in the order they were entered (the order of visitor_names)."""
        return self._rows(
            "SELECT p.id, p.name, p.unit, p.post, p.kind FROM visit_visitor vv JOIN person p ON p.id = vv.person_id "
            "JOIN visit t ON t.id = vv.visit_id WHERE vv.visit_id = ? "
            "ORDER BY instr('、' || t.visitor_names || '、', '、' || p.name || '、'), p.name", [visit_id])

    def timeline(self, household_id: str, today: date | str = "") -> list[dict[str, Any]]:
        """Every visit of a household, newest first, each with its 回访 state for the working date."""
        rows = self._rows(
            "SELECT t.*, w.name AS team FROM visit t LEFT JOIN work_team w ON w.id = t.team_id "
            "WHERE t.household_id = ? ORDER BY t.visit_date DESC, t.rowid DESC", [household_id])
        for row in rows:
            row["follow_up_state"] = follow_up_state(row["follow_up_due"], row["follow_up_done_at"], today)
        return rows

    def overdue_count(self, today: date | str, township_code: str = "") -> int:
        """Follow-ups due before the working date and not done (idx_visit_follow_up)."""
        sql = f"SELECT COUNT(*) FROM visit t WHERE {OPEN_SQL} AND t.follow_up_due < ?"
        args: list[Any] = [str(today)]
        if township_code:
            sql += " AND t.township_code = ?"
            args.append(township_code)
        return int(self.store.db.execute(sql, args).fetchone()[0])

    def this_week(self, today: date | str, township_code: str = "", limit: int = 10) -> WeekVisits:
        """Visits from this week's Monday to the working date, with the latest few for the dashboard."""
        day = today if isinstance(today, date) else date.fromisoformat(str(today))
        start, end = (day - timedelta(days=day.weekday())).isoformat(), day.isoformat()
        where = "t.visit_date BETWEEN ? AND ?" + (" AND t.township_code = ?" if township_code else "")
        args: list[Any] = [start, end, *([township_code] if township_code else [])]
        count, households = self.store.db.execute(
            f"SELECT COUNT(*), COUNT(DISTINCT t.household_id) FROM visit t WHERE {where}", args).fetchone()
        latest = self._rows(
            f"SELECT t.id, t.visit_date, t.kind, t.visitor_names, COALESCE(h.head_name, '（村情日志）') AS household, "
            f"v.name AS village FROM visit t LEFT JOIN household h ON h.id = t.household_id "
            f"LEFT JOIN village v ON v.id = t.village_id WHERE {where} "
            f"ORDER BY t.visit_date DESC, t.rowid DESC LIMIT ?", [*args, limit])
        return WeekVisits(start, end, int(count), int(households), latest)

    def teams(self, township_code: str = "") -> list[tuple[str, str]]:
        """(id, name) of the work teams whose visits can be listed, for the list's team filter."""
        sql, args = "SELECT id, name FROM work_team", []
        if township_code:
            sql, args = sql + " WHERE township_code = ?", [township_code]
        return [(r[0], r[1]) for r in self.store.db.execute(sql + " ORDER BY township_code, name", args)]

    def placement(self, household_id: str = "", village_id: str = "", on: str = "") -> dict[str, Any]:
        """Where a visit belongs: village, township and the work team posted there on the day (or today)."""
        if household_id:
            household = self.store.get("household", household_id)
            village_id = household["village_id"]
        if not village_id:
            raise ValidationError(F_TARGET, NO_TARGET)
        village = self.store.get("village", village_id)
        team = self._posted_team(village_id, on or date.today().isoformat())
        return {"village_id": village_id, "township_code": village["township_code"], "village": village["name"],
                "team_id": team[0] if team else None, "team": team[1] if team else ""}

    # -- helpers ---------------------------------------------------------------------------------------------------
    def _columns(self, values: dict[str, Any], derive_team: bool = True) -> dict[str, Any]:
        """The stored columns: the given values, and the village, township and team derived where missing."""
        row = {k: values[k] for k in VISIT_COLUMNS if k in values}
        row["household_id"] = values.get("household_id") or None
        if not row["household_id"] and not values.get("village_id"):
            raise ValidationError(F_TARGET, NO_TARGET)
        try:
            place = self.placement(row["household_id"] or "", values.get("village_id") or "", values["visit_date"])
        except LookupError:
            raise ValidationError(F_VILLAGE if not row["household_id"] else F_TARGET,
                                  "所选记录不存在，可能已被删除") from None
        row["village_id"], row["township_code"] = place["village_id"], place["township_code"]
        row["team_id"] = (values.get("team_id") or place["team_id"]) if derive_team else values.get("team_id")
        return row

    def _posted_team(self, village_id: str, on: str) -> tuple[str, str] | None:
        """The team in the village on that day; a team in post is preferred, then the latest posted."""
        row = self.store.db.execute(
            "SELECT id, name FROM work_team WHERE village_id = ? AND start_date <= ? "
            "AND (end_date IS NULL OR end_date = '' OR end_date >= ?) "
            "ORDER BY (status = '在岗') DESC, start_date DESC LIMIT 1", [village_id, on, on]).fetchone()
        return (row[0], row[1]) if row else None

    def _check_visitors(self, visitor_ids: list[str]) -> list[str]:
        visitors = visitor_list(visitor_ids)
        if not visitors:
            raise ValidationError(F_VISITORS, "至少选择一名走访人")
        return visitors

    def _names(self, visitors: list[str]) -> str:
        marks = ", ".join("?" for _ in visitors)
        found = dict(self.store.db.execute(f"SELECT id, name FROM person WHERE id IN ({marks})", visitors).fetchall())
        missing = [p for p in visitors if p not in found]
        if missing:
            raise ValidationError(F_VISITORS, "所选人员不存在，可能已被删除")
        return "、".join(found[p] for p in visitors)

    def _link(self, visit_id: str, person_id: str) -> None:
        self.store.db.execute("INSERT INTO visit_visitor (visit_id, person_id, owner) VALUES (?, ?, ?)",
                              [visit_id, person_id, self.store.office_code])
        self._audit_link("insert", visit_id, person_id)

    def _unlink(self, visit_id: str, person_id: str) -> None:
        self.store.db.execute("DELETE FROM visit_visitor WHERE visit_id = ? AND person_id = ?", [visit_id, person_id])
        self._audit_link("delete", visit_id, person_id)

    def _audit_link(self, action: str, visit_id: str, person_id: str) -> None:
        # visit_visitor has no id or time stamps, so Store.insert does not fit it; its audit row is written the same
        # way, inside the caller's transaction, after the visit itself passed the Store's ownership check
        row = {"visit_id": visit_id, "person_id": person_id, "owner": self.store.office_code}
        self.store.audit(action, "visit_visitor", f"{visit_id}/{person_id}",
                         row if action == "delete" else None, row if action == "insert" else None)

    def _rows(self, sql: str, args: list[Any]) -> list[dict[str, Any]]:
        cursor = self.store.db.execute(sql, args)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _moved(before: dict[str, Any], values: dict[str, Any]) -> bool:
    """True when an edit changes the household, village or date, so the posted team must be found again."""
    return any(key in values and (values[key] or None) != (before.get(key) or None)
               for key in ("household_id", "village_id", "visit_date"))
