"""Issue 4's acceptance path, end to end through the main window of 东河南镇 with two villages: a clerk creates a
目标责任书 for 下野窝村 (A) from the template, edits a clause, adds an indicator, saves; 上野窝村 (B) gets the same by
the repository; A's scan is attached, hashed and verified; two months of A's progress are typed into the grid; and
the 2018Q2 季点评通报 shows A move from behind B to ahead of it.

Both letters come from the template "乡镇对村 脱贫攻坚目标责任书" (10 indicators, weights 20+15+15+10+5+10+5+5+5+10
= 100) plus 危房改造 (户, 0 → 12, weight 10): Σ weight = 110 for each village. The villages have no households,
visits or work teams, so the counted indicators (脱贫户数, 脱贫人数 and 入户走访 count 0; 在村天数达标率 has nobody
posted: 未填报) score 0 for both. Only typed values count:
  B (April, by repository): 村集体经济收入 0.5 of 1 万元 = 50 % × 10; 产业扶贫项目覆盖贫困户 20 of 40 户 = 50 % × 10
      → (5 + 5) / 110 × 100 = 9.09
  A before typing: nothing → 0.00                                         ranking: B 1st, A 2nd
  A typed — April: 村集体经济收入 0.4, 易地扶贫搬迁入住率 50 %; May: 村集体经济收入 0.8, 入住率 100 %, 危房改造 6 户.
      The quarter ends in June and carries May forward: 80 % × 10 + 100 % × 5 + 50 % × 10 = 8 + 5 + 5 = 18
      → 18 / 110 × 100 = 16.36                                            ranking: A 1st, B 2nd
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from tests.gui.dialog_helpers import click_save
from tests.helpers import add_village, type_chinese

from lingqiu_desktop.core.letters import clean_letter

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.dialogs.indicator_edit import IndicatorDialog
from lingqiu_desktop.gui.letter_editor import LetterEditor
from lingqiu_desktop.gui.main_window import MainWindow
from lingqiu_desktop.gui.pages.letters import LettersPage, NewLetterDialog
from lingqiu_desktop.gui.pages.progress import FIRST_MONTH, ProgressPage
from lingqiu_desktop.gui.pages.reviews import ReviewsPage, ReviewTab

NO, ALT, CTRL = Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TEMPLATE = "township_village_target"
# the clerk's own indicator, typed in the dialog for A and given to B by the repository
HOUSING = {"name": "危房改造", "unit": "户", "baseline": "0", "target": "12", "direction": "higher", "weight": "10",
           "deadline": "2018-12-31", "source": "manual"}


# -- helpers ----------------------------------------------------------------------------------------------------------
def on_modal(kind: type, act: Callable[[Any], None]) -> None:
    """Act on the next modal window of `kind` once it has the keyboard (exec() blocks the test until it closes); if
    the act fails, the window is closed so the test fails instead of hanging."""
    def poll(left: int) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind) and QApplication.activeWindow() is not modal:
            modal.activateWindow()
        if isinstance(modal, kind) and QApplication.activeWindow() is modal:
            try:
                act(modal)
            except BaseException:
                modal.reject()
                raise
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))
    QTimer.singleShot(0, lambda: poll(250))


def open_window(qtbot, workbook: Workbook) -> MainWindow:
    window = MainWindow(workbook)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def go(qtbot, window: MainWindow, title: str) -> QWidget:
    """Click the section in the sidebar, as the clerk does (the 转到 menu's "Ctrl+10" and "Ctrl+11" are not
    valid key sequences, so 指标进度 and 考核通报 have no shortcut)."""
    window.activateWindow()  # back from a dialog: the click gives the window the keyboard again
    qtbot.waitUntil(window.isActiveWindow)
    item = window.sidebar.findItems(title, Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(item).center())
    assert window.sidebar.currentItem() is item
    return window.stack.currentWidget()


def back_to(qtbot, page: LettersPage) -> None:
    """After a dialog closes, the main window gets the keyboard back (the page's shortcuts need it active)."""
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    page.table.setFocus()


def alt(qtbot, widget: QWidget, key: Qt.Key, done: Callable[[], object]) -> None:
    """Alt+mnemonic: a button answers with an animated click (about 100 ms later), so wait for its effect."""
    qtbot.keyClick(widget, key, ALT)
    qtbot.waitUntil(lambda: bool(done()))


def tab_to(qtbot, widget: QWidget) -> QWidget:
    """Tab once and check the cursor landed on `widget` (an editable combo types into its line edit)."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    target = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
    assert QApplication.focusWidget() in (widget, target), widget.objectName()
    return target


def fill_housing(qtbot, dialog: IndicatorDialog) -> None:
    """危房改造, 户, 0 → 12, 越高越好 (as it opens), weight 10: field by field with Tab; Enter saves."""
    ui = dialog.ui
    assert QApplication.focusWidget() is ui.name
    type_chinese(ui.name, HOUSING["name"])
    type_chinese(tab_to(qtbot, ui.unit), "户")
    for widget, text in ((ui.baseline, "0"), (ui.target, "12"), (ui.direction, ""), (ui.weight, "10")):
        target = tab_to(qtbot, widget)
        if text:
            qtbot.keyClick(target, Qt.Key.Key_A, CTRL)
            qtbot.keyClicks(target, text)
    assert ui.direction.currentText() == "越高越好"
    qtbot.keyClick(ui.weight, Qt.Key.Key_Return)


def create_letter_for_a(qtbot, page: LettersPage) -> None:
    """新建 (Ctrl+N) → the template chooser → the editor: one clause changed, 危房改造 added, 保存."""
    def chooser(dialog: NewLetterDialog) -> None:
        assert (dialog.template.currentText(), dialog.receiver.currentText()) == ("乡镇对村 脱贫攻坚目标责任书",
                                                                                  "下野窝村")
        on_modal(LetterEditor, editor)
        qtbot.keyClick(dialog.year, Qt.Key.Key_Return)  # 下一步

    def editor(dialog: LetterEditor) -> None:
        assert dialog.indicator_model.rowCount() == 10
        alt(qtbot, dialog, Qt.Key.Key_C, lambda: dialog.tabs.currentIndex() == 0)  # 条款
        # clause 三: the village's collective income target goes from 1 to 2 万元 (the clerk selects "1" and types)
        assert dialog.clauses.find("1万元以上")
        qtbot.keyClicks(dialog.clauses, "2")
        type_chinese(dialog.clauses, "万元以上")
        alt(qtbot, dialog, Qt.Key.Key_I, lambda: dialog.tabs.currentIndex() == 1)  # 指标
        on_modal(IndicatorDialog, lambda d: fill_housing(qtbot, d))
        qtbot.keyClick(dialog.indicator_table, Qt.Key.Key_Insert)
        assert dialog.indicator_model.rowCount() == 11
        assert dialog.weight_label.text() == "共 11 项，权重合计 110（一般应为100）"
        click_save(qtbot, dialog)

    on_modal(NewLetterDialog, chooser)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)


def add_letter_for_b(workbook: Workbook, village: dict[str, Any]) -> dict[str, Any]:
    """The same letter for B, by the repository: template, the same clause change, the same extra indicator."""
    values, indicators = workbook.letters.from_template(TEMPLATE, 2018, village["code"], today=workbook.today())
    values["clauses"] = values["clauses"].replace("达到1万元以上", "达到2万元以上")
    letter = workbook.letters.add(clean_letter(values, workbook.today()), [*indicators, HOUSING])
    by_name = {i["name"]: i["id"] for i in workbook.letters.indicators(letter["id"])}
    workbook.progress.set_value(by_name["村集体经济收入"], "2018-04", 0.5)
    workbook.progress.set_value(by_name["产业扶贫项目覆盖贫困户"], "2018-04", 20)
    return letter


def scan_and_verify(qtbot, page: LettersPage, scan: Path) -> str:
    """Open A's letter (F2), attach the scan, see its SHA-256, 保存; open it again and 校验."""
    shown: dict[str, str] = {}

    def attach(dialog: LetterEditor) -> None:
        alt(qtbot, dialog, Qt.Key.Key_A, lambda: dialog.tabs.currentIndex() == 2)  # 扫描件
        assert dialog.attach_scan(scan)
        shown["attached"] = dialog.scan_labels["sha256"].text()
        click_save(qtbot, dialog)

    def verify(dialog: LetterEditor) -> None:
        alt(qtbot, dialog, Qt.Key.Key_A, lambda: dialog.tabs.currentIndex() == 2)
        alt(qtbot, dialog, Qt.Key.Key_V, lambda: dialog.scan_labels["check"].text())  # 校验
        shown["stored"] = dialog.scan_labels["sha256"].text()
        shown["check"] = dialog.scan_labels["check"].text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    for act in (attach, verify):
        back_to(qtbot, page)
        on_modal(LetterEditor, act)
        qtbot.keyClick(page.table, Qt.Key.Key_F2)
    digest = hashlib.sha256(PDF).hexdigest()
    assert shown == {"attached": digest, "stored": digest, "check": "一致：存档文件与添加时相同"}
    return digest


def key(qtbot, page: ProgressPage, k: Qt.Key, modifier: Qt.KeyboardModifier = NO, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(page.window().focusWidget() or page.grid, k, modifier)


def go_to(qtbot, page: ProgressPage, row: int, month: int) -> None:
    """From the grid's top-left cell with the arrow keys."""
    page.grid.setFocus()
    key(qtbot, page, Qt.Key.Key_Home, CTRL)
    key(qtbot, page, Qt.Key.Key_Down, times=row)
    key(qtbot, page, Qt.Key.Key_Right, times=FIRST_MONTH + month - 1)
    assert (page.grid.currentIndex().row(), page.grid.currentIndex().column()) == (row, FIRST_MONTH + month - 1)


def type_value(qtbot, page: ProgressPage, text: str, end: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type into the cell (the first key opens the editor), then Enter (save, down) or Tab (save, right)."""
    for char in text:
        qtbot.keyClicks(page.window().focusWidget() or page.grid, char)
    key(qtbot, page, end)
    QApplication.processEvents()  # Qt commits an editor's Enter through a queued call


def type_two_months(qtbot, page: ProgressPage) -> None:
    """A's April and May, from the paper report, keyboard only."""
    assert page.receiver_combo.currentText().startswith("下野窝村") and page.month == "2018-06"
    names = [line.row.indicator["name"] for line in page.model.lines]
    income, moved, housing = names.index("村集体经济收入"), names.index("易地扶贫搬迁入住率"), names.index("危房改造")
    assert (income, moved, housing) == (3, 4, 10)  # the template's order, the clerk's indicator last
    go_to(qtbot, page, income, 4)
    type_value(qtbot, page, "0.4")                       # Enter: down to 入住率 April
    type_value(qtbot, page, "50", Qt.Key.Key_Tab)        # Tab: right to 入住率 May
    type_value(qtbot, page, "100")                       # Enter: down, so back up to 集体经济收入 May
    key(qtbot, page, Qt.Key.Key_Up, times=2)
    type_value(qtbot, page, "0.8")
    go_to(qtbot, page, housing, 5)
    type_value(qtbot, page, "6")
    assert page.message_label.text() == "已保存：危房改造 5月 6户"


def ranking(tab: ReviewTab) -> list[tuple[str, str, str]]:
    """(名次, 单位, 加权得分) as the table shows them."""
    model = tab.units_model
    return [tuple(model.data(model.index(r, c)) for c in range(3)) for r in range(model.rowCount())]  # type: ignore


def quarter_tab(qtbot, page: ReviewsPage) -> ReviewTab:
    """Click the 季点评通报 tab."""
    tab = page.tab("quarter")
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(page.tabs.indexOf(tab)).center())
    assert page.tabs.currentWidget() is tab and bar.tabText(bar.currentIndex()) == "季点评通报"
    assert tab.picker.period == "2018Q2"  # June 30th ends the quarter: it is the one on show
    return tab


def check_letter_a(workbook: Workbook, letter_id: str) -> None:
    """What the editor saved: the template's letter for 下野窝村, its clause as edited, 危房改造 last."""
    letter = workbook.letters.get(letter_id)
    assert (letter["receiver_name"], letter["kind"], letter["status"]) == ("下野窝村", "目标责任书", "草拟")
    assert "村集体经济收入达到2万元以上" in letter["clauses"] and "达到1万元以上" not in letter["clauses"]
    housing = workbook.letters.indicators(letter_id)[-1]
    assert (housing["name"], housing["unit"], housing["target"], housing["weight"]) == ("危房改造", "户", 12, 10)


# -- the test ---------------------------------------------------------------------------------------------------------
def test_a_letter_from_template_to_the_quarters_ranking(qtbot, workbook: Workbook, tmp_path: Path) -> None:
    workbook.settings.set("app.reference_date", "2018-06-30")
    add_village(workbook, "201", "下野窝村")
    village_b = add_village(workbook, "202", "上野窝村")
    scan = tmp_path / "责任书扫描件.pdf"
    scan.write_bytes(PDF)
    window = open_window(qtbot, workbook)

    letters = go(qtbot, window, "目标责任书")
    assert isinstance(letters, LettersPage)
    create_letter_for_a(qtbot, letters)
    assert letters.count_label.text() == "共 1 份"
    letter_a = letters.current_record()["id"]
    check_letter_a(workbook, letter_a)
    add_letter_for_b(workbook, village_b)
    letters.refresh(letter_a)  # B was written behind the page's back; A stays the current row
    assert letters.count_label.text() == "共 2 份"
    digest = scan_and_verify(qtbot, letters, scan)
    assert workbook.letters.get(letter_a)["scan_sha256"] == digest

    reviews = go(qtbot, window, "考核通报")
    assert isinstance(reviews, ReviewsPage)
    assert ranking(quarter_tab(qtbot, reviews)) == [("1", "上野窝村", "9.09"), ("2", "下野窝村", "0.00")]

    progress = go(qtbot, window, "指标进度")
    assert isinstance(progress, ProgressPage)
    type_two_months(qtbot, progress)
    values = workbook.progress.values(letter_a)
    assert sorted(v for months in values.values() for v in months.items()) == [
        ("2018-04", 0.4), ("2018-04", 50.0), ("2018-05", 0.8), ("2018-05", 6.0), ("2018-05", 100.0)]

    tab = quarter_tab(qtbot, go(qtbot, window, "考核通报"))  # coming back reads the new progress
    assert ranking(tab) == [("1", "下野窝村", "16.36"), ("2", "上野窝村", "9.09")]
