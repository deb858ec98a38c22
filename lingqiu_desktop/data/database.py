"""Opening the office database, applying migrations and taking backups.

Every connection runs in WAL mode with foreign keys on and synchronous=FULL: a clerk's PC loses power,
and a committed visit must still be there afterwards.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from lingqiu_desktop.paths import backups_dir, migrations_dir

MIGRATION_TABLE = "schema_migration"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class DatabaseError(RuntimeError):
    """The database file cannot be used (message in Chinese, for the user)."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path


def open_database(path: Path | str | None) -> sqlite_utils.Database:
    """Open (or create) a database file with the office's pragmas; None gives an in-memory database (tests)."""
    if path is None:
        db = sqlite_utils.Database(memory=True)
    else:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        db = sqlite_utils.Database(conn)
        try:
            db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"无法打开数据库文件 {path}：{exc}") from exc
    conn = db.conn
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA cache_size=-65536")  # 64 MB page cache: lists at county scale stay in memory
    conn.execute("PRAGMA temp_store=MEMORY")
    return db


def available_migrations(folder: Path | None = None) -> list[Migration]:
    folder = folder or migrations_dir()
    found = []
    for file in sorted(folder.glob("*.sql")):
        match = _MIGRATION_NAME.match(file.name)
        if match:
            found.append(Migration(int(match.group(1)), file.stem, file))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise DatabaseError(f"迁移文件编号不连续：{versions}")
    return found


def schema_version(db: sqlite_utils.Database) -> int:
    if MIGRATION_TABLE not in db.table_names():
        return 0
    row = db.execute(f"SELECT MAX(version) FROM {MIGRATION_TABLE}").fetchone()
    return int(row[0] or 0)


def latest_version() -> int:
    return len(available_migrations())


def pending_migrations(db: sqlite_utils.Database) -> list[Migration]:
    current = schema_version(db)
    known = available_migrations()
    if current > len(known):
        raise DatabaseError(f"数据库版本（{current}）比本程序（{len(known)}）新，请升级程序后再打开。")
    return [m for m in known if m.version > current]


def backup_database(db: sqlite_utils.Database, db_path: Path, reason: str) -> Path:
    """A consistent copy through SQLite's backup API (safe in WAL mode), named by time and reason."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(db: sqlite_utils.Database, db_path: Path | None) -> list[Migration]:
    """Apply pending migrations in order, all in one transaction, after a backup of a non-empty file."""
    pending = pending_migrations(db)
    if not pending:
        return []
    if db_path is not None and schema_version(db) > 0:
        backup_database(db, db_path, f"before-migration-{pending[0].version:04d}")
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        pending = pending_migrations(db)  # again under the write lock: another process may have migrated meanwhile
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {MIGRATION_TABLE} "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        for migration in pending:
            _execute_script(conn, migration.path.read_text(encoding="utf-8"))
            conn.execute(
                f"INSERT INTO {MIGRATION_TABLE} (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now().isoformat(timespec="seconds")),
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return pending


def _execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run a migration statement by statement inside the open transaction (executescript would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                conn.execute(statement)
            statement = ""
    if statement.strip() and not statement.strip().startswith("--"):
        conn.execute(statement)


def schema_sql(db: sqlite_utils.Database) -> str:
    """The schema as text, one object per statement, in a stable order (compared with db/schema.sql)."""
    rows = db.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name"
    ).fetchall()
    return "\n".join(f"{row[0]};" for row in rows) + "\n"


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """Chinese descriptions of what PRAGMA integrity_check and foreign_key_check find; empty when sound."""
    problems = []
    for (result,) in db.execute("PRAGMA integrity_check").fetchall():
        if result != "ok":
            problems.append(f"完整性检查：{result}")
    for table, rowid, parent, _fk in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"外键检查：表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
    return problems
