"""责任清单 / 考核表 of a village, a work team and a township: the year's targets from the letters the unit received,
the responsible persons, progress to the working date, completion and signature lines (documents/sheet.py draws).

Progress follows the "1+3" review rules: an indicator's value is its latest value at or before the working month
within the year (a computed indicator is counted from the records as of that month, data/progress.SourceCounter);
completion, lag and the weighted score come from core/scoring.py with the thresholds of the settings.

Cost: a village sheet is a handful of indexed queries (village, letters, indicators with their latest value, work
team, three settings); the county's 255 villages are gathered in under a second (bench/bench_printing.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lingqiu_desktop.core import scoring
from lingqiu_desktop.core.offices import TOWNSHIPS, office_name
from lingqiu_desktop.core.validation import ValidationError, parse_year

from lingqiu_desktop.data.progress import SourceCounter

from lingqiu_desktop.documents.base import cn_date, cn_month, number
from lingqiu_desktop.documents.sheet import sheet_story
from lingqiu_desktop.printing.registry import DocumentKind, Printable, own_townships
from lingqiu_desktop.printing.service import PrintError

if TYPE_CHECKING:
    from lingqiu_desktop.workbook import Workbook

SIGNERS_KEY = "print.sheet_signers"
DEFAULT_SIGNERS = ["责任人", "审核人"]

_LETTERS_SQL = ("SELECT id, kind, title, issuer_name, receiver_name, signed_on, status, receiver_signer1_name, "
                "receiver_signer1_title, receiver_signer2_name, receiver_signer2_title FROM letter "
                "WHERE receiver_code = ? AND year = ? ORDER BY COALESCE(signed_on, drafted_on, ''), created_at, id")
# Each indicator with its latest value at or before the working month within the year: a seek on
# UNIQUE(indicator_id, month) per indicator (the same rule as data/reviews.py).
_INDICATORS_SQL = """
SELECT i.letter_id, i.name, i.unit, i.baseline, i.target, i.direction, i.weight, i.deadline, i.source,
       c.value, c.month
FROM letter l JOIN indicator i ON i.letter_id = l.id
LEFT JOIN indicator_progress c ON c.rowid = (SELECT p.rowid FROM indicator_progress p WHERE p.indicator_id = i.id
     AND p.month BETWEEN :first AND :end ORDER BY p.month DESC LIMIT 1)
WHERE l.receiver_code = :code AND l.year = :year
ORDER BY i.letter_id, i.sort_order, i.rowid
"""


def _rows(wb: Workbook, sql: str, params: Any) -> list[dict[str, Any]]:
    cursor = wb.db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def parse_sheet_year(params: str) -> int:
    try:
        return parse_year(params)
    except ValidationError as exc:
        raise PrintError(f"年度“{params}”无效：{exc.reason}") from None


@dataclass(frozen=True)
class AsOf:
    """How far into the year progress is counted: the working month, December for a past year, nothing yet for a
    year still to come."""
    year: int
    month: str          # 'YYYY-MM' within the year (January for a year to come)
    started: bool

    @classmethod
    def of(cls, wb: Workbook, year: int) -> AsOf:
        today = wb.today()
        if year < today.year:
            return cls(year, f"{year}-12", True)
        if year > today.year:
            return cls(year, f"{year}-01", False)
        return cls(year, f"{year}-{today.month:02d}", True)

    @property
    def label(self) -> str:
        return cn_month(self.month) if self.started else "年度尚未开始"

    @property
    def elapsed(self) -> float:
        return scoring.elapsed_share(self.year, self.month) if self.started else 0.0


# ---- targets and progress ----------------------------------------------------------------------------------------

def _verdict(done: float | None, lagging: bool) -> str:
    if done is None:
        return "未填报"
    if done >= 1:
        return "已达标"
    return "滞后" if lagging else "推进中"


def _deadline(value: str | None, year: int) -> str:
    if not value:
        return ""
    return cn_date(value)[5:] if value[:4] == str(year) else cn_date(value)


def _values(wb: Workbook, code: str, inds: list[dict[str, Any]], as_of: AsOf) -> None:
    """Computed indicators take their count from the records as of the working month, not a stored value."""
    sources = {i["source"] for i in inds} - {scoring.MANUAL}
    counter = SourceCounter(wb.store)
    for source in sorted(sources):
        found = counter.count(source, [code], as_of.year, [as_of.month]).get((code, as_of.month))
        for ind in inds:
            if ind["source"] == source:
                ind["value"], ind["month"] = (found, as_of.month) if as_of.started else (None, None)


def targets(wb: Workbook, code: str, year: int, as_of: AsOf,
            letters: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
    """(letter rows, indicator rows, summary line) of `letters`, the letters whose receiver is `code` in `year`."""
    inds = _rows(wb, _INDICATORS_SQL, {"code": code, "year": year, "first": f"{year}-01",
                                       "end": as_of.month if as_of.started else f"{year - 1}-12"})
    _values(wb, code, inds, as_of)
    number_of = {letter["id"]: n for n, letter in enumerate(letters, start=1)}
    threshold, cap = wb.reviews.lag_threshold(), wb.reviews.score_cap()
    rows, pairs, tally = [], [], dict.fromkeys(("已达标", "推进中", "滞后", "未填报"), 0)
    inds.sort(key=lambda i: number_of[i["letter_id"]])          # stable: each letter's own order kept
    for n, ind in enumerate(inds, start=1):
        try:
            done = scoring.completion(ind["baseline"], ind["target"], ind["value"], ind["direction"])
        except scoring.ScoringError as exc:
            raise PrintError(f"指标“{ind['name']}”：{exc}") from None
        verdict = _verdict(done, as_of.started and scoring.is_lagging(done, as_of.elapsed, threshold))
        tally[verdict] += 1
        pairs.append((ind["weight"], done))
        rows.append(_indicator_row(n, ind, number_of[ind["letter_id"]], done, verdict, year))
    try:
        score = scoring.weighted_score(pairs, cap)
    except scoring.ScoringError as exc:
        raise PrintError(str(exc)) from None
    summary = (f"共{len(rows)}项指标：已达标{tally['已达标']}项，推进中{tally['推进中']}项，滞后{tally['滞后']}项，"
               f"未填报{tally['未填报']}项；加权得分{score:.2f}分（满分100分）。")
    return [_letter_row(n, letter) for n, letter in enumerate(letters, start=1)], rows, summary


def _indicator_row(n: int, ind: dict[str, Any], letter_no: int, done: float | None, verdict: str,
                   year: int) -> dict[str, Any]:
    lower = ind["direction"] == scoring.LOWER
    month = ind["month"]
    return {"序号": n, "责任书": letter_no, "指标名称": ind["name"], "单位": ind["unit"],
            "基数": number(ind["baseline"]), "目标值": ("≤" if lower else "") + number(ind["target"]),
            "权重": number(ind["weight"]), "完成时限": _deadline(ind["deadline"], year),
            "当前完成值": "—" if ind["value"] is None else number(ind["value"]),
            "填报月份": f"{int(month[5:])}月" if month else "—",
            "完成率": "—" if done is None else f"{number(done * 100, 1)}%", "是否达标": verdict}


def _letter_row(n: int, letter: dict[str, Any]) -> dict[str, Any]:
    signed = f"{cn_date(letter['signed_on'])}签订" if letter["signed_on"] else f"{letter['status']}，尚未签订"
    return {"序号": n, "名称": f"{letter['kind']}：{letter['title'] or letter['kind']}",
            "发文单位": letter["issuer_name"], "签订日期": signed}


def letter_signers(letters: Iterable[dict[str, Any]], unit_name: str) -> list[tuple[str, str, str]]:
    """(分工, 姓名, 单位及职务) of the receiving side's two signers (双签), once each."""
    seen, found = set(), []
    for letter in letters:
        for role, name, title in (("第一责任人", letter["receiver_signer1_name"], letter["receiver_signer1_title"]),
                                  ("直接责任人", letter["receiver_signer2_name"], letter["receiver_signer2_title"])):
            if name and (name, title) not in seen:
                seen.add((name, title))
                found.append((role, name, f"{unit_name}{title}"))
    return found


def people_rows(people: Iterable[tuple[str, str, str]]) -> list[dict[str, Any]]:
    return [{"序号": n, "责任分工": role, "姓名": name, "单位及职务": post}
            for n, (role, name, post) in enumerate(people, start=1)]


def base_content(wb: Workbook, title: str, year: int, as_of: AsOf, code: str, unit: str,
                 required: bool = True) -> dict[str, Any]:
    letters = _rows(wb, _LETTERS_SQL, [code, year])
    if not letters and required:
        raise PrintError(f"{year}年没有以{unit}为责任方（乙方）的目标责任书或军令状，无法生成责任清单。"
                         "请先在“目标责任书”中录入。")
    letter_rows, indicators, summary = targets(wb, code, year, as_of, letters)
    threshold = number(wb.reviews.lag_threshold() * 100)
    return {"标题": title, "副标题": f"（考核年度：{year}年　统计截至：{as_of.label}）", "截至": as_of.label,
            "责任书": letter_rows, "指标": indicators, "汇总": summary, "_letters": letters,
            "签字": list(wb.settings.get(SIGNERS_KEY, DEFAULT_SIGNERS)),
            "说明": ("注：完成率＝（当前完成值－基数）÷（目标值－基数），目标值前有“≤”的指标越低越好；某月未填报的，"
                   "沿用本年度此前最近一次的填报值；“滞后”指完成率低于全年时间进度的"
                   f"{threshold}%；加权得分按各指标权重计算，单项完成率超过100%的按100%计。")}


def finish(wb: Workbook, kind: str, key: str, year: int, content: dict[str, Any], filename: str) -> Printable:
    content.pop("_letters", None)
    return Printable(kind, key, str(year), content["标题"], f"{filename}.pdf", content, sheet_story)


# ---- village -----------------------------------------------------------------------------------------------------

_TEAM_OF_VILLAGE = """
SELECT w.id, w.name, w.sending_unit, w.start_date, lp.name AS leader, lp.unit AS leader_unit, lp.post AS leader_post,
       fs.name AS secretary, fs.unit AS secretary_unit, fs.post AS secretary_post
FROM work_team w LEFT JOIN person lp ON lp.id = w.leader_person_id LEFT JOIN person fs ON fs.id = w.first_secretary_id
WHERE w.village_id = ? AND w.start_date <= ? AND (w.end_date IS NULL OR w.end_date >= ?)
ORDER BY w.status = '在岗' DESC, w.start_date DESC LIMIT 1
"""


def _unit_post(unit: str | None, post: str | None) -> str:
    return "".join(x for x in (unit or "", post or "") if x)


def _team_people(team: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    if not team:
        return []
    found = []
    if team["secretary"]:
        both = team["secretary"] == team["leader"]
        found.append(("第一书记兼队长" if both else "第一书记", team["secretary"],
                      _unit_post(team["secretary_unit"], team["secretary_post"])))
    if team["leader"] and team["leader"] != team["secretary"]:
        found.append(("驻村工作队队长", team["leader"], _unit_post(team["leader_unit"], team["leader_post"])))
    return found


def village(wb: Workbook, code: str) -> dict[str, Any]:
    found = _rows(wb, "SELECT v.id, v.code, v.name, v.is_poor, v.status, v.exit_year, v.township_code, o.name AS "
                  "township FROM village v LEFT JOIN office o ON o.code = v.township_code WHERE v.code = ?", [code])
    if not found:
        raise PrintError(f"没有区划代码为“{code}”的行政村（应为12位统计用区划代码）")
    return found[0]


def build_village(wb: Workbook, key: str, params: str) -> Printable:
    year = parse_sheet_year(params)
    v = village(wb, key.strip())
    as_of = AsOf.of(wb, year)
    content = base_content(wb, f"{v['name']}{year}年度脱贫攻坚责任清单暨考核表", year, as_of, v["code"],
                           v["name"])
    team = next(iter(_rows(wb, _TEAM_OF_VILLAGE, [v["id"], f"{year}-12-31", f"{year}-01-01"])), None)
    kind = ("贫困村（" + (f"{v['exit_year']}年已退出" if v["status"] == "已退出" else "未退出") + "）"
            if v["is_poor"] else "非贫困村")
    content["基本情况"] = {"乡镇": v["township"] or office_name(v["township_code"]), "行政村": v["name"],
                       "区划代码": v["code"], "村类别": kind,
                       "驻村工作队": team["name"] if team else "（本年无驻村工作队）",
                       "派出单位": team["sending_unit"] if team else ""}
    content["责任人"] = people_rows(letter_signers(content["_letters"], v["name"]) + _team_people(team))
    return finish(wb, "sheet-village", v["code"], year, content, f"{v['code']}_{v['name']}_{year}年责任清单")


def village_keys(wb: Workbook, params: str) -> list[str]:
    """Every village of this office (the county: all) that received a letter in the year, in code order."""
    year = parse_sheet_year(params)
    where, args = own_townships(wb, "v.township_code")
    return [r[0] for r in wb.db.execute(
        "SELECT v.code FROM village v WHERE EXISTS (SELECT 1 FROM letter l WHERE l.receiver_code = v.code "
        f"AND l.year = ?) {where} ORDER BY v.code", [year, *args])]


# ---- township ----------------------------------------------------------------------------------------------------

def build_township(wb: Workbook, key: str, params: str) -> Printable:
    year = parse_sheet_year(params)
    code = key.strip()
    if code not in TOWNSHIPS:
        raise PrintError(f"没有代码为“{code}”的乡镇（应为9位乡镇代码，如140224101）")
    as_of = AsOf.of(wb, year)
    name = office_name(code)
    content = base_content(wb, f"{name}{year}年度脱贫攻坚责任清单暨考核表", year, as_of, code, name)
    villages = wb.db.execute("SELECT COUNT(*), SUM(is_poor) FROM village WHERE township_code = ?", [code]).fetchone()
    teams = wb.db.execute("SELECT COUNT(*) FROM work_team WHERE township_code = ? AND start_date <= ? AND "
                          "(end_date IS NULL OR end_date >= ?)", [code, f"{year}-12-31", f"{year}-01-01"]).fetchone()
    content["基本情况"] = {"乡镇": name, "乡镇代码": code,
                       "行政村": f"{villages[0]}个（其中贫困村{villages[1] or 0}个）", "驻村工作队": f"{teams[0]}支"}
    content["责任人"] = people_rows(letter_signers(content["_letters"], name))
    content["所辖村"] = township_villages(wb, code, as_of)
    return finish(wb, "sheet-township", code, year, content, f"{code}_{name}_{year}年责任清单")


def township_villages(wb: Workbook, code: str, as_of: AsOf) -> list[dict[str, Any]]:
    """The township's villages scored and ranked on their 乡对村 letters, as the monthly review does."""
    try:
        units = wb.reviews.units("乡对村", as_of.month, code)
    except scoring.ScoringError as exc:
        raise PrintError(str(exc)) from None
    rows = []
    for u in units:
        done = sum(1 for s in u.indicators if s.completion is not None and s.completion >= 1)
        blank = sum(1 for s in u.indicators if s.value is None)
        rows.append({"排名": u.rank if as_of.started else "—", "行政村": u.name, "指标数": len(u.indicators),
                     "已达标": done, "滞后": u.lagging if as_of.started else "—", "未填报": blank,
                     "加权得分": f"{u.score:.2f}"})
    return rows


def township_keys(wb: Workbook, params: str) -> list[str]:
    parse_sheet_year(params)
    return [code for code, _name in wb.townships()] if wb.is_county else [wb.office_code]


# ---- work team ---------------------------------------------------------------------------------------------------

_TEAM_SQL = ("SELECT w.id, w.name, w.sending_unit, w.start_date, w.end_date, w.status, w.township_code, "
             "v.code AS village_code, v.name AS village, o.name AS township FROM work_team w "
             "JOIN village v ON v.id = w.village_id LEFT JOIN office o ON o.code = w.township_code WHERE w.id = ?")


def _posted_in(row: dict[str, Any], year: int) -> bool:
    return row["start_date"] <= f"{year}-12-31" and (not row["end_date"] or row["end_date"] >= f"{year}-01-01")


def team_row(wb: Workbook, team_id: str) -> dict[str, Any]:
    found = _rows(wb, _TEAM_SQL, [team_id.strip()])
    if not found:
        raise PrintError(f"找不到该驻村工作队（编号 {team_id}），可能已被删除")
    return found[0]


@dataclass
class _MemberYear:
    days: int = 0
    met: int = 0
    short: int = 0


def member_years(wb: Workbook, team_id: str, as_of: AsOf) -> dict[str, _MemberYear]:
    """Each member's year so far, month by month through the attendance repository (its rules, its settings):
    days in the village, months that met the requirement, months that fell short for good."""
    found: dict[str, _MemberYear] = {}
    if not as_of.started:
        return found
    for m in range(1, int(as_of.month[5:]) + 1):
        for member in wb.attendance.month_grid(team_id, f"{as_of.year}-{m:02d}").members:
            total, mine = member.total, found.setdefault(member.person_id, _MemberYear())
            if total is None or not total.posted_days:
                continue
            mine.days += total.in_village
            mine.met += total.in_village >= total.required
            mine.short += total.below
    return found


def team_members(wb: Workbook, team_id: str, year: int, as_of: AsOf) -> list[dict[str, Any]]:
    stats = member_years(wb, team_id, as_of)
    rows, seen = [], set()
    for m in wb.teams.members(team_id, f"{year}-01-01", until=f"{year}-12-31"):
        if m["person_id"] in seen:
            continue
        seen.add(m["person_id"])
        s = stats.get(m["person_id"], _MemberYear())
        role = m["role"] + ("" if m["status"] == "在岗" else f"（{m['status']}）")
        rows.append({"序号": len(rows) + 1, "姓名": m["name"], "队内职务": role,
                     "派出单位及职务": _unit_post(m["unit"], m["post"]), "进驻日期": cn_date(m["start_date"]),
                     "本年在村天数": s.days if as_of.started else "—", "考勤达标月数": s.met, "未达标月数": s.short})
    return rows


def team_duties(wb: Workbook, team: dict[str, Any], as_of: AsOf, members: list[dict[str, Any]]) -> dict[str, Any]:
    att = wb.attendance
    days, trips = att.required_per_month(), "，因公出差（会议、培训）计入在村天数" if att.trips_count() else ""
    limit = att.leave_county_days()
    visits = wb.db.execute("SELECT COUNT(*) FROM visit WHERE team_id = ? AND visit_date BETWEEN ? AND ?",
                           [team["id"], f"{as_of.year}-01-01", f"{as_of.month}-31"]).fetchone()[0] \
        if as_of.started else 0
    short = sum(m["未达标月数"] for m in members)
    duties = (f"驻村工作队员每月在村不少于{days}天（当月部分时间驻村的按驻村天数折算）{trips}；"
              f"请假须书面报批，{limit}天以内由乡镇党委审批，超过{limit}天须经县委组织部审批；"
              "每月报送考勤表，接受乡镇和县级抽查；按户开展入户走访，落实帮扶措施，协助完成本村脱贫攻坚目标任务。")
    summary = f"截至{as_of.label}：本年入户走访{visits}次；在册队员{len(members)}人，考勤未达标共{short}人次。"
    return {"职责要求": duties, "履职小结": summary}


def build_team(wb: Workbook, key: str, params: str) -> Printable:
    year = parse_sheet_year(params)
    team = team_row(wb, key)
    if not _posted_in(team, year):
        raise PrintError(f"{team['name']}{year}年不在派驻期内，没有该年度的责任清单")
    as_of = AsOf.of(wb, year)
    content = base_content(wb, f"{team['name']}{year}年度责任清单暨考核表", year, as_of, team["village_code"],
                           team["village"], required=False)
    members = team_members(wb, team["id"], year, as_of)
    content["基本情况"] = {"乡镇": team["township"] or office_name(team["township_code"]), "驻村": team["village"],
                       "派出单位": team["sending_unit"], "派驻日期": cn_date(team["start_date"]),
                       "在村要求": f"每月不少于{wb.attendance.required_per_month()}天", "状态": team["status"]}
    content["责任人"] = people_rows((m["队内职务"], m["姓名"], m["派出单位及职务"]) for m in members)
    content["工作队"] = team_duties(wb, team, as_of, members)
    content["队员"] = members
    return finish(wb, "sheet-team", team["id"], year, content, f"{team['name']}_{year}年责任清单")


def team_keys(wb: Workbook, params: str) -> list[str]:
    """Every team of this office posted at some time in the year, in township and village order."""
    year = parse_sheet_year(params)
    where, args = own_townships(wb, "w.township_code")
    return [r[0] for r in wb.db.execute(
        "SELECT w.id FROM work_team w JOIN village v ON v.id = w.village_id WHERE w.start_date <= ? AND "
        f"(w.end_date IS NULL OR w.end_date >= ?) {where} ORDER BY w.township_code, v.code, w.start_date",
        [f"{year}-12-31", f"{year}-01-01", *args])]


KINDS = [
    DocumentKind("sheet-village", "责任清单（村）", build_village, village_keys, "年度"),
    DocumentKind("sheet-team", "责任清单（驻村工作队）", build_team, team_keys, "年度"),
    DocumentKind("sheet-township", "责任清单（乡镇）", build_township, township_keys, "年度"),
]
