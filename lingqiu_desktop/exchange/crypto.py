"""Office keys and office cards (DESIGN.md "Moving data on USB": authenticity and secrecy).

Each office holds an Ed25519 signing key and an X25519 box key, created once and kept in office_key (never
exported). Its public half travels as an office card: a small self-signed JSON file with the code, the name, both
public keys and a fingerprint short enough to read aloud over the phone. The other side pins the card in
office_card; a package is only ever checked against a pinned card, never against keys carried in the package.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils
from nacl.exceptions import BadSignatureError
from nacl.public import PrivateKey
from nacl.signing import SigningKey, VerifyKey

from lingqiu_desktop.core.offices import OFFICES, is_county, office_name

from lingqiu_desktop.data.store import Store, now_text

CARD_FORMAT = "lingqiu-office-card"
CARD_VERSION = 1
KEY_BYTES = 32
MAX_CARD_BYTES = 64 * 1024  # a real card is ~600 bytes; anything far bigger is not one


class CardError(ValueError):
    """A card file that cannot be used, or a pin that needs the user's confirmation; the message is Chinese."""


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    """16 hex digits in 4 groups ("3F9A-12BC-77D0-E4A1"): short enough for two clerks to compare by phone."""
    digest = hashlib.sha256(b"lingqiu-card-v1\0" + bytes(sign_public) + bytes(box_public)).hexdigest().upper()
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class OfficeKeys:
    """This office's private keys (32-byte seeds). Never written anywhere but office_key."""

    code: str
    sign_secret: bytes = field(repr=False)
    box_secret: bytes = field(repr=False)

    @property
    def signing_key(self) -> SigningKey:
        return SigningKey(self.sign_secret)

    @property
    def private_key(self) -> PrivateKey:
        return PrivateKey(self.box_secret)

    @property
    def sign_public(self) -> bytes:
        return bytes(self.signing_key.verify_key)

    @property
    def box_public(self) -> bytes:
        return bytes(self.private_key.public_key)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.box_public)


@dataclass(frozen=True)
class OfficeCard:
    """Another office's public keys. pinned_at/replaced_at are filled only for cards read from office_card."""

    code: str
    name: str
    sign_public: bytes = field(repr=False)
    box_public: bytes = field(repr=False)
    pinned_at: str = field(default="", compare=False)
    replaced_at: str | None = field(default=None, compare=False)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.box_public)

    def same_keys(self, other: OfficeCard) -> bool:
        return self.sign_public == other.sign_public and self.box_public == other.box_public


# -- this office's keys ----------------------------------------------------------------------------------------------
def ensure_keys(db: sqlite_utils.Database, office_code: str) -> OfficeKeys:
    """This office's keys, created on first use and never again (a new key would orphan every pinned card)."""
    keys = _load_keys(db, office_code)
    if keys is not None:
        return keys
    sign_secret = bytes(SigningKey.generate())
    box_secret = bytes(PrivateKey.generate())
    with db.atomic():
        # OR IGNORE: if another connection won the race, its keys stand and we read them back below.
        db.execute("INSERT OR IGNORE INTO office_key (code, sign_secret, box_secret, created_at) VALUES (?, ?, ?, ?)",
                   [office_code, sign_secret, box_secret, now_text()])
    keys = _load_keys(db, office_code)
    assert keys is not None
    return keys


def _load_keys(db: sqlite_utils.Database, office_code: str) -> OfficeKeys | None:
    row = db.execute("SELECT sign_secret, box_secret FROM office_key WHERE code = ?", [office_code]).fetchone()
    if row is None:
        return None
    return OfficeKeys(office_code, bytes(row[0]), bytes(row[1]))


def own_card(keys: OfficeKeys) -> OfficeCard:
    """The card this office hands to the other side."""
    return OfficeCard(keys.code, office_name(keys.code), keys.sign_public, keys.box_public)


# -- card files ------------------------------------------------------------------------------------------------------
def _signed_part(card: OfficeCard) -> dict[str, Any]:
    return {"format": CARD_FORMAT, "version": CARD_VERSION, "code": card.code, "name": card.name,
            "sign_public": card.sign_public.hex(), "box_public": card.box_public.hex(),
            "fingerprint": card.fingerprint}


def _canonical(part: dict[str, Any]) -> bytes:
    return json.dumps(part, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def card_to_bytes(card: OfficeCard, keys: OfficeKeys) -> bytes:
    """A readable JSON card, signed by the card's own signing key (proves the keys belong together, catches edits)."""
    if card.code != keys.code or card.sign_public != keys.sign_public or card.box_public != keys.box_public:
        raise ValueError("card_to_bytes: the card does not match the keys")
    part = _signed_part(card)
    signature = keys.signing_key.sign(_canonical(part)).signature
    document = {**part, "signature": signature.hex(),
                "说明": f"{card.name}（{card.code}）的单位名片。导入后请电话核对指纹：{card.fingerprint}"}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def card_from_bytes(data: bytes) -> OfficeCard:
    """Read a card file; CardError (Chinese) when it is no card, was edited, or names an office we do not know."""
    document = _card_document(data)
    try:
        sign_public = _key(document["sign_public"])
        box_public = _key(document["box_public"])
        signature = bytes.fromhex(document["signature"])
        code, name = str(document["code"]), str(document["name"])
    except (KeyError, TypeError, ValueError) as exc:
        raise CardError("单位名片内容不完整或已损坏，请让对方重新导出名片。") from exc
    card = OfficeCard(code, name, sign_public, box_public)
    try:
        VerifyKey(sign_public).verify(_canonical(_signed_part(card)), signature)
    except (BadSignatureError, ValueError) as exc:
        raise CardError("单位名片的签名不对：文件被改动过，请让对方重新导出名片。") from exc
    if document.get("fingerprint") != card.fingerprint:
        raise CardError("单位名片的指纹与密钥不符：文件被改动过，请让对方重新导出名片。")
    if code not in OFFICES:
        raise CardError(f"单位名片中的单位代码 {code} 不是灵丘县或其12个乡镇之一，不能导入。")
    # The name shown in this program comes from our own office list, not from the file.
    return OfficeCard(code, office_name(code), sign_public, box_public)


def _card_document(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_CARD_BYTES:
        raise CardError("这个文件不是单位名片（文件太大）。")
    try:
        document = json.loads(bytes(data).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CardError("这个文件不是单位名片。") from exc
    if not isinstance(document, dict) or document.get("format") != CARD_FORMAT:
        raise CardError("这个文件不是单位名片。")
    if document.get("version") != CARD_VERSION:
        raise CardError("这张单位名片的格式版本本程序不认识，请升级程序后再导入。")
    return document


def _key(text: Any) -> bytes:
    key = bytes.fromhex(str(text))
    if len(key) != KEY_BYTES:
        raise ValueError("key length")
    return key


# -- pinned cards ----------------------------------------------------------------------------------------------------
_CARD_COLUMNS = "code, name, sign_public, box_public, pinned_at, replaced_at"


def _card_row(row: tuple) -> OfficeCard:
    return OfficeCard(row[0], row[1], bytes(row[2]), bytes(row[3]), row[4] or "", row[5])


def pinned_card(db: sqlite_utils.Database, code: str) -> OfficeCard | None:
    row = db.execute(f"SELECT {_CARD_COLUMNS} FROM office_card WHERE code = ?", [code]).fetchone()
    return _card_row(row) if row else None


def cards(db: sqlite_utils.Database) -> list[OfficeCard]:
    """Every pinned card, county first then townships by code."""
    rows = db.execute(f"SELECT {_CARD_COLUMNS} FROM office_card ORDER BY length(code), code").fetchall()
    return [_card_row(row) for row in rows]


def check_pairing(my_code: str, other_code: str) -> None:
    """Packages go township→county and county→township only; a card outside that pairing is refused."""
    if other_code == my_code:
        raise CardError("这是本单位自己的名片，不需要导入；请导入对方单位的名片。")
    if not is_county(my_code) and not is_county(other_code):
        raise CardError(f"乡镇之间不交换数据：{office_name(my_code)}只需导入灵丘县的名片，"
                        f"不能导入{office_name(other_code)}（{other_code}）的名片。")


def pin_card(store: Store, card: OfficeCard, replace: bool = False) -> str:
    """Pin another office's card: 'new', 'same' (nothing written) or 'replaced' (only with replace=True)."""
    check_pairing(store.office_code, card.code)
    with store.transaction():
        old = pinned_card(store.db, card.code)
        if old is not None and old.same_keys(card):
            return "same"
        if old is not None and not replace:
            raise CardError(f"已登记的{old.name}（{old.code}）名片密钥不同：原指纹 {old.fingerprint}，"
                            f"新指纹 {card.fingerprint}。更换名片需确认：请先电话核对新指纹。")
        stamp = now_text()
        after = {"code": card.code, "name": card.name, "sign_public": card.sign_public,
                 "box_public": card.box_public, "fingerprint": card.fingerprint,
                 "pinned_at": stamp if old is None else old.pinned_at,
                 "replaced_at": None if old is None else stamp, "updated_by": store.user_name}
        columns = ", ".join(after)
        marks = ", ".join("?" for _ in after)
        store.db.execute(f"INSERT OR REPLACE INTO office_card ({columns}) VALUES ({marks})", list(after.values()))
        before = None if old is None else _audit_view(old, {"pinned_at": old.pinned_at,
                                                             "replaced_at": old.replaced_at})
        store.audit("insert" if old is None else "update", "office_card", card.code, before,
                    _audit_view(card, after))
    return "new" if old is None else "replaced"


def _audit_view(card: OfficeCard, extra: dict[str, Any]) -> dict[str, Any]:
    """Audit JSON drops bytes, so the public keys go in as hex: the log then shows which key was replaced."""
    row = {k: v for k, v in extra.items() if not isinstance(v, bytes)}
    return {**row, "code": card.code, "name": card.name, "sign_public": card.sign_public.hex(),
            "box_public": card.box_public.hex(), "fingerprint": card.fingerprint}
