"""TrainingDialog driven with the keyboard: Tab through the fields, Chinese through the input method, Enter saves;
bad input shows the Chinese message, marks the field and saves nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from tests.helpers import type_chinese

from lingqiu_desktop.core.settings import DEFAULTS
from lingqiu_desktop.core.trainings import clean_training

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

from lingqiu_desktop.gui.dialogs.training_edit import TrainingDialog

TODAY = "2018-11-30"


def focused() -> QWidget:
    return QApplication.focusWidget()


def tab_to(qtbot, name: str) -> QWidget:
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == name
    return focused()


def count(workbook: Workbook) -> int:
    return workbook.db.execute("SELECT COUNT(*) FROM training").fetchone()[0]


@pytest.fixture
def wb(workbook: Workbook) -> Workbook:
    workbook.settings.set(REFERENCE_DATE_KEY, TODAY)
    return workbook


def open_dialog(qtbot, dialog: TrainingDialog) -> TrainingDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None and dialog.isAncestorOf(focused()))
    return dialog


def fill(qtbot, dialog: TrainingDialog, *, audience_downs: int = 2, start: str = "20181120", end: str = "20181121",
         hours: str = "10") -> None:
    """Every field in tab order, as a clerk types them."""
    assert focused() is dialog.ui.title
    type_chinese(dialog.ui.title, "东河南镇2018年第一书记培训班（第3期）")
    tab_to(qtbot, "audience")
    for _ in range(audience_downs):
        qtbot.keyClick(focused(), Qt.Key.Key_Down)
    type_chinese(tab_to(qtbot, "topic"), "抓党建促脱贫攻坚")
    type_chinese(tab_to(qtbot, "organiser"), "县委组织部")
    qtbot.keyClicks(tab_to(qtbot, "start_date"), start)
    qtbot.keyClicks(tab_to(qtbot, "end_date"), end)
    type_chinese(tab_to(qtbot, "time_slots"), "上午 9:00-11:30；下午 14:30-17:00")
    qtbot.keyClicks(tab_to(qtbot, "hours"), hours)
    type_chinese(tab_to(qtbot, "venue"), "镇党校")
    type_chinese(tab_to(qtbot, "trainer"), "王云刚")
    type_chinese(tab_to(qtbot, "trainer_post"), "县委党校讲师")
    tab_to(qtbot, "remarks")


def test_add_a_training_with_the_keyboard_only(qtbot, wb: Workbook) -> None:
    dialog = open_dialog(qtbot, TrainingDialog(wb))
    assert dialog.windowTitle() == "新增培训"
    fill(qtbot, dialog)
    assert dialog.ui.hours_info.text() == "共2天，学时不超过16"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = wb.trainings.get(dialog.saved_id)
    assert {k: row[k] for k in ("title", "audience", "start_date", "end_date", "hours", "venue", "trainer",
                                "trainer_post", "organiser", "topic", "time_slots", "township_code")} == {
        "title": "东河南镇2018年第一书记培训班（第3期）", "audience": "第一书记", "start_date": "2018-11-20",
        "end_date": "2018-11-21", "hours": 10.0, "venue": "镇党校", "trainer": "王云刚",
        "trainer_post": "县委党校讲师", "organiser": "县委组织部", "topic": "抓党建促脱贫攻坚",
        "time_slots": "上午 9:00-11:30；下午 14:30-17:00", "township_code": "140224101"}


@pytest.mark.parametrize(("fields", "message", "bad_widget"), [
    ({"start": "20181121", "end": "20181120"}, "结束日期：不能早于开始日期", "end_date"),
    ({"audience_downs": 0}, "培训对象：不能为空", "audience"),
    ({"hours": "0"}, "学时：应大于0", "hours"),
    ({"hours": "17"}, "学时：不能大于16（共2天，每天最多8学时）", "hours"),
    ({"start": "2018-02-30", "end": ""}, "开始日期：2018-02-30不是有效日期", "start_date"),
])
def test_bad_input_shows_the_chinese_message_and_saves_nothing(qtbot, wb: Workbook, fields: dict, message: str,
                                                                bad_widget: str) -> None:
    dialog = open_dialog(qtbot, TrainingDialog(wb))
    fill(qtbot, dialog, **fields)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.ui.errorLabel.isVisible() and message in dialog.ui.errorLabel.text()
    assert getattr(dialog.ui, bad_widget).property("invalid") is True
    assert focused() is getattr(dialog.ui, bad_widget), "the cursor goes to the bad field"
    assert count(wb) == 0


def test_an_empty_form_names_every_missing_field(qtbot, wb: Workbook) -> None:
    dialog = open_dialog(qtbot, TrainingDialog(wb))
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.ui.errorLabel.text() == "培训名称：不能为空；培训对象：不能为空；开始日期：不能为空；学时：不能为空"
    assert focused() is dialog.ui.title and count(wb) == 0


def test_escape_cancels(qtbot, wb: Workbook) -> None:
    dialog = open_dialog(qtbot, TrainingDialog(wb))
    type_chinese(dialog.ui.title, "培训班")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and count(wb) == 0


def _saved(wb: Workbook, **changes: str) -> dict:
    raw = {"title": "队员培训班", "audience": "驻村工作队员", "start_date": "2018-06-01", "hours": "2.5", **changes}
    return wb.trainings.add(clean_training(raw, DEFAULTS["training.audiences"], wb.today()))


def test_edit_loads_the_training_and_saves_changes(qtbot, wb: Workbook) -> None:
    row = _saved(wb)
    dialog = open_dialog(qtbot, TrainingDialog(wb, training_id=row["id"]))
    assert dialog.windowTitle() == "修改培训：队员培训班"
    assert (dialog.ui.audience.currentText(), dialog.ui.hours.text(), dialog.ui.end_date.text()) == (
        "驻村工作队员", "2.5", "2018-06-01")
    assert dialog.ui.hours_info.text() == "共1天，学时不超过8"
    dialog.ui.hours.selectAll()
    qtbot.keyClicks(dialog.ui.hours, "3")
    qtbot.keyClick(dialog.ui.hours, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert wb.trainings.get(row["id"])["hours"] == 3.0 and count(wb) == 1


def test_another_offices_training_is_read_only(qtbot, wb: Workbook) -> None:
    row = _saved(wb)
    wb.db.execute("UPDATE training SET owner = '140224' WHERE id = ?", [row["id"]])
    dialog = open_dialog(qtbot, TrainingDialog(wb, training_id=row["id"]))
    assert dialog.windowTitle() == "查看培训：队员培训班"
    assert dialog.ui.noteLabel.isVisible() and dialog.ui.title.isReadOnly()
    assert not dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).isVisible()


def test_new_training_takes_the_audience_the_list_shows(qtbot, wb: Workbook) -> None:
    dialog = open_dialog(qtbot, TrainingDialog(wb, audience='村"两委"干部'))
    assert dialog.ui.audience.currentText() == '村"两委"干部'
