"""Monthly progress of letter indicators: typed values (upsert, audit, refusals) and values counted from records."""

from typing import Any

import pytest

from tests.helpers import add_household, add_village

from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.progress import ProgressRepository
from lingqiu_desktop.data.store import NotOwnedError, Store

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

# X 脱贫人口 (higher, 0 → 100, weight 5), Y 贫困发生率 (lower, 10 → 2, weight 3), Z 错退率 (lower, 0 → 0, weight 2)
THREE = [("脱贫人口", "人", 0, 100, "higher", 5, "manual"), ("贫困发生率", "%", 10, 2, "lower", 3, "manual"),
         ("错退率", "%", 0, 0, "lower", 2, "manual")]
VILLAGES = [("201", "甲村"), ("202", "乙村"), ("203", "丙村")]


def add_letter(wb: Workbook, code: str, name: str, indicators: list[tuple], *, level: str = "乡对村",
               year: int = 2018, kind: str = "目标责任书", store: Store | None = None) -> tuple[str, list[str]]:
    """A letter to `code` with its indicators (name, unit, baseline, target, direction, weight, source)."""
    store = store or wb.store
    letter = store.insert("letter", {"kind": kind, "year": year, "level": level, "title": f"{year}年度目标责任书",
                                     "issuer_code": store.office_code, "issuer_name": "发包方",
                                     "receiver_code": code, "receiver_name": name})
    ids = []
    for k, (iname, unit, baseline, target, direction, weight, source) in enumerate(indicators):
        ids.append(store.insert("indicator", {
            "letter_id": letter["id"], "name": iname, "unit": unit, "baseline": baseline, "target": target,
            "direction": direction, "weight": weight, "source": source, "sort_order": k})["id"])
    return letter["id"], ids


def build_township(wb: Workbook) -> dict[str, Any]:
    """Three villages of 东河南镇, each with a 2018 乡对村 letter of the three indicators above; working date
    2018-11-30. Returns {village name: {"code", "village_id", "letter", "X", "Y", "Z"}}."""
    wb.settings.set(REFERENCE_DATE_KEY, "2018-11-30")
    built = {}
    for suffix, name in VILLAGES:
        village = add_village(wb, suffix, name)
        letter, ids = add_letter(wb, village["code"], name, THREE)
        built[name] = {"code": village["code"], "village_id": village["id"], "letter": letter,
                       **dict(zip("XYZ", ids, strict=True))}
    return built


def record(progress: ProgressRepository, unit: dict[str, Any], values: dict[str, dict[str, float]]) -> None:
    """values: {"X": {"2018-03": 30, ...}, ...}"""
    for key, months in values.items():
        for month, value in months.items():
            progress.set_value(unit[key], month, value)


def count(wb: Workbook, table: str) -> int:
    return wb.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@pytest.fixture
def town(workbook: Workbook) -> dict[str, Any]:
    return build_township(workbook)


# ---------------------------------------------------------------- typed values

def test_set_value_upserts_with_an_audit_row(workbook: Workbook, town: dict) -> None:
    progress = ProgressRepository(workbook.store)
    x = town["甲村"]["X"]
    progress.set_value(x, "2018-03", "30", note="入户核实")
    progress.set_value(x, "2018年3月", 32)              # a correction of the same month: one row, updated
    rows = workbook.db.execute("SELECT month, value, computed, note FROM indicator_progress "
                               "WHERE indicator_id = ?", [x]).fetchall()
    assert rows == [("2018-03", 32.0, 0, "")]
    actions = [r[0] for r in workbook.db.execute(
        "SELECT action FROM audit_log WHERE table_name = 'indicator_progress' ORDER BY id")]
    assert actions == ["insert", "update"]


def test_values_and_grid(workbook: Workbook, town: dict) -> None:
    progress = ProgressRepository(workbook.store)
    a = town["甲村"]
    record(progress, a, {"X": {"2018-01": 10, "2018-03": 30, "2018-06": 60}, "Y": {"2018-03": 8, "2018-06": 6}})
    progress.set_value(a["Z"], "2018-06", 0, note="无错退")
    assert progress.values(a["letter"]) == {a["X"]: {"2018-01": 10, "2018-03": 30, "2018-06": 60},
                                            a["Y"]: {"2018-03": 8, "2018-06": 6}, a["Z"]: {"2018-06": 0}}
    x, y, z = progress.grid(a["letter"], 2018)
    assert [r.indicator["name"] for r in (x, y, z)] == ["脱贫人口", "贫困发生率", "错退率"]
    assert z.notes == {"2018-06": "无错退"} and not x.computed and not x.is_computed
    # carry forward: February shows January's 10, May shows March's 30
    assert [x.value_at(f"2018-{m:02d}") for m in range(1, 8)] == [10, 10, 30, 30, 30, 60, 60]
    # completion in June: X (60 - 0) / 100 = 0.6; Y (10 - 6) / (10 - 2) = 0.5; Z 0 <= 0 → met, 1.0
    assert (x.completion_at("2018-06"), y.completion_at("2018-06"), z.completion_at("2018-06")) == (0.6, 0.5, 1.0)
    # trend against last month: X June 60 - May 30 = +30; X March 30 - February 10 = +20; Y February: none yet
    assert (x.change_at("2018-06"), x.change_at("2018-03"), y.change_at("2018-02"), x.change_at("2018-01")) == (
        30, 20, None, None)
    # lagging in June (half the year gone, threshold 0.8 → below 0.4): X 0.6 no; in March (0.25 × 0.8 = 0.2)
    # Z has no value yet → 未填报 lags
    assert not x.lagging_at("2018-06") and z.lagging_at("2018-03") and not z.lagging_at("2018-06")
    assert progress.grid(a["letter"], 2017)[0].values == {}


def test_delete_value_lets_the_month_carry_the_previous_one(workbook: Workbook, town: dict) -> None:
    progress = ProgressRepository(workbook.store)
    x = town["乙村"]["X"]
    record(progress, town["乙村"], {"X": {"2018-03": 30, "2018-04": 45}})
    assert progress.delete_value(x, "2018-04") is True
    assert progress.delete_value(x, "2018-04") is False
    assert progress.grid(town["乙村"]["letter"], 2018)[0].value_at("2018-04") == 30


@pytest.mark.parametrize(("month", "value", "message"), [
    ("2017-12", 5, "月份：应在责任书的年度（2018年）之内"),
    ("2018-12", 5, "月份：不能晚于当前工作月份（2018年11月）"),
    ("2018-13", 5, "月份：13月不存在"),
    ("", 5, "月份：不能为空"),
    ("2018-06", "很多", "完成值：应为数字"),
    ("2018-06", "", "完成值：不能为空"),
])
def test_bad_values_are_refused_and_nothing_is_saved(workbook: Workbook, town: dict, month: str, value: Any,
                                                      message: str) -> None:
    before = count(workbook, "indicator_progress"), count(workbook, "audit_log")
    with pytest.raises(ValidationError) as info:
        ProgressRepository(workbook.store).set_value(town["甲村"]["X"], month, value)
    assert str(info.value) == message
    assert (count(workbook, "indicator_progress"), count(workbook, "audit_log")) == before


def test_computed_indicators_are_not_typed(workbook: Workbook, town: dict) -> None:
    _, (visits,) = add_letter(workbook, town["甲村"]["code"], "甲村",
                              [("入户走访", "次", 0, 100, "higher", 1, "visits_made")])
    with pytest.raises(ValidationError) as info:
        ProgressRepository(workbook.store).set_value(visits, "2018-06", 10)
    assert str(info.value) == "完成值：该指标按“入户走访次数（次）”由系统根据记录自动统计，不能手工填报"


def test_only_the_issuer_or_the_receiver_writes_progress(workbook: Workbook) -> None:
    """The county may not type into a township's letter to its village (a row that came by USB)."""
    workbook.settings.set(REFERENCE_DATE_KEY, "2018-11-30")
    village = add_village(workbook, "201", "甲村")
    _, (x,) = add_letter(workbook, village["code"], "甲村", THREE[:1])
    county = Store(workbook.db, "140224", "县指挥中心")
    with pytest.raises(NotOwnedError, match="属于其他单位"):
        ProgressRepository(county).set_value(x, "2018-06", 10)
    # …while the township reports progress on the county's letter to it
    _, (county_x,) = add_letter(workbook, workbook.office_code, "东河南镇", THREE[:1], level="县对乡", store=county)
    ProgressRepository(workbook.store).set_value(county_x, "2018-06", 10)


# ---------------------------------------------------------------- computed sources

SOURCES = [("脱贫户数", "户", 0, 10, "higher", 1, "households_exited"),
           ("脱贫人数", "人", 0, 30, "higher", 1, "people_exited"),
           ("入户走访", "次", 0, 100, "higher", 1, "visits_made"),
           ("培训人次", "人次", 0, 50, "higher", 1, "training_person_times"),
           ("集体经济达标村", "个", 0, 1, "higher", 1, "collective_income_villages"),
           ("退出贫困村", "个", 0, 1, "higher", 1, "villages_exited")]


def add_records(wb: Workbook, town: dict) -> None:
    """甲村: 2 households exited in 2018 (3 and 4 members), 1 exited in 2017, 1 not yet; 3 visits in 2018
    (January, May, July) and 1 in 2017; the village exited in 2018 and has 12,000 yuan collective income.
    乙村: 1 household exited in 2018 (2 members); 1 visit in March. The township: a training in April with
    3 attendees marked present, 1 absent, 1 unmarked, and one in August with 2 present."""
    a, b = town["甲村"], town["乙村"]
    for village, members, year in ((a, 3, 2018), (a, 4, 2018), (a, 5, 2017), (b, 2, 2018)):
        h = add_household(wb, village["village_id"])
        wb.store.update("household", h["id"], {"status": "已脱贫", "exit_year": year, "member_count": members})
    add_household(wb, a["village_id"])
    wb.store.update("village", a["village_id"], {"status": "已退出", "exit_year": 2018, "collective_income": 12000})
    wb.store.update("village", b["village_id"], {"collective_income": 8000})
    for village, day in ((a, "2018-01-05"), (a, "2018-05-20"), (a, "2018-07-01"), (a, "2017-12-30"),
                         (b, "2018-03-03")):
        wb.store.insert("visit", {"township_code": wb.office_code, "village_id": village["village_id"],
                                  "visit_date": day, "kind": "入户走访"})
    for start, marks in (("2018-04-10", [True, True, True, False, None]), ("2018-08-01", [True, True])):
        training = wb.trainings.add({"title": "驻村工作队员培训", "start_date": start, "end_date": start,
                                     "audience": "驻村工作队员"})
        attendees = [wb.trainings.add_attendee(training["id"], values={"name": f"学员{k}"})["id"]
                     for k in range(len(marks))]
        wb.trainings.mark_attendance(training["id"], dict(zip(attendees, marks, strict=True)))


@pytest.mark.parametrize(("source", "village", "month", "expected"), [
    ("households_exited", "甲村", "2018-06", 2),         # the 2017 exit and the one not exited do not count
    ("households_exited", "乙村", "2018-06", 1),
    ("households_exited", "丙村", "2018-06", 0),
    ("people_exited", "甲村", "2018-06", 7),             # 3 + 4 members
    ("visits_made", "甲村", "2018-04", 1),               # January only (the 2017 visit is another year)
    ("visits_made", "甲村", "2018-05", 2),               # + 20 May
    ("visits_made", "甲村", "2018-11", 3),
    ("visits_made", "乙村", "2018-02", 0),
    ("visits_made", "乙村", "2018-03", 1),
    ("training_person_times", "甲村", "2018-03", 0),      # the township's trainings: none before April
    ("training_person_times", "甲村", "2018-06", 3),      # April: 3 present (absent and unmarked do not count)
    ("training_person_times", "乙村", "2018-09", 5),      # + August's 2
    ("collective_income_villages", "甲村", "2018-06", 1),  # 12,000 >= 10,000 (setting)
    ("collective_income_villages", "乙村", "2018-06", 0),  # 8,000
    ("villages_exited", "甲村", "2018-06", 1),
    ("villages_exited", "乙村", "2018-06", 0),
])
def test_computed_sources_count_the_records(workbook: Workbook, town: dict, source: str, village: str,
                                            month: str, expected: float) -> None:
    add_records(workbook, town)
    spec = next(s for s in SOURCES if s[6] == source)
    _, (iid,) = add_letter(workbook, town[village]["code"], village, [spec])
    assert ProgressRepository(workbook.store).compute(iid, month) == expected


def test_computed_sources_for_a_township(workbook: Workbook, town: dict) -> None:
    add_records(workbook, town)
    county = Store(workbook.db, "140224", "县指挥中心")
    _, ids = add_letter(workbook, workbook.office_code, "东河南镇", SOURCES, level="县对乡", store=county)
    progress = ProgressRepository(workbook.store)
    # households exited in 2018: 甲村 2 + 乙村 1 = 3; their people: 3 + 4 + 2 = 9; visits in 2018 up to June:
    # 甲村 2 + 乙村 1 = 3; training person-times up to June: 3; villages above 10,000 yuan: 甲村 only (1);
    # villages exited in 2018: 甲村 (1).
    assert [progress.compute(i, "2018-06") for i in ids] == [3, 9, 3, 3, 1, 1]


def test_refresh_computed_stores_counts(workbook: Workbook, town: dict) -> None:
    add_records(workbook, town)
    letter, ids = add_letter(workbook, town["甲村"]["code"], "甲村", [THREE[0], *SOURCES[:3]])
    progress = ProgressRepository(workbook.store)
    assert progress.refresh_computed(letter, "2018-05") == 3           # three computed indicators stored
    assert progress.refresh_computed(letter, "2018-05") == 0           # the same counts again change nothing
    stored = workbook.db.execute("SELECT indicator_id, value, computed FROM indicator_progress ORDER BY rowid")
    assert [tuple(r) for r in stored] == [(ids[1], 2.0, 1), (ids[2], 7.0, 1), (ids[3], 2.0, 1)]
    assert progress.compute(ids[0], "2018-05") is None                 # a typed indicator is not counted
    grid = progress.grid(letter, 2018)
    assert grid[3].computed == {"2018-05"} and grid[3].is_computed


def test_attendance_compliance(workbook: Workbook, town: dict) -> None:
    """甲村's team has two members posted all June: one 20 days in the village (meets 20), one 5 → 50 %.
    乙村 has no team: nothing to count (None)."""
    a = town["甲村"]
    team = workbook.store.insert("work_team", {"township_code": workbook.office_code, "village_id": a["village_id"],
                                               "name": "甲村驻村工作队", "start_date": "2018-01-01"})
    people = []
    for name in ("王队员", "李队员"):
        person = workbook.store.insert("person", {"township_code": workbook.office_code, "name": name})
        workbook.store.insert("team_membership", {"team_id": team["id"], "person_id": person["id"],
                                                  "start_date": "2018-01-01"})
        people.append(person["id"])
    days = [(people[0], f"2018-06-{d:02d}", "在村") for d in range(1, 21)]
    days += [(people[1], f"2018-06-{d:02d}", "在村") for d in range(1, 6)]
    workbook.attendance.set_days(team["id"], days)
    spec = ("在村天数达标率", "%", 0, 100, "higher", 1, "attendance_compliance")
    _, (in_a,) = add_letter(workbook, a["code"], "甲村", [spec])
    _, (in_b,) = add_letter(workbook, town["乙村"]["code"], "乙村", [spec])
    progress = ProgressRepository(workbook.store)
    assert progress.compute(in_a, "2018-06") == 50.0
    assert progress.compute(in_b, "2018-06") is None
