"""Poor households (建档立卡贫困户) with their members."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lingqiu_desktop.core.pinyin import is_initials_query
from lingqiu_desktop.core.validation import ValidationError, id_sex

from lingqiu_desktop.data.listing import ListQuery, ListSpec
from lingqiu_desktop.data.store import Store

LIST_KIND = "household"

SPEC = ListSpec(
    base="household h",
    joins="LEFT JOIN village v ON v.id = h.village_id LEFT JOIN office o ON o.code = h.township_code",
    columns={
        "id": "h.id", "head_name": "h.head_name", "head_id_number": "h.head_id_number", "township": "o.name",
        "village": "v.name", "group_name": "h.group_name", "attribute": "h.attribute", "main_cause": "h.main_cause",
        "member_count": "h.member_count", "status": "h.status", "exit_year": "h.exit_year", "phone": "h.phone",
        "per_capita_income": "h.per_capita_income", "owner": "h.owner", "village_id": "h.village_id",
    },
    sortable={"head_name": ("h.head_name",), "village": ("v.code", "h.head_name"),
              "township": ("h.township_code", "v.code", "h.head_name"), "status": ("h.status", "h.head_name"),
              "member_count": ("h.member_count",), "attribute": ("h.attribute", "h.head_name"),
              "head_id_number": ("h.head_id_number",), "exit_year": ("COALESCE(h.exit_year, 0)", "h.head_name"),
              "main_cause": ("h.main_cause", "h.head_name"), "updated_at": ("h.updated_at",)},
    default_sort="village",
)

_MEMBER_MATCH = ("EXISTS (SELECT 1 FROM household_member m WHERE m.household_id = h.id AND {cond})")


@dataclass
class HouseholdFilter:
    township_code: str = ""
    village_id: str = ""
    status: str = ""
    text: str = ""
    sort: str = ""
    descending: bool = False

    def query(self) -> ListQuery:
        q = ListQuery(sort=self.sort, descending=self.descending)
        if self.township_code:
            q.add("h.township_code = ?", self.township_code)
        if self.village_id:
            q.add("h.village_id = ?", self.village_id)
        if self.status:
            q.add("h.status = ?", self.status)
        text = self.text.strip()
        if text:
            _add_search(q, text)
        return q


def _add_search(q: ListQuery, text: str) -> None:
    """A name, an ID number (or part of one), or pinyin initials; members count as well as the head, and the
    member that matched is named in `matched_member` when the head did not."""
    if is_initials_query(text) and not text.lower().strip("x").isdigit():
        head, member, key = "(' ' || h.head_initials) LIKE ?", "(' ' || m.name_initials) LIKE ?", f"% {text.lower()}%"
    elif text.rstrip("xX").isdigit():
        head, member, key = "h.head_id_number LIKE ?", "m.id_number LIKE ?", f"%{text.upper()}%"
    else:
        head, member, key = "h.head_name LIKE ?", "m.name LIKE ?", f"%{text}%"
    q.add(f"({head} OR {_MEMBER_MATCH.format(cond=member)})", key, key)
    q.add_column("matched_member", f"CASE WHEN {head} THEN '' ELSE (SELECT m.name || '（' || m.relation || '）' "
                 f"FROM household_member m WHERE m.household_id = h.id AND {member} LIMIT 1) END", key, key)


class HouseholdRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, village_id: str, values: dict[str, Any], head: dict[str, Any]) -> dict[str, Any]:
        """A household and its head as the first member, in one transaction."""
        village = self.store.get("village", village_id)
        with self.store.transaction():
            self._check_unique_id_number(values["head_id_number"], None)
            row = self.store.insert("household", {**values, "village_id": village_id,
                                                  "township_code": village["township_code"], "member_count": 1})
            self.store.insert("household_member", {**head, "household_id": row["id"], "relation": "户主",
                                                   "sort_order": 0})
        return row

    def update(self, household_id: str, values: dict[str, Any], village_id: str | None = None) -> dict[str, Any]:
        with self.store.transaction():
            self._check_unique_id_number(values["head_id_number"], household_id)
            changes = dict(values)
            if village_id:
                changes |= {"village_id": village_id,
                            "township_code": self.store.get("village", village_id)["township_code"]}
            row = self.store.update("household", household_id, changes)
            head = self.store.db.execute(
                "SELECT id FROM household_member WHERE household_id = ? AND relation = '户主'", [household_id]
            ).fetchone()
            if head:
                self.store.update("household_member", head[0], {"name": row["head_name"],
                                                                "id_number": row["head_id_number"],
                                                                "sex": id_sex(row["head_id_number"]),
                                                                "name_initials": row["head_initials"]})
        return row

    def delete(self, household_id: str) -> None:
        with self.store.transaction():
            visits = self.store.db.execute("SELECT COUNT(*) FROM visit WHERE household_id = ?",
                                           [household_id]).fetchone()[0]
            if visits:
                raise ValidationError("贫困户", f"该户有{visits}条走访记录，不能删除；如已销户请把状态改为“已销户”")
            for (member_id,) in self.store.db.execute(
                    "SELECT id FROM household_member WHERE household_id = ?", [household_id]).fetchall():
                self.store.delete("household_member", member_id)
            for table in ("household_income", "helper_assignment"):
                for (rid,) in self.store.db.execute(f"SELECT id FROM {table} WHERE household_id = ?",
                                                    [household_id]).fetchall():
                    self.store.delete(table, rid)
            self.store.delete("household", household_id)

    def get(self, household_id: str) -> dict[str, Any]:
        return self.store.get("household", household_id)

    def search(self, text: str, *, village_id: str = "", township_code: str = "",
               limit: int = 20) -> list[dict[str, Any]]:
        """Households for a picker, by the head's or a member's name, ID number or pinyin initials."""
        q = HouseholdFilter(township_code=township_code, village_id=village_id, text=text).query()
        where = " AND ".join(f"({w})" for w in q.where) or "1"
        cursor = self.store.db.execute(
            f"SELECT h.id, h.head_name, h.head_id_number, h.village_id, v.name AS village, h.status, h.group_name "
            f"FROM household h LEFT JOIN village v ON v.id = h.village_id WHERE {where} "
            f"ORDER BY (h.head_name = ?) DESC, h.head_name LIMIT ?", [*q.params, text.strip(), limit])
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def members(self, household_id: str) -> list[dict[str, Any]]:
        cursor = self.store.db.execute(
            "SELECT * FROM household_member WHERE household_id = ? ORDER BY sort_order, created_at", [household_id])
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    def add_member(self, household_id: str, values: dict[str, Any]) -> dict[str, Any]:
        if values.get("relation") == "户主":
            raise ValidationError("与户主关系", "户主已登记，请在户信息中修改户主")
        with self.store.transaction():
            self._check_member_id_number(values["id_number"], None)
            order = self.store.db.execute("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM household_member "
                                          "WHERE household_id = ?", [household_id]).fetchone()[0]
            row = self.store.insert("household_member", {**values, "household_id": household_id,
                                                         "sort_order": order})
            self._recount(household_id)
        return row

    def update_member(self, member_id: str, values: dict[str, Any]) -> dict[str, Any]:
        with self.store.transaction():
            before = self.store.get("household_member", member_id)
            if before["relation"] == "户主" and values.get("relation", "户主") != "户主":
                raise ValidationError("与户主关系", "户主的关系不能修改")
            if before["relation"] != "户主" and values.get("relation") == "户主":
                raise ValidationError("与户主关系", "一户只能有一名户主")
            self._check_member_id_number(values["id_number"], member_id)
            return self.store.update("household_member", member_id, values)

    def delete_member(self, member_id: str) -> None:
        with self.store.transaction():
            member = self.store.get("household_member", member_id)
            if member["relation"] == "户主":
                raise ValidationError("家庭成员", "户主不能删除；要删除整户请在贫困户列表中操作")
            self.store.delete("household_member", member_id)
            self._recount(member["household_id"])

    def _recount(self, household_id: str) -> None:
        count = self.store.db.execute("SELECT COUNT(*) FROM household_member WHERE household_id = ?",
                                      [household_id]).fetchone()[0]
        self.store.update("household", household_id, {"member_count": count})

    def _check_unique_id_number(self, id_number: str, household_id: str | None) -> None:
        row = self.store.db.execute("SELECT id, head_name FROM household WHERE head_id_number = ?",
                                    [id_number]).fetchone()
        if row and row[0] != household_id:
            raise ValidationError("户主身份证号", f"已登记为{row[1]}户的户主")

    def _check_member_id_number(self, id_number: str, member_id: str | None) -> None:
        row = self.store.db.execute(
            "SELECT m.id, m.name, h.head_name FROM household_member m JOIN household h ON h.id = m.household_id "
            "WHERE m.id_number = ?", [id_number]).fetchone()
        if row and row[0] != member_id:
            raise ValidationError("成员身份证号", f"已登记为{row[2]}户的成员{row[1]}")
