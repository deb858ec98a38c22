"""The package and receipt file format: signed by the sender, a package's payload encrypted to the recipient.

    MAGIC (8) | kind (1: 'P' package, 'R' receipt) | sender code (12 ASCII, space padded)
    | body length (8, big-endian) | body | Ed25519 signature (64) over everything before it

Package body: header length (4, big-endian) | header JSON | Box(sender, recipient).encrypt(zlib(payload)).
Receipt body: JSON (signed, not encrypted: it holds no personal data).

The reader trusts nothing in the file before the signature checks out against the sender's PINNED card
(DESIGN.md: "checks the signature ... before it decrypts or parses anything"); only the magic, the sender code and
the body length are looked at first, because they are needed to find the key and the signed bytes.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any, NoReturn

import sqlite_utils
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import Box, PublicKey
from nacl.signing import VerifyKey

from lingqiu_desktop.core.offices import office_name

from lingqiu_desktop.exchange.crypto import OfficeCard, OfficeKeys, pinned_card

MAGIC = b"LQPKG\x01\r\n"  # \r\n: a file mangled by a text-mode copy no longer matches
KIND_PACKAGE = b"P"
KIND_RECEIPT = b"R"
SENDER_BYTES = 12
PREFIX = struct.Struct(f">{len(MAGIC)}sc{SENDER_BYTES}sQ")
SIGNATURE_BYTES = 64
MAX_HEADER_BYTES = 1024 * 1024
CardSource = sqlite_utils.Database | Mapping[str, OfficeCard]
MAX_PAYLOAD_BYTES = 2 * 1024 * 1024 * 1024  # a county-wide partition is a few hundred MB; beyond this it is a bomb
APP = "灵丘乡镇脱贫攻坚工作台"

CODES = frozenset({"not_package", "truncated", "unknown_sender", "bad_signature", "wrong_recipient", "decrypt",
                   "schema_newer", "old_sequence", "duplicate_sequence", "foreign_table", "foreign_column",
                   "bad_payload", "not_for_county"})


class PackageError(Exception):
    """A refused package or receipt: message in Chinese for the clerk, code for programs and tests."""

    def __init__(self, message: str, code: str) -> None:
        if code not in CODES:
            raise ValueError(f"unknown PackageError code {code!r}")
        super().__init__(message)
        self.message = message
        self.code = code


def _name(code: str) -> str:
    return f"{office_name(code)}（{code}）"


# -- writing ---------------------------------------------------------------------------------------------------------
def _envelope(kind: bytes, sender: str, body: bytes, keys: OfficeKeys) -> bytes:
    code = sender.encode("ascii")
    if len(code) > SENDER_BYTES:
        raise ValueError(f"sender code too long: {sender!r}")
    signed = PREFIX.pack(MAGIC, kind, code.ljust(SENDER_BYTES, b" "), len(body)) + body
    return signed + keys.signing_key.sign(signed).signature


def write_package(payload: bytes, header: dict[str, Any], keys: OfficeKeys, recipient_card: OfficeCard) -> bytes:
    """Sign and encrypt one payload for one recipient. header needs sequence, schema_version and counts;
    recipient, payload_sha256, created_at, sender_name and app are filled in here."""
    if recipient_card.code == keys.code:
        raise ValueError("write_package: a package for one's own office")
    full = {"created_at": datetime.now().isoformat(timespec="seconds"), "counts": {}, **header,
            "recipient": recipient_card.code, "payload_sha256": hashlib.sha256(payload).hexdigest(),
            "sender_name": office_name(keys.code), "app": APP}
    _check_header(full)
    header_bytes = json.dumps(full, ensure_ascii=False, sort_keys=True).encode("utf-8")
    box = Box(keys.private_key, PublicKey(recipient_card.box_public))
    # level 1: half the time of level 6 on an 85 MB partition for a file ~30% larger (16 MB, nothing for a USB stick)
    ciphertext = bytes(box.encrypt(zlib.compress(payload, 1)))
    body = struct.pack(">I", len(header_bytes)) + header_bytes + ciphertext
    return _envelope(KIND_PACKAGE, keys.code, body, keys)


def write_receipt(receipt: dict[str, Any], keys: OfficeKeys) -> bytes:
    """A signed receipt (回执); receipt["recipient"] names the office that sent the package."""
    if not isinstance(receipt.get("recipient"), str) or receipt["recipient"] == keys.code:
        raise ValueError("write_receipt: receipt['recipient'] must name another office")
    full = {"sender_name": office_name(keys.code), "app": APP, **receipt}
    body = json.dumps(full, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return _envelope(KIND_RECEIPT, keys.code, body, keys)


# -- reading ---------------------------------------------------------------------------------------------------------
def file_kind(data: bytes) -> str:
    """'package' or 'receipt' from the (unsigned) prefix, to choose the reader; the reader checks it again."""
    sender, kind, _ = _open_envelope(data)
    if kind not in (KIND_PACKAGE, KIND_RECEIPT):
        _corrupt(sender)
    return "package" if kind == KIND_PACKAGE else "receipt"


def _corrupt(sender: str) -> NoReturn:
    raise PackageError(f"数据包已损坏或被改动（发送单位 {_name(sender)}），不能使用。", "bad_signature")


def _open_envelope(data: bytes) -> tuple[str, bytes, bytes]:
    """(sender, kind, body) by the unsigned prefix: only splits the file; _verified() checks the signature."""
    data = bytes(data)
    if not data:
        raise PackageError("文件是空的，不是数据包。", "not_package")
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data):
            raise PackageError("文件不完整（复制时可能中断或U盘被拔出），请重新复制。", "truncated")
        raise PackageError("这个文件不是数据包。", "not_package")
    if len(data) < PREFIX.size + SIGNATURE_BYTES:
        raise PackageError("文件不完整（复制时可能中断或U盘被拔出），请重新复制。", "truncated")
    _, kind, raw_sender, body_length = PREFIX.unpack_from(data)
    sender = raw_sender.decode("ascii", "replace").strip()
    expected = PREFIX.size + body_length + SIGNATURE_BYTES
    if expected > len(data):
        raise PackageError(f"文件不完整（应有 {expected} 字节，只有 {len(data)} 字节），请重新复制。", "truncated")
    if expected < len(data) or not sender.isdigit():
        _corrupt(sender)
    return sender, kind, data[PREFIX.size:PREFIX.size + body_length]


def _verified(data: bytes, cards: CardSource, expected_kind: bytes) -> tuple[str, bytes, OfficeCard]:
    sender, kind, body = _open_envelope(data)
    card = cards.get(sender) if isinstance(cards, Mapping) else pinned_card(cards, sender)
    if card is None:
        raise PackageError(f"发送单位 {_name(sender)} 的名片尚未导入，不能确认数据来源。请先导入该单位的名片。",
                           "unknown_sender")
    data = bytes(data)
    try:
        VerifyKey(card.sign_public).verify(data[:-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:])
    except (BadSignatureError, ValueError) as exc:
        raise PackageError(f"签名不对：文件被改动过，或不是{_name(sender)}用已登记的密钥签发的。"
                           f"请核对该单位的名片指纹（{card.fingerprint}）。", "bad_signature") from exc
    if kind != expected_kind:
        what = "回执" if kind == KIND_RECEIPT else "数据包"
        raise PackageError(f"这个文件是{what}，请用“导入{what}”打开。", "not_package")
    return sender, body, card


def _check_recipient(recipient: Any, my_code: str) -> None:
    if recipient != my_code:
        raise PackageError(f"这个文件是发给{_name(str(recipient))}的，不是发给本单位{_name(my_code)}的。",
                           "wrong_recipient")


def read_package(data: bytes, cards: CardSource, my_keys: OfficeKeys) -> tuple[dict[str, Any], bytes]:
    """(header, payload) of a package for this office; PackageError for every refusal. header["sender"] is the
    signed sender code. Schema version and sequence are the service's to check. cards: the database holding the
    pinned cards, or those cards by office code (for a thread that must not use the database's connection)."""
    sender, body, card = _verified(data, cards, KIND_PACKAGE)
    header, ciphertext = _split_body(body)
    header["sender"] = sender
    _check_recipient(header.get("recipient"), my_keys.code)
    try:
        compressed = Box(my_keys.private_key, PublicKey(card.box_public)).decrypt(ciphertext)
    except (CryptoError, ValueError) as exc:
        raise PackageError(f"无法解密：这个数据包不是用本单位现在的密钥加密的（{_name(sender)}可能用了本单位"
                           "更换前的名片）。请把本单位的名片重新发给对方。", "decrypt") from exc
    payload = _decompress(compressed)
    if hashlib.sha256(payload).hexdigest() != header["payload_sha256"]:
        raise PackageError("数据包内容与校验值不符，不能使用。", "bad_payload")
    return header, payload


def read_receipt(data: bytes, db: sqlite_utils.Database, my_keys: OfficeKeys) -> dict[str, Any]:
    """The receipt's fields plus "sender"; same checks as a package (signature first, then recipient)."""
    sender, body, _ = _verified(data, db, KIND_RECEIPT)
    receipt = _json_object(body, "回执")
    receipt["sender"] = sender
    _check_recipient(receipt.get("recipient"), my_keys.code)
    return receipt


def _split_body(body: bytes) -> tuple[dict[str, Any], bytes]:
    if len(body) < 4:
        raise PackageError("数据包内容不完整，不能使用。", "bad_payload")
    (length,) = struct.unpack_from(">I", body)
    if length > MAX_HEADER_BYTES or 4 + length > len(body):
        raise PackageError("数据包的说明部分长度不对，不能使用。", "bad_payload")
    header = _json_object(body[4:4 + length], "数据包")
    _check_header(header)
    return header, body[4 + length:]


def _json_object(raw: bytes, what: str) -> dict[str, Any]:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageError(f"{what}的内容无法识别，不能使用。", "bad_payload") from exc
    if not isinstance(value, dict):
        raise PackageError(f"{what}的内容无法识别，不能使用。", "bad_payload")
    return value


def _check_header(header: dict[str, Any]) -> None:
    """Types only: a signed header from a known office can still come from a buggy or newer program."""
    ints = all(isinstance(header.get(k), int) and not isinstance(header.get(k), bool)
               for k in ("sequence", "schema_version"))
    counts = header.get("counts")
    counts_ok = isinstance(counts, dict) and all(isinstance(v, int) for v in counts.values())
    if not (ints and counts_ok and isinstance(header.get("payload_sha256"), str)
            and isinstance(header.get("recipient"), str)):
        raise PackageError("数据包的说明部分缺项或格式不对，不能使用。", "bad_payload")


def _decompress(compressed: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        payload = inflater.decompress(compressed, MAX_PAYLOAD_BYTES)
    except zlib.error as exc:
        raise PackageError("数据包内容无法解压，不能使用。", "bad_payload") from exc
    if inflater.unconsumed_tail or not inflater.eof:
        raise PackageError("数据包内容过大或不完整，不能使用。", "bad_payload")
    return payload
