"""Villages (行政村): names, codes, poverty status, their cadres, and how many poor households each holds."""

from __future__ import annotations

import itertools
import random

from lingqiu_desktop.core.pinyin import initials

from lingqiu_desktop.data.demo import words as W
from lingqiu_desktop.data.demo.common import DEMO_USER, Row, fit, split
from lingqiu_desktop.data.demo.names import Namer
from lingqiu_desktop.data.demo.town import Town, Village, combo

_VILLAGE = ("id owner township_code code name name_initials is_poor status planned_exit_year exit_year population "
            "household_count collective_income remarks created_at updated_at updated_by")


def _village_name(rng: random.Random, namer: Namer) -> str:
    r = rng.random()
    if r < 0.2:
        core = rng.choice(W.VILLAGE_DIRECTIONS) + rng.choice(W.VILLAGE_SUFFIXES)
    elif r < 0.45:
        core = namer.surname() + "家" + rng.choice(W.VILLAGE_FAMILY_SUFFIXES)
    elif r < 0.7:
        core = rng.choice(W.VILLAGE_DIRECTIONS) + rng.choice(W.VILLAGE_CORES) + rng.choice(W.VILLAGE_SUFFIXES)
    elif r < 0.88:
        core = rng.choice(W.VILLAGE_CORES) + rng.choice(W.VILLAGE_SUFFIXES)
    else:
        core = rng.choice(W.VILLAGE_TWO_CHAR_CORES) + rng.choice(W.VILLAGE_SUFFIXES)
    return core + "村"


def _village_names(rng: random.Random, namer: Namer, count: int, township: str) -> list[str]:
    names: list[str] = []
    seen = {township}
    while len(names) < count:
        name = _village_name(rng, namer)
        if name not in seen and name[:-1] not in seen:
            seen.add(name)
            names.append(name)
    return names


def write_villages(town: Town) -> list[list[int]]:
    """Villages with their cadres; returns each village's household sizes (decided here for the population)."""
    rng, size = town.rng, town.size
    count = size.villages
    names = _village_names(rng, town.namer, count, town.name)
    poor = set(rng.sample(range(count), min(size.poor_villages, count)))
    exited = set(rng.sample(sorted(poor), min(size.exited_villages, len(poor))))
    weights = [(3.0 if i in poor else 1.0) * rng.uniform(0.6, 1.4) for i in range(count)]
    sizes = _household_sizes(rng, size.households, size.members)
    per_village = split(len(sizes), weights)
    starts = list(itertools.accumulate(per_village, initial=0))
    codes = sorted(rng.sample(range(1, 99), count)) if count < 98 else range(1, count + 1)
    rows = []
    for i, name in enumerate(names):
        v = Village(town.w.new_id(), f"{town.code}{200 + codes[i]:03d}", name, i in poor)
        _village_people(town, v)
        town.villages.append(v)
        people = sum(sizes[starts[i]:starts[i + 1]])
        rows.append(_village_row(town, v, i in exited, people, per_village[i]))
    town.flush_people("生成村干部")
    town.w.insert("village", _VILLAGE, rows, town.label("生成行政村"))
    return [sizes[starts[i]:starts[i + 1]] for i in range(count)]


def _village_people(town: Town, v: Village) -> None:
    rng = town.rng
    v.cadre = town.cadres[rng.randrange(2, len(town.cadres))]
    v.secretary = town.person("村干部", v.name, "村级", "党支部书记", male=rng.random() < 0.9, years=(1955, 1980),
                              party=1.0)
    v.director = town.person("村干部", v.name, "村级", "村委会主任", male=rng.random() < 0.85, years=(1958, 1985))
    v.combos = (combo([v.cadre]), combo([v.cadre, v.secretary]))


def _village_row(town: Town, v: Village, exited: bool, poor_people: int, poor_households: int) -> Row:
    rng = town.rng
    incidence = rng.uniform(0.18, 0.45) if v.is_poor else rng.uniform(0.04, 0.12)
    population = max(poor_people, int(poor_people / incidence) + rng.randint(20, 80))
    households = max(poor_households, round(population / rng.uniform(2.4, 2.9)))
    status, planned, exit_year = "未退出", None, None
    if v.is_poor:
        planned = rng.choice((2017, 2018)) if exited else 2018
        status, exit_year = ("已退出", planned) if exited else ("未退出", None)
    income = round(rng.uniform(10_500, 80_000), -2)
    now = town.w.now
    return (v.id, town.code, town.code, v.code, v.name, initials(v.name), int(v.is_poor), status, planned, exit_year,
            population, households, income, "", now, now, DEMO_USER)


def _household_sizes(rng: random.Random, households: int, members: int) -> list[int]:
    sizes = rng.choices(range(1, 8), weights=(25, 30, 17, 15, 8, 4, 1), k=households)
    return fit(sizes, members, 1, 7, rng)
