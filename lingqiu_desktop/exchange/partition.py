"""One office's partition: the dry run and the apply of a package's payload, inside SQLite.

DESIGN.md "Moving data on USB": a package carries one owner's complete partition (a snapshot, not a diff), and
importing replaces that owner's rows in one transaction. The payload (payload.py) is checked and attached as the
schema lq_pkg; the dry run compares it with the owner's rows here by key, and the apply writes the difference with
INSERT … SELECT and UPDATE … FROM, so no row passes through Python. Rows owned by other offices are never touched:
a package row whose key another office's row has is refused, changed rows are updated only where the owner is the
sender (never INSERT OR REPLACE, which deletes and cascades), and a row the sender removed that another office's
rows still point at is kept rather than cascading into them.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from lingqiu_desktop.exchange.labels import table_label
from lingqiu_desktop.exchange.payload import (
    PKG,
    Decoded,
    Rows,
    Staged,
    bad,
    decode_payload,
    encode_payload,
    export_payload,
    stage,
)
from lingqiu_desktop.exchange.tables import NEVER_TRAVEL, TableSpec, cols, table_spec, travelling, user_tables

__all__ = ["NEVER_TRAVEL", "Decoded", "Plan", "Progress", "Rows", "Staged", "TableChange", "TableSpec", "apply",
           "collect", "content_hash", "decode_payload", "encode_payload", "export_payload", "plan", "stage",
           "travelling"]

_CHUNK = 20_000  # keys per json_each() lookup

Progress = Callable[[int, int, str], None]   # (done, total, what); may raise to cancel


@dataclass
class TableChange:
    """Rows of one table in the package against the sender's rows here. kept: rows the sender removed that other
    offices' rows here still point at; they stay (deleting them would change those offices' rows)."""

    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    kept: int = 0
    gone: list[Any] = field(default_factory=list, repr=False)      # keys to delete

    @property
    def rows(self) -> int:
        return self.new + self.changed + self.unchanged

    @property
    def is_noop(self) -> bool:
        return not (self.new or self.changed or self.removed)


@dataclass
class Plan:
    tables: dict[str, TableChange]

    @property
    def is_noop(self) -> bool:
        return all(change.is_noop for change in self.tables.values())

    def counts(self) -> dict[str, int]:
        """Rows per table in the package."""
        return {name: change.rows for name, change in self.tables.items()}

    def totals(self) -> dict[str, int]:
        keys = ("new", "changed", "removed", "unchanged", "kept")
        return {k: sum(getattr(c, k) for c in self.tables.values()) for k in keys}


def collect(db: sqlite_utils.Database, owner: str) -> Decoded:
    """The owner's partition as Python rows: {table: (columns, rows)} for every travelling table, parents first."""
    conn = db.conn
    out: Decoded = {}
    for name, spec in travelling(db).items():
        sql = f"SELECT {cols(spec.columns)} FROM [{name}] WHERE owner = ?"
        out[name] = (spec.columns, conn.execute(sql, [owner]).fetchall())
    return out


Source = Staged | Decoded


@contextmanager
def _staged(db: sqlite_utils.Database, owner: str, source: Source) -> Iterator[Staged]:
    """A Staged payload as it is, or Python rows (tests, tools) staged through the same checks."""
    if isinstance(source, Staged):
        with nullcontext(source) as staged:
            yield staged
    else:
        with stage(db, encode_payload(source), owner) as staged:
            yield staged


# -- the dry run -------------------------------------------------------------------------------------------------------
def _key_join(spec: TableSpec) -> str:
    return " AND ".join(f"m.[{k}] = p.[{k}]" for k in spec.pk)


def _differs(spec: TableSpec, columns: Sequence[str]) -> str:
    return " OR ".join(f"m.[{c}] IS NOT p.[{c}]" for c in columns if c not in spec.pk) or "0"


def plan(db: sqlite_utils.Database, owner: str, source: Source) -> Plan:
    """Per table: new / changed / removed / unchanged against the owner's rows here. Writes nothing. A package row
    whose key another office's row has is refused."""
    with _staged(db, owner, source) as staged:
        return _plan(db.conn, travelling(db), owner, staged)


def _plan(conn: sqlite3.Connection, specs: dict[str, TableSpec], owner: str, staged: Staged) -> Plan:
    tables = {name: _table_change(conn, specs[name], owner, columns, staged.counts[name])
              for name, columns in staged.tables.items()}
    _keep_referenced(conn, specs, owner, tables)
    return Plan(tables)


def _table_change(conn: sqlite3.Connection, spec: TableSpec, owner: str, columns: tuple[str, ...],
                  total: int) -> TableChange:
    name, key = spec.name, _key_join(spec)
    # CROSS JOIN keeps the package as the outer loop: one look-up in this table's key per package row
    clash = conn.execute(f"SELECT m.owner FROM {PKG}.[{name}] AS p CROSS JOIN main.[{name}] AS m ON {key}"
                         " WHERE m.owner IS NOT ? LIMIT 1", [owner]).fetchone()
    if clash:
        bad(f"表“{table_label(name)}”中有记录与其他单位（{clash[0]}）的记录编号相同")
    if not conn.execute(f"SELECT 1 FROM main.[{name}] WHERE owner = ? LIMIT 1", [owner]).fetchone():
        return TableChange(new=total)
    new = conn.execute(f"SELECT count(*) FROM {PKG}.[{name}] AS p"
                       f" WHERE NOT EXISTS (SELECT 1 FROM main.[{name}] AS m WHERE {key})").fetchone()[0]
    changed = conn.execute(f"SELECT count(*) FROM {PKG}.[{name}] AS p CROSS JOIN main.[{name}] AS m ON {key}"
                           f" WHERE {_differs(spec, columns)}").fetchone()[0]
    pk = spec.pk[0] if len(spec.pk) == 1 else None
    gone_sql = (f"SELECT {cols(spec.pk, 'm')} FROM main.[{name}] AS m WHERE m.owner = ?"
                f" AND NOT EXISTS (SELECT 1 FROM {PKG}.[{name}] AS p WHERE {key})")
    gone = [row[0] if pk else tuple(row) for row in conn.execute(gone_sql, [owner]).fetchall()]
    return TableChange(new, changed, len(gone), total - new - changed, gone=gone)


def _key_select(spec: TableSpec) -> str:
    """A WHERE clause matching the table's key against a JSON array bound as the one parameter."""
    if len(spec.pk) == 1:
        return f"[{spec.pk[0]}] IN (SELECT value FROM json_each(?))"
    picks = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(len(spec.pk)))
    return f"({cols(spec.pk)}) IN (SELECT {picks} FROM json_each(?))"


def _chunks(keys: Sequence[Any]) -> Iterable[str]:
    for start in range(0, len(keys), _CHUNK):
        yield json.dumps(list(keys[start:start + _CHUNK]), ensure_ascii=False)


def _children(specs: dict[str, TableSpec], conn: sqlite3.Connection) -> dict[str, list[tuple[str, str, bool]]]:
    """parent table -> [(child table, child column, child has owner)] over every table of the database, for
    foreign keys onto a travelling table's one-column key."""
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for name in user_tables(conn):
        spec = specs.get(name) or table_spec(conn, name)
        for column, parent, parent_column in spec.parents:
            target = specs.get(parent)
            if target is not None and len(target.pk) == 1 and parent_column in ("", target.pk[0]):
                out.setdefault(parent, []).append((name, column, "owner" in spec.columns))
    return out


def _keep_referenced(conn: sqlite3.Connection, specs: dict[str, TableSpec], owner: str,
                     tables: dict[str, TableChange]) -> None:
    """Rows to remove that other offices' rows point at stay, and so do the sender's rows those stay under
    (a CASCADE from a deleted parent would reach the other office's rows through them)."""
    gone = {n: set(c.gone) for n, c in tables.items() if c.gone and len(specs[n].pk) == 1}
    if not gone:
        return
    children = _children(specs, conn)
    kept: dict[str, set[Any]] = {}
    for parent, keys in gone.items():
        for child, column, has_owner in children.get(parent, ()):
            other = " AND owner IS NOT ?" if has_owner else ""
            for chunk in _chunks(sorted(keys)):
                sql = (f"SELECT DISTINCT [{column}] FROM main.[{child}]"
                       f" WHERE [{column}] IN (SELECT value FROM json_each(?))")
                found = conn.execute(sql + other, [chunk, owner] if has_owner else [chunk]).fetchall()
                kept.setdefault(parent, set()).update(r[0] for r in found)
    _keep_parents(conn, specs, gone, kept)
    for name, keys in kept.items():
        change = tables[name]
        change.gone = [k for k in change.gone if k not in keys]
        change.kept = change.removed - len(change.gone)
        change.removed = len(change.gone)


def _keep_parents(conn: sqlite3.Connection, specs: dict[str, TableSpec], gone: dict[str, set[Any]],
                  kept: dict[str, set[Any]]) -> None:
    grown = True
    while grown:
        grown = False
        for child, keys in list(kept.items()):
            spec = specs[child]
            for column, parent, _ in spec.parents:
                if parent not in gone or not keys:
                    continue
                sql = (f"SELECT [{column}] FROM main.[{child}]"
                       f" WHERE [{spec.pk[0]}] IN (SELECT value FROM json_each(?))")
                found = {r[0] for chunk in _chunks(sorted(keys)) for r in conn.execute(sql, [chunk]).fetchall()}
                more = (found & gone[parent]) - kept.get(parent, set())
                if more:
                    kept.setdefault(parent, set()).update(more)
                    grown = True


# -- applying ----------------------------------------------------------------------------------------------------------
def apply(db: sqlite_utils.Database, owner: str, source: Source,
          after: Callable[[Plan], None] | None = None, progress: Progress | None = None) -> Plan:
    """Replace the owner's partition with the package's in ONE transaction (after(plan) runs inside it, for the
    import log); removed rows go children first, new and changed rows parents first. PackageError, with nothing
    changed, when the rows clash with this database (another office's key, a broken reference).
    progress(done, total, table label) is called before each table; whatever it raises (a cancel) rolls back."""
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("partition.apply runs its own transaction")
    specs = travelling(db)
    with _staged(db, owner, source) as staged:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("PRAGMA defer_foreign_keys=ON")  # parents and children arrive in any order
            result = _plan(conn, specs, owner, staged)
            for name in reversed(list(result.tables)):
                _delete(conn, specs[name], owner, result.tables[name].gone)
            cascaded = any(change.gone for change in result.tables.values())
            for done, (name, change) in enumerate(result.tables.items()):
                if progress is not None:
                    progress(done, len(result.tables), table_label(name))
                _write(conn, specs[name], owner, staged.tables[name], change, cascaded)
            if after is not None:
                after(result)
            conn.execute("COMMIT")
        except sqlite3.IntegrityError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            bad(f"与本机数据冲突（{exc}）")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return result


def _delete(conn: sqlite3.Connection, spec: TableSpec, owner: str, keys: list[Any]) -> None:
    sql = f"DELETE FROM main.[{spec.name}] WHERE owner = ? AND {_key_select(spec)}"
    for chunk in _chunks(keys):
        conn.execute(sql, [owner, chunk])


def _write(conn: sqlite3.Connection, spec: TableSpec, owner: str, columns: tuple[str, ...],
           change: TableChange, cascaded: bool) -> None:
    """New rows, then changed ones. cascaded: rows were deleted above, and ON DELETE CASCADE may have taken rows
    of this table with them that the package still has (a member moved to another household before the old
    household was deleted): those are missing now, so every package row not here is inserted, not only the new."""
    name, key = spec.name, _key_join(spec)
    insert = f"INSERT INTO main.[{name}] ({cols(columns)}) SELECT {cols(columns, 'p')} FROM {PKG}.[{name}] AS p"
    if change.new and change.new == change.rows and not cascaded:   # none of these keys is here: all of them
        conn.execute(insert)
    elif change.new or (cascaded and change.rows):
        conn.execute(f"{insert} WHERE NOT EXISTS (SELECT 1 FROM main.[{name}] AS m WHERE {key})")
    if change.changed:
        sets = ", ".join(f"[{c}] = p.[{c}]" for c in columns if c not in spec.pk)
        conn.execute(f"UPDATE main.[{name}] AS m SET {sets} FROM {PKG}.[{name}] AS p"
                     f" WHERE {key} AND m.owner = ? AND ({_differs(spec, columns)})", [owner])


# -- for tests ---------------------------------------------------------------------------------------------------------
def content_hash(db: sqlite_utils.Database, owner: str | None = None) -> str:
    """sha256 over every table's rows in key order; with owner, over that office's partition only (its rows of the
    travelling tables: what a package carries)."""
    conn = db.conn
    digest = hashlib.sha256()
    names = list(travelling(db)) if owner is not None else user_tables(conn)
    for name in sorted(names):
        spec = table_spec(conn, name)
        where = " WHERE owner = ?" if owner is not None else ""
        order = cols(spec.pk) if spec.pk else "rowid"
        digest.update(f"\0{name}\0".encode())
        for row in conn.execute(f"SELECT * FROM main.[{name}]{where} ORDER BY {order}", [owner] if owner else []):
            digest.update(repr(row).encode("utf-8"))
    return digest.hexdigest()
