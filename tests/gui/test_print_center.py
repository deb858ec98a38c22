"""打印中心: choosing a kind, its record and period, 预览 opening the preview, 批量打印 opening the batch dialog, and
核验纸质文档 saying whether a scanned code still matches the data (and what changed), or why it is no code at all."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidgetItem

from tests.gui.modal import in_modal, show
from tests.gui.test_batch_print import three_villages
from tests.gui.test_print_preview import TITLE, add_training
from tests.helpers import add_household, type_chinese

from lingqiu_desktop.core.pinyin import initials

from lingqiu_desktop.documents.stamp import DIGEST_CHARS
from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.batch_print import BatchPrintDialog
from lingqiu_desktop.gui.pages.print_center import PrintCenterPage
from lingqiu_desktop.gui.print_choosers import HouseholdChooser, SearchChooser
from lingqiu_desktop.gui.printing import PreviewDialog


@pytest.fixture
def town(workbook: Workbook) -> dict[str, Any]:
    villages = three_villages(workbook)
    training = add_training(workbook, 12)
    add_training(workbook, 3, title="东河南镇2018年产业扶贫技术培训")
    head = add_household(workbook, villages[0]["id"], "张先云")["id"]
    visitor = workbook.people.add({"name": "李明", "name_initials": initials("李明"), "kind": "第一书记",
                                   "unit": "县扶贫办", "township_code": workbook.office_code})["id"]
    visit = workbook.visits.add({"visit_date": "2018-03-10", "kind": "入户走访", "household_id": head,
                                 "problems": "土豆滞销"}, [visitor])
    return {"wb": workbook, "villages": villages, "training": training, "head": head, "visit": visit["id"]}


@pytest.fixture
def page(qtbot, town: dict[str, Any]) -> PrintCenterPage:
    center = PrintCenterPage(town["wb"])
    center.resize(1146, 658)
    return show(qtbot, center)


def click_kind(qtbot, page: PrintCenterPage, label: str) -> None:
    items = page.kind_list.findItems(label, Qt.MatchFlag.MatchContains)
    item: QListWidgetItem = next(i for i in items if i.text().strip() == label)
    rect = page.kind_list.visualItemRect(item)
    qtbot.mouseClick(page.kind_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.kind_list.currentItem() is item


def open_previews() -> list[PreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewDialog) and w.isVisible()]


def press_preview(qtbot, page: PrintCenterPage) -> PreviewDialog:
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(open_previews()))
    preview = open_previews()[0]
    qtbot.addWidget(preview)
    return preview


# -- the kinds ------------------------------------------------------------------------------------------------------
def test_every_document_kind_is_listed_under_a_heading(page: PrintCenterPage) -> None:
    texts = [page.kind_list.item(i).text().strip() for i in range(page.kind_list.count())]
    assert texts[0] == "目标责任" and "培训" in texts and "入户走访" in texts
    for kind in page.kinds.values():
        assert kind.label in texts
    heading = page.kind_list.item(0)
    assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    assert page.current_kind().kind == "letter"


def test_a_kind_shows_its_own_record_picker_and_params(qtbot, page: PrintCenterPage) -> None:
    click_kind(qtbot, page, "驻村工作队月度考勤表")
    assert page.chooser_label.text() == "驻村工作队：" and page.params_label.text() == "月份："
    assert page.params_editor.params() == "2018-10" and page.batch_button.isVisible()
    click_kind(qtbot, page, "贫困户花名册/公示名单")
    assert page.chooser_label.text() == "村：" and page.params_editor.params() == "public"
    click_kind(qtbot, page, "培训签到表")
    assert not page.params_editor.isVisible() and not page.batch_button.isVisible()
    assert "签字" in page.hint_label.text()


# -- preview --------------------------------------------------------------------------------------------------------
def test_choosing_a_village_and_previewing_its_sheet(qtbot, page: PrintCenterPage) -> None:
    click_kind(qtbot, page, "责任清单（村）")
    combo = page.chooser().combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "下野窝村（东河南镇）", "上野窝村（东河南镇）", "中野窝村（东河南镇）"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert page.chooser().key() == "140224101202"
    preview = press_preview(qtbot, page)
    assert "上野窝村2018年度" in preview.windowTitle()
    assert preview.page_label.text().strip().startswith("第 1 / ")
    preview.close()


def test_a_training_is_found_by_searching_and_its_sign_in_sheet_previewed(qtbot, page: PrintCenterPage,
                                                                         town: dict[str, Any]) -> None:
    click_kind(qtbot, page, "培训签到表")
    chooser = page.chooser()
    assert isinstance(chooser, SearchChooser) and chooser.results.count() == 2
    type_chinese(chooser.search_box, "工作队员")
    qtbot.keyClick(chooser.search_box, Qt.Key.Key_Return)
    assert chooser.results.count() == 1 and chooser.key() == town["training"]["id"]
    preview = press_preview(qtbot, page)
    assert TITLE in preview.windowTitle() and "签到表" in preview.windowTitle()
    preview.close()


def test_a_visit_is_chosen_through_its_household_or_by_its_number(qtbot, page: PrintCenterPage,
                                                                  town: dict[str, Any]) -> None:
    click_kind(qtbot, page, "入户走访记录表")
    chooser = page.chooser()
    assert isinstance(chooser, HouseholdChooser)
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert page.message_label.text() == "请先选择走访记录。"
    type_chinese(chooser.picker, "张先")
    chooser.picker.search_now()
    popup = chooser.picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert chooser.visits.count() == 1 and "2018-03-10" in chooser.visits.item(0).text()
    assert chooser.key() == town["visit"]
    preview = press_preview(qtbot, page)
    assert "入户走访记录" in preview.windowTitle()
    preview.close()
    chooser.picker.clear()
    qtbot.keyClicks(chooser.picker, "x")                 # a new search forgets the household and its visits
    assert chooser.key() == ""
    qtbot.keyClicks(chooser.visit_id, town["visit"])     # the number on a paper form, typed straight in
    assert chooser.key() == town["visit"]


def test_a_document_that_cannot_be_made_is_refused_without_a_preview(qtbot, page: PrintCenterPage) -> None:
    click_kind(qtbot, page, "入户走访记录表")
    qtbot.keyClicks(page.chooser().visit_id, "no-such-visit")
    seen: list[str] = []
    in_modal(qtbot, lambda: qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton),
             lambda box: seen.append(box.text()))
    assert "没有找到这条走访记录" in seen[0]
    assert not open_previews()


def test_batch_print_opens_with_the_kind_and_year_chosen(qtbot, page: PrintCenterPage) -> None:
    click_kind(qtbot, page, "责任清单（村）")
    qtbot.mouseClick(page.batch_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in page.findChildren(BatchPrintDialog) if w.isVisible()]
    assert len(dialogs) == 1
    batch = dialogs[0]
    assert batch.kind_combo.currentData() == "sheet-village"
    assert batch.params_editor.params() == "2018" and batch.count_label.text() == "共 3 份“责任清单（村）”"
    batch.close()


# -- 核验纸质文档 ------------------------------------------------------------------------------------------------------
def scan(qtbot, page: PrintCenterPage, code: str) -> None:
    """As a USB scanner does: the code typed character by character, then Enter."""
    page.verify_edit.clear()
    qtbot.keyClicks(page.verify_edit, code)
    qtbot.keyClick(page.verify_edit, Qt.Key.Key_Return)


def test_a_scanned_code_is_verified_then_a_change_is_named(qtbot, page: PrintCenterPage,
                                                          town: dict[str, Any]) -> None:
    wb, training = town["wb"], town["training"]
    printed = wb.printing.document("signin", training["id"])
    scan(qtbot, page, printed.stamp.text)
    assert page.verify_result.isVisible()
    assert page.verify_title.text() == "✔ 核验通过"
    assert "核验通过：纸面内容与当前数据一致" in page.verify_lines.text()
    assert page.verify_edit.selectedText() == printed.stamp.text        # the next scan replaces it

    wb.store.update("training", training["id"], {"venue": "县委党校报告厅"})
    scan(qtbot, page, printed.stamp.text)
    assert page.verify_title.text() == "✘ 核验不通过"
    assert "县委党校报告厅" in page.verify_lines.text() and "东河南镇政府三楼会议室" in page.verify_lines.text()


@pytest.mark.parametrize(("code", "reason"), [
    ("hello", "这不是本系统打印的核验码"),
    ("LQFP1|signin|nope|", "这不是本系统打印的核验码"),
    ("LQFP1|signin|nope||12ab", "核验码不完整或已损坏"),
    ("LQFP1|signin|no-such-training||" + "0" * DIGEST_CHARS, "已不存在"),
])
def test_a_code_that_is_not_ours_gets_a_chinese_reason(qtbot, page: PrintCenterPage, code: str,
                                                       reason: str) -> None:
    scan(qtbot, page, code)
    assert page.verify_title.text() == "✘ 无法核验"
    assert reason in page.verify_lines.text()


def test_the_fonts_that_will_print_are_named(qtbot, page: PrintCenterPage) -> None:
    qtbot.waitUntil(lambda: page.fonts_label.text().startswith("打印字体"))
    assert "仿宋" in page.fonts_label.text()
