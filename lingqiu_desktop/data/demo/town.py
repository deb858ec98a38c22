"""One township's generation state (Town) and the records the family modules pass to each other.

Town holds the township's own random stream. The family modules draw from it one after another (the order is
fixed in the package's _town), so that order, not the module layout, decides what a seed produces.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from lingqiu_desktop.core.offices import TOWNSHIPS
from lingqiu_desktop.core.pinyin import initials

from lingqiu_desktop.data.demo import words as W
from lingqiu_desktop.data.demo.common import DEMO_USER, Row, birth_date, mobile
from lingqiu_desktop.data.demo.names import IdNumbers, Namer
from lingqiu_desktop.data.demo.sizes import DemoSize
from lingqiu_desktop.data.demo.writer import Writer


@dataclass(slots=True)
class Person:
    id: str
    name: str
    phone: str
    unit: str
    post: str


Combo = tuple[str, tuple[str, ...], str]   # visitor names joined by 、, person ids, first visitor's name


@dataclass(slots=True)
class Team:
    id: str
    members: list[Person]
    first_secretary: Person | None
    combos: list[Combo] = field(default_factory=list)


@dataclass(slots=True)
class Village:
    id: str
    code: str
    name: str
    is_poor: bool
    cadre: Person | None = None       # 包村干部 (a township cadre)
    secretary: Person | None = None   # 村党支部书记
    director: Person | None = None    # 村委会主任
    team: Team | None = None
    households: list[Household] = field(default_factory=list)
    combos: tuple[Combo, ...] = ()    # visitors of general logs when there is no team


@dataclass(slots=True)
class Household:
    id: str
    village: Village
    situations: tuple[str, str, str]
    combos: tuple[Combo, Combo]       # helper alone, helper with the 包村干部


# One day of a member's sign-in book: status, leave_type, reason, approver, leave_id (None: no row that day).
Day = tuple[str, str, str, str, str | None]


@dataclass(slots=True)
class Posting:
    """A member's posting to a team (end None: still 在岗), with the sign-in book the attendance module plans.

    start and end are day indexes (common.day_index); plan holds one Day or None per day of the attendance period,
    leaves the leave_request rows behind its 请假 days. profile is how the member keeps the rules: 稳定 (stays
    weekends to make the monthly days), 一般 (mostly does), 松散 (often away, rarely makes up)."""

    team_id: str
    person: Person
    start: int
    end: int | None = None
    profile: str = "稳定"
    plan: list[Day | None] = field(default_factory=list)
    leaves: list[Row] = field(default_factory=list)


def combo(people: Sequence[Person]) -> Combo:
    return "、".join(p.name for p in people), tuple(p.id for p in people), people[0].name


_PERSON = ("id owner township_code name name_initials id_number sex phone unit unit_level post kind is_party_member "
           "remarks created_at updated_at updated_by")


class Town:
    """One township's generation state: its random stream, names, people and villages."""

    def __init__(self, w: Writer, code: str, size: DemoSize, seed: int, id_numbers: IdNumbers) -> None:
        self.w = w
        self.code = code
        self.name = TOWNSHIPS[code]
        self.size = size
        self.rng = random.Random(f"{seed}/{code}")
        self.namer = Namer(self.rng)
        self.id_numbers = id_numbers
        self.suffix = "镇" if self.name.endswith("镇") else "乡"
        self.person_rows: list[Row] = []
        self.cadres: list[Person] = []
        self.villages: list[Village] = []
        self.postings: list[Posting] = []   # active members (在岗)
        self.recalled: list[Posting] = []   # members recalled in 2017 (召回)
        self.absences_2017: Counter[str] = Counter()   # person id -> unexcused absences found by spot checks
        self.workers: list[tuple[str, str, str]] = []   # name, village, phone of working-age household members

    @property
    def secretary(self) -> Person:
        return self.cadres[0]

    @property
    def head(self) -> Person:
        return self.cadres[1]

    def label(self, what: str) -> str:
        return f"{self.name}：{what}"

    def person(self, kind: str, unit: str, level: str, post: str, *, male: bool | None = None,
               years: tuple[int, int] = (1963, 1992), party: float = 0.75) -> Person:
        rng = self.rng
        male = rng.random() < 0.72 if male is None else male
        year = rng.randint(*years)
        name = self.namer.full(male, year)
        p = Person(self.w.new_id(), name, mobile(rng), unit, post)
        number = self.id_numbers.make(rng, birth_date(rng, year), male)
        now = self.w.now
        self.person_rows.append((p.id, self.code, self.code, name, initials(name), number, "男" if male else "女",
                                 p.phone, unit, level, post, kind, int(rng.random() < party), "", now, now, DEMO_USER))
        return p

    def flush_people(self, what: str) -> None:
        self.w.insert("person", _PERSON, self.person_rows, self.label(what))
        self.person_rows = []


def write_cadres(town: Town) -> None:
    unit = f"{town.name}人民政府"
    for i, post in enumerate(W.TOWNSHIP_CADRE_POSTS):
        post = post.format(t=town.suffix)
        town.cadres.append(town.person("干部", unit, "乡镇", post, male=i < 2 or None, years=(1965, 1985), party=0.95))
    town.flush_people("生成乡镇干部")
