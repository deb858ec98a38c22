"""The trainings page and the attendee dialog, driven with the keyboard: attendees picked by pinyin initials and
typed in, attendance marked after the session, and the person-times checked in the totals against numbers worked
out by hand."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from tests.helpers import type_chinese

from lingqiu_desktop.core.pinyin import initials
from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.trainings import clean_training

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

from lingqiu_desktop.gui.dialogs.training_attendees import AttendeesDialog, AttendeesModel
from lingqiu_desktop.gui.pages.trainings import TotalsModel, TrainingsPage, totals_table

TODAY = "2018-11-30"
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def wb(workbook: Workbook) -> Workbook:
    workbook.settings.set(REFERENCE_DATE_KEY, TODAY)
    for name, kind in (("张先云", "第一书记"), ("李明", "第一书记"), ("赵刚", "工作队员")):
        workbook.people.add({"name": name, "name_initials": initials(name), "kind": kind, "unit": "县扶贫办",
                             "post": "干部", "phone": "13812345678", "township_code": workbook.office_code})
    return workbook


def add_training(wb: Workbook, title: str, start: str, hours: str, audience: str = "第一书记") -> str:
    raw = {"title": title, "audience": audience, "start_date": start, "hours": hours, "venue": "镇党校"}
    return str(wb.trainings.add(clean_training(raw, DEFAULTS["training.audiences"], wb.today()))["id"])


def focused() -> QWidget:
    return QApplication.focusWidget()


def show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None and widget.isAncestorOf(focused()))
    return widget


def attendees_dialog(qtbot, wb: Workbook, training_id: str) -> AttendeesDialog:
    return show(qtbot, AttendeesDialog(wb, training_id))


def pick_by_initials(qtbot, dialog: AttendeesDialog, text: str, choose_from_popup: bool) -> None:
    picker = dialog.picker
    picker.setFocus()
    qtbot.keyClicks(picker, text)
    if choose_from_popup:
        picker.search_now()
        popup = picker.completer().popup()
        qtbot.waitUntil(popup.isVisible)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(picker, Qt.Key.Key_Return)  # one match: Enter takes it
    qtbot.waitUntil(lambda: picker.text() == "")  # ready for the next name
    dialog.activateWindow()  # the popup took the activation; a clerk's window gets it back by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def attendees(wb: Workbook, training_id: str) -> list[tuple]:
    return [(r["name"], r["attended"]) for r in wb.trainings.attendees(training_id)]


def count_attendees(wb: Workbook) -> int:
    return wb.db.execute("SELECT COUNT(*) FROM training_attendee").fetchone()[0]


def shown(model, columns: range | None = None) -> list[tuple[str, ...]]:
    columns = columns or range(model.columnCount())
    return [tuple(model.data(model.index(r, c)) for c in columns) for r in range(model.rowCount())]


def when_modal(act: Callable[[QWidget], None], tries: int = 100) -> None:
    """Act on the next modal window (exec() blocks the test until it closes)."""
    def poll(left: int) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            act(modal)
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))
    QTimer.singleShot(0, lambda: poll(tries))


# -- the acceptance path ---------------------------------------------------------------------------------------------
def test_attendees_attendance_and_totals_by_month_quarter_and_year(qtbot, wb: Workbook) -> None:
    """Worked out by hand (working date 2018-11-30):
    三月 2018-03-20, 3 学时: 张先云 李明 came, 王大山 (typed in) absent → 1 session, 2 人次, 6 学时人次
    五月 2018-05-10, 4 学时: 张先云 came                                → 1 session, 1 人次, 4 学时人次
    十一月 2018-11-28, 2 学时: 赵刚 listed, nobody marked yet            → 1 session 未点名, 0 人次, 0"""
    march = add_training(wb, "三月第一书记培训", "2018-03-20", "3")
    may = add_training(wb, "五月第一书记培训", "2018-05-10", "4")
    november = add_training(wb, "十一月第一书记培训", "2018-11-28", "2")

    dialog = attendees_dialog(qtbot, wb, march)
    assert focused() is dialog.picker, "an empty list starts at the picker"
    pick_by_initials(qtbot, dialog, "zxy", choose_from_popup=False)
    pick_by_initials(qtbot, dialog, "lm", choose_from_popup=True)
    qtbot.keyClick(dialog, Qt.Key.Key_M, ALT)  # 手工录入(&M)
    assert focused() is dialog.typed["name"]
    type_chinese(focused(), "王大山")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_chinese(focused(), "上北泉村")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "13912345678")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # adds the typed-in attendee, does not save the dialog
    assert dialog.isVisible() and count_attendees(wb) == 0, "nothing is written before 保存"
    assert [r[0] for r in shown(dialog.model)] == ["张先云", "李明", "王大山"]
    # after the session: tick with the keyboard; the one left unticked counts as absent
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.count_label.text() == "名单 3 人，到场 2 人"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert attendees(wb, march) == [("张先云", 1), ("李明", 1), ("王大山", 0)]
    typed = wb.trainings.attendees(march)[2]
    assert (typed["person_id"], typed["unit"], typed["phone"]) == (None, "上北泉村", "13912345678")

    dialog = attendees_dialog(qtbot, wb, may)
    pick_by_initials(qtbot, dialog, "zxy", choose_from_popup=False)
    qtbot.keyClick(dialog, Qt.Key.Key_Q, ALT)  # 全部到场
    qtbot.waitUntil(lambda: dialog.count_label.text() == "名单 1 人，到场 1 人")  # a mnemonic clicks after 100 ms
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)  # an empty picker: Enter saves
    assert attendees(wb, may) == [("张先云", 1)]
    wb.trainings.add_attendee(november, values={"name": "赵刚"})

    page = show(qtbot, TrainingsPage(wb))
    assert [(r[0], r[1], r[4], r[5]) for r in shown(page.model)] == [
        ("2018-11-28", "十一月第一书记培训", "1", "未点名"), ("2018-05-10", "五月第一书记培训", "1", "1"),
        ("2018-03-20", "三月第一书记培训", "3", "2")]
    page.table.selectRow(2)
    assert shown(page.attendee_model, range(0, 5, 4)) == [("张先云", "到场"), ("李明", "到场"), ("王大山", "缺席")]
    assert page.attendee_caption.text() == "三月第一书记培训　名单 3 人，到场 2 人"

    qtbot.keyClick(page, Qt.Key.Key_T, ALT)  # the 培训统计 tab
    assert page.tabs.currentWidget() is page.totals
    totals = page.totals
    assert shown(totals.model) == [  # by quarter, the default
        ("2018年第一季度", "第一书记", "1", "0", "2", "6"),
        ("2018年第二季度", "第一书记", "1", "0", "1", "4"),
        ("2018年第三季度", "（无培训）", "0", "0", "0", "0"),
        ("2018年第四季度", "第一书记", "1", "1", "0", "0"),
        ("全年合计", "第一书记", "3", "1", "3", "10"),
        ("", "总计", "3", "1", "3", "10"),
    ]
    assert re.sub("<[^>]+>", "", totals.summary.text()) == \
        "2018年共举办培训 3 场，培训 3 人次，累计 10 学时；另有 1 场未点名，点名后计入。"
    totals.kind_combo.setFocus()
    qtbot.keyClick(totals.kind_combo, Qt.Key.Key_Up)  # 按月
    months = {r[0]: r[1:] for r in shown(totals.model) if r[0]}
    assert months["2018年3月"] == ("第一书记", "1", "0", "2", "6")
    assert months["2018年5月"] == ("第一书记", "1", "0", "1", "4")
    assert months["2018年11月"] == ("第一书记", "1", "1", "0", "0")
    assert months["2018年4月"] == ("（无培训）", "0", "0", "0", "0")
    assert "2018年12月" not in months, "months still to come are left out"
    qtbot.keyClick(totals.kind_combo, Qt.Key.Key_Down)
    qtbot.keyClick(totals.kind_combo, Qt.Key.Key_Down)  # 按年
    assert shown(totals.model) == [("2018年", "第一书记", "3", "1", "3", "10"), ("2018年", "总计", "3", "1", "3", "10")]
    totals.year_combo.setCurrentIndex(totals.year_combo.findData(2017))
    assert shown(totals.model) == [("2017年", "（无培训）", "0", "0", "0", "0")]
    assert totals.summary.text() == "2017年没有培训记录。"


# -- the attendee dialog ---------------------------------------------------------------------------------------------
def test_marking_waits_for_the_session(qtbot, wb: Workbook) -> None:
    training = add_training(wb, "十二月培训", "2018-12-05", "3")
    dialog = attendees_dialog(qtbot, wb, training)
    pick_by_initials(qtbot, dialog, "zxy", choose_from_popup=False)
    assert not dialog.findChild(QPushButton, "allPresentButton").isEnabled()
    assert "开始后才能点名" in dialog.findChild(QWidget, "markHint").text()
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert shown(dialog.model)[0][4] == "未开始"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert attendees(wb, training) == [("张先云", None)], "the list is kept, nobody is marked"


def test_typed_in_attendee_needs_a_name_and_escape_saves_nothing(qtbot, wb: Workbook) -> None:
    training = add_training(wb, "培训", "2018-11-20", "3")
    dialog = attendees_dialog(qtbot, wb, training)
    dialog.typed["unit"].setFocus()
    type_chinese(dialog.typed["unit"], "上北泉村")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.error_label.text() == "参训人员姓名：不能为空" and dialog.model.rowCount() == 0
    assert focused() is dialog.typed["name"]
    type_chinese(focused(), "王大山")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.model.rowCount() == 1 and not dialog.error_label.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and count_attendees(wb) == 0


def test_the_same_person_is_listed_once(qtbot, wb: Workbook) -> None:
    training = add_training(wb, "培训", "2018-11-20", "3")
    dialog = attendees_dialog(qtbot, wb, training)
    pick_by_initials(qtbot, dialog, "zxy", choose_from_popup=False)
    pick_by_initials(qtbot, dialog, "zxy", choose_from_popup=False)
    assert dialog.model.rowCount() == 1 and dialog.error_label.text() == "张先云已在参训名单中"


def test_add_everyone_of_a_kind(qtbot, wb: Workbook) -> None:
    training = add_training(wb, "第一书记培训", "2018-11-20", "3")
    dialog = attendees_dialog(qtbot, wb, training)
    assert dialog.kind_combo.currentText() == "第一书记", "the training's audience chooses the kind"
    qtbot.keyClick(dialog, Qt.Key.Key_L, ALT)  # a mnemonic clicks after 100 ms
    qtbot.waitUntil(lambda: dialog.error_label.text() == "添加了2名第一书记")
    assert [r[0] for r in shown(dialog.model)] == ["张先云", "李明"]
    qtbot.keyClick(dialog, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: dialog.error_label.text() == "添加了0名第一书记，2人已在名单中")
    assert dialog.model.rowCount() == 2
    dialog.save()
    assert attendees(wb, training) == [("张先云", None), ("李明", None)]


def test_remove_with_the_delete_key(qtbot, wb: Workbook) -> None:
    training = add_training(wb, "培训", "2018-11-20", "3")
    for name in ("甲", "乙"):
        wb.trainings.add_attendee(training, values={"name": name})
    dialog = attendees_dialog(qtbot, wb, training)
    assert focused() is dialog.table, "with a list to mark, the dialog starts in the table"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert [r[0] for r in shown(dialog.model)] == ["乙"]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert attendees(wb, training) == [("乙", 1)]
    assert wb.db.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'training_attendee' "
                         "AND action = 'delete'").fetchone()[0] == 1


# -- the page --------------------------------------------------------------------------------------------------------
def test_list_filters(qtbot, wb: Workbook) -> None:
    add_training(wb, "三月第一书记培训", "2018-03-20", "3")
    add_training(wb, "六月队员培训", "2018-06-20", "3", audience="驻村工作队员")
    page = show(qtbot, TrainingsPage(wb))
    assert page.count_label.text() == "共 2 期培训"
    assert page.table.isColumnHidden(6) and page.township_combo.isHidden(), "a township sees only its own"
    page.audience_combo.setCurrentIndex(page.audience_combo.findData("驻村工作队员"))
    assert [r[1] for r in shown(page.model)] == ["六月队员培训"]
    page.audience_combo.setCurrentIndex(0)
    page.date_from.setFocus()
    qtbot.keyClicks(page.date_from, "2018-03")
    qtbot.keyClicks(page.date_to, "2018-3")
    qtbot.keyClick(page.date_to, Qt.Key.Key_Return)
    assert [r[1] for r in shown(page.model)] == ["三月第一书记培训"] and page.count_label.text() == "共 1 期培训"
    page.date_to.setText("三月")
    page.refresh()
    assert "border" in page.date_to.styleSheet() and page.model.rowCount() == 2, "a bad date is marked, not used"
    page.apply_preset({"period": "upcoming"})
    assert (page.date_from.text(), page.date_to.text(), page.model.rowCount()) == ("2018-11-30", "2018-12-14", 0)


def test_f3_opens_the_attendees_and_delete_asks_first(qtbot, wb: Workbook) -> None:
    training = add_training(wb, "培训", "2018-11-20", "3")
    wb.trainings.add_attendee(training, values={"name": "甲"})
    page = show(qtbot, TrainingsPage(wb))
    page.table.setFocus()
    seen: list[str] = []
    when_modal(lambda w: (seen.append(w.windowTitle()), qtbot.keyClick(w, Qt.Key.Key_Escape)))
    qtbot.keyClick(page.table, Qt.Key.Key_F3)
    assert seen == ["参训人员与点名：培训"]
    page.activateWindow()  # offscreen, a closed dialog hands the activation back to nobody
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    when_modal(lambda w: w.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert wb.db.execute("SELECT COUNT(*) FROM training").fetchone()[0] == 0 and count_attendees(wb) == 0
    assert page.count_label.text() == "共 0 期培训" and page.attendee_caption.text() == ""


def test_the_county_sees_township_trainings_read_only(qtbot, tmp_path: Path) -> None:
    county = Workbook.create(tmp_path / "county.sqlite3", "140224")
    try:
        county.settings.set(REFERENCE_DATE_KEY, TODAY)
        training = add_training(county, "培训", "2018-11-20", "3")
        county.trainings.add_attendee(training, values={"name": "甲"})
        county.db.execute("UPDATE training SET owner = '140224101', township_code = '140224101'")
        county.db.execute("UPDATE training_attendee SET owner = '140224101'")
        page = show(qtbot, TrainingsPage(county))
        assert page.findChild(QPushButton, "addButton") is None
        assert page.attendees_button.text() == "查看参训人员"
        assert not page.table.isColumnHidden(6), "the county sees which township"
        dialog = attendees_dialog(qtbot, county, training)
        assert not hasattr(dialog, "picker") and dialog.findChild(QPushButton, "removeButton") is None
        qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
        assert shown(dialog.model)[0][::4] == ("甲", "未点名")
        assert dialog.model.rowCount() == 1 and dialog.model.row(0)["attended"] is None
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        assert not dialog.isVisible() and attendees(county, training) == [("甲", None)]
    finally:
        county.close()


# -- models ----------------------------------------------------------------------------------------------------------
def test_models_pass_qtmodeltester(qtmodeltester, qtbot, wb: Workbook) -> None:
    training = add_training(wb, "培训", "2018-11-20", "3")
    for name in ("甲", "乙", "丙"):
        wb.trainings.add_attendee(training, values={"name": name})
    add_training(wb, "队员培训", "2018-06-20", "3", audience="驻村工作队员")
    page = show(qtbot, TrainingsPage(wb))
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.attendee_model)
    model = AttendeesModel(wb.trainings.attendees(training), can_mark=True, editable=True)
    qtmodeltester.check(model)
    model.toggle(1)
    model.append({"name": "丁"})
    model.remove(0)
    qtmodeltester.check(model)
    assert model.marks() == {model.row(0)["key"]: True, model.row(1)["key"]: False, model.row(2)["key"]: False}
    totals = TotalsModel()
    totals.set_rows(totals_table(wb.trainings.totals("quarter", 2018), ["2018Q1", "2018Q2", "2018Q3", "2018Q4"],
                                 DEFAULTS["training.audiences"]))
    qtmodeltester.check(totals)
    assert totals.rowCount() == 7  # Q1 empty, Q2, Q3 empty, Q4, two audiences' year totals, 总计
