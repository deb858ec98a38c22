"""The one write path: every insert, update and delete runs in a transaction and leaves an audit row.

An office edits only the rows it owns (DESIGN.md "Records and ownership"); rows that arrived from another
office by USB are read-only here, and trying to change one raises NotOwnedError.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import sqlite_utils

from lingqiu_desktop.core.ids import new_id


class NotFoundError(LookupError):
    def __init__(self, table: str, record_id: str) -> None:
        super().__init__(f"记录不存在或已被删除（{table} {record_id}）")


class NotOwnedError(PermissionError):
    def __init__(self, owner: str) -> None:
        super().__init__(f"这条记录属于其他单位（{owner}），本单位只能查看，不能修改或删除。")


def now_text() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _json(row: Mapping[str, Any] | None) -> str | None:
    if row is None:
        return None
    return json.dumps({k: v for k, v in row.items() if not isinstance(v, bytes | bytearray)}, ensure_ascii=False)


class Store:
    """Writes for one office and one user over an open database."""

    def __init__(self, db: sqlite_utils.Database, office_code: str, user_name: str) -> None:
        self.db = db
        self.office_code = office_code
        self.user_name = user_name

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One transaction (a savepoint when nested): all of it is saved, or none of it."""
        with self.db.atomic() as db:
            yield db

    def get(self, table: str, record_id: str) -> dict[str, Any]:
        cursor = self.db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [record_id])
        row = cursor.fetchone()
        if row is None:
            raise NotFoundError(table, record_id)
        return dict(zip([c[0] for c in cursor.description], row, strict=True))

    def audit(self, action: str, table: str, row_id: str,
              before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> None:
        self.db.execute(
            "INSERT INTO audit_log (id, owner, at, user_name, action, table_name, row_id, before_json, after_json)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [new_id(), self.office_code, now_text(), self.user_name, action, table, row_id,
             _json(before), _json(after)],
        )

    def insert(self, table: str, values: Mapping[str, Any]) -> dict[str, Any]:
        stamp = now_text()
        row = {"id": new_id(), "owner": self.office_code, **values,
               "created_at": stamp, "updated_at": stamp, "updated_by": self.user_name}
        with self.transaction():
            columns = ", ".join(f"[{c}]" for c in row)
            marks = ", ".join("?" for _ in row)
            self.db.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({marks})", list(row.values()))
            self.audit("insert", table, row["id"], None, row)
        return row

    def update(self, table: str, record_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        with self.transaction():
            before = self.get(table, record_id)
            self._check_owner(before)
            changed = {k: v for k, v in changes.items() if before.get(k) != v}
            if not changed:
                return before
            changed |= {"updated_at": now_text(), "updated_by": self.user_name}
            sets = ", ".join(f"[{c}] = ?" for c in changed)
            self.db.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*changed.values(), record_id])
            after = {**before, **changed}
            self.audit("update", table, record_id, before, after)
        return after

    def delete(self, table: str, record_id: str) -> dict[str, Any]:
        with self.transaction():
            before = self.get(table, record_id)
            self._check_owner(before)
            self.db.execute(f"DELETE FROM [{table}] WHERE id = ?", [record_id])
            self.audit("delete", table, record_id, before, None)
        return before

    def _check_owner(self, row: Mapping[str, Any]) -> None:
        owner = row.get("owner")
        if owner is not None and owner != self.office_code:
            raise NotOwnedError(str(owner))
