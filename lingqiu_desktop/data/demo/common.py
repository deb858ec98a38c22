"""What all parts of the demo generator share: the calendar as day indexes, the row type and small helpers.

Dates are day indexes counted from EPOCH; rows take their date text from the DAYS, COMPACT and STAMPS tables, made
once at import, instead of formatting a date for each of millions of rows.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from lingqiu_desktop.data.demo import words as W

Row = tuple[Any, ...]
T = TypeVar("T")

DEMO_USER = "演示数据"
LAST_DAY = date(2018, 11, 30)   # the demo's "today": nothing is dated later (but due dates, planned trainings)
YEARS = (2016, 2017, 2018)

BATCH = 10_000   # rows per executemany
EPOCH = date(2014, 1, 1)
DAYS = [(EPOCH + timedelta(days=i)).isoformat() for i in range(6 * 366)]
COMPACT = [d.replace("-", "") for d in DAYS]
STAMPS = [f"{d}T{17 + i % 4}:{(i * 7) % 60:02d}:00" for i, d in enumerate(DAYS)]


def day_index(day: date) -> int:
    """Days since EPOCH: the index into DAYS, COMPACT and STAMPS."""
    return (day - EPOCH).days


LAST_INDEX = day_index(LAST_DAY)


def split(total: int, weights: Sequence[float]) -> list[int]:
    """total shared in proportion to weights, largest remainders rounded up."""
    s = sum(weights)
    if s <= 0:
        return [0] * len(weights)
    raw = [total * w / s for w in weights]
    out = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def fit(values: list[int], total: int, lo: int, hi: int, rng: random.Random) -> list[int]:
    """Nudge values (each kept in lo..hi) until they sum to total, or as near as the bounds allow."""
    n = len(values)
    if not n:
        return values
    diff = min(max(total, lo * n), hi * n) - sum(values)
    while diff:
        i = rng.randrange(n)
        if diff > 0 and values[i] < hi:
            values[i] += 1
            diff -= 1
        elif diff < 0 and values[i] > lo:
            values[i] -= 1
            diff += 1
    return values


def mobile(rng: random.Random) -> str:
    return f"{rng.choice(W.MOBILE_PREFIXES)}{rng.randrange(10 ** 8):08d}"


def birth_date(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def weighted(rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]
