"""Household visits (走访记录 / 民情日记): the list query. Entry and follow-ups come with the daily-records work."""

from __future__ import annotations

from dataclasses import dataclass

from lingqiu_desktop.data.listing import ListQuery, ListSpec
from lingqiu_desktop.data.store import Store

LIST_KIND = "visit"

SPEC = ListSpec(
    base="visit t",
    joins=("LEFT JOIN village v ON v.id = t.village_id LEFT JOIN office o ON o.code = t.township_code "
           "LEFT JOIN household h ON h.id = t.household_id"),
    columns={
        "id": "t.id", "visit_date": "t.visit_date", "township": "o.name", "village": "v.name",
        "household": "COALESCE(h.head_name, '（村情日志）')", "kind": "t.kind", "visitors": "t.visitor_names",
        "problems": "t.problems", "actions": "t.actions", "follow_up_due": "t.follow_up_due",
        "follow_up_done_at": "t.follow_up_done_at", "signed": "t.signed", "owner": "t.owner",
    },
    sortable={"visit_date": ("t.visit_date",), "kind": ("t.kind", "t.visit_date"),
              "village": ("t.village_id", "t.visit_date"), "township": ("t.township_code", "t.visit_date")},
    default_sort="visit_date",
    default_descending=True,
)


class VisitRepository:
    def __init__(self, store: Store) -> None:
        self.store = store


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
    today: str = ""
    sort: str = ""
    descending: bool = True

    def query(self) -> ListQuery:
        q = ListQuery(sort=self.sort, descending=self.descending)
        for column, value in (("t.township_code", self.township_code), ("t.village_id", self.village_id),
                              ("t.team_id", self.team_id), ("t.household_id", self.household_id),
                              ("t.kind", self.kind)):
            if value:
                q.add(f"{column} = ?", value)
        if self.person_id:
            q.add("t.id IN (SELECT visit_id FROM visit_visitor WHERE person_id = ?)", self.person_id)
        if self.date_from:
            q.add("t.visit_date >= ?", self.date_from)
        if self.date_to:
            q.add("t.visit_date <= ?", self.date_to)
        if self.follow_up in ("open", "overdue"):
            q.add("t.follow_up_due IS NOT NULL AND t.follow_up_done_at IS NULL")
        if self.follow_up == "overdue":
            q.add("t.follow_up_due < ?", self.today)
        return q
