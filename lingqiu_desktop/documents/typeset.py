"""Chinese typesetting the documents need beyond reportlab's defaults.

- 避头尾: reportlab's CJK wrap knows only the Japanese list, lets "，" start a line and hangs what it does know into
  the right margin; KinsokuParagraph pulls the character before it down instead, and never cuts a number in two.
- KeepTail: a table and what must follow it (the signatures) — the signatures never stand alone on a page.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table
from reportlab.platypus.paragraph import ParaLines, _handleBulletWidth, cjkU, makeCJKParaLine


def escape(text: Any) -> str:
    """Text for a Paragraph: reportlab reads a small XML markup, so &, < and > must be escaped."""
    return (str(text if text is not None else "")
            .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>"))


# 避头尾 (Chinese line-breaking rules): reportlab's CJK wrap knows the Japanese list only, lets "，" start a line and
# hangs what it does know into the right margin; here such a character pulls the one before it down instead.
NO_LINE_START = set("，。、；：？！）》」』】〕’”…—%‰℃·,.;:?!)]}>")
NO_LINE_END = set("（《「『【〔‘“([{<")
_LATIN = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%+-")
_MAX_PULL = 6          # pull back at most this many characters (a number, a closing quote after a full stop)


def _break_at(units: list[cjkU], start: int, end: int) -> int:
    """Where a line that overflows at `end` (the first character that does not fit) should end."""
    b = end
    while b - start > 1 and (units[b] in NO_LINE_START or units[b - 1] in NO_LINE_END
                             or (units[b] in _LATIN and units[b - 1] in _LATIN)):
        if end - b >= _MAX_PULL:
            return end        # no good place nearby (a long number): cut where it overflows
        b -= 1
    return b


def kinsoku_split(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> ParaLines:
    """reportlab's cjkFragSplit with the 避头尾 rules above (and a run of digits never cut in two)."""
    units: list[cjkU] = []
    for frag in frags:
        text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
        units += [cjkU(ch, frag, "utf8") for ch in text] if text else [cjkU(text, frag, "utf8")]
    lines: list[Any] = []
    start = i = 0
    used = 0.0
    while i < len(units):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        unit = units[i]
        used += unit.width
        if hasattr(unit.frag, "lineBreak"):
            lines.append(makeCJKParaLine(units[start:i + 1], max_width, used, max_width - used, True, calc_bounds))
            start, i, used = i + 1, i + 1, 0.0
        elif used > max_width + 1e-6 and i > start:
            end = _break_at(units, start, i)
            width = sum(u.width for u in units[start:end])
            lines.append(makeCJKParaLine(units[start:end], max_width, width, max_width - width, False, calc_bounds))
            start, i, used = end, end, 0.0
        else:
            i += 1
    if start < len(units):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        lines.append(makeCJKParaLine(units[start:], max_width, used, max_width - used, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


class KinsokuParagraph(Paragraph):
    """A Paragraph whose CJK lines never start with "，" or end with "“" and never hang outside the text block."""

    def breakLinesCJK(self, maxWidths: Any) -> ParaLines:  # noqa: N802 - reportlab's name
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        self.height = 0
        _handleBulletWidth(self.bulletText, self.style, maxWidths)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        if not self.frags:
            return ParaLines(kind=0, fontSize=self.style.fontSize, fontName=self.style.fontName,
                             textColor=self.style.textColor, lines=[], ascent=self.style.fontSize,
                             descent=-0.2 * self.style.fontSize)
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return kinsoku_split(self.frags, list(maxWidths), auto not in ("", "off"))


def kpara(text: Any, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped) with the 避头尾 rules."""
    return KinsokuParagraph(escape(text), style)


class KeepTail(Flowable):
    """A caption, a table and what must follow it (the signatures): the caption stays with the table's first
    `first_rows` rows, and when the signatures do not fit under the table the last `rows` rows go over with them, so
    the signatures never stand alone on a page (the table's header repeats above the carried rows)."""

    def __init__(self, head: list[Flowable], table: Table, tail: list[Flowable], rows: int = 3,
                 first_rows: int = 1, continued: bool = False) -> None:
        super().__init__()
        self.head, self.table, self.tail, self.rows, self.first_rows = head, table, tail, rows, first_rows
        self.continued = continued       # the rest of a split: it starts a page (its first row is the header)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        return availWidth, 0xFFFFFF      # always split: split() decides what goes on this page

    def _height(self, items: list[Flowable], width: float) -> float:
        """The real height of `items` (a KeepTogether claims to be endless to force a split: count its content)."""
        flat: list[Flowable] = []
        for f in items:
            flat += f._content if isinstance(f, KeepTogether) else [f]
        # spaces counted in full, never merged: overestimating only sends a row more to the next page
        return sum(f.wrapOn(self.canv, width, 0xFFFFFF)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flat)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self.continued and not getattr(getattr(self, "_frame", None), "_atTop", 1):
            return []                    # never a second header under the first part on the same page
        head_h = self._height(self.head, availWidth)
        table_h = self.table.wrap(availWidth, availHeight)[1]
        tail_h = self._height(self.tail, availWidth)
        if head_h + table_h + tail_h <= availHeight:
            return [*self.head, self.table, *self.tail]
        body_rows = len(self.table._rowHeights) - self.table.repeatRows
        keep = sum(self.table._rowHeights[-min(self.rows, max(body_rows - 1, 0)):]) if body_rows > 1 else table_h
        parts = self.table.split(availWidth, min(availHeight - head_h, table_h - keep))
        if len(parts) < 2 or len(parts[0]._cellvalues) - self.table.repeatRows < min(self.first_rows, body_rows):
            return []                    # too few rows fit here (or none): everything goes to the next page
        return [*self.head, parts[0], KeepTail([], parts[1], self.tail, self.rows, continued=True)]
