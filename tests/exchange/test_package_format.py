"""The bad package corpus at the file-format level: every refusal has its code and a Chinese reason.

Engineer B's service tests repeat the corpus through ExchangeService with the database content hash;
here reading never writes, which total_changes checks.
"""

from __future__ import annotations

import io
import json
import random
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from lingqiu_desktop.exchange.crypto import OfficeKeys, ensure_keys, own_card, pin_card, pinned_card
from lingqiu_desktop.exchange.package import (
    CODES,
    MAGIC,
    PREFIX,
    SIGNATURE_BYTES,
    PackageError,
    _envelope,
    file_kind,
    read_package,
    read_receipt,
    write_package,
    write_receipt,
)
from lingqiu_desktop.workbook import Workbook

COUNTY, DONGHENAN, SHANGZHAI, WULING = "140224", "140224101", "140224102", "140224100"
HEADER = {"sequence": 7, "schema_version": 6, "counts": {"household": 3, "visit": 120}}


@dataclass
class World:
    county: Workbook
    donghenan: Workbook
    shangzhai: Workbook
    keys: dict[str, OfficeKeys]

    def package(self, sender: str, recipient: str, payload: bytes = b"", header: dict | None = None) -> bytes:
        return write_package(payload or PAYLOAD, header or HEADER, self.keys[sender],
                             own_card(self.keys[recipient]))


_ids = random.Random(2)
_visits = [[_ids.randbytes(16).hex(), "2018-11-02", "入户走访，了解收入情况"] for _ in range(200)]
PAYLOAD = json.dumps({"visit": _visits}, ensure_ascii=False).encode("utf-8")  # random ids: compresses little


def _workbook(code: str) -> Workbook:
    return Workbook.create(None, code)


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    """The county and two townships, cards exchanged both ways (township-to-township never)."""
    books = {code: _workbook(code) for code in (COUNTY, DONGHENAN, SHANGZHAI, WULING)}
    keys = {code: ensure_keys(wb.db, code) for code, wb in books.items()}
    for code in (DONGHENAN, SHANGZHAI):
        pin_card(books[COUNTY].store, own_card(keys[code]))
        pin_card(books[code].store, own_card(keys[COUNTY]))
    books[WULING].close()  # 武灵镇 has keys, but the county never pinned its card
    yield World(books[COUNTY], books[DONGHENAN], books[SHANGZHAI], keys)
    for code in (COUNTY, DONGHENAN, SHANGZHAI):
        books[code].close()


def refused(data: bytes, wb: Workbook, keys: OfficeKeys, receipt: bool = False) -> PackageError:
    before = wb.db.conn.total_changes
    with pytest.raises(PackageError) as caught:
        if receipt:
            read_receipt(data, wb.db, keys)
        else:
            read_package(data, wb.db, keys)
    assert wb.db.conn.total_changes == before
    assert caught.value.code in CODES and str(caught.value) == caught.value.message
    return caught.value


# -- the good path ---------------------------------------------------------------------------------------------------
def test_package_round_trip(world: World) -> None:
    data = world.package(DONGHENAN, COUNTY)
    assert data.startswith(MAGIC) and file_kind(data) == "package"
    assert PAYLOAD[:200] not in data  # encrypted, not just compressed
    header, payload = read_package(data, world.county.db, world.keys[COUNTY])
    assert payload == PAYLOAD
    assert header["sender"] == DONGHENAN and header["recipient"] == COUNTY
    assert header["sequence"] == 7 and header["schema_version"] == 6
    assert header["counts"] == {"household": 3, "visit": 120}
    assert header["sender_name"] == "东河南镇" and header["app"] and header["created_at"]
    assert len(header["payload_sha256"]) == 64


def test_county_package_goes_down_to_a_township(world: World) -> None:
    header, payload = read_package(world.package(COUNTY, SHANGZHAI, b"letters"), world.shangzhai.db,
                                   world.keys[SHANGZHAI])
    assert (header["sender"], header["recipient"], payload) == (COUNTY, SHANGZHAI, b"letters")


def test_empty_payload(world: World) -> None:
    data = write_package(b"", HEADER, world.keys[DONGHENAN], own_card(world.keys[COUNTY]))
    assert read_package(data, world.county.db, world.keys[COUNTY])[1] == b""


def test_write_package_refuses_a_header_without_sequence(world: World) -> None:
    with pytest.raises(PackageError) as caught:
        world.package(DONGHENAN, COUNTY, header={"schema_version": 6, "counts": {}})
    assert caught.value.code == "bad_payload"


# -- who sent it -----------------------------------------------------------------------------------------------------
def test_unknown_sender(world: World) -> None:
    error = refused(world.package(WULING, COUNTY), world.county, world.keys[COUNTY])
    assert error.code == "unknown_sender"
    assert error.message == "发送单位 武灵镇（140224100） 的名片尚未导入，不能确认数据来源。请先导入该单位的名片。"


def test_impostor_signing_with_a_known_code(world: World) -> None:
    """Someone who made his own keys and calls himself 东河南镇: the pinned card says otherwise."""
    impostor = ensure_keys(_workbook(DONGHENAN).db, DONGHENAN)
    data = write_package(PAYLOAD, HEADER, impostor, own_card(world.keys[COUNTY]))
    error = refused(data, world.county, world.keys[COUNTY])
    assert error.code == "bad_signature"
    fingerprint = pinned_card(world.county.db, DONGHENAN).fingerprint
    assert error.message == ("签名不对：文件被改动过，或不是东河南镇（140224101）用已登记的密钥签发的。"
                             f"请核对该单位的名片指纹（{fingerprint}）。")


def test_replaced_card_refuses_packages_of_the_old_key(world: World) -> None:
    county = _workbook(COUNTY)
    county_keys = ensure_keys(county.db, COUNTY)
    pin_card(county.store, own_card(world.keys[DONGHENAN]))
    old = write_package(PAYLOAD, HEADER, world.keys[DONGHENAN], own_card(county_keys))
    assert read_package(old, county.db, county_keys)[1] == PAYLOAD
    pin_card(county.store, own_card(ensure_keys(_workbook(DONGHENAN).db, DONGHENAN)), replace=True)
    assert refused(old, county, county_keys).code == "bad_signature"


def test_package_for_another_office(world: World) -> None:
    data = world.package(COUNTY, SHANGZHAI)
    error = refused(data, world.donghenan, world.keys[DONGHENAN])
    assert error.code == "wrong_recipient"
    assert error.message == "这个文件是发给上寨镇（140224102）的，不是发给本单位东河南镇（140224101）的。"


def test_package_encrypted_to_an_old_key_of_ours(world: World) -> None:
    """The county still holds 东河南镇's old card; 东河南镇 reinstalled and has new keys."""
    data = world.package(COUNTY, DONGHENAN)
    reinstalled = OfficeKeys(DONGHENAN, world.keys[DONGHENAN].sign_secret, bytes(range(32)))
    error = refused(data, world.donghenan, reinstalled)
    assert error.code == "decrypt" and error.message.startswith("无法解密：")


# -- changed bytes ---------------------------------------------------------------------------------------------------
SENDER_AT = len(MAGIC) + 1
LENGTH_AT = SENDER_AT + 12


def expected_codes(position: int) -> set[str]:
    if position < len(MAGIC):
        return {"not_package"}
    if SENDER_AT <= position < LENGTH_AT:  # another code: unknown, or pinned with another key
        return {"unknown_sender", "bad_signature"}
    if LENGTH_AT <= position < PREFIX.size:  # a longer body than the file holds, or bytes left over
        return {"truncated", "bad_signature"}
    return {"bad_signature"}  # the kind byte, the header, the ciphertext and the signature itself


def flip_positions(size: int) -> list[int]:
    spread = random.Random(6).sample(range(64, size - 64), 200)
    return sorted({*range(64), *spread, *range(size - 64, size)})


@pytest.mark.parametrize("mask", [0xFF, 0x01, 0x80])
def test_every_changed_byte_is_refused(world: World, mask: int) -> None:
    data = world.package(DONGHENAN, COUNTY)
    assert len(data) > 2000
    wrong = []
    for position in flip_positions(len(data)):
        changed = bytearray(data)
        changed[position] ^= mask
        error = refused(bytes(changed), world.county, world.keys[COUNTY])
        if error.code not in expected_codes(position):
            wrong.append((position, error.code))
    assert wrong == []


def test_a_changed_header_byte_is_a_bad_signature(world: World) -> None:
    data = world.package(DONGHENAN, COUNTY)
    at = data.index(b'"sequence": 7') + len('"sequence": ')
    changed = data[:at] + b"9" + data[at + 1:]  # a sequence of 9 instead of 7: exactly what a forger would try
    assert refused(changed, world.county, world.keys[COUNTY]).code == "bad_signature"


def test_bytes_added_at_the_end(world: World) -> None:
    data = world.package(DONGHENAN, COUNTY)
    error = refused(data + b"\x00", world.county, world.keys[COUNTY])
    assert error.code == "bad_signature"
    assert error.message == "数据包已损坏或被改动（发送单位 东河南镇（140224101）），不能使用。"


def test_truncated_files(world: World) -> None:
    data = world.package(DONGHENAN, COUNTY)
    lengths = {*range(1, 120), *range(120, len(data), 37), *range(len(data) - SIGNATURE_BYTES - 2, len(data))}
    for length in sorted(lengths):
        error = refused(data[:length], world.county, world.keys[COUNTY])
        assert error.code == "truncated", length
        assert error.message.startswith("文件不完整")


def test_truncated_message_names_the_sizes(world: World) -> None:
    data = world.package(DONGHENAN, COUNTY)
    error = refused(data[:-10], world.county, world.keys[COUNTY])
    assert error.message == f"文件不完整（应有 {len(data)} 字节，只有 {len(data) - 10} 字节），请重新复制。"


# -- files that are no package ---------------------------------------------------------------------------------------
def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.json", "{}")
    return buffer.getvalue()


NOT_PACKAGES = {
    "random": random.Random(1).randbytes(5000),
    "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n",
    "zip": _zip(),
    "text": "灵丘县东河南镇数据移交清单\r\n".encode("gbk"),
    "card": b'{"format": "lingqiu-office-card", "version": 1}',
    "magic in text mode": MAGIC.replace(b"\r\n", b"\n") + bytes(200),
}


@pytest.mark.parametrize("name", NOT_PACKAGES)
def test_a_file_that_is_no_package(world: World, name: str) -> None:
    error = refused(NOT_PACKAGES[name], world.county, world.keys[COUNTY])
    assert (error.code, error.message) == ("not_package", "这个文件不是数据包。")


def test_an_empty_file(world: World) -> None:
    error = refused(b"", world.county, world.keys[COUNTY])
    assert (error.code, error.message) == ("not_package", "文件是空的，不是数据包。")
    with pytest.raises(PackageError):
        file_kind(b"")


# -- signed nonsense: a buggy or hostile program holding a real key --------------------------------------------------
def _signed_body(world: World, body: bytes) -> bytes:
    return _envelope(b"P", DONGHENAN, body, world.keys[DONGHENAN])


@pytest.mark.parametrize("body", [
    b"",
    b"\x00\x00",
    struct.pack(">I", 2_000_000) + b"{}",
    struct.pack(">I", 50) + b"{}",
    struct.pack(">I", 4) + b"\xff\xfe{}",
    struct.pack(">I", 2) + b"[]",
    struct.pack(">I", 2) + b"{}",
    struct.pack(">I", 40) + b'{"sequence": "7", "schema_version": 6}' + b"  ",
])
def test_signed_nonsense_is_a_bad_payload(world: World, body: bytes) -> None:
    assert refused(_signed_body(world, body), world.county, world.keys[COUNTY]).code == "bad_payload"


def test_payload_not_matching_its_hash(world: World) -> None:
    """Re-sign a package whose header hash belongs to another payload."""
    good = world.package(DONGHENAN, COUNTY, b"the real payload")
    other = world.package(DONGHENAN, COUNTY, b"another payload")
    body, other_body = good[PREFIX.size:-SIGNATURE_BYTES], other[PREFIX.size:-SIGNATURE_BYTES]
    length = struct.unpack_from(">I", body)[0]
    other_length = struct.unpack_from(">I", other_body)[0]
    mixed = body[:4 + length] + other_body[4 + other_length:]
    error = refused(_signed_body(world, mixed), world.county, world.keys[COUNTY])
    assert (error.code, error.message) == ("bad_payload", "数据包内容与校验值不符，不能使用。")


def test_package_error_codes() -> None:
    assert {"not_package", "truncated", "unknown_sender", "bad_signature", "wrong_recipient", "decrypt",
            "schema_newer", "old_sequence", "duplicate_sequence", "foreign_table", "foreign_column",
            "bad_payload", "not_for_county"} == CODES
    assert PackageError("较新的程序", "schema_newer").code == "schema_newer"
    with pytest.raises(ValueError):
        PackageError("?", "no_such_code")


# -- receipts --------------------------------------------------------------------------------------------------------
RECEIPT = {"recipient": DONGHENAN, "sequence": 7, "package_sha256": "ab" * 32, "received_at": "2018-11-30T10:00:00"}


def test_receipt_round_trip(world: World) -> None:
    data = write_receipt(RECEIPT, world.keys[COUNTY])
    assert file_kind(data) == "receipt"
    receipt = read_receipt(data, world.donghenan.db, world.keys[DONGHENAN])
    assert receipt == {**RECEIPT, "sender": COUNTY, "sender_name": "灵丘县", "app": receipt["app"]}


def test_forged_receipt(world: World) -> None:
    forger = ensure_keys(_workbook(COUNTY).db, COUNTY)
    error = refused(write_receipt(RECEIPT, forger), world.donghenan, world.keys[DONGHENAN], receipt=True)
    assert error.code == "bad_signature"


def test_edited_receipt(world: World) -> None:
    data = write_receipt(RECEIPT, world.keys[COUNTY]).replace(b'"sequence": 7', b'"sequence": 8')
    assert refused(data, world.donghenan, world.keys[DONGHENAN], receipt=True).code == "bad_signature"


def test_receipt_for_another_township(world: World) -> None:
    data = write_receipt({**RECEIPT, "recipient": SHANGZHAI}, world.keys[COUNTY])
    assert refused(data, world.donghenan, world.keys[DONGHENAN], receipt=True).code == "wrong_recipient"


def test_receipt_and_package_are_not_mixed_up(world: World) -> None:
    receipt = write_receipt(RECEIPT, world.keys[COUNTY])
    error = refused(receipt, world.donghenan, world.keys[DONGHENAN])
    assert (error.code, error.message) == ("not_package", "这个文件是回执，请用“导入回执”打开。")
    package = world.package(COUNTY, DONGHENAN)
    error = refused(package, world.donghenan, world.keys[DONGHENAN], receipt=True)
    assert (error.code, error.message) == ("not_package", "这个文件是数据包，请用“导入数据包”打开。")


def test_receipt_truncated_or_flipped(world: World) -> None:
    data = write_receipt(RECEIPT, world.keys[COUNTY])
    for length in range(1, len(data), 7):
        assert refused(data[:length], world.donghenan, world.keys[DONGHENAN], receipt=True).code == "truncated"
    for position in range(len(data)):
        changed = bytearray(data)
        changed[position] ^= 0xFF
        code = refused(bytes(changed), world.donghenan, world.keys[DONGHENAN], receipt=True).code
        assert code in expected_codes(position), position
