"""Which tables travel in a package, read from the LIVE database's own schema (never from a file).

Table and column names, primary keys and the order parents-before-children come from PRAGMA table_info and
foreign_key_list of this program's database: a name in a package is only ever compared with these.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

# This PC's own tables: users and password hashes, keys, logs, settings. They have an owner column or not; they
# never travel, whatever a package says.
NEVER_TRAVEL = frozenset({"app_user", "office_key", "office_card", "export_log", "import_log", "print_log",
                          "setting", "schema_migration", "office"})


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]
    pk: tuple[str, ...]
    blobs: frozenset[str]
    parents: tuple[tuple[str, str, str], ...]  # (column, parent table, parent column) of single-column FKs


def user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
    return sorted(r[0] for r in rows)


def table_spec(conn: sqlite3.Connection, name: str) -> TableSpec:
    info = conn.execute(f"PRAGMA main.table_info([{name}])").fetchall()
    pk = tuple(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
    fks = conn.execute(f"PRAGMA main.foreign_key_list([{name}])").fetchall()
    multi = {r[0] for r in fks if r[1] > 0}
    parents = tuple((r[3], r[2], r[4] or "") for r in fks if r[0] not in multi)
    return TableSpec(name, tuple(r[1] for r in info), pk,
                     frozenset(r[1] for r in info if (r[2] or "").upper() == "BLOB"), parents)


def travelling(db: sqlite_utils.Database) -> dict[str, TableSpec]:
    """Every table with an owner column and a primary key except NEVER_TRAVEL, parents first."""
    conn = db.conn
    specs = {}
    for name in user_tables(conn):
        if name in NEVER_TRAVEL:
            continue
        spec = table_spec(conn, name)
        if "owner" in spec.columns and spec.pk:
            specs[name] = spec
    return {name: specs[name] for name in _parents_first(specs)}


def _parents_first(specs: dict[str, TableSpec]) -> list[str]:
    """Topological order over foreign keys (self-references ignored: deferred foreign keys carry them)."""
    order: list[str] = []
    pending = sorted(specs)
    while pending:
        ready = [t for t in pending
                 if all(p == t or p in order or p not in specs for _, p, _ in specs[t].parents)]
        for name in ready or pending[:1]:  # a cycle would stall: take one; deferred foreign keys carry it
            order.append(name)
            pending.remove(name)
    return order


def cols(columns: Iterable[str], alias: str = "") -> str:
    """A column list, each name bracketed (names come from the live schema), optionally qualified."""
    prefix = f"{alias}." if alias else ""
    return ", ".join(f"{prefix}[{c}]" for c in columns)
