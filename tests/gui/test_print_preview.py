"""打印预览: a real sign-in sheet shown page by page, paged with the keys, saved as PDF, printed onto a PDF printer
(the part after the print dialog, which the offscreen platform cannot drive), and errors said in Chinese."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QVBoxLayout, QWidget
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from tests.documents.pdfcheck import page_count, page_sizes
from tests.gui.modal import in_modal, show

from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.trainings import clean_training

from lingqiu_desktop.printing.service import Printout
from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

from lingqiu_desktop.gui.printing import PreviewDialog, prepare_printer, preview_document, print_to

TITLE = "东河南镇2018年驻村工作队员培训班"


def add_training(wb: Workbook, attendees: int, title: str = TITLE) -> dict:
    """A training with its attendee list: the sign-in sheet of 60 people runs over three pages."""
    wb.settings.set(REFERENCE_DATE_KEY, "2018-11-30")
    raw = {"title": title, "audience": "驻村工作队员", "start_date": "2018-06-05", "end_date": "2018-06-05",
           "hours": "3", "venue": "东河南镇政府三楼会议室", "trainer": "王建国", "trainer_post": "县扶贫办副主任",
           "organiser": "东河南镇党委"}
    training = wb.trainings.add(clean_training(raw, DEFAULTS["training.audiences"], date(2018, 11, 30)))
    for i in range(1, attendees + 1):
        wb.trainings.add_attendee(training["id"], values={"name": f"学员{i:02d}", "unit": "灵丘县财政局",
                                                         "post": "科员", "phone": f"138{i:08d}"})
    return training


@pytest.fixture
def printout(workbook: Workbook) -> Printout:
    return workbook.printing.document("signin", add_training(workbook, 60)["id"])


@pytest.fixture
def dialog(qtbot, printout: Printout) -> PreviewDialog:
    preview = PreviewDialog(printout.pdf, printout.printable.title, printout.printable.filename)
    show(qtbot, preview)
    return preview


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(100)          # the page images stay small: this checks pages, not print quality
    return printer


def window(qtbot) -> QWidget:
    """A page of the main window (something with the keyboard focus) to open the preview from."""
    page = QWidget()
    QVBoxLayout(page).addWidget(QLineEdit(page))
    return show(qtbot, page)


def assert_a4(pdf: bytes) -> None:
    """A4 sheets, upright or turned, to a point (Qt's PDF writer rounds A4 to 595 × 842)."""
    for w, h in page_sizes(pdf):
        short, long = sorted((w, h))
        assert abs(short - 595.3) < 1 and abs(long - 841.9) < 1, (w, h)


def portrait_and_landscape() -> bytes:
    """Two A4 pages, the second landscape (as a 考勤表 after a 清单 in one batch file)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for size in (A4, landscape(A4)):
        pdf.setPageSize(size)
        pdf.rect(50, 50, 100, 100)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


# -- looking at the document ------------------------------------------------------------------------------------------
def test_the_preview_shows_the_documents_pages_and_title(dialog: PreviewDialog, printout: Printout) -> None:
    pages = page_count(printout.pdf)
    assert pages >= 3
    assert dialog.page_count() == pages
    assert dialog.page_label.text().strip() == f"第 1 / {pages} 页"
    assert dialog.windowTitle() == f"打印预览 — {printout.printable.title}"
    assert not dialog.prev_action.isEnabled() and dialog.next_action.isEnabled()
    assert dialog.width() <= 1366 and dialog.height() <= 768


def test_page_down_and_page_up_turn_the_pages(qtbot, dialog: PreviewDialog) -> None:
    pages = dialog.page_count()
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: dialog.page_label.text().strip() == f"第 2 / {pages} 页")
    assert dialog.prev_action.isEnabled()
    for _ in range(pages + 2):                      # past the end: stays on the last page
        qtbot.keyClick(dialog.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: dialog.current_page() == pages - 1)
    assert not dialog.next_action.isEnabled()
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: dialog.page_label.text().strip() == f"第 {pages - 1} / {pages} 页")


def test_zoom_keys_change_the_zoom_and_fit_width_restores_it(qtbot, dialog: PreviewDialog) -> None:
    from PySide6.QtPdfWidgets import QPdfView

    qtbot.keyClick(dialog.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    smaller = dialog.view.zoomFactor()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomFactor() > smaller
    qtbot.keyClick(dialog.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_escape_closes_the_preview(qtbot, dialog: PreviewDialog) -> None:
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


# -- save as PDF ----------------------------------------------------------------------------------------------------
def test_ctrl_s_saves_the_pdf_under_the_chosen_name(qtbot, dialog: PreviewDialog, printout: Printout,
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def choose(_parent: QWidget, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "签到表"), "PDF 文件 (*.pdf)"       # typed without .pdf

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    qtbot.keyClick(dialog.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = tmp_path / "签到表.pdf"
    assert saved.read_bytes() == printout.pdf
    assert Path(asked[0]).name == printout.printable.filename
    assert dialog.status_label.text() == f"已保存：{saved}"
    assert not list(tmp_path.glob("*.part"))


def test_cancelling_the_save_dialog_writes_nothing(dialog: PreviewDialog, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_args: ("", "")))
    assert dialog.save_pdf() is None
    assert dialog.status_label.text() == ""


def test_a_save_that_fails_says_why_in_chinese(qtbot, dialog: PreviewDialog, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "已有文件夹.pdf").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_args: (str(tmp_path / "已有文件夹.pdf"), "")))
    seen: list[str] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.windowTitle() + "|" + box.text())

    in_modal(qtbot, dialog.save_pdf, read)
    assert seen and seen[0].startswith("保存失败|") and "是一个文件夹" in seen[0]


# -- printing (after the print dialog) ------------------------------------------------------------------------------
def test_print_to_a_pdf_printer_gives_one_a4_page_per_page(dialog: PreviewDialog, tmp_path: Path) -> None:
    out = tmp_path / "打印.pdf"
    printer = pdf_printer(out)
    prepare_printer(printer, dialog.document)
    assert print_to(printer, dialog.document, 1, dialog.page_count()) == dialog.page_count()
    printed = out.read_bytes()
    assert page_count(printed) == dialog.page_count()
    assert_a4(printed)


def test_a_page_range_prints_only_those_pages_and_reports_progress(dialog: PreviewDialog, tmp_path: Path) -> None:
    out = tmp_path / "第2至3页.pdf"
    printer = pdf_printer(out)
    prepare_printer(printer, dialog.document)
    seen: list[tuple[int, int]] = []
    assert print_to(printer, dialog.document, 2, 3, lambda done, total: seen.append((done, total)) or True) == 2
    assert page_count(out.read_bytes()) == 2
    assert seen == [(0, 2), (1, 2), (2, 2)]


def test_each_page_prints_in_its_own_orientation(qtbot, tmp_path: Path) -> None:
    preview = PreviewDialog(portrait_and_landscape(), "混合", "混合.pdf")
    qtbot.addWidget(preview)
    out = tmp_path / "混合打印.pdf"
    printer = pdf_printer(out)
    prepare_printer(printer, preview.document)
    print_to(printer, preview.document, 1, 2)
    (w1, h1), (w2, h2) = page_sizes(out.read_bytes())
    assert h1 > w1 and w2 > h2
    assert_a4(out.read_bytes())


def test_the_progress_can_stop_a_print_job(dialog: PreviewDialog, tmp_path: Path) -> None:
    printer = pdf_printer(tmp_path / "取消.pdf")
    prepare_printer(printer, dialog.document)
    assert print_to(printer, dialog.document, 1, 3, lambda done, _total: done < 1) == 1


# -- preview_document: the call every page makes --------------------------------------------------------------------
def test_preview_document_opens_the_preview_of_a_record(qtbot, workbook: Workbook) -> None:
    training = add_training(workbook, 5)
    parent = window(qtbot)
    preview = preview_document(parent, workbook, "signin", training["id"])
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    assert TITLE in preview.windowTitle() and preview.page_count() == 1
    assert QApplication.overrideCursor() is None
    preview.close()


@pytest.mark.parametrize(("kind", "key", "params", "reason"), [
    ("signin", "no-such-training", "", "没有找到这次培训"),
    ("letter", "no-such-letter", "", "找不到编号为“no-such-letter”的责任书"),
    ("sheet-village", "140224101299", "2018", "140224101299"),
    ("attendance", "x", "2018-13", "考勤月份"),
    ("nonsense", "x", "", "没有这种文档"),
])
def test_a_document_that_cannot_be_made_says_why_in_chinese(qtbot, workbook: Workbook, kind: str, key: str,
                                                            params: str, reason: str) -> None:
    parent = window(qtbot)
    seen: list[str] = []
    result: list[object] = []

    def read(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.windowTitle() + "|" + box.text())

    in_modal(qtbot, lambda: result.append(preview_document(parent, workbook, kind, key, params)), read)
    assert result == [None]
    assert seen[0].startswith("无法生成文档|这份文档无法生成：") and reason in seen[0], seen
    assert QApplication.overrideCursor() is None
