"""Trainings (培训) with their attendees, drawn from the people each audience names: held ones (2016-03..2018-11,
attendance marked) and a few planned for the weeks after the demo's last day (attendees registered, not marked)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from lingqiu_desktop.core.settings import DEFAULTS

from lingqiu_desktop.data.demo import words as W
from lingqiu_desktop.data.demo.common import DAYS, DEMO_USER, LAST_INDEX, Row, day_index, weighted
from lingqiu_desktop.data.demo.town import Town

_TRAINING = ("id owner township_code title topic start_date end_date time_slots hours venue trainer trainer_post "
             "organiser audience remarks created_at updated_at updated_by")
_PLANNED = ((1, 3), (2, 4), (3, 2))   # trainings planned for 2018-12-01..12-20, per township
_ATTENDEE = ("id owner training_id person_id name unit post phone attended sort_order created_at updated_at "
             "updated_by")


def _training_pools(town: Town) -> dict[str, list[tuple[str | None, str, str, str, str]]]:
    """Who can attend each audience: (person_id, name, unit, post, phone)."""
    team = [(p.person.id, p.person.name, p.person.unit, p.person.post, p.person.phone) for p in town.postings]
    secretaries = [t for t, p in zip(team, town.postings, strict=True)
                   if any(v.team and v.team.first_secretary is p.person for v in town.villages)]
    cadres = [(p.id, p.name, p.unit, p.post, p.phone) for v in town.villages for p in (v.secretary, v.director) if p]
    workers = [(None, name, village, "", phone) for name, village, phone in town.workers]
    audiences = DEFAULTS["training.audiences"]
    pools = dict(zip(audiences, (team, secretaries, cadres, workers), strict=False))
    return {a: pools.get(a) or team or cadres or workers for a in audiences}


def write_trainings(town: Town) -> None:
    rng, size = town.rng, town.size
    pools = _training_pools(town)
    audiences = list(pools)
    weights = [35, 10, 30, 25][: len(audiences)] + [10] * max(0, len(audiences) - 4)
    chosen = rng.choices(audiences, weights=weights, k=size.trainings)
    start, end = day_index(date(2016, 3, 1)), LAST_INDEX - 2
    days = sorted(rng.randint(start, end) for _ in chosen)
    numbers: Counter[tuple[str, int]] = Counter()
    trainings, attendees = [], []
    for audience, day in zip(chosen, days, strict=True):
        year = int(DAYS[day][:4])
        numbers[audience, year] += 1
        row = _training_row(town, audience, day, numbers[audience, year])
        trainings.append(row)
        attendees.extend(_attendee_rows(town, row[0], pools[audience]))
    planned = weighted(rng, _PLANNED)
    upcoming = sorted(rng.sample(range(LAST_INDEX + 1, LAST_INDEX + 21), planned))
    for audience, day in zip(rng.choices(audiences, weights=weights, k=planned), upcoming, strict=True):
        numbers[audience, 2018] += 1
        row = _training_row(town, audience, day, numbers[audience, 2018], planned=True)
        trainings.append(row)
        attendees.extend(_attendee_rows(town, row[0], pools[audience], planned=True))
    label = town.label("生成培训记录")
    town.w.insert("training", _TRAINING, trainings, label)
    town.w.insert("training_attendee", _ATTENDEE, attendees, label)


def _training_row(town: Town, audience: str, day: int, number: int, planned: bool = False) -> Row:
    rng, now = town.rng, town.w.now
    topic = rng.choice(W.TRAINING_TOPICS.get(audience, W.TRAINING_TOPICS["驻村工作队员"]))
    year = DAYS[day][:4]
    subject = topic if audience == DEFAULTS["training.audiences"][-1] else audience
    length = rng.choice((0, 0, 0, 1, 2))
    slots, hours = rng.choice(W.TRAINING_SLOTS)
    org, post = rng.choice(W.TRAINERS)
    trainer = f"{town.namer.full(rng.random() < 0.7, rng.randint(1965, 1985))}"
    venue = rng.choice(W.TRAINING_VENUES).format(t=town.name)
    organiser = "县委组织部" if audience == "第一书记" else f"{town.name}党委"
    end = day + length if planned else min(LAST_INDEX, day + length)
    remarks = "已发通知，待举办" if planned else ""
    return (town.w.new_id(), town.code, town.code, f"{town.name}{year}年{subject}培训班（第{number}期）", topic,
            DAYS[day], DAYS[end], slots, hours * (length + 1), venue, trainer, org.format(t=town.name) + post,
            organiser, audience, remarks, now, now, DEMO_USER)


def _attendee_rows(town: Town, training_id: str, pool: list[tuple[str | None, str, str, str, str]],
                   planned: bool = False) -> list[Row]:
    """The 签到表: who was registered, and whether they came (None until marked, so for planned trainings)."""
    rng, now, size = town.rng, town.w.now, town.size
    want = max(1, round(size.attendees_per_training * rng.uniform(0.7, 1.3)))
    people = rng.sample(pool, min(want, len(pool)))
    return [(town.w.new_id(), town.code, training_id, pid, name, unit, post, phone,
             None if planned else int(rng.random() < 0.94), k, now, now, DEMO_USER)
            for k, (pid, name, unit, post, phone) in enumerate(people)]
