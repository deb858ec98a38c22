"""The weekly board (例会 / 小黑板): work groups, and per group and week what was done last month and what is planned
this week, each item with its owner (责任人) and status.

Unfinished plans are carried to the next week as new rows pointing back (`carried_from`), so each week's board stays
as it was shown at its meeting while the chain tells how often a plan has slipped. A group is named at the meeting
(laggard) when any of its items that week is 滞后 or has been carried over twice or more.

Weeks are given as dates; any day is taken to mean its week's Monday (core.board.week_start).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lingqiu_desktop.core.board import (
    DEFAULT_COUNTY_GROUPS,
    DONE,
    LAG_CARRIES,
    LAGGING,
    PLAN,
    SECTIONS,
    STATUSES,
    clean_board_item,
    clean_group,
    week_start,
)
from lingqiu_desktop.core.offices import COUNTY_CODE
from lingqiu_desktop.core.validation import ValidationError, require_choice

from lingqiu_desktop.data.store import NotOwnedError, Store

_GROUP_COLUMNS = "id, owner, name, leader, sort_order, active"
_ITEM_COLUMNS = ("b.id, b.owner, b.group_id, b.week_start, b.section, b.content, b.responsible, b.status, "
                 "b.carried_from, b.sort_order")

# How many times each item of a week was carried over: follow carried_from back to the first week's row.
_CARRIES_SQL = """
WITH RECURSIVE chain(id, origin, depth) AS (
    SELECT b.id, b.carried_from, 0 FROM board_item b WHERE b.owner = ? AND b.week_start = ?
    UNION ALL
    SELECT chain.id, p.carried_from, chain.depth + 1 FROM chain JOIN board_item p ON p.id = chain.origin
    WHERE chain.depth < 520
)
SELECT id, MAX(depth) FROM chain GROUP BY id
"""

WeekArg = str | date


@dataclass
class GroupWeek:
    """One group's card on the board for one week."""

    group: dict[str, Any]
    done: list[dict[str, Any]] = field(default_factory=list)      # 上月完成
    plans: list[dict[str, Any]] = field(default_factory=list)     # 本周计划
    lag_reasons: list[str] = field(default_factory=list)

    @property
    def laggard(self) -> bool:
        return bool(self.lag_reasons)

    @property
    def items(self) -> list[dict[str, Any]]:
        return [*self.done, *self.plans]


def _monday(week: WeekArg) -> str:
    return week_start(week).isoformat()


def lag_reasons(items: list[dict[str, Any]]) -> list[str]:
    """Why a group is named at the meeting: items marked 滞后, plans carried over twice or more."""
    reasons = []
    late = sum(1 for i in items if i["status"] == LAGGING)
    slipped = sum(1 for i in items if i["carries"] >= LAG_CARRIES)
    if late:
        reasons.append(f"{late}项滞后")
    if slipped:
        reasons.append(f"{slipped}项连续结转{LAG_CARRIES}次以上")
    return reasons


class BoardRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def db(self) -> Any:
        return self.store.db

    def _rows(self, sql: str, args: list[Any]) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, args)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    # -- work groups ---------------------------------------------------------------------------------------------
    def groups(self, owner: str = "", include_inactive: bool = False) -> list[dict[str, Any]]:
        """An office's work groups in board order (by default this office's). The county's 11 groups of the
        founding article are created the first time the county opens its board with none set up."""
        owner = owner or self.store.office_code
        if owner == COUNTY_CODE == self.store.office_code:
            self.ensure_default_groups()
        sql = f"SELECT {_GROUP_COLUMNS} FROM work_group WHERE owner = ?"
        if not include_inactive:
            sql += " AND active = 1"
        return self._rows(sql + " ORDER BY sort_order, rowid", [owner])

    def ensure_default_groups(self) -> int:
        """The county's default groups, when it has none (not even deactivated ones). Returns how many were made."""
        if self.store.office_code != COUNTY_CODE:
            return 0
        with self.store.transaction():
            if self.db.execute("SELECT 1 FROM work_group WHERE owner = ?", [COUNTY_CODE]).fetchone():
                return 0
            for k, name in enumerate(DEFAULT_COUNTY_GROUPS):
                self.store.insert("work_group", {"name": name, "leader": "", "sort_order": k, "active": 1})
        return len(DEFAULT_COUNTY_GROUPS)

    def group(self, group_id: str) -> dict[str, Any]:
        return self.store.get("work_group", group_id)

    def add_group(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        values = clean_group(raw)
        with self.store.transaction():
            self._check_unique(values["name"])
            order = self.db.execute("SELECT COALESCE(MAX(sort_order), -1) + 1 FROM work_group WHERE owner = ?",
                                    [self.store.office_code]).fetchone()[0]
            return self.store.insert("work_group", {**values, "sort_order": order, "active": 1})

    def update_group(self, group_id: str, raw: Mapping[str, Any]) -> dict[str, Any]:
        """Rename a group or change its leader."""
        values = clean_group(raw)
        with self.store.transaction():
            self._check_unique(values["name"], group_id)
            return self.store.update("work_group", group_id, values)

    def rename_group(self, group_id: str, name: str) -> dict[str, Any]:
        return self.update_group(group_id, {"name": name, "leader": self.group(group_id)["leader"]})

    def _check_unique(self, name: str, group_id: str = "") -> None:
        row = self.db.execute("SELECT id, active FROM work_group WHERE owner = ? AND name = ? AND id != ?",
                              [self.store.office_code, name, group_id]).fetchone()
        if row:
            hint = "" if row[1] else "（已停用，可重新启用）"
            raise ValidationError("工作组名称", f"已有同名工作组“{name}”{hint}")

    def set_group_active(self, group_id: str, active: bool) -> dict[str, Any]:
        """A deactivated group leaves the board from now on; its past weeks keep their items."""
        return self.store.update("work_group", group_id, {"active": int(active)})

    def deactivate_group(self, group_id: str) -> dict[str, Any]:
        return self.set_group_active(group_id, False)

    def move_group(self, group_id: str, delta: int) -> None:
        """Move a group up (delta < 0) or down the board; the others keep their order."""
        ordered = [g["id"] for g in self.groups(include_inactive=True)]
        if group_id not in ordered:
            raise NotOwnedError(self.group(group_id)["owner"])
        old = ordered.index(group_id)
        new = max(0, min(len(ordered) - 1, old + delta))
        ordered.insert(new, ordered.pop(old))
        with self.store.transaction():
            for k, gid in enumerate(ordered):
                self.store.update("work_group", gid, {"sort_order": k})

    # -- the week's board ----------------------------------------------------------------------------------------
    def week(self, week: WeekArg, owner: str = "") -> list[GroupWeek]:
        """Every active group's card for the week (and deactivated groups that had items then), in board order."""
        owner = owner or self.store.office_code
        monday = _monday(week)
        items = self.week_items(monday, owner)
        used = {i["group_id"] for i in items}
        cards = {g["id"]: GroupWeek(g) for g in self.groups(owner, include_inactive=True)
                 if g["active"] or g["id"] in used}
        for item in items:
            card = cards[item["group_id"]]
            (card.done if item["section"] == SECTIONS[0] else card.plans).append(item)
        for card in cards.values():
            card.lag_reasons = lag_reasons(card.items)
        return list(cards.values())

    def week_items(self, week: WeekArg, owner: str = "") -> list[dict[str, Any]]:
        """The week's items with `carries` (how many times each was carried over), in board order."""
        owner = owner or self.store.office_code
        monday = _monday(week)
        rows = self._rows(
            f"SELECT {_ITEM_COLUMNS} FROM board_item b JOIN work_group g ON g.id = b.group_id "
            "WHERE b.week_start = ? AND b.owner = ? ORDER BY g.sort_order, g.rowid, b.section = '本周计划', "
            "b.sort_order, b.rowid", [monday, owner])
        carries = dict(self.db.execute(_CARRIES_SQL, [owner, monday]).fetchall())
        for row in rows:
            row["carries"] = int(carries.get(row["id"], 0))
        return rows

    def laggards(self, week: WeekArg, owner: str = "") -> list[GroupWeek]:
        return [card for card in self.week(week, owner) if card.laggard]

    # -- items ---------------------------------------------------------------------------------------------------
    def item(self, item_id: str) -> dict[str, Any]:
        return self.store.get("board_item", item_id)

    def carries(self, item_id: str) -> int:
        """How many times the item was carried over (0 for a plan first made in its week)."""
        count, row = 0, self.item(item_id)
        while row["carried_from"] and count < 520:
            count, row = count + 1, self.item(row["carried_from"])
        return count

    def _own_group(self, group_id: str) -> dict[str, Any]:
        group = self.group(group_id)
        if group["owner"] != self.store.office_code:
            raise NotOwnedError(group["owner"])
        return group

    def add_item(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        values = clean_board_item(raw)
        with self.store.transaction():
            group = self._own_group(values["group_id"])
            if not group["active"]:
                raise ValidationError("工作组", f"“{group['name']}”已停用，不能再添加事项")
            return self.store.insert("board_item", {**values, "carried_from": None,
                                                    "sort_order": self._next_order(values)})

    def _next_order(self, values: Mapping[str, Any]) -> int:
        return int(self.db.execute(
            "SELECT COALESCE(MAX(sort_order), -1) + 1 FROM board_item WHERE week_start = ? AND group_id = ? "
            "AND section = ?", [values["week_start"], values["group_id"], values["section"]]).fetchone()[0])

    def update_item(self, item_id: str, raw: Mapping[str, Any]) -> dict[str, Any]:
        values = clean_board_item(raw)
        with self.store.transaction():
            before = self.item(item_id)
            if values["group_id"] != before["group_id"]:
                self._own_group(values["group_id"])
            moved = any(values[k] != before[k] for k in ("group_id", "week_start", "section"))
            if moved:
                values["sort_order"] = self._next_order(values)
            return self.store.update("board_item", item_id, values)

    def set_status(self, item_id: str, status: str) -> dict[str, Any]:
        return self.store.update("board_item", item_id, {"status": require_choice(status, "进展状态", STATUSES)})

    def delete_item(self, item_id: str) -> None:
        """An item already carried to a later week keeps that later row's history: delete the later one first."""
        with self.store.transaction():
            later = self.db.execute("SELECT week_start FROM board_item WHERE carried_from = ? LIMIT 1",
                                    [item_id]).fetchone()
            if later:
                raise ValidationError("事项", f"已结转到{later[0]}那一周，请先删除结转后的事项")
            self.store.delete("board_item", item_id)

    # -- carrying over -------------------------------------------------------------------------------------------
    def unfinished(self, from_week: WeekArg, to_week: WeekArg) -> list[dict[str, Any]]:
        """This office's plans of `from_week` not 已完成 and not yet carried to `to_week` (active groups only)."""
        source, target = _monday(from_week), _monday(to_week)
        return self._rows(
            f"SELECT {_ITEM_COLUMNS} FROM board_item b JOIN work_group g ON g.id = b.group_id "
            "WHERE b.week_start = ? AND b.owner = ? AND b.section = ? AND b.status != ? AND g.active = 1 "
            "AND NOT EXISTS (SELECT 1 FROM board_item n WHERE n.carried_from = b.id AND n.week_start = ?) "
            "ORDER BY g.sort_order, g.rowid, b.sort_order, b.rowid",
            [source, self.store.office_code, PLAN, DONE, target])

    def carry_over(self, from_week: WeekArg, to_week: WeekArg) -> list[dict[str, Any]]:
        """Copy the unfinished plans of `from_week` into `to_week`'s 本周计划, each pointing back to its original
        and keeping its status. Running it again carries nothing twice. Returns the new rows."""
        source, target = _monday(from_week), _monday(to_week)
        if target <= source:
            raise ValidationError("结转到", f"应晚于被结转的一周（{source}）")
        made = []
        with self.store.transaction():
            for item in self.unfinished(source, target):
                values = {"group_id": item["group_id"], "week_start": target, "section": PLAN,
                          "content": item["content"], "responsible": item["responsible"], "status": item["status"]}
                made.append(self.store.insert("board_item", {**values, "carried_from": item["id"],
                                                             "sort_order": self._next_order(values)}))
        return made
