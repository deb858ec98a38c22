"""`RuledTable`, the ruled table the registers share (责任清单, 考勤表, 花名册), and its companions.

Why not base.grid_table: its cells are Paragraphs, and a county batch (255 villages × 40 indicators × 11 columns)
spends most of a minute parsing and wrapping them. `RuledTable` wraps plain text itself (CJK rules: no line starts
with a closing mark, digits and Latin letters stay together), draws every cell through one text object and the
rules as one path, and still repeats its header on every page and keeps every line inside its column.
PlainText is a paragraph drawn the same way; TailKeeper / keep_tail keep the signatures with the table's last rows.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import CondPageBreak, Flowable, Table

from lingqiu_desktop.documents.base import (
    SIZE_4,
    SIZE_5,
    SIZE_XIAO4,
    TEXT_WIDTH,
    Styles,
    fit_widths,
    para,
    table_style,
)

SIZE_XIAO2 = 18.0                      # 小二: a sheet's title fits one line

HEAD_GREY = colors.Color(0.92, 0.92, 0.92)
BAND_GREY = colors.Color(0.96, 0.96, 0.96)
SHADE_GREY = colors.Color(0.9, 0.9, 0.9)
RULE = 0.6

# ---- wrapping plain text -----------------------------------------------------------------------------------------

_CLOSERS = set("，。、；：！？）》」』”’〕】…,.;:!?)]%")
_OPENERS = set("（《「『“‘〔【([")
# Runs that must not break: numbers, Latin words, masked numbers (140224********1234), dates like 2018-06-05.
_TOKEN = re.compile(r"[A-Za-z0-9*][A-Za-z0-9*.,:%+\-/]*|\s+|.", re.S)


class _Measure:
    """Character widths of one font and size, looked up once each (stringWidth per line would cost more)."""

    def __init__(self, font: str, size: float) -> None:
        self.face = pdfmetrics.getFont(font)
        self.size = size
        self.widths: dict[str, float] = {}
        self.texts: dict[str, float] = {}

    def char(self, ch: str) -> float:
        w = self.widths.get(ch)
        if w is None:
            w = self.widths[ch] = self.face.stringWidth(ch, self.size)
        return w

    def text(self, text: str) -> float:
        """Width of `text`; whole cell texts repeat a lot in a register (units, months, verdicts), so they are
        remembered too."""
        w = self.texts.get(text)
        if w is not None:
            return w
        get = self.widths.get
        total = 0.0
        for ch in text:
            cw = get(ch)
            total += cw if cw is not None else self.char(ch)
        if len(self.texts) < 50_000:
            self.texts[text] = total
        return total


@cache
def measure(font: str, size: float) -> _Measure:
    return _Measure(font, size)


def _tokens(paragraph: str) -> list[str]:
    """Pieces that may not be split across lines: closing marks stick to what precedes, opening ones to what
    follows (禁则), digit and letter runs stay whole."""
    tokens: list[str] = []
    glue = False
    for tok in _TOKEN.findall(paragraph):
        if tokens and (glue or tok in _CLOSERS):
            tokens[-1] += tok
        else:
            tokens.append(tok)
        glue = tok in _OPENERS
    return tokens


def wrap_lines(text: Any, width: float, m: _Measure) -> list[tuple[str, float]]:
    """`text` broken into lines no wider than `width`, each with its width; '\\n' forces a break."""
    text = str(text if text is not None else "")
    if "\n" not in text:
        whole = m.text(text)
        if whole <= width:                      # most cells: one short line
            return [(text.strip(), whole if text == text.strip() else m.text(text.strip()))]
    lines: list[tuple[str, float]] = []
    for paragraph in text.split("\n"):
        cur, cw = "", 0.0
        for tok in _tokens(paragraph):
            tw = m.text(tok)
            if cur and cw + tw > width:
                lines.append((cur.rstrip(), m.text(cur.rstrip())))
                cur, cw = "", 0.0
                if tok.isspace():
                    continue
            if tw > width:                      # wider than the column on its own: break between characters
                for ch in tok:
                    w = m.char(ch)
                    if cur and cw + w > width:
                        lines.append((cur, cw))
                        cur, cw = "", 0.0
                    cur, cw = cur + ch, cw + w
                continue
            cur, cw = cur + tok, cw + tw
        lines.append((cur.rstrip(), m.text(cur.rstrip())))
    return lines


# ---- the ruled table ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    title: str
    weight: float                 # share of the table's width
    align: str = "C"              # L / C / R


class Band(str):
    """A caption row spanning every column (the letter a block of indicators comes from)."""


@dataclass
class _Row:
    height: float
    cells: list[list[tuple[str, float]]]
    band: bool = False


class RuledTable(Flowable):
    """A ruled table of plain text: header repeated on every page, cells wrapped inside their columns, rows never
    split, a caption band never left alone at the foot of a page."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Sequence[Any] | Band], st: Styles, *,
                 width: float = TEXT_WIDTH, size: float = SIZE_5, min_row_height: float = 0, pad: float = 3,
                 header: bool = True, label_columns: Collection[int] = (),
                 shade_columns: Collection[int] = (), caption: str = "") -> None:
        super().__init__()
        self.widths = fit_widths([c.weight for c in columns], width)
        self.aligns = [c.align for c in columns]
        self.size, self.leading, self.pad = size, size * 1.3, pad
        self.heading_font, self.body_font = st.fonts.heading, st.fonts.body
        self.label_columns, self.shade_columns = set(label_columns), set(shade_columns)
        self.min_row_height = min_row_height
        # A line above the header on every page (e.g. 内部资料 注意保密 on each page of an internal register).
        self.caption, self.caption_height = caption, (SIZE_XIAO4 * 1.8 if caption else 0.0)
        head = measure(self.heading_font, size)
        body = measure(self.body_font, size)
        self.head = self._layout([c.title for c in columns], [head] * len(columns), 0) if header else _Row(0, [])
        fonts = [head if i in self.label_columns else body for i in range(len(columns))]
        self.rows = [self._band(str(r), head) if isinstance(r, Band) else self._layout(r, fonts, min_row_height)
                     for r in rows]
        self.hAlign = "LEFT"

    def _layout(self, values: Sequence[Any], fonts: Sequence[_Measure], min_height: float) -> _Row:
        cells = [wrap_lines(v, w - 2 * self.pad, m) for v, w, m in zip(values, self.widths, fonts, strict=True)]
        height = max(len(c) for c in cells) * self.leading + 2 * self.pad
        return _Row(max(height, min_height), cells)

    def _band(self, text: str, m: _Measure) -> _Row:
        lines = wrap_lines(text, sum(self.widths) - 2 * self.pad, m)
        return _Row(len(lines) * self.leading + 2 * self.pad, [lines], band=True)

    _LAYOUT = ("widths", "aligns", "size", "leading", "pad", "heading_font", "body_font", "label_columns",
               "shade_columns", "min_row_height", "head", "caption", "caption_height")

    def _part(self, rows: list[_Row]) -> RuledTable:
        """A page's share of the rows; only the layout is copied (reportlab marks flowables it postponed)."""
        part = object.__new__(RuledTable)
        Flowable.__init__(part)
        for name in self._LAYOUT:
            setattr(part, name, getattr(self, name))
        part.rows, part.hAlign = rows, "LEFT"
        return part

    @property
    def total_height(self) -> float:
        return self.caption_height + self.head.height + sum(r.height for r in self.rows)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = sum(self.widths), self.total_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self.total_height <= avail_height:
            return [self]
        room, used, k = avail_height - self.caption_height - self.head.height, 0.0, 0
        while k < len(self.rows) and used + self.rows[k].height <= room:
            used += self.rows[k].height
            k += 1
        while k and self.rows[k - 1].band:      # a caption goes over with its first row
            k -= 1
        if k == 0:
            return []
        return [self._part(self.rows[:k]), self._part(self.rows[k:])]

    # -- drawing -----------------------------------------------------------------------------------------------
    def draw(self) -> None:
        c = self.canv
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        tops, top = [], self.total_height - self.caption_height
        for row in [self.head, *self.rows]:
            tops.append(top)
            top -= row.height
        c.saveState()
        if self.caption:
            c.setFont(self.heading_font, SIZE_XIAO4)
            c.drawRightString(xs[-1], tops[0] + SIZE_XIAO4 * 0.6, self.caption)
        self._shade(xs, tops)
        self._text(xs, tops)
        self._rules(xs, tops)
        c.restoreState()

    def _shade(self, xs: list[float], tops: list[float]) -> None:
        c = self.canv
        c.setFillColor(HEAD_GREY)
        if self.head.height:
            c.rect(0, tops[0] - self.head.height, xs[-1], self.head.height, stroke=0, fill=1)
        body_h = tops[0] - self.head.height
        for i in self.label_columns:
            c.rect(xs[i], 0, self.widths[i], body_h, stroke=0, fill=1)
        for row, top in zip(self.rows, tops[1:], strict=True):
            if row.band:
                c.setFillColor(BAND_GREY)
                c.rect(0, top - row.height, xs[-1], row.height, stroke=0, fill=1)
        if self.shade_columns and self.rows:
            c.setFillColor(SHADE_GREY)
            for i in self.shade_columns:
                c.rect(xs[i], 0, self.widths[i], body_h, stroke=0, fill=1)

    def _text(self, xs: list[float], tops: list[float]) -> None:
        c = self.canv
        c.setFillColor(colors.black)
        t = c.beginText()
        lead, pad = self.leading, self.pad
        drop = lead / 2 + self.size * 0.36          # line-box centre to the baseline of CJK type
        font = ""
        for index, (row, top) in enumerate(zip([self.head, *self.rows], tops, strict=True)):
            head = index == 0
            for ci, lines in enumerate(row.cells):
                wanted = self.heading_font if head or row.band or ci in self.label_columns else self.body_font
                if wanted != font:
                    font = wanted
                    t.setFont(font, self.size)
                x0, w = xs[ci], (xs[-1] if row.band else self.widths[ci])
                align = "L" if row.band else ("C" if head or ci in self.label_columns else self.aligns[ci])
                first = top - (row.height - len(lines) * lead) / 2 - drop
                for li, (text, tw) in enumerate(lines):
                    if not text:
                        continue
                    x = x0 + pad if align == "L" else x0 + w - pad - tw if align == "R" else x0 + (w - tw) / 2
                    show(t, x, first - li * lead, text)
        c.drawText(t)

    def _rules(self, xs: list[float], tops: list[float]) -> None:
        c = self.canv
        c.setLineWidth(RULE)
        c.setStrokeColor(colors.black)
        p = c.beginPath()
        rows = [self.head, *self.rows]
        bottom = tops[-1] - rows[-1].height
        for y in [*tops, bottom]:
            p.moveTo(0, y)
            p.lineTo(xs[-1], y)
        for x in (xs[0], xs[-1]):
            p.moveTo(x, tops[0])
            p.lineTo(x, bottom)
        start = None                              # inner rules run through each stretch of rows without a band
        for i, row in enumerate([*rows, None]):
            if row is not None and not row.band:
                start = tops[i] if start is None else start
                continue
            if start is not None:
                end = tops[i] if row is not None else bottom
                for x in xs[1:-1]:
                    p.moveTo(x, start)
                    p.lineTo(x, end)
                start = None
        c.drawPath(p, stroke=1, fill=0)


def show(t: PDFTextObject, x: float, y: float, text: str) -> None:
    """Put `text` at (x, y) in text object `t`. Equivalent to setTextOrigin + textOut, without their per-call
    stringWidth and pure-Python number formatting (a third of a county batch's time went there)."""
    t._code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
    t._textOut(text)


class PlainText(Flowable):
    """Running text wrapped by `wrap_lines` (closing marks never start a line), drawn as one text object."""

    def __init__(self, text: str, font: str, size: float, leading: float | None = None, indent: float = 0,
                 space_before: float = 0) -> None:
        super().__init__()
        self.text, self.font, self.size = text, font, size
        self.leading, self.indent, self.space_before = leading or size * 1.5, indent, space_before
        self.lines: list[tuple[str, float]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.lines = wrap_lines(self.text, avail_width - self.indent, measure(self.font, self.size))
        self.width, self.height = avail_width, len(self.lines) * self.leading + self.space_before
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fit = int((avail_height - self.space_before) // self.leading)
        if fit >= len(self.lines):
            return [self]
        if fit < 1:
            return []
        head = "\n".join(t for t, _w in self.lines[:fit])
        tail = "\n".join(t for t, _w in self.lines[fit:])
        return [PlainText(head, self.font, self.size, self.leading, self.indent, self.space_before),
                PlainText(tail, self.font, self.size, self.leading, self.indent)]

    def draw(self) -> None:
        t = self.canv.beginText()
        t.setFont(self.font, self.size)
        top = self.height - self.space_before
        for i, (line, _w) in enumerate(self.lines):
            show(t, self.indent, top - i * self.leading - self.leading / 2 - self.size * 0.36, line)
        self.canv.drawText(t)


class TailKeeper(Flowable):
    """The last table of a document and what follows it (totals, signatures): when the tail does not fit under the
    table, the table's last rows go over with it, so the signatures never stand alone on a page (the header repeats
    above the carried rows)."""

    def __init__(self, table: RuledTable, tail: Sequence[Flowable], rows: int = 3, continued: bool = False) -> None:
        super().__init__()
        self.table, self.tail, self.rows = table, list(tail), rows
        self.continued = continued           # the rest of a split: it starts a page, never under its first part

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0xFFFFFF             # always split: split() decides what goes on this page

    def _tail_height(self, width: float) -> float:
        return sum(f.wrapOn(self.canv, width, 0xFFFFFF)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                   for f in self.tail if not isinstance(f, CondPageBreak))

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        whole = [self.table, *self.tail]
        at_top = getattr(getattr(self, "_frame", None), "_atTop", 1)
        if self.continued and not at_top:
            return []
        table_h = self.table.total_height
        if table_h + self._tail_height(avail_width) <= avail_height:
            return whole
        carry = min(self.rows, len(self.table.rows) - 1)
        if carry <= 0:
            return whole if at_top else []       # a one-row table goes over whole (or stays, on a fresh page)
        keep = sum(r.height for r in self.table.rows[-carry:])
        parts = self.table.split(avail_width, min(avail_height, table_h - keep))
        if len(parts) < 2:
            return whole if at_top else []
        return [parts[0], TailKeeper(parts[1], self.tail, self.rows, continued=True)]


def keep_tail(items: list[Flowable]) -> list[Flowable]:
    """`items` with its last ruled table (one with a header: not a form box) and everything after it joined in a
    TailKeeper."""
    last = max((i for i, f in enumerate(items) if isinstance(f, RuledTable) and f.rows and f.head.height),
               default=None)
    if last is None:
        return items
    return [*items[:last], TailKeeper(items[last], items[last + 1:])]


# ---- styles of the sheets ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SheetStyles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    text: ParagraphStyle
    note: ParagraphStyle
    corner: ParagraphStyle
    sign: ParagraphStyle


@cache
def _sheet_styles(st: Styles) -> SheetStyles:
    base = {"wordWrap": "CJK", "firstLineIndent": 0}
    return SheetStyles(
        title=ParagraphStyle("sheet_title", parent=st.title, fontSize=SIZE_XIAO2, leading=SIZE_XIAO2 * 1.4,
                             spaceAfter=2 * mm, **base),
        subtitle=ParagraphStyle("sheet_subtitle", parent=st.subtitle, fontSize=SIZE_XIAO4, leading=SIZE_XIAO4 * 1.5,
                                alignment=TA_CENTER, **base),
        heading=ParagraphStyle("sheet_heading", parent=st.h1, fontSize=SIZE_4, leading=SIZE_4 * 1.5,
                               spaceBefore=3 * mm, spaceAfter=1.5 * mm, alignment=TA_LEFT, **base),
        text=ParagraphStyle("sheet_text", parent=st.plain, fontSize=SIZE_XIAO4, leading=SIZE_XIAO4 * 1.6, **base),
        note=ParagraphStyle("sheet_note", parent=st.plain, fontSize=SIZE_5, leading=SIZE_5 * 1.5, **base),
        corner=ParagraphStyle("sheet_corner", parent=st.plain, fontName=st.fonts.heading, fontSize=SIZE_XIAO4,
                              leading=SIZE_XIAO4 * 1.4, alignment=2, **base),
        sign=ParagraphStyle("sheet_sign", parent=st.sign, fontSize=SIZE_XIAO4, leading=SIZE_XIAO4 * 1.5, **base),
    )


def sheet_styles(st: Styles) -> SheetStyles:
    return _sheet_styles(st)


def signer(label: str) -> str:
    return f"{label}（签字）：{'＿' * 6}"


def sign_table(rows: Sequence[Sequence[str]], st: Styles, width: float = TEXT_WIDTH) -> Table:
    """Signature lines, seal lines and the date in a borderless grid (compacter than base.signature_lines, so
    a sheet's 考核意见, signatures and note fit under a table more often)."""
    columns = max(len(r) for r in rows)
    style = sheet_styles(st).sign
    data = [[para(c, style) for c in [*r, *[""] * (columns - len(r))]] for r in rows]
    table = Table(data, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(table_style(st, ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2)))
    return table


def info_table(pairs: Sequence[tuple[str, Any]], st: Styles, width: float = TEXT_WIDTH) -> RuledTable:
    """Label / value pairs, two pairs a row, as the ruled head of a sheet (labels shaded, in the heading font)."""
    rows = []
    for i in range(0, len(pairs), 2):
        chunk = list(pairs[i:i + 2]) + [("", "")] * (2 - len(pairs[i:i + 2]))
        rows.append([chunk[0][0], chunk[0][1], chunk[1][0], chunk[1][1]])
    cols = [Column("", 14), Column("", 36, "L"), Column("", 14), Column("", 36, "L")]
    return RuledTable(cols, rows, st, width=width, header=False, label_columns=(0, 2))


# ---- the accountability sheet ------------------------------------------------------------------------------------
