"""Opening a package file: read, verify, decrypt and check, the parts that need no database connection apart.

ExchangeService._open adds the checks against the database (schema version, sequence); apply_all runs ahead() for
the next package in a helper thread while the database writes the current one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lingqiu_desktop.exchange import payload
from lingqiu_desktop.exchange.crypto import OfficeCard, OfficeKeys
from lingqiu_desktop.exchange.package import CardSource, PackageError, read_package
from lingqiu_desktop.exchange.tables import TableSpec


@dataclass
class Opened:
    """A package read and checked: everything inspect and apply share."""

    path: Path
    header: dict[str, Any]
    sender: str
    sequence: int
    sha256: str
    status: str
    payload: bytes = field(repr=False)
    prepared: payload.Prepared | PackageError | None = field(default=None, repr=False)  # checked ahead (apply_all)


@dataclass(frozen=True)
class Unsealed:
    """A package file read, its signature verified, decrypted and decompressed: no database needed."""

    path: Path
    header: dict[str, Any]
    sha256: str
    payload: bytes = field(repr=False)


def unseal(path: Path, cards: CardSource, keys: OfficeKeys) -> Unsealed:
    data = read_file(path)
    header, body = read_package(data, cards, keys)
    return Unsealed(path, header, hashlib.sha256(data).hexdigest(), body)


def ahead(path: Path, cards: Mapping[str, OfficeCard], keys: OfficeKeys, specs: dict[str, TableSpec],
           known: set[str]) -> tuple[Unsealed, payload.Prepared | PackageError]:
    """What apply_all's helper thread does for the next package while the database writes this one: everything
    that needs no database connection. A refusal of the payload waits until the package's turn (the checks
    against the database, such as an older sequence, come first)."""
    unsealed = unseal(path, cards, keys)
    try:
        prepared = payload.prepare(unsealed.payload, specs, known, str(unsealed.header["sender"]))
    except PackageError as exc:
        return unsealed, exc
    return replace(unsealed, payload=b""), prepared   # the prepared image replaces the payload


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise PackageError(f"找不到文件：{path}", "not_package") from exc
    except IsADirectoryError as exc:
        raise PackageError(f"{path} 是文件夹，不是数据包。", "not_package") from exc
    except OSError as exc:
        raise PackageError(f"无法读取文件 {path}：{exc.strerror or exc}（U盘是否已拔出？）", "not_package") from exc


def check_counts(header: dict[str, Any], carried: dict[str, int]) -> None:
    """The signed header's counts must agree with the rows carried."""
    stated = header.get("counts", {})
    if any(stated.get(name, 0) != carried.get(name, 0) for name in {*stated, *carried}):
        raise PackageError("数据包的说明部分与实际内容的条数不符，不能使用。", "bad_payload")
