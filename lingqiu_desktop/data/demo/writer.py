"""Writing the load: batched inserts with progress, bulk ids, and the database set up for one big transaction.

The visit, visit_visitor and attendance indexes are dropped for the load and rebuilt from their own CREATE INDEX text
inside the same transaction, so the schema stays identical; for the load only, a WAL database is switched to a
rollback journal (each page is written once instead of twice) and foreign keys are not checked row by row, both
restored afterwards.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from lingqiu_desktop.data.demo.common import BATCH

Progress = Callable[[int, int, str], bool]

_BULK_INDEX_TABLES = ("visit", "visit_visitor", "attendance")
INDEX_WEIGHT = 0.1   # progress: rebuilding an index over N rows counts as N/10 rows written


class DemoCancelled(Exception):
    """The progress callback returned False: the database was rolled back to how it was."""


_HEX3 = [f"{n:03x}" for n in range(4096)]
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def _uuid7_stream() -> Iterator[str]:
    """Time-ordered UUIDv7 text ids in bulk, ~1 µs each (core.ids.new_id takes ~4 µs).

    48-bit milliseconds from the start time, a 12-bit counter in rand_a that carries into the milliseconds, then
    random bits with the RFC 9562 variant: valid UUIDv7 strings that sort in the order they are made.
    """
    ms = time.time_ns() // 1_000_000
    while True:
        t = f"{ms:012x}"
        prefix = f"{t[:8]}-{t[8:]}-7"
        r = os.urandom(8 * 4096).hex()
        yield from [f"{prefix}{h}-{_VARIANT[r[i]]}{r[i + 1:i + 4]}-{r[i + 4:i + 16]}"
                    for h, i in zip(_HEX3, range(0, 16 * 4096, 16), strict=True)]
        ms += 1


class Writer:
    """Batched inserts, row counts per table and progress reports (which may cancel)."""

    def __init__(self, conn: sqlite3.Connection, progress: Progress | None, total: int) -> None:
        self.conn = conn
        self.progress = progress
        self.total = max(1, total)
        self.done = 0
        self.counts: Counter[str] = Counter()
        self.new_id: Callable[[], str] = _uuid7_stream().__next__
        self.now = datetime.now().isoformat(timespec="seconds")

    def insert(self, table: str, columns: str, rows: Iterable[Sequence[Any]], label: str) -> None:
        names = columns.split()
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        it = iter(rows)
        while batch := list(itertools.islice(it, BATCH)):
            self.conn.executemany(sql, batch)
            self.counts[table] += len(batch)
            self.tick(len(batch), label)

    def tick(self, rows: int, label: str) -> None:
        self.done += rows
        if self.progress is not None and self.progress(min(self.done, self.total), self.total, label) is False:
            raise DemoCancelled("已取消生成演示数据")


@contextmanager
def bulk_mode(conn: sqlite3.Connection) -> Iterator[None]:
    """For the load only: a rollback journal instead of WAL, and foreign keys not checked row by row.

    The generator writes parents before children and only ids it made (tests run PRAGMA foreign_key_check);
    checking 3.5 million rows' keys one by one costs about a fifth of the run.
    """
    foreign_keys = int(conn.execute("PRAGMA foreign_keys").fetchone()[0])
    wal = _leave_wal(conn)
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA foreign_keys={foreign_keys}")
        if wal:
            conn.execute("PRAGMA journal_mode=WAL")


def _leave_wal(conn: sqlite3.Connection) -> bool:
    """Switch a WAL database to a rollback journal for the load (True if switched; switch back afterwards).

    A big transaction in WAL mode writes every page twice (to the WAL, then at the checkpoint); with a rollback
    journal a fresh database's new pages are written once. Another open connection blocks the switch: then the
    load simply runs in WAL mode.
    """
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        return False
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        return False
    return str(mode).lower() == "delete"


def bulk_indexes(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(name, table, CREATE INDEX text) of the indexes dropped for the load (automatic ones cannot be)."""
    marks = ",".join("?" * len(_BULK_INDEX_TABLES))
    return conn.execute(f"SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                        f"AND tbl_name IN ({marks}) ORDER BY name", _BULK_INDEX_TABLES).fetchall()


def rebuild_indexes(w: Writer, indexes: list[tuple[str, str, str]]) -> None:
    """Recreate the dropped indexes from their own CREATE INDEX text, reporting progress between them."""
    for k, (_name, table, sql) in enumerate(indexes, start=1):
        w.tick(0, f"重建索引（{k}/{len(indexes)}）")
        w.conn.execute(sql)
        w.tick(int(w.counts[table] * INDEX_WEIGHT), f"重建索引（{k}/{len(indexes)}）")


def analyze(conn: sqlite3.Connection) -> None:
    """ANALYZE with a row limit per index (estimates are enough for the planner; a full pass takes seconds)."""
    limit = conn.execute("PRAGMA analysis_limit").fetchone()
    conn.execute("PRAGMA analysis_limit=1000")
    conn.execute("ANALYZE")
    if limit is not None:
        conn.execute(f"PRAGMA analysis_limit={int(limit[0])}")
