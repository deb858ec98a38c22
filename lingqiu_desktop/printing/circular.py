"""The printed 季度通报: the quarter's ranking and its breakdown from the "1+3" reviews (data/reviews.py).

key: the office whose units are ranked: the county 140224 ranks its 12 townships (县对乡), a township code ranks
its villages (乡对村). params: the quarter ('2018Q2', or as the clerk types it: 2018年第二季度), optionally with the
date of issue after an @; the build always returns the normalised form '2018Q2@2018-11-30' (the working date when
none was given), so the printed date is part of the record key in the QR code and `verify` tomorrow recomputes the
same paper instead of reporting the date as a change.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from lingqiu_desktop.core import scoring
from lingqiu_desktop.core.offices import COUNTY_CODE, TOWNSHIPS, office_name
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.reviews import UnitScore

from lingqiu_desktop.documents import circular as document
from lingqiu_desktop.documents.base import cn_date
from lingqiu_desktop.printing.registry import DocumentKind, Printable
from lingqiu_desktop.printing.service import PrintError

if TYPE_CHECKING:
    from lingqiu_desktop.workbook import Workbook

ISSUER_KEY = "circular.issuer"      # the office's own name on its circulars, when the default does not suit
COUNTY_ISSUER = "灵丘县脱贫攻坚指挥部"


def issuer(workbook: Workbook, key: str) -> str:
    own = str(workbook.settings.get(ISSUER_KEY, "") or "").strip() if key == workbook.office_code else ""
    return own or (COUNTY_ISSUER if key == COUNTY_CODE else f"{office_name(key)}人民政府")


def check_key(workbook: Workbook, key: str) -> tuple[str, str]:
    """(level, township filter) for the office whose units are ranked."""
    if key == COUNTY_CODE:
        if not workbook.is_county:
            raise PrintError("乡镇只能印发本乡镇对各村的季度通报，全县对各乡镇的通报由县里印发")
        return "县对乡", ""
    if key not in TOWNSHIPS:
        raise PrintError(f"“{key}”不是灵丘县或本县乡镇的代码，无法印发通报")
    if not workbook.is_county and key != workbook.office_code:
        raise PrintError(f"本单位只能印发本乡镇的通报，不能印发{office_name(key)}的通报")
    return "乡对村", key


def check_params(workbook: Workbook, params: str) -> tuple[scoring.Period, date]:
    """The quarter, ended by the working date, and the date of issue (not before the quarter's end, not later
    than the working date)."""
    text, _, issued = (params or "").strip().partition("@")
    try:
        period = scoring.quarter_period(text)
    except ValidationError as exc:
        raise PrintError(f"季度“{text}”有误：{exc.reason}" if text else "请指定季度，如2018Q2") from None
    today, last = workbook.today(), _last_day(period)
    if today < last:
        raise PrintError(f"{period.label}尚未结束（当前工作日期{cn_date(today)}），季度结束后才能印发通报")
    try:
        day = date.fromisoformat(issued) if issued else today
    except ValueError:
        raise PrintError(f"成文日期“{issued}”不是有效日期（应为YYYY-MM-DD）") from None
    if day > today:
        raise PrintError(f"成文日期不能晚于当前工作日期（{cn_date(today)}）")
    if day < last:
        raise PrintError(f"成文日期不能早于{period.label}末（{cn_date(last)}）")
    return period, day


def _last_day(period: scoring.Period) -> date:
    year, month = period.year, int(period.end_month[5:])
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)


def _indicator(s: Any, total: float) -> dict[str, Any]:
    note = "未填报" if s.value is None else "滞后" if s.lagging else ""
    return {"指标名称": s.name, "单位": s.unit or "", "目标值": s.target,
            "方向": scoring.DIRECTIONS.get(s.direction, s.direction),
            "完成值": s.value, "权重": round(s.weight / total * 100, 2),
            "完成率": None if s.completion is None else round(s.completion * 100, 1) + 0.0,
            "得分": round(s.score_part, 2) + 0.0, "备注": note}


def _detail(unit: UnitScore, name: str) -> dict[str, Any]:
    total = sum(s.weight for s in unit.indicators)
    return {"单位": name, "权重折算": abs(total - 100) > 1e-6,
            "指标": [_indicator(s, total) for s in unit.indicators]}


def printed_names(units: list[UnitScore]) -> dict[str, str]:
    """Each unit's name as printed: two villages of one name (it happens) carry their codes to tell them apart."""
    seen: dict[str, int] = {}
    for u in units:
        seen[u.name] = seen.get(u.name, 0) + 1
    return {u.code: f"{u.name}（{u.code}）" if seen[u.name] > 1 else u.name for u in units}


def content_of(workbook: Workbook, key: str, period: scoring.Period, day: date,
               units: list[UnitScore]) -> dict[str, Any]:
    county = key == COUNTY_CODE
    names = printed_names(units)
    threshold = scoring.elapsed_share(period.year, period.end_month) * workbook.reviews.lag_threshold()
    return {
        "发文机关": issuer(workbook, key),
        "标题": f"关于{period.label}脱贫攻坚工作点评情况的通报",
        "主送": "各乡镇党委、人民政府：" if county else "各村党支部、村民委员会：",
        "季度": period.label,
        "单位类别": "乡镇" if county else "村",
        "滞后标准": round(threshold * 100, 1),
        "排名": [{"名次": u.rank, "单位": names[u.code], "综合得分": round(u.score, 2),
                "环比": None if u.change is None else round(u.change, 2), "滞后指标数": u.lagging,
                "指标数": len(u.indicators)} for u in units],
        "得分明细": [_detail(u, names[u.code]) for u in units],
        "成文日期": day.isoformat(),
    }


def build(workbook: Workbook, key: str, params: str) -> Printable:
    key = (key or "").strip()
    level, township = check_key(workbook, key)
    period, day = check_params(workbook, params)
    try:
        units = workbook.reviews.units(level, period.key, township)
    except scoring.ScoringError as exc:
        raise PrintError(f"无法计算得分：{exc}") from None
    if not units:
        whom = "各乡镇" if level == "县对乡" else f"{office_name(key)}各村"
        raise PrintError(f"{period.label}没有可点评的数据：{whom}尚无{period.year}年的目标责任书（军令状）指标")
    if all(s.value is None for u in units for s in u.indicators):
        whom = "各乡镇" if level == "县对乡" else "各村"
        raise PrintError(f"{period.label}{whom}尚未填报任何指标完成情况，无法点评")
    content = content_of(workbook, key, period, day, units)
    name = f"{content['发文机关']}{period.label}脱贫攻坚工作点评通报.pdf"
    return Printable("circular", key, f"{period.key}@{day.isoformat()}", content["标题"], name, content,
                     document.story)


KINDS = [DocumentKind("circular", "季度通报", build, params_label="季度")]
