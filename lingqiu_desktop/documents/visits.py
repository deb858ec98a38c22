"""入户走访记录表 (one visit; a village log prints as 民情日记) and 入户走访记录汇总表 (one household's visits over a
period), rendered only from their content dicts (DOMAIN.md "Printed documents" 3: signed by the visitors and the
household head, or the head's thumbprint).

The four parts of a visit (了解情况, 反映问题, 帮扶措施, 承诺事项) are ruled boxes with a minimum height: a blank
part still leaves dotted lines to write on, and a long text is cut into row-sized pieces so the box can run on
to the next page instead of overflowing it.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from lingqiu_desktop.documents.base import (
    BLANK_DATE,
    GRID,
    SIZE_XIAO4,
    TEXT_WIDTH,
    Styles,
    escape,
    fit_widths,
    para,
    table_style,
    title_block,
)
from lingqiu_desktop.documents.training import HEAD_GREY, info_table, register_table

LABEL_WIDTH = 24 * mm
WRITING_LINE = 8 * mm             # the gap between the dotted lines left to write on
CHUNK_LINES = 6                   # a long text goes into rows of this many lines, so a page can break between them
# the height of each part in writing lines: room to write by hand when nothing was recorded; the four together
# leave the sheet on one page with the household, the follow-up and the signatures
PARTS = (("了解情况", 4), ("反映问题", 3), ("帮扶措施", 3), ("承诺事项", 2))
LINE = colors.black
DOTTED = colors.Color(0.55, 0.55, 0.55)

# 序号 日期 走访类型 走访人 走访内容 回访 户主签字
LIST_HEADER = ("序号", "走访日期", "走访类型", "走访人", "了解情况、反映问题、帮扶措施", "回访", "户主\n签字")
LIST_WIDTHS = fit_widths((9, 19, 15, 17, 63, 23, 10))


class ThumbBox(Flowable):
    """A dashed square where the household head presses a thumbprint, '手印' faint in its middle."""

    def __init__(self, size: float, font: str, label: str = "手印") -> None:
        super().__init__()
        self.width = self.height = size
        self.font, self.label = font, label

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setDash(2, 2)
        c.setLineWidth(0.6)
        c.setStrokeColor(DOTTED)
        c.rect(0, 0, self.width, self.height)
        c.setFillColor(colors.Color(0.7, 0.7, 0.7))
        c.setFont(self.font, 9)
        c.drawCentredString(self.width / 2, self.height / 2 - 3, self.label)
        c.restoreState()


def _text_style(st: Styles) -> ParagraphStyle:
    return ParagraphStyle("visit_text", parent=st.cell, fontSize=SIZE_XIAO4, leading=SIZE_XIAO4 * 1.5)


def _chunks(text: str, style: ParagraphStyle, width: float) -> list[Paragraph]:
    """The text as paragraphs of at most CHUNK_LINES lines each (a table row never splits; rows do)."""
    pieces: list[Paragraph] = []
    for block in (b for b in text.split("\n") if b.strip()):
        rest: Paragraph = para(block, style)
        while True:
            _w, height = rest.wrap(width, 1e6)
            limit = CHUNK_LINES * style.leading
            if height <= limit + 1:
                pieces.append(rest)
                break
            first, rest = rest.split(width, limit + 1)[:2]
            pieces.append(first)
    return pieces


def _part_rows(label: str, lines: int, text: str, style: ParagraphStyle, width: float,
               st: Styles) -> tuple[list[list[Any]], list[float], int, int]:
    """One part's rows (its text in pieces, then blank writing lines), their minimum heights, and how many of
    each there are."""
    pieces = _chunks(text, style, width)
    used = sum(p.wrap(width, 1e6)[1] for p in pieces) + (5 if pieces else 0)
    blank = max(0, round((lines * WRITING_LINE - used) / WRITING_LINE))
    rows: list[list[Any]] = [["", piece] for piece in pieces] + [["", ""] for _ in range(blank)]
    rows[0][0] = para(label, st.cell_head)
    return rows, [0.0] * len(pieces) + [WRITING_LINE] * blank, len(pieces), blank


def _part_style(first: int, pieces: int, blank: int) -> list[tuple]:
    last = first + pieces + blank - 1
    return [("LINEABOVE", (0, first), (-1, first), 0.6, LINE), ("LINEBELOW", (0, last), (-1, last), 0.6, LINE),
            ("BACKGROUND", (0, first), (0, last), HEAD_GREY),
            # the blank lines stay with the last piece of text: no lone empty row on the next page
            ("NOSPLIT", (0, max(first, last - blank)), (-1, last)),
            *[("LINEBELOW", (1, r), (1, r), 0.4, DOTTED, 0, (1, 2)) for r in range(max(first, last - blank), last)],
            # the pieces of one text read as one paragraph: no padding between them
            *[("TOPPADDING", (1, r), (1, r), 0) for r in range(first + 1, first + pieces)],
            *[("BOTTOMPADDING", (1, r), (1, r), 0) for r in range(first, first + pieces - 1)]]


def parts_table(content: dict[str, Any], st: Styles) -> Table:
    """了解情况 / 反映问题 / 帮扶措施 / 承诺事项, each a ruled box at least its number of writing lines tall."""
    style = _text_style(st)
    width = TEXT_WIDTH - LABEL_WIDTH - 6
    data: list[list[Any]] = []
    heights: list[float] = []
    commands: list[tuple] = []
    for label, lines in PARTS:
        rows, minimum, pieces, blank = _part_rows(label, lines, str(content.get(label) or ""), style, width, st)
        commands += _part_style(len(data), pieces, blank)
        data += rows
        heights += minimum
    table = Table(data, colWidths=[LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH], hAlign="LEFT", minRowHeights=heights)
    table.setStyle(table_style(
        st, ("BOX", (0, 0), (-1, -1), 0.6, LINE), ("LINEAFTER", (0, 0), (0, -1), 0.6, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.6, LINE),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.6, LINE), *commands))
    return table


def _sign_cell(label: str, st: Styles) -> list[Flowable]:
    return [para(label, st.cell), Spacer(1, 15 * mm), para(f"日期：{BLANK_DATE}", st.cell)]


def signature_box(st: Styles, household: bool, visitor_label: str = "走访人（签字）：") -> Table:
    """走访人 signs left; the household head signs, or presses a thumbprint in the square, right."""
    if not household:
        table = Table([[_sign_cell(visitor_label, st)]], colWidths=[TEXT_WIDTH], hAlign="LEFT")
    else:
        thumb = [para("户主手印：", st.cell), ThumbBox(22 * mm, st.fonts.body)]
        widths = fit_widths((62, 62, 32))
        table = Table([[_sign_cell(visitor_label, st), _sign_cell("户主（签字）：", st), thumb]],
                      colWidths=widths, hAlign="LEFT")
    table.setStyle(table_style(st, *GRID, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)))
    return table


# ---- one visit ----

def _household_rows(content: dict[str, Any]) -> list[list[tuple[str, Any]]]:
    return [[("户主", content["户主"]), ("身份证号码", content["身份证号码"])],
            [("住址", content["住址"]), ("联系电话", content["联系电话"])],
            [("贫困户属性", content["贫困户属性"]), ("家庭人口", content["家庭人口"])],
            [("致贫原因", content["致贫原因"]), ("脱贫状态", content["脱贫状态"])]]


def visit_story(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """入户走访记录表 on one page (a long text runs on); a village log (no 户主) prints as 民情日记."""
    household = "户主" in content
    rows = _household_rows(content) if household else [[("所属村", content["所属村"])]]
    rows += [[("走访日期", content["走访日期"]), ("天气", content["天气"])],
             [("走访类型", content["走访类型"]), ("驻村工作队", content["驻村工作队"])],
             [("走访人", content["走访人"])]]
    follow = [[("回访时限", content["回访时限"]), ("回访情况", content["回访情况"])]]
    if household:
        follow.append([("户主确认", content["户主确认"]), ("照片编号", content["照片编号"])])
    elif content.get("照片编号"):
        follow.append([("照片编号", content["照片编号"])])
    return [*title_block(content["标题"], st), info_table(rows, st), parts_table(content, st),
            info_table(follow, st), Spacer(1, 3 * mm),
            signature_box(st, household, "走访人（签字）：" if household else "记录人（签字）：")]


# ---- a household's visits ----

def _small(st: Styles, centre: bool = False, font: str = "") -> ParagraphStyle:
    return ParagraphStyle("visit_small", parent=st.small, alignment=TA_CENTER if centre else st.small.alignment,
                          fontName=font or st.small.fontName)


def _summary(visit: dict[str, Any], st: Styles) -> list[Paragraph]:
    """The four parts of a visit condensed in one cell, each led by its name in the heading font."""
    style = _small(st)
    lines = []
    for label, short in (("了解情况", "情况"), ("反映问题", "问题"), ("帮扶措施", "措施"), ("承诺事项", "承诺")):
        text = str(visit.get(label) or "").strip()
        if text:
            lines.append(Paragraph(f'<font name="{st.fonts.heading}">{short}：</font>'
                                   f'{escape(text)}', style))
    return lines or [para("（无记录）", style)]


def confirmation(content: dict[str, Any], st: Styles) -> Table:
    """The household head confirms the visits listed: signature, thumbprint, date."""
    words = f"以上{content['走访次数']}次入户走访情况属实。"
    left = [para(words, st.cell), Spacer(1, 4 * mm), para("户主（签字）：", st.cell), Spacer(1, 9 * mm),
            para(f"日期：{BLANK_DATE}", st.cell)]
    thumb = [para("户主手印：", st.cell), ThumbBox(22 * mm, st.fonts.body)]
    table = Table([[left, thumb]], colWidths=fit_widths((124, 32)), hAlign="LEFT")
    table.setStyle(table_style(st, *GRID, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)))
    return table


def visits_story(content: dict[str, Any], st: Styles) -> list[Flowable]:
    """Household header, the visits in date order (header repeated), the head's confirmation at the end."""
    rows = _household_rows(content) + [[("走访期间", f"{content['走访期间']}，共走访{content['走访次数']}次")]]
    centre, small = _small(st, True), _small(st)
    data = [[v["序号"], para(v["走访日期"], centre), para(v["走访类型"], centre),
             para(v["走访人"].replace("、", "\n"), small),         # one name a line: a name never breaks
             _summary(v, st), para(v["回访"], small), para(v["户主确认"], centre)] for v in content["走访记录"]]
    story: list[Flowable] = [*title_block(content["标题"], st), info_table(rows, st), Spacer(1, 4 * mm)]
    tail: list[Flowable] = [Spacer(1, 2 * mm), confirmation(content, st)]
    if data:
        story.append(register_table(LIST_HEADER, data, LIST_WIDTHS, st, centre_columns=(0,), tail=tail, keep=2,
                                    head_style=_small(st, True, st.fonts.heading)))
    else:
        story += [para("（此期间没有走访记录）", st.sign), *tail]
    return story
