"""Progress (进度) of letter indicators: monthly values typed by the clerk or counted from the records.

One `indicator_progress` row per indicator and month (UNIQUE indicator_id, month). A typed value is `computed = 0`;
a value counted from the records by `refresh_computed` is `computed = 1`. Missing months carry forward (see
core/scoring.py). Who may write progress: the office that issued the letter or the office that received it (a
township reports on its county letter); the county cannot type values into a township's letter to its villages.

Computed sources count the receiver's "area": a 9-digit township code → that township; a 12-digit village
code → that village. Dated records (visits, trainings, attendance) are counted up to the month's end; the
household and village registers keep no exit date, so households/villages exited and collective income count the
register as it stands (snapshots stored by `refresh_computed` keep the history).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lingqiu_desktop.core import scoring
from lingqiu_desktop.core.validation import ValidationError, parse_month, parse_number

from lingqiu_desktop.data.attendance import AttendanceRepository
from lingqiu_desktop.data.settings import SettingsRepository
from lingqiu_desktop.data.store import NotFoundError, NotOwnedError, Store

REFERENCE_DATE_KEY = "app.reference_date"  # the setting Workbook.today() reads (data cannot import workbook)
INCOME_THRESHOLD_KEY = "village.collective_income_threshold"

#: (area code, month) → counted value, None when there is nothing to count (no members posted that month)
Counts = dict[tuple[str, str], float | None]


def rows(store: Store, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cursor = store.db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def working_date(store: Store) -> date:
    override = SettingsRepository(store).get(REFERENCE_DATE_KEY, "")
    return date.fromisoformat(override) if override else date.today()


def _marks(values: Iterable[Any]) -> str:
    return ", ".join("?" for _ in values)


@dataclass
class GridRow:
    """One indicator of a letter with its recorded months (the progress grid's row)."""

    indicator: dict[str, Any]
    values: dict[str, float] = field(default_factory=dict)      # month → recorded value
    computed: set[str] = field(default_factory=set)             # months counted by the program
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.indicator["id"])

    @property
    def is_computed(self) -> bool:
        return self.indicator["source"] != scoring.MANUAL

    def value_at(self, month: str) -> float | None:
        """The latest value at or before ``month`` in the same year (carry forward); None: 未填报."""
        return scoring.value_at(self.values, month)

    def completion_at(self, month: str) -> float | None:
        i = self.indicator
        return scoring.completion(i["baseline"], i["target"], self.value_at(month), i["direction"])

    def change_at(self, month: str) -> float | None:
        """Trend against last month (same year): this month's value minus last month's, None when either is missing."""
        if month[5:] == "01":
            return None
        now, before = self.value_at(month), self.value_at(f"{month[:4]}-{int(month[5:]) - 1:02d}")
        return None if now is None or before is None else now - before

    def lagging_at(self, month: str, threshold: float = scoring.DEFAULT_LAG_THRESHOLD) -> bool:
        year = int(month[:4])
        return scoring.is_lagging(self.completion_at(month), scoring.elapsed_share(year, month), threshold)


class ProgressRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.counter = SourceCounter(store)

    # -- reading -------------------------------------------------------------------------------------------------
    def values(self, letter_id: str) -> dict[str, dict[str, float]]:
        """{indicator_id: {month: value}} for every indicator of the letter (indicators without values: {})."""
        result: dict[str, dict[str, float]] = {
            r[0]: {} for r in self.store.db.execute("SELECT id FROM indicator WHERE letter_id = ?", [letter_id])}
        for iid, month, value in self.store.db.execute(
                "SELECT p.indicator_id, p.month, p.value FROM indicator i JOIN indicator_progress p "
                "ON p.indicator_id = i.id WHERE i.letter_id = ? ORDER BY p.month", [letter_id]):
            result[iid][month] = value
        return result

    def grid(self, letter_id: str, year: int) -> list[GridRow]:
        """The letter's indicators in their order, each with the values recorded in ``year``."""
        grid = {r["id"]: GridRow(r) for r in rows(
            self.store, "SELECT id, letter_id, name, unit, baseline, target, direction, weight, deadline, source, "
            "sort_order, owner FROM indicator WHERE letter_id = ? ORDER BY sort_order, rowid", [letter_id])}
        for r in rows(self.store, "SELECT p.indicator_id, p.month, p.value, p.computed, p.note FROM indicator i "
                      "JOIN indicator_progress p ON p.indicator_id = i.id WHERE i.letter_id = ? "
                      "AND p.month BETWEEN ? AND ?", [letter_id, f"{year}-01", f"{year}-12"]):
            row = grid[r["indicator_id"]]
            row.values[r["month"]] = r["value"]
            if r["computed"]:
                row.computed.add(r["month"])
            if r["note"]:
                row.notes[r["month"]] = r["note"]
        return list(grid.values())

    def compute(self, indicator_id: str, month: str) -> float | None:
        """The value of a computed indicator counted from the records as of ``month``; None for typed indicators."""
        ind = self._indicator(indicator_id)
        month = self._check_month(ind, month, future_ok=True)
        if ind["source"] == scoring.MANUAL:
            return None
        counts = self.counter.count(ind["source"], [ind["receiver_code"]], ind["year"], [month])
        return counts.get((ind["receiver_code"], month))

    # -- writing -------------------------------------------------------------------------------------------------
    def set_value(self, indicator_id: str, month: str, value: float | str, note: str = "") -> dict[str, Any]:
        """Record (or correct) a typed monthly value; one transaction with its audit row."""
        ind = self._indicator(indicator_id)
        self._check_writer(ind)
        month = self._check_month(ind, month)
        if ind["source"] != scoring.MANUAL:
            label = scoring.COMPUTED_SOURCES.get(ind["source"], ind["source"])
            raise ValidationError("完成值", f"该指标按“{label}”由系统根据记录自动统计，不能手工填报")
        number = parse_number(value, "完成值")
        return self._write(indicator_id, month, number, 0, (note or "").strip())

    def delete_value(self, indicator_id: str, month: str) -> bool:
        """Remove a month's value (the month then carries the previous one forward); False when there was none."""
        month = parse_month(month)
        self._check_writer(self._indicator(indicator_id))
        row = self.store.db.execute("SELECT id FROM indicator_progress WHERE indicator_id = ? AND month = ?",
                                    [indicator_id, month]).fetchone()
        if row is None:
            return False
        self.store.delete("indicator_progress", row[0])
        return True

    def refresh_computed(self, letter_id: str, month: str) -> int:
        """Count every computed indicator of the letter for ``month`` and store the values (computed = 1) in one
        transaction; returns how many rows were added or changed."""
        inds = [self._indicator(r[0]) for r in self.store.db.execute(
            "SELECT id FROM indicator WHERE letter_id = ? AND source != ? ORDER BY sort_order", [letter_id,
                                                                                                  scoring.MANUAL])]
        changed = 0
        with self.store.transaction():
            for ind in inds:
                self._check_writer(ind)
                checked = self._check_month(ind, month)
                value = self.counter.count(ind["source"], [ind["receiver_code"]], ind["year"], [checked]).get(
                    (ind["receiver_code"], checked))
                if value is not None:
                    changed += self._write(ind["id"], checked, value, 1, "", count_only=True) is not None
        return changed

    # -- helpers -------------------------------------------------------------------------------------------------
    def _indicator(self, indicator_id: str) -> dict[str, Any]:
        found = rows(self.store, "SELECT i.*, l.year, l.level, l.receiver_code, l.issuer_code, l.owner AS "
                     "letter_owner FROM indicator i JOIN letter l ON l.id = i.letter_id WHERE i.id = ?",
                     [indicator_id])
        if not found:
            raise NotFoundError("indicator", indicator_id)
        return found[0]

    def _check_writer(self, ind: dict[str, Any]) -> None:
        office = self.store.office_code
        if office not in (ind["letter_owner"], ind["issuer_code"], ind["receiver_code"]):
            raise NotOwnedError(ind["letter_owner"])

    def _check_month(self, ind: dict[str, Any], month: str, future_ok: bool = False) -> str:
        month = parse_month(month)
        if int(month[:4]) != ind["year"]:
            raise ValidationError("月份", f"应在责任书的年度（{ind['year']}年）之内")
        today = working_date(self.store)
        if not future_ok and month > f"{today.year}-{today.month:02d}":
            raise ValidationError("月份", f"不能晚于当前工作月份（{today.year}年{today.month}月）")
        return month

    def _write(self, indicator_id: str, month: str, value: float, computed: int, note: str,
               count_only: bool = False) -> dict[str, Any] | None:
        existing = self.store.db.execute(
            "SELECT id, value, computed, note FROM indicator_progress WHERE indicator_id = ? AND month = ?",
            [indicator_id, month]).fetchone()
        values = {"value": value, "computed": computed, "note": note}
        if existing is None:
            return self.store.insert("indicator_progress", {"indicator_id": indicator_id, "month": month, **values})
        if count_only and tuple(existing[1:]) == (value, computed, note):
            return None
        return self.store.update("indicator_progress", existing[0], values)


class SourceCounter:
    """Counts computed sources for many areas and months at once: one grouped query per source."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def count(self, source: str, codes: Iterable[str], year: int, months: Iterable[str]) -> Counts:
        codes, months = sorted(set(codes)), sorted(set(months))
        method = getattr(self, f"_{source}", None)
        if source not in scoring.COMPUTED_SOURCES or method is None:
            raise ValidationError("数据来源", f"“{source}”不是系统能自动统计的来源")
        if not codes or not months:
            return {}
        townships = [c for c in codes if len(c) == 9]
        villages = self._village_ids([c for c in codes if len(c) == 12])
        result: Counts = {(c, m): None for c in codes for m in months}
        result.update(method(townships, villages, year, months))
        return result

    def _village_ids(self, codes: list[str]) -> dict[str, str]:
        """village code → village id, for the villages that exist (an unknown code counts as None)."""
        if not codes:
            return {}
        return {r[0]: r[1] for r in self.store.db.execute(
            f"SELECT code, id FROM village WHERE code IN ({_marks(codes)})", codes)}

    def _grouped(self, sql: str, townships: list[str], villages: dict[str, str], params: list[Any],
                 months: list[str]) -> Counts:
        """Run a per-area count (``{area}`` = the area column, ``{codes}`` = its marks) for townships and villages;
        month-independent counts repeat for every month, and areas with no rows count 0."""
        by_id = {vid: code for code, vid in villages.items()}
        result: Counts = {(c, m): 0.0 for c in [*townships, *villages] for m in months}
        for column, keys, to_code in (("township_code", townships, lambda k: k),
                                      ("village_id", list(by_id), by_id.get)):
            if not keys:
                continue
            query = sql.format(area=column, codes=_marks(keys))
            for key, value in self.store.db.execute(query, [*params, *keys]):
                for m in months:
                    result[(to_code(key), m)] = float(value or 0)
        return result

    def _households_exited(self, townships: list[str], villages: dict[str, str], year: int,
                           months: list[str]) -> Counts:
        return self._grouped("SELECT {area}, COUNT(*) FROM household WHERE status = '已脱贫' AND exit_year = ? "
                             "AND {area} IN ({codes}) GROUP BY {area}", townships, villages, [year], months)

    def _people_exited(self, townships: list[str], villages: dict[str, str], year: int, months: list[str]) -> Counts:
        return self._grouped("SELECT {area}, SUM(member_count) FROM household WHERE status = '已脱贫' "
                             "AND exit_year = ? AND {area} IN ({codes}) GROUP BY {area}", townships, villages,
                             [year], months)

    def _villages_exited(self, townships: list[str], villages: dict[str, str], year: int,
                         months: list[str]) -> Counts:
        return self._village_count("status = '已退出' AND exit_year = ?", [year], townships, villages, months)

    def _collective_income_villages(self, townships: list[str], villages: dict[str, str], year: int,
                                    months: list[str]) -> Counts:
        threshold = float(SettingsRepository(self.store).get(INCOME_THRESHOLD_KEY, 10000))
        return self._village_count("collective_income >= ?", [threshold], townships, villages, months)

    def _village_count(self, condition: str, params: list[Any], townships: list[str], villages: dict[str, str],
                       months: list[str]) -> Counts:
        # The village table's own key is `id`: a village area counts itself (0 or 1).
        result: Counts = {(c, m): 0.0 for c in [*townships, *villages] for m in months}
        by_id = {vid: code for code, vid in villages.items()}
        for column, keys in (("township_code", townships), ("id", list(by_id))):
            if not keys:
                continue
            found = self.store.db.execute(f"SELECT {column}, COUNT(*) FROM village WHERE {condition} AND "
                                          f"{column} IN ({_marks(keys)}) GROUP BY {column}", [*params, *keys])
            for key, value in found:
                for m in months:
                    result[(by_id.get(key, key), m)] = float(value)
        return result

    def _visits_made(self, townships: list[str], villages: dict[str, str], year: int, months: list[str]) -> Counts:
        """Visits of the year up to each month's end (the index on area and date serves every range)."""
        sql = ("SELECT {area}, COUNT(*) FROM visit WHERE {area} IN ({codes}) AND visit_date > ? AND visit_date <= ? "
               "GROUP BY {area}")
        return self._cumulative(sql, townships, villages, year, months)

    def _training_person_times(self, townships: list[str], villages: dict[str, str], year: int,
                               months: list[str]) -> Counts:
        """Attendees marked present in trainings of the area's township that started in the year up to the month
        (a training belongs to a township, not a village: a village counts its township's trainings)."""
        village_towns = {code: code[:9] for code in villages}
        towns = sorted(set(townships) | set(village_towns.values()))
        sql = ("SELECT t.township_code, COUNT(*) FROM training t JOIN training_attendee a ON a.training_id = t.id "
               "AND a.attended = 1 WHERE t.township_code IN ({codes}) AND t.start_date > ? AND t.start_date <= ? "
               "GROUP BY t.township_code")
        counts = self._cumulative(sql, towns, {}, year, months)
        result = {(c, m): counts[(c, m)] for c in townships for m in months}
        result.update({(v, m): counts[(t, m)] for v, t in village_towns.items() for m in months})
        return result

    def _cumulative(self, sql: str, townships: list[str], villages: dict[str, str], year: int,
                    months: list[str]) -> Counts:
        """Counts from the year's start to each month's end: one grouped query per stretch between two asked
        months, added up, so each record is read once however many months are asked."""
        by_id = {vid: code for code, vid in villages.items()}
        running = dict.fromkeys([*townships, *villages], 0)
        result: Counts = {}
        start = f"{year - 1}-12-31"  # dates are 'YYYY-MM-DD' text: > the last day before, <= 'YYYY-MM-31'
        for month in months:
            end = f"{month}-31"
            for column, keys, to_code in (("township_code", townships, lambda k: k),
                                          ("village_id", list(by_id), by_id.get)):
                if keys:
                    query = sql.format(area=column, codes=_marks(keys))
                    for key, n in self.store.db.execute(query, [*keys, start, end]):
                        running[to_code(key)] += n
            result.update({(code, month): float(n) for code, n in running.items()})
            start = end
        return result

    def _attendance_compliance(self, townships: list[str], villages: dict[str, str], year: int,
                               months: list[str]) -> Counts:
        """Share (%) of the members posted in the area that month who met the days-in-village requirement;
        None when nobody was posted, or the month has not begun."""
        attendance = AttendanceRepository(self.store)
        today = attendance.today()
        result: Counts = {}
        for month in months:
            if month > f"{today.year}-{today.month:02d}":
                continue
            towns = set(townships) | {code[:9] for code in villages}
            town = towns.pop() if len(towns) == 1 else ""   # one township's teams, or the whole county's
            below = {(r["team_id"], r["person_id"]) for r in attendance.members_below_requirement(town, month=month)}
            posted: dict[str, int] = defaultdict(int)
            met: dict[str, int] = defaultdict(int)
            for key, areas in self._posted(month).items():
                for area in areas:              # the team's township code and its village id
                    posted[area] += 1
                    met[area] += key not in below
            for code, area in [(t, t) for t in townships] + list(villages.items()):
                if posted[area]:
                    result[(code, month)] = round(100 * met[area] / posted[area], 1)
        return result

    def _posted(self, month: str) -> dict[tuple[str, str], set[str]]:
        """(team, person) posted at some day of the month → {township code, village id} of the team."""
        first, last = f"{month}-01", f"{month}-31"
        return {(t, p): {town, vid} for t, p, town, vid in self.store.db.execute(
            "SELECT DISTINCT m.team_id, m.person_id, w.township_code, w.village_id FROM team_membership m "
            "JOIN work_team w ON w.id = m.team_id WHERE m.start_date <= ? AND (m.end_date IS NULL OR "
            "m.end_date >= ?)", [last, first])}
