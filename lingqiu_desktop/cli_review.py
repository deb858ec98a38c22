"""`python main.py review --month 2018-06 | --quarter 2018Q2 | --year 2018 [--level 县对乡|乡对村] [--json]`.

Prints the ranking of the "1+3" reviews (月汇总分析, 季点评通报, 年度考核评比): rank, unit, weighted score, rating
(for a year), change against the previous period and the number of lagging indicators; or the same as JSON with
every indicator's breakdown. The county ranks its 12 townships (县对乡), a township its villages (乡对村).
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from typing import Any

from lingqiu_desktop.core import scoring
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.reviews import ReviewRepository, UnitScore

from lingqiu_desktop.workbook import Workbook

KINDS = {"month": "汇总分析", "quarter": "点评通报", "year": "考核评比"}  # after 2018年6月 / 第二季度 / 年度


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("review", help="“1+3”考评：月汇总、季度点评、年度考核的排名")
    p.add_argument("--month", help="月份，如 2018-06（月汇总分析）")
    p.add_argument("--quarter", help="季度，如 2018Q2（季点评通报）")
    p.add_argument("--year", help="年度，如 2018（年度考核评比）")
    p.add_argument("--level", choices=list(scoring.LEVELS),
                   help="县对乡：全县给12个乡镇排名；乡对村：给村排名（默认：县里为县对乡，乡镇为乡对村）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出，含每个指标的得分明细")
    return p


def period_of(args: argparse.Namespace) -> scoring.Period:
    """Exactly one of --month, --quarter, --year, checked; bad values raise ValidationError."""
    given = [(k, v) for k, v in (("month", args.month), ("quarter", args.quarter), ("year", args.year)) if v]
    if not given:
        raise ValidationError("统计期", "请用 --month、--quarter 或 --year 指定月份、季度或年度")
    if len(given) > 1:
        raise ValidationError("统计期", "--month、--quarter、--year 只能指定其中一个")
    kind, value = given[0]
    parse = {"month": scoring.month_period, "quarter": scoring.quarter_period, "year": scoring.year_period}[kind]
    return parse(value)


def cmd_review(args: argparse.Namespace, workbook: Workbook) -> int:
    period = period_of(args)
    level = args.level or ("县对乡" if workbook.is_county else "乡对村")
    township = "" if workbook.is_county else workbook.office_code
    try:
        units = ReviewRepository(workbook.store).units(level, period.key, township)
    except scoring.ScoringError as exc:
        raise ValidationError("指标", str(exc)) from None
    if args.json:
        print(json.dumps(as_json(units, period, level), ensure_ascii=False, indent=2))
        return 0
    title = f"{workbook.office_name} {period.label}{KINDS[period.kind]}（{level}）"
    if not units:
        print(f"{title}：没有{period.year}年{level}责任书的指标，无法排名。")
        return 0
    print(f"{title}，共{len(units)}个单位")
    for line in table(units, with_rating=period.kind == "year"):
        print(line)
    return 0


def as_json(units: list[UnitScore], period: scoring.Period, level: str) -> dict[str, Any]:
    return {
        "level": level, "period": period.key, "label": period.label, "kind": period.kind,
        "units": [{
            "rank": u.rank, "code": u.code, "name": u.name, "score": round(u.score, 2), "rating": u.rating,
            "change": _round(u.change, 2), "lagging": u.lagging,
            "indicators": [{
                "id": s.indicator_id, "name": s.name, "unit": s.unit, "weight": s.weight, "baseline": s.baseline,
                "target": s.target, "direction": s.direction, "source": s.source, "value": s.value,
                "value_month": s.value_month, "previous_value": s.previous_value,
                "completion": _round(s.completion, 4), "score_part": round(s.score_part, 2), "lagging": s.lagging,
                "note": s.note} for s in u.indicators],
        } for u in units],
    }


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str, width: int, right: bool = False) -> str:
    pad = " " * max(0, width - _width(text))
    return pad + text if right else text + pad


def table(units: list[UnitScore], with_rating: bool) -> list[str]:
    """The ranking as aligned text lines (Chinese characters count two columns in a terminal)."""
    head = ["名次", "单位", "得分", *(["等次"] if with_rating else []), "较上期", "滞后指标"]
    body = [[str(u.rank), u.name, f"{u.score:.2f}", *([u.rating] if with_rating else []),
             "—" if u.change is None else f"{u.change:+.2f}", f"{u.lagging}/{len(u.indicators)}"] for u in units]
    widths = [max(_width(row[k]) for row in [head, *body]) for k in range(len(head))]
    right = {0, 2, len(head) - 2, len(head) - 1}
    return ["  ".join(_cell(cell, widths[k], k in right) for k, cell in enumerate(row)) for row in [head, *body]]
