"""Villages (村庄): the register of a township's administrative villages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lingqiu_desktop.core.pinyin import is_initials_query
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.listing import ListQuery, ListSpec
from lingqiu_desktop.data.store import Store

LIST_KIND = "village"

SPEC = ListSpec(
    base="village v",
    joins="LEFT JOIN office o ON o.code = v.township_code",
    columns={
        "id": "v.id", "code": "v.code", "name": "v.name", "township": "o.name", "township_code": "v.township_code",
        "is_poor": "v.is_poor", "status": "v.status", "planned_exit_year": "v.planned_exit_year",
        "exit_year": "v.exit_year", "population": "v.population", "household_count": "v.household_count",
        "poor_households": "(SELECT COUNT(*) FROM household h WHERE h.village_id = v.id)",
        "collective_income": "v.collective_income", "owner": "v.owner",
    },
    sortable={"code": ("v.code",), "name": ("v.name",), "township": ("v.township_code", "v.code"),
              "status": ("v.status", "v.code"), "population": ("v.population",),
              "collective_income": ("v.collective_income",)},
    default_sort="code",
)


@dataclass
class VillageFilter:
    township_code: str = ""
    status: str = ""
    poor_only: bool = False
    text: str = ""
    sort: str = ""
    descending: bool = False

    def query(self) -> ListQuery:
        q = ListQuery(sort=self.sort, descending=self.descending)
        if self.township_code:
            q.add("v.township_code = ?", self.township_code)
        if self.status:
            q.add("v.status = ?", self.status)
        if self.poor_only:
            q.add("v.is_poor = 1")
        text = self.text.strip()
        if text:
            if is_initials_query(text):
                q.add("(' ' || v.name_initials) LIKE ?", f"% {text.lower()}%")
            else:
                q.add("(v.name LIKE ? OR v.code LIKE ?)", f"%{text}%", f"{text}%")
        return q


class VillageRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, values: dict[str, Any]) -> dict[str, Any]:
        self._check_unique_code(values["code"], None)
        return self.store.insert("village", values)

    def update(self, village_id: str, values: dict[str, Any]) -> dict[str, Any]:
        self._check_unique_code(values["code"], village_id)
        return self.store.update("village", village_id, values)

    def delete(self, village_id: str) -> None:
        used = self.store.db.execute(
            "SELECT (SELECT COUNT(*) FROM household WHERE village_id = ?) + "
            "(SELECT COUNT(*) FROM work_team WHERE village_id = ?) + (SELECT COUNT(*) FROM visit WHERE village_id = ?)",
            [village_id, village_id, village_id]).fetchone()[0]
        if used:
            raise ValidationError("村庄", f"该村下还有{used}条贫困户、工作队或走访记录，不能删除")
        self.store.delete("village", village_id)

    def get(self, village_id: str) -> dict[str, Any]:
        return self.store.get("village", village_id)

    def choices(self, township_code: str = "") -> list[tuple[str, str, str]]:
        """(id, name, township_code) of villages, in code order, for pickers."""
        sql = "SELECT id, name, township_code FROM village"
        args: list[Any] = []
        if township_code:
            sql += " WHERE township_code = ?"
            args.append(township_code)
        return [tuple(r) for r in self.store.db.execute(sql + " ORDER BY code", args).fetchall()]  # type: ignore[misc]

    def _check_unique_code(self, code: str, village_id: str | None) -> None:
        row = self.store.db.execute("SELECT id, name FROM village WHERE code = ?", [code]).fetchone()
        if row and row[0] != village_id:
            raise ValidationError("村级代码", f"{code}已被{row[1]}使用")
