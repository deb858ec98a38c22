"""Scoring rules of the "1+3" reviews, on a small data set worked out by hand in the comments."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lingqiu_desktop.core import scoring
from lingqiu_desktop.core.scoring import (
    ScoringError,
    completion,
    elapsed_share,
    is_lagging,
    parse_period,
    rank,
    rating_for,
    value_at,
    weighted_score,
)
from lingqiu_desktop.core.validation import ValidationError

RATINGS = [["优秀", 90], ["良好", 80], ["合格", 60], ["不合格", 0]]


# ---------------------------------------------------------------- completion of one indicator

@pytest.mark.parametrize(("baseline", "target", "value", "direction", "expected"), [
    (0, 100, 50, "higher", 0.5),          # (50 - 0) / (100 - 0)
    (20, 120, 95, "higher", 0.75),        # (95 - 20) / (120 - 20) = 75 / 100
    (0, 100, 130, "higher", 1.3),         # beat the target: not clamped here
    (20, 120, 10, "higher", -0.1),        # went backwards: (10 - 20) / 100
    (10, 2, 4, "lower", 0.75),            # 贫困发生率 10 % → 2 %: (10 - 4) / (10 - 2) = 6 / 8
    (10, 2, 12, "lower", -0.25),          # rose instead: (10 - 12) / 8
    (10, 2, 1, "lower", 1.125),           # below the target: (10 - 1) / 8
])
def test_completion_by_hand(baseline: float, target: float, value: float, direction: str, expected: float) -> None:
    assert completion(baseline, target, value, direction) == pytest.approx(expected)


@pytest.mark.parametrize(("baseline", "target", "value", "direction", "expected"), [
    (0, 0, 0, "lower", 1.0),      # 错退率 kept at 0: met
    (0, 0, 0.5, "lower", 0.0),    # 错退率 0.5 % against a target of 0: not met
    (5, 5, 6, "higher", 1.0),     # zero span, higher: 6 >= 5 met
    (5, 5, 5, "higher", 1.0),     # exactly the target: met
    (5, 5, 4, "higher", 0.0),     # 4 < 5: not met
    (0, 0, 0, "higher", 1.0),     # a zero target, reached
])
def test_zero_span_is_met_or_not_never_a_division(baseline: float, target: float, value: float, direction: str,
                                                  expected: float) -> None:
    assert completion(baseline, target, value, direction) == expected


def test_no_value_is_not_reported() -> None:
    assert completion(0, 100, None, "higher") is None
    assert completion(5, 5, None, "lower") is None


@pytest.mark.parametrize("direction", ["up", "", "Higher", "越高越好"])
def test_bad_direction_is_refused_in_chinese(direction: str) -> None:
    with pytest.raises(ScoringError, match="方向.*无效.*越高越好（higher）或越低越好（lower）"):
        completion(0, 100, 50, direction)


@pytest.mark.parametrize("weight", [0, -1, -0.5, math.nan])
def test_weight_must_be_positive(weight: float) -> None:
    with pytest.raises(ScoringError, match="权重必须大于0"):
        weighted_score([(1, 0.5), (weight, 0.5)])
    with pytest.raises(ScoringError, match="指标“脱贫人口”的权重"):
        scoring.check_weight(weight, "脱贫人口")


# ---------------------------------------------------------------- a unit's score, ranks, ratings

# Four villages, three indicators each: X 脱贫人口 (higher, 0 → 100, weight 5), Y 贫困发生率 (lower, 10 → 2,
# weight 3), Z 错退率 (lower, 0 → 0, weight 2). Total weight 10, so each indicator's points = weight × c × 10.
#   甲村: X 60 → 0.6 → 30;  Y 6 → (10-6)/8 = 0.5 → 15;  Z 0 → met → 20.            Score 65.
#   乙村: X 30 → 0.3 → 15;  Y 4 → 6/8 = 0.75 → 22.5;    Z 1 → not met → 0.         Score 37.5.
#   丙村: X 120 → 1.2, capped at 1 → 50;  Y 未填报 → 0;  Z 0 → 20.                  Score 70.
#   丁村: X 60 → 30;  Y 6 → 15;  Z 0 → 20.                                          Score 65 (ties 甲村).
# Ranking "1224": 丙 1, 甲 2, 丁 2, 乙 4.
SPECS = {"X": (0, 100, "higher", 5), "Y": (10, 2, "lower", 3), "Z": (0, 0, "lower", 2)}
VALUES = {"甲村": {"X": 60, "Y": 6, "Z": 0}, "乙村": {"X": 30, "Y": 4, "Z": 1},
          "丙村": {"X": 120, "Y": None, "Z": 0}, "丁村": {"X": 60, "Y": 6, "Z": 0}}


def unit_score(values: dict) -> float:
    items = []
    for key, (baseline, target, direction, weight) in SPECS.items():
        items.append((weight, completion(baseline, target, values[key], direction)))
    return weighted_score(items)


def test_weighted_scores_and_ranks_by_hand() -> None:
    scores = {name: unit_score(v) for name, v in VALUES.items()}
    assert scores == pytest.approx({"甲村": 65.0, "乙村": 37.5, "丙村": 70.0, "丁村": 65.0})
    assert rank(scores) == {"丙村": 1, "甲村": 2, "丁村": 2, "乙村": 4}


def test_score_parts_add_up_to_the_score() -> None:
    # 乙村: X 5 × 0.3 / 10 × 100 = 15; Y 3 × 0.75 / 10 × 100 = 22.5; Z 0.
    parts = [scoring.score_part(5, 0.3, 10), scoring.score_part(3, 0.75, 10), scoring.score_part(2, 0.0, 10)]
    assert parts == pytest.approx([15, 22.5, 0])
    assert sum(parts) == pytest.approx(unit_score(VALUES["乙村"]))


def test_scores_tie_when_equal_to_two_decimals() -> None:
    # 80.004 and 79.996 both print as 80.00: one rank, the next rank (3) is skipped; 79.994 prints 79.99.
    assert rank({"a": 80.004, "b": 79.996, "c": 79.994, "d": 95}) == {"d": 1, "a": 2, "b": 2, "c": 4}
    assert rank({}) == {}
    assert rank({"a": 10.0, "b": 10.0, "c": 10.0}) == {"a": 1, "b": 1, "c": 1}


def test_negative_completion_scores_zero_and_nothing_scores_zero() -> None:
    assert weighted_score([(1, -0.5), (1, None)]) == 0
    assert weighted_score([]) == 0
    # a cap above 1 lets beating targets count: weight 1 at 1.2, weight 1 at 0.5, cap 1.2 → (1.2 + 0.5) / 2 × 100
    assert weighted_score([(1, 1.3), (1, 0.5)], cap=1.2) == pytest.approx(85)


@pytest.mark.parametrize(("score", "rating"), [
    (100, "优秀"), (90, "优秀"), (89.996, "优秀"),   # 89.996 prints as 90.00: rated as printed
    (89.99, "良好"), (80, "良好"), (65, "合格"), (60, "合格"), (59.99, "不合格"), (0, "不合格"), (-3, "不合格"),
])
def test_rating_on_the_configured_scale(score: float, rating: str) -> None:
    assert rating_for(score, RATINGS) == rating


def test_rating_scale_order_does_not_matter_and_bad_scales_are_refused() -> None:
    assert rating_for(85, [["合格", 60], ["优秀", 85], ["不合格", 0]]) == "优秀"
    with pytest.raises(ValidationError, match="考核等次：至少要有1项"):
        rating_for(50, [])
    with pytest.raises(ValidationError, match="最低分应为数字"):
        rating_for(50, [["优秀", "很高"]])


# ---------------------------------------------------------------- missing months, lag

def test_missing_months_carry_forward_within_the_year() -> None:
    values = {"2017-12": 99.0, "2018-01": 10.0, "2018-03": 30.0, "2018-06": 60.0}
    assert value_at(values, "2018-02") == 10      # February not recorded: January's value
    assert value_at(values, "2018-05") == 30      # April, May: March's value
    assert value_at(values, "2018-06") == 60
    assert value_at(values, "2018-12") == 60      # the year's end: June's value
    assert value_at({"2017-12": 99.0}, "2018-01") is None   # last year's value never carries into a new letter


@pytest.mark.parametrize(("month", "share"), [("2018-06", 0.5), ("2018-01", 1 / 12), ("2018-12", 1.0),
                                              ("2017-12", 0.0), ("2019-03", 1.0)])
def test_elapsed_share(month: str, share: float) -> None:
    assert elapsed_share(2018, month) == pytest.approx(share)


def test_lagging_by_hand() -> None:
    # June: half the year gone, threshold 0.8 → lagging below 0.4 completion.
    assert is_lagging(0.39, 0.5, 0.8) and not is_lagging(0.4, 0.5, 0.8)
    assert is_lagging(None, 0.5, 0.8)          # 未填报 lags
    assert not is_lagging(None, 0.0, 0.8)      # nothing is expected before the year begins


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize(("text", "kind", "key", "end", "label", "previous"), [
    ("2018-06", "month", "2018-06", "2018-06", "2018年6月", "2018-05"),
    ("2018年1月", "month", "2018-01", "2018-01", "2018年1月", None),
    ("2018Q2", "quarter", "2018Q2", "2018-06", "2018年第二季度", "2018Q1"),
    ("2018年第四季度", "quarter", "2018Q4", "2018-12", "2018年第四季度", "2018Q3"),
    ("2018q1", "quarter", "2018Q1", "2018-03", "2018年第一季度", None),
    ("2018", "year", "2018", "2018-12", "2018年度", None),
    ("2018年度", "year", "2018", "2018-12", "2018年度", None),
])
def test_periods(text: str, kind: str, key: str, end: str, label: str, previous: str | None) -> None:
    p = parse_period(text)
    assert (p.kind, p.key, p.end_month, p.label) == (kind, key, end, label)
    assert (p.previous().key if p.previous() else None) == previous


@pytest.mark.parametrize(("text", "message"), [
    ("2018Q5", "季度：第5季度不存在"), ("2018Q0", "季度：第0季度不存在"), ("2018-13", "月份：13月不存在"),
    ("2018-00", "月份：0月不存在"), ("六月", "月份：格式应为YYYY-MM"), ("", "月份：不能为空"),
    ("1999", "年度：不能早于2000年"),
])
def test_bad_periods_are_refused_in_chinese(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_period(text)
    assert str(info.value) == message


# ---------------------------------------------------------------- properties

weights = st.floats(min_value=0.01, max_value=1000, allow_nan=False)
completions = st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))


@given(st.lists(st.tuples(weights, completions), max_size=40))
def test_score_is_within_0_and_100(items: list[tuple[float, float | None]]) -> None:
    score = weighted_score(items)
    assert 0 <= score <= 100 + 1e-9


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6), st.floats(-1e6, 1e6), st.sampled_from(["higher", "lower"]))
def test_completion_never_fails_for_finite_numbers(baseline: float, target: float, value: float,
                                                   direction: str) -> None:
    result = completion(baseline, target, value, direction)
    assert result is not None and not math.isnan(result)


scores = st.dictionaries(st.text(min_size=1, max_size=4), st.floats(-100, 200, allow_nan=False), max_size=30)


@given(scores, st.randoms())
def test_rank_is_a_competition_ranking_whatever_the_order(values: dict[str, float], rnd) -> None:  # noqa: ANN001
    ranks = rank(values)
    shuffled = list(values.items())
    rnd.shuffle(shuffled)
    assert rank(dict(shuffled)) == ranks                     # the order of the units changes nothing
    for key, value in values.items():                        # 1 + how many scored strictly better (as printed)
        better = sum(1 for other in values.values() if round(other, 2) > round(value, 2))
        assert ranks[key] == 1 + better
    if values:
        assert min(ranks.values()) == 1 and max(ranks.values()) <= len(values)
