"""People (人员): cadres, work-team members, first secretaries, helpers (帮扶责任人) and village cadres."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lingqiu_desktop.core.offices import COUNTY_CODE
from lingqiu_desktop.core.people import PERSON_KINDS, UNIT_LEVELS
from lingqiu_desktop.core.pinyin import is_initials_query
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.listing import ListQuery, ListSpec
from lingqiu_desktop.data.store import Store

__all__ = ["LIST_KIND", "NO_TOWNSHIP", "PERSON_KINDS", "SPEC", "UNIT_LEVELS", "PersonFilter", "PersonRepository"]

LIST_KIND = "person"
NO_TOWNSHIP = "-"  # PersonFilter.township_code for people of county units (township_code IS NULL)

# The team a person is posted to now (idx_membership_person), for the people list.
_CURRENT_TEAM = ("(SELECT t.name FROM team_membership m JOIN work_team t ON t.id = m.team_id "
                 "WHERE m.person_id = p.id AND m.status = '在岗' ORDER BY m.start_date DESC LIMIT 1)")

SPEC = ListSpec(
    base="person p",
    joins="LEFT JOIN office o ON o.code = p.township_code",
    columns={
        "id": "p.id", "name": "p.name", "sex": "p.sex", "id_number": "p.id_number", "phone": "p.phone",
        "unit": "p.unit", "unit_level": "p.unit_level", "post": "p.post", "kind": "p.kind",
        "is_party_member": "p.is_party_member", "township": "o.name", "township_code": "p.township_code",
        "team": _CURRENT_TEAM, "owner": "p.owner",
    },
    sortable={"name": ("p.name",), "unit": ("p.unit", "p.name"), "kind": ("p.kind", "p.name"),
              "township": ("COALESCE(p.township_code, '')", "p.name"),
              "unit_level": ("p.unit_level", "p.name"), "id_number": ("p.id_number",)},
    default_sort="name",
)


def _add_text_search(q: ListQuery, text: str, alias: str = "p") -> None:
    """A name, pinyin initials ("zxy" finds 张先云) or part of an ID number or phone."""
    if is_initials_query(text):
        q.add(f"(' ' || {alias}.name_initials) LIKE ?", f"% {text.lower()}%")
    elif text.rstrip("xX").isdigit():
        q.add(f"({alias}.id_number LIKE ? OR {alias}.phone LIKE ?)", f"%{text.upper()}%", f"%{text}%")
    else:
        q.add(f"({alias}.name LIKE ? OR {alias}.unit LIKE ?)", f"%{text}%", f"%{text}%")


@dataclass
class PersonFilter:
    township_code: str = ""
    kind: str = ""
    kinds: tuple[str, ...] = ()        # any of these kinds
    text: str = ""
    sort: str = ""
    descending: bool = False

    def query(self) -> ListQuery:
        q = ListQuery(sort=self.sort, descending=self.descending)
        if self.township_code == NO_TOWNSHIP:
            q.add("p.township_code IS NULL")
        elif self.township_code:
            q.add("p.township_code = ?", self.township_code)
        if self.kind:
            q.add("(',' || p.kind || ',') LIKE ?", f"%,{self.kind},%")
        if self.kinds:
            q.add(" OR ".join("(',' || p.kind || ',') LIKE ?" for _k in self.kinds), *(f"%,{k},%" for k in self.kinds))
        if self.text.strip():
            _add_text_search(q, self.text.strip())
        return q


class PersonRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, values: dict[str, Any]) -> dict[str, Any]:
        """A new person; a township's people belong to the township (township_code) unless told otherwise."""
        if "township_code" not in values and self.store.office_code != COUNTY_CODE:
            values = {**values, "township_code": self.store.office_code}
        with self.store.transaction():
            self._check_unique_id_number(values.get("id_number", ""), None)
            return self.store.insert("person", values)

    def update(self, person_id: str, values: dict[str, Any]) -> dict[str, Any]:
        with self.store.transaction():
            self._check_unique_id_number(values.get("id_number", ""), person_id)
            return self.store.update("person", person_id, values)

    def delete(self, person_id: str) -> None:
        uses = self.store.db.execute(
            "SELECT (SELECT COUNT(*) FROM team_membership WHERE person_id = :p) + "
            "(SELECT COUNT(*) FROM visit_visitor WHERE person_id = :p) + "
            "(SELECT COUNT(*) FROM helper_assignment WHERE person_id = :p) + "
            "(SELECT COUNT(*) FROM training_attendee WHERE person_id = :p)", {"p": person_id}).fetchone()[0]
        if uses:
            raise ValidationError("人员", f"此人已出现在{uses}条工作队、走访、帮扶或培训记录中，不能删除")
        self.store.delete("person", person_id)

    def get(self, person_id: str) -> dict[str, Any]:
        return self.store.get("person", person_id)

    def search(self, text: str, *, kind: str = "", kinds: tuple[str, ...] = (), township_code: str = "",
               limit: int = 20) -> list[dict[str, Any]]:
        """People for a picker: best matches first (exact name, then name prefix, then the rest)."""
        q = PersonFilter(township_code=township_code, kind=kind, kinds=kinds, text=text).query()
        where = " AND ".join(f"({w})" for w in q.where) or "1"
        cursor = self.store.db.execute(
            f"SELECT p.id, p.name, p.sex, p.unit, p.post, p.phone, p.kind, p.township_code FROM person p "
            f"WHERE {where} ORDER BY (p.name = ?) DESC, (p.name LIKE ?) DESC, p.name LIMIT ?",
            [*q.params, text.strip(), f"{text.strip()}%", limit])
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def units(self, prefix: str = "", limit: int = 200) -> list[str]:
        """Units already on the register, most used first, so typing one again is a pick, not a retype."""
        rows = self.store.db.execute(
            "SELECT unit FROM person WHERE unit <> '' AND unit LIKE ? GROUP BY unit ORDER BY COUNT(*) DESC, unit "
            "LIMIT ?", [f"{prefix}%", limit]).fetchall()
        return [r[0] for r in rows]

    def _check_unique_id_number(self, id_number: str, person_id: str | None) -> None:
        if not id_number:
            return
        row = self.store.db.execute("SELECT id, name FROM person WHERE id_number = ?", [id_number]).fetchone()
        if row and row[0] != person_id:
            raise ValidationError("身份证号", f"已登记为人员{row[1]}")
