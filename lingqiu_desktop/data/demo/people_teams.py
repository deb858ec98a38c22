"""Work teams (驻村工作队) and their members: teams, memberships (with leader rotations and recalls) and the
teams' history (team_event) in the clerk's words. Attendance, leave, spot checks and assessments: attendance.py."""

from __future__ import annotations

import random
from datetime import date

from lingqiu_desktop.data.demo import words as W
from lingqiu_desktop.data.demo.common import DAYS, DEMO_USER, STAMPS, Row, day_index, fit
from lingqiu_desktop.data.demo.town import Combo, Person, Posting, Team, Town, Village, combo

_TEAM = ("id owner township_code village_id name sending_unit leader_person_id first_secretary_id start_date "
         "end_date status remarks created_at updated_at updated_by")
_MEMBERSHIP = "id owner team_id person_id role start_date end_date status remarks created_at updated_at updated_by"
_EVENT = "id owner team_id event_date kind person_id detail created_at updated_at updated_by"

_LEADER_CHANGE_P = 0.12            # teams whose first leader was rotated out in 2016 (派驻期满轮换)
_LAST_CHANGE = day_index(date(2016, 12, 20))
_RECALL_REMARK = "不在岗，经县委组织部批准召回"


def write_teams(town: Town) -> None:
    rng, size = town.rng, town.size
    poor = [v for v in town.villages if v.is_poor]
    led_by_secretary = set(rng.sample(range(len(poor)), min(size.first_secretaries, len(poor))))
    lo = 3 if size.team_members >= 3 * len(poor) else 1
    team_sizes = fit([rng.randint(lo, 5) for _ in poor], size.team_members, lo, 7, rng)
    teams, memberships, events = [], [], []
    for i, v in enumerate(poor):
        unit, level = rng.choice(W.SENDING_UNITS)
        start = day_index(date(2015, 10, 1)) + rng.randrange(150)
        team = _team_people(town, v, unit, level, team_sizes[i], i in led_by_secretary)
        v.team = team
        row = _team_row(town, team, v, unit, DAYS[start])
        teams.append(row)
        events.append(_event(town, team.id, start, "成立", None, f"{row[4]}成立，派出单位：{unit}"))
        memberships.extend(_membership_rows(town, team, unit, level, start, events))
    town.flush_people("生成驻村工作队员")
    town.w.insert("work_team", _TEAM, teams, town.label("生成驻村工作队"))
    town.w.insert("team_membership", _MEMBERSHIP, memberships, town.label("生成驻村工作队"))
    events.sort(key=lambda e: (e[2], e[3]))
    town.w.insert("team_event", _EVENT, events, town.label("生成工作队大事记"))


def _team_people(town: Town, v: Village, unit: str, level: str, count: int, has_secretary: bool) -> Team:
    rng = town.rng
    members = []
    for k in range(count):
        kind = "第一书记" if k == 0 and has_secretary else "工作队员"
        own_unit = k == 0 or rng.random() < 0.6
        member_unit, member_level = (unit, level) if own_unit else (f"{town.name}人民政府", "乡镇")
        post = rng.choice(W.UNIT_POSTS if own_unit else W.TOWNSHIP_UNIT_POSTS)
        members.append(town.person(kind, member_unit, member_level, post, years=(1965, 1993), party=0.9))
    team = Team(town.w.new_id(), members, members[0] if has_secretary else None)
    team.combos = _team_combos(rng, members)
    return team


def _team_combos(rng: random.Random, members: list[Person]) -> list[Combo]:
    """40 visitor groups of 1-3 members (40% / 45% / 15%), to pick from by index."""
    combos = []
    for _ in range(40):
        r = rng.random()
        k = min(len(members), 1 if r < 0.4 else 2 if r < 0.85 else 3)
        chosen = sorted(rng.sample(range(len(members)), k))
        combos.append(combo([members[i] for i in chosen]))
    return combos


def _team_row(town: Town, team: Team, v: Village, unit: str, start: str) -> Row:
    fs = team.first_secretary.id if team.first_secretary else None
    now = town.w.now
    return (team.id, town.code, town.code, v.id, f"{v.name}驻村工作队", unit, team.members[0].id, fs, start, None,
            "在岗", "", now, now, DEMO_USER)


def _membership_rows(town: Town, team: Team, unit: str, level: str, start: int, events: list[Row]) -> list[Row]:
    """The postings of a team since it was set up, with their events: 成员进驻 for each; for some teams a first
    leader rotated out in 2016 (期满, then 队长变更 to today's leader); for a few a member recalled in 2017 (召回)."""
    rng, now, new_id = town.rng, town.w.now, town.w.new_id
    rows = []
    first_role = "第一书记" if team.first_secretary else "队长"
    leader_start = start
    if rng.random() < _LEADER_CHANGE_P:
        leader_start = min(_LAST_CHANGE, start + rng.randint(150, 330))
        kind = "第一书记" if team.first_secretary else "工作队员"
        old = town.person(kind, unit, level, rng.choice(W.UNIT_POSTS), years=(1962, 1990), party=0.95)
        end = leader_start - 1
        remark = "派驻期满，轮换回原单位"
        rows.append((new_id(), town.code, team.id, old.id, first_role, DAYS[start], DAYS[end], "期满", remark, now,
                     now, DEMO_USER))
        events.append(_event(town, team.id, start, "成员进驻", old.id, f"{old.name}进驻，任{first_role}"))
        events.append(_event(town, team.id, end, "期满", old.id, f"{old.name}期满离村：{remark}"))
        new = team.members[0]
        events.append(_event(town, team.id, leader_start, "队长变更", new.id, f"队长：{old.name} → {new.name}"))
        if team.first_secretary:
            events.append(_event(town, team.id, leader_start, "角色变更", new.id,
                                 f"第一书记：{old.name} → {new.name}"))
    for k, p in enumerate(team.members):
        role = "队员" if k else first_role
        begin = leader_start if k == 0 else start
        town.postings.append(Posting(team.id, p, begin))
        rows.append((new_id(), town.code, team.id, p.id, role, DAYS[begin], None, "在岗", "", now, now, DEMO_USER))
        events.append(_event(town, team.id, begin, "成员进驻", p.id, f"{p.name}进驻，任{role}"))
    if rng.random() < 0.05:   # a member recalled in 2017 for not being at his post (DOMAIN.md §1)
        p = town.person("工作队员", f"{town.name}人民政府", "乡镇", rng.choice(W.TOWNSHIP_UNIT_POSTS))
        end = day_index(date(2017, 3, 1)) + rng.randrange(200)
        town.recalled.append(Posting(team.id, p, start, end, "松散"))
        rows.append((new_id(), town.code, team.id, p.id, "队员", DAYS[start], DAYS[end], "召回", _RECALL_REMARK,
                     now, now, DEMO_USER))
        events.append(_event(town, team.id, start, "成员进驻", p.id, f"{p.name}进驻，任队员"))
        events.append(_event(town, team.id, end, "召回", p.id, f"{p.name}召回离村：{_RECALL_REMARK}"))
    return rows


def _event(town: Town, team_id: str, day: int, kind: str, person_id: str | None, detail: str) -> Row:
    stamp = STAMPS[day]
    return (town.w.new_id(), town.code, team_id, DAYS[day], kind, person_id, detail, stamp, stamp, DEMO_USER)
