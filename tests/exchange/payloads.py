"""Crafting payloads for tests: a real payload edited with SQL, the way a forger with the right key could."""

from __future__ import annotations

import sqlite3
from typing import Any


def edit_payload(payload: bytes, *statements: str | tuple[str, list[Any]]) -> bytes:
    """The payload's SQLite image after the statements (a string, or (sql, parameters))."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.deserialize(payload)
        for statement in statements:
            sql, params = (statement, []) if isinstance(statement, str) else statement
            conn.execute(sql, params)
        return conn.serialize()
    finally:
        conn.close()


def payload_counts(payload: bytes) -> dict[str, int]:
    """Rows per table of a payload image, as the header of a package states them."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.deserialize(payload)
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: conn.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in names}
    finally:
        conn.close()
