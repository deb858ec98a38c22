"""Work teams (驻村工作队) and their members: memberships, daily attendance, spot checks and 2017 assessments."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date

from lingqiu_desktop.core.settings import DEFAULTS

from lingqiu_desktop.data.demo import words as W
from lingqiu_desktop.data.demo.common import DAYS, DEMO_USER, LAST_INDEX, STAMPS, Row, day_index, fit
from lingqiu_desktop.data.demo.town import Combo, Person, Posting, Team, Town, Village, combo

_TEAM = ("id owner township_code village_id name sending_unit leader_person_id first_secretary_id start_date "
         "end_date status remarks created_at updated_at updated_by")
_MEMBERSHIP = "id owner team_id person_id role start_date end_date status remarks created_at updated_at updated_by"
_ATTENDANCE = "id owner team_id person_id day status leave_type reason approver created_at updated_at updated_by"
_SPOT = "id owner team_id person_id check_date checker present excused note created_at updated_at updated_by"
_ASSESSMENT = ("id owner year subject_kind subject_id score rating capped_by assessor remarks created_at updated_at "
               "updated_by")

_ATTENDANCE_FIRST = day_index(date(2018, 1, 1))
_ATTENDANCE_MONTHS = [(day_index(date(2018, m, 1)), day_index(date(2018, m + 1, 1)) - 1) for m in range(1, 12)]


def write_teams(town: Town) -> None:
    rng, size = town.rng, town.size
    poor = [v for v in town.villages if v.is_poor]
    led_by_secretary = set(rng.sample(range(len(poor)), min(size.first_secretaries, len(poor))))
    lo = 3 if size.team_members >= 3 * len(poor) else 1
    team_sizes = fit([rng.randint(lo, 5) for _ in poor], size.team_members, lo, 7, rng)
    teams, memberships = [], []
    for i, v in enumerate(poor):
        unit, level = rng.choice(W.SENDING_UNITS)
        start = DAYS[day_index(date(2015, 10, 1)) + rng.randrange(150)]
        team = _team_people(town, v, unit, level, team_sizes[i], i in led_by_secretary)
        v.team = team
        teams.append(_team_row(town, team, v, unit, start))
        memberships.extend(_membership_rows(town, team, start))
    town.flush_people("生成驻村工作队员")
    town.w.insert("work_team", _TEAM, teams, town.label("生成驻村工作队"))
    town.w.insert("team_membership", _MEMBERSHIP, memberships, town.label("生成驻村工作队"))


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


def _membership_rows(town: Town, team: Team, start: str) -> list[Row]:
    rng, now, new_id = town.rng, town.w.now, town.w.new_id
    rows = []
    for k, p in enumerate(team.members):
        role = "队员" if k else ("第一书记" if team.first_secretary else "队长")
        town.postings.append(Posting(team.id, p))
        rows.append((new_id(), town.code, team.id, p.id, role, start, None, "在岗", "", now, now, DEMO_USER))
    if rng.random() < 0.05:   # a member recalled in 2017 for not being at his post (DOMAIN.md §1)
        p = town.person("工作队员", f"{town.name}人民政府", "乡镇", rng.choice(W.TOWNSHIP_UNIT_POSTS))
        end = DAYS[day_index(date(2017, 3, 1)) + rng.randrange(200)]
        town.recalled.append(p)
        rows.append((new_id(), town.code, team.id, p.id, "队员", start, end, "召回", "不在岗，经县委组织部批准召回",
                     now, now, DEMO_USER))
    return rows


def write_attendance(town: Town) -> None:
    rng = town.rng
    for posting in town.postings:
        posting.off = _days_off(rng, town)
    if town.size.attendance:
        town.w.insert("attendance", _ATTENDANCE, _attendance_rows(town), town.label("生成驻村考勤"))


def _days_off(rng: random.Random, town: Town) -> dict[int, tuple[str, str, str, str]]:
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


def _attendance_rows(town: Town) -> Iterator[Row]:
    present = ("在村", "", "", "")
    owner, new_id = town.code, town.w.new_id
    for posting in town.postings:
        team_id, person_id, off = posting.team_id, posting.person.id, posting.off
        for d in range(_ATTENDANCE_FIRST, LAST_INDEX + 1):
            status = off.get(d, present)
            stamp = STAMPS[d]
            yield (new_id(), owner, team_id, person_id, DAYS[d], *status, stamp, stamp, DEMO_USER)


_SPOT_NOTES = {"在村": "在村，正在入户走访", "请假": "已请假，手续齐全", "出差": "外出办事，已报备",
               "缺勤": "不在岗，未请假"}


def write_spot_checks(town: Town) -> None:
    rng, now = town.rng, town.w.now
    if not town.postings:
        return
    rows = []
    for _ in range(town.size.spot_checks):
        posting = rng.choice(town.postings)
        day = rng.randint(_ATTENDANCE_FIRST, LAST_INDEX)
        status = posting.off.get(day, ("在村",))[0]
        checker = rng.choice(W.SPOT_CHECKERS)
        rows.append((town.w.new_id(), town.code, posting.team_id, posting.person.id, DAYS[day], checker,
                     int(status == "在村"), int(status in ("请假", "出差")), _SPOT_NOTES[status], now, now, DEMO_USER))
    rows.sort(key=lambda r: r[4])
    town.w.insert("spot_check", _SPOT, rows, town.label("生成抽查记录"))


def write_assessments(town: Town) -> None:
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
