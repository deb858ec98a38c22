"""季度通报 (the quarterly 点评通报 of the "1+3" reviews) in GB/T 9704-2012 layout, rendered from its content only.

On paper: the issuer's red mark and red rule, the title (2号, centred), 主送, an opening paragraph, 一、总体情况
(sentences worked out from the ranking: how many units, who leads, who trails, how many indicators lag),
二、排名情况 (名次, 单位, 综合得分, 环比, 滞后指标数), 三、得分明细 (one table a unit: each indicator's 权重 ×
完成率 = 得分), 四、工作要求, then the issuer and the date under one seal (GB/T 9704 §7.3.5.1: the date 右空四字,
the issuer centred over it, the seal over both).

Content keys (printing/circular.py builds them): 发文机关, 标题, 主送, 季度, 单位类别 (乡镇/村), 滞后标准 (percent),
排名 [{名次, 单位, 综合得分, 环比, 滞后指标数, 指标数}], 得分明细 [{单位, 权重折算, 指标 [{指标名称, 单位, 目标值,
方向, 完成值, 权重, 完成率, 得分, 备注}]}] (in the order of 排名), 成文日期 ('YYYY-MM-DD').
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from lingqiu_desktop.documents.base import (
    BODY_LEADING,
    SEAL_RED,
    SIZE_2,
    SIZE_3,
    SIZE_XIAO4,
    SIZE_XIAO5,
    TEXT_WIDTH,
    SealCircle,
    Styles,
    cn_date,
    fit_widths,
    grid_table,
    number,
    table_style,
)
from lingqiu_desktop.documents.letter import LOWER
from lingqiu_desktop.documents.typeset import KeepTail, kpara

RANK_HEADERS = ("名次", "单位", "综合得分", "环比", "指标数", "滞后指标数")
RANK_WEIGHTS = (14, 48, 26, 26, 20, 22)
DETAIL_HEADERS = ("序号", "指标名称", "单位", "目标值", "完成值", "权重", "完成率", "得分", "备注")
DETAIL_WEIGHTS = (10, 40, 10, 15, 15, 12, 15, 14, 12)
DIGITS = "零一二三四五六七八九"


def story(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """The 通报 itself (one or two pages, ending with the issuer, date and seal), then the breakdown as its 附件."""
    unit = content.get("单位类别", "单位")
    items: list[Flowable] = [*masthead(content["发文机关"], st), kpara(content["标题"], st.title),
                             kpara(content.get("主送", ""), st.plain)]
    items.append(kpara(f"根据脱贫攻坚“1+3”考核评比推进机制，对各{unit}{content['季度']}目标责任书（军令状）"
                       "指标完成情况进行了点评。现将有关情况通报如下：", st.body))
    items += [kpara("一、总体情况", st.h1), kpara(overview(content), st.body)]
    items += [KeepTail([kpara("二、排名情况", st.h1)], ranking_table(content.get("排名", []), st), [], rows=2,
                       first_rows=3),
              Spacer(1, BODY_LEADING * 0.3)]
    items += [kpara("三、工作要求", st.h1),
              kpara(f"各{unit}要对照本次点评结果，逐项分析滞后指标，认真查找差距，明确整改措施和完成时限，"
                    "确保全年脱贫攻坚目标任务按期完成。", st.body)]
    items.append(Spacer(1, BODY_LEADING))
    attachment = f"{content['季度']}各{unit}得分明细"
    items.append(kpara(f"附件：{attachment}", st.body))
    items.append(issuer_block(content["发文机关"], cn_date(content.get("成文日期")), st))
    items += [PageBreak(), kpara("附件", ParagraphStyle("attach", parent=st.plain, fontName=st.fonts.heading)),
              kpara(attachment, st.title), *breakdown(content, st)]
    return items


def masthead(issuer: str, st: Styles) -> list[Flowable]:
    """The issuer's mark in red, centred, with the red rule under it (版头)."""
    mark = ParagraphStyle("mark", parent=st.title, fontSize=SIZE_2 * 1.25, leading=SIZE_2 * 1.6, textColor=SEAL_RED,
                          spaceAfter=0)
    return [kpara(issuer, mark),
            HRFlowable(width="100%", thickness=1.2, color=SEAL_RED, spaceBefore=1 * mm, spaceAfter=BODY_LEADING * 0.5)]


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 17 → 十七, 23 → 二十三 (headings （一）…（九十九）)."""
    if n < 10:
        return DIGITS[n]
    tens, ones = divmod(n, 10)
    return f"{'' if tens == 1 else DIGITS[tens]}十{DIGITS[ones] if ones else ''}"


def _names(rows: list[dict[str, Any]]) -> str:
    return "、".join(r["单位"] for r in rows)


def overview(content: dict[str, Any]) -> str:
    """一、总体情况 in sentences: the count, the average, who ranks first and last, and the lagging indicators."""
    rows, unit = content.get("排名", []), content.get("单位类别", "单位")
    scores = [float(r["综合得分"]) for r in rows]
    text = f"本季度参加点评的共{len(rows)}个{unit}，平均综合得分{score(sum(scores) / len(scores))}分。"
    first = [r for r in rows if r["名次"] == rows[0]["名次"]]
    last = [r for r in rows if r["名次"] == rows[-1]["名次"]]
    together = "并列" if len(first) > 1 else "位列"
    text += f"{_names(first)}以{score(first[0]['综合得分'])}分{together}第一"
    if last[0]["名次"] != first[0]["名次"]:
        text += f"；{_names(last)}得分{score(last[0]['综合得分'])}分，{'并列' if len(last) > 1 else ''}排名最后"
    lagging = sum(int(r["滞后指标数"]) for r in rows)
    behind = sum(1 for r in rows if int(r["滞后指标数"]))
    if lagging:
        text += (f"。共有{lagging}项指标完成进度滞后（完成率低于{number(content.get('滞后标准'))}%），"
                 f"涉及{behind}个{unit}。")
    else:
        text += "。各项指标完成进度均达到时序要求。"
    return text


def score(value: Any) -> str:
    """Scores always with two decimals, so a column of them lines up (48.70, not 48.7)."""
    return "" if value is None else f"{round(float(value), 2) + 0.0:.2f}"      # + 0.0: never "-0.00"


def _change(value: Any) -> str:
    if value is None:
        return "—"
    text = score(value)
    return "0.00" if text in ("0.00", "-0.00") else text if text.startswith("-") else f"+{text}"


def ranking_table(rows: list[dict[str, Any]], st: Styles) -> Table:
    body = [[str(r["名次"]), r["单位"], score(r["综合得分"]), _change(r.get("环比")), str(r["指标数"]),
             str(r["滞后指标数"])] for r in rows]
    return grid_table(RANK_HEADERS, body, fit_widths(RANK_WEIGHTS), st, centre_columns=(0, 2, 3, 4, 5),
                      extra_style=[("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])


def _percent(value: Any) -> str:
    return "" if value is None else f"{round(float(value), 1) + 0.0:.1f}%"


def detail_rows(indicators: list[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for i, s in enumerate(indicators, start=1):
        target = number(s.get("目标值"))
        rows.append([str(i), s["指标名称"], s.get("单位", ""), f"≤{target}" if s.get("方向") == LOWER else target,
                     "未填报" if s.get("完成值") is None else number(s["完成值"]), number(s["权重"]),
                     _percent(s.get("完成率")), score(s["得分"]), s.get("备注", "")])
    return rows


def compact(st: Styles) -> Styles:
    """小五 cells for the long breakdown: a county's 200 indicators take half the pages 5号 would."""
    cell = ParagraphStyle("cell_small", parent=st.cell, fontSize=SIZE_XIAO5, leading=SIZE_XIAO5 * 1.3)
    return replace(st, cell=cell, cell_center=ParagraphStyle("cell_small_c", parent=cell, alignment=TA_CENTER),
                   cell_head=ParagraphStyle("cell_small_h", parent=st.cell_head, fontSize=SIZE_XIAO5,
                                            leading=SIZE_XIAO5 * 1.3))


def breakdown(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """One table a unit under a 楷体 heading (（一）独峪乡（第1名，54.68分）); the heading stays with the table's first
    rows, a long unit's table repeats its header on the next page."""
    details, ranking = content.get("得分明细", []), content.get("排名", [])
    note = ParagraphStyle("note", parent=st.plain, fontSize=SIZE_XIAO4, leading=SIZE_XIAO4 * 1.6,
                          firstLineIndent=2 * SIZE_XIAO4, spaceAfter=2 * mm)
    text = ("得分＝权重×完成率。完成率为截至季度末完成值从基数到目标值的进度，超过100%的按100%计，低于0的按0计；"
            "目标值前标“≤”的为越低越好的指标；“滞后”指完成率低于时序进度要求，“未填报”的指标不得分。")
    if any(d.get("权重折算") for d in details):
        text += "同一单位签有多份责任书或各指标权重合计不为100的，权重已按合计100折算。"
    items: list[Flowable] = [kpara(text, note)]
    small, widths = compact(st), fit_widths(DETAIL_WEIGHTS)
    for n, (detail, rank) in enumerate(zip(details, ranking, strict=True), start=1):
        heading = f"（{chinese_number(n)}）{detail['单位']}（第{rank['名次']}名，{score(rank['综合得分'])}分）"
        table = grid_table(DETAIL_HEADERS, detail_rows(detail.get("指标", [])), widths, small,
                           centre_columns=(0, 2, 3, 4, 5, 6, 7, 8),
                           extra_style=[("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])
        items += [KeepTail([kpara(heading, st.h2)], table, [], rows=2, first_rows=3), Spacer(1, 2 * mm)]
    return items


def issuer_block(issuer: str, date_text: str, st: Styles) -> Flowable:
    """The issuer centred over the date, the date 右空四字, one seal circle over both (GB/T 9704 §7.3.5.1)."""
    font = st.fonts.body
    date_w = stringWidth(date_text, font, SIZE_3)
    col_w = max(date_w, stringWidth(issuer, font, SIZE_3)) + 4
    col_right = min(TEXT_WIDTH, TEXT_WIDTH - 4 * SIZE_3 + (col_w - date_w) / 2)
    style = ParagraphStyle("issuer", parent=st.plain, alignment=TA_CENTER)
    seal_d = 42 * mm
    # the seal's centre a little above the middle of the two lines, so they sit slightly below it
    seal = SealCircle(diameter=seal_d, dx=col_w / 2 - seal_d / 2, dy=-0.8 * BODY_LEADING - seal_d / 2)
    widths = [col_w, TEXT_WIDTH - col_right] if col_right < TEXT_WIDTH else [col_w]
    rows = [[[seal, kpara(issuer, style)]], [kpara(date_text, style)]]
    if len(widths) == 2:
        rows = [[*row, ""] for row in rows]
    table = Table(rows, colWidths=widths, hAlign="RIGHT")
    table.setStyle(table_style(st, ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)))
    return KeepTogether([Spacer(1, BODY_LEADING * 1.6), table])
