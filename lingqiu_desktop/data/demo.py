"""Demo data at the scale of DESIGN.md ("Scale it must hold"): the whole county, or one township's share.

`generate(db, office_code, size)` fills an already-migrated database in one transaction: villages, work teams and
their members, poor households with members, incomes and helpers, daily attendance, spot checks, assessments,
visits with their visitors, trainings with attendees, responsibility letters with indicators and monthly progress,
work groups with board items, and meetings with decisions. Content is Chinese and plausible (DOMAIN.md §1-§5):
ID numbers carry a valid check digit, ages fit relations, visits never fall after 2018-11-30.

Speed (county: 3.5 million rows in about a minute on two cores, under 0.5 GB of memory): rows go in through
executemany in batches; ids are made in bulk (UUIDv7 from a base time plus a counter); the visit, visit_visitor and
attendance indexes are dropped for the load and rebuilt from their own CREATE INDEX text inside the same
transaction, so the schema stays identical; for the load only, a WAL database is switched to a rollback journal
(each page is written once instead of twice) and foreign keys are not checked row by row, both restored afterwards.
Cancelling (progress returns False) rolls everything back and raises DemoCancelled. No Qt here.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import os
import random
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from typing import Any

import sqlite_utils

from lingqiu_desktop.core.offices import COUNTY_CODE, COUNTY_NAME, TOWNSHIPS
from lingqiu_desktop.core.pinyin import initials
from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.validation import id_check_char

from lingqiu_desktop.data import demo_names as W

Progress = Callable[[int, int, str], bool]
Row = tuple[Any, ...]

DEMO_USER = "演示数据"
FIRST_VISIT_DAY = date(2017, 1, 1)
LAST_DAY = date(2018, 11, 30)        # the demo's "today": nothing is dated later (follow-up due dates excepted)
YEARS = (2016, 2017, 2018)

_BATCH = 10_000
_EPOCH = date(2014, 1, 1)
_DAYS = [(_EPOCH + timedelta(days=i)).isoformat() for i in range(6 * 366)]
_COMPACT = [d.replace("-", "") for d in _DAYS]
_STAMPS = [f"{d}T{17 + i % 4}:{(i * 7) % 60:02d}:00" for i, d in enumerate(_DAYS)]


def _di(day: date) -> int:
    return (day - _EPOCH).days


_LAST = _di(LAST_DAY)
_VISIT_FIRST = _di(FIRST_VISIT_DAY)
_ATTENDANCE_FIRST = _di(date(2018, 1, 1))
_ATTENDANCE_MONTHS = [(_di(date(2018, m, 1)), _di(date(2018, m + 1, 1)) - 1) for m in range(1, 12)]
_BULK_INDEX_TABLES = ("visit", "visit_visitor", "attendance")
_INDEX_WEIGHT = 0.1   # progress: rebuilding an index over N rows counts as N/10 rows written


class DemoCancelled(Exception):
    """The progress callback returned False: the database was rolled back to how it was."""


@dataclass(frozen=True)
class DemoSize:
    """Row counts of one run: totals for the office generated.

    At the county they are shared among the 12 townships (unevenly, villages 14-30 each at full scale); at a
    township they are that township's. Work teams = poor villages (一村一队).
    """

    villages: int
    poor_villages: int           # 贫困村, each with a work team
    exited_villages: int         # poor villages 已退出 by end-2018
    households: int              # 建档立卡贫困户
    members: int                 # their members in all
    first_secretaries: int       # teams led by a 第一书记 (the others by a 队长)
    team_members: int            # active members of all teams (~4 a team)
    households_per_helper: int   # 帮扶责任人 each help about this many households
    visits: int
    trainings: int
    attendees_per_training: int
    letters: int                 # 目标责任书 + 军令状 (county→township ones only at the county)
    indicators: int              # over all letters
    spot_checks: int
    meetings: int                # per office: 2 联席会 + 例会
    board_weeks: int             # weeks of board items per work group
    attendance: bool = True      # a row per active member per day, 2018-01-01..2018-11-30

    def scaled(self, factor: float) -> DemoSize:
        """Counts multiplied by factor (ratios such as households_per_helper kept)."""
        keep = {"households_per_helper", "attendees_per_training", "meetings", "board_weeks", "attendance"}
        changes = {f.name: max(1, round(getattr(self, f.name) * factor)) for f in fields(self) if f.name not in keep}
        return replace(self, **changes)


COUNTY = DemoSize(villages=255, poor_villages=182, exited_villages=124, households=16_000, members=41_000,
                  first_secretaries=136, team_members=728, households_per_helper=5, visits=1_000_000,
                  trainings=5_000, attendees_per_training=20, letters=3_000, indicators=30_000, spot_checks=600,
                  meetings=12, board_weeks=8)
TOWNSHIP = COUNTY.scaled(1 / 12)


# ---------------------------------------------------------------------------------------------------- plumbing

_HEX3 = [f"{n:03x}" for n in range(4096)]
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def _uuid7_stream() -> Iterator[str]:
    """Time-ordered UUIDv7 text ids in bulk, ~1 µs each (core.ids.new_id takes ~4 µs).

    48-bit milliseconds from the start time, a 12-bit counter in rand_a that carries into the milliseconds, then
    random bits with the RFC 9562 variant: valid UUIDv7 strings that sort in the order they are made.
    """
    ms = time.time_ns() // 1_000_000
    while True:
        t = f"{ms:012x}"
        prefix = f"{t[:8]}-{t[8:]}-7"
        r = os.urandom(8 * 4096).hex()
        yield from [f"{prefix}{h}-{_VARIANT[r[i]]}{r[i + 1:i + 4]}-{r[i + 4:i + 16]}"
                    for h, i in zip(_HEX3, range(0, 16 * 4096, 16), strict=True)]
        ms += 1


class _Writer:
    """Batched inserts, row counts per table and progress reports (which may cancel)."""

    def __init__(self, conn: sqlite3.Connection, progress: Progress | None, total: int) -> None:
        self.conn = conn
        self.progress = progress
        self.total = max(1, total)
        self.done = 0
        self.counts: Counter[str] = Counter()
        self.new_id: Callable[[], str] = _uuid7_stream().__next__
        self.now = datetime.now().isoformat(timespec="seconds")

    def insert(self, table: str, columns: str, rows: Iterable[Sequence[Any]], label: str) -> None:
        names = columns.split()
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        it = iter(rows)
        while batch := list(itertools.islice(it, _BATCH)):
            self.conn.executemany(sql, batch)
            self.counts[table] += len(batch)
            self.tick(len(batch), label)

    def tick(self, rows: int, label: str) -> None:
        self.done += rows
        if self.progress is not None and self.progress(min(self.done, self.total), self.total, label) is False:
            raise DemoCancelled("已取消生成演示数据")


class _IdNumbers:
    """Unique 18-digit 公民身份号码 with address 140224, sequence parity matching sex, valid check digit."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, rng: random.Random, birth: date, male: bool) -> str:
        head = f"{COUNTY_CODE}{birth.year:04d}{birth.month:02d}{birth.day:02d}"
        while True:
            first17 = f"{head}{rng.randrange(1, 500) * 2 + male:03d}"
            number = first17 + id_check_char(first17)
            if number not in self.used:
                self.used.add(number)
                return number


def _cohort(year: int) -> str:
    return "old" if year < 1965 else "middle" if year < 1990 else "young"


class _Namer:
    """Chinese names: weighted surname, one- or two-character given name by sex and birth cohort."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._surnames = [s for s, _ in W.SURNAMES]
        self._cum = list(itertools.accumulate(w for _, w in W.SURNAMES))

    def surname(self) -> str:
        return self._surnames[bisect.bisect(self._cum, self.rng.random() * self._cum[-1])]

    def given(self, male: bool, year: int, generation: str = "") -> str:
        pool = (W.MALE_CHARS if male else W.FEMALE_CHARS)[_cohort(year)]
        rng = self.rng
        first = generation or rng.choice(pool)
        if not generation and rng.random() < 0.3:
            return first
        second = rng.choice(pool)
        while second == first:
            second = rng.choice(pool)
        return first + second

    def full(self, male: bool, year: int, surname: str = "", generation: str = "") -> str:
        return (surname or self.surname()) + self.given(male, year, generation)


def _split(total: int, weights: Sequence[float]) -> list[int]:
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


def _fit(values: list[int], total: int, lo: int, hi: int, rng: random.Random) -> list[int]:
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


def _mobile(rng: random.Random) -> str:
    return f"{rng.choice(W.MOBILE_PREFIXES)}{rng.randrange(10 ** 8):08d}"


def _birth(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


# ------------------------------------------------------------------------------------------------ record types

@dataclass(slots=True)
class _Person:
    id: str
    name: str
    phone: str
    unit: str
    post: str


Combo = tuple[str, tuple[str, ...], str]   # visitor names joined by 、, person ids, first visitor's name


@dataclass(slots=True)
class _Team:
    id: str
    members: list[_Person]
    first_secretary: _Person | None
    combos: list[Combo] = field(default_factory=list)


@dataclass(slots=True)
class _Village:
    id: str
    code: str
    name: str
    is_poor: bool
    cadre: _Person | None = None        # 包村干部 (a township cadre)
    secretary: _Person | None = None    # 村党支部书记
    director: _Person | None = None     # 村委会主任
    team: _Team | None = None
    households: list[_Household] = field(default_factory=list)
    combos: tuple[Combo, ...] = ()      # visitors of general logs when there is no team


@dataclass(slots=True)
class _Household:
    id: str
    village: _Village
    situations: tuple[str, str, str]
    combos: tuple[Combo, Combo]         # helper alone, helper with the 包村干部


@dataclass(slots=True)
class _Member:
    relation: str
    male: bool
    age: int
    name: str = ""
    id_number: str = ""


@dataclass(slots=True)
class _Posting:
    """An active team member, with the days of 2018 not spent in the village."""

    team_id: str
    person: _Person
    off: dict[int, tuple[str, str, str, str]] = field(default_factory=dict)


def _combo(people: Sequence[_Person]) -> Combo:
    return "、".join(p.name for p in people), tuple(p.id for p in people), people[0].name


# ------------------------------------------------------------------------------------------------ columns

_PERSON = ("id owner township_code name name_initials id_number sex phone unit unit_level post kind is_party_member "
           "remarks created_at updated_at updated_by")
_VILLAGE = ("id owner township_code code name name_initials is_poor status planned_exit_year exit_year population "
            "household_count collective_income remarks created_at updated_at updated_by")
_TEAM = ("id owner township_code village_id name sending_unit leader_person_id first_secretary_id start_date "
         "end_date status remarks created_at updated_at updated_by")
_MEMBERSHIP = "id owner team_id person_id role start_date end_date status remarks created_at updated_at updated_by"
_HOUSEHOLD = ("id owner township_code village_id group_name head_name head_initials head_id_number phone standard "
              "attribute main_cause other_causes member_count status identified_year exit_year per_capita_income "
              "bank_name bank_account arable_land_mu forest_land_mu housing_area housing_structure "
              "housing_danger_grade safe_water has_electricity relocation remarks created_at updated_at updated_by")
_MEMBER = ("id owner household_id name name_initials id_number sex relation ethnicity education school_status health "
           "labor_ability work_status work_months dibao medical_insurance pension sort_order created_at updated_at "
           "updated_by")
_INCOME = "id owner household_id year wage business transfer property costs created_at updated_at updated_by"
_HELPER = "id owner household_id person_id start_date end_date remarks created_at updated_at updated_by"
_ATTENDANCE = "id owner team_id person_id day status leave_type reason approver created_at updated_at updated_by"
_SPOT = "id owner team_id person_id check_date checker present excused note created_at updated_at updated_by"
_ASSESSMENT = ("id owner year subject_kind subject_id score rating capped_by assessor remarks created_at updated_at "
               "updated_by")
_VISIT = ("id owner township_code village_id team_id household_id visit_date kind weather situation problems actions "
          "promise follow_up_due follow_up_done_at follow_up_done_by signed photo_ref visitor_names created_at "
          "updated_at updated_by")
_VISITOR = "visit_id person_id owner"
_TRAINING = ("id owner township_code title topic start_date end_date time_slots hours venue trainer trainer_post "
             "organiser audience remarks created_at updated_at updated_by")
_ATTENDEE = ("id owner training_id person_id name unit post phone attended sort_order created_at updated_at "
             "updated_by")
_LETTER = ("id owner kind year level title issuer_code issuer_name receiver_code receiver_name issuer_signer1_name "
           "issuer_signer1_title issuer_signer2_name issuer_signer2_title receiver_signer1_name receiver_signer1_title "
           "receiver_signer2_name receiver_signer2_title clauses template_key drafted_on signed_on deadline status "
           "created_at updated_at updated_by")
_INDICATOR = ("id owner letter_id name unit baseline target direction weight deadline source sort_order created_at "
              "updated_at updated_by")
_PROGRESS = "id owner indicator_id month value computed note created_at updated_at updated_by"
_GROUP = "id owner name leader sort_order active created_at updated_at updated_by"
_BOARD = ("id owner group_id week_start section content responsible status carried_from sort_order created_at "
          "updated_at updated_by")
_MEETING = "id owner kind meeting_date title attendees minutes created_at updated_at updated_by"
_DECISION = "id owner meeting_id decision responsible due_date done sort_order created_at updated_at updated_by"
_AUDIT = "id owner at user_name action table_name row_id before_json after_json"


# ------------------------------------------------------------------------------------------------ a township

class _Town:
    """One township's generation state: its random stream, names, people and villages."""

    def __init__(self, w: _Writer, code: str, size: DemoSize, seed: int, id_numbers: _IdNumbers) -> None:
        self.w = w
        self.code = code
        self.name = TOWNSHIPS[code]
        self.size = size
        self.rng = random.Random(f"{seed}/{code}")
        self.namer = _Namer(self.rng)
        self.id_numbers = id_numbers
        self.suffix = "镇" if self.name.endswith("镇") else "乡"
        self.person_rows: list[Row] = []
        self.cadres: list[_Person] = []
        self.villages: list[_Village] = []
        self.postings: list[_Posting] = []
        self.recalled: list[_Person] = []
        self.workers: list[tuple[str, str, str]] = []   # name, village, phone of working-age household members

    @property
    def secretary(self) -> _Person:
        return self.cadres[0]

    @property
    def head(self) -> _Person:
        return self.cadres[1]

    def label(self, what: str) -> str:
        return f"{self.name}：{what}"

    def person(self, kind: str, unit: str, level: str, post: str, *, male: bool | None = None,
               years: tuple[int, int] = (1963, 1992), party: float = 0.75) -> _Person:
        rng = self.rng
        male = rng.random() < 0.72 if male is None else male
        year = rng.randint(*years)
        name = self.namer.full(male, year)
        p = _Person(self.w.new_id(), name, _mobile(rng), unit, post)
        number = self.id_numbers.make(rng, _birth(rng, year), male)
        now = self.w.now
        self.person_rows.append((p.id, self.code, self.code, name, initials(name), number, "男" if male else "女",
                                 p.phone, unit, level, post, kind, int(rng.random() < party), "", now, now, DEMO_USER))
        return p

    def flush_people(self, what: str) -> None:
        self.w.insert("person", _PERSON, self.person_rows, self.label(what))
        self.person_rows = []


def _town(town: _Town) -> None:
    _cadres(town)
    village_sizes = _villages(town)
    _teams(town)
    _households(town, village_sizes)
    _attendance(town)
    _spot_checks(town)
    _assessments(town)
    _visits(town)
    _trainings(town)
    _township_letters(town)
    _board(town.w, town.rng, town.code, W.TOWNSHIP_WORK_GROUPS, [c.name for c in town.cadres], town.size)
    _meetings(town.w, town.rng, town.code, town.name, town.size.meetings, W.TOWNSHIP_WORK_GROUPS)


def _cadres(town: _Town) -> None:
    unit = f"{town.name}人民政府"
    for i, post in enumerate(W.TOWNSHIP_CADRE_POSTS):
        post = post.format(t=town.suffix)
        town.cadres.append(town.person("干部", unit, "乡镇", post, male=i < 2 or None, years=(1965, 1985), party=0.95))
    town.flush_people("生成乡镇干部")


# ------------------------------------------------------------------------------------------------ villages

def _village_name(rng: random.Random, namer: _Namer) -> str:
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


def _village_names(rng: random.Random, namer: _Namer, count: int, township: str) -> list[str]:
    names: list[str] = []
    seen = {township}
    while len(names) < count:
        name = _village_name(rng, namer)
        if name not in seen and name[:-1] not in seen:
            seen.add(name)
            names.append(name)
    return names


def _villages(town: _Town) -> list[list[int]]:
    """Villages with their cadres; returns each village's household sizes (decided here for the population)."""
    rng, size = town.rng, town.size
    count = size.villages
    names = _village_names(rng, town.namer, count, town.name)
    poor = set(rng.sample(range(count), min(size.poor_villages, count)))
    exited = set(rng.sample(sorted(poor), min(size.exited_villages, len(poor))))
    weights = [(3.0 if i in poor else 1.0) * rng.uniform(0.6, 1.4) for i in range(count)]
    sizes = _household_sizes(rng, size.households, size.members)
    per_village = _split(len(sizes), weights)
    starts = list(itertools.accumulate(per_village, initial=0))
    codes = sorted(rng.sample(range(1, 99), count)) if count < 98 else range(1, count + 1)
    rows = []
    for i, name in enumerate(names):
        v = _Village(town.w.new_id(), f"{town.code}{200 + codes[i]:03d}", name, i in poor)
        _village_people(town, v)
        town.villages.append(v)
        people = sum(sizes[starts[i]:starts[i + 1]])
        rows.append(_village_row(town, v, i in exited, people, per_village[i]))
    town.flush_people("生成村干部")
    town.w.insert("village", _VILLAGE, rows, town.label("生成行政村"))
    return [sizes[starts[i]:starts[i + 1]] for i in range(count)]


def _village_people(town: _Town, v: _Village) -> None:
    rng = town.rng
    v.cadre = town.cadres[rng.randrange(2, len(town.cadres))]
    v.secretary = town.person("村干部", v.name, "村级", "党支部书记", male=rng.random() < 0.9, years=(1955, 1980),
                              party=1.0)
    v.director = town.person("村干部", v.name, "村级", "村委会主任", male=rng.random() < 0.85, years=(1958, 1985))
    v.combos = (_combo([v.cadre]), _combo([v.cadre, v.secretary]))


def _village_row(town: _Town, v: _Village, exited: bool, poor_people: int, poor_households: int) -> Row:
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
    return _fit(sizes, members, 1, 7, rng)


# ------------------------------------------------------------------------------------------------ teams

def _teams(town: _Town) -> None:
    rng, size = town.rng, town.size
    poor = [v for v in town.villages if v.is_poor]
    led_by_secretary = set(rng.sample(range(len(poor)), min(size.first_secretaries, len(poor))))
    lo = 3 if size.team_members >= 3 * len(poor) else 1
    team_sizes = _fit([rng.randint(lo, 5) for _ in poor], size.team_members, lo, 7, rng)
    teams, memberships = [], []
    for i, v in enumerate(poor):
        unit, level = rng.choice(W.SENDING_UNITS)
        start = _DAYS[_di(date(2015, 10, 1)) + rng.randrange(150)]
        team = _team_people(town, v, unit, level, team_sizes[i], i in led_by_secretary)
        v.team = team
        teams.append(_team_row(town, team, v, unit, start))
        memberships.extend(_membership_rows(town, team, start))
    town.flush_people("生成驻村工作队员")
    town.w.insert("work_team", _TEAM, teams, town.label("生成驻村工作队"))
    town.w.insert("team_membership", _MEMBERSHIP, memberships, town.label("生成驻村工作队"))


def _team_people(town: _Town, v: _Village, unit: str, level: str, count: int, has_secretary: bool) -> _Team:
    rng = town.rng
    members = []
    for k in range(count):
        kind = "第一书记" if k == 0 and has_secretary else "工作队员"
        own_unit = k == 0 or rng.random() < 0.6
        member_unit, member_level = (unit, level) if own_unit else (f"{town.name}人民政府", "乡镇")
        post = rng.choice(W.UNIT_POSTS if own_unit else W.TOWNSHIP_UNIT_POSTS)
        members.append(town.person(kind, member_unit, member_level, post, years=(1965, 1993), party=0.9))
    team = _Team(town.w.new_id(), members, members[0] if has_secretary else None)
    team.combos = _team_combos(rng, members)
    return team


def _team_combos(rng: random.Random, members: list[_Person]) -> list[Combo]:
    """40 visitor groups of 1-3 members (40% / 45% / 15%), to pick from by index."""
    combos = []
    for _ in range(40):
        r = rng.random()
        k = min(len(members), 1 if r < 0.4 else 2 if r < 0.85 else 3)
        chosen = sorted(rng.sample(range(len(members)), k))
        combos.append(_combo([members[i] for i in chosen]))
    return combos


def _team_row(town: _Town, team: _Team, v: _Village, unit: str, start: str) -> Row:
    fs = team.first_secretary.id if team.first_secretary else None
    now = town.w.now
    return (team.id, town.code, town.code, v.id, f"{v.name}驻村工作队", unit, team.members[0].id, fs, start, None,
            "在岗", "", now, now, DEMO_USER)


def _membership_rows(town: _Town, team: _Team, start: str) -> list[Row]:
    rng, now, new_id = town.rng, town.w.now, town.w.new_id
    rows = []
    for k, p in enumerate(team.members):
        role = "队员" if k else ("第一书记" if team.first_secretary else "队长")
        town.postings.append(_Posting(team.id, p))
        rows.append((new_id(), town.code, team.id, p.id, role, start, None, "在岗", "", now, now, DEMO_USER))
    if rng.random() < 0.05:   # a member recalled in 2017 for not being at his post (DOMAIN.md §1)
        p = town.person("工作队员", f"{town.name}人民政府", "乡镇", rng.choice(W.TOWNSHIP_UNIT_POSTS))
        end = _DAYS[_di(date(2017, 3, 1)) + rng.randrange(200)]
        town.recalled.append(p)
        rows.append((new_id(), town.code, team.id, p.id, "队员", start, end, "召回", "不在岗，经县委组织部批准召回",
                     now, now, DEMO_USER))
    return rows


# ------------------------------------------------------------------------------------------------ households

_TEMPLATES: dict[int, tuple[tuple[str, ...], ...]] = {
    1: (("户主",),),
    2: (("户主", "配偶"), ("户主", "配偶"), ("户主", "配偶"), ("户主", "之子"), ("户主", "之女"), ("户主", "之母")),
    3: (("户主", "配偶", "之子"), ("户主", "配偶", "之女"), ("户主", "之子", "之孙子"), ("户主", "配偶", "之母")),
    4: (("户主", "配偶", "之子", "之女"), ("户主", "配偶", "之子", "之子"), ("户主", "配偶", "之子", "之儿媳"),
        ("户主", "配偶", "之女", "之母")),
    5: (("户主", "配偶", "之子", "之儿媳", "之孙子"), ("户主", "配偶", "之子", "之儿媳", "之孙女"),
        ("户主", "配偶", "之子", "之女", "之母"), ("户主", "配偶", "之女", "之女", "之子")),
    6: (("户主", "配偶", "之子", "之儿媳", "之孙子", "之孙女"), ("户主", "配偶", "之子", "之女", "之父", "之母")),
    7: (("户主", "配偶", "之子", "之儿媳", "之孙子", "之孙女", "之母"),),
}
_MALE_RELATIONS = {"之子", "之孙子", "之父", "之女婿"}
_CHILDREN = {"之子", "之女"}
_GRANDCHILDREN = {"之孙子", "之孙女"}


def _head_age_range(relations: tuple[str, ...]) -> tuple[int, int]:
    has = set(relations)
    if has & _GRANDCHILDREN or "之儿媳" in has:
        return 55, 78
    if "之父" in has or "之母" in has:
        return 28, 50
    if len(relations) == 1:
        return 45, 88
    if len(relations) == 2 and "配偶" in has:
        return 40, 82
    return 38, 70


def _family(rng: random.Random, count: int) -> list[_Member]:
    """Relations, sexes and ages (as of 2018) that fit together."""
    relations = rng.choice(_TEMPLATES[count])
    head_age = rng.randint(*_head_age_range(relations))
    head_male = rng.random() < 0.85
    child_age = max(24, head_age - rng.randint(22, 32))
    out = []
    for rel in relations:
        if rel == "户主":
            age, male = head_age, head_male
        elif rel == "配偶":
            age, male = max(20, head_age + rng.randint(-5, 3)), not head_male
        elif rel in _CHILDREN:
            age = max(1, head_age - rng.randint(20, 34)) if "之儿媳" not in relations else child_age
            male = rel == "之子"
        elif rel == "之儿媳":
            age, male = max(20, child_age + rng.randint(-3, 2)), False
        elif rel in _GRANDCHILDREN:
            age, male = rng.randint(1, max(1, min(17, child_age - 20))), rel == "之孙子"
        else:
            age, male = min(98, head_age + rng.randint(20, 32)), rel in _MALE_RELATIONS
        out.append(_Member(rel, male, age))
    return out


def _name_family(town: _Town, family: list[_Member]) -> None:
    """Names: children take the father's surname; siblings often share a generation character."""
    namer, rng = town.namer, town.rng
    head = family[0]
    surname = namer.surname()
    spouse_surname = namer.surname()
    child_surname = surname if head.male or all(m.relation != "配偶" for m in family) else spouse_surname
    generation = rng.choice(W.GENERATION_CHARS) if rng.random() < 0.4 else ""
    used: set[str] = set()
    for m in family:
        year = 2018 - m.age
        if m.relation in ("户主", "之父"):
            own = surname
        elif m.relation in _CHILDREN or m.relation in _GRANDCHILDREN:
            own = child_surname
        else:
            own = spouse_surname if m.relation == "配偶" else ""
        gen = generation if m.relation in _CHILDREN else ""
        m.name = namer.full(m.male, year, own, gen)
        while m.name in used:
            m.name = namer.full(m.male, year, own)
        used.add(m.name)
        m.id_number = town.id_numbers.make(rng, _birth(rng, year - 1), m.male)


def _households(town: _Town, village_sizes: list[list[int]]) -> None:
    size = town.size
    total = sum(len(s) for s in village_sizes)
    helpers = [_helper_person(town) for _ in range(math.ceil(total / max(1, size.households_per_helper)))]
    town.flush_people("生成帮扶责任人")
    rows: dict[str, list[Row]] = {"household": [], "household_member": [], "household_income": [],
                                  "helper_assignment": []}
    k = 0
    for v, sizes in zip(town.villages, village_sizes, strict=True):
        for count in sizes:
            helper = helpers[k // max(1, size.households_per_helper)]
            v.households.append(_household(town, v, count, helper, rows))
            k += 1
    label = town.label("生成贫困户")
    town.w.insert("household", _HOUSEHOLD, rows["household"], label)
    town.w.insert("household_member", _MEMBER, rows["household_member"], label)
    town.w.insert("household_income", _INCOME, rows["household_income"], label)
    town.w.insert("helper_assignment", _HELPER, rows["helper_assignment"], label)


def _helper_person(town: _Town) -> _Person:
    rng = town.rng
    if rng.random() < 0.7:
        unit, level = rng.choice(W.SENDING_UNITS[9:])
        post = rng.choice(W.UNIT_POSTS)
    else:
        unit, level, post = f"{town.name}人民政府", "乡镇", rng.choice(W.TOWNSHIP_UNIT_POSTS)
    return town.person("帮扶责任人", unit, level, post, years=(1962, 1992), party=0.8)


@dataclass(slots=True)
class _Facts:
    """What a household's rows and sentences are built from."""

    status: str
    exit_year: int | None
    identified: int
    attribute: str
    cause: str
    land: int
    relocation: int
    grade: str
    structure: str
    area: int


# (cumulative share, status, exit year): most households left poverty in 2016-2018, some not yet.
_STATUSES: tuple[tuple[float, str, int | None], ...] = (
    (0.25, "已脱贫", 2016), (0.55, "已脱贫", 2017), (0.88, "已脱贫", 2018), (0.975, "未脱贫", None),
    (0.98, "返贫", None), (1.0, "已销户", 2017),
)


def _household_facts(rng: random.Random, family: list[_Member]) -> _Facts:
    r = rng.random()
    status, exit_year = next((s, y) for share, s, y in _STATUSES if r < share)
    identified = 2014 if rng.random() < 0.8 else rng.choice((2015, 2016))
    if exit_year is not None:
        exit_year = max(exit_year, identified)
    alone_old = len(family) == 1 and family[0].age >= 60
    attribute = ("特困供养贫困户" if alone_old and rng.random() < 0.35 else
                 _weighted(rng, (("一般贫困户", 65), ("低保贫困户", 30))))
    relocation = int(rng.random() < 0.1)
    grade = "" if relocation or rng.random() < 0.85 else rng.choice("BCCD")
    return _Facts(status, exit_year, identified, attribute, _weighted(rng, W.CAUSES), rng.randint(2, 16), relocation,
                  grade, _weighted(rng, W.HOUSING_STRUCTURES), rng.randrange(40, 130, 5))


def _household(town: _Town, v: _Village, count: int, helper: _Person, rows: dict[str, list[Row]]) -> _Household:
    rng, new_id, now = town.rng, town.w.new_id, town.w.now
    family = _family(rng, count)
    _name_family(town, family)
    facts = _household_facts(rng, family)
    hid = new_id()
    attrs = _member_attributes(rng, family, facts)
    workers = sum(1 for a in attrs if a[5])
    incomes = _incomes(rng, facts, count, workers, any(m.age >= 60 for m in family))
    rows["household"].append(_household_row(town, hid, v, family[0], facts, count, incomes[1]))
    for i, (m, a) in enumerate(zip(family, attrs, strict=True)):
        rows["household_member"].append((new_id(), town.code, hid, m.name, initials(m.name), m.id_number,
                                          "男" if m.male else "女", m.relation, *a, i, now, now, DEMO_USER))
        if a[5] and 18 <= m.age <= 55:
            town.workers.append((m.name, v.name, _mobile(rng)))
    for year, parts in zip((2017, 2018), incomes, strict=True):
        rows["household_income"].append((new_id(), town.code, hid, year, *parts, now, now, DEMO_USER))
    start = f"{max(2016, facts.identified)}-{rng.randint(3, 6):02d}-{rng.randint(1, 28):02d}"
    rows["helper_assignment"].append((new_id(), town.code, hid, helper.id, start, None, "", now, now, DEMO_USER))
    situations = _situations(rng, family, attrs, facts, incomes[0])
    return _Household(hid, v, situations, (_combo([helper]), _combo([helper, v.cadre or helper])))


def _household_row(town: _Town, hid: str, v: _Village, head: _Member, facts: _Facts, count: int,
                   income2018: tuple[int, ...]) -> Row:
    rng, now = town.rng, town.w.now
    wage, business, transfer, prop, costs = income2018
    per_capita = round((wage + business + transfer + prop - costs) / count, 2)
    causes = [c for c, _ in W.CAUSES if c != facts.cause]
    other = "，".join(rng.sample(causes, rng.choice((0, 0, 1, 1, 2))))
    bank, prefix = rng.choice(W.BANKS)
    account = f"{prefix}{rng.randrange(10 ** 15):015d}"
    phone = _mobile(rng) if rng.random() < 0.8 else ""
    standard = "国家标准" if rng.random() < 0.95 else "省定标准"
    remarks = f"已搬迁至{town.name}集中安置点" if facts.relocation else ""
    return (hid, town.code, town.code, v.id, rng.choice(W.VILLAGE_GROUPS), head.name, initials(head.name),
            head.id_number, phone, standard, facts.attribute, facts.cause, other, count, facts.status,
            facts.identified, facts.exit_year, per_capita, bank, account, facts.land, rng.randint(0, 20),
            facts.area, facts.structure, facts.grade, int(rng.random() < 0.97), 1, facts.relocation, remarks,
            now, now, DEMO_USER)


def _education(rng: random.Random, age: int) -> tuple[str, str]:
    """(education, school_status) for an age in 2018."""
    if age < 6:
        return "学龄前儿童", "学前教育" if age >= 3 else ""
    if age < 12:
        return "小学", "小学"
    if age < 15:
        return "初中", ("七年级", "八年级", "九年级")[age - 12]
    if age < 18:
        return "高中", ("高中一年级", "高中二年级", "高中三年级")[age - 15]
    if age < 22 and rng.random() < 0.35:
        return "大专及以上", "大专及以上"
    if age >= 60:
        return _weighted(rng, (("文盲或半文盲", 40), ("小学", 50), ("初中", 10))), "非在校生"
    if age >= 40:
        return _weighted(rng, (("小学", 40), ("初中", 50), ("高中", 10))), "非在校生"
    return _weighted(rng, (("初中", 60), ("高中", 20), ("中专", 10), ("大专及以上", 10))), "非在校生"


def _member_attributes(rng: random.Random, family: list[_Member], facts: _Facts) -> list[tuple[Any, ...]]:
    """Per member: ethnicity, education, school status, health, labour, work status, months, 低保, 医保, 养老."""
    sick = 0 if facts.cause in ("因病", "因残") else -1
    if sick == 0 and len(family) > 1 and rng.random() < 0.3:
        sick = 1
    out = []
    for i, m in enumerate(family):
        education, school = _education(rng, m.age)
        if i == sick:
            health = "残疾" if facts.cause == "因残" else _weighted(rng, (("长期慢性病", 70), ("患有大病", 30)))
        else:
            health = "长期慢性病" if m.age >= 60 and rng.random() < 0.3 else "健康"
        labor = _labor(rng, m.age, health, school)
        working = labor in ("普通劳动力", "技能劳动力") and 18 <= m.age <= 58 and rng.random() < 0.5
        work, months = (rng.choice(W.WORK_STATUSES), rng.randint(3, 11)) if working else ("", 0)
        ethnicity = "汉族" if rng.random() < 0.995 else rng.choice(("回族", "满族", "蒙古族"))
        out.append((ethnicity, education, school, health, labor, work, months, int(facts.attribute == "低保贫困户"),
                    int(rng.random() < 0.99), int(m.age >= 16 and school == "非在校生" and rng.random() < 0.9)))
    return out


def _labor(rng: random.Random, age: int, health: str, school: str) -> str:
    if age < 16 or school not in ("", "非在校生"):
        return "无劳动力"
    if health in ("残疾", "患有大病"):
        return "丧失劳动力"
    if age >= 65:
        return "无劳动力"
    if age >= 60 or health == "长期慢性病":
        return "弱劳动力或半劳动力"
    return "技能劳动力" if rng.random() < 0.12 else "普通劳动力"


_PER_CAPITA: dict[tuple[str, int | None], tuple[tuple[int, int], tuple[float, float]]] = {
    # (status, exit year) -> (2017 range, 2018 as a multiple of 2017 or an absolute range when > 100)
    ("已脱贫", 2016): ((4000, 7000), (1.05, 1.2)),
    ("已脱贫", 2017): ((3600, 5500), (1.05, 1.25)),
    ("已脱贫", 2018): ((2600, 3300), (3700, 6000)),
    ("未脱贫", None): ((2000, 3200), (2600, 3400)),
    ("返贫", None): ((3600, 4500), (2500, 3300)),
    ("已销户", 2017): ((4000, 6000), (1.0, 1.1)),
}


def _incomes(rng: random.Random, facts: _Facts, count: int, workers: int, elderly: bool) -> list[tuple[int, ...]]:
    """2017 and 2018 income parts (wage, business, transfer, property, costs) for the status and exit year."""
    key = (facts.status, facts.exit_year) if (facts.status, facts.exit_year) in _PER_CAPITA else ("已脱贫", 2017)
    first, second = _PER_CAPITA[key]
    pc2017 = rng.uniform(*first)
    pc2018 = rng.uniform(*second) if second[0] > 100 else pc2017 * rng.uniform(*second)
    return [_income_parts(rng, round(pc * count), workers, elderly) for pc in (pc2017, pc2018)]


def _income_parts(rng: random.Random, net: int, workers: int, elderly: bool) -> tuple[int, ...]:
    wage_f = 0.35 + 0.2 * rng.random() if workers else 0.05 * rng.random()
    transfer_f = 0.2 + 0.25 * rng.random() if elderly else 0.08 + 0.12 * rng.random()
    property_f = 0.05 + 0.1 * rng.random()
    business_f = max(0.05, 1 - wage_f - transfer_f - property_f)
    total = wage_f + transfer_f + property_f + business_f
    wage, transfer, prop = (round(net * f / total) for f in (wage_f, transfer_f, property_f))
    business_net = net - wage - transfer - prop
    business = round(business_net / 0.7) if business_net > 0 else 0
    return wage, business, transfer, prop, business - business_net


_KINSHIP = {"户主": "户主", "配偶": "老伴", "之子": "儿子", "之女": "女儿", "之儿媳": "儿媳", "之父": "父亲",
            "之母": "母亲", "之孙子": "孙子", "之孙女": "孙女", "之女婿": "女婿"}


def _situations(rng: random.Random, family: list[_Member], attrs: list[tuple[Any, ...]], facts: _Facts,
                income2017: tuple[int, ...]) -> tuple[str, str, str]:
    """Three descriptions of the household for 民情日记 entries, built from its own facts."""
    health = "家人身体状况稳定"
    for m, a in zip(family, attrs, strict=True):
        if a[3] in ("长期慢性病", "患有大病"):
            health = f"{_KINSHIP[m.relation]}患{rng.choice(W.ILLNESSES)}，长期服药"
            break
        if a[3] == "残疾":
            health = f"{_KINSHIP[m.relation]}肢体残疾，行动不便"
            break
    crops = rng.sample(W.CROPS, 2)
    first = max(1, round(facts.land * 0.6))
    farm = f"家中种植{crops[0]}{first}亩" + (f"、{crops[1]}{facts.land - first}亩" if facts.land > first else "")
    if rng.random() < 0.5:
        animal, unit = rng.choice(W.LIVESTOCK)
        farm += f"，养{animal}{rng.randint(2, 30)}{unit}"
    worker = next((m for m, a in zip(family, attrs, strict=True) if a[5]), None)
    work = f"{_KINSHIP[worker.relation]}{rng.choice(W.WORK_PHRASES)}" if worker else "家中无外出务工人员"
    wage, business, transfer, prop, costs = income2017
    per_capita = (wage + business + transfer + prop - costs) // len(family)
    housing = f"住房为{facts.structure}结构，{facts.area}平方米"
    if facts.grade in ("C", "D"):
        housing += "，已纳入危房改造"
    return (f"全家{len(family)}口人，{health}；{farm}", f"{farm}；{work}",
            f"2017年人均纯收入{per_capita}元；{housing}")


# ------------------------------------------------------------------------------------------------ attendance

def _attendance(town: _Town) -> None:
    rng = town.rng
    for posting in town.postings:
        posting.off = _days_off(rng, town)
    if town.size.attendance:
        town.w.insert("attendance", _ATTENDANCE, _attendance_rows(town), town.label("生成驻村考勤"))


def _days_off(rng: random.Random, town: _Town) -> dict[int, tuple[str, str, str, str]]:
    """Leave (approved by the township up to 3 days, by the county above), trips and rare absences, by month."""
    off: dict[int, tuple[str, str, str, str]] = {}
    for start, end in _ATTENDANCE_MONTHS:
        if rng.random() < 0.35:
            length = rng.choice((1, 1, 2, 2, 3, 4, 5))
            first = rng.randint(start, end - length + 1)
            leave_type, reason = rng.choice(W.LEAVE_TYPES)
            approver = f"{town.secretary.name}（{town.suffix}党委）" if length <= 3 else "县委组织部"
            for d in range(first, first + length):
                off[d] = ("请假", leave_type, reason, approver)
        if rng.random() < 0.3:
            day = rng.randint(start, end)
            off.setdefault(day, ("出差", "", rng.choice(W.TRIP_REASONS), ""))
        if rng.random() < 0.03:
            off.setdefault(rng.randint(start, end), ("缺勤", "", "", ""))
    return off


def _attendance_rows(town: _Town) -> Iterator[Row]:
    present = ("在村", "", "", "")
    owner, new_id = town.code, town.w.new_id
    for posting in town.postings:
        team_id, person_id, off = posting.team_id, posting.person.id, posting.off
        for d in range(_ATTENDANCE_FIRST, _LAST + 1):
            status = off.get(d, present)
            stamp = _STAMPS[d]
            yield (new_id(), owner, team_id, person_id, _DAYS[d], *status, stamp, stamp, DEMO_USER)


_SPOT_NOTES = {"在村": "在村，正在入户走访", "请假": "已请假，手续齐全", "出差": "外出办事，已报备",
               "缺勤": "不在岗，未请假"}


def _spot_checks(town: _Town) -> None:
    rng, now = town.rng, town.w.now
    if not town.postings:
        return
    rows = []
    for _ in range(town.size.spot_checks):
        posting = rng.choice(town.postings)
        day = rng.randint(_ATTENDANCE_FIRST, _LAST)
        status = posting.off.get(day, ("在村",))[0]
        checker = rng.choice(W.SPOT_CHECKERS)
        rows.append((town.w.new_id(), town.code, posting.team_id, posting.person.id, _DAYS[day], checker,
                     int(status == "在村"), int(status in ("请假", "出差")), _SPOT_NOTES[status], now, now, DEMO_USER))
    rows.sort(key=lambda r: r[4])
    town.w.insert("spot_check", _SPOT, rows, town.label("生成抽查记录"))


def _assessments(town: _Town) -> None:
    """2017 ratings of team members (优秀 about 20%); recalled members 不称职."""
    rng, now = town.rng, town.w.now
    ratings = DEFAULTS["assessment.ratings"]
    scores = {ratings[0]: (90, 98), ratings[1]: (80, 90), ratings[2]: (70, 80), ratings[-1]: (55, 70)}
    rows = []
    people = [(p.person, False) for p in town.postings] + [(p, True) for p in town.recalled]
    for person, recalled in people:
        r = rng.random()
        rating = ratings[-1] if recalled else ratings[0] if r < 0.2 else ratings[1] if r < 0.92 else ratings[2]
        remarks = "年内被召回" if recalled else ""
        rows.append((town.w.new_id(), town.code, 2017, "person", person.id, round(rng.uniform(*scores[rating]), 1),
                     rating, "", "县委组织部", remarks, now, now, DEMO_USER))
    town.w.insert("assessment", _ASSESSMENT, rows, town.label("生成年度考核"))


# ------------------------------------------------------------------------------------------------ visits

def _kind_table() -> list[tuple[str, tuple[W.Scenario, ...]]]:
    """100 slots of (kind, scenarios) in proportion to VISIT_KIND_WEIGHTS, for kinds of the settings list."""
    kinds = list(DEFAULTS["visit.kinds"])
    weights = [W.VISIT_KIND_WEIGHTS.get(k, 2) for k in kinds]
    table = []
    for kind, slots in zip(kinds, _split(100, weights), strict=True):
        table.extend([(kind, W.VISIT_SCENARIOS.get(kind, W.VISIT_SCENARIOS["其他"]))] * slots)
    return table


_KINDS = _kind_table()
_PROBLEM_SHARE = sum(sum(1 for s in sc if s[3]) / len(sc) for _, sc in _KINDS) / len(_KINDS)
_FOLLOW_UP_P = min(1.0, 0.30 / _PROBLEM_SHARE)   # ~30% of visits get a follow-up date
_LOG_SHARE = 0.05                                 # general village logs (household NULL)


def _visit_days(rng: random.Random, count: int) -> list[int]:
    """Sorted visit days 2017-01-01..2018-11-30: fewer at weekends and at Spring Festival, more in 2018."""
    days = range(_VISIT_FIRST, _LAST + 1)
    weights = []
    for d in days:
        day = _EPOCH + timedelta(days=d)
        w = 0.6 if day.weekday() >= 5 else 1.0
        if (day.month == 1 and day.day >= 25) or (day.month == 2 and day.day <= 20):
            w *= 0.3
        weights.append(w * (1.25 if day.year == 2018 else 1.0))
    return sorted(rng.choices(days, weights=weights, k=count))


def _weather(rng: random.Random) -> dict[int, str]:
    out = {}
    for d in range(_VISIT_FIRST, _LAST + 1):
        month = (_EPOCH + timedelta(days=d)).month
        pool = W.WEATHER_WINTER if month in (11, 12, 1, 2) else W.WEATHER_SPRING if month in (3, 4, 10) else \
            W.WEATHER_SUMMER
        out[d] = rng.choice(pool)
    return out


def _visits(town: _Town) -> None:
    label = town.label("生成走访记录")
    for visits, visitors in _visit_batches(town):
        town.w.insert("visit", _VISIT, visits, label)
        town.w.insert("visit_visitor", _VISITOR, visitors, label)


def _visit_batches(town: _Town) -> Iterator[tuple[list[Row], list[Row]]]:
    rng, size = town.rng, town.size
    if size.visits <= 0 or not town.villages:
        return
    households: list[_Household | None] = [h for v in town.villages for h in v.households]
    weather = _weather(rng)
    days = _visit_days(rng, size.visits)
    picks = rng.choices(households, k=len(days)) if households else [None] * len(days)
    for start in range(0, len(days), _BATCH):
        yield _visit_batch(town, weather, days[start:start + _BATCH], picks[start:start + _BATCH])


def _visit_batch(town: _Town, weather: dict[int, str], days: list[int],
                 picks: list[_Household | None]) -> tuple[list[Row], list[Row]]:
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
        photo = f"IMG_{_COMPACT[day]}_{int(rand() * 9000) + 1000}.jpg" if rand() < 0.1 else ""
        stamp = _STAMPS[day]
        vid = new_id()
        visits.append((vid, owner, owner, village.id, team.id if team else None, hid, _DAYS[day], kind, weather[day],
                       situation, problems, actions, promise, due, done_at, done_by, signed, photo, names, stamp,
                       stamp, DEMO_USER))
        for pid in ids:
            visitors.append((vid, pid, owner))
    return visits, visitors


def _follow_up(rand: Callable[[], float], day: int, days: int, visitor: str) -> tuple[str, str | None, str]:
    """Most follow-ups done by the first visitor within the time promised; some overdue; recent ones still open."""
    due = day + days
    if day < _LAST and rand() < (0.88 if due <= _LAST else 0.3):
        done = min(_LAST, day + 1 + int(rand() * (days + 5)))
        return _DAYS[due], _DAYS[done], visitor
    return _DAYS[due], None, ""


# ------------------------------------------------------------------------------------------------ trainings

def _training_pools(town: _Town) -> dict[str, list[tuple[str | None, str, str, str, str]]]:
    """Who can attend each audience: (person_id, name, unit, post, phone)."""
    team = [(p.person.id, p.person.name, p.person.unit, p.person.post, p.person.phone) for p in town.postings]
    secretaries = [t for t, p in zip(team, town.postings, strict=True)
                   if any(v.team and v.team.first_secretary is p.person for v in town.villages)]
    cadres = [(p.id, p.name, p.unit, p.post, p.phone) for v in town.villages for p in (v.secretary, v.director) if p]
    workers = [(None, name, village, "", phone) for name, village, phone in town.workers]
    audiences = DEFAULTS["training.audiences"]
    pools = dict(zip(audiences, (team, secretaries, cadres, workers), strict=False))
    return {a: pools.get(a) or team or cadres or workers for a in audiences}


def _trainings(town: _Town) -> None:
    rng, size = town.rng, town.size
    pools = _training_pools(town)
    audiences = list(pools)
    weights = [35, 10, 30, 25][: len(audiences)] + [10] * max(0, len(audiences) - 4)
    chosen = rng.choices(audiences, weights=weights, k=size.trainings)
    start, end = _di(date(2016, 3, 1)), _LAST - 2
    days = sorted(rng.randint(start, end) for _ in chosen)
    numbers: Counter[tuple[str, int]] = Counter()
    trainings, attendees = [], []
    for audience, day in zip(chosen, days, strict=True):
        year = int(_DAYS[day][:4])
        numbers[audience, year] += 1
        row = _training_row(town, audience, day, numbers[audience, year])
        trainings.append(row)
        attendees.extend(_attendee_rows(town, row[0], pools[audience]))
    label = town.label("生成培训记录")
    town.w.insert("training", _TRAINING, trainings, label)
    town.w.insert("training_attendee", _ATTENDEE, attendees, label)


def _training_row(town: _Town, audience: str, day: int, number: int) -> Row:
    rng, now = town.rng, town.w.now
    topic = rng.choice(W.TRAINING_TOPICS.get(audience, W.TRAINING_TOPICS["驻村工作队员"]))
    year = _DAYS[day][:4]
    subject = topic if audience == DEFAULTS["training.audiences"][-1] else audience
    length = rng.choice((0, 0, 0, 1, 2))
    slots, hours = rng.choice(W.TRAINING_SLOTS)
    org, post = rng.choice(W.TRAINERS)
    trainer = f"{town.namer.full(rng.random() < 0.7, rng.randint(1965, 1985))}"
    venue = rng.choice(W.TRAINING_VENUES).format(t=town.name)
    organiser = "县委组织部" if audience == "第一书记" else f"{town.name}党委"
    return (town.w.new_id(), town.code, town.code, f"{town.name}{year}年{subject}培训班（第{number}期）", topic,
            _DAYS[day], _DAYS[min(_LAST, day + length)], slots, hours * (length + 1), venue, trainer,
            org.format(t=town.name) + post, organiser, audience, "", now, now, DEMO_USER)


def _attendee_rows(town: _Town, training_id: str, pool: list[tuple[str | None, str, str, str, str]]) -> list[Row]:
    rng, now, size = town.rng, town.w.now, town.size
    want = max(1, round(size.attendees_per_training * rng.uniform(0.7, 1.3)))
    people = rng.sample(pool, min(want, len(pool)))
    return [(town.w.new_id(), town.code, training_id, pid, name, unit, post, phone, int(rng.random() < 0.94), k,
             now, now, DEMO_USER) for k, (pid, name, unit, post, phone) in enumerate(people)]


# ------------------------------------------------------------------------------------------------ letters

@dataclass(slots=True)
class _Letter:
    kind: str
    year: int
    title: str
    template: str
    signed: int          # day index
    receiver_code: str
    receiver_name: str
    receiver_signers: tuple[str, str, str, str]


def _township_letters(town: _Town) -> None:
    """乡对村: each village's yearly 目标责任书, 军令状 for poor villages, then topical letters up to the budget."""
    rng = town.rng
    base, extra = [], []
    for year in YEARS:
        for v in town.villages:
            signers = (v.secretary.name if v.secretary else "", "党支部书记",
                       v.director.name if v.director else "", "村委会主任")
            signed = _di(date(year, 3, 1)) + rng.randrange(30)
            base.append(_Letter("目标责任书", year, f"{year}年度脱贫攻坚目标责任书", "township_village_target", signed,
                                v.code, v.name, signers))
            if v.is_poor:
                base.append(_Letter("军令状", year, f"{year}年脱贫攻坚军令状", "township_village_order", signed, v.code,
                                    v.name, signers))
            for topic in W.LETTER_TOPICS:
                extra.append(_Letter("目标责任书", year, f"{year}年度{topic}专项目标责任书", "township_village_special",
                                     signed + rng.randrange(1, 60), v.code, v.name, signers))
    rng.shuffle(extra)
    letters = (base + extra)[: town.size.letters]
    issuer = (town.code, town.name, town.secretary.name, "党委书记", town.head.name, f"{town.suffix}长")
    _write_letters(town.w, rng, town.code, "乡对村", issuer, letters, town.size.indicators, 0.08)


def _write_letters(w: _Writer, rng: random.Random, owner: str, level: str, issuer: tuple[str, ...],
                   letters: list[_Letter], indicators: int, scale: float) -> None:
    letters.sort(key=lambda x: (x.year, x.signed))
    counts = _fit([rng.randint(6, 14) for _ in letters], indicators, 1, len(W.INDICATORS), rng)
    rows, indicator_rows, progress_rows = [], [], []
    for letter, count in zip(letters, counts, strict=True):
        lid = w.new_id()
        rows.append(_letter_row(w, rng, lid, owner, level, issuer, letter))
        for k, (spec, weight) in enumerate(zip(rng.sample(W.INDICATORS, count), _split(100, [1] * count),
                                              strict=True)):
            row = _indicator_row(w, rng, owner, lid, spec, weight, k, letter.year, scale)
            indicator_rows.append(row)
            progress_rows.extend(_progress_rows(w, rng, owner, row, letter.year))
    label = "生成目标责任书" if level == "乡对村" else "生成县对乡责任书"
    w.insert("letter", _LETTER, rows, label)
    w.insert("indicator", _INDICATOR, indicator_rows, label)
    w.insert("indicator_progress", _PROGRESS, progress_rows, label)


def _letter_row(w: _Writer, rng: random.Random, lid: str, owner: str, level: str, issuer: tuple[str, ...],
                letter: _Letter) -> Row:
    signed = min(letter.signed, _LAST)
    drafted = _DAYS[signed - rng.randint(7, 20)]
    status = "已考核" if letter.year < 2018 else "执行中" if rng.random() < 0.9 else "已签订"
    code, name, s1, t1, s2, t2 = issuer
    return (lid, owner, letter.kind, letter.year, level, letter.title, code, name, letter.receiver_code,
            letter.receiver_name, s1, t1, s2, t2, *letter.receiver_signers, W.LETTER_CLAUSES[letter.kind],
            letter.template, drafted, _DAYS[signed], f"{letter.year}-12-31", status, drafted + "T09:00:00",
            w.now, DEMO_USER)


def _indicator_row(w: _Writer, rng: random.Random, owner: str, letter_id: str, spec: W.Indicator, weight: int,
                   sort_order: int, year: int, scale: float) -> Row:
    name, unit, direction, (b_lo, b_hi), (t_lo, t_hi) = spec
    factor = 1.0 if unit in ("%",) else scale
    digits = 1 if unit in ("%", "万元") else 0
    baseline = round(rng.uniform(b_lo, b_hi) * factor, digits)
    target = round(max(rng.uniform(t_lo, t_hi) * factor, 1 if unit not in ("%", "万元") else 0.1), digits)
    return (w.new_id(), owner, letter_id, name, unit, baseline, target, direction, weight, f"{year}-12-31",
            "manual", sort_order, w.now, w.now, DEMO_USER)


def _progress_rows(w: _Writer, rng: random.Random, owner: str, indicator: Row, year: int) -> Iterator[Row]:
    """Monthly values from baseline toward target; finished years end near the target, 2018 stops at November."""
    iid, baseline, target = indicator[0], indicator[5], indicator[6]
    months = 11 if year == 2018 else 12
    achieved = rng.uniform(0.9, 1.08) if year < 2018 else rng.uniform(0.75, 1.0)
    digits = 0 if float(target).is_integer() and float(baseline).is_integer() else 1
    for m in range(1, months + 1):
        share = min(1.0, (m / 12) ** 0.8 * rng.uniform(0.95, 1.05)) * achieved
        value = round(baseline + (target - baseline) * share, digits)
        month = f"{year}-{m:02d}"
        stamp = f"{month}-28T17:00:00"
        yield w.new_id(), owner, iid, month, value, 0, "", stamp, stamp, DEMO_USER


def _county_letters(w: _Writer, rng: random.Random, towns: list[_Town], budget: int, indicators: int) -> None:
    """县对乡: each year a 目标责任书 and a 军令状 per township (军令状 of 2018 signed on 2018-03-22)."""
    namer = _Namer(rng)
    leaders = (namer.full(True, 1963), namer.full(True, 1966))
    letters = []
    for year in YEARS:
        for town in towns:
            signers = (town.secretary.name, "党委书记", town.head.name, f"{town.suffix}长")
            for kind in ("目标责任书", "军令状"):
                signed = _di(date(2018, 3, 22)) if (year, kind) == (2018, "军令状") else _di(date(year, 2, 20))
                title = f"{year}年度脱贫攻坚目标责任书" if kind == "目标责任书" else f"{year}年脱贫攻坚军令状"
                template = "county_township_target" if kind == "目标责任书" else "county_township_order"
                letters.append(_Letter(kind, year, title, template, signed, town.code, town.name, signers))
    issuer = (COUNTY_CODE, COUNTY_NAME, leaders[0], "县委书记", leaders[1], "县长")
    _write_letters(w, rng, COUNTY_CODE, "县对乡", issuer, letters[:budget], indicators, 1.0)


# ------------------------------------------------------------------------------------------------ board, meetings

def _mondays(weeks: int) -> list[int]:
    last = _LAST - (LAST_DAY.weekday())
    return [last - 7 * i for i in reversed(range(weeks))]


def _board(w: _Writer, rng: random.Random, owner: str, groups: Sequence[str], leaders: Sequence[str],
           size: DemoSize) -> None:
    """Work groups and their blackboard: 上月完成 and 本周计划 for recent Mondays; late plans carry over."""
    group_rows, items = [], []
    namer = _Namer(rng)
    for k, name in enumerate(groups):
        gid = w.new_id()
        leader = leaders[k % len(leaders)] if leaders else namer.full(True, 1968)
        group_rows.append((gid, owner, name, leader, k, 1, w.now, w.now, DEMO_USER))
        items.extend(_board_items(w, rng, owner, gid, leader, _mondays(size.board_weeks)))
    w.insert("work_group", _GROUP, group_rows, "生成工作组")
    w.insert("board_item", _BOARD, items, "生成工作组")


def _board_items(w: _Writer, rng: random.Random, owner: str, gid: str, leader: str, weeks: list[int]) -> list[Row]:
    rows: list[Row] = []
    late: list[Row] = []
    for i, day in enumerate(weeks):
        week, month = _DAYS[day], (_EPOCH + timedelta(days=day - 28)).month
        stamp = f"{week}T08:30:00"
        for k, text in enumerate(rng.sample(W.BOARD_DONE, 2)):
            content = text.format(m=month, n=rng.randint(3, 40))
            rows.append((w.new_id(), owner, gid, week, "上月完成", content, leader, "已完成", None, k, stamp, stamp,
                         DEMO_USER))
        plans = [(r[5], r[0]) for r in late] + [(t, None) for t in rng.sample(W.BOARD_PLANS, 2)]
        late = []
        for k, (content, carried) in enumerate(plans):
            last = i == len(weeks) - 1
            status = rng.choice(("未开始", "进行中")) if last else _weighted(rng, (("已完成", 70), ("滞后", 15),
                                                                                  ("进行中", 15)))
            row = (w.new_id(), owner, gid, week, "本周计划", content, leader, status, carried, 2 + k, stamp, stamp,
                   DEMO_USER)
            rows.append(row)
            if status in ("滞后", "进行中") and not last:
                late.append(row)
    return rows


def _meetings(w: _Writer, rng: random.Random, owner: str, office: str, count: int, groups: Sequence[str]) -> None:
    """联席会 (March and September 2018) and weekly 例会 on the last Mondays, each with 2-4 decisions."""
    dates = [("联席会", _di(date(2018, 3, 20))), ("联席会", _di(date(2018, 9, 18)))][:count]
    dates += [("例会", d) for d in _mondays(max(0, count - 2))]
    meetings, decisions = [], []
    for n, (kind, day) in enumerate(sorted(dates, key=lambda x: x[1]), start=1):
        mid = w.new_id()
        stamp = f"{_DAYS[day]}T11:30:00"
        title = f"{office}脱贫攻坚{'联席会议' if kind == '联席会' else '工作例会'}（第{n}次）"
        minutes = "听取各工作组上月工作完成情况和本周工作计划汇报，点名通报工作滞后的组，部署下步工作。"
        meetings.append((mid, owner, kind, _DAYS[day], title, "、".join(groups), minutes, stamp, stamp, DEMO_USER))
        for k, text in enumerate(rng.sample(W.MEETING_DECISIONS, rng.randint(2, 4))):
            due = day + rng.randint(7, 30)
            done = int(due <= _LAST and rng.random() < 0.8)
            decisions.append((w.new_id(), owner, mid, text, rng.choice(groups), _DAYS[due], done, k, stamp, stamp,
                              DEMO_USER))
    w.insert("meeting", _MEETING, meetings, "生成会议记录")
    w.insert("meeting_decision", _DECISION, decisions, "生成会议记录")


# ------------------------------------------------------------------------------------------------ the run

def _shares(size: DemoSize, codes: list[str], rng: random.Random, county_letters: int) -> list[DemoSize]:
    """The county's totals shared among townships: villages unevenly (14-30 at full scale), the rest in step."""
    if len(codes) == 1:
        return [replace(size, letters=size.letters - county_letters)]
    villages = _fit(_split(size.villages, [rng.uniform(15, 30) for _ in codes]), size.villages, 1, 10 ** 6, rng)
    poor = [min(v, p) for v, p in zip(villages, _split(size.poor_villages, villages), strict=True)]
    exited = [min(p, e) for p, e in zip(poor, _split(size.exited_villages, poor), strict=True)]
    weight = [3 * p + (v - p) for v, p in zip(villages, poor, strict=True)]
    households = _split(size.households, weight)
    letters = _split(size.letters - county_letters, villages)
    per = {"households": households, "members": _split(size.members, households), "villages": villages,
           "poor_villages": poor, "exited_villages": exited, "visits": _split(size.visits, households),
           "first_secretaries": [min(p, f) for p, f in zip(poor, _split(size.first_secretaries, poor), strict=True)],
           "team_members": _split(size.team_members, poor), "trainings": _split(size.trainings, villages),
           "letters": letters, "spot_checks": _split(size.spot_checks, poor),
           "indicators": _split(size.indicators - size.indicators * county_letters // max(1, size.letters), letters)}
    return [replace(size, **{k: v[i] for k, v in per.items()}) for i in range(len(codes))]


def _estimate(size: DemoSize, county: bool) -> int:
    """Rows the run will write (and index rows it will rebuild), roughly, for the progress total."""
    attendance = size.team_members * 334 if size.attendance else 0
    visitors = size.visits * 1.62
    people = size.villages * 3 + size.households * 4.2 + size.members + size.team_members * 2.05 + attendance
    letters = size.letters + size.indicators * 12.6
    other = size.visits + visitors + size.trainings * (1 + size.attendees_per_training) + size.spot_checks
    indexes = _INDEX_WEIGHT * (size.visits * 7 + visitors * 2 + attendance * 2)
    return int(people + letters + other + indexes + 80 * (13 if county else 1))


def _office_codes(office_code: str) -> list[str]:
    if office_code == COUNTY_CODE:
        return list(TOWNSHIPS)
    if office_code in TOWNSHIPS:
        return [office_code]
    raise ValueError(f"未知的单位代码：{office_code}")


def _bulk_indexes(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(name, table, CREATE INDEX text) of the indexes dropped for the load (automatic ones cannot be)."""
    marks = ",".join("?" * len(_BULK_INDEX_TABLES))
    return conn.execute(f"SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                        f"AND tbl_name IN ({marks}) ORDER BY name", _BULK_INDEX_TABLES).fetchall()


def _fill(w: _Writer, office_code: str, size: DemoSize, seed: int) -> None:
    codes = _office_codes(office_code)
    county = office_code == COUNTY_CODE
    rng = random.Random(f"{seed}/county")
    county_letters = min(size.letters, len(codes) * len(YEARS) * 2) if county else 0
    id_numbers = _IdNumbers()
    towns = []
    for code, share in zip(codes, _shares(size, codes, rng, county_letters), strict=True):
        town = _Town(w, code, share, seed, id_numbers)
        _town(town)
        towns.append(town)
    if county:
        indicators = size.indicators * county_letters // max(1, size.letters)
        _county_letters(w, rng, towns, county_letters, indicators)
        _board(w, rng, COUNTY_CODE, W.COUNTY_WORK_GROUPS, [], size)
        _meetings(w, rng, COUNTY_CODE, COUNTY_NAME, size.meetings, W.COUNTY_WORK_GROUPS)


def _audit(w: _Writer, office_code: str) -> None:
    rows = [(w.new_id(), office_code, w.now, DEMO_USER, "system", table, "*", None,
             json.dumps({"demo": True, "rows": n})) for table, n in sorted(w.counts.items())]
    w.insert("audit_log", _AUDIT, rows, "写入日志")


def _check_empty(conn: sqlite3.Connection, codes: list[str]) -> None:
    marks = ",".join("?" * len(codes))
    found = conn.execute(f"SELECT COUNT(*) FROM village WHERE township_code IN ({marks})", codes).fetchone()[0]
    if found:
        raise ValueError("数据库中已有这些乡镇的行政村，不能再生成演示数据。")


def generate(db: sqlite_utils.Database, office_code: str, size: DemoSize, seed: int = 1,
             progress: Progress | None = None) -> dict[str, int]:
    """Fill a migrated database with demo rows for the county (all 12 townships) or one township.

    Everything happens in one transaction. progress(done, total, label) is called every batch; returning False
    rolls the transaction back and raises DemoCancelled. Returns the number of rows written per table.
    """
    conn = db.conn
    _check_empty(conn, _office_codes(office_code))
    w = _Writer(conn, progress, _estimate(size, office_code == COUNTY_CODE))
    with _bulk_mode(conn):
        _transaction(w, office_code, size, seed)
    if progress is not None:
        progress(w.total, w.total, "完成")
    return dict(w.counts)


@contextmanager
def _bulk_mode(conn: sqlite3.Connection) -> Iterator[None]:
    """For the load only: a rollback journal instead of WAL, and foreign keys not checked row by row.

    The generator writes parents before children and only ids it made (tests run PRAGMA foreign_key_check);
    checking 3.5 million rows' keys one by one costs about a fifth of the run.
    """
    foreign_keys = int(conn.execute("PRAGMA foreign_keys").fetchone()[0])
    wal = _leave_wal(conn)
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA foreign_keys={foreign_keys}")
        if wal:
            conn.execute("PRAGMA journal_mode=WAL")


def _leave_wal(conn: sqlite3.Connection) -> bool:
    """Switch a WAL database to a rollback journal for the load (True if switched; switch back afterwards).

    A big transaction in WAL mode writes every page twice (to the WAL, then at the checkpoint); with a rollback
    journal a fresh database's new pages are written once. Another open connection blocks the switch: then the
    load simply runs in WAL mode.
    """
    if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
        return False
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        return False
    return str(mode).lower() == "delete"


def _rebuild(w: _Writer, indexes: list[tuple[str, str, str]]) -> None:
    """Recreate the dropped indexes from their own CREATE INDEX text, reporting progress between them."""
    for k, (_name, table, sql) in enumerate(indexes, start=1):
        w.tick(0, f"重建索引（{k}/{len(indexes)}）")
        w.conn.execute(sql)
        w.tick(int(w.counts[table] * _INDEX_WEIGHT), f"重建索引（{k}/{len(indexes)}）")


def _analyze(conn: sqlite3.Connection) -> None:
    """ANALYZE with a row limit per index (estimates are enough for the planner; a full pass takes seconds)."""
    limit = conn.execute("PRAGMA analysis_limit").fetchone()
    conn.execute("PRAGMA analysis_limit=1000")
    conn.execute("ANALYZE")
    if limit is not None:
        conn.execute(f"PRAGMA analysis_limit={int(limit[0])}")


def _transaction(w: _Writer, office_code: str, size: DemoSize, seed: int) -> None:
    """All of the load in one transaction: bulk indexes dropped, rows written, indexes rebuilt, ANALYZE."""
    conn = w.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        indexes = _bulk_indexes(conn)
        for name, _table, _sql in indexes:
            conn.execute(f"DROP INDEX {name}")
        _fill(w, office_code, size, seed)
        _rebuild(w, indexes)
        _audit(w, office_code)
        w.tick(0, "统计分析")
        _analyze(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
