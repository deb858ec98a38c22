"""Office keys and cards: created once, fingerprints to read aloud, self-signed card files, pinning with audit."""

from __future__ import annotations

import json
import re

import pytest

from lingqiu_desktop.data.store import Store

from lingqiu_desktop.exchange.crypto import (
    CardError,
    OfficeCard,
    OfficeKeys,
    card_from_bytes,
    card_to_bytes,
    cards,
    ensure_keys,
    fingerprint,
    own_card,
    pin_card,
    pinned_card,
)
from lingqiu_desktop.workbook import Workbook

COUNTY, DONGHENAN, SHANGZHAI = "140224", "140224101", "140224102"


@pytest.fixture
def county() -> Workbook:
    wb = Workbook.create(None, COUNTY)
    yield wb
    wb.close()


@pytest.fixture
def township() -> Workbook:
    wb = Workbook.create(None, DONGHENAN)
    yield wb
    wb.close()


def card_file(wb: Workbook) -> bytes:
    keys = ensure_keys(wb.db, wb.office_code)
    return card_to_bytes(own_card(keys), keys)


def fresh_keys(code: str) -> OfficeKeys:
    """Another key pair under the same code: a reinstalled PC, or an impostor."""
    other = Workbook.create(None, code)
    try:
        return ensure_keys(other.db, code)
    finally:
        other.close()


def count(wb: Workbook, sql: str) -> int:
    return wb.db.execute(sql).fetchone()[0]


# -- keys ------------------------------------------------------------------------------------------------------------
def test_keys_are_created_once_and_kept(township: Workbook) -> None:
    first = ensure_keys(township.db, DONGHENAN)
    again = ensure_keys(township.db, DONGHENAN)
    assert first == again
    assert len(first.sign_secret) == 32 and len(first.box_secret) == 32
    assert len(first.sign_public) == 32 and len(first.box_public) == 32
    assert count(township, "SELECT count(*) FROM office_key") == 1
    assert DONGHENAN in repr(first) and first.sign_secret.hex() not in repr(first)


def test_every_office_gets_its_own_keys(county: Workbook, township: Workbook) -> None:
    a, b = ensure_keys(county.db, COUNTY), ensure_keys(township.db, DONGHENAN)
    assert a.sign_public != b.sign_public and a.box_public != b.box_public
    assert a.fingerprint != b.fingerprint


# -- fingerprints ----------------------------------------------------------------------------------------------------
def test_fingerprint_is_short_readable_and_stable(township: Workbook) -> None:
    assert fingerprint(bytes(32), bytes(range(32))) == "922D-76D2-F2F8-3EA6"  # the format never drifts
    keys = ensure_keys(township.db, DONGHENAN)
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}", keys.fingerprint)
    assert keys.fingerprint == own_card(keys).fingerprint == card_from_bytes(card_file(township)).fingerprint
    assert fingerprint(keys.sign_public, keys.box_public) == keys.fingerprint
    assert fingerprint(keys.box_public, keys.sign_public) != keys.fingerprint


# -- card files ------------------------------------------------------------------------------------------------------
def test_card_round_trip(township: Workbook) -> None:
    keys = ensure_keys(township.db, DONGHENAN)
    data = card_file(township)
    card = card_from_bytes(data)
    assert card == OfficeCard(DONGHENAN, "东河南镇", keys.sign_public, keys.box_public)
    text = data.decode("utf-8")
    assert "东河南镇" in text and keys.fingerprint in text  # a clerk can open it and read it
    assert keys.sign_secret.hex() not in text and keys.box_secret.hex() not in text


def test_card_name_comes_from_our_office_list(township: Workbook) -> None:
    keys = ensure_keys(township.db, DONGHENAN)
    card = card_from_bytes(card_to_bytes(OfficeCard(DONGHENAN, "某某镇", keys.sign_public, keys.box_public), keys))
    assert card.name == "东河南镇"


def test_card_to_bytes_refuses_keys_of_another_card(county: Workbook, township: Workbook) -> None:
    with pytest.raises(ValueError):
        card_to_bytes(own_card(ensure_keys(county.db, COUNTY)), ensure_keys(township.db, DONGHENAN))


def _edited(data: bytes, field: str, value: object) -> bytes:
    document = json.loads(data)
    document[field] = value
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


SIGNATURE = "单位名片的签名不对：文件被改动过，请让对方重新导出名片。"
BROKEN = "单位名片内容不完整或已损坏，请让对方重新导出名片。"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("name", "上寨镇", SIGNATURE),
    ("code", SHANGZHAI, SIGNATURE),
    ("sign_public", "11" * 32, SIGNATURE),
    ("box_public", "22" * 32, SIGNATURE),
    ("signature", "00" * 64, SIGNATURE),
    ("fingerprint", "0000-0000-0000-0000", "单位名片的指纹与密钥不符：文件被改动过，请让对方重新导出名片。"),
    ("sign_public", "1234", BROKEN),
    ("box_public", "not hex", BROKEN),
    ("signature", None, BROKEN),
    ("version", 2, "这张单位名片的格式版本本程序不认识，请升级程序后再导入。"),
])
def test_tampered_card_is_refused(township: Workbook, field: str, value: object, message: str) -> None:
    with pytest.raises(CardError) as caught:
        card_from_bytes(_edited(card_file(township), field, value))
    assert str(caught.value) == message


def test_card_without_a_field_is_refused(township: Workbook) -> None:
    document = json.loads(card_file(township))
    del document["box_public"]
    with pytest.raises(CardError, match="^" + BROKEN + "$"):
        card_from_bytes(json.dumps(document).encode())


@pytest.mark.parametrize("data", [
    b"", b"\x00\x01\x02", "这不是名片".encode(), b"[1, 2]", b'{"code": "140224"}', b"%PDF-1.4\n", b"{" * 70000,
])
def test_a_file_that_is_no_card(data: bytes) -> None:
    with pytest.raises(CardError, match="^这个文件不是单位名片"):
        card_from_bytes(data)


def test_a_card_of_an_unknown_office_is_refused() -> None:
    stranger = fresh_keys(COUNTY)
    forged = OfficeKeys("140225", stranger.sign_secret, stranger.box_secret)  # 广灵县: not ours
    with pytest.raises(CardError) as caught:
        card_from_bytes(card_to_bytes(OfficeCard("140225", "广灵县", forged.sign_public, forged.box_public), forged))
    assert str(caught.value) == "单位名片中的单位代码 140225 不是灵丘县或其12个乡镇之一，不能导入。"


# -- pinning ---------------------------------------------------------------------------------------------------------
def test_pin_new_then_same(county: Workbook, township: Workbook) -> None:
    card = card_from_bytes(card_file(township))
    assert pinned_card(county.db, DONGHENAN) is None
    assert pin_card(county.store, card) == "new"
    stored = pinned_card(county.db, DONGHENAN)
    assert stored == card and stored.pinned_at and stored.replaced_at is None
    audits = count(county, "SELECT count(*) FROM audit_log")
    assert pin_card(county.store, card) == "same"
    assert count(county, "SELECT count(*) FROM audit_log") == audits  # nothing written the second time
    row = county.db.execute("SELECT fingerprint, updated_by FROM office_card").fetchone()
    assert row == (card.fingerprint, "管理员")


def test_replacing_a_key_needs_confirmation(county: Workbook, township: Workbook) -> None:
    old = card_from_bytes(card_file(township))
    pin_card(county.store, old)
    newer = own_card(fresh_keys(DONGHENAN))
    audits = count(county, "SELECT count(*) FROM audit_log")
    with pytest.raises(CardError) as caught:
        pin_card(county.store, newer)
    assert str(caught.value) == (f"已登记的东河南镇（140224101）名片密钥不同：原指纹 {old.fingerprint}，"
                                 f"新指纹 {newer.fingerprint}。更换名片需确认：请先电话核对新指纹。")
    assert pinned_card(county.db, DONGHENAN) == old
    assert count(county, "SELECT count(*) FROM audit_log") == audits

    assert pin_card(county.store, newer, replace=True) == "replaced"
    stored = pinned_card(county.db, DONGHENAN)
    assert stored == newer and stored.replaced_at and stored.pinned_at
    action, table, row_id, before, after = county.db.execute(
        "SELECT action, table_name, row_id, before_json, after_json FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert (action, table, row_id) == ("update", "office_card", DONGHENAN)
    before, after = json.loads(before), json.loads(after)
    assert before["sign_public"] == old.sign_public.hex() and before["fingerprint"] == old.fingerprint
    assert after["sign_public"] == newer.sign_public.hex() and after["box_public"] == newer.box_public.hex()
    assert after["fingerprint"] == newer.fingerprint


def test_pinning_leaves_an_insert_audit_row(county: Workbook, township: Workbook) -> None:
    card = card_from_bytes(card_file(township))
    pin_card(county.store, card)
    action, owner, after = county.db.execute(
        "SELECT action, owner, after_json FROM audit_log WHERE table_name = 'office_card'").fetchone()
    assert (action, owner) == ("insert", COUNTY)
    assert json.loads(after)["box_public"] == card.box_public.hex()


def test_own_card_and_township_to_township_are_refused(county: Workbook, township: Workbook) -> None:
    with pytest.raises(CardError, match="^这是本单位自己的名片"):
        pin_card(township.store, card_from_bytes(card_file(township)))
    other = own_card(fresh_keys(SHANGZHAI))
    with pytest.raises(CardError) as caught:
        pin_card(township.store, other)
    assert str(caught.value) == "乡镇之间不交换数据：东河南镇只需导入灵丘县的名片，不能导入上寨镇（140224102）的名片。"
    assert cards(township.db) == []
    assert pin_card(township.store, card_from_bytes(card_file(county))) == "new"


def test_cards_are_listed_by_code_with_our_names(county: Workbook) -> None:
    store = Store(county.db, COUNTY, "测试")
    for code in ("140224213", "140224100", "140224102"):
        pin_card(store, own_card(fresh_keys(code)))
    assert [c.code for c in cards(county.db)] == ["140224100", "140224102", "140224213"]
    assert [c.name for c in cards(county.db)] == ["武灵镇", "上寨镇", "独峪乡"]
