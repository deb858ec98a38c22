"""打印预览: a printed document shown before it goes to paper (QtPdf), printed through QPrinter on A4, or saved as PDF.

Every page that prints something calls `preview_document(parent, workbook, kind, key, params)`; the document is
made by the Workbook's PrintService (the same PDF the CLI writes), so the preview is exactly what will be printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.store import NotFoundError

from lingqiu_desktop.documents.fonts import FontError
from lingqiu_desktop.printing.service import PrintError, write_file
from lingqiu_desktop.workbook import Workbook

# What a document that cannot be made raises; anything else is a bug and goes to the crash handler.
DOCUMENT_ERRORS = (PrintError, NotFoundError, ValidationError, FontError)
MAX_DPI = 600           # a page image at 600 dpi is 140 MB; office laser printers print 600 dpi anyway
PROGRESS_FROM = 4       # show a progress dialog (with 取消) from this many pages on
ZOOM_STEP = 1.25
# Toolbar entries look like the app's buttons: a clerk must see at once what can be clicked.
TOOLBAR_STYLE = (
    "QToolBar { spacing: 4px; border: none; }"
    "QToolButton { padding: 4px 12px; border: 1px solid #c5c9d0; border-radius: 3px; background: white; }"
    "QToolButton:hover { background: #f3f5f8; }"
    "QToolButton:disabled { color: #aaa; border-color: #e0e2e6; }"
    "QToolButton#printButton { background: #a61b1b; color: white; border-color: #8c1616; font-weight: bold; }"
)
PageProgress = Callable[[int, int], bool]     # (pages done, pages in all) → False to stop


def document_error_text(exc: BaseException) -> str:
    """The reason in words a clerk understands (NotFoundError names a table, which means nothing to them)."""
    if isinstance(exc, NotFoundError):
        return "找不到要打印的记录，它可能已被删除。请刷新列表后重试。"
    return str(exc)


@contextmanager
def wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def preview_document(parent: QWidget | None, workbook: Workbook, kind: str, key: str,
                     params: str = "") -> PreviewDialog | None:
    """Make the document and open its preview (window-modal, not blocking); a Chinese message when it cannot be made.

    Returns the dialog (None after an error) so a caller or a test can reach it; callers may ignore it.
    """
    try:
        with wait_cursor():
            printout = workbook.printing.document(kind, key, params)
    except DOCUMENT_ERRORS as exc:
        QMessageBox.warning(parent, "无法生成文档", f"这份文档无法生成：\n{document_error_text(exc)}")
        return None
    printable = printout.printable
    dialog = PreviewDialog(printout.pdf, printable.title, printable.filename, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


# ---- printing pages onto a QPrinter (testable without the print dialog) ----

def page_orientation(document: QPdfDocument, page: int) -> QPageLayout.Orientation:
    size = document.pagePointSize(page)
    return (QPageLayout.Orientation.Landscape if size.width() > size.height()
            else QPageLayout.Orientation.Portrait)


def prepare_printer(printer: QPrinter, document: QPdfDocument) -> None:
    """A4, the first page's orientation, the whole sheet (the PDF carries its own GB/T 9704 margins)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(page_orientation(document, 0) if document.pageCount() else
                               QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageMargins(QPageLayout().margins(), QPageLayout.Unit.Millimeter)


def _page_image(document: QPdfDocument, page: int, dpi: int) -> QImage:
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    image = document.render(page, size)
    if image.isNull():
        raise PrintError(f"第{page + 1}页无法生成打印图像（内存不足？）")
    return image


def _target(printer: QPrinter, image: QImage) -> QRect:
    """The full sheet in device pixels, keeping the page's proportions (a non-A4 page is centred, not stretched)."""
    sheet = printer.pageLayout().fullRectPixels(printer.resolution())
    scale = min(sheet.width() / image.width(), sheet.height() / image.height())
    width, height = round(image.width() * scale), round(image.height() * scale)
    return QRect((sheet.width() - width) // 2, (sheet.height() - height) // 2, width, height)


def print_to(printer: QPrinter, document: QPdfDocument, page_from: int, page_to: int,
             progress: PageProgress | None = None) -> int:
    """Print pages page_from..page_to (1-based, inclusive) onto an already set-up printer; the pages printed.

    Copies are left to the printer driver when it can make them, else the pages are sent that many times.
    `progress` returning False stops the job (the printer job is aborted).
    """
    pages = list(range(max(page_from, 1) - 1, min(page_to, document.pageCount())))
    if not pages:
        raise PrintError("没有要打印的页")
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    sequence = pages * copies
    dpi = min(printer.resolution(), MAX_DPI)
    printer.setPageOrientation(page_orientation(document, sequence[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("无法连接打印机，请检查打印机是否已开机并连接")
    try:
        for done, page in enumerate(sequence):
            if progress is not None and not progress(done, len(sequence)):
                printer.abort()
                return done
            if done:
                printer.setPageOrientation(page_orientation(document, page))
                printer.newPage()
            image = _page_image(document, page, dpi)
            painter.drawImage(_target(printer, image), image)
        if progress is not None:
            progress(len(sequence), len(sequence))
    finally:
        painter.end()
    return len(sequence)


# ---- the preview dialog ----

class PreviewDialog(QDialog):
    """The PDF as it will print; 打印… (Ctrl+P), 另存为PDF… (Ctrl+S), zoom, pages, 关闭 (Esc)."""

    def __init__(self, pdf: bytes, title: str, filename: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf, self.title, self.filename = pdf, title, filename
        self.setWindowTitle(f"打印预览 — {title}")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._load(pdf)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.toolbar = self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self._show_page(0)
        self._fit_screen()
        self.view.setFocus()

    def _load(self, pdf: bytes) -> None:
        # the document reads from the buffer lazily: both stay alive as long as the dialog
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

    def _action(self, text: str, shortcut: QKeySequence | str | list, slot: Callable[[], object],
                name: str) -> QAction:
        action = QAction(text, self)
        action.setIconText(text)        # the default icon text drops the "…" that says a dialog follows
        action.setObjectName(name)
        keys = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setToolTip(f"{text}（{QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)}）")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setObjectName("previewToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setStyleSheet(TOOLBAR_STYLE)
        self.print_action = self._action("打印…", QKeySequence.StandardKey.Print, self.print_document, "printAction")
        self.save_action = self._action("另存为PDF…", QKeySequence.StandardKey.Save, self.save_pdf, "saveAction")
        self.zoom_in_action = self._action("放大", [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], self.zoom_in,
                                           "zoomInAction")
        self.zoom_out_action = self._action("缩小", QKeySequence.StandardKey.ZoomOut, self.zoom_out, "zoomOutAction")
        self.fit_action = self._action("适合宽度", "Ctrl+0", self.fit_width, "fitAction")
        self.whole_action = self._action("整页", "Ctrl+1", self.whole_page, "wholePageAction")
        self.prev_action = self._action("上一页", ["PgUp", "Ctrl+Up"], self.previous_page, "prevAction")
        self.next_action = self._action("下一页", ["PgDown", "Ctrl+Down"], self.next_page, "nextAction")
        self.close_action = self._action("关闭", "Esc", self.reject, "closeAction")
        for action in (self.print_action, self.save_action, None, self.zoom_in_action, self.zoom_out_action,
                       self.fit_action, self.whole_action, None, self.prev_action):
            bar.addSeparator() if action is None else bar.addAction(action)
        bar.addWidget(self.page_label)
        bar.addAction(self.next_action)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.close_action)
        bar.widgetForAction(self.print_action).setObjectName("printButton")
        return bar

    def _fit_screen(self) -> None:
        """Large enough to read a page, small enough for a 1366×768 screen with its taskbar."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry().size() if screen else QSize(1366, 728)
        self.resize(min(1040, free.width() - 40), min(700, free.height() - 40))

    # ---- pages and zoom ----

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _show_page(self, page: int) -> None:
        count = self.page_count()
        self.page_label.setText(f"  第 {page + 1} / {count} 页  " if count else "  无页面  ")
        self.prev_action.setEnabled(page > 0)
        self.next_action.setEnabled(page + 1 < count)

    def go_to_page(self, page: int) -> None:
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def zoom_in(self) -> None:
        self._zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(self.view.zoomFactor() / ZOOM_STEP)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(factor, 4.0)))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def whole_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    # ---- print and save ----

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.document)
        printer.setDocName(self.title)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印")
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first, last = self.chosen_pages(printer)
        self.print_pages(printer, first, last)

    def chosen_pages(self, printer: QPrinter) -> tuple[int, int]:
        """The 1-based page range the print dialog asked for."""
        mode = printer.printRange()
        if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            return printer.fromPage(), printer.toPage() or self.page_count()
        if mode == QPrinter.PrintRange.CurrentPage:
            return self.current_page() + 1, self.current_page() + 1
        return 1, self.page_count()

    def print_pages(self, printer: QPrinter, first: int, last: int) -> int:
        """print_to with a wait cursor, a 取消-able progress dialog for long jobs, and errors in Chinese."""
        pages = (last - first + 1) * (1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1))
        box = None
        if pages >= PROGRESS_FROM:
            box = QProgressDialog("正在发送到打印机…", "取消", 0, pages, self)
            box.setWindowTitle("打印")
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.setMinimumDuration(0)

        def report(done: int, total: int) -> bool:
            if box is None:
                return True
            box.setValue(done)
            box.setLabelText(f"正在发送到打印机：第 {done + 1} / {total} 页" if done < total else "完成")
            QApplication.processEvents()
            return not box.wasCanceled()

        try:
            with wait_cursor():
                printed = print_to(printer, self.document, first, last, report)
        except PrintError as exc:
            QMessageBox.warning(self, "打印失败", str(exc))
            return 0
        finally:
            if box is not None:
                box.close()
        self.status_label.setText(f"已发送 {printed} 页到打印机“{printer.printerName() or '默认打印机'}”。"
                                  if printed == pages else f"已取消打印（已发送 {printed} 页）。")
        return printed

    def save_pdf(self) -> Path | None:
        suggested = documents_folder() / self.filename
        chosen, _filter = QFileDialog.getSaveFileName(self, "另存为PDF", str(suggested), "PDF 文件 (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_file(path, self.pdf)
        except PrintError as exc:
            QMessageBox.warning(self, "保存失败", str(exc))
            return None
        self.status_label.setText(f"已保存：{path}")
        return path
