"""Responsibility letters (目标责任书, 军令状) with indicators and monthly progress; work groups with their
board; meetings with their decisions. The county's own letters, board and meetings are made here too.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from lingqiu_desktop.core.offices import COUNTY_CODE, COUNTY_NAME

from lingqiu_desktop.data.demo import words as W
from lingqiu_desktop.data.demo.common import (
    DAYS,
    DEMO_USER,
    EPOCH,
    LAST_DAY,
    LAST_INDEX,
    YEARS,
    Row,
    day_index,
    fit,
    split,
    weighted,
)
from lingqiu_desktop.data.demo.names import Namer
from lingqiu_desktop.data.demo.sizes import DemoSize
from lingqiu_desktop.data.demo.town import Town
from lingqiu_desktop.data.demo.writer import Writer

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


def write_township_letters(town: Town) -> None:
    """乡对村: each village's yearly 目标责任书, 军令状 for poor villages, then topical letters up to the budget."""
    rng = town.rng
    base, extra = [], []
    for year in YEARS:
        for v in town.villages:
            signers = (v.secretary.name if v.secretary else "", "党支部书记",
                       v.director.name if v.director else "", "村委会主任")
            signed = day_index(date(year, 3, 1)) + rng.randrange(30)
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


def _write_letters(w: Writer, rng: random.Random, owner: str, level: str, issuer: tuple[str, ...],
                   letters: list[_Letter], indicators: int, scale: float) -> None:
    letters.sort(key=lambda x: (x.year, x.signed))
    counts = fit([rng.randint(6, 14) for _ in letters], indicators, 1, len(W.INDICATORS), rng)
    rows, indicator_rows, progress_rows = [], [], []
    for letter, count in zip(letters, counts, strict=True):
        lid = w.new_id()
        rows.append(_letter_row(w, rng, lid, owner, level, issuer, letter))
        for k, (spec, weight) in enumerate(zip(rng.sample(W.INDICATORS, count), split(100, [1] * count),
                                              strict=True)):
            row = _indicator_row(w, rng, owner, lid, spec, weight, k, letter.year, scale)
            indicator_rows.append(row)
            progress_rows.extend(_progress_rows(w, rng, owner, row, letter.year))
    label = "生成目标责任书" if level == "乡对村" else "生成县对乡责任书"
    w.insert("letter", _LETTER, rows, label)
    w.insert("indicator", _INDICATOR, indicator_rows, label)
    w.insert("indicator_progress", _PROGRESS, progress_rows, label)


def _letter_row(w: Writer, rng: random.Random, lid: str, owner: str, level: str, issuer: tuple[str, ...],
                letter: _Letter) -> Row:
    signed = min(letter.signed, LAST_INDEX)
    drafted = DAYS[signed - rng.randint(7, 20)]
    status = "已考核" if letter.year < 2018 else "执行中" if rng.random() < 0.9 else "已签订"
    code, name, s1, t1, s2, t2 = issuer
    return (lid, owner, letter.kind, letter.year, level, letter.title, code, name, letter.receiver_code,
            letter.receiver_name, s1, t1, s2, t2, *letter.receiver_signers, W.LETTER_CLAUSES[letter.kind],
            letter.template, drafted, DAYS[signed], f"{letter.year}-12-31", status, drafted + "T09:00:00",
            w.now, DEMO_USER)


def _indicator_row(w: Writer, rng: random.Random, owner: str, letter_id: str, spec: W.Indicator, weight: int,
                   sort_order: int, year: int, scale: float) -> Row:
    name, unit, direction, (b_lo, b_hi), (t_lo, t_hi) = spec
    factor = 1.0 if unit in ("%",) else scale
    digits = 1 if unit in ("%", "万元") else 0
    baseline = round(rng.uniform(b_lo, b_hi) * factor, digits)
    target = round(max(rng.uniform(t_lo, t_hi) * factor, 1 if unit not in ("%", "万元") else 0.1), digits)
    return (w.new_id(), owner, letter_id, name, unit, baseline, target, direction, weight, f"{year}-12-31",
            "manual", sort_order, w.now, w.now, DEMO_USER)


def _progress_rows(w: Writer, rng: random.Random, owner: str, indicator: Row, year: int) -> Iterator[Row]:
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


def write_county_letters(w: Writer, rng: random.Random, towns: list[Town], budget: int, indicators: int) -> None:
    """县对乡: each year a 目标责任书 and a 军令状 per township (军令状 of 2018 signed on 2018-03-22)."""
    namer = Namer(rng)
    leaders = (namer.full(True, 1963), namer.full(True, 1966))
    letters = []
    for year in YEARS:
        for town in towns:
            signers = (town.secretary.name, "党委书记", town.head.name, f"{town.suffix}长")
            for kind in ("目标责任书", "军令状"):
                signed = day_index(date(2018, 3, 22) if (year, kind) == (2018, "军令状") else date(year, 2, 20))
                title = f"{year}年度脱贫攻坚目标责任书" if kind == "目标责任书" else f"{year}年脱贫攻坚军令状"
                template = "county_township_target" if kind == "目标责任书" else "county_township_order"
                letters.append(_Letter(kind, year, title, template, signed, town.code, town.name, signers))
    issuer = (COUNTY_CODE, COUNTY_NAME, leaders[0], "县委书记", leaders[1], "县长")
    _write_letters(w, rng, COUNTY_CODE, "县对乡", issuer, letters[:budget], indicators, 1.0)


def _mondays(weeks: int) -> list[int]:
    last = LAST_INDEX - (LAST_DAY.weekday())
    return [last - 7 * i for i in reversed(range(weeks))]


def write_board(w: Writer, rng: random.Random, owner: str, groups: Sequence[str], leaders: Sequence[str],
           size: DemoSize) -> None:
    """Work groups and their blackboard: 上月完成 and 本周计划 for recent Mondays; late plans carry over."""
    group_rows, items = [], []
    namer = Namer(rng)
    for k, name in enumerate(groups):
        gid = w.new_id()
        leader = leaders[k % len(leaders)] if leaders else namer.full(True, 1968)
        group_rows.append((gid, owner, name, leader, k, 1, w.now, w.now, DEMO_USER))
        items.extend(_board_items(w, rng, owner, gid, leader, _mondays(size.board_weeks)))
    w.insert("work_group", _GROUP, group_rows, "生成工作组")
    w.insert("board_item", _BOARD, items, "生成工作组")


def _board_items(w: Writer, rng: random.Random, owner: str, gid: str, leader: str, weeks: list[int]) -> list[Row]:
    rows: list[Row] = []
    late: list[Row] = []
    for i, day in enumerate(weeks):
        week, month = DAYS[day], (EPOCH + timedelta(days=day - 28)).month
        stamp = f"{week}T08:30:00"
        for k, text in enumerate(rng.sample(W.BOARD_DONE, 2)):
            content = text.format(m=month, n=rng.randint(3, 40))
            rows.append((w.new_id(), owner, gid, week, "上月完成", content, leader, "已完成", None, k, stamp, stamp,
                         DEMO_USER))
        plans = [(r[5], r[0]) for r in late] + [(t, None) for t in rng.sample(W.BOARD_PLANS, 2)]
        late = []
        for k, (content, carried) in enumerate(plans):
            last = i == len(weeks) - 1
            status = rng.choice(("未开始", "进行中")) if last else weighted(rng, (("已完成", 70), ("滞后", 15),
                                                                                  ("进行中", 15)))
            row = (w.new_id(), owner, gid, week, "本周计划", content, leader, status, carried, 2 + k, stamp, stamp,
                   DEMO_USER)
            rows.append(row)
            if status in ("滞后", "进行中") and not last:
                late.append(row)
    return rows


def write_meetings(w: Writer, rng: random.Random, owner: str, office: str, count: int, groups: Sequence[str]) -> None:
    """联席会 (March and September 2018) and weekly 例会 on the last Mondays, each with 2-4 decisions."""
    dates = [("联席会", day_index(date(2018, 3, 20))), ("联席会", day_index(date(2018, 9, 18)))][:count]
    dates += [("例会", d) for d in _mondays(max(0, count - 2))]
    meetings, decisions = [], []
    for n, (kind, day) in enumerate(sorted(dates, key=lambda x: x[1]), start=1):
        mid = w.new_id()
        stamp = f"{DAYS[day]}T11:30:00"
        title = f"{office}脱贫攻坚{'联席会议' if kind == '联席会' else '工作例会'}（第{n}次）"
        minutes = "听取各工作组上月工作完成情况和本周工作计划汇报，点名通报工作滞后的组，部署下步工作。"
        meetings.append((mid, owner, kind, DAYS[day], title, "、".join(groups), minutes, stamp, stamp, DEMO_USER))
        for k, text in enumerate(rng.sample(W.MEETING_DECISIONS, rng.randint(2, 4))):
            due = day + rng.randint(7, 30)
            done = int(due <= LAST_INDEX and rng.random() < 0.8)
            decisions.append((w.new_id(), owner, mid, text, rng.choice(groups), DAYS[due], done, k, stamp, stamp,
                              DEMO_USER))
    w.insert("meeting", _MEETING, meetings, "生成会议记录")
    w.insert("meeting_decision", _DECISION, decisions, "生成会议记录")
