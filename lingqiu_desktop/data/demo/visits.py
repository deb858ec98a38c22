"""Visits (走访, 民情日记) and their visitors: the bulk of the rows, so written in batches by a tight loop."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from lingqiu_desktop.core.settings import DEFAULTS

from lingqiu_desktop.data.demo import words as W
from lingqiu_desktop.data.demo.common import (
    BATCH,
    COMPACT,
    DAYS,
    DEMO_USER,
    EPOCH,
    LAST_INDEX,
    STAMPS,
    Row,
    day_index,
    split,
)
from lingqiu_desktop.data.demo.town import Household, Town

_VISIT = ("id owner township_code village_id team_id household_id visit_date kind weather situation problems actions "
          "promise follow_up_due follow_up_done_at follow_up_done_by signed photo_ref visitor_names created_at "
          "updated_at updated_by")
_VISITOR = "visit_id person_id owner"

FIRST_VISIT_DAY = date(2017, 1, 1)
_VISIT_FIRST = day_index(FIRST_VISIT_DAY)


def _kind_table() -> list[tuple[str, tuple[W.Scenario, ...]]]:
    """100 slots of (kind, scenarios) in proportion to VISIT_KIND_WEIGHTS, for kinds of the settings list."""
    kinds = list(DEFAULTS["visit.kinds"])
    weights = [W.VISIT_KIND_WEIGHTS.get(k, 2) for k in kinds]
    table = []
    for kind, slots in zip(kinds, split(100, weights), strict=True):
        table.extend([(kind, W.VISIT_SCENARIOS.get(kind, W.VISIT_SCENARIOS["其他"]))] * slots)
    return table


_KINDS = _kind_table()
_PROBLEM_SHARE = sum(sum(1 for s in sc if s[3]) / len(sc) for _, sc in _KINDS) / len(_KINDS)
_FOLLOW_UP_P = min(1.0, 0.30 / _PROBLEM_SHARE)   # ~30% of visits get a follow-up date
_LOG_SHARE = 0.05                                 # general village logs (household NULL)


def _visit_days(rng: random.Random, count: int) -> list[int]:
    """Sorted visit days 2017-01-01..2018-11-30: fewer at weekends and at Spring Festival, more in 2018."""
    days = range(_VISIT_FIRST, LAST_INDEX + 1)
    weights = []
    for d in days:
        day = EPOCH + timedelta(days=d)
        w = 0.6 if day.weekday() >= 5 else 1.0
        if (day.month == 1 and day.day >= 25) or (day.month == 2 and day.day <= 20):
            w *= 0.3
        weights.append(w * (1.25 if day.year == 2018 else 1.0))
    return sorted(rng.choices(days, weights=weights, k=count))


def _weather(rng: random.Random) -> dict[int, str]:
    out = {}
    for d in range(_VISIT_FIRST, LAST_INDEX + 1):
        month = (EPOCH + timedelta(days=d)).month
        pool = W.WEATHER_WINTER if month in (11, 12, 1, 2) else W.WEATHER_SPRING if month in (3, 4, 10) else \
            W.WEATHER_SUMMER
        out[d] = rng.choice(pool)
    return out


def write_visits(town: Town) -> None:
    label = town.label("生成走访记录")
    for visits, visitors in _visit_batches(town):
        town.w.insert("visit", _VISIT, visits, label)
        town.w.insert("visit_visitor", _VISITOR, visitors, label)


def _visit_batches(town: Town) -> Iterator[tuple[list[Row], list[Row]]]:
    rng, size = town.rng, town.size
    if size.visits <= 0 or not town.villages:
        return
    households: list[Household | None] = [h for v in town.villages for h in v.households]
    weather = _weather(rng)
    days = _visit_days(rng, size.visits)
    picks = rng.choices(households, k=len(days)) if households else [None] * len(days)
    for start in range(0, len(days), BATCH):
        yield _visit_batch(town, weather, days[start:start + BATCH], picks[start:start + BATCH])


def _visit_batch(town: Town, weather: dict[int, str], days: list[int],
                 picks: list[Household | None]) -> tuple[list[Row], list[Row]]:
    """Visit rows and their visitor rows; the hot loop of the generator, so written with local names."""
    rand, new_id, owner = town.rng.random, town.w.new_id, town.code
    villages, logs, kinds = town.villages, W.VILLAGE_LOGS, _KINDS
    visits: list[Row] = []
    visitors: list[Row] = []
    for day, household in zip(days, picks, strict=True):
        if household is None or rand() < _LOG_SHARE:
            village = villages[int(rand() * len(villages))]
            kind, situation, problems, actions, promise, follow = logs[int(rand() * len(logs))]
            signed, hid = "", None
        else:
            village, hid = household.village, household.id
            kind, scenarios = kinds[int(rand() * 100)]
            problems, actions, promise, follow = scenarios[int(rand() * len(scenarios))]
            situation = household.situations[int(rand() * 3)]
            r = rand()
            signed = "签字" if r < 0.75 else "手印" if r < 0.9 else ""
        team = village.team
        if team is not None and (hid is None or rand() < 0.8):
            names, ids, first = team.combos[int(rand() * len(team.combos))]
        else:
            names, ids, first = (household.combos if household and hid else village.combos)[rand() >= 0.7]
        due = done_at = None
        done_by = ""
        if follow and rand() < _FOLLOW_UP_P:
            due, done_at, done_by = _follow_up(rand, day, follow, first)
        photo = f"IMG_{COMPACT[day]}_{int(rand() * 9000) + 1000}.jpg" if rand() < 0.1 else ""
        stamp = STAMPS[day]
        vid = new_id()
        visits.append((vid, owner, owner, village.id, team.id if team else None, hid, DAYS[day], kind, weather[day],
                       situation, problems, actions, promise, due, done_at, done_by, signed, photo, names, stamp,
                       stamp, DEMO_USER))
        for pid in ids:
            visitors.append((vid, pid, owner))
    return visits, visitors


# Follow-ups: done a few days after the visit (1-2 days mostly, by the due date or near it); a few forgotten, the
# more of them the more recent the due date (a clerk chases up old ones), so that as of the demo's last day a few
# hundred are overdue in the county and about as many still open and not yet due.
_DONE_DELAYS = (1,) * 55 + (2,) * 25 + (3,) * 10 + (4,) * 5 + (5,) * 3 + (7,) * 2
_FORGOTTEN = [0.005] + [   # chance of being forgotten, by days overdue (0: not yet due)
    0.03 if age <= 30 else 0.012 if age <= 60 else 0.0004 for age in range(1, 800)]


def _follow_up(rand: Callable[[], float], day: int, days: int, visitor: str) -> tuple[str, str | None, str]:
    """(due, done_at or None, done_by): done by the first visitor a few days after the visit, unless forgotten."""
    due = day + days
    done = day + min(days + 2, _DONE_DELAYS[int(rand() * 100)])
    if done > LAST_INDEX or rand() < _FORGOTTEN[max(0, LAST_INDEX - due)]:
        return DAYS[due], None, ""
    return DAYS[due], DAYS[done], visitor
