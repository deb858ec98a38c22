"""培训签到表 (printed before the session, signed by each attendee) and 培训记录 (after it: attendance, hours,
signatures of the organiser and the trainer), rendered only from their content dicts (DOMAIN.md §4, "Printed
documents" 5).

Content keys are the printed Chinese labels (see printing/trainings.py, which gathers them). Also the small
building blocks the visit records share: a labelled info grid, a ruled register whose rows are a minimum height (tall
enough to sign in, yet growing when a long unit name wraps) and a title that breaks before its last word.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from lingqiu_desktop.documents.base import (
    GRID,
    NBSP,
    TEXT_WIDTH,
    Styles,
    cell,
    escape,
    fit_widths,
    para,
    signature_lines,
    table_style,
)

SIZE_XIAO2 = 18.0                 # 小二: a title too long for one line of 2号
HEAD_GREY = colors.Color(0.92, 0.92, 0.92)
SIGN_ROW_HEIGHT = 9.5 * mm        # room for a handwritten name in the signature column
PRESENT, ABSENT = "√", "缺席"      # √ is in GB2312, so every official font (仿宋_GB2312 …) has it; ✓ is not

# 序号 姓名 单位 职务 联系电话 签到（签名）: the unit wraps, the phone (11 digits) never does
SIGNIN_HEADER = ("序号", "姓名", "单位", "职务", "联系电话", "签到（签名）")
SIGNIN_WIDTHS = fit_widths((11, 18, 51, 22, 26, 28))
RECORD_HEADER = ("序号", "姓名", "单位", "职务", "联系电话", "到场情况")
RECORD_WIDTHS = fit_widths((11, 18, 54, 27, 26, 20))


# ---- building blocks shared with the visit records ----

def break_lines(text: str, font: str, size: float, width: float = TEXT_WIDTH) -> list[str]:
    """Greedy line breaks that never leave a closing mark (）》，。 …) at the start of a line.

    reportlab hangs such a mark in the right margin instead, which puts a long title outside the text block; here
    the character before it goes down to the next line with it.
    """
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and stringWidth(line + ch, font, size) > width:
            if ch in ALL_CANNOT_START and len(line) > 1:
                lines.append(line[:-1])
                line = line[-1]
            else:
                lines.append(line)
                line = ""
        line += ch
    return [*lines, line] if line else lines


def split_title(title: str, tail: str, st: Styles) -> list[Flowable]:
    """The title on one line when it fits. Else the name on a line of its own (in 小二 if 2号 is too wide, broken
    by `break_lines` if even that is) and `tail` on the next, so a long training name never breaks as
    '…（第5' / '期）签到表'."""
    font = st.title.fontName
    whole = f"{title}{tail}"
    if stringWidth(whole, font, st.title.fontSize) <= TEXT_WIDTH:
        return [para(whole, st.title)]
    style = st.title
    if stringWidth(title, font, style.fontSize) > TEXT_WIDTH:
        style = ParagraphStyle("title_small", parent=st.title, fontSize=SIZE_XIAO2, leading=SIZE_XIAO2 * 1.45)
    lines = [*break_lines(title, font, style.fontSize), *break_lines(tail, font, style.fontSize)]
    return [Paragraph("<br/>".join(escape(line) for line in lines if line), style)]


def info_table(rows: Sequence[Sequence[tuple[str, Any]]], st: Styles, width: float = TEXT_WIDTH,
               label_width: float = 24 * mm) -> Table:
    """A labelled grid: each row holds one (label, value) pair across the full width or two side by side."""
    value_width = width / 2 - label_width
    data: list[list[Any]] = []
    commands: list[tuple] = []
    for r, row in enumerate(rows):
        commands.append(("BACKGROUND", (0, r), (0, r), HEAD_GREY))
        if len(row) == 1:
            label, value = row[0]
            data.append([para(label, st.cell_head), para(value, st.cell), "", ""])
            commands.append(("SPAN", (1, r), (3, r)))
        else:
            (l1, v1), (l2, v2) = row[0], row[1]
            data.append([para(l1, st.cell_head), para(v1, st.cell), para(l2, st.cell_head), para(v2, st.cell)])
            commands.append(("BACKGROUND", (2, r), (2, r), HEAD_GREY))
    table = Table(data, colWidths=[label_width, value_width] * 2, hAlign="LEFT",
                  minRowHeights=[7.5 * mm] * len(data))
    table.setStyle(table_style(st, *GRID, *commands))
    return table


def register_table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], st: Styles, *,
                   centre_columns: Sequence[int] = (), min_row_height: float | None = None,
                   tail: Sequence[Flowable] = (), keep: int = 3, head_style: ParagraphStyle | None = None) -> Table:
    """A ruled register, its header repeated on every page. Rows are at least `min_row_height` tall but grow when a
    cell wraps. Unlike base.grid_table it carries a `tail` (signature lines, a confirmation box): unruled rows across
    the full width, kept on one page with the last `keep` ruled rows, so the signatures never stand alone on an
    otherwise empty page.
    """
    data: list[list[Any]] = [[para(h, head_style or st.cell_head) for h in header]]
    for row in rows:
        data.append([v if isinstance(v, list) else cell(v, st.cell_center if i in centre_columns else st.cell)
                     for i, v in enumerate(row)])
    ruled = len(data)
    data += [[_unkept(item)] + [""] * (len(header) - 1) for item in tail]
    minimum = None
    if min_row_height is not None:
        minimum = [0.0] + [min_row_height] * (ruled - 1) + [0.0] * len(tail)
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT", minRowHeights=minimum)
    commands: list[tuple] = [("GRID", (0, 0), (-1, ruled - 1), 0.6, colors.black), *GRID[1:],
                             ("BACKGROUND", (0, 0), (-1, 0), HEAD_GREY)]
    if tail:
        commands += [("SPAN", (0, r), (-1, r)) for r in range(ruled, len(data))]
        commands += [("LEFTPADDING", (0, ruled), (-1, -1), 0), ("RIGHTPADDING", (0, ruled), (-1, -1), 0),
                     ("TOPPADDING", (0, ruled), (-1, ruled), 4 * mm),
                     ("VALIGN", (0, ruled), (-1, -1), "TOP"),
                     ("NOSPLIT", (0, max(1, ruled - keep)), (-1, -1))]
    table.setStyle(table_style(st, *commands))
    return table


def _unkept(item: Flowable) -> Flowable | list[Flowable]:
    """The flowables of a KeepTogether (base.signature_lines gives one): inside a table cell a KeepTogether asks
    for an endless height; the NOSPLIT rows keep the tail together instead."""
    return list(item._content) if isinstance(item, KeepTogether) else item  # noqa: SLF001


def note(text: str, st: Styles) -> Paragraph:
    return para(text, ParagraphStyle("note", parent=st.sign, spaceBefore=3 * mm))


# ---- 培训签到表 ----

def _title(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """标题 is the training's name and a tail (签到表, 培训记录 …); the tail may take a line of its own."""
    name, title = content["培训名称"], content["标题"]
    if title.startswith(name):
        return split_title(name, title[len(name):], st)
    return [para(title, st.title)]


def _training_info(content: dict[str, Any], with_topic: bool = True) -> list[list[tuple[str, Any]]]:
    rows: list[list[tuple[str, Any]]] = [[("培训名称", content["培训名称"])]]
    if with_topic and content.get("培训主题"):
        rows.append([("培训主题", content["培训主题"])])
    rows += [[("培训时间", content["培训时间"])],
             [("培训地点", content["培训地点"]), ("学时", f"{content['学时']}学时" if content["学时"] else "")],
             [("主办单位", content["主办单位"]), ("培训对象", content["培训对象"])],
             [("授课人", content["授课人"])]]
    return rows


def signin_story(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """Header, the attendee list with an empty signature column and blank rows, the organiser's signatures."""
    people = content["参训人员"]
    rows: list[list[Any]] = [[p["序号"], p["姓名"], p["单位"], p["职务"], p["联系电话"], ""] for p in people]
    rows += [[len(people) + i + 1, "", "", "", "", ""] for i in range(int(content.get("空白行", 0)))]
    count = f"应到人数：{content['应到人数']}人{NBSP * 8}实到人数：{NBSP * 8}人"
    return [
        *_title(content, st),
        info_table(_training_info(content), st),
        Spacer(1, 4 * mm),
        register_table(SIGNIN_HEADER, rows, SIGNIN_WIDTHS, st, centre_columns=(0, 1, 4),
                       min_row_height=SIGN_ROW_HEIGHT, tail=[note(count, st), signature_lines(content["签字人"], st)]),
    ]


# ---- 培训记录 ----

def record_story(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """The training, its attendance and totals, the register with marks, the signatures."""
    info = _training_info(content)
    info += [[("出勤情况", content["出勤情况"])],
             [("培训人次", content["培训人次"]), ("学时人次", content["学时人次"])]]
    if content.get("备注"):
        info.append([("备注", content["备注"])])
    rows = [[p["序号"], p["姓名"], p["单位"], p["职务"], p["联系电话"], p["到场情况"]]
            for p in content["参训人员"]]
    story: list[Flowable] = [
        *_title(content, st),
        info_table(info, st),
        Spacer(1, 4 * mm),
    ]
    if rows:
        story.append(register_table(RECORD_HEADER, rows, RECORD_WIDTHS, st, centre_columns=(0, 1, 4, 5),
                                    min_row_height=7 * mm, tail=[signature_lines(content["签字人"], st)]))
    else:
        story += [note("（未登记参训人员）", st), signature_lines(content["签字人"], st)]
    return story
