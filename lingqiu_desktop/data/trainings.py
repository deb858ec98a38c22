"""Trainings (培训) for work teams, first secretaries, village cadres and households, with attendees.

Attendance is marked after the session: `training_attendee.attended` is NULL until then, so a session nobody has
marked yet counts as a session but adds no person-times (人次) or hours; the totals show it as 未点名.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from lingqiu_desktop.core.trainings import clean_attendee
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.listing import ListQuery, ListSpec
from lingqiu_desktop.data.store import NotOwnedError, Store

LIST_KIND = "training"

SPEC = ListSpec(
    base="training t",
    joins="LEFT JOIN office o ON o.code = t.township_code",
    columns={
        "id": "t.id", "start_date": "t.start_date", "end_date": "t.end_date",
        "dates": "CASE WHEN t.end_date = t.start_date THEN t.start_date "
                 "ELSE t.start_date || '至' || substr(t.end_date, 6) END",
        "title": "t.title", "topic": "t.topic", "audience": "t.audience", "hours": "t.hours", "venue": "t.venue",
        "trainer": "t.trainer", "trainer_post": "t.trainer_post", "organiser": "t.organiser",
        "township": "o.name", "township_code": "t.township_code", "owner": "t.owner",
        "listed": "(SELECT COUNT(*) FROM training_attendee a WHERE a.training_id = t.id)",
    },
    sortable={"start_date": ("t.start_date",), "audience": ("t.audience", "t.start_date"),
              "township": ("t.township_code", "t.start_date")},
    default_sort="start_date",
    default_descending=True,
)

# How many came, as the list shows it: a number once marked, else 未点名 (or 未开始 before the start date).
_ATTENDED = ("(SELECT CASE WHEN COUNT(*) = 0 THEN '' {future} WHEN COUNT(a.attended) = 0 THEN '未点名' "
             "ELSE CAST(SUM(a.attended = 1) AS TEXT) END FROM training_attendee a WHERE a.training_id = t.id)")

# The period of a training is that of its start date; these match core.trainings.period_of.
PERIOD_SQL: dict[str, str] = {
    "month": "substr(t.start_date, 1, 7)",
    "quarter": "substr(t.start_date, 1, 4) || 'Q' || ((CAST(substr(t.start_date, 6, 2) AS INTEGER) + 2) / 3)",
    "year": "substr(t.start_date, 1, 4)",
}

_ATTENDEE_COLUMNS = "id, training_id, person_id, name, unit, post, phone, attended, sort_order, owner"


@dataclass
class TrainingFilter:
    township_code: str = ""
    audience: str = ""
    date_from: str = ""
    date_to: str = ""
    text: str = ""
    today: str = ""            # when given, trainings not yet begun show 未开始 rather than 未点名
    sort: str = ""
    descending: bool = True

    def query(self) -> ListQuery:
        q = ListQuery(sort=self.sort, descending=self.descending)
        if self.township_code:
            q.add("t.township_code = ?", self.township_code)
        if self.audience:
            q.add("t.audience = ?", self.audience)
        if self.date_from:
            q.add("t.start_date >= ?", self.date_from)
        if self.date_to:
            q.add("t.start_date <= ?", self.date_to)
        text = self.text.strip()
        if text:
            q.add("(t.title LIKE ? OR t.trainer LIKE ? OR t.venue LIKE ?)", *[f"%{text}%"] * 3)
        if self.today:
            q.add_column("attended", _ATTENDED.format(future="WHEN t.start_date > ? THEN '未开始'"), self.today)
        else:
            q.add_column("attended", _ATTENDED.format(future=""))
        return q


class TrainingRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- trainings -----------------------------------------------------------------------------------------------
    def add(self, values: Mapping[str, Any], township_code: str = "") -> dict[str, Any]:
        """A training held by this office (core.trainings.clean_training values); it counts for `township_code`,
        by default the office itself."""
        return self.store.insert("training", {**values, "township_code": township_code or self.store.office_code})

    def update(self, training_id: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self.store.update("training", training_id, values)

    def delete(self, training_id: str) -> None:
        """The training and its attendees, each with its audit row, all or nothing."""
        with self.store.transaction():
            for row in self.attendees(training_id):
                self.store.delete("training_attendee", row["id"])
            self.store.delete("training", training_id)

    def get(self, training_id: str) -> dict[str, Any]:
        return self.store.get("training", training_id)

    def _own(self, training_id: str) -> dict[str, Any]:
        """The training, when this office may change it (its attendees are written as new rows, which the Store
        does not check against the training's owner)."""
        training = self.get(training_id)
        if training["owner"] != self.store.office_code:
            raise NotOwnedError(training["owner"])
        return training

    # -- attendees -----------------------------------------------------------------------------------------------
    def attendees(self, training_id: str) -> list[dict[str, Any]]:
        cursor = self.store.db.execute(
            f"SELECT {_ATTENDEE_COLUMNS} FROM training_attendee WHERE training_id = ? ORDER BY sort_order, rowid",
            [training_id])
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def add_attendee(self, training_id: str, *, person_id: str = "",
                     values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Someone from the people register (name, unit, post and phone copied, as on the sign-in sheet of the
        day), or someone typed in (`values`: name required; unit, post, phone optional)."""
        with self.store.transaction():
            self._own(training_id)
            if person_id:
                row = self._from_person(training_id, person_id)
            else:
                row = {**clean_attendee(values or {}), "person_id": None}
            order = self.store.db.execute("SELECT COALESCE(MAX(sort_order), -1) + 1 FROM training_attendee "
                                          "WHERE training_id = ?", [training_id]).fetchone()[0]
            return self.store.insert("training_attendee", {**row, "training_id": training_id, "attended": None,
                                                          "sort_order": order})

    def _from_person(self, training_id: str, person_id: str) -> dict[str, Any]:
        person = self.store.get("person", person_id)
        taken = self.store.db.execute("SELECT 1 FROM training_attendee WHERE training_id = ? AND person_id = ?",
                                      [training_id, person_id]).fetchone()
        if taken:
            raise ValidationError("参训人员", f"{person['name']}已在参训名单中")
        return {"person_id": person_id, "name": person["name"], "unit": person["unit"], "post": person["post"],
                "phone": person["phone"]}

    def add_people(self, training_id: str, person_ids: Iterable[str]) -> int:
        """Several people at once (e.g. every 第一书记 of the township); those already listed are skipped."""
        listed = {r["person_id"] for r in self.attendees(training_id)}
        added = 0
        with self.store.transaction():
            for person_id in dict.fromkeys(person_ids):
                if person_id not in listed:
                    self.add_attendee(training_id, person_id=person_id)
                    added += 1
        return added

    def remove_attendee(self, attendee_id: str) -> None:
        self.store.delete("training_attendee", attendee_id)

    def mark_attendance(self, training_id: str, marks: Mapping[str, bool | None],
                        today: date | None = None) -> None:
        """Who came (True), who did not (False), or not marked (None), all in one transaction. With `today`,
        a training that has not begun is refused: attendance is marked after the session."""
        with self.store.transaction():
            training = self._own(training_id)
            if today is not None and training["start_date"] > today.isoformat():
                raise ValidationError("出勤", f"培训{training['start_date']}才开始，培训结束后再点名")
            ours = {r["id"] for r in self.attendees(training_id)}
            for attendee_id, came in marks.items():
                if attendee_id not in ours:
                    raise ValidationError("出勤", "点名名单中有不属于本次培训的人员，请关闭后重新打开")
                self.store.update("training_attendee", attendee_id,
                                  {"attended": None if came is None else int(bool(came))})

    def save_attendees(self, training_id: str, *, added: Iterable[Mapping[str, Any]] = (),
                       removed: Iterable[str] = (), marks: Mapping[str, bool | None] | None = None,
                       today: date | None = None) -> list[dict[str, Any]]:
        """What the attendee dialog changed, saved all or nothing. `added` holds {"person_id": …} or typed-in
        values with an optional "key"; `marks` may name added rows by that key. Returns the saved attendees."""
        with self.store.transaction():
            for attendee_id in removed:
                self._check_attendee(training_id, attendee_id)
                self.remove_attendee(attendee_id)
            keys: dict[str, str] = {}
            for row in added:
                fields = {k: v for k, v in row.items() if k != "key"}
                saved = self.add_attendee(training_id, person_id=str(fields.pop("person_id", "") or ""),
                                          values=fields)
                keys[str(row.get("key", saved["id"]))] = saved["id"]
            if marks:
                self.mark_attendance(training_id, {keys.get(k, k): v for k, v in marks.items()}, today)
        return self.attendees(training_id)

    def _check_attendee(self, training_id: str, attendee_id: str) -> None:
        if self.store.get("training_attendee", attendee_id)["training_id"] != training_id:
            raise ValidationError("参训人员", "不属于本次培训")

    # -- reports -------------------------------------------------------------------------------------------------
    def totals(self, period_kind: str, year: int, township_code: str = "") -> list[dict[str, Any]]:
        """Per period and audience: sessions (场次), of which not yet marked (未点名), person-times (人次 = attendees
        marked present) and hours (学时 × attendees present = 学时人次). Grouped in SQL, per training first."""
        period = PERIOD_SQL[period_kind]
        args: list[Any] = [f"{year:04d}-01-01", f"{year:04d}-12-31"]
        where = "t.start_date >= ? AND t.start_date <= ?"
        if township_code:
            where += " AND t.township_code = ?"
            args.append(township_code)
        sql = (
            "SELECT period, audience, COUNT(*) AS sessions, SUM(marked = 0) AS unmarked_sessions, "
            "SUM(present) AS person_times, ROUND(SUM(hours * present), 1) AS hours, SUM(listed) AS listed "
            f"FROM (SELECT {period} AS period, t.audience AS audience, t.hours AS hours, "
            "COUNT(a.id) AS listed, COUNT(a.attended) > 0 AS marked, COALESCE(SUM(a.attended = 1), 0) AS present "
            "FROM training t LEFT JOIN training_attendee a ON a.training_id = t.id "
            f"WHERE {where} GROUP BY t.id) GROUP BY period, audience ORDER BY period, audience")
        cursor = self.store.db.execute(sql, args)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def upcoming(self, today: date, township_code: str = "", days: int = 14) -> list[dict[str, Any]]:
        """Trainings under way or starting within `days` days, soonest first (the dashboard's list)."""
        args: list[Any] = [(today + timedelta(days=days)).isoformat(), today.isoformat()]
        where = "t.start_date <= ? AND t.end_date >= ?"
        if township_code:
            where += " AND t.township_code = ?"
            args.append(township_code)
        cursor = self.store.db.execute(
            "SELECT t.id, t.title, t.audience, t.start_date, t.end_date, t.venue, t.hours, t.owner, "
            "o.name AS township, (SELECT COUNT(*) FROM training_attendee a WHERE a.training_id = t.id) AS listed "
            f"FROM training t LEFT JOIN office o ON o.code = t.township_code WHERE {where} "
            "ORDER BY t.start_date, t.rowid", args)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
