"""The kinds of printed document, found from the modules of this package that define `KINDS`."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable

from lingqiu_desktop.documents.base import Styles

if TYPE_CHECKING:
    from lingqiu_desktop.workbook import Workbook


@dataclass
class Printable:
    """One document ready to render: what it shows (`content`, Chinese keys, exactly what is printed) and how."""
    kind: str
    key: str                  # the record id, or the code the document is about
    params: str               # month, quarter, year, date range … ('' when none)
    title: str                # e.g. 东河南镇2018年脱贫攻坚军令状
    filename: str             # a suggested file name, without folder, ending .pdf
    content: dict[str, Any]
    story: Callable[[dict[str, Any], Styles], list[Flowable]]
    landscape: bool = False


@dataclass(frozen=True)
class DocumentKind:
    kind: str                 # letter / sheet-village / signin / … (ASCII: it goes into the QR code)
    label: str                # 目标责任书/军令状, 责任清单（村） … as the clerk reads it
    build: Callable[[Workbook, str, str], Printable]          # (workbook, key, params) → Printable
    # Every (key, params) a batch of this kind covers for the given params (e.g. all villages for a year);
    # None when the kind has no batch.
    batch_keys: Callable[[Workbook, str], list[str]] | None = None
    params_label: str = ""    # what params means for this kind: 年度 / 月份 / 季度 …
    extra: dict[str, Any] = field(default_factory=dict)


def own_townships(wb: Workbook, column: str) -> tuple[str, list[str]]:
    """(SQL, parameters) narrowing a batch to this office's township by `column`; nothing at the county."""
    return ("", []) if wb.is_county else (f"AND {column} = ?", [wb.office_code])


@cache
def document_kinds() -> dict[str, DocumentKind]:
    import lingqiu_desktop.printing as package

    kinds: dict[str, DocumentKind] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for kind in getattr(module, "KINDS", ()):
            if kind.kind in kinds:
                raise RuntimeError(f"document kind {kind.kind!r} defined twice")
            kinds[kind.kind] = kind
    return kinds
