"""Meeting records: the "1+3" mechanism's joint meeting (联席会) and the Monday meeting (例会) with its minutes, each
with its decisions (决定事项), who answers for them (责任人), their due dates (完成时限) and whether they are done.

A meeting and its decision list are saved together, all or nothing (`add`/`update` with `decisions=`). The Monday
meeting belongs to its week's board: one 例会 per office and week, found by `for_week`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from lingqiu_desktop.core.board import clean_decision, clean_meeting, week_start
from lingqiu_desktop.core.validation import ValidationError, ValidationErrors

from lingqiu_desktop.data.listing import ListQuery, ListSpec
from lingqiu_desktop.data.store import NotOwnedError, Store

LIST_KIND = "meeting"

_DECISIONS = "(SELECT COUNT(*) FROM meeting_decision d WHERE d.meeting_id = m.id{extra})"
SPEC = ListSpec(
    base="meeting m",
    joins="LEFT JOIN office o ON o.code = m.owner",
    columns={
        "id": "m.id", "meeting_date": "m.meeting_date", "kind": "m.kind", "title": "m.title",
        "attendees": "m.attendees", "minutes": "m.minutes", "owner": "m.owner", "office": "o.name",
        "decisions": _DECISIONS.format(extra=""),
        "open": _DECISIONS.format(extra=" AND d.done = 0"),
    },
    sortable={"meeting_date": ("m.meeting_date",), "kind": ("m.kind", "m.meeting_date"),
              "office": ("m.owner", "m.meeting_date")},
    default_sort="meeting_date",
    default_descending=True,
)

_OVERDUE = " AND d.done = 0 AND d.due_date IS NOT NULL AND d.due_date < ?"
_DECISION_COLUMNS = "id, owner, meeting_id, decision, responsible, due_date, done, sort_order"
_EARLIEST = date(1949, 10, 1)


@dataclass
class MeetingFilter:
    owner: str = ""            # an office code; "" = every office this database holds
    kind: str = ""
    date_from: str = ""
    date_to: str = ""
    text: str = ""
    today: str = ""            # with it, each row gets `overdue` (its decisions past their due date, not done)
    overdue_only: bool = False
    sort: str = ""
    descending: bool = True

    def query(self) -> ListQuery:
        q = ListQuery(sort=self.sort, descending=self.descending)
        if self.owner:
            q.add("m.owner = ?", self.owner)
        if self.kind:
            q.add("m.kind = ?", self.kind)
        if self.date_from:
            q.add("m.meeting_date >= ?", self.date_from)
        if self.date_to:
            q.add("m.meeting_date <= ?", self.date_to)
        text = self.text.strip()
        if text:
            q.add("(m.title LIKE ? OR m.attendees LIKE ? OR m.minutes LIKE ? OR EXISTS (SELECT 1 FROM "
                  "meeting_decision d WHERE d.meeting_id = m.id AND (d.decision LIKE ? OR d.responsible LIKE ?)))",
                  *[f"%{text}%"] * 5)
        if self.today:
            q.add_column("overdue", _DECISIONS.format(extra=_OVERDUE), self.today)
            if self.overdue_only:
                q.add(f"EXISTS (SELECT 1 FROM meeting_decision d WHERE d.meeting_id = m.id{_OVERDUE})", self.today)
        return q


def _clean_all(raw: Mapping[str, Any], decisions: Sequence[Mapping[str, Any]],
               today: date | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The meeting and every decision checked in one pass, so the dialog can show every problem at once."""
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}
    try:
        values = clean_meeting(raw, today)
    except ValidationError as exc:
        errors.append(exc)
    held = values.get("meeting_date") or _EARLIEST  # a bad meeting date is reported once, not with every decision
    cleaned = []
    for n, row in enumerate(decisions, start=1):
        try:
            cleaned.append({**clean_decision(row, held, n), "id": row.get("id") or ""})
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    return values, cleaned


class MeetingRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _rows(self, sql: str, args: list[Any]) -> list[dict[str, Any]]:
        cursor = self.store.db.execute(sql, args)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    # -- meetings ------------------------------------------------------------------------------------------------
    def get(self, meeting_id: str) -> dict[str, Any]:
        return self.store.get("meeting", meeting_id)

    def add(self, raw: Mapping[str, Any], decisions: Sequence[Mapping[str, Any]] = (),
            today: date | None = None) -> dict[str, Any]:
        """A meeting held (not after `today`, the working date) and its decisions, saved together."""
        values, cleaned = _clean_all(raw, decisions, today)
        with self.store.transaction():
            self._check_one_per_week(values)
            meeting = self.store.insert("meeting", values)
            self._save_decisions(meeting["id"], cleaned)
        return meeting

    def update(self, meeting_id: str, raw: Mapping[str, Any], decisions: Sequence[Mapping[str, Any]] | None = None,
               today: date | None = None) -> dict[str, Any]:
        """With `decisions`, the list becomes exactly that: rows with an id are updated, new rows added, missing
        ones deleted. Without it, the saved decisions must still fit the (possibly moved) meeting date."""
        with self.store.transaction():
            if decisions is None:
                decisions = self.decisions(meeting_id)
            values, cleaned = _clean_all(raw, decisions, today)
            self._check_one_per_week(values, meeting_id)
            meeting = self.store.update("meeting", meeting_id, values)
            self._save_decisions(meeting_id, cleaned)
        return meeting

    def delete(self, meeting_id: str) -> None:
        """The meeting and its decisions, each with its audit row."""
        with self.store.transaction():
            self._own(meeting_id)
            for row in self.decisions(meeting_id):
                self.store.delete("meeting_decision", row["id"])
            self.store.delete("meeting", meeting_id)

    def _own(self, meeting_id: str) -> dict[str, Any]:
        """The meeting, when this office may change it (decision rows are new rows, which the Store does not check
        against their meeting's owner)."""
        meeting = self.get(meeting_id)
        if meeting["owner"] != self.store.office_code:
            raise NotOwnedError(meeting["owner"])
        return meeting

    def _check_one_per_week(self, values: Mapping[str, Any], meeting_id: str = "") -> None:
        """One 例会 a week: the board shows that week's minutes, so a second record would be ambiguous."""
        if values["kind"] != "例会":
            return
        other = self.for_week(values["meeting_date"])
        if other is not None and other["id"] != meeting_id:
            raise ValidationError("会议日期", f"这一周已有例会记录（{other['meeting_date']}），请修改原记录")

    def for_week(self, week: str | date, owner: str = "") -> dict[str, Any] | None:
        """The 例会 held in the week of `week` (any day of it), if recorded."""
        monday = week_start(week)
        rows = self._rows(
            "SELECT * FROM meeting WHERE kind = '例会' AND meeting_date BETWEEN ? AND ? AND owner = ? "
            "ORDER BY meeting_date, rowid LIMIT 1",
            [monday.isoformat(), (monday + timedelta(days=6)).isoformat(), owner or self.store.office_code])
        return rows[0] if rows else None

    # -- decisions -----------------------------------------------------------------------------------------------
    def decisions(self, meeting_id: str) -> list[dict[str, Any]]:
        return self._rows(f"SELECT {_DECISION_COLUMNS} FROM meeting_decision WHERE meeting_id = ? "
                          "ORDER BY sort_order, rowid", [meeting_id])

    def _save_decisions(self, meeting_id: str, cleaned: list[dict[str, Any]]) -> None:
        self._own(meeting_id)
        saved = {d["id"] for d in self.decisions(meeting_id)}
        keep = {d["id"] for d in cleaned if d["id"]}
        unknown = keep - saved
        if unknown:
            raise ValidationError("决定事项", "列表中有不属于本次会议的事项，请关闭后重新打开")
        for gone in saved - keep:
            self.store.delete("meeting_decision", gone)
        for order, row in enumerate(cleaned):
            values = {k: v for k, v in row.items() if k != "id"} | {"sort_order": order}
            if row["id"]:
                self.store.update("meeting_decision", row["id"], values)
            else:
                self.store.insert("meeting_decision", {**values, "meeting_id": meeting_id})

    def add_decision(self, meeting_id: str, raw: Mapping[str, Any]) -> dict[str, Any]:
        with self.store.transaction():
            meeting = self._own(meeting_id)
            values = clean_decision(raw, meeting["meeting_date"])
            order = self.store.db.execute("SELECT COALESCE(MAX(sort_order), -1) + 1 FROM meeting_decision "
                                          "WHERE meeting_id = ?", [meeting_id]).fetchone()[0]
            return self.store.insert("meeting_decision", {**values, "meeting_id": meeting_id, "sort_order": order})

    def update_decision(self, decision_id: str, raw: Mapping[str, Any]) -> dict[str, Any]:
        with self.store.transaction():
            row = self.store.get("meeting_decision", decision_id)
            values = clean_decision(raw, self.get(row["meeting_id"])["meeting_date"])
            return self.store.update("meeting_decision", decision_id, values)

    def delete_decision(self, decision_id: str) -> None:
        self.store.delete("meeting_decision", decision_id)

    def mark_done(self, decision_id: str, done: bool = True) -> dict[str, Any]:
        return self.store.update("meeting_decision", decision_id, {"done": int(done)})

    def overdue(self, today: date, owner: str = "") -> list[dict[str, Any]]:
        """Decisions past their due date and not done, earliest first, with their meeting's date, kind and title."""
        return self._rows(
            "SELECT d.id, d.meeting_id, d.decision, d.responsible, d.due_date, d.done, m.meeting_date, m.kind, "
            "m.title FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id "
            "WHERE d.owner = ? AND d.done = 0 AND d.due_date IS NOT NULL AND d.due_date < ? "
            "ORDER BY d.due_date, m.meeting_date, d.sort_order",
            [owner or self.store.office_code, today.isoformat()])
