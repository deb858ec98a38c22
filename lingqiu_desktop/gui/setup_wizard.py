"""First run: the office says what it is (the county or one of its 12 townships) and who operates the PC."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizard, QWizardPage

from lingqiu_desktop import APP_NAME

from lingqiu_desktop.core.offices import COUNTY_CODE, COUNTY_NAME, TOWNSHIPS

from lingqiu_desktop.workbook import Workbook


class SetupWizard(QWizard):
    """On accept, `self.workbook` is the new, set-up office database."""

    def __init__(self, db_path: Path, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.db_path = db_path
        self.workbook: Workbook | None = None
        self.setWindowTitle(f"{APP_NAME} — 首次使用设置")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(640, 440)
        self.setButtonText(QWizard.WizardButton.NextButton, "下一步(&N) >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< 上一步(&B)")
        self.setButtonText(QWizard.WizardButton.FinishButton, "完成(&F)")
        self.setButtonText(QWizard.WizardButton.CancelButton, "取消")
        self.addPage(self._welcome_page())
        self.addPage(self._office_page())

    def _welcome_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle("欢迎使用")
        text = QLabel(
            f"本程序是{APP_NAME}，用于记录驻村工作队走访、目标责任书和军令状、培训等工作，"
            "打印签字文件，并通过U盘与县指挥中心交换数据。\n\n"
            "第一次使用需要设置本单位：县脱贫攻坚指挥中心，或12个乡镇之一。设置后不能更改。\n\n"
            f"数据将保存在：{self.db_path}")
        text.setWordWrap(True)
        QVBoxLayout(page).addWidget(text)
        return page

    def _office_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle("选择本单位")
        page.setSubTitle("请选择使用本程序的单位，并填写操作员姓名。")
        self.office_combo = QComboBox(objectName="officeCombo")
        self.office_combo.addItem("（请选择）", "")
        self.office_combo.addItem(f"{COUNTY_NAME}脱贫攻坚指挥中心（{COUNTY_CODE}）", COUNTY_CODE)
        for code, name in TOWNSHIPS.items():
            self.office_combo.addItem(f"{name}（{code}）", code)
        self.user_edit = QLineEdit(objectName="userEdit", placeholderText="例如：王丽")
        self.error_label = QLabel(objectName="errorLabel", styleSheet="color: #d93025;")
        form = QFormLayout(page)
        form.addRow("本单位(&O)：", self.office_combo)
        form.addRow("操作员姓名(&U)：", self.user_edit)
        form.addRow(self.error_label)
        return page

    def validateCurrentPage(self) -> bool:
        if self.currentId() != 1:
            return True
        code = self.office_combo.currentData()
        user = self.user_edit.text().strip()
        if not code:
            self.error_label.setText("本单位：请选择本单位")
            self.office_combo.setFocus()
            return False
        if not user:
            self.error_label.setText("操作员姓名：不能为空")
            self.user_edit.setFocus()
            return False
        self.workbook = Workbook.create(self.db_path, code, user_name=user)
        self.workbook.settings.set("office.user_name", user)
        return True
