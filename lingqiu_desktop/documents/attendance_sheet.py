"""驻村工作队月度考勤表: A4 landscape, members × the days of the month with a mark per day, the month's totals
against the requirement, leave and spot checks below, signatures of the team leader and the township official in
charge, the township's seal. Drawn only from the content dict printing/attendance.py gathers.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from lingqiu_desktop.documents.base import (
    BLANK_DATE,
    LANDSCAPE_WIDTH,
    SIZE_5,
    SIZE_XIAO5,
    Styles,
    para,
)
from lingqiu_desktop.documents.ruled import (
    Column,
    PlainText,
    RuledTable,
    info_table,
    keep_tail,
    sheet_styles,
    sign_table,
    signer,
)

WEEKDAYS = "一二三四五六日"
NOT_POSTED = "／"
# The mark of each status; a font without √ or × (an old 仿宋_GB2312 has both, but be safe) falls back to a character.
MARKS = {"在村": ("√", "在"), "请假": ("假", "假"), "出差": ("差", "差"), "缺勤": ("×", "缺")}


def marks_for(font: str) -> dict[str, str]:
    """The status → mark table for `font`: the symbol when the font has it, else the one-character word."""
    face = pdfmetrics.getFont(font).face
    glyphs = getattr(face, "charToGlyph", {})
    return {status: sym if ord(sym) in glyphs else word for status, (sym, word) in MARKS.items()}


def legend(marks: dict[str, str]) -> str:
    shown = "　".join(f"{mark} {status}" for status, mark in marks.items())
    return f"图例：{shown}　{NOT_POSTED} 不在驻村期内　空白 未登记"


def _day_columns(month: str) -> tuple[list[Column], list[int]]:
    year, mon = int(month[:4]), int(month[5:7])
    days = [date(year, mon, d) for d in range(1, 32) if _valid(year, mon, d)]
    columns = [Column(f"{d.day}\n{WEEKDAYS[d.weekday()]}", 5.2) for d in days]
    weekend = [i for i, d in enumerate(days) if d.weekday() >= 5]
    return columns, weekend


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


TOTAL_KEYS = ("在村天数", "请假天数", "出差天数", "缺勤天数", "要求天数", "是否达标")
TOTAL_COLUMNS = [Column("在村\n天数", 8.5), Column("请假\n天数", 8.5), Column("出差\n天数", 8.5),
                 Column("缺勤\n天数", 8.5), Column("要求\n天数", 8.5), Column("是否\n达标", 12)]


def grid(content: dict[str, Any], st: Styles) -> RuledTable:
    day_cols, weekend = _day_columns(content["月份"])
    marks = marks_for(st.fonts.body)
    lead = [Column("序号", 6), Column("姓名", 15), Column("职务", 14)]
    rows = []
    for m in content["队员"]:
        days = [marks.get(m["考勤"][f"{i + 1}日"], m["考勤"][f"{i + 1}日"]) for i in range(len(day_cols))]
        rows.append([m["序号"], m["姓名"], m["职务"], *days, *(m[k] for k in TOTAL_KEYS)])
    return RuledTable(lead + day_cols + TOTAL_COLUMNS, rows, st, width=LANDSCAPE_WIDTH, size=SIZE_XIAO5, pad=1.5,
                      min_row_height=8 * mm, shade_columns=[3 + i for i in weekend])


LEAVE_COLUMNS = [Column("序号", 5), Column("姓名", 10), Column("请假类型", 10), Column("起止日期", 26),
                 Column("天数", 6), Column("事由", 44, "L"), Column("审批人", 14), Column("审批日期", 16)]
CHECK_COLUMNS = [Column("序号", 5), Column("抽查日期", 16), Column("被抽查人", 12), Column("抽查人", 24),
                 Column("抽查结果", 18), Column("备注", 60, "L")]


def attendance_story(content: dict[str, Any], st: Styles) -> list[Flowable]:
    ss = sheet_styles(st)
    marks = marks_for(st.fonts.body)
    info = info_table(list(content["基本情况"].items()), st, width=LANDSCAPE_WIDTH)
    items: list[Flowable] = [para(content["标题"], ss.title), para(content["副标题"], ss.subtitle),
                             Spacer(1, 2 * mm), info, Spacer(1, 2 * mm), grid(content, st),
                             PlainText(legend(marks) + "。" + content["说明"], st.fonts.body, SIZE_XIAO5,
                                       SIZE_XIAO5 * 1.6, space_before=1 * mm)]
    leaves = [[x["序号"], x["姓名"], x["请假类型"], x["起止日期"], x["天数"], x["事由"], x["审批人"], x["审批日期"]]
              for x in content["请假明细"]]
    checks = [[x["序号"], x["抽查日期"], x["被抽查人"], x["抽查人"], x["抽查结果"], x["备注"]]
              for x in content["抽查情况"]]
    items += _block("一、请假明细", LEAVE_COLUMNS, leaves, "本月无请假。", st)
    items += _block("二、抽查情况", CHECK_COLUMNS, checks, "本月无抽查记录。", st)
    return keep_tail(items + signatures(content, st))


def _block(heading: str, columns: list[Column], rows: list[list[Any]], empty: str, st: Styles) -> list[Flowable]:
    ss = sheet_styles(st)
    title = para(heading, ss.heading)
    if not rows:
        return [title, PlainText(empty, st.fonts.body, SIZE_5)]
    return [CondPageBreak(25 * mm), title, RuledTable(columns, rows, st, width=LANDSCAPE_WIDTH)]


def signatures(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """工作队队长 and 乡镇分管领导 sign (labels from settings); the township seals and dates the sheet."""
    labels = [signer(label) for label in content["签字"]]
    rows = [[*labels, f"{content['填报单位']}（盖章）"], [*[""] * len(labels), BLANK_DATE]]
    return [CondPageBreak(30 * mm), Spacer(1, 5 * mm), sign_table(rows, st, LANDSCAPE_WIDTH)]
