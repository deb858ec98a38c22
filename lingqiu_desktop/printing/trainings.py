"""培训签到表 (kind "signin") and 培训记录 (kind "training"): what they show, gathered from a training and its
attendees.

Both are keyed by the training id and take no params. Phone numbers are printed in full: these are internal sheets,
not 公示 lists. Settings: "print.signin_blank_rows" (blank rows under the list for walk-ins, default 5) and
"print.training_signers" (who signs at the foot, default 组织人 and 授课人).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from lingqiu_desktop.data.store import NotFoundError

from lingqiu_desktop.documents.base import cn_date, number
from lingqiu_desktop.documents.training import ABSENT, PRESENT, record_story, signin_story
from lingqiu_desktop.printing.registry import DocumentKind, Printable
from lingqiu_desktop.printing.service import PrintError

if TYPE_CHECKING:
    from lingqiu_desktop.workbook import Workbook

BLANK_ROWS_KEY, SIGNERS_KEY = "print.signin_blank_rows", "print.training_signers"
DEFAULT_BLANK_ROWS, DEFAULT_SIGNERS = 5, ["组织人", "授课人"]
MAX_BLANK_ROWS = 60


def date_span(start: str, end: str) -> str:
    """'2016年3月3日至4日', '2016年3月30日至4月2日', '2016年12月30日至2017年1月2日', or one day."""
    if not end or end == start:
        return cn_date(start)
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    if a.year != b.year:
        return f"{cn_date(start)}至{cn_date(end)}"
    if a.month != b.month:
        return f"{cn_date(start)}至{b.month}月{b.day}日"
    return f"{cn_date(start)}至{b.day}日"


def _training(wb: Workbook, key: str, params: str, label: str) -> dict[str, Any]:
    if params:
        raise PrintError(f"{label}不需要参数（收到“{params}”）")
    try:
        return wb.trainings.get(key)
    except NotFoundError:
        raise PrintError(f"没有找到这次培训（编号 {key or '空'}），可能已被删除") from None


def _common(t: dict[str, Any], title: str) -> dict[str, Any]:
    """The training's fields as both sheets print them."""
    when = date_span(t["start_date"], t["end_date"])
    slots = (t["time_slots"] or "").strip()
    trainer = t["trainer"] or ""
    if trainer and t["trainer_post"]:
        trainer = f"{trainer}（{t['trainer_post']}）"
    return {"标题": title, "培训名称": t["title"], "培训主题": t["topic"] or "",
            "培训时间": f"{when}　{slots}" if slots else when, "学时": number(t["hours"]),
            "培训地点": t["venue"] or "", "主办单位": t["organiser"] or "", "授课人": trainer,
            "培训对象": t["audience"] or ""}


def _person(a: dict[str, Any], index: int) -> dict[str, Any]:
    return {"序号": index, "姓名": a["name"], "单位": a["unit"] or "", "职务": a["post"] or "",
            "联系电话": a["phone"] or ""}


def _signers(wb: Workbook) -> list[str]:
    value = wb.settings.get(SIGNERS_KEY, DEFAULT_SIGNERS)
    signers = [str(v).strip() for v in (value or []) if str(v).strip()]
    return signers or list(DEFAULT_SIGNERS)


def _blank_rows(wb: Workbook) -> int:
    try:
        rows = int(wb.settings.get(BLANK_ROWS_KEY, DEFAULT_BLANK_ROWS))
    except (TypeError, ValueError):
        rows = DEFAULT_BLANK_ROWS
    return max(0, min(rows, MAX_BLANK_ROWS))


def _titled(name: str, tail: str, plain_tail: str) -> str:
    """'…培训班（第5期）' + 签到表; a name without 培训 gets 培训签到表."""
    return f"{name}{tail if '培训' in name else plain_tail}"


def build_signin(wb: Workbook, key: str, params: str) -> Printable:
    t = _training(wb, key, params, "培训签到表")
    people = [_person(a, i) for i, a in enumerate(wb.trainings.attendees(key), start=1)]
    title = _titled(t["title"], "签到表", "培训签到表")
    content = {**_common(t, title), "应到人数": len(people), "参训人员": people, "空白行": _blank_rows(wb),
               "签字人": _signers(wb)}
    return Printable("signin", key, "", title, f"{title}.pdf", content, signin_story)


def attendance_summary(marks: list[int | None]) -> dict[str, Any]:
    """出勤情况, 培训人次 and the count present, from the attendees' marks (None: not marked yet)."""
    listed, present = len(marks), sum(1 for m in marks if m == 1)
    absent, unmarked = sum(1 for m in marks if m == 0), sum(1 for m in marks if m is None)
    if not listed:
        return {"出勤情况": "未登记参训人员", "present": 0, "marked": False}
    if unmarked == listed:
        return {"出勤情况": f"应到{listed}人，未点名（到场情况待填）", "present": 0, "marked": False}
    text = f"应到{listed}人，实到{present}人，缺席{absent}人"
    if unmarked:
        text += f"，未点名{unmarked}人"
    return {"出勤情况": text, "present": present, "marked": True}


def build_record(wb: Workbook, key: str, params: str) -> Printable:
    t = _training(wb, key, params, "培训记录")
    attendees = wb.trainings.attendees(key)
    summary = attendance_summary([a["attended"] for a in attendees])
    people = [{**_person(a, i), "到场情况": {1: PRESENT, 0: ABSENT}.get(a["attended"], "")}
              for i, a in enumerate(attendees, start=1)]
    present = summary["present"]
    title = _titled(t["title"], "培训记录" if not t["title"].endswith("培训") else "记录", "培训记录")
    content = {**_common(t, title), "出勤情况": summary["出勤情况"],
               "培训人次": f"{present}人次" if summary["marked"] else "未点名",
               "学时人次": f"{number((t['hours'] or 0) * present)}学时" if summary["marked"] else "未点名",
               "备注": t["remarks"] or "", "参训人员": people, "签字人": _signers(wb)}
    return Printable("training", key, "", title, f"{title}.pdf", content, record_story)


KINDS = [
    DocumentKind("signin", "培训签到表", build_signin),
    DocumentKind("training", "培训记录", build_record),
]
