"""系统设置: a clerk changes the policy lists and numbers; bad values are named and nothing is saved."""

from PySide6.QtCore import QDate, Qt

from tests.helpers import type_chinese

from lingqiu_desktop.gui.pages.settings import SettingsPage


def _page(qtbot, workbook) -> SettingsPage:
    page = SettingsPage(workbook)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page



def test_change_lists_days_and_working_date(qtbot, workbook) -> None:
    page = _page(qtbot, workbook)
    editor = page.editors["visit.kinds"]
    editor.list.setCurrentRow(0)
    editor.move(1)
    editor.add_item()
    editor.list.currentItem().setText("慰问走访")
    page.days_spin.setValue(22)
    page.use_today.setChecked(False)
    page.date_edit.setDate(QDate(2018, 6, 30))
    page.user_edit.clear()
    type_chinese(page.user_edit, "王丽")
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.error_label.text() == "设置已保存。"
    kinds = workbook.settings.get("visit.kinds")
    assert kinds[:2] == ["政策宣讲", "入户走访"] and kinds[-1] == "慰问走访"
    assert workbook.settings.get("attendance.required_days") == 22
    assert workbook.today().isoformat() == "2018-06-30"
    assert workbook.store.user_name == "王丽"
    page.use_today.setChecked(True)
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert workbook.settings.get("app.reference_date") == ""


def test_bad_values_are_named_and_nothing_saved(qtbot, workbook) -> None:
    page = _page(qtbot, workbook)
    audit_rows = workbook.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    page.days_spin.setValue(25)
    page.editors["training.audiences"].set_values(["第一书记", "第一书记"])
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.error_label.text() == "培训对象：有重复项：第一书记"
    page.editors["training.audiences"].set_values(["第一书记", "驻村工作队员"])
    page.cap_combos["1"].setCurrentIndex(page.cap_combos["1"].findData("不称职"))
    page.cap_combos["2"].setCurrentIndex(page.cap_combos["2"].findData("称职"))
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.error_label.text() == "抽查缺勤封顶：缺勤2次的封顶等次不能高于缺勤更少时的等次"
    assert workbook.settings.get("attendance.required_days") == 20
    assert workbook.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == audit_rows
