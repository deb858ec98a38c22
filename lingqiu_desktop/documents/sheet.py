"""责任清单 / 考核表 (accountability sheet) of a village, a work team or a township, drawn with documents/ruled.py.

The story is drawn only from the content dict that printing/sheets.py gathers (keys are the printed labels).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from lingqiu_desktop.documents.base import (
    BLANK_DATE,
    SIZE_5,
    SIZE_XIAO4,
    SIZE_XIAO5,
    TEXT_HEIGHT,
    TEXT_WIDTH,
    Styles,
    para,
)
from lingqiu_desktop.documents.ruled import (
    Band,
    Column,
    PlainText,
    RuledTable,
    info_table,
    keep_tail,
    sheet_styles,
    sign_table,
    signer,
)

SIZE_XIAO2 = 18.0                      # 小二: a sheet's title fits one line
INDICATOR_COLUMNS = (Column("序号", 6), Column("指标名称", 25, "L"), Column("单位", 7), Column("基数", 8),
                     Column("目标值", 9), Column("权重", 6), Column("完成时限", 16), Column("当前\n完成值", 9),
                     Column("填报\n月份", 7), Column("完成率", 9), Column("是否\n达标", 10))
INDICATOR_KEYS = ("序号", "指标名称", "单位", "基数", "目标值", "权重", "完成时限", "当前完成值", "填报月份", "完成率",
                  "是否达标")
PEOPLE_COLUMNS = (Column("序号", 5), Column("责任分工", 18), Column("姓名", 12), Column("单位及职务", 45, "L"),
                  Column("签字", 20))


def common_deadline(content: dict[str, Any]) -> str | None:
    """The deadline every indicator shares (usually the year's end): said once instead of a column of repeats."""
    found = {ind["完成时限"] for ind in content["指标"]}
    return found.pop() if len(found) == 1 else None


def indicator_table(content: dict[str, Any], st: Styles) -> RuledTable:
    """The targets grouped under the letter they come from (a caption band per letter)."""
    shared = common_deadline(content)
    keys = [k for k in INDICATOR_KEYS if not (shared is not None and k == "完成时限")]
    columns = [c for c, k in zip(INDICATOR_COLUMNS, INDICATOR_KEYS, strict=True) if k in keys]
    by_letter: dict[Any, list[dict[str, Any]]] = {}
    for ind in content["指标"]:
        by_letter.setdefault(ind["责任书"], []).append(ind)
    rows: list[Sequence[Any] | Band] = []
    for letter in content["责任书"]:
        rows.append(Band(f"{letter['序号']}. {letter['名称']}（{letter['发文单位']}，{letter['签订日期']}）"))
        rows += [[ind[k] for k in keys] for ind in by_letter.get(letter["序号"], [])]
    if not rows:
        rows.append(Band("（本年度尚未签订目标责任书，暂无目标任务）"))
    return RuledTable(columns, rows, st)


def sheet_story(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """The sheet: title, unit, responsible persons, targets and progress, team or village sections, signatures."""
    ss = sheet_styles(st)
    items: list[Flowable] = [para(content["标题"], ss.title), para(content["副标题"], ss.subtitle),
                             Spacer(1, 3 * mm), info_table(list(content["基本情况"].items()), st)]
    n = 1
    items += [para(f"{_NUMERALS[n]}、责任人", ss.heading),
              RuledTable(PEOPLE_COLUMNS, [[p["序号"], p["责任分工"], p["姓名"], p["单位及职务"], ""]
                                          for p in content["责任人"]], st, min_row_height=8 * mm)]
    n += 1
    shared = common_deadline(content)
    items += [para(f"{_NUMERALS[n]}、目标任务及完成情况（截至{content['截至']}）", ss.heading),
              indicator_table(content, st), Spacer(1, 1.5 * mm),
              note(content["汇总"] + (f"各项指标完成时限均为{'' if '年' in shared else '本年度'}{shared}。"
                                       if shared else ""), st, SIZE_XIAO4)]
    if "工作队" in content:
        n += 1
        items += team_section(content, st, _NUMERALS[n])
    if "所辖村" in content:
        n += 1
        items += villages_section(content, st, _NUMERALS[n])
    return keep_tail(items + closing(content, st))


_NUMERALS = "〇一二三四五六七八九十"

TEAM_COLUMNS = (Column("序号", 5), Column("姓名", 10), Column("队内职务", 11), Column("派出单位及职务", 24, "L"),
                Column("进驻日期", 18), Column("本年在\n村天数", 11), Column("考勤达\n标月数", 11),
                Column("未达标\n月数", 10))
VILLAGE_COLUMNS = (Column("排名", 7), Column("行政村", 18, "L"), Column("指标数", 10), Column("已达标", 10),
                   Column("滞后", 10), Column("未填报", 10), Column("加权得分", 12))


def team_section(content: dict[str, Any], st: Styles, numeral: str) -> list[Flowable]:
    ss = sheet_styles(st)
    team = content["工作队"]
    rows = [[m["序号"], m["姓名"], m["队内职务"], m["派出单位及职务"], m["进驻日期"], m["本年在村天数"],
             m["考勤达标月数"], m["未达标月数"]] for m in content["队员"]]
    return [para(f"{numeral}、工作队职责与履职情况", ss.heading),
            note(team["职责要求"], st, SIZE_XIAO4), Spacer(1, 1.5 * mm),
            RuledTable(TEAM_COLUMNS, rows or [["", "（本年无在岗队员）", "", "", "", "", "", ""]], st),
            note(team["履职小结"], st, SIZE_XIAO4)]


def villages_section(content: dict[str, Any], st: Styles, numeral: str) -> list[Flowable]:
    ss = sheet_styles(st)
    rows = [[v["排名"], v["行政村"], v["指标数"], v["已达标"], v["滞后"], v["未填报"], v["加权得分"]]
            for v in content["所辖村"]]
    return [para(f"{numeral}、所辖村目标完成情况（截至{content['截至']}）", ss.heading),
            RuledTable(VILLAGE_COLUMNS, rows or [["", "（本年无乡对村责任书）", "", "", "", "", ""]], st)]


def note(text: str, st: Styles, size: float = SIZE_5) -> PlainText:
    return PlainText(text, st.fonts.body, size, size * 1.6, space_before=1 * mm)


def closing(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """考核意见 box, the signature lines and the note, on one page (a CondPageBreak measured on them, which unlike
    KeepTogether nests with anything); keep_tail carries the last table rows over with them."""
    box = RuledTable([Column("", 18), Column("", 82, "L")], [["考核意见", ""]], st, header=False,
                     label_columns=(0,), min_row_height=18 * mm)
    cells = [signer(label) for label in content["签字"]] + [f"日期：{BLANK_DATE}"]
    signs = sign_table([cells[i:i + 2] for i in range(0, len(cells), 2)], st)
    remark = note(content["说明"], st, SIZE_XIAO5)
    need = box.total_height + 4 * mm + signs.wrap(TEXT_WIDTH, TEXT_HEIGHT)[1] + remark.wrap(TEXT_WIDTH, 0)[1]
    return [Spacer(1, 3 * mm), CondPageBreak(need), box, Spacer(1, 3 * mm), signs, remark]
