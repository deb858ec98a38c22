"""The page, type and building blocks every printed document shares (GB/T 9704-2012, DOMAIN.md §6).

A document is one or more `Section`s: a story of reportlab flowables plus the text of its QR code. Several sections make
one PDF (a batch): each starts on a new page, numbers its own pages from 1 and carries its own QR code.

Page: A4, 天头 37 mm, 订口 28 mm, text block 156 × 225 mm (portrait; landscape keeps the same margins). Page numbers
"— 1 —" in 4号 宋体 7 mm below the text block, 右空一字 on odd pages and 左空一字 on even ones. The QR code sits
in the bottom margin, centred, where it never meets the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from io import BytesIO
from typing import Any

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import KeepTogether

from lingqiu_desktop.documents.fonts import FontSet, default_fonts
from lingqiu_desktop.documents.typeset import KeepTail, escape, kpara

__all__ = ["KeepTail", "escape"]   # re-exported: documents import them from here

# Chinese type sizes in points (号).
SIZE_2, SIZE_3, SIZE_4, SIZE_XIAO4, SIZE_5, SIZE_XIAO5 = 22.0, 16.0, 14.0, 12.0, 10.5, 9.0
MARGIN_TOP, MARGIN_LEFT = 37 * mm, 28 * mm
TEXT_WIDTH, TEXT_HEIGHT = 156 * mm, 225 * mm                 # portrait text block
LANDSCAPE_WIDTH, LANDSCAPE_HEIGHT = 297 * mm - 28 * mm - 26 * mm, 210 * mm - 37 * mm - 35 * mm
BODY_LEADING = TEXT_HEIGHT / 22                               # 22 lines a page
QR_SIZE = 17 * mm
SEAL_RED = colors.Color(0.8, 0.1, 0.1)
# Streams compressed but not ASCII85-wrapped: reportlab's pure-Python encoder was a tenth of a batch's time, and
# binary streams are a quarter smaller.
rl_config.useA85 = 0
NBSP = "\u00a0"     # Paragraph strips leading spaces, ideographic ones too; non-breaking spaces stay
BLANK_DATE = f"{NBSP * 10}年{NBSP * 6}月{NBSP * 6}日"


class Cancelled(Exception):
    """The clerk cancelled a batch while it was being built."""


@dataclass
class Section:
    story: list[Flowable]
    qr_text: str
    landscape: bool = False


@dataclass(frozen=True)
class Styles:
    fonts: FontSet
    title: ParagraphStyle
    subtitle: ParagraphStyle
    body: ParagraphStyle
    plain: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle
    sign: ParagraphStyle
    right: ParagraphStyle


def make_styles(fonts: FontSet | None = None) -> Styles:
    f = fonts or default_fonts()
    base = {"wordWrap": "CJK", "allowWidows": 0, "allowOrphans": 0}
    body = ParagraphStyle("body", fontName=f.body, fontSize=SIZE_3, leading=BODY_LEADING, firstLineIndent=2 * SIZE_3,
                          alignment=TA_JUSTIFY, **base)
    cell = ParagraphStyle("cell", fontName=f.body, fontSize=SIZE_5, leading=SIZE_5 * 1.35, **base)
    return Styles(
        fonts=f,
        title=ParagraphStyle("title", fontName=f.title, fontSize=SIZE_2, leading=SIZE_2 * 1.45, alignment=TA_CENTER,
                             spaceAfter=BODY_LEADING * 0.6, **base),
        subtitle=ParagraphStyle("subtitle", parent=body, fontName=f.kai, firstLineIndent=0, alignment=TA_CENTER),
        body=body,
        plain=ParagraphStyle("plain", parent=body, firstLineIndent=0, alignment=TA_LEFT),
        h1=ParagraphStyle("h1", parent=body, fontName=f.heading, firstLineIndent=2 * SIZE_3),
        h2=ParagraphStyle("h2", parent=body, fontName=f.kai, firstLineIndent=2 * SIZE_3),
        cell=cell,
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=f.heading, alignment=TA_CENTER),
        small=ParagraphStyle("small", parent=cell, fontSize=SIZE_XIAO5, leading=SIZE_XIAO5 * 1.3),
        sign=ParagraphStyle("sign", parent=body, fontSize=SIZE_XIAO4, leading=SIZE_XIAO4 * 2, firstLineIndent=0,
                            alignment=TA_LEFT),
        right=ParagraphStyle("right", parent=body, firstLineIndent=0, alignment=TA_RIGHT),
    )


def para(text: Any, style: ParagraphStyle) -> Paragraph:
    """Plain text (escaped) as a paragraph that follows the Chinese line-breaking rules (documents/typeset.py)."""
    return kpara(text, style)


def cn_date(iso: str | date | None, blank: str = "") -> str:
    """'2018-06-05' → '2018年6月5日' (GB/T 9704: Arabic numerals, full year, no zero padding)."""
    if not iso:
        return blank or BLANK_DATE
    d = iso if isinstance(iso, date) else date.fromisoformat(str(iso)[:10])
    return f"{d.year}年{d.month}月{d.day}日"


def cn_month(month: str) -> str:
    """'2018-06' → '2018年6月'."""
    year, mon = month.split("-")[:2]
    return f"{int(year)}年{int(mon)}月"


def number(value: Any, digits: int = 2) -> str:
    """A figure as a clerk writes it: no trailing zeros, no float noise (95.0 → 95, 0.1+0.2 → 0.3)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    text = f"{float(value):.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# ---- tables ----

GRID = [("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]


def table_style(st: Styles, *commands: tuple) -> TableStyle:
    """A TableStyle that names our font: reportlab's default cell font is Helvetica, which is never embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), st.fonts.body), *commands])


def cell(value: Any, style: ParagraphStyle) -> Flowable:
    return value if isinstance(value, Flowable) else para(value, style)


def _fits(text: str, style: ParagraphStyle, width: float) -> bool:
    """One line that fits: drawn as a plain string, ~20 times cheaper than a Paragraph (big tables, batches)."""
    return ("\n" not in text and len(text) * style.fontSize * 0.5 < width
            and stringWidth(text, style.fontName, style.fontSize) <= width)


def _cells(row: Sequence[Any], widths: Sequence[float], st: Styles, centre: Sequence[int]) -> list[Any]:
    out: list[Any] = []
    for i, value in enumerate(row):
        style = st.cell_center if i in centre else st.cell
        text = value if isinstance(value, Flowable) else ("" if value is None else str(value))
        plain = not isinstance(text, Flowable) and _fits(text, style, widths[i] - 6.5)   # less the cell padding
        out.append(text if plain else cell(value, style))
    return out


def grid_table(header: Sequence[str], rows: Iterable[Sequence[Any]], widths: Sequence[float], st: Styles, *,
               centre_columns: Sequence[int] = (), header_rows: int = 1, min_row_height: float | None = None,
               extra_style: Sequence[tuple] = ()) -> Table:
    """A ruled table whose header repeats on every page; every cell wraps inside its column (nothing runs out).

    `widths` in points must add up to the text width at most; `centre_columns` are centred (numbers, ticks).
    A cell that fits on one line is a plain string in the cell font; one that does not is a wrapping Paragraph.
    """
    data: list[list[Any]] = [[para(h, st.cell_head) for h in header]]
    data += [_cells(row, widths, st, centre_columns) for row in rows]
    # minRowHeights, not rowHeights: a fixed height would let a wrapped cell spill over the rule below
    heights = None if min_row_height is None else [0] * header_rows + [min_row_height] * (len(data) - header_rows)
    table = Table(data, colWidths=list(widths), minRowHeights=heights, repeatRows=header_rows, hAlign="LEFT")
    table.setStyle(table_style(
        st, *GRID, ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.92, 0.92, 0.92)),
        ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName), ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), st.cell.leading),
        *[("ALIGN", (c, 0), (c, -1), "CENTER") for c in centre_columns], *extra_style))
    return table


def fit_widths(weights: Sequence[float], total: float = TEXT_WIDTH) -> list[float]:
    """Column widths in proportion to `weights` that fill `total` exactly."""
    scale = total / sum(weights)
    return [w * scale for w in weights]


def key_value_table(pairs: Sequence[tuple[str, Any]], st: Styles, columns: int = 2,
                    width: float = TEXT_WIDTH) -> Table:
    """Label/value pairs in a ruled grid, `columns` pairs a row (the head of a record sheet)."""
    label_w, value_w = width / columns * 0.32, width / columns * 0.68
    rows: list[list[Flowable]] = []
    for start in range(0, len(pairs), columns):
        row: list[Flowable] = []
        chunk = list(pairs[start:start + columns])
        for label, value in chunk + [("", "")] * (columns - len(chunk)):
            row += [para(label, st.cell_head), para(value, st.cell)]
        rows.append(row)
    table = Table(rows, colWidths=[label_w, value_w] * columns, hAlign="LEFT")
    table.setStyle(table_style(st, *GRID))
    return table


# ---- signatures and seals ----

@dataclass
class SignParty:
    """One side of a signature block: 甲方 灵丘县委 with its two signers (双签), a date and a seal circle."""
    role: str                                   # 甲方 / 乙方 / 组织单位 …
    name: str                                   # the organisation
    signers: Sequence[tuple[str, str]] = ()     # (title, name); an empty name leaves a line to sign on
    signed_on: str | None = None
    seal: bool = True


class SealCircle(Flowable):
    """A dashed red circle where the seal goes (盖章处); drawn behind the text beside it, taking no height."""

    def __init__(self, diameter: float = 40 * mm, dx: float = 0, dy: float = 0, label: str = "（盖章）") -> None:
        super().__init__()
        self.diameter, self.dx, self.dy, self.label = diameter, dx, dy, label
        self.width = self.height = 0

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(SEAL_RED)
        c.setDash(3, 2)
        c.setLineWidth(0.8)
        r = self.diameter / 2
        c.circle(self.dx + r, self.dy + r, r)
        c.restoreState()


def _party_cell(party: SignParty, st: Styles, width: float) -> list[Flowable]:
    line = "＿" * 6
    cells: list[Flowable] = [para(f"{party.role}{'（盖章）' if party.seal else ''}：", st.sign)]
    cells += [para(name, st.sign) for name in party.name.split()]
    cells += [para(f"{title}（签字）：{name or line}", st.sign) for title, name in party.signers]
    cells.append(para(cn_date(party.signed_on, BLANK_DATE), st.sign))
    if party.seal:
        # The seal covers the organisation's name and the date (GB/T 9704 §7.3.5.1), centred in the column.
        lines = len(cells)
        cells.insert(0, SealCircle(dx=width / 2 - 21 * mm, dy=-lines * st.sign.leading + 1 * mm, diameter=42 * mm))
    return cells


def signature_block(parties: Sequence[SignParty], st: Styles, width: float = TEXT_WIDTH) -> Flowable:
    """Two (or more) parties side by side, each with its signers, date and seal circle; never split over pages."""
    col = width / max(len(parties), 1)
    table = Table([[_party_cell(p, st, col) for p in parties]], colWidths=[col] * len(parties), hAlign="LEFT")
    table.setStyle(table_style(st, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 4)))
    return KeepTogether([Spacer(1, BODY_LEADING * 0.5), table])


def signature_lines(labels: Sequence[str], st: Styles, with_date: bool = True) -> Flowable:
    """'组织人（签字）：＿＿＿＿  授课人（签字）：＿＿＿＿  日期：' on one or two lines, kept together."""
    items = [f"{label}（签字）：{'＿' * 6}" for label in labels]
    if with_date:
        items.append(f"日期：{BLANK_DATE}")
    rows = [items[i:i + 2] for i in range(0, len(items), 2)]
    rows[-1] += [""] * (2 - len(rows[-1]))
    table = Table([[para(v, st.sign) for v in r] for r in rows], colWidths=[TEXT_WIDTH / 2] * 2, hAlign="LEFT")
    table.setStyle(table_style(st, ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 6)))
    return KeepTogether([Spacer(1, 6 * mm), table])


# ---- the page: numbers, QR code, sections ----

class _SectionStart(Flowable):
    """Marks where a section begins: the page footer numbers and stamps pages from here."""

    def __init__(self, qr_text: str, index: int, total: int,
                 on_section: Callable[[int, int], None] | None) -> None:
        super().__init__()
        self.qr_text, self.index, self.total, self.on_section = qr_text, index, total, on_section
        self.width = self.height = 0

    def draw(self) -> None:
        doc = self.canv._lq_state  # type: ignore[attr-defined]
        doc["qr"], doc["first_page"] = self.qr_text, self.canv.getPageNumber()
        if self.on_section:
            self.on_section(self.index, self.total)   # may raise Cancelled


@lru_cache(maxsize=16)
def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR modules of `text` (level M). Mask pattern 0 instead of reportlab's trial of all eight: any mask
    scans, and the trial costs 8× (≈40 ms a code; seconds in a 255-document batch)."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 0)
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float = QR_SIZE) -> None:
    """The QR code of `text`, `size` square with a 4-module quiet zone, as one filled path of the dark runs of each
    row (a reportlab Drawing of ~900 validated shapes cost ~0.1 s). No text, so no font is involved."""
    modules = qr_modules(text)
    unit = size / (len(modules) + 8)
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    ops = []                       # formatted here: reportlab's per-number formatting is pure Python
    for r, row in enumerate(modules):
        top = y + size - (r + 5) * unit
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            ops.append(f"{x + (start + 4) * unit:.3f} {top:.3f} {(c - start) * unit:.3f} {unit:.3f} re")
    canvas._code.append("\n".join(ops) + "\nf")  # type: ignore[attr-defined]  # raw path operators, one fill
    canvas.restoreState()


def _stamp_qr(canvas: Canvas, state: dict[str, Any], x: float, y: float) -> None:
    """The section's QR code, drawn once into a PDF form and placed on each page (encoding it per page was half
    the time of a long document)."""
    forms: dict[str, str] = state.setdefault("forms", {})
    name = forms.get(state["qr"])
    if name is None:
        name = forms[state["qr"]] = f"qr{len(forms)}"
        canvas.beginForm(name, lowerx=0, lowery=0, upperx=QR_SIZE, uppery=QR_SIZE)
        draw_qr(canvas, state["qr"], 0, 0)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


def _footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
    state = canvas._lq_state  # type: ignore[attr-defined]
    page_w, _page_h = canvas._pagesize
    number = canvas.getPageNumber() - state.get("first_page", 1) + 1
    fonts: FontSet = state["fonts"]
    text = f"— {number} —"
    canvas.saveState()
    canvas.setFont(fonts.song, SIZE_4)
    baseline = 35 * mm - 7 * mm - SIZE_4 * 0.8   # the number's top 7 mm below the text block
    one_char = SIZE_3
    if number % 2:
        canvas.drawRightString(page_w - 26 * mm - one_char, baseline, text)
    else:
        canvas.drawString(MARGIN_LEFT + one_char, baseline, text)
    if state.get("qr"):
        _stamp_qr(canvas, state, (page_w - QR_SIZE) / 2, 6 * mm)
    canvas.restoreState()


def _frame(width: float, height: float, page_h: float) -> Frame:
    return Frame(MARGIN_LEFT, page_h - MARGIN_TOP - height, width, height,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")


def _templates(first_landscape: bool, on_page: Callable[[Canvas, BaseDocTemplate], None]) -> list[PageTemplate]:
    portrait = PageTemplate("portrait", [_frame(TEXT_WIDTH, TEXT_HEIGHT, A4[1])], onPage=on_page,
                            onPageEnd=_footer, pagesize=A4)
    wide = PageTemplate("landscape", [_frame(LANDSCAPE_WIDTH, LANDSCAPE_HEIGHT, A4[0])], onPage=on_page,
                        onPageEnd=_footer, pagesize=landscape(A4))
    return [wide, portrait] if first_landscape else [portrait, wide]


def render_sections(sections: Sequence[Section], *, title: str, author: str = "灵丘乡镇脱贫攻坚工作台",
                    fonts: FontSet | None = None,
                    on_section: Callable[[int, int], None] | None = None) -> bytes:
    """One PDF of every section in turn. `on_section(i, n)` is called as section i starts; raising Cancelled stops."""
    if not sections:
        raise ValueError("没有可打印的内容")
    fonts = fonts or default_fonts()
    out = BytesIO()
    state: dict[str, Any] = {"fonts": fonts}

    def bind(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas._lq_state = state  # type: ignore[attr-defined]

    doc = BaseDocTemplate(out, pagesize=A4, title=title, author=author, creator="灵丘乡镇脱贫攻坚工作台",
                          pageTemplates=_templates(sections[0].landscape, bind), invariant=1,
                          initialFontName=fonts.body)
    story: list[Flowable] = []
    for i, section in enumerate(sections):
        template = "landscape" if section.landscape else "portrait"
        if i:
            story += [NextPageTemplate(template), PageBreak()]
        story.append(_SectionStart(section.qr_text, i, len(sections), on_section))
        story += section.story
    doc.build(story)
    return out.getvalue()


def render(section: Section, *, title: str, fonts: FontSet | None = None) -> bytes:
    return render_sections([section], title=title, fonts=fonts)


def title_block(title: str, st: Styles, subtitle: str = "") -> list[Flowable]:
    items: list[Flowable] = [para(title, st.title)]
    if subtitle:
        items += [para(subtitle, st.subtitle), Spacer(1, BODY_LEADING * 0.3)]
    return items
