"""The "1+3" reviews on a township of three villages whose scores are worked out by hand.

Every village's 2018 乡对村 letter has X 脱贫人口 (higher, 0 → 100, weight 5), Y 贫困发生率 (lower, 10 → 2,
weight 3) and Z 错退率 (lower, 0 → 0: met or not, weight 2). Total weight 10, so an indicator's points are
weight × completion × 10. Recorded values:

    甲村  X: Jan 10, Mar 30, Jun 60    Y: Mar 8, Jun 6    Z: Mar 0, Jun 0
    乙村  X: Mar 30 (nothing after)    Y: Jun 4           Z: Jun 1 (not met)
    丙村  X: Jun 60                    Y: Mar 8, Jun 6    Z: Jun 0
"""

from pathlib import Path
from typing import Any

import pytest

from tests.data.test_progress import THREE, add_letter, add_records, build_township, record

from lingqiu_desktop.core.scoring import ScoringError
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.progress import ProgressRepository
from lingqiu_desktop.data.reviews import ReviewRepository, UnitScore
from lingqiu_desktop.data.store import Store

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

VALUES = {
    "甲村": {"X": {"2018-01": 10, "2018-03": 30, "2018-06": 60}, "Y": {"2018-03": 8, "2018-06": 6},
             "Z": {"2018-03": 0, "2018-06": 0}},
    "乙村": {"X": {"2018-03": 30}, "Y": {"2018-06": 4}, "Z": {"2018-06": 1}},
    "丙村": {"X": {"2018-06": 60}, "Y": {"2018-03": 8, "2018-06": 6}, "Z": {"2018-06": 0}},
}


@pytest.fixture
def town(workbook: Workbook) -> dict[str, Any]:
    built = build_township(workbook)
    progress = ProgressRepository(workbook.store)
    for name, values in VALUES.items():
        record(progress, built[name], values)
    return built


def by_name(units: list[UnitScore]) -> dict[str, UnitScore]:
    return {u.name: u for u in units}


def summary(units: list[UnitScore]) -> list[tuple]:
    return [(u.rank, u.name, round(u.score, 2), None if u.change is None else round(u.change, 2), u.lagging)
            for u in units]


def test_quarter_by_hand(workbook: Workbook, town: dict) -> None:
    # Q2 ends in June; the previous quarter ends in March. Lag: half the year gone × 0.8 → below 0.4 lags.
    # 甲村 June: X 60 → 0.6 → 30; Y 6 → (10-6)/8 = 0.5 → 15; Z 0 → met → 20.           65
    #      March: X 30 → 15; Y 8 → 2/8 = 0.25 → 7.5; Z 0 → 20.                         42.5 → change +22.5
    # 乙村 June: X 30 (March carried) → 15; Y 4 → 0.75 → 22.5; Z 1 → 0.                 37.5, lags X (0.3), Z (0)
    #      March: X 30 → 15; Y, Z not yet recorded → 0.                                 15 → change +22.5
    # 丙村 June: as 甲村, 65 (a tie: both 1st, next rank 3). March: Y 8 → 7.5.           7.5 → change +57.5
    units = ReviewRepository(workbook.store).quarterly("乡对村", "2018Q2")
    assert summary(units) == [(1, "甲村", 65.0, 22.5, 0), (1, "丙村", 65.0, 57.5, 0), (3, "乙村", 37.5, 22.5, 2)]
    assert [u.code for u in units] == [town["甲村"]["code"], town["丙村"]["code"], town["乙村"]["code"]]
    assert all(u.rating == "" for u in units)      # a rating only in the annual assessment


def test_the_breakdown_of_a_score(workbook: Workbook, town: dict) -> None:
    yi = by_name(ReviewRepository(workbook.store).units("乡对村", "2018Q2"))["乙村"]
    rows = [(s.name, s.value, s.value_month, s.previous_value, s.completion, round(s.score_part, 2), s.lagging)
            for s in yi.indicators]
    assert rows == [("脱贫人口", 30.0, "2018-03", 30.0, 0.3, 15.0, True),     # carried from March
                    ("贫困发生率", 4.0, "2018-06", None, 0.75, 22.5, False),
                    ("错退率", 1.0, "2018-06", None, 0.0, 0.0, True)]
    assert sum(s.score_part for s in yi.indicators) == pytest.approx(yi.score)
    x = yi.indicators[0]
    assert (x.unit, x.weight, x.baseline, x.target, x.direction, x.source) == ("人", 5, 0, 100, "higher", "manual")


def test_month_by_hand(workbook: Workbook, town: dict) -> None:
    # March (previous month February). Lag: 3/12 × 0.8 = 0.2.
    # 甲村: X 30 → 15; Y 8 → 7.5; Z 0 → 20 = 42.5. February: X 10 (January carried) → 5 → change +37.5
    # 乙村: X 30 → 15; Y, Z 未填报 (lag) = 15. February: nothing → 0 → change +15
    # 丙村: Y 8 → 7.5; X, Z 未填报 (lag) = 7.5. February: 0 → change +7.5
    units = ReviewRepository(workbook.store).monthly_summary("乡对村", "2018-03")
    assert summary(units) == [(1, "甲村", 42.5, 37.5, 0), (2, "乙村", 15.0, 15.0, 2), (3, "丙村", 7.5, 7.5, 2)]
    # January has no previous month within the letter's year: no change
    assert [u.change for u in ReviewRepository(workbook.store).units("乡对村", "2018-01")] == [None] * 3


def test_year_by_hand(workbook: Workbook, town: dict) -> None:
    # December: every value carried from June → 65, 37.5, 65. The whole year gone → below 0.8 lags:
    # 甲村 X 0.6, Y 0.5 (2); 乙村 X 0.3, Y 0.75, Z 0 (3); 丙村 2. Ratings (≥ 90 优秀, 80 良好, 60 合格): 合格, 不合格.
    units = ReviewRepository(workbook.store).annual("乡对村", 2018)
    assert summary(units) == [(1, "甲村", 65.0, None, 2), (1, "丙村", 65.0, None, 2), (3, "乙村", 37.5, None, 3)]
    assert [u.rating for u in units] == ["合格", "合格", "不合格"]


def test_ratings_and_lag_threshold_are_settings(workbook: Workbook, town: dict) -> None:
    workbook.settings.set("review.ratings", [["好", 60], ["较差", 0]])
    workbook.settings.set("review.lag_threshold", 0.5)     # June: below 0.25 lags → only 乙村's Z (0)
    reviews = ReviewRepository(workbook.store)
    assert [u.rating for u in reviews.annual("乡对村", "2018")] == ["好", "好", "较差"]
    assert [u.lagging for u in reviews.quarterly("乡对村", "2018Q2")] == [0, 0, 1]


def test_progress_changes_the_ranking(workbook: Workbook, town: dict) -> None:
    # 乙村 reports X 100 in June: X 1.0 → 50; 50 + 22.5 + 0 = 72.5, now first.
    ProgressRepository(workbook.store).set_value(town["乙村"]["X"], "2018-06", 100)
    units = ReviewRepository(workbook.store).quarterly("乡对村", "2018Q2")
    assert summary(units)[0] == (1, "乙村", 72.5, 57.5, 1)


def test_ranking_trend(workbook: Workbook, town: dict) -> None:
    # 甲村 by month: Jan X 10 → 5; Feb 5; Mar 42.5; Apr 42.5; May 42.5; Jun 65 … Nov 65; Dec after the working date.
    # 乙村: nothing before March → None; 丙村: nothing before March (Y 8 → 7.5).
    trend = ReviewRepository(workbook.store).ranking_trend("乡对村", 2018)
    assert trend[town["甲村"]["code"]] == pytest.approx([5, 5, 42.5, 42.5, 42.5, 65, 65, 65, 65, 65, 65, None])
    assert trend[town["乙村"]["code"]][:4] == [None, None, 15, 15]
    assert trend[town["丙村"]["code"]][:6] == [None, None, 7.5, 7.5, 7.5, 65]


def test_a_township_sees_its_own_villages(workbook: Workbook, town: dict) -> None:
    reviews = ReviewRepository(workbook.store)
    assert len(reviews.units("乡对村", "2018Q2", "140224101")) == 3
    assert reviews.units("乡对村", "2018Q2", "140224102") == []
    assert reviews.units("乡对村", "2017Q2") == []           # no letters that year


def test_both_kinds_of_letter_pool_into_one_score(workbook: Workbook, town: dict) -> None:
    # 乙村 also signed a 军令状 with one indicator W (higher, 0 → 10, weight 10) reported 5 in May:
    # total weight 20; X 5 × 0.3 / 20 × 100 = 7.5; Y 3 × 0.75 × 5 = 11.25; Z 0; W 10 × 0.5 × 5 = 25 → 43.75
    _, (w,) = add_letter(workbook, town["乙村"]["code"], "乙村", [("产业项目", "个", 0, 10, "higher", 10, "manual")],
                         kind="军令状")
    ProgressRepository(workbook.store).set_value(w, "2018-05", 5)
    yi = by_name(ReviewRepository(workbook.store).quarterly("乡对村", "2018Q2"))["乙村"]
    assert round(yi.score, 2) == 43.75 and len(yi.indicators) == 4


def test_a_computed_indicator_counts_the_records(workbook: Workbook, town: dict) -> None:
    # 甲村 and 乙村 add 入户走访 (visits_made, 0 → 4, weight 10). add_records: 甲村 has visits on 5 Jan and 20 May
    # (2 by June; 1 by March), 乙村 one on 3 March. Total weight 20:
    # 甲村 Q2: 65 / 2 (the old three now weigh 10 of 20) = 32.5, + visits 2/4 → 10 × 0.5 × 5 = 25 → 57.5
    # 乙村 Q2: 37.5 / 2 = 18.75 + 1/4 → 10 × 0.25 × 5 = 12.5 → 31.25
    add_records(workbook, town)
    spec = ("入户走访", "次", 0, 4, "higher", 10, "visits_made")
    for name in ("甲村", "乙村"):
        add_letter(workbook, town[name]["code"], name, [spec], kind="军令状")
    units = by_name(ReviewRepository(workbook.store).quarterly("乡对村", "2018Q2"))
    assert round(units["甲村"].score, 2) == 57.5 and round(units["乙村"].score, 2) == 31.25
    visits = units["甲村"].indicators[-1]
    assert (visits.value, visits.previous_value, visits.source) == (2.0, 1.0, "visits_made")


def test_an_impossible_indicator_names_the_unit(workbook: Workbook, town: dict) -> None:
    add_letter(workbook, town["丙村"]["code"], "丙村", [("宣传报道", "篇", 0, 5, "higher", 0, "manual")])
    with pytest.raises(ScoringError) as info:
        ReviewRepository(workbook.store).quarterly("乡对村", "2018Q2")
    assert str(info.value) == "丙村：指标“宣传报道”的权重为0，权重必须大于0"


@pytest.mark.parametrize(("call", "message"), [
    (lambda r: r.quarterly("乡对村", "2018Q5"), "季度：第5季度不存在"),
    (lambda r: r.quarterly("乡对村", "2018-06"), "季度：格式应为YYYYQn，如2018Q2"),
    (lambda r: r.monthly_summary("乡对村", "2018-13"), "月份：13月不存在"),
    (lambda r: r.annual("乡对村", "18"), "年度：应为4位数字年份，如2018"),
    (lambda r: r.units("乡对乡", "2018"), "考核层级：应为县对乡或乡对村"),
])
def test_bad_periods_and_levels(workbook: Workbook, call: Any, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        call(ReviewRepository(workbook.store))
    assert str(info.value) == message


def test_the_county_ranks_townships(tmp_path: Path) -> None:
    # Two townships' 县对乡 letters, X and Y only (total weight 8): points = weight × c / 8 × 100.
    # 东河南镇 June: X 50 → 5 × 0.5 × 12.5 = 31.25; Y 2 → met, 3 × 1 × 12.5 = 37.5 → 68.75
    # 上寨镇   June: X 80 → 50; Y 10 → 0 → 50
    with Workbook.create(tmp_path / "county.sqlite3", "140224") as county:
        county.settings.set(REFERENCE_DATE_KEY, "2018-11-30")
        progress = ProgressRepository(county.store)
        for code, name, x, y in (("140224101", "东河南", 50, 2), ("140224102", "上寨", 80, 10)):
            _, (ix, iy) = add_letter(county, code, name, THREE[:2], level="县对乡", kind="军令状")
            progress.set_value(ix, "2018-06", x)
            progress.set_value(iy, "2018-06", y)
        units = ReviewRepository(county.store).quarterly("县对乡", "2018Q2")
        assert summary(units) == [(1, "东河南镇", 68.75, 68.75, 0), (2, "上寨镇", 50.0, 50.0, 1)]
        township_store = Store(county.db, "140224101", "东河南镇")
        assert [u.name for u in ReviewRepository(township_store).units("县对乡", "2018Q2", "140224101")] == [
            "东河南镇"]
