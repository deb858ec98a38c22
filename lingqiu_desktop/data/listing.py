"""Lists that stay fast at county scale: filters become a WHERE clause, sorts an ORDER BY on indexed columns,
and pages are fetched by key (the last row's sort value and id), never by OFFSET and never whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils


@dataclass(frozen=True)
class ListSpec:
    """What a list shows: a FROM clause, its columns (key → SQL expression) and which keys can be sorted."""

    from_sql: str
    columns: dict[str, str]
    sortable: dict[str, str]          # sort key → expression that is never NULL
    id_expr: str
    default_sort: str
    default_descending: bool = False


@dataclass
class ListQuery:
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    sort: str = ""
    descending: bool = False

    def add(self, clause: str, *params: Any) -> None:
        self.where.append(clause)
        self.params.extend(params)


@dataclass(frozen=True)
class PageKey:
    """Where the previous page ended: its last row's sort value and id."""

    sort_value: Any
    row_id: str


def _where_sql(where: Sequence[str]) -> str:
    return (" WHERE " + " AND ".join(f"({w})" for w in where)) if where else ""


def fetch_page(db: sqlite_utils.Database, spec: ListSpec, query: ListQuery, after: PageKey | None,
               limit: int) -> list[dict[str, Any]]:
    """Up to `limit` rows after `after` in the query's order; each row carries `_sort` for the next key."""
    sort_key = query.sort if query.sort in spec.sortable else spec.default_sort
    sort_expr = spec.sortable[sort_key]
    descending = query.descending if query.sort in spec.sortable else spec.default_descending
    where = list(query.where)
    params = list(query.params)
    if after is not None:
        where.append(f"({sort_expr}, {spec.id_expr}) {'<' if descending else '>'} (?, ?)")
        params += [after.sort_value, after.row_id]
    direction = "DESC" if descending else "ASC"
    select = ", ".join(f"{expr} AS [{key}]" for key, expr in spec.columns.items())
    sql = (f"SELECT {select}, {sort_expr} AS _sort FROM {spec.from_sql}{_where_sql(where)} "
           f"ORDER BY {sort_expr} {direction}, {spec.id_expr} {direction} LIMIT ?")
    cursor = db.execute(sql, [*params, limit])
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def count_rows(db: sqlite_utils.Database, spec: ListSpec, query: ListQuery) -> int:
    row = db.execute(f"SELECT COUNT(*) FROM {spec.from_sql}{_where_sql(query.where)}", query.params).fetchone()
    return int(row[0])


def next_key(rows: Sequence[dict[str, Any]]) -> PageKey | None:
    if not rows:
        return None
    return PageKey(rows[-1]["_sort"], rows[-1]["id"])
