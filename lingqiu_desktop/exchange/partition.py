"""One office's partition: which tables travel, collecting them, the payload format, the dry run and the apply.

DESIGN.md "Moving data on USB": a package carries one owner's complete partition (a snapshot, not a diff), and
importing replaces that owner's rows in one transaction. Nothing in a package is trusted: table and column names,
primary keys and dependency order come from the LIVE database's own schema (PRAGMA table_info / foreign_key_list),
never from the file, and a name the program does not know, or a table that must not travel, is refused.

The payload is compact JSON ({"format", "version", "tables": [[name, columns, rows], ...]}) that SQLite writes
itself on export (json_group_array: no Python object per value, which is what makes a 100,000-visit township quick);
reals are written with 17 digits so they come back exact, bytes (letter.scan_data) as {"$hex": "..."}. Reading
checks row lengths, value types and owners a whole column at a time. Rows owned by other offices are never touched:
new rows are plain INSERTs (a clash with another office's key fails instead of overwriting it), changed rows are
upserts guarded by owner (never INSERT OR REPLACE, which deletes and cascades), and a row the sender removed that
another office's rows still point at is kept rather than cascading into them.
"""

from __future__ import annotations

import gc
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, NoReturn

import sqlite_utils

from lingqiu_desktop.exchange.labels import table_label
from lingqiu_desktop.exchange.package import PackageError

# This PC's own tables: users and password hashes, keys, logs, settings. They have an owner column or not; they
# never travel, whatever a package says.
NEVER_TRAVEL = frozenset({"app_user", "office_key", "office_card", "export_log", "import_log", "print_log",
                          "setting", "schema_migration", "office"})
FORMAT = "lingqiu-partition"
VERSION = 1
BLOB_TAG = "$hex"
_VALUE_TYPES = frozenset({str, int, float, bytes, type(None)})
_CHUNK = 20_000  # keys per json_each() lookup

Rows = list[tuple[Any, ...]]
Progress = Callable[[int, int, str], None]   # (done, total, what); may raise to cancel
Decoded = dict[str, tuple[tuple[str, ...], Rows]]


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]
    pk: tuple[str, ...]
    blobs: frozenset[str]
    text: frozenset[str]   # TEXT-affinity columns: SQLite stores no real there, so export writes them as they are
    parents: tuple[tuple[str, str, str], ...]  # (column, parent table, parent column) of single-column FKs


@dataclass
class TableChange:
    """Rows of one table in the package against the sender's rows here. kept: rows the sender removed that other
    offices' rows here still point at; they stay (deleting them would change those offices' rows)."""

    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    kept: int = 0
    writes: Rows = field(default_factory=list, repr=False)         # new rows first, then changed ones
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


# -- the schema, from the live database --------------------------------------------------------------------------------
def _user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
    return sorted(r[0] for r in rows)


def _spec(conn: sqlite3.Connection, name: str) -> TableSpec:
    info = conn.execute(f"PRAGMA table_info([{name}])").fetchall()
    pk = tuple(r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
    fks = conn.execute(f"PRAGMA foreign_key_list([{name}])").fetchall()
    multi = {r[0] for r in fks if r[1] > 0}
    parents = tuple((r[3], r[2], r[4] or "") for r in fks if r[0] not in multi)
    kinds = {r[1]: (r[2] or "").upper() for r in info}
    return TableSpec(name, tuple(kinds), pk, frozenset(c for c, k in kinds.items() if k == "BLOB"),
                     frozenset(c for c, k in kinds.items() if any(t in k for t in ("CHAR", "CLOB", "TEXT"))),
                     parents)


def travelling(db: sqlite_utils.Database) -> dict[str, TableSpec]:
    """Every table with an owner column and a primary key except NEVER_TRAVEL, parents first."""
    conn = db.conn
    specs = {}
    for name in _user_tables(conn):
        if name in NEVER_TRAVEL:
            continue
        spec = _spec(conn, name)
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


def _key_of(columns: Sequence[str], pk: Sequence[str]) -> Callable[[Sequence[Any]], Any]:
    """A row's key: the value for a one-column key, a tuple for a composite one (what itemgetter gives)."""
    return itemgetter(*(columns.index(c) for c in pk))


def _cols(columns: Iterable[str]) -> str:
    return ", ".join(f"[{c}]" for c in columns)


@contextmanager
def _no_gc() -> Iterator[None]:
    """A package is millions of small lists and tuples that live until the import ends: the cyclic collector would
    rescan them all again and again (it halves the decode time to hold it off; reference counting still frees)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- collecting and encoding -------------------------------------------------------------------------------------------
def collect(db: sqlite_utils.Database, owner: str) -> Decoded:
    """The owner's partition as Python rows: {table: (columns, rows)} for every travelling table, parents first."""
    conn = db.conn
    out: Decoded = {}
    for name, spec in travelling(db).items():
        sql = f"SELECT {_cols(spec.columns)} FROM [{name}] WHERE owner = ?"
        out[name] = (spec.columns, conn.execute(sql, [owner]).fetchall())
    return out


def _tag(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {BLOB_TAG: bytes(value).hex()}
    raise TypeError(f"cannot encode {type(value).__name__}")


def _head() -> bytes:
    return f'{{"format":"{FORMAT}","version":{VERSION},"tables":['.encode()


def _table_head(name: str, columns: Sequence[str]) -> bytes:
    return json.dumps([name, list(columns)], ensure_ascii=False, separators=(",", ":"))[:-1].encode() + b","


def encode_payload(collected: Decoded) -> bytes:
    """The partition as compact UTF-8 JSON: {"format", "version", "tables": [[name, columns, rows], ...]}."""
    parts = [_head()]
    for i, (name, (columns, rows)) in enumerate(collected.items()):
        body = json.dumps(rows, ensure_ascii=False, separators=(",", ":"), default=_tag, allow_nan=False)
        parts += [b"," if i else b"", _table_head(name, columns), body.encode("utf-8"), b"]"]
    return b"".join([*parts, b"]}"])


def _value_sql(column: str, text: frozenset[str]) -> str:
    """SQLite's json_array() writes reals with 15 digits and refuses blobs: reals go through printf('%!.17g')
    (exact), blobs as {"$hex": ...}. TEXT columns hold neither unless written oddly (then the fallback runs)."""
    if column in text:
        return f"[{column}]"
    return (f"CASE typeof([{column}]) WHEN 'real' THEN json(printf('%!.17g', [{column}]))"
            f" WHEN 'blob' THEN json_object('{BLOB_TAG}', hex([{column}])) ELSE [{column}] END")


def export_payload(db: sqlite_utils.Database, owner: str) -> tuple[bytes, dict[str, int]]:
    """(payload, rows per table): encode_payload(collect(db, owner)) built by SQLite itself, several times faster
    (no Python object per value). Falls back to the Python encoder for a value SQLite cannot write as JSON."""
    conn = db.conn
    parts = [_head()]
    counts: dict[str, int] = {}
    for i, (name, spec) in enumerate(travelling(db).items()):
        values = ", ".join(_value_sql(c, spec.text) for c in spec.columns)
        sql = f"SELECT count(*), CAST(json_group_array(json_array({values})) AS BLOB) FROM [{name}] WHERE owner = ?"
        try:
            count, body = conn.execute(sql, [owner]).fetchone()
        except sqlite3.OperationalError:  # a blob or an infinity where SQLite's JSON cannot hold it
            collected = collect(db, owner)
            return encode_payload(collected), {t: len(rows) for t, (_, rows) in collected.items()}
        counts[name] = count
        parts += [b"," if i else b"", _table_head(name, spec.columns), body, b"]"]
    return b"".join([*parts, b"]}"]), counts


# -- decoding: nothing trusted -----------------------------------------------------------------------------------------
def _bad(detail: str, code: str = "bad_payload") -> NoReturn:
    raise PackageError(f"数据包内容不符合要求：{detail}。已拒绝导入，本机数据没有任何改动。", code)


def _shown(text: Any) -> str:
    """A name from the file, shortened for a message (shown, never used)."""
    text = str(text)
    return text if len(text) <= 40 else text[:40] + "…"


def _untag(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and BLOB_TAG in obj:
        return bytes.fromhex(obj[BLOB_TAG])
    return obj


def _refuse_constant(name: str) -> NoReturn:
    raise ValueError(f"constant {name}")


def _document(data: bytes) -> list[Any]:
    try:
        document = json.loads(data, object_hook=_untag, parse_constant=_refuse_constant)
    except (ValueError, TypeError, RecursionError):
        _bad("无法识别的数据")
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        _bad("不是本程序的数据")
    if document.get("version") != VERSION:
        _bad("数据格式版本本程序不认识，请升级程序")
    tables = document.get("tables")
    if not isinstance(tables, list):
        _bad("缺少数据表")
    return tables


def decode_payload(data: bytes, db: sqlite_utils.Database, owner: str | None = None) -> Decoded:
    """{table: (columns, rows)} parents first; PackageError for a table or column this program does not own or that
    must not travel, rows of the wrong length, values that are no SQLite value, empty or duplicate keys, and (with
    owner) any row owned by another office than the sender."""
    with _no_gc():
        return _decode(data, db, owner)


def _decode(data: bytes, db: sqlite_utils.Database, owner: str | None) -> Decoded:
    specs = travelling(db)
    known = set(_user_tables(db.conn))
    out: Decoded = {}
    for entry in _document(data):
        if not (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], str)):
            _bad("数据表的格式不对")
        name, columns, rows = entry
        if name not in specs:
            why = "不应传递的表" if name in known else "本程序不认识的表"
            _bad(f"含有{why}“{_shown(name)}”", "foreign_table")
        if name in out:
            _bad(f"表“{table_label(name)}”出现了两次")
        spec = specs[name]
        cols = _check_columns(spec, columns)
        out[name] = (cols, _check_rows(spec, cols, rows, owner))
    return {name: out[name] for name in specs if name in out}


def _check_columns(spec: TableSpec, columns: Any) -> tuple[str, ...]:
    label = table_label(spec.name)
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        _bad(f"表“{label}”的列名格式不对")
    for column in columns:
        if column not in spec.columns:
            _bad(f"表“{label}”含有本程序不认识的列“{_shown(column)}”", "foreign_column")
    if len(set(columns)) != len(columns):
        _bad(f"表“{label}”有重复的列")
    missing = [c for c in (*spec.pk, "owner") if c not in columns]
    if missing:
        _bad(f"表“{label}”缺少必需的列“{missing[0]}”")
    return tuple(columns)


def _check_rows(spec: TableSpec, cols: tuple[str, ...], rows: Any, owner: str | None) -> Rows:
    label = table_label(spec.name)
    if not (isinstance(rows, list) and all(type(r) is list for r in rows)):
        _bad(f"表“{label}”的数据格式不对")
    if rows and set(map(len, rows)) != {len(cols)}:
        _bad(f"表“{label}”有长度不对的行")
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in cols]
    for column, values in zip(cols, columns, strict=True):
        if not set(map(type, values)) <= _VALUE_TYPES:
            _bad(f"表“{label}”的列“{column}”含有无法识别的值")
    owners = set(columns[cols.index("owner")])
    if owner is not None and owners - {owner}:
        other = sorted(map(str, owners - {owner}))[0]
        _bad(f"表“{label}”含有其他单位（{_shown(other)}）的记录；一个数据包只能带发送单位自己的数据")
    keys = [columns[cols.index(c)] for c in spec.pk]
    if any(None in k for k in keys) or len(set(zip(*keys, strict=True))) != len(rows):
        _bad(f"表“{label}”有空的或重复的记录编号")
    return list(map(tuple, rows))


# -- the dry run -------------------------------------------------------------------------------------------------------
def _key_select(spec: TableSpec) -> str:
    """A WHERE clause matching the table's key against a JSON array bound as the one parameter."""
    if len(spec.pk) == 1:
        return f"[{spec.pk[0]}] IN (SELECT value FROM json_each(?))"
    picks = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(len(spec.pk)))
    return f"({_cols(spec.pk)}) IN (SELECT {picks} FROM json_each(?))"


def _chunks(keys: Sequence[Any]) -> Iterable[str]:
    for start in range(0, len(keys), _CHUNK):
        yield json.dumps(list(keys[start:start + _CHUNK]), ensure_ascii=False)


def plan(db: sqlite_utils.Database, owner: str, decoded: Decoded, *, check_clashes: bool = True) -> Plan:
    """Per table: new / changed / removed / unchanged against the owner's rows here. Writes nothing. With
    check_clashes, a new row whose key another office's row already has is refused (apply's INSERT refuses it too)."""
    conn = db.conn
    specs = travelling(db)
    with _no_gc():
        tables = {name: _table_change(conn, specs[name], owner, *decoded[name]) for name in decoded}
    if check_clashes:
        for name, change in tables.items():
            _check_clashes(conn, specs[name], decoded[name][0], change)
    _keep_referenced(conn, specs, owner, tables)
    return Plan(tables)


def _table_change(conn: sqlite3.Connection, spec: TableSpec, owner: str, cols: tuple[str, ...],
                  rows: Rows) -> TableChange:
    key = _key_of(cols, spec.pk)
    sql = f"SELECT {_cols(cols)} FROM [{spec.name}] WHERE owner = ?"
    here = {key(row): row for row in conn.execute(sql, [owner])}
    new: Rows = []
    changed: Rows = []
    for row in rows:
        old = here.pop(key(row), None)
        if old is None:
            new.append(row)
        elif old != row:
            changed.append(row)
    gone = list(here)  # what is left here was not in the package
    return TableChange(len(new), len(changed), len(gone), len(rows) - len(new) - len(changed),
                       writes=new + changed, gone=gone)


def _check_clashes(conn: sqlite3.Connection, spec: TableSpec, cols: tuple[str, ...], change: TableChange) -> None:
    key = _key_of(cols, spec.pk)
    keys = [key(row) for row in change.writes[:change.new]]
    for chunk in _chunks(keys):
        hit = conn.execute(f"SELECT owner FROM [{spec.name}] WHERE {_key_select(spec)} LIMIT 1", [chunk]).fetchone()
        if hit:
            _bad(f"表“{table_label(spec.name)}”中有记录与其他单位（{hit[0]}）的记录编号相同")


def _children(specs: dict[str, TableSpec], conn: sqlite3.Connection) -> dict[str, list[tuple[str, str, bool]]]:
    """parent table -> [(child table, child column, child has owner)] over every table of the database, for
    foreign keys onto a travelling table's one-column key."""
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for name in _user_tables(conn):
        spec = specs.get(name) or _spec(conn, name)
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
                sql = f"SELECT DISTINCT [{column}] FROM [{child}] WHERE [{column}] IN (SELECT value FROM json_each(?))"
                found = conn.execute(sql + other, [chunk, owner] if has_owner else [chunk])
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
                sql = f"SELECT [{column}] FROM [{child}] WHERE [{spec.pk[0]}] IN (SELECT value FROM json_each(?))"
                found = {r[0] for chunk in _chunks(sorted(keys)) for r in conn.execute(sql, [chunk])}
                more = (found & gone[parent]) - kept.get(parent, set())
                if more:
                    kept.setdefault(parent, set()).update(more)
                    grown = True


# -- applying ----------------------------------------------------------------------------------------------------------
def apply(db: sqlite_utils.Database, owner: str, decoded: Decoded,
          after: Callable[[Plan], None] | None = None, progress: Progress | None = None) -> Plan:
    """Replace the owner's partition with the package's in ONE transaction (after(plan) runs inside it, for the
    import log); removed rows go children first, new and changed rows parents first. PackageError, with nothing
    changed, when the rows clash with this database (another office's key, a broken reference).
    progress(done, total, table label) is called before each table; whatever it raises (a cancel) rolls back."""
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("partition.apply runs its own transaction")
    specs = travelling(db)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("PRAGMA defer_foreign_keys=ON")  # parents and children arrive in any order within the package
        result = plan(db, owner, decoded, check_clashes=False)
        with _no_gc():
            for name in reversed(list(result.tables)):
                _delete(conn, specs[name], owner, result.tables[name].gone)
            for done, (name, change) in enumerate(result.tables.items()):
                if progress is not None:
                    progress(done, len(result.tables), table_label(name))
                _write(conn, specs[name], decoded[name][0], change)
        if after is not None:
            after(result)
        conn.execute("COMMIT")
    except (sqlite3.IntegrityError, sqlite3.InterfaceError, OverflowError) as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        _bad(f"与本机数据冲突（{exc}）")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return result


def _delete(conn: sqlite3.Connection, spec: TableSpec, owner: str, keys: list[Any]) -> None:
    sql = f"DELETE FROM [{spec.name}] WHERE owner = ? AND {_key_select(spec)}"
    for chunk in _chunks(keys):
        conn.execute(sql, [owner, chunk])


def _write(conn: sqlite3.Connection, spec: TableSpec, cols: tuple[str, ...], change: TableChange) -> None:
    marks = ", ".join("?" for _ in cols)
    insert = f"INSERT INTO [{spec.name}] ({_cols(cols)}) VALUES ({marks})"
    if change.new:
        conn.executemany(insert, change.writes[:change.new])
    if change.changed:
        sets = ", ".join(f"[{c}] = excluded.[{c}]" for c in cols if c not in spec.pk)
        upsert = (f"{insert} ON CONFLICT ({_cols(spec.pk)}) DO UPDATE SET {sets}"
                  f" WHERE [{spec.name}].owner = excluded.owner")
        conn.executemany(upsert, change.writes[change.new:])


# -- for tests ---------------------------------------------------------------------------------------------------------
def content_hash(db: sqlite_utils.Database, owner: str | None = None) -> str:
    """sha256 over every table's rows in key order; with owner, over that office's partition only (its rows of the
    travelling tables: what a package carries)."""
    conn = db.conn
    digest = hashlib.sha256()
    names = list(travelling(db)) if owner is not None else _user_tables(conn)
    for name in sorted(names):
        spec = _spec(conn, name)
        where = " WHERE owner = ?" if owner is not None else ""
        order = _cols(spec.pk) if spec.pk else "rowid"
        digest.update(f"\0{name}\0".encode())
        for row in conn.execute(f"SELECT * FROM [{name}]{where} ORDER BY {order}", [owner] if owner else []):
            digest.update(repr(row).encode("utf-8"))
    return digest.hexdigest()
