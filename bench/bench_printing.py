"""Printing at county scale: every village's 责任清单 (255) in one PDF through PrintService.batch, against reportlab's
own speed for the same pages as plain text.

(a) PrintService.batch("sheet-village", year, one_file=True) on a copy of the county demo database: median of 3 runs
    (seconds, pages, MB); target ≤ 10 s.
(b) reportlab alone: the same text (pdftotext of the batch, page by page) set as plain lines with the same font and
    size, once through platypus Paragraphs and once straight onto the canvas; the ratio of (a) to each.

Run: .venv/bin/python bench/bench_printing.py   (the copy is made once, in LINGQIU_BENCH_DIR, and reused)
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import tempfile
import time
from io import BytesIO
from pathlib import Path

from common import BENCH_DIR, county_db, report, timed

from lingqiu_desktop.documents.base import SIZE_5
from lingqiu_desktop.printing.service import PrintService
from lingqiu_desktop.workbook import Workbook

YEAR = "2018"
RUNS = 3


def county_copy() -> Path:
    """A private copy of the county database (printing writes print_log rows), refreshed when the source changes."""
    source = county_db()
    copy = BENCH_DIR / "printing-county.sqlite3"
    if not copy.exists() or copy.stat().st_mtime < source.stat().st_mtime:
        print("复制全县演示数据库……", flush=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(source, copy)
    return copy


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page[^s]", pdf))


def page_texts(pdf: bytes) -> list[list[str]]:
    """The text of each page as pdftotext reads it (poppler, as the tests use), lines without blanks."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", handle.name, "-"], check=True, capture_output=True,
                             text=True).stdout
    pages = out.split("\f")[:page_count(pdf)]
    return [[line for line in page.splitlines() if line.strip()] for page in pages]


def plain_canvas(pages: list[list[str]], font: str) -> bytes:
    """Every page's lines drawn with canvas.drawString: reportlab's floor for this much text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    for lines in pages:
        canvas.setFont(font, SIZE_5)
        y = A4[1] - 100
        for line in lines:
            canvas.drawString(80, y, line)
            y -= SIZE_5 * 1.3
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def plain_platypus(pages: list[list[str]], st) -> bytes:  # noqa: ANN001 - Styles
    """Every page's lines as Paragraphs (CJK wrapping) with a page break between pages: platypus without tables."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1)
    story = []
    for lines in pages:
        story += [Paragraph(line.replace("&", "&amp;").replace("<", "&lt;"), st.cell) for line in lines]
        story.append(PageBreak())
    doc.build(story)
    return out.getvalue()


def main() -> None:
    path = county_copy()
    wb = Workbook.open(path)
    service = PrintService(wb)
    service.styles()                                   # fonts found and registered once, as in the app
    keys = service.batch_keys("sheet-village", YEAR)
    out = Path(tempfile.mkdtemp()) / "责任清单.pdf"
    cpu: list[float] = []

    def batch() -> None:
        start = time.process_time()
        service.batch("sheet-village", YEAR, out, one_file=True)
        cpu.append(time.process_time() - start)

    median, samples = timed(batch, runs=RUNS, warmup=1)
    pdf = out.read_bytes()
    pages = page_count(pdf)
    report(f"责任清单（村）{len(keys)}份合并为一个PDF", median, samples, target_ms=10_000)
    print(f"    {pages} 页，{len(pdf) / 1e6:.1f} MB；每份 {median / len(keys):.1f} ms，每页 {median / pages:.1f} ms；"
          f"CPU 中位数 {statistics.median(cpu[1:]):.2f} s", flush=True)

    texts = page_texts(pdf)
    chars = sum(len(line) for page in texts for line in page)
    st = service.styles()
    canvas_ms, canvas_samples = timed(lambda: plain_canvas(texts, st.fonts.body), runs=RUNS, warmup=1)
    report(f"对照：reportlab 画布直接写字（{pages}页）", canvas_ms, canvas_samples)
    platypus_ms, platypus_samples = timed(lambda: plain_platypus(texts, st), runs=RUNS, warmup=1)
    report(f"对照：reportlab 段落排版（{pages}页）", platypus_ms, platypus_samples)
    print(f"    同样文字 {chars} 字（每页约 {chars // max(pages, 1)} 字）、同一字体与字号", flush=True)
    print(f"    比值：批量责任清单 ÷ 画布写字 = {median / canvas_ms:.2f}；"
          f"批量责任清单 ÷ 段落排版 = {median / platypus_ms:.2f}", flush=True)
    wb.close()


if __name__ == "__main__":
    main()
