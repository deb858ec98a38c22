"""Looking at a PDF the way poppler (what .ci/run installs) and a phone scanner see it: fonts, text, page sizes,
word boxes, the QR code. Used by every document test."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from reportlab.lib.units import mm

A4_POINTS = (595.28, 841.89)
MM = mm                                                      # 1 mm in points
BLOCK = {"left": 28 * mm, "top": 37 * mm, "right": 26 * mm, "bottom": 35 * mm}   # GB/T 9704 margins
TOLERANCE = 1 * mm


def _tmp_pdf(pdf: bytes) -> Path:
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
        handle.write(pdf)
    return Path(handle.name)


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def fonts(pdf: bytes) -> list[dict[str, str]]:
    """pdffonts rows: name, type, emb, sub."""
    out = _run("pdffonts", str(_tmp_pdf(pdf))).splitlines()[2:]
    rows = []
    for line in out:
        parts = line.split()
        # name type... emb sub uni object ID: the last five columns are fixed
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return rows


def assert_fonts_embedded(pdf: bytes) -> None:
    rows = fonts(pdf)
    assert rows, "no fonts at all"
    for row in rows:
        assert row["emb"] == "yes" and row["sub"] == "yes", f"font not embedded as a subset: {row}"
        assert re.match(r"^[A-Z]{6}\+", row["name"]), row


def text(pdf: bytes, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(_tmp_pdf(pdf)), "-"]
    return _run(*args)


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    out = _run("pdfinfo", "-f", "1", "-l", "9999", str(_tmp_pdf(pdf)))
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


def assert_a4(pdf: bytes) -> None:
    for w, h in page_sizes(pdf):
        assert sorted((round(w, 1), round(h, 1))) == sorted((595.3, 841.9)), (w, h)


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float       # from the top of the page, in points
    x1: float
    y1: float
    text: str
    page_w: float
    page_h: float


def words(pdf: bytes) -> list[Word]:
    html = _run("pdftotext", "-bbox", "-enc", "UTF-8", str(_tmp_pdf(pdf)), "-")
    found: list[Word] = []
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", html, re.S), start=1):
        pw, ph = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', page).groups())
        for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page):
            found.append(Word(number, float(x0), float(y0), float(x1), float(y1), unescape(word), pw, ph))
    return found


def in_footer(word: Word) -> bool:
    """The page number and the QR caption live below the text block (GB/T 9704 §7.5)."""
    return word.y0 >= word.page_h - BLOCK["bottom"] - TOLERANCE


def assert_inside_text_block(pdf: bytes) -> None:
    """Every word but the footer's lies inside the 156 × 225 mm block (landscape: the same margins), to 1 mm;
    and the text block's top-left corner is used: something starts within 1 mm of 37 mm / 28 mm."""
    body = [w for w in words(pdf) if not in_footer(w)]
    assert body, "no text"
    for w in body:
        assert w.x0 >= BLOCK["left"] - TOLERANCE, f"left of the margin: {w}"
        assert w.x1 <= w.page_w - BLOCK["right"] + TOLERANCE, f"right of the margin: {w}"
        assert w.y0 >= BLOCK["top"] - TOLERANCE - 4, f"above the top margin: {w}"   # ascender allowance
        assert w.y1 <= w.page_h - BLOCK["bottom"] + TOLERANCE, f"below the text block: {w}"


def page_count(pdf: bytes) -> int:
    return len(page_sizes(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """Text of each page (pdftotext puts a form feed between pages)."""
    return text(pdf).split("\f")[:page_count(pdf)]


def decode_qr(pdf: bytes, page: int = 1, dpi: int = 300) -> str:
    """Render one page and read its QR code as a phone would (zxing-cpp)."""
    import zxingcpp
    from PIL import Image

    out = Path(tempfile.mkdtemp()) / "page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                    str(_tmp_pdf(pdf)), str(out)], check=True)
    results = zxingcpp.read_barcodes(Image.open(f"{out}.png"))
    qr = [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert qr, f"no QR code found on page {page}"
    return qr[0]
