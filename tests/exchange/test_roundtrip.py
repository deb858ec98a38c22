"""The acceptance round trip: 12 townships with demo data send their packages up, the county holds each township's
partition exactly, again changes nothing, an edit arrives as exactly that edit, county letters come down read-only,
and receipts mark the townships' exports as received."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.exchange.offices import CODES, county, county_letter, owner_counts, swap_cards, township, usb
from tests.helpers import add_household

from lingqiu_desktop.core.offices import COUNTY_CODE

from lingqiu_desktop.data.database import integrity_problems
from lingqiu_desktop.data.store import NotOwnedError

from lingqiu_desktop.exchange import partition
from lingqiu_desktop.exchange.package import PackageError
from lingqiu_desktop.exchange.service import ExchangeError, ExchangeService, ImportResult
from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook


@dataclass
class World:
    folder: Path
    county: Workbook
    towns: dict[str, Workbook]
    packages: dict[str, Path]
    results: dict[str, ImportResult]
    spare: str            # a household of the first township without visits (deleted by the edit test)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("exchange")
    hub = county(folder)
    towns = {}
    for i, code in enumerate(CODES):
        towns[code] = township(folder, code, seed=i + 1, factor=0.01 + 0.02 * i / 11)
        swap_cards(hub, towns[code])
    first = towns[CODES[0]]
    village = first.db.execute("SELECT id FROM village ORDER BY id LIMIT 1").fetchone()[0]
    spare = add_household(first, village, "王二小")["id"]
    packages = {code: town.exchange.export(None, usb(folder))[0].path for code, town in towns.items()}
    results = {code: hub.exchange.apply(path) for code, path in packages.items()}
    yield World(folder, hub, towns, packages, results, spare)
    for wb in (hub, *towns.values()):
        wb.close()


def test_the_county_holds_each_townships_partition_exactly(world: World) -> None:
    for code, town in world.towns.items():
        assert world.results[code].status == "applied"
        assert owner_counts(world.county, code) == owner_counts(town, code), code
        assert partition.content_hash(world.county.db, code) == partition.content_hash(town.db, code), code
    assert sum(owner_counts(world.county, CODES[5]).values()) > 1000
    assert integrity_problems(world.county.db) == []


def test_package_names_and_the_export_log(world: World) -> None:
    path = world.packages[CODES[1]]
    assert path.name == "东河南镇-140224101-至-灵丘县-第0001号.lqpkg"
    row = world.towns[CODES[1]].db.execute(
        "SELECT recipient, sequence, sha256, path, user_name FROM export_log").fetchone()
    assert row[:2] == (COUNTY_CODE, 1)
    assert row[3] == str(path) and row[4]
    assert row[2] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_importing_every_package_again_changes_nothing(world: World) -> None:
    before = partition.content_hash(world.county.db)
    for path in world.packages.values():
        dry = world.county.exchange.inspect(path)
        assert dry.status == "already" and "不会有任何改变" in dry.message
        result = world.county.exchange.apply(path)
        assert result.status == "already" and "没有任何改变" in result.message
    assert partition.content_hash(world.county.db) == before


def test_an_edited_township_arrives_as_exactly_that_edit(world: World) -> None:
    code = CODES[0]
    town = world.towns[code]
    visit = town.db.execute("SELECT id FROM visit ORDER BY id LIMIT 1").fetchone()[0]
    village = town.db.execute("SELECT id FROM village ORDER BY id LIMIT 1").fetchone()[0]
    town.store.update("visit", visit, {"situation": "户主病愈，已返岗务工。"})
    add_household(town, village, "李四海")
    town.households.delete(world.spare)
    exported = town.exchange.export(None, usb(world.folder))[0]
    assert exported.sequence == 2 and "第0002号" in exported.path.name

    dry = world.county.exchange.inspect(exported.path)
    tables = dry.plan.tables
    assert dry.status == "new"
    assert (tables["visit"].new, tables["visit"].changed, tables["visit"].removed) == (0, 1, 0)
    assert (tables["household"].new, tables["household"].changed, tables["household"].removed) == (1, 0, 1)
    assert (tables["household_member"].new, tables["household_member"].removed) == (1, 1)
    assert (tables["audit_log"].new, tables["audit_log"].changed, tables["audit_log"].removed) == (5, 0, 0)
    assert all(change.is_noop for name, change in tables.items()
               if name not in {"visit", "household", "household_member", "audit_log"})
    assert "修改 1 条" in dry.message

    result = world.county.exchange.apply(exported.path)
    assert result.status == "applied" and result.backup is not None and result.backup.exists()
    assert partition.content_hash(world.county.db, code) == partition.content_hash(town.db, code)
    situation = world.county.db.execute("SELECT situation FROM visit WHERE id = ?", [visit]).fetchone()[0]
    assert situation == "户主病愈，已返岗务工。"
    # the first package is now an older sequence: "already" (the very same file), not applied again
    assert world.county.exchange.apply(world.packages[code]).status == "already"


def test_county_letters_come_down_read_only(world: World) -> None:
    code = CODES[3]
    letter = county_letter(world.county, code, title="2018年度脱贫攻坚军令状")
    results = world.county.exchange.export(None, usb(world.folder))
    assert sorted(r.recipient for r in results) == sorted(CODES)
    assert {r.sequence for r in results} == {1}
    mine = next(r for r in results if r.recipient == code)
    assert mine.counts["letter"] == 1 and mine.counts["indicator"] > 0

    town = world.towns[code]
    before = owner_counts(town, code)
    assert town.exchange.inspect(mine.path).plan.tables["letter"].new == 1
    assert town.exchange.apply(mine.path).receipt is None   # townships write no receipts
    row = town.store.get("letter", letter["id"])
    assert row["owner"] == COUNTY_CODE and row["title"] == "2018年度脱贫攻坚军令状"
    with pytest.raises(NotOwnedError):
        town.store.update("letter", letter["id"], {"title": "改"})
    with pytest.raises(NotOwnedError):
        town.store.delete("letter", letter["id"])
    # the township's own rows: untouched but for the audit row of the import
    assert owner_counts(town, code) == {**before, "audit_log": before["audit_log"] + 1}
    audit = town.db.execute("SELECT action, table_name FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert audit == ("import", "import_log")
    # a package for another township is refused here
    other = next(r for r in results if r.recipient == CODES[4])
    with pytest.raises(PackageError) as caught:
        town.exchange.inspect(other.path)
    assert caught.value.code == "wrong_recipient"


def test_receipts_mark_the_export_as_received(world: World) -> None:
    code = CODES[2]
    town = world.towns[code]
    receipt = world.results[code].receipt
    assert receipt is not None and receipt == ExchangeService.receipt_path(world.packages[code])
    assert receipt.name.endswith(".回执.lqrcpt")
    assert town.exchange.status()[0].received_at is None
    done = town.exchange.import_receipt(receipt)
    assert done.status == "received" and "签收" in done.message
    status = town.exchange.status()[0]
    assert status.received_at and status.last_sequence == 1
    assert town.exchange.exports()[0]["received_at"] == status.received_at
    assert town.exchange.import_receipt(receipt).status == "already"
    kinds = town.db.execute("SELECT kind, sender FROM import_log").fetchall()
    assert kinds == [("receipt", COUNTY_CODE)]
    with pytest.raises(PackageError) as caught:
        town.exchange.import_receipt(world.results[CODES[6]].receipt)
    assert caught.value.code == "wrong_recipient"
    with pytest.raises(PackageError) as caught:
        town.exchange.import_receipt(world.packages[code])
    assert caught.value.code in {"unknown_sender", "not_package"}


def test_the_county_sees_each_townships_last_package_and_who_is_late(world: World) -> None:
    statuses = world.county.exchange.status()
    assert [s.code for s in statuses] == CODES
    assert all(s.last_sequence and not s.stale and s.counts["visit"] > 0 for s in statuses)
    last = max(date.fromisoformat(s.last_at[:10]) for s in statuses)
    world.county.settings.set(REFERENCE_DATE_KEY, (last + timedelta(days=8)).isoformat())
    try:
        late = world.county.exchange.status()
        assert all(s.stale and s.days_since == 8 for s in late if s.last_at[:10] == last.isoformat())
    finally:
        world.county.settings.set(REFERENCE_DATE_KEY, "")


def test_a_county_that_received_nothing_marks_every_township_stale(tmp_path: Path) -> None:
    with county(tmp_path) as hub:
        statuses = hub.exchange.status()
    assert len(statuses) == 12 and all(s.stale and s.last_sequence is None for s in statuses)


def test_cards_and_recipients(world: World, tmp_path: Path) -> None:
    assert [c.code for c in world.county.exchange.cards()] == CODES
    assert [c.code for c in world.towns[CODES[0]].exchange.cards()] == [COUNTY_CODE]
    again = world.county.exchange.import_card(world.towns[CODES[0]].exchange.my_card())
    assert again == "same"

    with pytest.raises(ExchangeError):
        world.towns[CODES[0]].exchange.export(CODES[1], tmp_path)
    with Workbook.create(tmp_path / "lonely.sqlite3", CODES[0]) as lonely, pytest.raises(ExchangeError) as caught:
        lonely.exchange.export(None, tmp_path)
    assert "名片" in str(caught.value)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    with county(fresh) as hub, pytest.raises(ExchangeError):
        hub.exchange.export(None, tmp_path)
