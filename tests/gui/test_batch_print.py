"""批量打印: the choice (kind, year, output), the count it covers, a batch run by the worker thread into a folder or
one file, 取消 pressed while it runs leaving nothing behind, and the params as each kind needs them."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.documents.pdfcheck import page_count, page_texts
from tests.gui.modal import show
from tests.helpers import add_village

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

from lingqiu_desktop.gui.batch_print import BatchPrintDialog, BatchThread, pdf_pages
from lingqiu_desktop.gui.print_params import ParamsEditor

VILLAGES = [("201", "下野窝村"), ("202", "上野窝村"), ("203", "中野窝村")]
SIGNERS = {"receiver_signer1_name": "殷成军", "receiver_signer1_title": "党支部书记",
           "receiver_signer2_name": "高红英", "receiver_signer2_title": "村委会主任"}


def add_letter(wb: Workbook, village: dict[str, Any], year: int = 2018) -> dict[str, Any]:
    values = {"kind": "目标责任书", "year": year, "level": "乡对村", "title": f"{year}年度脱贫攻坚目标责任书",
              "receiver_code": village["code"], "drafted_on": f"{year}-02-01", "deadline": f"{year}-12-31",
              **SIGNERS}
    indicator = {"name": "脱贫户数", "unit": "户", "baseline": 0, "target": 10, "direction": "higher", "weight": 60,
                 "deadline": f"{year}-12-31"}
    return wb.letters.add(values, [indicator])


def three_villages(wb: Workbook) -> list[dict[str, Any]]:
    """Three villages with a 2018 目标责任书 each: the 2018 batch of 责任清单（村） covers three sheets."""
    wb.settings.set(REFERENCE_DATE_KEY, "2018-11-30")
    villages = [add_village(wb, suffix, name) for suffix, name in VILLAGES]
    for village in villages:
        add_letter(wb, village)
    return villages


@pytest.fixture
def batch(qtbot, workbook: Workbook) -> BatchPrintDialog:
    three_villages(workbook)
    dialog = BatchPrintDialog(workbook, "sheet-village", "2018")
    show(qtbot, dialog)
    return dialog


def run_to_end(qtbot, dialog: BatchPrintDialog) -> None:
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.is_running()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)


def to_folder(dialog: BatchPrintDialog, folder: Path) -> None:
    dialog.folder_radio.setChecked(True)
    dialog.path_edit.setText(str(folder))


# -- the choice -----------------------------------------------------------------------------------------------------
def test_only_kinds_with_batches_are_offered_and_the_count_follows_the_year(batch: BatchPrintDialog) -> None:
    offered = [batch.kind_combo.itemData(i) for i in range(batch.kind_combo.count())]
    assert "sheet-village" in offered and "attendance" in offered
    assert "letter" not in offered and "signin" not in offered
    assert batch.kind_combo.currentText() == "责任清单（村）"
    assert batch.params_label.text() == "年度："
    assert batch.count_label.text() == "共 3 份“责任清单（村）”"
    assert batch.start_button.isEnabled()
    batch.params_editor.set_year(2017)
    assert batch.count_label.text() == "没有符合条件的文档"
    assert not batch.start_button.isEnabled()


def test_the_suggested_output_follows_the_choice(batch: BatchPrintDialog) -> None:
    assert Path(batch.path_edit.text()).name == "责任清单（村）（2018）.pdf"
    batch.folder_radio.setChecked(True)
    assert Path(batch.path_edit.text()).name == "责任清单（村）（2018）"
    batch.kind_combo.setCurrentIndex(batch.kind_combo.findData("attendance"))
    assert batch.params_label.text() == "月份："
    assert Path(batch.path_edit.text()).name == "驻村工作队月度考勤表（2018-10）"


# -- running ----------------------------------------------------------------------------------------------------------
def test_a_batch_into_a_folder_writes_one_file_a_village(qtbot, batch: BatchPrintDialog, tmp_path: Path) -> None:
    to_folder(batch, tmp_path / "清单")
    seen: list[tuple[int, int, str]] = []
    batch.batchStarted.connect(lambda thread: thread.progressed.connect(lambda *a: seen.append(a)))
    run_to_end(qtbot, batch)
    files = sorted((tmp_path / "清单").iterdir())
    assert len(files) == 3 and all(f.suffix == ".pdf" for f in files)
    assert any("下野窝村" in f.name for f in files)
    assert batch.result is not None and batch.result.documents == 3
    pages = sum(page_count(f.read_bytes()) for f in files)
    assert batch.summary_label.text() == f"已生成 3 份文档，共 {pages} 页，保存在：\n{tmp_path / '清单'}"
    assert batch.open_folder_button.isVisible() and not batch.preview_button.isVisible()
    assert batch.output_folder() == tmp_path / "清单"
    assert seen[-1][:2] == (3, 3)
    assert batch.start_button.isVisible() and batch.cancel_button.text() == "关闭"


def test_a_batch_into_one_file_holds_every_sheet(qtbot, batch: BatchPrintDialog, tmp_path: Path) -> None:
    batch.path_edit.setText(str(tmp_path / "全部清单"))          # .pdf is added
    run_to_end(qtbot, batch)
    out = tmp_path / "全部清单.pdf"
    pdf = out.read_bytes()
    texts = page_texts(pdf)
    assert sum("责任清单暨考核表" in t for t in texts) == 3
    assert pdf_pages(pdf) == page_count(pdf)
    assert "共 3 份" not in batch.summary_label.text() and f"保存在：\n{out}" in batch.summary_label.text()
    assert batch.preview_button.isVisible()
    assert batch.progress_label.text() == "完成。"


def cancel_at_first_progress(qtbot, dialog: BatchPrintDialog, close_window: bool = False) -> None:
    """Press 取消 (or the window's close box) when the first progress shows; the worker waits for the press, so the
    batch cannot finish first."""
    pressed = threading.Event()

    def hold(*_args: object) -> None:          # in the worker thread
        assert pressed.wait(10), "取消 was not pressed"

    def press(*_args: object) -> None:         # in the GUI thread, as the clerk sees the first document
        if not pressed.is_set():
            if close_window:
                dialog.close()
            else:
                qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
            pressed.set()

    def wire(thread: BatchThread) -> None:
        # slots run in the order connected: post the press before the worker holds
        thread.progressed.connect(press, Qt.ConnectionType.QueuedConnection)
        thread.progressed.connect(hold, Qt.ConnectionType.DirectConnection)

    dialog.batchStarted.connect(wire)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)
    assert pressed.is_set()


@pytest.mark.parametrize("one_file", [False, True])
def test_cancel_during_a_batch_leaves_nothing_behind(qtbot, batch: BatchPrintDialog, tmp_path: Path,
                                                      one_file: bool) -> None:
    out = tmp_path / "输出"
    if one_file:
        batch.path_edit.setText(str(out / "全部.pdf"))
    else:
        to_folder(batch, out / "清单")
    cancel_at_first_progress(qtbot, batch)
    assert batch.result is not None and batch.result.cancelled
    assert not out.exists() or not any(out.rglob("*"))
    assert batch.progress_label.text() == "已取消，没有留下任何文件。"
    assert batch.isVisible() and batch.start_button.isEnabled() and batch.cancel_button.text() == "关闭"


def test_closing_the_window_during_a_batch_stops_it_then_closes(qtbot, batch: BatchPrintDialog,
                                                                 tmp_path: Path) -> None:
    to_folder(batch, tmp_path / "清单")
    cancel_at_first_progress(qtbot, batch, close_window=True)
    qtbot.waitUntil(lambda: not batch.isVisible())
    assert batch.result is not None and batch.result.cancelled
    assert not (tmp_path / "清单").exists()


def test_a_batch_that_cannot_write_says_why(qtbot, batch: BatchPrintDialog, tmp_path: Path) -> None:
    (tmp_path / "记录.txt").write_text("")
    batch.path_edit.setText(str(tmp_path / "记录.txt" / "全部.pdf"))      # a folder that is a file
    run_to_end(qtbot, batch)
    assert batch.summary_label.text().startswith(f"批量打印没有完成：无法写入“{tmp_path / '记录.txt'}")
    assert not batch.is_running() and batch.start_button.isEnabled()


@pytest.mark.parametrize(("one_file", "name", "message"), [
    (True, "占用.pdf", "是一个文件夹，请给出PDF文件名。"),
    (False, "文件", "是一个文件，请选择文件夹。"),
])
def test_an_output_of_the_wrong_sort_is_refused_before_starting(batch: BatchPrintDialog, tmp_path: Path,
                                                                one_file: bool, name: str, message: str) -> None:
    (tmp_path / name).mkdir() if one_file else (tmp_path / name).write_text("")
    if not one_file:
        batch.folder_radio.setChecked(True)
    batch.path_edit.setText(str(tmp_path / name))
    batch.start()
    assert not batch.is_running()
    assert batch.summary_label.text() == f"“{tmp_path / name}”{message}"


def test_escape_while_idle_closes(qtbot, batch: BatchPrintDialog) -> None:
    qtbot.keyClick(batch.kind_combo, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not batch.isVisible())


# -- params as each kind needs them ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("kind_type", "label", "default"), [
    ("year", "年度", "2018"),
    ("month", "月份", "2018-10"),          # the month just ended
    ("quarter", "季度", "2018Q3"),          # the quarter just ended
    ("disclosure", "版本", "public"),
    ("range", "走访日期", ":"),
    ("none", "", ""),
])
def test_the_params_editor_gives_each_kind_its_params(qtbot, kind_type: str, label: str, default: str) -> None:
    editor = ParamsEditor(date(2018, 11, 30))
    qtbot.addWidget(editor)
    editor.set_type(kind_type)
    assert editor.label() == label
    assert editor.params() == default


@pytest.mark.parametrize(("kind_type", "params"), [
    ("year", "2016"), ("month", "2017-01"), ("quarter", "2017Q4"), ("disclosure", "internal"),
    ("range", "2018-03-01:2018-06-30"), ("range", ":"),
])
def test_given_params_are_shown_and_given_back(qtbot, kind_type: str, params: str) -> None:
    editor = ParamsEditor(date(2018, 11, 30))
    qtbot.addWidget(editor)
    editor.set_type(kind_type)
    editor.set_params(params)
    assert editor.params() == params


def test_january_defaults_to_december_of_the_year_before(qtbot) -> None:
    editor = ParamsEditor(date(2019, 1, 15))
    qtbot.addWidget(editor)
    editor.set_type("month")
    assert editor.params() == "2018-12"
    editor.set_type("quarter")
    assert editor.params() == "2018Q4"
