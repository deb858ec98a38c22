"""批量打印: every document of one kind for a year / month (each village's 责任清单, each team's 考勤表 …) into one
PDF or one file each in a folder, built in a worker thread with progress and 取消.

The worker opens its own Workbook on the same file: an SQLite connection must stay in the thread that made it.
"""

from __future__ import annotations

import contextlib
import re
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QThread, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.data.database import DatabaseError

from lingqiu_desktop.documents.base import Cancelled
from lingqiu_desktop.printing.registry import DocumentKind
from lingqiu_desktop.printing.service import BatchResult, safe_filename
from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.print_params import ParamsEditor, param_type
from lingqiu_desktop.gui.printing import DOCUMENT_ERRORS, PreviewDialog, document_error_text, documents_folder

# ---- the worker ----

@dataclass
class BatchJob:
    db_path: Path
    user_name: str
    kind: str
    params: str
    keys: list[str]
    out: Path
    one_file: bool


def pdf_pages(data: bytes) -> int:
    """Pages of a PDF reportlab wrote (its page objects are plain dictionaries)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


class BatchThread(QThread):
    """Runs PrintService.batch on its own Workbook; `cancel()` makes the next progress report raise Cancelled."""

    progressed = Signal(int, int, str)
    completed = Signal(object, int)      # BatchResult, pages written
    failed = Signal(str)

    def __init__(self, job: BatchJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, done: int, total: int, what: str) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.progressed.emit(done, total, what)

    def run(self) -> None:
        job = self.job
        new_folder = not job.one_file and not job.out.exists()
        try:
            with Workbook.open(job.db_path, job.user_name) as workbook:
                result = workbook.printing.batch(job.kind, job.params, job.out, job.one_file, self._report, job.keys)
            pages = 0 if result.cancelled else sum(pdf_pages(path.read_bytes()) for path in result.files)
        except (*DOCUMENT_ERRORS, DatabaseError) as exc:
            self.failed.emit(document_error_text(exc))
            return
        except OSError as exc:      # the folder cannot be made: a file of that name, no permission, disk full
            self.failed.emit(f"无法写入“{exc.filename or job.out}”：{exc.strerror or exc}")
            return
        except Exception as exc:  # noqa: BLE001 - a bug in one document must not leave the dialog hanging
            traceback.print_exc()
            self.failed.emit(f"程序出错（{type(exc).__name__}），请把此情况告知系统管理员")
            return
        if result.cancelled and new_folder:
            with contextlib.suppress(OSError):      # the folder this batch made, now empty again
                job.out.rmdir()
        self.completed.emit(result, pages)


# ---- the dialog ----

class BatchPrintDialog(QDialog):
    # the worker thread, made and about to start (a caller may connect to its signals first)
    batchStarted = Signal(object)  # noqa: N815 - Qt's signal naming

    def __init__(self, workbook: Workbook, kind: str | None = None, params: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.kinds = {k.kind: k for k in workbook.printing.kinds.values() if k.batch_keys is not None}
        self.keys: list[str] = []
        self.worker: BatchThread | None = None
        self.job: BatchJob | None = None
        self.result: BatchResult | None = None
        self._close_when_done = False
        self.setWindowTitle("批量打印")
        self._build()
        self._wire()
        if kind and kind in self.kinds:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self._kind_changed()
        if params:
            self.params_editor.set_params(params)
        self.resize(640, 440)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop_and_wait)

    # ---- building ----

    def _build(self) -> None:
        self.kind_combo = QComboBox(self)
        for doc_kind in self.kinds.values():
            self.kind_combo.addItem(doc_kind.label, doc_kind.kind)
        self.params_editor = ParamsEditor(self.workbook.today(), self)
        self.params_label = QLabel("年度：", self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("batchCount")
        self.count_label.setStyleSheet("font-weight: bold;")
        self.count_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow("文档种类(&K)：", self.kind_combo)
        form.addRow(self.params_label, self.params_editor)
        form.addRow("打印范围：", self.count_label)
        form.addRow("输出方式：", self._build_output())
        self.progress = QProgressBar(self)
        self.progress.setFormat("%p%")
        self.progress_label = QLabel(self)
        self.progress_label.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.summary_label)
        layout.addStretch(1)
        layout.addLayout(self._build_buttons())
        self.progress.hide()

    def _build_output(self) -> QWidget:
        box = QWidget(self)
        self.one_file_radio = QRadioButton("合并为一个PDF文件(&O)", box)
        self.folder_radio = QRadioButton("每份一个文件，存入文件夹(&F)", box)
        self.one_file_radio.setChecked(True)
        self.output_group = QButtonGroup(box)
        self.output_group.addButton(self.one_file_radio)
        self.output_group.addButton(self.folder_radio)
        self.path_edit = QLineEdit(box)
        self.path_edit.setObjectName("pathEdit")
        self.browse_button = QPushButton("选择位置(&B)…", box)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.one_file_radio)
        layout.addWidget(self.folder_radio)
        layout.addLayout(row)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        self.start_button = QPushButton("开始(&S)", self)
        self.start_button.setDefault(True)
        self.open_folder_button = QPushButton("打开文件夹", self)
        self.preview_button = QPushButton("打印预览", self)
        self.cancel_button = QPushButton("关闭", self)
        row = QHBoxLayout()
        row.addWidget(self.open_folder_button)
        row.addWidget(self.preview_button)
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addWidget(self.cancel_button)
        self.open_folder_button.hide()
        self.preview_button.hide()
        return row

    def _wire(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.params_editor.changed.connect(self._params_changed)
        self.one_file_radio.toggled.connect(lambda _on: self._suggest_path())
        self.browse_button.clicked.connect(self._browse)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.preview_button.clicked.connect(self.preview_result)

    # ---- choosing ----

    def kind(self) -> DocumentKind | None:
        return self.kinds.get(self.kind_combo.currentData() or "")

    def one_file(self) -> bool:
        return self.one_file_radio.isChecked()

    def _kind_changed(self) -> None:
        doc_kind = self.kind()
        kind_type = param_type(doc_kind) if doc_kind else "none"
        self.params_editor.set_type(kind_type)
        label = self.params_editor.label() or (doc_kind.params_label if doc_kind else "")
        self.params_label.setText(f"{label}：" if label else "")
        self.params_label.setVisible(kind_type != "none")
        self.params_editor.setVisible(kind_type != "none")

    def _params_changed(self) -> None:
        """Count what the choice covers (a quick query), and suggest a file or folder name to match."""
        self.keys = []
        doc_kind = self.kind()
        if doc_kind is None:
            self.count_label.setText("没有可以批量打印的文档种类")
        else:
            try:
                self.keys = self.workbook.printing.batch_keys(doc_kind.kind, self.params_editor.params())
                self.count_label.setText(f"共 {len(self.keys)} 份“{doc_kind.label}”" if self.keys
                                         else "没有符合条件的文档")
            except DOCUMENT_ERRORS as exc:
                self.count_label.setText(document_error_text(exc))
        self._suggest_path()
        self.start_button.setEnabled(bool(self.keys) and self.worker is None)

    def _suggest_path(self) -> None:
        doc_kind = self.kind()
        if doc_kind is None:
            return
        params = self.params_editor.params().strip(":")
        name = safe_filename(f"{doc_kind.label}（{params}）" if params else doc_kind.label)
        folder = Path(self.path_edit.text()).parent if self.path_edit.text() else documents_folder()
        self.path_edit.setText(str(folder / (f"{name}.pdf" if self.one_file() else name)))

    def _browse(self) -> None:
        current = self.path_edit.text()
        if self.one_file():
            chosen, _filter = QFileDialog.getSaveFileName(self, "保存为", current, "PDF 文件 (*.pdf)")
        else:
            chosen = QFileDialog.getExistingDirectory(self, "选择存放文件的文件夹", str(Path(current).parent))
            if chosen:
                chosen = str(Path(chosen) / Path(current).name)
        if chosen:
            self.path_edit.setText(chosen)

    def output_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text)
        if self.one_file() and path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return path

    # ---- running ----

    def start(self) -> None:
        doc_kind, out = self.kind(), self.output_path()
        if doc_kind is None or not self.keys or self.worker is not None:
            return
        problem = self._output_problem(out)
        if problem:
            self.summary_label.setText(problem)
            self.path_edit.setFocus()
            return
        assert out is not None and self.workbook.path is not None
        if self.one_file() and out.exists() and not self._confirm_replace(out):
            return
        self.job = job = BatchJob(self.workbook.path, self.workbook.store.user_name, doc_kind.kind,
                       self.params_editor.params(), list(self.keys), out, self.one_file())
        self.result = None
        self.worker = BatchThread(job, self)
        self.worker.progressed.connect(self._progressed)
        self.worker.completed.connect(self._completed)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._thread_finished)
        self._set_running(True)
        self.batchStarted.emit(self.worker)
        self.worker.start()

    def _output_problem(self, out: Path | None) -> str:
        if out is None:
            return "请先选择保存的位置。"
        if self.workbook.path is None:
            return "临时数据库不能批量打印，请先把数据保存为文件。"
        if self.one_file() and out.is_dir():
            return f"“{out}”是一个文件夹，请给出PDF文件名。"
        if not self.one_file() and out.exists() and not out.is_dir():
            return f"“{out}”是一个文件，请选择文件夹。"
        return ""

    def _confirm_replace(self, out: Path) -> bool:
        answer = QMessageBox.question(self, "批量打印", f"文件“{out.name}”已经存在，要替换它吗？")
        return answer == QMessageBox.StandardButton.Yes

    def _set_running(self, running: bool) -> None:
        for widget in (self.kind_combo, self.params_editor, self.one_file_radio, self.folder_radio,
                       self.path_edit, self.browse_button):
            widget.setEnabled(not running)
        self.start_button.setVisible(not running)
        self.start_button.setEnabled(bool(self.keys))
        self.cancel_button.setText("取消" if running else "关闭")
        self.cancel_button.setEnabled(True)
        if running:
            self.progress.show()
            self.progress.setRange(0, max(len(self.keys) * (2 if self.one_file() else 1), 1))
            self.progress.setValue(0)
            self.progress_label.setText("正在准备…")
            self.summary_label.clear()
            self.open_folder_button.hide()
            self.preview_button.hide()

    def _progressed(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        count = len(self.keys)
        if self.job is not None and self.job.one_file:
            # one file: first every document's data is gathered, then the whole PDF is laid out
            step, item = ("整理数据", done) if done <= count else ("排版", done - count)
        else:
            step, item = ("生成", min(done + 1, count))
        self.progress_label.setText(f"正在{step}：第 {item} / {count} 份　{what}" if what else "正在完成…")

    def _completed(self, result: BatchResult, pages: int) -> None:
        self.result = result
        if result.cancelled:
            self.progress_label.setText("已取消，没有留下任何文件。")
            self.summary_label.setText("")
            return
        self.progress.setValue(self.progress.maximum())
        self.progress_label.setText("完成。")
        one_file = self.job is not None and self.job.one_file
        where = result.files[0] if one_file else self.output_folder()
        self.summary_label.setText(f"已生成 {result.documents} 份文档，共 {pages} 页，保存在：\n{where}")
        self.open_folder_button.show()
        self.preview_button.setVisible(one_file)
        self.open_folder_button.setFocus()

    def _failed(self, message: str) -> None:
        self.progress_label.setText("没有完成。")
        self.summary_label.setText(f"批量打印没有完成：{message}")

    def _thread_finished(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.deleteLater()
        self._set_running(False)
        self.progress.setVisible(self.result is not None and not self.result.cancelled)
        if self._close_when_done:
            super().reject()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText("正在取消…")

    def is_running(self) -> bool:
        return self.worker is not None

    def stop_and_wait(self) -> None:
        """The program is quitting: a thread must not be destroyed while it runs (the batch leaves nothing)."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()

    def reject(self) -> None:
        """取消 during a batch stops it (the dialog stays to say so); 关闭 / Esc when idle closes."""
        if self.worker is not None:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.worker is not None:      # the window's close box: stop the batch, close once it has stopped
            self._close_when_done = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    # ---- after ----

    def output_folder(self) -> Path | None:
        if self.result is None or not self.result.files:
            return None
        return self.result.files[0].parent

    def open_folder(self) -> None:
        folder = self.output_folder()
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def preview_result(self) -> None:
        if self.result is None or not self.result.files:
            return
        path = self.result.files[0]
        try:
            data = path.read_bytes()
        except OSError as exc:
            QMessageBox.warning(self, "打印预览", f"无法打开“{path}”：{exc.strerror or exc}")
            return
        dialog = PreviewDialog(data, path.stem, path.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
