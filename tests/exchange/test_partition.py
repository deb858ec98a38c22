"""partition: which tables travel, the payload format and what it refuses, the dry run and the apply."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.exchange.offices import county_letter, township
from tests.exchange.payloads import edit_payload

from lingqiu_desktop.core.offices import COUNTY_CODE

from lingqiu_desktop.data.database import integrity_problems

from lingqiu_desktop.exchange import partition
from lingqiu_desktop.exchange.package import PackageError
from lingqiu_desktop.workbook import Workbook

TOWN = "140224101"
OTHER = "140224102"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    """A township with demo data, a scanned letter and an awkward real; the tests only read it."""
    wb = township(tmp_path_factory.mktemp("source"), TOWN, seed=3)
    letter = wb.db.execute("SELECT id FROM letter LIMIT 1").fetchone()[0]
    wb.db.execute("UPDATE letter SET scan_data = ? WHERE id = ?", [bytes(range(256)) * 3, letter])
    wb.db.execute("UPDATE household SET per_capita_income = ? WHERE rowid = 1", [1 / 3])
    yield wb
    wb.close()


@pytest.fixture
def county(tmp_path: Path) -> Workbook:
    wb = Workbook.create(tmp_path / "county.sqlite3", COUNTY_CODE)
    yield wb
    wb.close()


def _payload(wb: Workbook) -> bytes:
    return partition.export_payload(wb.db, wb.office_code)[0]


# -- the travelling tables ---------------------------------------------------------------------------------------------
def test_travelling_tables_come_from_the_live_schema(workbook: Workbook) -> None:
    specs = partition.travelling(workbook.db)
    with_owner = {name for name in workbook.db.table_names()
                  if "owner" in [c[1] for c in workbook.db.execute(f"PRAGMA table_info([{name}])")]}
    assert set(specs) == with_owner - partition.NEVER_TRAVEL
    assert {"visit_visitor", "audit_log", "letter", "visit"} <= set(specs)
    assert not set(specs) & {"app_user", "office_key", "office_card", "export_log", "import_log", "print_log",
                             "setting", "schema_migration", "office"}
    assert specs["visit"].columns == tuple(c[1] for c in workbook.db.execute("PRAGMA table_info(visit)"))
    assert specs["visit_visitor"].pk == ("visit_id", "person_id")
    assert specs["letter"].blobs == frozenset({"scan_data"})


def test_parents_come_before_children(workbook: Workbook) -> None:
    order = list(partition.travelling(workbook.db))
    for position, (name, spec) in enumerate(partition.travelling(workbook.db).items()):
        for _column, parent, _ in spec.parents:
            if parent in order and parent != name:
                assert order.index(parent) < position, (parent, name)
    for parent, child in (("household", "household_member"), ("visit", "visit_visitor"), ("letter", "indicator"),
                          ("indicator", "indicator_progress"), ("village", "household"), ("person", "visit_visitor")):
        assert order.index(parent) < order.index(child)


# -- encoding ----------------------------------------------------------------------------------------------------------
def test_sqlite_payload_equals_the_python_encoder_and_round_trips(source: Workbook) -> None:
    collected = partition.collect(source.db, TOWN)
    fast, counts = partition.export_payload(source.db, TOWN)
    slow = partition.encode_payload(collected)
    assert partition.decode_payload(fast, source.db, TOWN) == partition.decode_payload(slow, source.db, TOWN)
    decoded = partition.decode_payload(fast, source.db, TOWN)
    assert {name: rows for name, (_, rows) in decoded.items()} == {name: rows for name, (_, rows) in collected.items()}
    assert counts == {name: len(rows) for name, (_, rows) in collected.items()}
    scans = [row for row in decoded["letter"][1] if row[decoded["letter"][0].index("scan_data")]]
    assert scans[0][decoded["letter"][0].index("scan_data")] == bytes(range(256)) * 3
    incomes = [row[decoded["household"][0].index("per_capita_income")] for row in decoded["household"][1]]
    assert 1 / 3 in incomes


def test_apply_into_an_empty_county_copies_the_partition_exactly(source: Workbook, county: Workbook) -> None:
    decoded = partition.decode_payload(_payload(source), county.db, TOWN)
    plan = partition.apply(county.db, TOWN, decoded)
    assert plan.totals()["new"] == sum(len(rows) for _, rows in decoded.values())
    assert partition.content_hash(county.db, TOWN) == partition.content_hash(source.db, TOWN)
    assert integrity_problems(county.db) == []
    again = partition.plan(county.db, TOWN, decoded)
    assert again.is_noop and again.totals()["unchanged"] == plan.totals()["new"]


# -- decoding refuses what the program does not own --------------------------------------------------------------------
VISIT_1 = "WHERE rowid = (SELECT min(rowid) FROM visit)"
BAD_PAYLOADS = [
    ("unknown table", ["CREATE TABLE [evil] ([id], [owner])"], "foreign_table", "本程序不认识的表"),
    ("users", ["CREATE TABLE [app_user] ([id], [owner])"], "foreign_table", "不应传递的表"),
    ("private keys", ["CREATE TABLE [office_key] ([code])"], "foreign_table", "不应传递的表"),
    ("settings", ["CREATE TABLE [setting] ([key])"], "foreign_table", "不应传递的表"),
    ("export log", ["CREATE TABLE [export_log] ([id], [owner])"], "foreign_table", "不应传递"),
    ("sqlite's sequence table alone", ["CREATE TABLE [evil] (id INTEGER PRIMARY KEY AUTOINCREMENT)",
                                       "INSERT INTO evil DEFAULT VALUES", "DROP TABLE evil"], "foreign_table",
     "sqlite_sequence"),
    ("sqlite's statistics alone", ["CREATE INDEX [i] ON visit (id)", "ANALYZE", "DROP INDEX i"], "foreign_table",
     "sqlite_stat1"),
    ("a virtual table in a known name", ["DROP TABLE person", "CREATE VIRTUAL TABLE person USING fts4(id, owner)"],
     "bad_payload", "结构不对"),
    ("a check that runs", ["ALTER TABLE visit DROP COLUMN weather",
                           "ALTER TABLE visit ADD COLUMN [weather] CHECK (weather IS NULL)"], "bad_payload",
     "结构不对"),
    ("text that is no UTF-8", [f"UPDATE visit SET situation = CAST(X'E5FF41' AS TEXT) {VISIT_1}"], "bad_payload",
     "UTF-8"),
    ("a key that is no UTF-8", [f"UPDATE visit SET id = CAST(X'E5FF' AS TEXT) {VISIT_1}"], "bad_payload", "UTF-8"),
    ("a view", ["CREATE VIEW [v] AS SELECT 1"], "foreign_table", "数据库对象"),
    ("a trigger", ["CREATE TRIGGER [t] AFTER INSERT ON visit BEGIN SELECT 1; END"], "foreign_table", "数据库对象"),
    ("an index", ["CREATE INDEX [i] ON visit (id)"], "foreign_table", "数据库对象"),
    ("unknown column", ["ALTER TABLE visit RENAME COLUMN situation TO evil"], "foreign_column", "不认识的列"),
    ("sql in a name", ['ALTER TABLE visit RENAME COLUMN situation TO "x]; DROP TABLE visit; --"'], "foreign_column",
     "不认识的列"),
    ("key column missing", ["ALTER TABLE visit DROP COLUMN id"], "bad_payload", "缺少必需的列"),
    ("owner column missing", ["ALTER TABLE visit DROP COLUMN owner"], "bad_payload", "缺少必需的列"),
    ("a typed column with a default", ["ALTER TABLE visit DROP COLUMN weather",
                                       "ALTER TABLE visit ADD COLUMN [weather] TEXT DEFAULT '晴'"],
     "bad_payload", "结构不对"),
    ("a generated column", ["ALTER TABLE visit DROP COLUMN weather",
                            "ALTER TABLE visit ADD COLUMN [weather] AS ('晴')"], "bad_payload", "结构不对"),
    ("another office's row", [(f"UPDATE visit SET owner = ? {VISIT_1}", [OTHER])], "bad_payload", "其他单位"),
    ("the county's row", [(f"UPDATE visit SET owner = ? {VISIT_1}", [COUNTY_CODE])], "bad_payload", "其他单位"),
    ("empty key", [f"UPDATE visit SET id = NULL {VISIT_1}"], "bad_payload", "空的或重复的记录编号"),
    ("same key twice", [f"INSERT INTO visit SELECT * FROM visit {VISIT_1}"], "bad_payload", "重复"),
    ("same composite key twice", ["INSERT INTO visit_visitor SELECT * FROM visit_visitor LIMIT 1"], "bad_payload",
     "重复"),
    ("another program's database", ["PRAGMA application_id = 1"], "bad_payload", "不是本程序的数据"),
    ("newer format", ["PRAGMA user_version = 3"], "bad_payload", "版本"),
]


@pytest.mark.parametrize(("statements", "code", "words"), [case[1:] for case in BAD_PAYLOADS],
                         ids=[case[0] for case in BAD_PAYLOADS])
def test_decode_refuses(source: Workbook, statements: list[Any], code: str, words: str) -> None:
    data = edit_payload(_payload(source), *statements)
    with pytest.raises(PackageError) as caught:
        partition.decode_payload(data, source.db, TOWN)
    assert caught.value.code == code
    assert words in caught.value.message and CHINESE.search(caught.value.message)
    assert "lq_pkg" not in [row[1] for row in source.db.execute("PRAGMA database_list")]  # detached again


def _damaged(source: Workbook) -> list[bytes]:
    good = _payload(source)
    middle = bytearray(good)
    for at in range(len(good) // 2, len(good) // 2 + 4096, 7):
        middle[at] ^= 0x5A
    header = bytearray(good)
    header[16:18] = b"\x00\x03"    # a page size SQLite does not have
    return [good[:len(good) // 3], bytes(middle), bytes(header), good[:100]]


@pytest.mark.parametrize("data", [b"", b"\xff\xfe", b"not json", b"[1, 2]", b"\x00" * 64,
                                  b"SQLite format 3\x00" + bytes(84), b"SQLite format 3\x00" + b"\xff" * 4000,
                                  b'{"format":"lingqiu-partition","version":1,"tables":[]}'],
                         ids=["empty", "not utf-8", "text", "json", "zeros", "header only", "noise after the magic",
                              "the old json format"])
def test_decode_refuses_what_is_no_payload(source: Workbook, data: bytes) -> None:
    with pytest.raises(PackageError) as caught:
        partition.decode_payload(data, source.db, TOWN)
    assert caught.value.code == "bad_payload"


def test_decode_refuses_a_damaged_image(source: Workbook) -> None:
    for data in _damaged(source):
        with pytest.raises(PackageError) as caught:
            partition.decode_payload(data, source.db, TOWN)
        assert caught.value.code == "bad_payload" and CHINESE.search(caught.value.message)
    assert partition.decode_payload(_payload(source), source.db, TOWN)["visit"][1]   # and nothing stays attached


def test_decode_without_an_owner_accepts_any_owner_but_keeps_the_checks(source: Workbook) -> None:
    data = edit_payload(_payload(source), (f"UPDATE visit SET owner = ? {VISIT_1}", [OTHER]))
    decoded = partition.decode_payload(data, source.db)
    assert decoded["visit"][1]
    with pytest.raises(PackageError):
        partition.decode_payload(edit_payload(data, "CREATE VIEW v AS SELECT 1"), source.db)


# -- plan and apply ----------------------------------------------------------------------------------------------------
def test_plan_counts_new_changed_removed_unchanged(source: Workbook, county: Workbook) -> None:
    decoded = partition.decode_payload(_payload(source), county.db, TOWN)
    partition.apply(county.db, TOWN, decoded)
    cols, rows = decoded["visit"]
    situation = cols.index("situation")
    edited = [list(r) for r in rows[1:]]                     # the first visit removed
    edited[0][situation] = "改过的情况"                         # one changed
    edited.append([*edited[1][:1], *edited[1][1:]])          # one new: a copy under a new key
    edited[-1][0] = "00000000-0000-7000-8000-000000000001"
    decoded["visit"] = (cols, [tuple(r) for r in edited])
    vcols, visitors = decoded["visit_visitor"]           # the removed visit's visitors went with it at the township
    decoded["visit_visitor"] = (vcols, [v for v in visitors if v[vcols.index("visit_id")] != rows[0][0]])
    change = partition.plan(county.db, TOWN, decoded).tables["visit"]
    assert (change.new, change.changed, change.removed, change.unchanged) == (1, 1, 1, len(rows) - 2)
    partition.apply(county.db, TOWN, decoded)
    got = county.db.execute("SELECT situation FROM visit WHERE id = ?", [edited[0][0]]).fetchone()[0]
    assert got == "改过的情况"
    assert county.db.execute("SELECT COUNT(*) FROM visit WHERE id = ?", [rows[0][0]]).fetchone()[0] == 0


def test_a_child_moved_away_from_a_deleted_parent_is_kept(source: Workbook, county: Workbook) -> None:
    """A member moves to another household and the old household is deleted: deleting the household cascades to
    the member here, so the member must be written again, not only updated (the package has no new member)."""
    decoded = partition.decode_payload(_payload(source), county.db, TOWN)
    partition.apply(county.db, TOWN, decoded)
    cols, members = decoded["household_member"]
    home, member = cols.index("household_id"), members[0]
    moved_to = next(m[home] for m in members if m[home] != member[home])
    decoded["household_member"] = (cols, [(*member[:home], moved_to, *member[home + 1:]), *members[1:]])
    hcols, households = decoded["household"]
    decoded["household"] = (hcols, [h for h in households if h[0] != member[home]])
    gone_visits: set[Any] = set()
    for name, (tcols, rows) in list(decoded.items()):    # what went with the household at the township
        if "household_id" in tcols and name != "household_member":
            at = tcols.index("household_id")
            if name == "visit":
                gone_visits = {r[0] for r in rows if r[at] == member[home]}
            decoded[name] = (tcols, [r for r in rows if r[at] != member[home]])
    vcols, visitors = decoded["visit_visitor"]
    decoded["visit_visitor"] = (vcols, [v for v in visitors if v[vcols.index("visit_id")] not in gone_visits])
    plan = partition.apply(county.db, TOWN, decoded)
    assert plan.tables["household"].removed == 1 and plan.tables["household_member"].new == 0
    got = county.db.execute("SELECT household_id FROM household_member WHERE id = ?", [member[0]]).fetchone()
    assert got == (moved_to,)
    again = partition.plan(county.db, TOWN, decoded)
    assert again.is_noop, again.totals()


def test_apply_leaves_other_offices_rows_alone(source: Workbook, county: Workbook) -> None:
    letter = county_letter(county, TOWN)
    before = partition.content_hash(county.db, COUNTY_CODE)
    partition.apply(county.db, TOWN, partition.decode_payload(_payload(source), county.db, TOWN))
    assert partition.content_hash(county.db, COUNTY_CODE) == before
    # an empty package from the township removes the township's rows and nothing else
    empty = {name: (cols, []) for name, (cols, _) in partition.decode_payload(_payload(source), county.db).items()}
    plan = partition.apply(county.db, TOWN, empty)
    assert plan.totals()["removed"] > 0
    left = [county.db.execute(f"SELECT COUNT(*) FROM [{t}] WHERE owner = ?", [TOWN]).fetchone()[0] for t in plan.tables]
    assert sum(left) == 0
    assert partition.content_hash(county.db, COUNTY_CODE) == before
    assert county.letters.get(letter["id"])["owner"] == COUNTY_CODE


def test_a_changed_parent_keeps_its_children(source: Workbook, county: Workbook) -> None:
    """An update, not INSERT OR REPLACE: replacing a household would cascade into its members."""
    decoded = partition.decode_payload(_payload(source), county.db, TOWN)
    partition.apply(county.db, TOWN, decoded)
    cols, rows = decoded["household"]
    first = list(rows[0])
    first[cols.index("remarks")] = "户主外出务工"
    decoded["household"] = (cols, [tuple(first), *rows[1:]])
    members = "SELECT COUNT(*) FROM household_member WHERE household_id = ?"
    count = county.db.execute(members, [first[0]]).fetchone()[0]
    plan = partition.apply(county.db, TOWN, decoded)
    assert plan.tables["household"].changed == 1 and plan.tables["household_member"].is_noop
    assert county.db.execute(members, [first[0]]).fetchone()[0] == count > 0


def test_a_key_taken_by_another_office_is_refused_with_nothing_changed(source: Workbook, county: Workbook) -> None:
    letter = county_letter(county, TOWN)
    decoded = partition.decode_payload(_payload(source), county.db, TOWN)
    cols, rows = decoded["letter"]
    stolen = list(rows[0])
    stolen[0] = letter["id"]
    decoded["letter"] = (cols, [tuple(stolen), *rows[1:]])
    before = partition.content_hash(county.db)
    with pytest.raises(PackageError) as caught:
        partition.plan(county.db, TOWN, decoded)
    assert caught.value.code == "bad_payload" and "记录编号相同" in caught.value.message
    with pytest.raises(PackageError) as caught:
        partition.apply(county.db, TOWN, decoded)
    assert caught.value.code == "bad_payload"
    assert partition.content_hash(county.db) == before
    assert not county.db.conn.in_transaction


def test_a_broken_reference_is_refused_with_nothing_changed(source: Workbook, county: Workbook) -> None:
    decoded = partition.decode_payload(_payload(source), county.db, TOWN)
    decoded["village"] = (decoded["village"][0], [])   # households now point at villages that are not there
    before = partition.content_hash(county.db)
    with pytest.raises(PackageError) as caught:
        partition.apply(county.db, TOWN, decoded)
    assert caught.value.code == "bad_payload"
    assert partition.content_hash(county.db) == before


def test_rows_another_office_still_points_at_are_kept(tmp_path: Path, county: Workbook) -> None:
    """The county deletes a letter a township has typed progress for: the letter and that indicator stay at the
    township (deleting them would cascade into the township's own progress rows); the other indicators go."""
    town = Workbook.create(tmp_path / "town.sqlite3", TOWN)
    letter = county_letter(county, TOWN)
    indicators = county.letters.indicators(letter["id"])
    partition.apply(town.db, COUNTY_CODE, partition.decode_payload(_payload(county), town.db, COUNTY_CODE))
    town.store.insert("indicator_progress", {"indicator_id": indicators[0]["id"], "month": "2018-05", "value": 3.0})
    county.letters.delete(letter["id"])
    plan = partition.apply(town.db, COUNTY_CODE, partition.decode_payload(_payload(county), town.db, COUNTY_CODE))
    assert (plan.tables["letter"].kept, plan.tables["letter"].removed) == (1, 0)
    assert (plan.tables["indicator"].kept, plan.tables["indicator"].removed) == (1, len(indicators) - 1)
    assert town.db.execute("SELECT COUNT(*) FROM indicator_progress WHERE owner = ?", [TOWN]).fetchone()[0] == 1
    assert town.db.execute("SELECT COUNT(*) FROM letter WHERE id = ?", [letter["id"]]).fetchone()[0] == 1
    assert integrity_problems(town.db) == []
    town.close()


def test_content_hash_by_owner(source: Workbook, county: Workbook) -> None:
    empty_town = partition.content_hash(county.db, TOWN)
    whole = partition.content_hash(county.db)
    county_letter(county, TOWN)
    assert partition.content_hash(county.db, TOWN) == empty_town
    assert partition.content_hash(county.db) != whole
