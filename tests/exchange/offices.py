"""Builders for the exchange tests: township databases with demo data, a county, cards swapped, packages."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from lingqiu_desktop.core.letters import clean_letter
from lingqiu_desktop.core.offices import COUNTY_CODE, TOWNSHIPS

from lingqiu_desktop.data import demo
from lingqiu_desktop.data.database import schema_version

from lingqiu_desktop.exchange import partition
from lingqiu_desktop.exchange.crypto import OfficeCard
from lingqiu_desktop.exchange.package import write_package
from lingqiu_desktop.workbook import Workbook

CODES = list(TOWNSHIPS)
TODAY = date(2018, 11, 30)


def township(folder: Path, code: str, seed: int = 1, factor: float = 0.01) -> Workbook:
    """A township database with a small but real share of demo data."""
    wb = Workbook.create(folder / f"{code}.sqlite3", code)
    demo.generate(wb.db, code, demo.TOWNSHIP.scaled(factor), seed=seed)
    return wb


def county(folder: Path) -> Workbook:
    return Workbook.create(folder / "county.sqlite3", COUNTY_CODE)


def swap_cards(a: Workbook, b: Workbook) -> None:
    a.exchange.import_card(b.exchange.my_card())
    b.exchange.import_card(a.exchange.my_card())


def owner_counts(wb: Workbook, owner: str) -> dict[str, int]:
    """Rows per travelling table owned by `owner`."""
    return {name: wb.db.execute(f"SELECT COUNT(*) FROM [{name}] WHERE owner = ?", [owner]).fetchone()[0]
            for name in partition.travelling(wb.db)}


def usb(folder: Path) -> Path:
    path = folder / "usb"
    path.mkdir(exist_ok=True)
    return path


def county_letter(wb: Workbook, receiver: str, title: str = "") -> dict[str, Any]:
    """A county→township 军令状 with its indicators, saved through the repository."""
    values, indicators = wb.letters.from_template("county_township_order", 2018, receiver, today=date(2018, 3, 1))
    if title:
        values["title"] = title
    return wb.letters.add(clean_letter(values, TODAY), indicators)


def craft(sender: Workbook, card: OfficeCard, payload: bytes, **header: Any) -> bytes:
    """A package signed and encrypted with the sender's real keys around any payload and header (refusal tests)."""
    full = {"sequence": 1, "schema_version": schema_version(sender.db), "counts": {}, **header}
    return write_package(payload, full, sender.exchange.keys(), card)
