"""The schema: migrations apply in order, db/schema.sql is their snapshot, and upgrades back up first."""

import sqlite3
from pathlib import Path

import pytest

from lingqiu_desktop.core.offices import OFFICES

from lingqiu_desktop.data import database
from lingqiu_desktop.data.database import (
    DatabaseError,
    available_migrations,
    migrate,
    open_database,
    schema_sql,
    schema_version,
)

ROOT = Path(__file__).resolve().parents[2]


def test_schema_snapshot_matches_fresh_migration() -> None:
    db = open_database(None)
    migrate(db, None)
    snapshot = (ROOT / "db" / "schema.sql").read_text(encoding="utf-8")
    body = "".join(line for line in snapshot.splitlines(keepends=True) if not line.startswith("-- Generated"))
    assert schema_sql(db) == body, "db/schema.sql is stale: run python build/dump_schema.py"


def test_every_record_family_has_a_table_with_owner() -> None:
    db = open_database(None)
    migrate(db, None)
    from lingqiu_desktop.data.stats import FAMILIES

    for table in FAMILIES:
        columns = {c.name for c in db[table].columns}
        assert "owner" in columns, table
        if table not in ("visit_visitor", "audit_log", "export_log"):
            assert {"id", "created_at", "updated_at", "updated_by"} <= columns, table


def test_offices_seed_agrees_with_core() -> None:
    db = open_database(None)
    migrate(db, None)
    rows = dict(db.execute("SELECT code, name FROM office").fetchall())
    assert rows == OFFICES


def test_pragmas_on_a_file(tmp_path: Path) -> None:
    db = open_database(tmp_path / "x.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_migration_backs_up_and_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "office.sqlite3"
    db = open_database(path)
    migrations = available_migrations()
    monkeypatch.setattr(database, "available_migrations", lambda folder=None: migrations[:1])
    migrate(db, path)
    assert schema_version(db) == 1
    bad = tmp_path / "0003_broken.sql"
    bad.write_text("CREATE TABLE fine (x);\nTHIS IS NOT SQL;\n", encoding="utf-8")
    broken = [*migrations, database.Migration(len(migrations) + 1, "0003_broken", bad)]
    monkeypatch.setattr(database, "available_migrations", lambda folder=None: broken)
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, path)
    assert schema_version(db) == 1, "a failed migration must leave nothing applied"
    assert "fine" not in db.table_names()
    assert db.execute("SELECT COUNT(*) FROM office").fetchone()[0] == 0, "0002's seed rows were rolled back too"
    backups = list((tmp_path / "backups").glob("*before-migration-0002*"))
    assert backups, "a backup is taken before pending migrations"


def test_newer_database_is_refused(tmp_path: Path) -> None:
    db = open_database(None)
    migrate(db, None)
    db.execute("INSERT INTO schema_migration VALUES (999, 'future', 'x')")
    with pytest.raises(DatabaseError, match="比本程序"):
        migrate(db, None)
