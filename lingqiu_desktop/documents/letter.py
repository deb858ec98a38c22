"""目标责任书 / 军令状 in GB/T 9704-2012 layout (DOMAIN.md §2 and §6), rendered from its content dict only.

Order on paper: the title (2号, centred), the two parties (甲方：… 乙方：…), the clauses as stored (一、 headings in
黑体, （一） in 楷体, body 3号仿宋) closed by the "一式两份" sentence when they lack it, the indicator table (附表,
header repeated on every page, a 合计 row), and both parties' signature blocks (two signers each, date, seal circle)
kept together with the table's last rows. Page numbers and the QR code come from documents/base.py.

Content keys (printing/letters.py builds them): 标题, 类型, 甲方, 乙方 (organisations joined by 、), 条款,
指标 [{序号, 指标名称, 单位, 基数, 目标值, 方向, 完成时限, 权重}], 份数 ('' when the clauses say it), 甲方签字 and
乙方签字 [{职务, 姓名}], 签订日期 ('YYYY-MM-DD' or None: a blank date line).
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from lingqiu_desktop.documents.base import (
    BODY_LEADING,
    SIZE_3,
    SIZE_5,
    SignParty,
    Styles,
    cn_date,
    escape,
    fit_widths,
    grid_table,
    number,
    para,
    signature_block,
)
from lingqiu_desktop.documents.typeset import KeepTail, KinsokuParagraph, kpara

LOWER = "越低越好"
HEADERS = ("序号", "指标名称", "单位", "基数", "目标值", "完成时限", "权重")
# 序号 and the figures are short; the name takes what is left (a long name wraps inside its cell)
WEIGHTS = (9, 46, 11, 17, 19, 32, 12)
NUMERALS = "一二三四五六七八九十"
_H1 = re.compile(rf"^[{NUMERALS}]+、")
_H2 = re.compile(rf"^（[{NUMERALS}]+）")
# a run-in heading ends at the first colon or full stop within this many characters of its number
_RUN_IN = 24


def story(content: dict[str, Any], st: Styles) -> list[Flowable]:
    items: list[Flowable] = [kpara(content["标题"], st.title), Spacer(1, BODY_LEADING * 0.2)]
    items += parties(content, st)
    items.append(Spacer(1, BODY_LEADING * 0.3))
    items += clauses(content.get("条款", ""), st)
    if content.get("份数"):          # the last clause, as the templates have it
        items.append(kpara(content["份数"], st.body))
    head, table, note = indicator_table(content.get("指标", []), st)
    tail = [*note, *closing(content, st)]
    items.append(KeepTail(head, table, tail) if table is not None else KeepTogether(tail))
    return items


def organisations(text: str) -> list[str]:
    return [part for part in re.split(r"[、\s]+", text or "") if part]


def parties(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """甲方：… / 乙方：… one per line; a name that wraps hangs under the name, not under 甲方."""
    style = ParagraphStyle("party", parent=st.plain, leftIndent=3 * SIZE_3, firstLineIndent=-3 * SIZE_3)
    return [para(f"{role}：{'　'.join(organisations(content.get(role, '')))}", style) for role in ("甲方", "乙方")]


def clauses(text: str, st: Styles) -> list[Flowable]:
    """The clauses as stored, one paragraph a line: 一、 in 黑体, （一） in 楷体, the rest 仿宋."""
    out: list[Flowable] = []
    for line in (part.strip() for part in str(text or "").splitlines()):
        if line:
            out.append(clause_paragraph(line, st))
    return out


def clause_paragraph(line: str, st: Styles) -> Paragraph:
    """A heading alone on its line takes the heading's font; a run-in heading ("一、责任双方：甲方为…") only
    its lead-in, the sentence after it stays in the body font (GB/T 9704 §7.3.3)."""
    for pattern, font in ((_H1, st.fonts.heading), (_H2, st.fonts.kai)):
        match = pattern.match(line)
        if not match:
            continue
        rest = line[match.end():]
        stop = next((i for i, ch in enumerate(rest[:_RUN_IN]) if ch in "：。:"), -1)
        if stop < 0 and not re.search(r"[，。；]", rest):
            return KinsokuParagraph(f'<font name="{font}">{escape(line)}</font>', st.body)
        if stop < 0:
            break
        head, tail = line[:match.end() + stop + 1], rest[stop + 1:]
        return KinsokuParagraph(f'<font name="{font}">{escape(head)}</font>{escape(tail)}', st.body)
    return kpara(line, st.body)


def _target(row: dict[str, Any]) -> str:
    value = number(row.get("目标值"))
    return f"≤{value}" if row.get("方向") == LOWER else value


def indicator_table(rows: list[dict[str, Any]], st: Styles) -> tuple[list[Flowable], Table | None, list[Flowable]]:
    """附表: (caption, the indicators in a ruled table with the weights' total, the note on 逆向指标)."""
    if not rows:
        return [], None, []
    caption = ParagraphStyle("caption", parent=st.plain, fontName=st.fonts.heading, alignment=TA_CENTER,
                             spaceBefore=BODY_LEADING * 0.4, spaceAfter=4)
    body = [[str(r.get("序号", i + 1)), r.get("指标名称", ""), r.get("单位", ""), number(r.get("基数")), _target(r),
             cn_date(r["完成时限"]) if r.get("完成时限") else "", number(r.get("权重"))] for i, r in enumerate(rows)]
    body.append(["合计", "", "", "", "", "", number(sum(float(r.get("权重") or 0) for r in rows))])
    last = len(body)
    table = grid_table(HEADERS, body, fit_widths(WEIGHTS), st, centre_columns=(0, 2, 3, 4, 5, 6),
                       extra_style=[("SPAN", (0, last), (5, last))])
    note: list[Flowable] = []
    if any(r.get("方向") == LOWER for r in rows):
        style = ParagraphStyle("note", parent=st.small, fontSize=SIZE_5, leading=SIZE_5 * 1.5, spaceBefore=3)
        note.append(kpara("注：目标值前标“≤”的为越低越好的指标（逆向指标），不高于目标值即为完成。", style))
    return [kpara("附表　目标任务指标", caption)], table, note


def signers(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(r.get("职务", ""), r.get("姓名", "")) for r in rows]


def closing(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """The two signature blocks side by side (never split over pages)."""
    signed_on = content.get("签订日期")
    blocks = [SignParty(role, " ".join(organisations(content.get(role, ""))),
                        signers(content.get(f"{role}签字", [])), signed_on)
              for role in ("甲方", "乙方")]
    return [signature_block(blocks, st)]
