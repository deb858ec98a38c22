"""驻村工作队月度考勤表 (kind "attendance", key: team id, params: 'YYYY-MM').

Everything comes from the attendance repository (data/attendance.py): its month grid with each member's posted days
and totals under the settings' rules (required days, pro-rating, trips), its leave requests and spot checks. Nothing
here recounts a rule; it only counts the statuses shown in the grid for the total columns.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from lingqiu_desktop.core.offices import office_name
from lingqiu_desktop.core.validation import ValidationError, parse_month

from lingqiu_desktop.data.attendance import GridMember, MonthGrid

from lingqiu_desktop.documents.attendance_sheet import NOT_POSTED, attendance_story
from lingqiu_desktop.documents.base import cn_date, cn_month
from lingqiu_desktop.printing.registry import DocumentKind, Printable, own_townships
from lingqiu_desktop.printing.service import PrintError

if TYPE_CHECKING:
    from lingqiu_desktop.workbook import Workbook

SIGNERS_KEY = "print.attendance_signers"
DEFAULT_SIGNERS = ["工作队队长", "乡镇分管领导"]


def parse_sheet_month(params: str) -> str:
    try:
        return parse_month(params)
    except ValidationError as exc:
        raise PrintError(f"考勤月份“{params}”无效：{exc.reason}") from None


def _verdict(member: GridMember, grid: MonthGrid) -> str:
    total = member.total
    if total is None or not total.posted_days:
        return "—"
    if total.in_village >= total.required:
        return "达标"
    return "未达标" if total.below else "未满月"


def member_row(n: int, member: GridMember, grid: MonthGrid) -> dict[str, Any]:
    posted = set(member.posted)
    days = {f"{d.day}日": (member.statuses.get(d, "") if d in posted else NOT_POSTED) for d in grid.days}
    shown = [member.statuses[d] for d in posted if d in member.statuses]
    total = member.total
    return {"序号": n, "姓名": member.name, "职务": member.role, "考勤": days,
            "在村天数": total.in_village if total else 0, "请假天数": shown.count("请假"),
            "出差天数": shown.count("出差"), "缺勤天数": shown.count("缺勤"),
            "要求天数": total.required if total else 0, "是否达标": _verdict(member, grid)}


def _days(start: str, end: str) -> int:
    return (date.fromisoformat(end) - date.fromisoformat(start)).days + 1


def span(start: str, end: str, year: str) -> str:
    """'6月27日至6月29日' (the sheet's year goes without saying), one date for a one-day leave."""
    def day(iso: str) -> str:
        return cn_date(iso)[5:] if iso[:4] == year else cn_date(iso)

    return day(start) if start == end else f"{day(start)}至{day(end)}"


def leave_rows(wb: Workbook, team_id: str, month: str) -> list[dict[str, Any]]:
    return [{"序号": n, "姓名": r["name"], "请假类型": r["leave_type"],
             "起止日期": span(r["start_date"], r["end_date"], month[:4]),
             "天数": _days(r["start_date"], r["end_date"]), "事由": r["reason"], "审批人": r["approver"],
             "审批日期": cn_date(r["approved_on"]) if r["approved_on"] else ""}
            for n, r in enumerate(wb.attendance.leaves(team_id, month), start=1)]


def check_rows(wb: Workbook, team_id: str, month: str) -> list[dict[str, Any]]:
    def result(r: dict[str, Any]) -> str:
        if r["present"]:
            return "在岗"
        return "不在岗（已说明）" if r["excused"] else "无故缺勤"

    return [{"序号": n, "抽查日期": cn_date(r["check_date"]), "被抽查人": r["name"], "抽查人": r["checker"],
             "抽查结果": result(r), "备注": r["note"]}
            for n, r in enumerate(wb.attendance.spot_checks(team_id, month), start=1)]


def rule_text(wb: Workbook, grid: MonthGrid) -> str:
    trips = "出差（会议、培训）计入在村天数" if wb.attendance.trips_count() else "出差不计入在村天数"
    return (f"在村天数要求：每月不少于{grid.required_per_month}天，当月部分时间驻村的按驻村天数折算；{trips}；"
            f"“未满月”指本月尚未结束、仍可达到要求")


def build(wb: Workbook, key: str, params: str) -> Printable:
    month = parse_sheet_month(params)
    try:
        grid = wb.attendance.month_grid(key.strip(), month)
    except ValidationError:
        raise PrintError(f"找不到该驻村工作队（编号 {key}），可能已被删除") from None
    team = grid.team
    if not grid.members:
        raise PrintError(f"{team['name']}{cn_month(month)}没有驻村队员，无法生成考勤表")
    township = team["township"] or office_name(team["township_code"])
    content = {
        "标题": f"{team['name']}月度考勤表", "副标题": f"（{cn_month(month)}）", "月份": month,
        "基本情况": {"乡镇": township, "驻村": team["village"] or "", "派出单位": team["sending_unit"],
                 "考勤月份": cn_month(month)},
        "队员": [member_row(n, m, grid) for n, m in enumerate(grid.members, start=1)],
        "请假明细": leave_rows(wb, team["id"], month), "抽查情况": check_rows(wb, team["id"], month),
        "说明": rule_text(wb, grid), "签字": list(wb.settings.get(SIGNERS_KEY, DEFAULT_SIGNERS)),
        "填报单位": f"{township}人民政府" if township.endswith(("镇", "乡")) else township,
    }
    return Printable("attendance", team["id"], month, f"{team['name']}{cn_month(month)}考勤表",
                     f"{team['name']}_{month}考勤表.pdf", content, attendance_story, landscape=True)


def batch_keys(wb: Workbook, params: str) -> list[str]:
    """Every team of this office with a member posted at some day of the month, in township and village order."""
    month = parse_sheet_month(params)
    first, last = f"{month}-01", f"{month}-31"
    where, args = own_townships(wb, "w.township_code")
    return [r[0] for r in wb.db.execute(
        "SELECT w.id FROM work_team w JOIN village v ON v.id = w.village_id WHERE EXISTS (SELECT 1 FROM "
        "team_membership m WHERE m.team_id = w.id AND m.start_date <= ? AND (m.end_date IS NULL OR m.end_date >= ?)) "
        f"{where} ORDER BY w.township_code, v.code, w.start_date", [last, first, *args])]


KINDS = [DocumentKind("attendance", "驻村工作队月度考勤表", build, batch_keys, "月份")]
