"""The "1+3" reviews over letter progress: 月汇总分析, 季点评通报, 年度考核评比, and the monthly score trend.

At the county the units are the 12 townships (letters 县对乡); at a township they are its villages (乡对村).
Every letter of that level and year counts (目标责任书 and 军令状 alike) and each receiver's indicators are pooled
into one weighted score (core/scoring.py has the rules).

Speed: one query fetches every indicator of the level and year with its latest value at or before the period's
end and before the previous period's end (each a seek on UNIQUE(indicator_id, month)); computed indicators are
counted with one grouped query per source; the scoring is Python.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from lingqiu_desktop.core import scoring
from lingqiu_desktop.core.offices import office_name
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.progress import SourceCounter, rows, working_date
from lingqiu_desktop.data.settings import SettingsRepository
from lingqiu_desktop.data.store import Store


@dataclass(slots=True)
class IndicatorScore:
    indicator_id: str
    name: str
    unit: str
    weight: float
    baseline: float
    target: float
    direction: str
    value: float | None = None              # carried forward; None: 未填报
    previous_value: float | None = None     # at the end of the previous period (same year); None when none
    completion: float | None = None         # not clamped
    score_part: float = 0.0                 # weight × clamped completion / total weight × 100
    lagging: bool = False
    note: str = ""
    source: str = scoring.MANUAL
    value_month: str = ""                   # the month the value was recorded (before the period's end: carried)


@dataclass(slots=True)
class UnitScore:
    code: str
    name: str
    score: float
    rank: int
    rating: str                      # the annual rating; "" for a month or a quarter
    indicators: list[IndicatorScore] = field(default_factory=list)
    lagging: int = 0                 # how many of its indicators lag
    change: float | None = None      # score minus the previous period's (None: first period of the year, or a year)
    previous_score: float | None = None


# One row per indicator with its latest value (note, month) at or before the period's end and the latest at or
# before the previous period's end: each a seek on UNIQUE(indicator_id, month) and a rowid look-up. No ORDER BY:
# letters come in the order of idx_letter_year (creation order), indicators in their sort_order.
_INDICATORS_SQL = """
SELECT l.receiver_code, i.id, i.name, i.unit, i.weight, i.baseline, i.target, i.direction, i.source,
       c.value, c.note, c.month, pp.value
FROM letter l JOIN indicator i ON i.letter_id = l.id
LEFT JOIN indicator_progress c ON c.rowid = (SELECT p.rowid FROM indicator_progress p WHERE p.indicator_id = i.id
     AND p.month BETWEEN :first AND :end ORDER BY p.month DESC LIMIT 1)
LEFT JOIN indicator_progress pp ON pp.rowid = (SELECT p.rowid FROM indicator_progress p WHERE p.indicator_id = i.id
     AND p.month BETWEEN :first AND :prev ORDER BY p.month DESC LIMIT 1)
WHERE l.year = :year AND l.level = :level {where}
"""


def check_level(level: str) -> str:
    if level not in scoring.LEVELS:
        raise ValidationError("考核层级", f"应为{'或'.join(scoring.LEVELS)}")
    return level


class ReviewRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = SettingsRepository(store)
        self.counter = SourceCounter(store)

    # -- policy ----------------------------------------------------------------------------------------------------
    def lag_threshold(self) -> float:
        return float(self.settings.get(scoring.LAG_THRESHOLD_KEY, scoring.DEFAULT_LAG_THRESHOLD))

    def score_cap(self) -> float:
        return float(self.settings.get(scoring.SCORE_CAP_KEY, scoring.DEFAULT_SCORE_CAP))

    def ratings(self) -> list[list[Any]]:
        return list(self.settings.get(scoring.RATINGS_KEY, scoring.DEFAULT_RATINGS))

    # -- the reviews -----------------------------------------------------------------------------------------------
    def units(self, level: str, period: str, township_code: str = "") -> list[UnitScore]:
        """Every unit of ``level`` scored for ``period`` ('YYYY-MM', 'YYYYQn', 'YYYY'), best first (ties share a
        rank; ordered by code within one). A year adds the rating. Computed indicators are counted from the records
        as of the period's end, so a ranking is never older than the records; typed values carry forward."""
        check_level(level)
        p = scoring.parse_period(period)
        previous = p.previous()
        found = self._indicators(level, p, previous, township_code)
        self._count_computed(found, p, previous)
        units = self._score_units(found, self._names(level, p.year, township_code), p, previous)
        ranks = scoring.rank({u.code: u.score for u in units})
        ratings = self.ratings() if p.kind == "year" else None
        for unit in units:
            unit.rank = ranks[unit.code]
            unit.rating = scoring.rating_for(unit.score, ratings) if ratings else ""
        return sorted(units, key=lambda u: (u.rank, u.code))

    def monthly_summary(self, level: str, month: str, township_code: str = "") -> list[UnitScore]:
        """月汇总分析: each unit's indicators with their change against last month and the lag count."""
        return self.units(level, scoring.month_period(month).key, township_code)

    def quarterly(self, level: str, quarter: str, township_code: str = "") -> list[UnitScore]:
        """季点评通报: units ranked by weighted score, each with the breakdown of its score."""
        return self.units(level, scoring.quarter_period(quarter).key, township_code)

    def annual(self, level: str, year: int | str, township_code: str = "") -> list[UnitScore]:
        """年度考核评比: weighted score, rating on the configured scale, rank."""
        return self.units(level, scoring.year_period(year).key, township_code)

    def ranking_trend(self, level: str, year: int | str, township_code: str = "") -> dict[str, list[float | None]]:
        """{unit code: [score at the end of Jan … Dec]} for the charts; None for months after the working date and
        months before the unit has any value."""
        check_level(level)
        y = scoring.year_period(year).year
        today = working_date(self.store)
        last = 12 if y < today.year else 0 if y > today.year else today.month
        months = [f"{y}-{m:02d}" for m in range(1, last + 1)]
        indicators, values = self._year_values(level, y, township_code, months)
        cap = self.score_cap()
        trend: dict[str, list[float | None]] = {}
        for code, inds in indicators.items():
            total = sum(i["weight"] for i in inds)
            points = [0.0] * len(months)
            seen = [False] * len(months)
            for i in inds:
                for k, value in enumerate(_carried(values[i["key"]], len(months))):
                    if value is not None:
                        seen[k] = True
                        done = scoring.completion(i["baseline"], i["target"], value, i["direction"]) or 0.0
                        points[k] += i["weight"] * min(max(done, 0.0), cap) / total * 100
            line: list[float | None] = [p if s else None for p, s in zip(points, seen, strict=True)]
            trend[code] = line + [None] * (12 - len(line))
        return trend

    # -- steps -----------------------------------------------------------------------------------------------------
    def _indicators(self, level: str, p: scoring.Period, previous: scoring.Period | None,
                    township_code: str) -> dict[str, list[IndicatorScore]]:
        """Each unit's indicators with their stored values (computed indicators are counted afterwards)."""
        where, params = _area_filter(level, township_code)
        params |= {"year": p.year, "level": level, "first": f"{p.year}-01", "end": p.end_month,
                   "prev": previous.end_month if previous else ""}
        units: dict[str, list[IndicatorScore]] = defaultdict(list)
        for r in self.store.db.execute(_INDICATORS_SQL.format(where=where), params):
            units[r[0]].append(IndicatorScore(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[9], r[12], None, 0.0,
                                              False, r[10] or "", r[8], r[11] or ""))
        return units

    def _names(self, level: str, year: int, township_code: str) -> dict[str, str]:
        if level == "县对乡":
            return {}
        where, params = _area_filter(level, township_code)
        return {code: name for code, name in self.store.db.execute(
            f"SELECT receiver_code, receiver_name FROM letter l WHERE l.year = :year AND l.level = :level {where}",
            params | {"year": year, "level": level})}

    def _count_computed(self, units: dict[str, list[IndicatorScore]], p: scoring.Period,
                        previous: scoring.Period | None) -> None:
        """Computed indicators take their counts from the records as of each period's end, not stored values."""
        by_source: dict[str, list[tuple[str, IndicatorScore]]] = defaultdict(list)
        for code, inds in units.items():
            for s in inds:
                if s.source != scoring.MANUAL:
                    by_source[s.source].append((code, s))
        months = [p.end_month] + ([previous.end_month] if previous else [])
        for source, group in by_source.items():
            counts = self.counter.count(source, [code for code, _ in group], p.year, months)
            for code, s in group:
                s.value = counts.get((code, p.end_month))
                s.value_month = p.end_month if s.value is not None else ""
                s.previous_value = counts.get((code, previous.end_month)) if previous else None
                s.note = ""

    def _score_units(self, units: dict[str, list[IndicatorScore]], names: dict[str, str], p: scoring.Period,
                     previous: scoring.Period | None) -> list[UnitScore]:
        lag_below = scoring.elapsed_share(p.year, p.end_month) * self.lag_threshold()
        cap = self.score_cap()
        scored = []
        for code, inds in units.items():
            name = office_name(code) if len(code) == 9 else names.get(code, code)
            try:
                score, before = _score_indicators(inds, lag_below, cap)
            except scoring.ScoringError as exc:
                raise scoring.ScoringError(f"{name}：{exc}") from None
            before_score = before if previous else None
            scored.append(UnitScore(code, name, score, 0, "", inds, sum(s.lagging for s in inds),
                                    None if before_score is None else score - before_score, before_score))
        return scored

    def _year_values(self, level: str, year: int, township_code: str,
                     months: list[str]) -> tuple[dict[str, list[dict[str, Any]]], dict[int, dict[int, float]]]:
        """Indicators per unit, and each indicator's recorded (or, when computed, counted) values by month number.
        Keyed by the indicator's rowid and the month's number: 100,000 small ints cost far less than text ids."""
        where, params = _area_filter(level, township_code)
        params |= {"year": year, "level": level, "first": f"{year}-01", "last": months[-1] if months else ""}
        inds = rows(self.store, "SELECT l.receiver_code, i.rowid AS key, i.name, i.weight, i.baseline, i.target, "
                    "i.direction, i.source FROM letter l JOIN indicator i ON i.letter_id = l.id "
                    f"WHERE l.year = :year AND l.level = :level {where}", params)
        indicators: dict[str, list[dict[str, Any]]] = defaultdict(list)
        values: dict[int, dict[int, float]] = {i["key"]: {} for i in inds}
        for i in inds:
            scoring.check_weight(i["weight"], i["name"])
            scoring.check_direction(i["direction"], i["name"])
            indicators[i["receiver_code"]].append(i)
        for key, month, value in self.store.db.execute(
                "SELECT i.rowid, CAST(substr(p.month, 6, 2) AS INTEGER), p.value FROM letter l "
                "JOIN indicator i ON i.letter_id = l.id JOIN indicator_progress p ON p.indicator_id = i.id "
                "AND p.month BETWEEN :first AND :last "
                f"WHERE l.year = :year AND l.level = :level AND i.source = 'manual' {where}", params):
            values[key][month] = value
        for source in {i["source"] for i in inds} - {scoring.MANUAL}:
            group = [i for i in inds if i["source"] == source]
            counts = self.counter.count(source, [i["receiver_code"] for i in group], year, months)
            for i in group:
                values[i["key"]] = {int(m[5:]): v for m in months
                                    if (v := counts.get((i["receiver_code"], m))) is not None}
        return dict(indicators), values


def _area_filter(level: str, township_code: str) -> tuple[str, dict[str, Any]]:
    """A township's own units: its villages (乡对村), or itself (县对乡)."""
    if not township_code:
        return "", {}
    if level == "乡对村":
        return "AND substr(l.receiver_code, 1, 9) = :township", {"township": township_code}
    return "AND l.receiver_code = :township", {"township": township_code}


def _carried(values: dict[int, float], count: int) -> list[float | None]:
    """The value at months 1..count, carrying the last recorded one forward."""
    line: list[float | None] = []
    last: float | None = None
    for month in range(1, count + 1):
        last = values.get(month, last)
        line.append(last)
    return line


def _score_indicators(inds: list[IndicatorScore], lag_below: float, cap: float) -> tuple[float, float]:
    """Fill each indicator's completion, points and lag flag; return the unit's score and the score its previous
    values give. One tight pass: the county's 10,000 indicators are scored in a few milliseconds."""
    total = 0.0
    for s in inds:
        total += scoring.check_weight(s.weight, s.name)
        scoring.check_direction(s.direction, s.name)
    completion = scoring.completion
    score = before = 0.0
    for s in inds:
        done = s.completion = completion(s.baseline, s.target, s.value, s.direction)
        if done is not None:
            s.score_part = s.weight * min(max(done, 0.0), cap) / total * 100
            score += s.score_part
        s.lagging = (done or 0.0) < lag_below
        old = completion(s.baseline, s.target, s.previous_value, s.direction)
        if old is not None:
            before += s.weight * min(max(old, 0.0), cap) / total * 100
    return score, before
