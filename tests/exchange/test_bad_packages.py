"""The corpus of bad packages, each through ExchangeService.inspect and .apply: refused with the right PackageError
code and a Chinese reason, and the county's database exactly as it was (content hash; per attempt for the byte
flips, the connection's change counter)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.exchange.offices import CODES, county, county_letter, craft, swap_cards, township, usb
from tests.exchange.payloads import edit_payload, payload_counts

from lingqiu_desktop.core.offices import COUNTY_CODE

from lingqiu_desktop.data.database import latest_version

from lingqiu_desktop.exchange import partition
from lingqiu_desktop.exchange.crypto import OfficeCard, own_card, pinned_card
from lingqiu_desktop.exchange.package import PackageError
from lingqiu_desktop.workbook import Workbook

CHINESE = re.compile(r"[\u4e00-\u9fff]")
TOWN, STRANGER = CODES[1], CODES[2]
PREFIX_CODES = {"bad_signature", "not_package", "truncated", "unknown_sender"}


@dataclass
class Scene:
    folder: Path
    county: Workbook
    town: Workbook
    stranger: Workbook        # has the county's card; the county does not have its card
    good: bytes               # the township's second package: valid, not applied

    def county_card(self) -> OfficeCard:
        card = pinned_card(self.town.db, COUNTY_CODE)
        assert card is not None
        return card

    def write(self, name: str, data: bytes) -> Path:
        path = usb(self.folder) / name
        path.write_bytes(data)
        return path


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    folder = tmp_path_factory.mktemp("bad")
    hub = county(folder)
    town = township(folder, TOWN, seed=7)
    swap_cards(hub, town)
    first = town.exchange.export(None, usb(folder))[0]
    assert hub.exchange.apply(first.path).status == "applied"
    county_letter(hub, TOWN)
    good = town.exchange.export(None, usb(folder))[0].path.read_bytes()
    stranger = Workbook.create(folder / "stranger.sqlite3", STRANGER)
    stranger.exchange.import_card(hub.exchange.my_card())
    yield Scene(folder, hub, town, stranger, good)
    for wb in (hub, town, stranger):
        wb.close()


def refused(scene: Scene, path: Path, codes: set[str] | str) -> PackageError:
    """Both the dry run and the apply refuse with one of `codes`; nothing in the county's database changed."""
    codes = {codes} if isinstance(codes, str) else codes
    before = partition.content_hash(scene.county.db)
    errors = []
    for attempt in (scene.county.exchange.inspect, scene.county.exchange.apply):
        with pytest.raises(PackageError) as caught:
            attempt(path)
        errors.append(caught.value)
    assert errors[0].code == errors[1].code and errors[0].code in codes, (errors[0].code, errors[0].message)
    assert CHINESE.search(errors[0].message)
    assert partition.content_hash(scene.county.db) == before
    assert not scene.county.db.conn.in_transaction
    assert "lq_pkg" not in [row[1] for row in scene.county.db.execute("PRAGMA database_list")]
    return errors[0]


def test_the_good_package_is_good(scene: Scene) -> None:
    """The corpus below is made from this file: the dry run accepts it untouched."""
    dry = scene.county.exchange.inspect(scene.write("good.lqpkg", scene.good))
    assert dry.status == "new" and dry.sequence == 2 and dry.sender == TOWN


def test_a_package_from_an_office_whose_card_is_unknown(scene: Scene) -> None:
    package = scene.stranger.exchange.export(None, usb(scene.folder))[0].path
    error = refused(scene, package, "unknown_sender")
    assert "名片" in error.message


def test_a_package_signed_with_another_key(scene: Scene, tmp_path: Path) -> None:
    """Someone else's database posing as the township (or the township re-installed without re-sending its card)."""
    with Workbook.create(tmp_path / "impostor.sqlite3", TOWN) as impostor:
        impostor.exchange.import_card(scene.county.exchange.my_card())
        package = impostor.exchange.export(None, tmp_path)[0].path
    error = refused(scene, package, "bad_signature")
    assert "签名" in error.message


def test_a_package_encrypted_to_a_replaced_county_key(scene: Scene, tmp_path: Path) -> None:
    with Workbook.create(tmp_path / "old-county.sqlite3", COUNTY_CODE) as old:
        stale = own_card(old.exchange.keys())
    card = OfficeCard(COUNTY_CODE, stale.name, scene.county_card().sign_public, stale.box_public)
    payload = partition.export_payload(scene.town.db, TOWN)[0]
    data = craft(scene.town, card, payload, sequence=9)
    refused(scene, scene.write("old-key.lqpkg", data), "decrypt")


def test_any_changed_byte_is_refused(scene: Scene) -> None:
    rng = random.Random(20181130)
    size = len(scene.good)
    positions = sorted({*range(0, 40), *range(size - 70, size), *rng.sample(range(size), 400)})
    conn = scene.county.db.conn
    before = partition.content_hash(scene.county.db)
    path = usb(scene.folder) / "flipped.lqpkg"
    for position in positions:
        data = bytearray(scene.good)
        data[position] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
        changes = conn.total_changes
        for attempt in (scene.county.exchange.inspect, scene.county.exchange.apply):
            with pytest.raises(PackageError) as caught:
                attempt(path)
            assert caught.value.code in PREFIX_CODES, (position, caught.value.code)
            assert CHINESE.search(caught.value.message)
        assert conn.total_changes == changes, position
    assert partition.content_hash(scene.county.db) == before


@pytest.mark.parametrize("keep", [0, 1, 5, 8, 30, 100, 1000, -1000, -65, -64, -1])
def test_a_truncated_file_is_refused(scene: Scene, keep: int) -> None:
    data = scene.good[:keep]
    error = refused(scene, scene.write("cut.lqpkg", data), {"truncated", "not_package"})
    assert error.code == ("not_package" if keep == 0 else "truncated")


def test_a_package_for_another_office(scene: Scene) -> None:
    other = own_card(scene.stranger.exchange.keys())
    data = craft(scene.town, other, partition.export_payload(scene.town.db, TOWN)[0], sequence=9)
    error = refused(scene, scene.write("for-another.lqpkg", data), "wrong_recipient")
    assert STRANGER in error.message


def test_a_newer_schema_is_refused(scene: Scene) -> None:
    payload, counts = partition.export_payload(scene.town.db, TOWN)
    data = craft(scene.town, scene.county_card(), payload, sequence=9, counts=counts,
                 schema_version=latest_version() + 1)
    error = refused(scene, scene.write("newer.lqpkg", data), "schema_newer")
    assert "升级" in error.message


@pytest.mark.parametrize("content", [
    b"", b"hello", "这不是数据包".encode(), b"\x89PNG\r\n\x1a\n" + bytes(200), b"LQPKG", bytes(range(256)) * 40,
    b"PK\x03\x04" + bytes(100)], ids=["empty", "text", "chinese", "png", "magic only", "noise", "zip"])
def test_a_file_that_is_no_package(scene: Scene, content: bytes) -> None:
    refused(scene, scene.write("nothing.lqpkg", content), {"not_package", "truncated"})


def test_other_files_that_are_no_package(scene: Scene, tmp_path: Path) -> None:
    card = scene.write("card.lqcard", scene.town.exchange.my_card())
    refused(scene, card, "not_package")
    refused(scene, tmp_path / "missing.lqpkg", "not_package")
    refused(scene, tmp_path, "not_package")


VISIT_1 = "WHERE rowid = (SELECT min(rowid) FROM visit)"


def _steal_key(scene: Scene) -> list[Any]:
    letter = scene.county.db.execute("SELECT id FROM letter WHERE owner = ?", [COUNTY_CODE]).fetchone()[0]
    return [("UPDATE letter SET id = ? WHERE rowid = (SELECT min(rowid) FROM letter)", [letter])]


CRAFTED = [
    ("foreign table", lambda s: ["CREATE TABLE [evil] ([id], [owner])", ("INSERT INTO evil VALUES ('x', ?)", [TOWN])],
     "foreign_table"),
    ("users", lambda s: ["CREATE TABLE [app_user] ([id], [owner], [name], [password_hash])",
                         ("INSERT INTO app_user VALUES ('u', ?, 'admin', 'x')", [TOWN])], "foreign_table"),
    ("private keys", lambda s: ["CREATE TABLE [office_key] ([code], [sign_secret])"], "foreign_table"),
    ("settings", lambda s: ["CREATE TABLE [setting] ([key], [value])",
                            "INSERT INTO setting VALUES ('office.code', '1')"], "foreign_table"),
    ("a trigger", lambda s: ["CREATE TRIGGER [t] AFTER INSERT ON visit BEGIN DELETE FROM visit; END"],
     "foreign_table"),
    ("foreign column", lambda s: ["ALTER TABLE visit RENAME COLUMN photo_ref TO photo_path"], "foreign_column"),
    ("another office's rows", lambda s: [(f"UPDATE visit SET owner = ? {VISIT_1}", [STRANGER])], "bad_payload"),
    ("the county's rows", lambda s: [(f"UPDATE visit SET owner = ? {VISIT_1}", [COUNTY_CODE])], "bad_payload"),
    ("a typed column", lambda s: ["ALTER TABLE visit DROP COLUMN weather", "ALTER TABLE visit ADD COLUMN weather TEXT"],
     "bad_payload"),
    ("a key of the county's", _steal_key, "bad_payload"),
]


@pytest.mark.parametrize(("make", "code"), [case[1:] for case in CRAFTED], ids=[case[0] for case in CRAFTED])
def test_a_signed_package_naming_what_the_program_does_not_own(scene: Scene, make: Any, code: str) -> None:
    payload = edit_payload(partition.export_payload(scene.town.db, TOWN)[0], *make(scene))
    data = craft(scene.town, scene.county_card(), payload, sequence=9, counts=payload_counts(payload))
    refused(scene, scene.write("crafted.lqpkg", data), code)


@pytest.mark.parametrize("payload", [b"not json", b"\xff" * 100, b"{}", b"[]"], ids=["text", "bytes", "empty", "list"])
def test_a_signed_package_whose_payload_is_no_partition(scene: Scene, payload: bytes) -> None:
    data = craft(scene.town, scene.county_card(), payload, sequence=9)
    refused(scene, scene.write("junk.lqpkg", data), "bad_payload")


def test_a_header_whose_counts_do_not_match(scene: Scene) -> None:
    payload, counts = partition.export_payload(scene.town.db, TOWN)
    data = craft(scene.town, scene.county_card(), payload, sequence=9, counts={**counts, "visit": counts["visit"] + 1})
    refused(scene, scene.write("counts.lqpkg", data), "bad_payload")


# -- sequence numbers: their own small pair of offices (applying changes the state) ------------------------------------
@pytest.fixture
def pair(tmp_path: Path) -> tuple[Workbook, Workbook]:
    hub = county(tmp_path)
    town = Workbook.create(tmp_path / "town.sqlite3", TOWN)
    swap_cards(hub, town)
    yield hub, town
    hub.close()
    town.close()


def test_older_and_reused_sequence_numbers(pair: tuple[Workbook, Workbook], tmp_path: Path) -> None:
    hub, town = pair
    first = town.exchange.export(None, tmp_path)[0]
    town.store.insert("person", {"name": "赵文"})
    second = town.exchange.export(None, tmp_path)[0]
    assert hub.exchange.apply(second.path).status == "applied"
    before = partition.content_hash(hub.db)
    for path, code in ((first.path, "old_sequence"), (_reused(town, hub, tmp_path), "duplicate_sequence")):
        for attempt in (hub.exchange.inspect, hub.exchange.apply):
            with pytest.raises(PackageError) as caught:
                attempt(path)
            assert caught.value.code == code and CHINESE.search(caught.value.message)
    assert partition.content_hash(hub.db) == before
    assert hub.exchange.apply(second.path).status == "already"
    assert partition.content_hash(hub.db) == before


def _reused(town: Workbook, hub: Workbook, folder: Path) -> Path:
    """A different package under the sequence number the county has already applied (2)."""
    town.store.insert("person", {"name": "钱武"})
    payload, counts = partition.export_payload(town.db, TOWN)
    card = pinned_card(town.db, COUNTY_CODE)
    assert card is not None
    path = folder / "reused.lqpkg"
    path.write_bytes(craft(town, card, payload, sequence=2, counts=counts))
    return path


def test_a_replaced_township_card_refuses_its_old_packages(pair: tuple[Workbook, Workbook], tmp_path: Path) -> None:
    """The county pinned a new card for the township (confirmed replacement): packages signed with the old key fail."""
    hub, town = pair
    old = town.exchange.export(None, tmp_path)[0]
    with Workbook.create(tmp_path / "reinstalled.sqlite3", TOWN) as reinstalled:
        assert hub.exchange.import_card(reinstalled.exchange.my_card(), replace=True) == "replaced"
    before = partition.content_hash(hub.db)
    with pytest.raises(PackageError) as caught:
        hub.exchange.apply(old.path)
    assert caught.value.code == "bad_signature"
    assert partition.content_hash(hub.db) == before


def test_apply_all_backs_up_once_and_goes_on_after_a_refusal(pair: tuple[Workbook, Workbook], tmp_path: Path) -> None:
    hub, town = pair
    first = town.exchange.export(None, tmp_path)[0].path
    town.store.insert("person", {"name": "周海"})
    second = town.exchange.export(None, tmp_path)[0].path
    junk = tmp_path / "junk.lqpkg"
    junk.write_bytes(b"not a package")
    payload = edit_payload(partition.export_payload(town.db, TOWN)[0], "CREATE TABLE [evil] ([id], [owner])")
    forged = tmp_path / "forged.lqpkg"   # signed with the township's own key: refused for its payload alone
    forged.write_bytes(craft(town, pinned_card(town.db, COUNTY_CODE), payload, sequence=99,
                             counts=payload_counts(payload)))
    results = hub.exchange.apply_all([first, junk, forged, second, first])
    assert [getattr(r, "status", None) or r.code for r in results] == ["applied", "not_package", "foreign_table",
                                                                        "applied", "already"]
    assert "lq_pkg" not in [row[1] for row in hub.db.execute("PRAGMA database_list")]
    assert hub.path is not None
    backups = list((hub.path.parent / "backups").glob("*before-import*"))
    assert [b.name.split("before-import")[1] for b in backups] == ["-batch.sqlite3"]
    assert partition.content_hash(hub.db, TOWN) == partition.content_hash(town.db, TOWN)


class _Cancel(Exception):
    pass


def test_a_cancel_while_writing_rolls_the_import_back(pair: tuple[Workbook, Workbook], tmp_path: Path) -> None:
    hub, town = pair
    for name in ("吴一", "郑二", "冯三"):
        town.store.insert("person", {"name": name})
    seen: list[tuple[int, int, str]] = []
    package = town.exchange.export(None, tmp_path, progress=lambda *step: seen.append(step))[0].path
    assert seen and seen[-1][0] == seen[-1][1] - 1

    def cancel_in_the_middle(done: int, total: int, what: str) -> None:
        seen.append((done, total, what))
        if what.startswith("写入") and done > total * 3 // 4 + 5:  # six tables written
            raise _Cancel

    before = partition.content_hash(hub.db)
    seen.clear()
    with pytest.raises(_Cancel):
        hub.exchange.apply(package, progress=cancel_in_the_middle)
    assert partition.content_hash(hub.db) == before and not hub.db.conn.in_transaction
    assert [what for _, _, what in seen[:4]] == ["核对签名并解密", "检查数据内容", "备份数据库", "写入数据库"]
    assert all(done < total for done, total, _ in seen)
    result = hub.exchange.apply(package, progress=lambda *step: None)
    assert result.status == "applied"
    assert partition.content_hash(hub.db, TOWN) == partition.content_hash(town.db, TOWN)
