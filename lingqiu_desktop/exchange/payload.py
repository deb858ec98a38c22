"""The payload of a package: one office's partition as a small SQLite database, and the checks on reading one.

DESIGN.md "Moving data on USB": a package carries one owner's complete partition. The payload is an SQLite database
image (sqlite3 serialize/deserialize, never a file on disk) with one plain table per travelling table: no column
types, no constraints, no indexes, no views, no triggers, so every value comes back exactly as it was stored (reals,
blobs, text). Exporting and importing run inside SQLite (INSERT … SELECT between the office's database and the image
attached as the schema `lq_pkg`): no Python object per value, which is what keeps 12 townships of 100,000 visits
each within a county PC's patience and memory.

Nothing in the image is trusted. It must be an intact SQLite image (quick_check) carrying this program's application
id and payload version; every object in it must be a table that travels, named as in the LIVE schema, whose SQL is
exactly what export_payload writes for its columns (so no types, defaults, CHECKs or generated columns); every
column must be one the live table has, with the key and owner among them; no row may belong to another office than
the sender; keys may be neither empty nor repeated (a unique index built here, after the checks). Anything else is
a PackageError with a Chinese reason, and the image is detached again.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from types import TracebackType
from typing import Any, NoReturn

import sqlite_utils

from lingqiu_desktop.exchange.labels import table_label
from lingqiu_desktop.exchange.package import PackageError
from lingqiu_desktop.exchange.tables import TableSpec, cols, travelling, user_tables

PKG = "lq_pkg"                 # the schema name the image is attached under
APPLICATION_ID = 0x4C51504B    # "LQPK" in the image's header
VERSION = 2                    # 1 was a JSON document
MAGIC = b"SQLite format 3\x00"

Rows = list[tuple[Any, ...]]
Decoded = dict[str, tuple[tuple[str, ...], Rows]]


def bad(detail: str, code: str = "bad_payload") -> NoReturn:
    raise PackageError(f"数据包内容不符合要求：{detail}。已拒绝导入，本机数据没有任何改动。", code)


def _shown(text: Any) -> str:
    """A name from the file, shortened for a message (shown, never used in SQL)."""
    text = str(text)
    return text if len(text) <= 40 else text[:40] + "…"


def table_sql(name: str, columns: tuple[str, ...] | list[str], schema: str = "") -> str:
    """The one form a payload table has; without schema, as SQLite keeps it in sqlite_master."""
    return f"CREATE TABLE {schema + '.' if schema else ''}[{name}] ({cols(columns)})"


def _attached(conn: sqlite3.Connection) -> bool:
    return any(row[1] == PKG for row in conn.execute("PRAGMA database_list"))


def _detach(conn: sqlite3.Connection) -> None:
    if _attached(conn):
        conn.execute(f"DETACH {PKG}")


def _attach_empty(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        raise RuntimeError("a payload is attached outside a transaction")
    _detach(conn)  # left over from an interrupted import on this connection
    conn.execute(f"ATTACH ':memory:' AS {PKG}")


# -- writing -----------------------------------------------------------------------------------------------------------
def export_payload(db: sqlite_utils.Database, owner: str) -> tuple[bytes, dict[str, int]]:
    """(payload, rows per table): the owner's partition of every travelling table, read in one transaction (a
    consistent snapshot even while another window writes) and copied by SQLite into an image in memory."""
    conn = db.conn
    specs = travelling(db)
    _attach_empty(conn)
    try:
        _stamp(conn)
        for name, spec in specs.items():
            conn.execute(table_sql(name, spec.columns, PKG))
        counts: dict[str, int] = {}
        conn.execute("BEGIN")
        try:
            for name, spec in specs.items():
                counts[name] = conn.execute(f"INSERT INTO {PKG}.[{name}] SELECT {cols(spec.columns)} "
                                            f"FROM main.[{name}] WHERE owner = ?", [owner]).rowcount
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return conn.serialize(name=PKG), counts
    finally:
        _detach(conn)


def encode_payload(tables: Decoded) -> bytes:
    """A payload from Python rows ({table: (columns, rows)}): what export_payload writes, for tests and tools."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _stamp(conn, "main")
        conn.execute("BEGIN")
        for name, (columns, rows) in tables.items():
            conn.execute(table_sql(name, columns))
            conn.executemany(f"INSERT INTO [{name}] VALUES ({', '.join('?' for _ in columns)})", rows)
        conn.execute("COMMIT")
        return conn.serialize()
    finally:
        conn.close()


def _stamp(conn: sqlite3.Connection, schema: str = PKG) -> None:
    conn.execute(f"PRAGMA {schema}.application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA {schema}.user_version = {VERSION}")


# -- reading: nothing trusted ------------------------------------------------------------------------------------------
@dataclass
class Staged:
    """A checked payload attached to the database's connection as the schema lq_pkg, until close().
    tables: the tables it carries (parents first) with their columns; counts: rows per table."""

    conn: sqlite3.Connection
    tables: dict[str, tuple[str, ...]]
    counts: dict[str, int]

    def close(self) -> None:
        if self.conn.in_transaction:
            raise RuntimeError("close the transaction before the payload")
        _detach(self.conn)

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if value is None:
            self.close()
            return
        with suppress(sqlite3.Error, RuntimeError):  # the error on its way is the one to report, not this detach
            self.close()


@dataclass(frozen=True)
class Prepared:
    """A payload that passed every check, as an image with its key indexes built; attach() puts it to use."""

    image: bytes
    tables: dict[str, tuple[str, ...]]
    counts: dict[str, int]


def stage(db: sqlite_utils.Database, data: bytes, owner: str | None = None) -> Staged:
    """Attach a payload after every check (see the module's docstring); with owner, any row owned by another
    office is refused. PackageError for anything wrong, with nothing attached."""
    return attach(db, prepare(data, travelling(db), set(user_tables(db.conn)), owner))


def prepare(data: bytes, specs: dict[str, TableSpec], known: set[str], owner: str | None = None) -> Prepared:
    """Every check of a payload, on a connection of its own (so a thread can prepare the next package while the
    database is busy with this one). specs: the live travelling tables; known: every table of the live database."""
    if not data.startswith(MAGIC):
        bad("无法识别的数据")
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.create_function("lq_utf8", 1, _utf8, deterministic=True)
    try:
        conn.execute(f"ATTACH ':memory:' AS {PKG}")
        try:
            conn.deserialize(data, name=PKG)
            tables, counts = _check(conn, specs, known, owner)
            return Prepared(conn.serialize(name=PKG), tables, counts)
        except sqlite3.IntegrityError:
            bad("有空的或重复的记录编号")
        except sqlite3.DatabaseError:
            bad("数据已损坏，无法读取")
    finally:
        conn.close()


def attach(db: sqlite_utils.Database, prepared: Prepared) -> Staged:
    """A prepared payload attached to the database's connection as lq_pkg (detached by Staged.close())."""
    conn = db.conn
    _attach_empty(conn)
    try:
        conn.deserialize(prepared.image, name=PKG)
    except BaseException:
        _detach(conn)
        raise
    return Staged(conn, prepared.tables, prepared.counts)


def _check(conn: sqlite3.Connection, specs: dict[str, TableSpec], known: set[str],
           owner: str | None) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """The schema first, before anything of the image is evaluated (quick_check would run its CHECK expressions,
    table_xinfo would start a virtual table's module), then the image's soundness, then the rows."""
    conn.execute("PRAGMA trusted_schema = OFF")
    if conn.execute(f"PRAGMA {PKG}.application_id").fetchone()[0] != APPLICATION_ID:
        bad("不是本程序的数据")
    if conn.execute(f"PRAGMA {PKG}.user_version").fetchone()[0] != VERSION:
        bad("数据格式版本本程序不认识，请升级程序")
    objects = conn.execute(f"SELECT type, name, sql FROM {PKG}.sqlite_master").fetchall()
    for kind, name, sql in objects:
        if kind != "table":
            bad(f"含有本程序不会写入的数据库对象“{_shown(name)}”", "foreign_table")
        if name not in specs:
            why = "不应传递的表" if name in known else "本程序不认识的表"
            bad(f"含有{why}“{_shown(name)}”", "foreign_table")
        if not str(sql).startswith(f"CREATE TABLE [{name}] ("):
            bad(f"表“{table_label(name)}”的结构不对")
    carried: dict[str, tuple[str, ...]] = {}
    for _kind, name, sql in objects:   # every one a plain table of a known name now
        columns = tuple(r[1] for r in conn.execute(f"PRAGMA {PKG}.table_xinfo([{name}])"))
        _check_columns(specs[name], columns)
        if sql != table_sql(name, columns):
            bad(f"表“{table_label(name)}”的结构不对")
        carried[name] = columns
    if conn.execute(f"PRAGMA {PKG}.quick_check").fetchall() != [("ok",)]:
        bad("数据已损坏，无法读取")
    tables = {name: carried[name] for name in specs if name in carried}
    for name in tables:
        _check_rows(conn, specs[name], tables[name], owner)
    counts = {name: conn.execute(f"SELECT count(*) FROM {PKG}.[{name}]").fetchone()[0] for name in tables}
    return tables, counts


def _utf8(data: bytes | None) -> int:
    """1 when the bytes are UTF-8 (SQLite stores whatever bytes a writer gives it as text; Python cannot read them
    back, so such a value would break every list that shows it)."""
    try:
        (data or b"").decode("utf-8")
    except UnicodeDecodeError:
        return 0
    return 1


def _check_columns(spec: TableSpec, columns: tuple[str, ...]) -> None:
    label = table_label(spec.name)
    for column in columns:
        if column not in spec.columns:
            bad(f"表“{label}”含有本程序不认识的列“{_shown(column)}”", "foreign_column")
    missing = [c for c in (*spec.pk, "owner") if c not in columns]
    if missing:
        bad(f"表“{label}”缺少必需的列“{missing[0]}”")


def _check_rows(conn: sqlite3.Connection, spec: TableSpec, columns: tuple[str, ...], owner: str | None) -> None:
    """Owners, text that is UTF-8, then keys: none empty, and (a unique index, which the dry run and the apply also
    use) none twice."""
    label = table_label(spec.name)
    if owner is not None:
        other = conn.execute(f"SELECT owner FROM {PKG}.[{spec.name}] WHERE owner IS NOT ? LIMIT 1",
                             [owner]).fetchone()
        if other:
            bad(f"表“{label}”含有其他单位（{_shown(other[0])}）的记录；一个数据包只能带发送单位自己的数据")
    # every value but the blob columns' as text, one Python call for the whole table (numbers are ASCII anyway)
    text = " || ".join(f"ifnull([{c}], '')" for c in columns if c not in spec.blobs) or "''"
    valid = conn.execute(f"SELECT lq_utf8(CAST(group_concat({text}, '') AS BLOB)) FROM {PKG}.[{spec.name}]")
    if not valid.fetchone()[0]:
        bad(f"表“{label}”含有无法识别的文字（不是 UTF-8 编码）")
    empty = " OR ".join(f"[{c}] IS NULL" for c in spec.pk)
    if conn.execute(f"SELECT 1 FROM {PKG}.[{spec.name}] WHERE {empty} LIMIT 1").fetchone():
        bad(f"表“{label}”有空的或重复的记录编号")
    try:
        conn.execute(f"CREATE UNIQUE INDEX {PKG}.[lq_key_{spec.name}] ON [{spec.name}] ({cols(spec.pk)})")
    except sqlite3.IntegrityError:
        bad(f"表“{label}”有空的或重复的记录编号")


def decode_payload(data: bytes, db: sqlite_utils.Database, owner: str | None = None) -> Decoded:
    """The payload's rows in Python ({table: (columns, rows)}, parents first), after the same checks as stage."""
    with stage(db, data, owner) as staged:
        return {name: (columns, staged.conn.execute(f"SELECT {cols(columns)} FROM {PKG}.[{name}]").fetchall())
                for name, columns in staged.tables.items()}
