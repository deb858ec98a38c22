"""The letters page and the letter editor, driven like a clerk: a 军令状 from the template at the county, a clause
edited, an indicator added through its dialog, a scan attached, hashed and verified; bad input shows the Chinese
message and saves nothing; the status buttons; a county letter read-only at a township."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from tests.gui.dialog_helpers import choose, click_save, open_dialog, retype, save_button, type_text
from tests.helpers import add_village

from lingqiu_desktop.core.letters import clean_letter
from lingqiu_desktop.core.pinyin import initials

from lingqiu_desktop.data.letters import LetterRepository

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

from lingqiu_desktop.gui.dialogs.indicator_edit import IndicatorDialog
from lingqiu_desktop.gui.letter_editor import LetterEditor
from lingqiu_desktop.gui.pages.letters import LettersPage, NewLetterDialog

TODAY = "2018-11-30"
TOWNSHIP = "140224101"  # 东河南镇
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def add_person(wb: Workbook, name: str, post: str, kind: str, unit: str, township: str = TOWNSHIP) -> None:
    wb.people.add({"name": name, "name_initials": initials(name), "kind": kind, "unit": unit, "post": post,
                   "township_code": township})


def ready(wb: Workbook) -> Workbook:
    """The working date and the township leaders who sign its letters."""
    wb.settings.set(REFERENCE_DATE_KEY, TODAY)
    add_person(wb, "李宏文", "党委书记", "干部", "东河南镇人民政府")
    add_person(wb, "马东平", "镇长", "干部", "东河南镇人民政府")
    return wb


@pytest.fixture
def county(tmp_path: Path) -> Iterator[Workbook]:
    with Workbook.create(tmp_path / "county.sqlite3", "140224") as wb:
        yield ready(wb)


@pytest.fixture
def town(workbook: Workbook) -> Workbook:
    ready(workbook)
    add_village(workbook, "201", "下野窝村")
    add_person(workbook, "殷成军", "党支部书记", "村干部", "下野窝村")
    add_person(workbook, "韩小俊", "村委会主任", "村干部", "下野窝村")
    return workbook


def on_modal(kind: type, act: Callable[[QWidget], None]) -> None:
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


def show_page(qtbot, page: LettersPage) -> LettersPage:
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.table.setFocus()
    return page


def alt(qtbot, widget: QWidget, key: Qt.Key, done: Callable[[], object]) -> None:
    """Alt+mnemonic: a button answers with an animated click (about 100 ms later), so wait for its effect."""
    qtbot.keyClick(widget, key, ALT)
    qtbot.waitUntil(lambda: bool(done()))


def count(wb: Workbook, sql: str = "SELECT COUNT(*) FROM letter") -> int:
    return wb.db.execute(sql).fetchone()[0]


def template_editor(qtbot, wb: Workbook, receiver: str = TOWNSHIP) -> LetterEditor:
    template = "county_township_order" if wb.is_county else "township_village_target"
    values, indicators = wb.letters.from_template(template, 2018, receiver, today=date(2018, 11, 30))
    return open_dialog(qtbot, LetterEditor(wb, values=values, indicators=indicators))


def pdf(tmp_path: Path, name: str = "军令状扫描件.pdf", data: bytes = PDF) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def fill_indicator(qtbot, dialog: IndicatorDialog, weight: str = "5") -> None:
    """危房改造, 户, 0 → 12, weight: typed field by field, Tab between them, as the keyboard goes."""
    assert QApplication.focusWidget() is dialog.ui.name
    type_text(qtbot, dialog.ui.name, "危房改造")
    for widget, text in ((dialog.ui.unit, "户"), (dialog.ui.baseline, "0"), (dialog.ui.target, "12"),
                         (dialog.ui.weight, weight)):
        retype(qtbot, widget, text)
    qtbot.keyClick(dialog.ui.weight, Qt.Key.Key_Return)


# -- the acceptance path ---------------------------------------------------------------------------------------------
def test_a_clerk_makes_a_military_order_from_the_template(qtbot, county: Workbook, tmp_path: Path) -> None:
    page = show_page(qtbot, LettersPage(county))
    scan = pdf(tmp_path)
    seen: dict[str, object] = {}

    def chooser(dialog: NewLetterDialog) -> None:
        assert dialog.template.currentText() == "县对乡镇 脱贫攻坚军令状"
        choose(qtbot, dialog.receiver, "东河南镇")
        on_modal(LetterEditor, editor)
        qtbot.keyClick(dialog.year, Qt.Key.Key_Return)

    def editor(dialog: LetterEditor) -> None:
        assert (dialog.ui.receiver_signer1_name.text(), dialog.ui.receiver_signer2_title.text()) == ("李宏文", "镇长")
        dialog.tabs.setCurrentIndex(0)
        dialog.clauses.setFocus()
        qtbot.keyClick(dialog.clauses, Qt.Key.Key_End, CTRL)
        qtbot.keyClick(dialog.clauses, Qt.Key.Key_Return)
        type_text(qtbot, dialog.clauses, "七、乙方每月5日前报送上月进度。")
        qtbot.keyClick(dialog, Qt.Key.Key_I, ALT)  # the 指标 tab
        on_modal(IndicatorDialog, lambda d: fill_indicator(qtbot, d))
        qtbot.keyClick(dialog.indicator_table, Qt.Key.Key_Insert)
        assert dialog.indicator_model.rowCount() == 11
        assert dialog.weight_label.text() == "共 11 项，权重合计 105（一般应为100）"
        assert dialog.attach_scan(scan)
        seen["sha"] = dialog.scan_labels["sha256"].text()
        seen["name"] = dialog.scan_labels["name"].text()
        click_save(qtbot, dialog)

    on_modal(NewLetterDialog, chooser)
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert seen == {"sha": hashlib.sha256(PDF).hexdigest(), "name": "军令状扫描件.pdf（保存后存档）"}
    assert page.count_label.text() == "共 1 份"
    letter = county.letters.get(page.current_record()["id"])
    assert (letter["kind"], letter["receiver_name"], letter["status"]) == ("军令状", "东河南镇", "草拟")
    assert letter["clauses"].endswith("自签订之日起生效。\n七、乙方每月5日前报送上月进度。")
    indicators = county.letters.indicators(letter["id"])
    assert (len(indicators), indicators[-1]["name"], indicators[-1]["target"]) == (11, "危房改造", 12)
    assert (letter["scan_name"], letter["scan_sha256"]) == ("军令状扫描件.pdf", hashlib.sha256(PDF).hexdigest())

    again = open_dialog(qtbot, LetterEditor(county, letter["id"]))
    again.tabs.setCurrentIndex(2)
    qtbot.mouseClick(again.scan_buttons["verify"], Qt.MouseButton.LeftButton)
    assert again.scan_labels["check"].text() == "一致：存档文件与添加时相同"
    assert again.scan_labels["size"].text() == f"{len(PDF)} 字节"
    assert again.scan_temp_path().read_bytes() == PDF


# -- bad input shows the message and saves nothing -------------------------------------------------------------------
def _deadline_before_drafting(qtbot, editor: LetterEditor, _tmp: Path) -> None:
    retype(qtbot, editor.ui.deadline, "2018-01-01")
    click_save(qtbot, editor)


def _sign_without_signers(qtbot, editor: LetterEditor, _tmp: Path) -> None:
    retype(qtbot, editor.ui.drafted_on, "2018-03-01")
    retype(qtbot, editor.ui.signed_on, "2018-11-20")
    # 签订(&S); no county leader on the register, so 甲方 is blank
    alt(qtbot, editor, Qt.Key.Key_S, editor.ui.errorLabel.isVisible)


def _scan_that_is_not_a_pdf(qtbot, editor: LetterEditor, tmp: Path) -> None:
    assert not editor.attach_scan(pdf(tmp, "扫描件.pdf", b"this is a text file"))


@pytest.mark.parametrize(("act", "message", "marked"), [
    (_deadline_before_drafting, "截止日期：不能早于草拟日期（2018-11-30）", "deadline"),
    (_sign_without_signers, "甲方书记姓名：签订前须填写（双方书记和行政负责人“双签”）；"
                            "甲方行政负责人姓名：签订前须填写（双方书记和行政负责人“双签”）", "issuer_signer1_name"),
    (_scan_that_is_not_a_pdf, "扫描件：“扫描件.pdf”不是PDF、JPG或PNG文件，请选择签字盖章后的扫描件或照片", ""),
])
def test_bad_input_shows_the_message_and_saves_nothing(qtbot, county: Workbook, tmp_path: Path, act: Callable,
                                                       message: str, marked: str) -> None:
    editor = template_editor(qtbot, county)
    act(qtbot, editor, tmp_path)
    assert editor.ui.errorLabel.isVisible()
    assert editor.ui.errorLabel.text() == message
    if marked:
        assert editor.input(marked).property("invalid") is True
        assert QApplication.focusWidget() is editor.input(marked)
    assert editor.isVisible() and editor.letter_id is None
    assert (count(county), count(county, "SELECT COUNT(*) FROM indicator")) == (0, 0)
    assert editor.scan_labels["name"].text() == "尚未添加扫描件"


def test_an_indicator_with_weight_zero_stays_in_its_dialog(qtbot, county: Workbook) -> None:
    editor = template_editor(qtbot, county)
    shown: list[str] = []

    def indicator(dialog: IndicatorDialog) -> None:
        fill_indicator(qtbot, dialog, weight="0")
        shown.append(dialog.ui.errorLabel.text())
        assert dialog.isVisible() and dialog.ui.weight.property("invalid") is True
        qtbot.keyClick(dialog.ui.weight, Qt.Key.Key_Escape)

    editor.tabs.setCurrentIndex(1)
    on_modal(IndicatorDialog, indicator)
    qtbot.mouseClick(editor.indicator_buttons["add"], Qt.MouseButton.LeftButton)
    assert shown == ["权重：应大于0"]
    assert editor.indicator_model.rowCount() == 10
    assert count(county, "SELECT COUNT(*) FROM indicator") == 0


def test_a_bad_scan_leaves_the_stored_one(qtbot, county: Workbook, tmp_path: Path) -> None:
    editor = template_editor(qtbot, county)
    editor.attach_scan(pdf(tmp_path))
    click_save(qtbot, editor)
    letter_id = editor.letter_id
    editor = open_dialog(qtbot, LetterEditor(county, letter_id))
    assert not editor.attach_scan(pdf(tmp_path, "照片.png", b"\x89PNX not really"))
    assert editor.scan_labels["name"].text() == "军令状扫描件.pdf"
    click_save(qtbot, editor)
    assert county.letters.scan(letter_id) == ("军令状扫描件.pdf", PDF)


# -- status, order, clauses ------------------------------------------------------------------------------------------
def test_sign_start_and_close_a_letter(qtbot, county: Workbook) -> None:
    editor = template_editor(qtbot, county)
    for widget, text in ((editor.ui.issuer_signer1_name, "田福俊"), (editor.ui.issuer_signer2_name, "刘杰龙")):
        widget.setFocus()
        type_text(qtbot, widget, text)
    retype(qtbot, editor.ui.drafted_on, "2018-03-01")
    retype(qtbot, editor.ui.signed_on, "2018-03-22")
    assert editor.status_button.text() == "签订(&S)"
    alt(qtbot, editor, Qt.Key.Key_S, lambda: editor.status_label.text() == "已签订")
    assert county.letters.get(editor.letter_id)["status"] == "已签订"
    assert editor.status_button.text() == "开始执行(&S)"
    alt(qtbot, editor, Qt.Key.Key_S, lambda: editor.status_button.text() == "考核完成(&S)")
    alt(qtbot, editor, Qt.Key.Key_S, lambda: editor.status_label.text() == "已考核")
    assert county.letters.get(editor.letter_id)["status"] == "已考核"
    assert editor.read_only and not save_button(editor).isVisible() and not editor.status_button.isVisible()
    assert editor.ui.noteLabel.text() == "本责任书已考核，只能查看"
    editor.reject()
    assert editor.changed  # the page reloads after 取消, too


def test_indicators_move_and_go_by_keyboard(qtbot, county: Workbook) -> None:
    editor = template_editor(qtbot, county)
    editor.tabs.setCurrentIndex(1)
    table = editor.indicator_table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Down, CTRL)
    names = [editor.indicator_model.row(i)["name"] for i in range(3)]
    assert names == ["贫困人口脱贫", "贫困户脱贫", "贫困村退出"] and table.current_row() == 1
    # 删除(&X): not saved yet, so no question
    alt(qtbot, editor, Qt.Key.Key_X, lambda: editor.indicator_model.rowCount() == 9)
    assert editor.weight_label.text() == "共 9 项，权重合计 80（一般应为100）"
    click_save(qtbot, editor)
    assert [i["name"] for i in county.letters.indicators(editor.letter_id)][:2] == ["贫困人口脱贫", "贫困村退出"]


def test_clauses_follow_a_new_signer_on_request(qtbot, county: Workbook) -> None:
    editor = template_editor(qtbot, county)
    retype(qtbot, editor.ui.receiver_signer2_name, "王")
    type_text(qtbot, editor.ui.receiver_signer2_name, "小云")
    on_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(editor, Qt.Key.Key_C, ALT)
    alt(qtbot, editor, Qt.Key.Key_M, lambda: "镇长王小云为直接责任人" in editor.clauses.toPlainText())


# -- at a township ---------------------------------------------------------------------------------------------------
def test_a_township_letter_to_a_village(qtbot, town: Workbook) -> None:
    chooser = open_dialog(qtbot, NewLetterDialog(town))
    assert chooser.template.currentText() == "乡镇对村 脱贫攻坚目标责任书"
    assert chooser.receiver.currentText() == "下野窝村"
    qtbot.keyClick(chooser.year, Qt.Key.Key_Return)
    assert chooser.result() == QDialog.DialogCode.Accepted
    editor = open_dialog(qtbot, LetterEditor(town, values=chooser.values, indicators=chooser.indicators))
    assert [editor.input(f"receiver_signer{n}_name").text() for n in "12"] == ["殷成军", "韩小俊"]
    assert [editor.input(f"issuer_signer{n}_name").text() for n in "12"] == ["李宏文", "马东平"]
    assert editor.level_label.text() == "乡对村"
    click_save(qtbot, editor)
    assert town.letters.get(editor.letter_id)["receiver_code"] == TOWNSHIP + "201"


def test_a_county_letter_is_read_only_at_the_township(qtbot, town: Workbook) -> None:
    county = Workbook(town.db, town.path, "140224")
    values, indicators = LetterRepository(county.store).from_template("county_township_order", 2018, TOWNSHIP,
                                                                      today=date(2018, 3, 1))
    letter = LetterRepository(county.store).add(clean_letter(values, date(2018, 11, 30)), indicators)
    page = show_page(qtbot, LettersPage(town))
    assert page.count_label.text() == "共 1 份"
    editor = open_dialog(qtbot, LetterEditor(town, letter["id"]))
    assert editor.read_only and not save_button(editor).isVisible()
    assert editor.ui.noteLabel.text() == "本责任书由灵丘县签发，本单位只能查看"
    assert not editor.indicator_buttons["add"].isVisible() and not editor.scan_buttons["attach"].isVisible()
    assert editor.clauses.isReadOnly() and editor.ui.receiver_signer1_name.isReadOnly()
    editor.reject()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    told: list[str] = []
    on_modal(QMessageBox, lambda box: (told.append(box.text()), box.accept()))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert told == ["这份军令状由灵丘县签发，本单位只能查看。"]
    assert count(town) == 1


# -- the list --------------------------------------------------------------------------------------------------------
def test_the_list_filters_and_search(qtbot, county: Workbook) -> None:
    for receiver, template in ((TOWNSHIP, "county_township_order"), ("140224205", "county_township_target"),
                               ("140224100", "county_township_order")):
        values, indicators = county.letters.from_template(template, 2018, receiver, today=date(2018, 3, 1))
        county.letters.add(clean_letter(values, date(2018, 11, 30)), indicators)
    page = show_page(qtbot, LettersPage(county))
    assert page.count_label.text() == "共 3 份"
    qtbot.keyClicks(page.search_box, "zbx")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.count_label.text() == "共 1 份"
    assert page.current_record()["receiver_name"] == "赵北乡"
    page.search_box.clear()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    choose(qtbot, page.kind_combo, "军令状")
    assert page.count_label.text() == "共 2 份"
    choose(qtbot, page.status_combo, "已签订")
    assert page.count_label.text() == "共 0 份"


def test_deleting_a_draft_from_the_list(qtbot, county: Workbook) -> None:
    values, indicators = county.letters.from_template("county_township_order", 2018, TOWNSHIP, today=date(2018, 3, 1))
    county.letters.add(clean_letter(values, date(2018, 11, 30)), indicators)
    page = show_page(qtbot, LettersPage(county))
    on_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert (count(county), page.count_label.text()) == (0, "共 0 份")
