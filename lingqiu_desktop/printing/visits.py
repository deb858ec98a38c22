"""入户走访记录表 (kind "visit": one visit, or a village log as 民情日记) and 入户走访记录汇总表 (kind "visits": one
household's visits over a period): what they show, gathered from the visit, household and village records.

"visits" is keyed by the household id; the head's 18-digit ID number is accepted too and normalised to the id, so
the QR code always names the household. Its params are 'FROM:TO' (either side may be empty; '' or ':' = all).
ID and phone numbers are printed in full: these are internal sheets, not 公示 lists. Nothing printed depends on the
working date (no 已逾期), so a sheet verifies as long as its records are unchanged.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from lingqiu_desktop.core.validation import ValidationError, parse_date

from lingqiu_desktop.data.store import NotFoundError

from lingqiu_desktop.documents.base import cn_date
from lingqiu_desktop.documents.visits import visit_story, visits_story
from lingqiu_desktop.printing.registry import DocumentKind, Printable
from lingqiu_desktop.printing.service import PrintError

if TYPE_CHECKING:
    from lingqiu_desktop.workbook import Workbook

ID_NUMBER = re.compile(r"^[0-9]{17}[0-9Xx]$")
SIGNED = {"签字": "户主已签字", "手印": "户主已按手印", "": "未记录签字或手印"}
SIGNED_SHORT = {"签字": "签字", "手印": "手印", "": "未签"}
PARAMS_FORMAT = "日期范围应写作“开始日期:结束日期”，如 2018-01-01:2018-06-30，任一端可空"


def _get(wb: Workbook, table: str, key: str, what: str) -> dict[str, Any]:
    try:
        return wb.store.get(table, key)
    except NotFoundError:
        raise PrintError(f"没有找到{what}（编号 {key or '空'}），可能已被删除") from None


def _place(wb: Workbook, village_id: str) -> tuple[str, str]:
    """(township name, village name)."""
    row = wb.db.execute("SELECT o.name, v.name FROM village v LEFT JOIN office o ON o.code = v.township_code "
                        "WHERE v.id = ?", [village_id]).fetchone()
    return (row[0] or "", row[1] or "") if row else ("", "")


def household_fields(wb: Workbook, h: dict[str, Any]) -> dict[str, Any]:
    """The household block both sheets print (ID and phone in full)."""
    township, village = _place(wb, h["village_id"])
    cause = h["main_cause"] or ""
    if h["other_causes"]:
        cause = f"{cause}（其他：{h['other_causes'].replace(',', '、')}）" if cause else h["other_causes"]
    status = h["status"] + (f"（{h['exit_year']}年）" if h["status"] == "已脱贫" and h["exit_year"] else "")
    return {"户主": h["head_name"], "身份证号码": h["head_id_number"],
            "住址": f"{township}{village}{h['group_name'] or ''}", "联系电话": h["phone"] or "",
            "贫困户属性": h["attribute"] or "", "家庭人口": f"{h['member_count']}人", "致贫原因": cause,
            "脱贫状态": status}


# ---- one visit ----

def _visitors(wb: Workbook, visit: dict[str, Any]) -> str:
    people = wb.visits.visitors(visit["id"])
    if not people:
        return visit["visitor_names"] or ""
    return "、".join(f"{p['name']}（{p['unit']}）" if p["unit"] else p["name"] for p in people)


def follow_up_text(visit: dict[str, Any]) -> tuple[str, str]:
    """(回访时限, 回访情况) as the sheet prints them."""
    due, done = visit["follow_up_due"], visit["follow_up_done_at"]
    if not due:
        return "无", "无需回访"
    if not done:
        return f"{cn_date(due)}前", "尚未回访"
    by = f"由{visit['follow_up_done_by']}" if visit["follow_up_done_by"] else ""
    return f"{cn_date(due)}前", f"已于{cn_date(done)}{by}回访"


def _team(wb: Workbook, team_id: str | None) -> str:
    row = wb.db.execute("SELECT name FROM work_team WHERE id = ?", [team_id]).fetchone() if team_id else None
    return row[0] if row else ""


def build_visit(wb: Workbook, key: str, params: str) -> Printable:
    if params:
        raise PrintError(f"入户走访记录表不需要参数（收到“{params}”）")
    visit = _get(wb, "visit", key, "这条走访记录")
    due, state = follow_up_text(visit)
    content: dict[str, Any] = {}
    if visit["household_id"]:
        head = household_fields(wb, _get(wb, "household", visit["household_id"], "走访的贫困户"))
        content = {"标题": "入户走访记录表", **head}
        title = f"{head['户主']}户入户走访记录表（{visit['visit_date']}）"
    else:
        township, village = _place(wb, visit["village_id"])
        content = {"标题": "民情日记", "所属村": f"{township}{village}"}
        title = f"{village}民情日记（{visit['visit_date']}）"
    content |= {"走访日期": cn_date(visit["visit_date"]), "天气": visit["weather"] or "", "走访类型": visit["kind"],
                "驻村工作队": _team(wb, visit["team_id"]), "走访人": _visitors(wb, visit),
                "了解情况": visit["situation"] or "", "反映问题": visit["problems"] or "",
                "帮扶措施": visit["actions"] or "", "承诺事项": visit["promise"] or "",
                "回访时限": due, "回访情况": state, "照片编号": visit["photo_ref"] or ""}
    if visit["household_id"]:
        content["户主确认"] = SIGNED.get(visit["signed"] or "", visit["signed"])
    return Printable("visit", key, "", title, f"{title}.pdf", content, visit_story)


# ---- a household's visits over a period ----

def parse_period(params: str) -> tuple[str, str]:
    """'FROM:TO' → two ISO dates or '' each; PrintError in Chinese when a side is no date or FROM is after TO."""
    text = (params or "").strip()
    if not text:
        return "", ""
    if text.count(":") != 1:
        raise PrintError(PARAMS_FORMAT)
    sides = []
    for value, field in zip(text.split(":"), ("开始日期", "结束日期"), strict=True):
        try:
            sides.append(parse_date(value, field, earliest=None).isoformat() if value.strip() else "")
        except ValidationError:
            raise PrintError(f"日期范围的{field}“{value.strip()}”不是有效日期，应写作如 2018-06-05") from None
    start, end = sides
    if start and end and start > end:
        raise PrintError(f"日期范围的开始日期{start}晚于结束日期{end}")
    return start, end


def household_for(wb: Workbook, key: str) -> dict[str, Any]:
    """The household by its id, or by its head's 18-digit ID number."""
    key = (key or "").strip()
    if ID_NUMBER.match(key):
        row = wb.db.execute("SELECT id FROM household WHERE head_id_number = ?", [key.upper()]).fetchone()
        if row is None:
            raise PrintError(f"没有找到户主身份证号为 {key.upper()} 的贫困户")
        key = row[0]
    return _get(wb, "household", key, "这户贫困户")


def _period_text(start: str, end: str, visits: list[dict[str, Any]]) -> str:
    if start and end:
        return f"{cn_date(start)}至{cn_date(end)}"
    if start:
        return f"{cn_date(start)}以来"
    if end:
        return f"截至{cn_date(end)}"
    if visits:
        return f"全部（{cn_date(visits[0]['visit_date'])}至{cn_date(visits[-1]['visit_date'])}）"
    return "全部"


def _short(day: str, year: int) -> str:
    d = date.fromisoformat(day)
    return f"{d.month}月{d.day}日" if d.year == year else cn_date(day)


def _follow_up_short(visit: dict[str, Any]) -> str:
    due, done = visit["follow_up_due"], visit["follow_up_done_at"]
    if not due:
        return "—"
    year = int(visit["visit_date"][:4])
    return f"限{_short(due, year)}前\n" + (f"{_short(done, year)}回访" if done else "未回访")


def _visit_rows(wb: Workbook, household_id: str, start: str, end: str) -> list[dict[str, Any]]:
    sql = "SELECT * FROM visit WHERE household_id = ?"   # idx_visit_household (household_id, visit_date)
    args: list[Any] = [household_id]
    if start:
        sql, args = sql + " AND visit_date >= ?", [*args, start]
    if end:
        sql, args = sql + " AND visit_date <= ?", [*args, end]
    cursor = wb.db.execute(sql + " ORDER BY visit_date, rowid", args)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def build_visits(wb: Workbook, key: str, params: str) -> Printable:
    household = household_for(wb, key)
    start, end = parse_period(params)
    visits = _visit_rows(wb, household["id"], start, end)
    listed = [{"序号": i, "走访日期": v["visit_date"], "走访类型": v["kind"], "走访人": v["visitor_names"] or "",
               "了解情况": v["situation"] or "", "反映问题": v["problems"] or "", "帮扶措施": v["actions"] or "",
               "承诺事项": v["promise"] or "", "回访": _follow_up_short(v),
               "户主确认": SIGNED_SHORT.get(v["signed"] or "", v["signed"])}
              for i, v in enumerate(visits, start=1)]
    content = {"标题": "入户走访记录汇总表", **household_fields(wb, household),
               "走访期间": _period_text(start, end, visits), "走访次数": len(visits), "走访记录": listed}
    title = f"{household['head_name']}户入户走访记录汇总表"
    return Printable("visits", household["id"], f"{start}:{end}", title, f"{title}.pdf", content, visits_story)


KINDS = [
    DocumentKind("visit", "入户走访记录表", build_visit),
    DocumentKind("visits", "入户走访记录汇总表（一户）", build_visits, params_label="日期范围"),
]
