"""First run: the wizard sets up the office database; a missing choice is explained and nothing is created."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.helpers import type_chinese

from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.setup_wizard import SetupWizard


def _wizard(qtbot, path) -> SetupWizard:
    wizard = SetupWizard(path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def test_wizard_creates_the_office_database(qtbot, tmp_path) -> None:
    path = tmp_path / "office.sqlite3"
    wizard = _wizard(qtbot, path)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    wizard.office_combo.setCurrentIndex(wizard.office_combo.findData("140224205"))
    type_chinese(wizard.user_edit, "王丽")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.workbook is not None
    wizard.workbook.close()
    with Workbook.open(path) as wb:
        assert wb.office_code == "140224205" and wb.office_name == "赵北乡"
        assert wb.store.user_name == "王丽"


def test_wizard_requires_an_office_and_a_name(qtbot, tmp_path) -> None:
    path = tmp_path / "office.sqlite3"
    wizard = _wizard(qtbot, path)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.error_label.text() == "本单位：请选择本单位"
    wizard.office_combo.setCurrentIndex(1)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.error_label.text() == "操作员姓名：不能为空"
    assert wizard.workbook is None and not path.exists()
