"""Scoring rules of the "1+3" reviews: completion of an indicator, a unit's weighted score, ranks and ratings.

Plain functions, no I/O. The data layer (data/progress.py, data/reviews.py) fetches values; these decide what
they are worth. The rules, in the clerk's words:

- 完成率 (completion): how far the value has moved from the baseline toward the target; for a lower-is-better
  indicator (贫困发生率, 错退率) moving down is progress. A target equal to its baseline (zero span, e.g. "keep
  错退率 at 0") is met or not: 100 % or 0 %, never a division by zero.
- Missing months carry forward: an indicator's value for a period is its latest value at or before the period's
  last month within the letter's year; never recorded → 未填报, which scores 0.
- 加权得分 (weighted score): Σ weight × completion (clamped to 0..cap) / Σ weight × 100.
- 排名 (rank): competition ranking "1224": equal scores (to 2 decimals, as printed) share a rank, the next is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

from lingqiu_desktop.core.validation import ValidationError, parse_month, parse_quarter, parse_year

HIGHER: Final = "higher"
LOWER: Final = "lower"
DIRECTIONS: Final[dict[str, str]] = {HIGHER: "越高越好", LOWER: "越低越好"}
MANUAL: Final = "manual"

#: Sources an indicator's monthly value can be counted from instead of typed (data/progress.py counts them).
COMPUTED_SOURCES: Final[dict[str, str]] = {
    "households_exited": "脱贫户数（户）",
    "people_exited": "脱贫人数（人）",
    "villages_exited": "退出贫困村数（个）",
    "visits_made": "入户走访次数（次）",
    "training_person_times": "培训人次（人次）",
    "attendance_compliance": "工作队员在村天数达标率（%）",
    "collective_income_villages": "集体经济收入达标村数（个）",
}

# The contract's settings with their defaults (the integrator adds them to core/settings.py).
RATINGS_KEY: Final = "review.ratings"
DEFAULT_RATINGS: Final[list[list[object]]] = [["优秀", 90], ["良好", 80], ["合格", 60], ["不合格", 0]]
LAG_THRESHOLD_KEY: Final = "review.lag_threshold"
DEFAULT_LAG_THRESHOLD: Final = 0.8
SCORE_CAP_KEY: Final = "review.score_cap"
DEFAULT_SCORE_CAP: Final = 1.0

LEVELS: Final[tuple[str, str]] = ("县对乡", "乡对村")

K = TypeVar("K", bound=Hashable)


class ScoringError(ValueError):
    """An indicator that cannot be scored (weight not positive, unknown direction); the message is Chinese."""


# ---------------------------------------------------------------- one indicator


def check_direction(direction: str, name: str = "") -> str:
    if direction not in DIRECTIONS:
        label = f"指标“{name}”" if name else "指标"
        raise ScoringError(f"{label}的方向“{direction}”无效，应为越高越好（higher）或越低越好（lower）")
    return direction


def check_weight(weight: float, name: str = "") -> float:
    if not weight > 0:  # also refuses NaN
        label = f"指标“{name}”" if name else "指标"
        raise ScoringError(f"{label}的权重为{weight:g}，权重必须大于0")
    return float(weight)


def completion(baseline: float, target: float, value: float | None, direction: str) -> float | None:
    """Share of the way from baseline to target (not clamped: < 0 went backwards, > 1 beat the target).

    Zero span (target == baseline): 1.0 when the value meets the target (>= for higher, <= for lower), else 0.0.
    None means 未填报.
    """
    check_direction(direction)
    if value is None:
        return None
    if target == baseline:
        met = value >= target if direction == HIGHER else value <= target
        return 1.0 if met else 0.0
    if direction == HIGHER:
        return (value - baseline) / (target - baseline)
    return (baseline - value) / (baseline - target)


def value_at(values: Mapping[str, float], month: str) -> float | None:
    """Carry forward: the latest value at or before ``month`` ('YYYY-MM') in the same year; None: 未填报."""
    earlier = [m for m in values if m[:4] == month[:4] and m <= month]
    return values[max(earlier)] if earlier else None


def clamp(value: float, cap: float = DEFAULT_SCORE_CAP) -> float:
    return min(max(value, 0.0), cap)


def score_part(weight: float, done: float | None, total_weight: float, cap: float = DEFAULT_SCORE_CAP) -> float:
    """Points one indicator adds to its unit's score: weight × clamped completion / total weight × 100."""
    if done is None or total_weight <= 0:
        return 0.0
    return weight * clamp(done, cap) / total_weight * 100


def weighted_score(items: Iterable[tuple[float, float | None]], cap: float = DEFAULT_SCORE_CAP) -> float:
    """Σ w·clamp(c, 0, cap) / Σ w × 100: 0..100 with the default cap 1 (a cap above 1 lets beating targets
    earn up to cap × 100). None (未填报) counts 0; no indicators at all scores 0; a weight <= 0 raises ScoringError.
    """
    pairs = [(check_weight(w), c) for w, c in items]
    total = sum(w for w, _ in pairs)
    return sum(score_part(w, c, total, cap) for w, c in pairs)


# ---------------------------------------------------------------- ranking and rating


def rank(scores: Mapping[K, float]) -> dict[K, int]:
    """Competition ranking ("1224"): scores equal to 2 decimals share a rank; the next rank is skipped."""
    rounded = {key: round(score, 2) for key, score in scores.items()}
    ordered = sorted(rounded.values(), reverse=True)
    first: dict[float, int] = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
    return {key: first[value] for key, value in rounded.items()}


def clean_ratings(ratings: Sequence[Sequence[object]]) -> list[tuple[str, float]]:
    """The rating scale as (name, lowest score), best first; a bad setting raises ValidationError."""
    scale = []
    for item in ratings:
        if len(item) != 2 or not str(item[0]).strip():
            raise ValidationError("考核等次", "每一项应为等次名称和最低分")
        try:
            scale.append((str(item[0]).strip(), float(item[1])))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ValidationError("考核等次", f"“{item[0]}”的最低分应为数字") from None
    if not scale:
        raise ValidationError("考核等次", "至少要有1项")
    return sorted(scale, key=lambda r: -r[1])


def rating_for(score: float, ratings: Sequence[Sequence[object]]) -> str:
    """The best rating whose threshold the score (to 2 decimals, as printed) reaches; below all: the lowest."""
    scale = clean_ratings(ratings)
    shown = round(score, 2)
    for name, lowest in scale:
        if shown >= lowest:
            return name
    return scale[-1][0]


def elapsed_share(year: int, month: str) -> float:
    """Share of the letter's year elapsed at the end of ``month`` (June → 0.5); 0 before the year, 1 after it."""
    y, m = int(month[:4]), int(month[5:7])
    if y < year:
        return 0.0
    if y > year:
        return 1.0
    return m / 12


def is_lagging(done: float | None, elapsed: float, threshold: float = DEFAULT_LAG_THRESHOLD) -> bool:
    """滞后: completion below threshold × the elapsed share of the year (未填报 counts as 0)."""
    return (done or 0.0) < threshold * elapsed


# ---------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """A review period: a month (月汇总), a quarter (季点评) or a year (年度考核)."""

    kind: str          # 'month' | 'quarter' | 'year'
    key: str           # '2018-06' | '2018Q2' | '2018'
    year: int
    first_month: str
    end_month: str

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.year}年{int(self.end_month[5:])}月"
        if self.kind == "quarter":
            return f"{self.year}年第{'一二三四'[int(self.key[-1]) - 1]}季度"
        return f"{self.year}年度"

    def previous(self) -> Period | None:
        """The period before, within the same year (the letters, and so the units, change with the year)."""
        if self.kind == "month" and self.end_month[5:] != "01":
            return month_period(f"{self.year}-{int(self.end_month[5:]) - 1:02d}")
        if self.kind == "quarter" and self.key[-1] != "1":
            return quarter_period(f"{self.year}Q{int(self.key[-1]) - 1}")
        return None

    def months(self) -> list[str]:
        first, last = int(self.first_month[5:]), int(self.end_month[5:])
        return [f"{self.year}-{m:02d}" for m in range(first, last + 1)]


def month_period(value: str) -> Period:
    month = parse_month(value)
    return Period("month", month, int(month[:4]), month, month)


def quarter_period(value: str) -> Period:
    key = parse_quarter(value)
    year, q = int(key[:4]), int(key[-1])
    return Period("quarter", key, year, f"{year}-{3 * q - 2:02d}", f"{year}-{3 * q:02d}")


def year_period(value: str | int) -> Period:
    year = parse_year(value)
    return Period("year", str(year), year, f"{year}-01", f"{year}-12")


def parse_period(value: str | int) -> Period:
    """'2018-06' (or 2018年6月), '2018Q2' (or 2018年第二季度), '2018'; bad input raises ValidationError."""
    text = str(value).strip().upper()
    if re.search(r"Q|季", text):
        return quarter_period(text)
    if re.fullmatch(r"[0-9]{4}年?(度)?", text):
        return year_period(text.rstrip("度"))
    return month_period(text)
