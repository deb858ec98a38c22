"""Poor households (建档立卡贫困户): families that fit together, members, incomes, helpers, and the sentences
that visits describe them with.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

from lingqiu_desktop.core.pinyin import initials

from lingqiu_desktop.data.demo import words as W
from lingqiu_desktop.data.demo.common import DEMO_USER, Row, birth_date, mobile, weighted
from lingqiu_desktop.data.demo.town import Household, Person, Town, Village, combo

_HOUSEHOLD = ("id owner township_code village_id group_name head_name head_initials head_id_number phone standard "
              "attribute main_cause other_causes member_count status identified_year exit_year per_capita_income "
              "bank_name bank_account arable_land_mu forest_land_mu housing_area housing_structure "
              "housing_danger_grade safe_water has_electricity relocation remarks created_at updated_at updated_by")
_MEMBER = ("id owner household_id name name_initials id_number sex relation ethnicity education school_status health "
           "labor_ability work_status work_months dibao medical_insurance pension sort_order created_at updated_at "
           "updated_by")
_INCOME = "id owner household_id year wage business transfer property costs created_at updated_at updated_by"
_HELPER = "id owner household_id person_id start_date end_date remarks created_at updated_at updated_by"


@dataclass(slots=True)
class _Member:
    relation: str
    male: bool
    age: int
    name: str = ""
    id_number: str = ""


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


def _name_family(town: Town, family: list[_Member]) -> None:
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
        m.id_number = town.id_numbers.make(rng, birth_date(rng, year - 1), m.male)


def write_households(town: Town, village_sizes: list[list[int]]) -> None:
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


def _helper_person(town: Town) -> Person:
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
                 weighted(rng, (("一般贫困户", 65), ("低保贫困户", 30))))
    relocation = int(rng.random() < 0.1)
    grade = "" if relocation or rng.random() < 0.85 else rng.choice("BCCD")
    return _Facts(status, exit_year, identified, attribute, weighted(rng, W.CAUSES), rng.randint(2, 16), relocation,
                  grade, weighted(rng, W.HOUSING_STRUCTURES), rng.randrange(40, 130, 5))


def _household(town: Town, v: Village, count: int, helper: Person, rows: dict[str, list[Row]]) -> Household:
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
            town.workers.append((m.name, v.name, mobile(rng)))
    for year, parts in zip((2017, 2018), incomes, strict=True):
        rows["household_income"].append((new_id(), town.code, hid, year, *parts, now, now, DEMO_USER))
    start = f"{max(2016, facts.identified)}-{rng.randint(3, 6):02d}-{rng.randint(1, 28):02d}"
    rows["helper_assignment"].append((new_id(), town.code, hid, helper.id, start, None, "", now, now, DEMO_USER))
    situations = _situations(rng, family, attrs, facts, incomes[0])
    return Household(hid, v, situations, (combo([helper]), combo([helper, v.cadre or helper])))


def _household_row(town: Town, hid: str, v: Village, head: _Member, facts: _Facts, count: int,
                   income2018: tuple[int, ...]) -> Row:
    rng, now = town.rng, town.w.now
    wage, business, transfer, prop, costs = income2018
    per_capita = round((wage + business + transfer + prop - costs) / count, 2)
    causes = [c for c, _ in W.CAUSES if c != facts.cause]
    other = "，".join(rng.sample(causes, rng.choice((0, 0, 1, 1, 2))))
    bank, prefix = rng.choice(W.BANKS)
    account = f"{prefix}{rng.randrange(10 ** 15):015d}"
    phone = mobile(rng) if rng.random() < 0.8 else ""
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
        return weighted(rng, (("文盲或半文盲", 40), ("小学", 50), ("初中", 10))), "非在校生"
    if age >= 40:
        return weighted(rng, (("小学", 40), ("初中", 50), ("高中", 10))), "非在校生"
    return weighted(rng, (("初中", 60), ("高中", 20), ("中专", 10), ("大专及以上", 10))), "非在校生"


def _member_attributes(rng: random.Random, family: list[_Member], facts: _Facts) -> list[tuple[Any, ...]]:
    """Per member: ethnicity, education, school status, health, labour, work status, months, 低保, 医保, 养老."""
    sick = 0 if facts.cause in ("因病", "因残") else -1
    if sick == 0 and len(family) > 1 and rng.random() < 0.3:
        sick = 1
    out = []
    for i, m in enumerate(family):
        education, school = _education(rng, m.age)
        if i == sick:
            health = "残疾" if facts.cause == "因残" else weighted(rng, (("长期慢性病", 70), ("患有大病", 30)))
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
