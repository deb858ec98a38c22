"""How many rows of each kind a run writes: the county and township presets, and the county's share-out."""

from __future__ import annotations

import random
from dataclasses import dataclass, fields, replace

from lingqiu_desktop.data.demo.common import fit, split
from lingqiu_desktop.data.demo.writer import INDEX_WEIGHT


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
    attendance: bool = True      # the sign-in book 2017-01-01..2018-11-30 (no row on most days off)

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


def township_shares(size: DemoSize, codes: list[str], rng: random.Random, county_letters: int) -> list[DemoSize]:
    """The county's totals shared among townships: villages unevenly (14-30 at full scale), the rest in step."""
    if len(codes) == 1:
        return [replace(size, letters=size.letters - county_letters)]
    villages = fit(split(size.villages, [rng.uniform(15, 30) for _ in codes]), size.villages, 1, 10 ** 6, rng)
    poor = [min(v, p) for v, p in zip(villages, split(size.poor_villages, villages), strict=True)]
    exited = [min(p, e) for p, e in zip(poor, split(size.exited_villages, poor), strict=True)]
    weight = [3 * p + (v - p) for v, p in zip(villages, poor, strict=True)]
    households = split(size.households, weight)
    letters = split(size.letters - county_letters, villages)
    per = {"households": households, "members": split(size.members, households), "villages": villages,
           "poor_villages": poor, "exited_villages": exited, "visits": split(size.visits, households),
           "first_secretaries": [min(p, f) for p, f in zip(poor, split(size.first_secretaries, poor), strict=True)],
           "team_members": split(size.team_members, poor), "trainings": split(size.trainings, villages),
           "letters": letters, "spot_checks": split(size.spot_checks, poor),
           "indicators": split(size.indicators - size.indicators * county_letters // max(1, size.letters), letters)}
    return [replace(size, **{k: v[i] for k, v in per.items()}) for i in range(len(codes))]


def estimate_rows(size: DemoSize, county: bool) -> int:
    """Rows the run will write (and index rows it will rebuild), roughly, for the progress total."""
    attendance = size.team_members * 570 if size.attendance else 0   # with leave requests
    visitors = size.visits * 1.62
    people = size.villages * 3 + size.households * 4.2 + size.members + size.team_members * 2.05 + attendance
    letters = size.letters + size.indicators * 12.6
    other = size.visits + visitors + size.trainings * (1 + size.attendees_per_training) + size.spot_checks
    indexes = INDEX_WEIGHT * (size.visits * 7 + visitors * 2 + attendance * 2)
    return int(people + letters + other + indexes + 80 * (13 if county else 1))
