"""The work-team members' sign-in book (考勤) for 2017-01-01..2018-11-30, their leave requests, spot checks and
2017 assessments (DOMAIN.md §1).

A member's month, as a village sign-in book shows it: 在村 on working days; weekends and public holidays mostly
without a row (home), some stayed in the village, a day or two of duty over a long holiday; a few 出差 days
(meetings and training in the county); now and then a leave request (its days 请假, pointing to the request, approved
by the township Party secretary up to 3 days, by the county organisation department above); rarely a 缺勤. Members
differ (Posting.profile): 稳定 ones stay weekends when a month would otherwise fall short of the required days,
一般 ones often do, 松散 ones skip Mondays and Fridays and rarely make up, so the months below the requirement
(about 6% of member-months; 40-60 members a month at the county, more at Spring Festival) gather on a few members
and on long sick leave.

Spot checks are drawn after the book is planned: one that finds a member away without leave turns that day into
缺勤, one that finds a member on leave lands on a 请假 day, the rest on 在村 days. The 2017 ratings then obey the cap
rule of the settings (core.attendance.capped_rating), with the reason in capped_by.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from lingqiu_desktop.core.attendance import LEAVE_COUNTY_DAYS_DEFAULT, capped_rating
from lingqiu_desktop.core.settings import DEFAULTS

from lingqiu_desktop.data.demo import words as W
from lingqiu_desktop.data.demo.common import DAYS, DEMO_USER, EPOCH, LAST_INDEX, STAMPS, Row, day_index, weighted
from lingqiu_desktop.data.demo.town import Day, Posting, Town

_ATTENDANCE = ("id owner team_id person_id day status leave_type reason approver created_at updated_at updated_by "
               "leave_id")
_LEAVE = ("id owner team_id person_id start_date end_date leave_type reason approver approved_on created_at "
          "updated_at updated_by")
_SPOT = "id owner team_id person_id check_date checker present excused note created_at updated_at updated_by"
_ASSESSMENT = ("id owner year subject_kind subject_id score rating capped_by assessor remarks created_at updated_at "
               "updated_by")

FIRST = day_index(date(2017, 1, 1))   # the first day of the sign-in book
SPAN = LAST_INDEX - FIRST + 1
_YEAR_END_2017 = day_index(date(2017, 12, 31))
REQUIRED = int(DEFAULTS["attendance.required_days"])

# Official public holidays of 2017-2018 (days off) and the weekend days worked in exchange (调休上班).
_HOLIDAYS = [("2017-01-02", 1), ("2017-01-27", 7), ("2017-04-02", 3), ("2017-04-29", 3), ("2017-05-28", 3),
             ("2017-10-01", 8), ("2018-01-01", 1), ("2018-02-15", 7), ("2018-04-05", 3), ("2018-04-29", 3),
             ("2018-06-16", 3), ("2018-09-22", 3), ("2018-10-01", 7)]
_MAKEUP = ["2017-01-22", "2017-02-04", "2017-04-01", "2017-05-27", "2017-09-30", "2018-02-11", "2018-02-24",
           "2018-04-08", "2018-04-28", "2018-09-29", "2018-09-30"]


def _calendar() -> tuple[list[bool], list[tuple[int, int, list[int], list[list[int]]]]]:
    """Whether each day of the book is off (weekend or holiday), and the months: (first, last, working days, blocks
    of consecutive days off), all as day indexes."""
    holidays = {day_index(date.fromisoformat(d)) + i for d, n in _HOLIDAYS for i in range(n)}
    makeup = {day_index(date.fromisoformat(d)) for d in _MAKEUP}
    off = [(d in holidays or (EPOCH + timedelta(days=d)).weekday() >= 5) and d not in makeup
           for d in range(FIRST, LAST_INDEX + 1)]
    months = []
    first = FIRST
    while first <= LAST_INDEX:
        day = EPOCH + timedelta(days=first)
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        last = min(LAST_INDEX, day_index(following) - 1)
        work = [d for d in range(first, last + 1) if not off[d - FIRST]]
        blocks: list[list[int]] = []
        for d in range(first, last + 1):
            if off[d - FIRST]:
                if blocks and blocks[-1][-1] == d - 1:
                    blocks[-1].append(d)
                else:
                    blocks.append([d])
        months.append((first, last, work, blocks))
        first = last + 1
    return off, months


_OFF, _MONTHS = _calendar()
_MONDAY_FRIDAY = {d for d in range(FIRST, LAST_INDEX + 1) if (EPOCH + timedelta(days=d)).weekday() in (0, 4)}

# How each kind of member keeps the rules: share of members, stays a whole weekend / part of it, chance of a leave
# request in a month, of making up a short month at weekends, of skipping a Monday or Friday, of a 缺勤 in a month.
_PROFILES = {
    "稳定": (0.80, 0.30, 0.25, 0.20, 1.0, 0.0, 0.004),
    "一般": (0.12, 0.15, 0.20, 0.28, 0.4, 0.07, 0.01),
    "松散": (0.08, 0.05, 0.10, 0.35, 0.1, 0.25, 0.05),
}
_TRIPS = ((0, 30), (1, 35), (2, 22), (3, 10), (4, 3))
_IN = ("在村", "", "", "", None)
_IN_VILLAGE = ("在村", "出差")


def plan_attendance(town: Town) -> None:
    """Plan every posting's sign-in book (Posting.plan) and leave requests (Posting.leaves); written later by
    write_attendance, after the spot checks have marked the days they found."""
    rng = town.rng
    names = list(_PROFILES)
    shares = [_PROFILES[n][0] for n in names]
    for posting in town.postings:
        posting.profile = rng.choices(names, weights=shares)[0]
        _plan(rng, town, posting)
    for posting in town.recalled:
        _plan(rng, town, posting)


def _plan(rng: random.Random, town: Town, posting: Posting) -> None:
    _share, full, part, leave_p, make_up, skip, absent = _PROFILES[posting.profile]
    first = max(FIRST, posting.start)
    last = LAST_INDEX if posting.end is None else min(LAST_INDEX, posting.end)
    plan: list[Day | None] = [None] * SPAN
    posting.plan = plan
    if first > last:
        return
    _plan_leaves(rng, town, posting, first, last, leave_p)
    for m_first, m_last, work, blocks in _MONTHS:
        if m_last < first or m_first > last:
            continue
        work = [d for d in work if first <= d <= last]
        for d in work:
            if plan[d - FIRST] is None:
                plan[d - FIRST] = _IN if not (skip and d in _MONDAY_FRIDAY and rng.random() < skip) else None
        for block in blocks:
            block = [d for d in block if first <= d <= last]
            r = rng.random() / _stay_factor(block)
            if r < full:
                chosen = block
            elif r < full + part and block:
                k = rng.randint(1, max(1, len(block) - 1))
                chosen = block[:k] if rng.random() < 0.5 else block[-k:]
            else:
                chosen = []
            if len(block) > 3:   # the team takes turns on duty over a long holiday (节假日轮流值班)
                k = rng.randint(0, 2) if _stay_factor(block) < 1 else rng.randint(1, 3)
                at = rng.randrange(len(block) - k + 1)
                chosen = chosen + block[at:at + k]
            for d in chosen:
                if plan[d - FIRST] is None:
                    plan[d - FIRST] = _IN
        for _ in range(weighted(rng, _TRIPS)):
            d = rng.choice(work) if work else None
            if d is not None and plan[d - FIRST] in (_IN, None):
                plan[d - FIRST] = ("出差", "", rng.choice(W.TRIP_REASONS), "", None)
        if rng.random() < absent and work:
            d = rng.choice(work)
            if plan[d - FIRST] in (_IN, None):
                plan[d - FIRST] = ("缺勤", "", W.ABSENT_REASON, "", None)
        if rng.random() < make_up:
            _make_up(rng, plan, max(first, m_first), min(last, m_last), m_last - m_first + 1)


def _stay_factor(block: list[int]) -> float:
    """Fewer stay over a long holiday: most go home for Spring Festival, many for National Day."""
    if len(block) <= 3:
        return 1.0
    return 0.3 if DAYS[block[0]][5:7] in ("01", "02") else 1.0


def _make_up(rng: random.Random, plan: list[Day | None], first: int, last: int, month_length: int) -> None:
    """Stay in the village on days off (no row yet) until the month reaches the (pro-rated) requirement."""
    posted = last - first + 1
    required = REQUIRED if posted >= month_length else -(-REQUIRED * posted // month_length)
    target = required + rng.choice((0, 0, 1, 1, 2, 3))
    have = sum(1 for d in range(first, last + 1) if (s := plan[d - FIRST]) is not None and s[0] in _IN_VILLAGE)
    if have >= target:
        return
    free = [d for d in range(first, last + 1) if plan[d - FIRST] is None and _OFF[d - FIRST]]
    rng.shuffle(free)
    for d in free[:target - have]:
        plan[d - FIRST] = _IN


def _plan_leaves(rng: random.Random, town: Town, posting: Posting, first: int, last: int, leave_p: float) -> None:
    """Leave requests, at most one starting in a month, never overlapping; their days become 请假."""
    free_from = first
    for m_first, m_last, work, _blocks in _MONTHS:
        if m_last < first or m_first > last or rng.random() >= leave_p:
            continue
        starts = [d for d in work if free_from <= d <= last]
        if not starts:
            continue
        start = rng.choice(starts)
        end = min(last, start + weighted(rng, W.LEAVE_LENGTHS) - 1)
        days = end - start + 1
        types = W.SHORT_LEAVE_TYPES if days <= 3 else W.MEDIUM_LEAVE_TYPES if days <= 7 else W.LONG_LEAVE_TYPES
        leave_type = weighted(rng, types)
        reason = rng.choice(W.LEAVE_REASONS[leave_type])
        approver = town.secretary.name if days <= LEAVE_COUNTY_DAYS_DEFAULT else "县委组织部"
        approved = start if leave_type == "病假" else max(first, start - rng.randint(1, 3))
        leave_id = town.w.new_id()
        stamp = STAMPS[approved]
        posting.leaves.append((leave_id, town.code, posting.team_id, posting.person.id, DAYS[start], DAYS[end],
                               leave_type, reason, approver, DAYS[approved], stamp, stamp, DEMO_USER))
        day: Day = ("请假", leave_type, reason, approver, leave_id)
        for d in range(start, end + 1):
            posting.plan[d - FIRST] = day
        free_from = end + 2


def write_attendance(town: Town) -> None:
    """The leave requests and the sign-in book's rows (one per day with an entry)."""
    if not town.size.attendance:
        return
    postings = town.postings + town.recalled
    label = town.label("生成驻村考勤")
    town.w.insert("leave_request", _LEAVE, sorted((r for p in postings for r in p.leaves), key=lambda r: r[4]), label)
    town.w.insert("attendance", _ATTENDANCE, _attendance_rows(town, postings), label)


def _attendance_rows(town: Town, postings: list[Posting]) -> Iterator[Row]:
    owner, new_id, days, stamps = town.code, town.w.new_id, DAYS, STAMPS
    for posting in postings:
        team_id, person_id = posting.team_id, posting.person.id
        for i, entry in enumerate(posting.plan):
            if entry is not None:
                d = FIRST + i
                stamp = stamps[d]
                yield (new_id(), owner, team_id, person_id, days[d], entry[0], entry[1], entry[2], entry[3], stamp,
                       stamp, DEMO_USER, entry[4])


# ---------------------------------------------------------------- spot checks

_UNEXCUSED_P = 0.02    # share of the regular checks that find a member away without leave
_EXCUSED_P = 0.025     # … that find a member on approved leave
_AGAIN_P = 0.4         # … that find absent again a member found absent before
_RECALL_ABSENCES = (1, 1, 1, 2, 2, 3)   # unexcused absences found before a member was recalled
_WEAK_WEIGHT = {"稳定": 1, "一般": 3, "松散": 6}   # who an unexcused absence falls on


def write_spot_checks(town: Town) -> None:
    """size.spot_checks checks over 2017-2018 on working days, plus those that led to the 2017 recalls."""
    rng = town.rng
    if not town.postings:
        return
    rows = []
    checkers = [c.format(t=town.name) for c in W.SPOT_CHECKERS]
    for posting in town.recalled:
        for _ in range(rng.choice(_RECALL_ABSENCES)):
            found = _absent_day(rng, [posting], [1])
            if found is not None:
                rows.append(_spot_row(town, found[0], found[1], checkers[rng.randrange(4)], 0, 0, rng))
    weights = [_WEAK_WEIGHT[p.profile] for p in town.postings]
    with_leave = [p for p in town.postings if p.leaves]
    caught: list[Posting] = []   # found absent before: checked again more often (重点抽查)
    for _ in range(town.size.spot_checks):
        r = rng.random()
        checker = rng.choice(checkers)
        found = None
        if r < _UNEXCUSED_P:
            again = caught and rng.random() < _AGAIN_P
            found, present, excused = _absent_day(rng, caught if again else town.postings,
                                                  [1] * len(caught) if again else weights), 0, 0
            if found is not None:
                caught.append(found[0])
        elif r < _UNEXCUSED_P + _EXCUSED_P and with_leave:
            found, present, excused = _leave_day(rng, with_leave), 0, 1
        if found is None:
            found, present, excused = _present_day(rng, town.postings), 1, 0
        if found is not None:
            rows.append(_spot_row(town, found[0], found[1], checker, present, excused, rng))
    rows.sort(key=lambda r: r[4])
    for r in rows:
        if not r[6] and not r[7] and r[4] <= DAYS[_YEAR_END_2017]:
            town.absences_2017[r[3]] += 1
    town.w.insert("spot_check", _SPOT, rows, town.label("生成抽查记录"))


def _spot_row(town: Town, posting: Posting, day: int, checker: str, present: int, excused: int,
              rng: random.Random) -> Row:
    now = town.w.now
    if present:
        note = rng.choice(W.SPOT_PRESENT_NOTES)
    elif excused:
        entry = posting.plan[day - FIRST]
        note = f"已请{entry[1] if entry else '假'}，手续齐全"
    else:
        note = rng.choice(W.SPOT_ABSENT_NOTES)
        posting.plan[day - FIRST] = ("缺勤", "", f"{checker}抽查时不在岗，未请假", "", None)
    return (town.w.new_id(), town.code, posting.team_id, posting.person.id, DAYS[day], checker, present, excused, note,
            now, now, DEMO_USER)


def _posted_work_days(posting: Posting) -> tuple[int, int]:
    first = max(FIRST, posting.start)
    return first, LAST_INDEX if posting.end is None else min(LAST_INDEX, posting.end)


def _absent_day(rng: random.Random, postings: list[Posting], weights: list[int]) -> tuple[Posting, int] | None:
    """A working day a member was not signed in as away on business or leave: the check finds them absent."""
    for _ in range(20):
        posting = rng.choices(postings, weights=weights)[0]
        first, last = _posted_work_days(posting)
        if first > last:
            continue
        d = rng.randint(first, last)
        entry = posting.plan[d - FIRST]
        if not _OFF[d - FIRST] and (entry is None or entry[0] in ("在村", "缺勤")):
            return posting, d
    return None


def _leave_day(rng: random.Random, postings: list[Posting]) -> tuple[Posting, int] | None:
    """A working day of a leave: the check finds the member away with leave."""
    posting = rng.choice(postings)
    leave = rng.choice(posting.leaves)
    start, end = day_index(date.fromisoformat(leave[4])), day_index(date.fromisoformat(leave[5]))
    days = [d for d in range(start, end + 1) if not _OFF[d - FIRST]]
    return (posting, rng.choice(days)) if days else None


def _present_day(rng: random.Random, postings: list[Posting]) -> tuple[Posting, int] | None:
    for _ in range(20):
        posting = rng.choice(postings)
        first, last = _posted_work_days(posting)
        if first > last:
            continue
        d = rng.randint(first, last)
        entry = posting.plan[d - FIRST]
        if not _OFF[d - FIRST] and entry is not None and entry[0] == "在村":
            return posting, d
    return None


# ---------------------------------------------------------------- the 2017 assessment

_PROPOSED = {"稳定": (23, 74, 3, 0), "一般": (10, 84, 6, 0), "松散": (8, 70, 19, 3)}   # % by rating, best first


def write_assessments(town: Town) -> None:
    """2017 ratings of everyone posted in 2017 (about 20% 优秀); recalled members 不称职; then the spot-check cap
    rule (1 unexcused absence: at most 称职, 2: 基本称职, 3: 不称职), its reason kept in capped_by."""
    rng, now = town.rng, town.w.now
    ratings = list(DEFAULTS["assessment.ratings"])
    caps = dict(DEFAULTS["assessment.absence_caps"])
    scores = {ratings[0]: (90, 98), ratings[1]: (80, 90), ratings[2]: (70, 80), ratings[-1]: (55, 70)}
    rows = []
    for posting in town.postings + town.recalled:
        if posting.start > _YEAR_END_2017:
            continue
        recalled = posting.end is not None
        weights = _PROPOSED[posting.profile]
        proposed = ratings[-1] if recalled else rng.choices(ratings[:4], weights=weights)[0]
        rating, capped_by = capped_rating(proposed, town.absences_2017[posting.person.id], ratings, caps)
        remarks = "年内被召回" if recalled else ""
        rows.append((town.w.new_id(), town.code, 2017, "person", posting.person.id,
                     round(rng.uniform(*scores[rating]), 1), rating, capped_by, "县委组织部", remarks, now, now,
                     DEMO_USER))
    town.w.insert("assessment", _ASSESSMENT, rows, town.label("生成年度考核"))

