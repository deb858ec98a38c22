"""Lists that stay fast at county scale: filters become a WHERE clause, sorts an ORDER BY that an index serves,
and pages are fetched by key (the last row's sort values and rowid), never by OFFSET and never whole.

The tie-break is the base table's rowid: every SQLite index ends with it, so an index on (township_code,
visit_date) serves ORDER BY township_code, visit_date, rowid with no sort step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils


@dataclass(frozen=True)
class ListSpec:
    """What a list shows.

    `base` is the main table with its alias ("visit t"): filters use only its columns, so counts need no joins.
    `joins` add the looked-up columns (LEFT JOIN keeps the base table as the outer loop the index drives).
    `sortable` maps a sort key to the expressions of its ORDER BY (never NULL), matching an index.
    """

    base: str
    joins: str
    columns: dict[str, str]
    sortable: dict[str, tuple[str, ...]]
    default_sort: str
    default_descending: bool = False

    @property
    def alias(self) -> str:
        return self.base.split()[-1]


@dataclass
class ListQuery:
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    sort: str = ""
    descending: bool = False
    extra: list[tuple[str, str, list[Any]]] = field(default_factory=list)  # (key, expression, its params)

    def add(self, clause: str, *params: Any) -> None:
        self.where.append(clause)
        self.params.extend(params)

    def add_column(self, key: str, expression: str, *params: Any) -> None:
        """A column that depends on the query (e.g. which member matched the search)."""
        self.extra.append((key, expression, list(params)))


@dataclass(frozen=True)
class PageKey:
    """Where the previous page ended: its last row's sort values and rowid."""

    values: tuple[Any, ...]


def _where_sql(where: Sequence[str]) -> str:
    return (" WHERE " + " AND ".join(f"({w})" for w in where)) if where else ""


def _order(spec: ListSpec, query: ListQuery) -> tuple[tuple[str, ...], bool]:
    if query.sort in spec.sortable:
        return (*spec.sortable[query.sort], f"{spec.alias}.rowid"), query.descending
    return (*spec.sortable[spec.default_sort], f"{spec.alias}.rowid"), spec.default_descending


def fetch_page(db: sqlite_utils.Database, spec: ListSpec, query: ListQuery, after: PageKey | None,
               limit: int) -> list[dict[str, Any]]:
    """Up to `limit` rows after `after` in the query's order; each row carries `_key` for the next page."""
    exprs, descending = _order(spec, query)
    where, params = list(query.where), list(query.params)
    if after is not None:
        where.append(f"({', '.join(exprs)}) {'<' if descending else '>'} ({', '.join('?' for _ in exprs)})")
        params += list(after.values)
    direction = " DESC" if descending else ""
    columns = [*spec.columns.items(), *((key, expr) for key, expr, _p in query.extra)]
    select = ", ".join(f"{expr} AS [{key}]" for key, expr in columns)
    params = [p for _k, _e, extra_params in query.extra for p in extra_params] + params
    keys = ", ".join(f"{expr} AS _k{i}" for i, expr in enumerate(exprs))
    sql = (f"SELECT {select}, {keys} FROM {spec.base} {spec.joins}{_where_sql(where)} "
           f"ORDER BY {', '.join(e + direction for e in exprs)} LIMIT ?")
    cursor = db.execute(sql, [*params, limit])
    names = [c[0] for c in cursor.description]
    width = len(exprs)
    rows = []
    for values in cursor.fetchall():
        row = dict(zip(names[:-width], values[:-width], strict=True))
        row["_key"] = tuple(values[-width:])
        rows.append(row)
    return rows


def count_rows(db: sqlite_utils.Database, spec: ListSpec, query: ListQuery) -> int:
    row = db.execute(f"SELECT COUNT(*) FROM {spec.base}{_where_sql(query.where)}", query.params).fetchone()
    return int(row[0])


def next_key(rows: Sequence[dict[str, Any]]) -> PageKey | None:
    if not rows:
        return None
    return PageKey(rows[-1]["_key"])
