# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'household_edit.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_HouseholdDialog(object):
    def setupUi(self, HouseholdDialog):
        if not HouseholdDialog.objectName():
            HouseholdDialog.setObjectName(u"HouseholdDialog")
        HouseholdDialog.setModal(True)
        self.mainLayout = QVBoxLayout(HouseholdDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(HouseholdDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(12)
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.basicGroup = QGroupBox(HouseholdDialog)
        self.basicGroup.setObjectName(u"basicGroup")
        self.basicForm = QFormLayout(self.basicGroup)
        self.basicForm.setObjectName(u"basicForm")
        self.basicForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.basicForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.villageLabel = QLabel(self.basicGroup)
        self.villageLabel.setObjectName(u"villageLabel")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.villageLabel)

        self.village_id = QComboBox(self.basicGroup)
        self.village_id.setObjectName(u"village_id")
        self.village_id.setEditable(True)

        self.basicForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.village_id)

        self.groupNameLabel = QLabel(self.basicGroup)
        self.groupNameLabel.setObjectName(u"groupNameLabel")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.groupNameLabel)

        self.group_name = QLineEdit(self.basicGroup)
        self.group_name.setObjectName(u"group_name")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.group_name)

        self.headNameLabel = QLabel(self.basicGroup)
        self.headNameLabel.setObjectName(u"headNameLabel")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.headNameLabel)

        self.head_name = QLineEdit(self.basicGroup)
        self.head_name.setObjectName(u"head_name")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.head_name)

        self.headIdNumberLabel = QLabel(self.basicGroup)
        self.headIdNumberLabel.setObjectName(u"headIdNumberLabel")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.headIdNumberLabel)

        self.head_id_number = QLineEdit(self.basicGroup)
        self.head_id_number.setObjectName(u"head_id_number")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.head_id_number)

        self.head_id_info = QLabel(self.basicGroup)
        self.head_id_info.setObjectName(u"head_id_info")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.head_id_info)

        self.phoneLabel = QLabel(self.basicGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.basicForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(self.basicGroup)
        self.phone.setObjectName(u"phone")

        self.basicForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phone)


        self.leftColumn.addWidget(self.basicGroup)

        self.povertyGroup = QGroupBox(HouseholdDialog)
        self.povertyGroup.setObjectName(u"povertyGroup")
        self.povertyForm = QFormLayout(self.povertyGroup)
        self.povertyForm.setObjectName(u"povertyForm")
        self.povertyForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.povertyForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.attributeLabel = QLabel(self.povertyGroup)
        self.attributeLabel.setObjectName(u"attributeLabel")

        self.povertyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.attributeLabel)

        self.attribute = QComboBox(self.povertyGroup)
        self.attribute.setObjectName(u"attribute")

        self.povertyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.attribute)

        self.standardLabel = QLabel(self.povertyGroup)
        self.standardLabel.setObjectName(u"standardLabel")

        self.povertyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.standardLabel)

        self.standard = QComboBox(self.povertyGroup)
        self.standard.setObjectName(u"standard")

        self.povertyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.standard)

        self.mainCauseLabel = QLabel(self.povertyGroup)
        self.mainCauseLabel.setObjectName(u"mainCauseLabel")

        self.povertyForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.mainCauseLabel)

        self.main_cause = QComboBox(self.povertyGroup)
        self.main_cause.setObjectName(u"main_cause")

        self.povertyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.main_cause)

        self.otherCausesLabel = QLabel(self.povertyGroup)
        self.otherCausesLabel.setObjectName(u"otherCausesLabel")

        self.povertyForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.otherCausesLabel)

        self.otherCausesRow = QHBoxLayout()
        self.otherCausesRow.setObjectName(u"otherCausesRow")
        self.other_cause_1 = QComboBox(self.povertyGroup)
        self.other_cause_1.setObjectName(u"other_cause_1")

        self.otherCausesRow.addWidget(self.other_cause_1)

        self.other_cause_2 = QComboBox(self.povertyGroup)
        self.other_cause_2.setObjectName(u"other_cause_2")

        self.otherCausesRow.addWidget(self.other_cause_2)


        self.povertyForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.otherCausesRow)

        self.statusLabel = QLabel(self.povertyGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.povertyForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(self.povertyGroup)
        self.status.setObjectName(u"status")

        self.povertyForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.status)

        self.identifiedYearLabel = QLabel(self.povertyGroup)
        self.identifiedYearLabel.setObjectName(u"identifiedYearLabel")

        self.povertyForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.identifiedYearLabel)

        self.identified_year = QLineEdit(self.povertyGroup)
        self.identified_year.setObjectName(u"identified_year")

        self.povertyForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.identified_year)

        self.exitYearLabel = QLabel(self.povertyGroup)
        self.exitYearLabel.setObjectName(u"exitYearLabel")

        self.povertyForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.exitYearLabel)

        self.exit_year = QLineEdit(self.povertyGroup)
        self.exit_year.setObjectName(u"exit_year")

        self.povertyForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.exit_year)

        self.perCapitaIncomeLabel = QLabel(self.povertyGroup)
        self.perCapitaIncomeLabel.setObjectName(u"perCapitaIncomeLabel")

        self.povertyForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.perCapitaIncomeLabel)

        self.per_capita_income = QLineEdit(self.povertyGroup)
        self.per_capita_income.setObjectName(u"per_capita_income")

        self.povertyForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.per_capita_income)


        self.leftColumn.addWidget(self.povertyGroup)

        self.leftSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.columns.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.bankGroup = QGroupBox(HouseholdDialog)
        self.bankGroup.setObjectName(u"bankGroup")
        self.bankForm = QFormLayout(self.bankGroup)
        self.bankForm.setObjectName(u"bankForm")
        self.bankForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.bankForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.bankNameLabel = QLabel(self.bankGroup)
        self.bankNameLabel.setObjectName(u"bankNameLabel")

        self.bankForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.bankNameLabel)

        self.bank_name = QLineEdit(self.bankGroup)
        self.bank_name.setObjectName(u"bank_name")

        self.bankForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.bank_name)

        self.bankAccountLabel = QLabel(self.bankGroup)
        self.bankAccountLabel.setObjectName(u"bankAccountLabel")

        self.bankForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.bankAccountLabel)

        self.bank_account = QLineEdit(self.bankGroup)
        self.bank_account.setObjectName(u"bank_account")

        self.bankForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.bank_account)


        self.rightColumn.addWidget(self.bankGroup)

        self.livingGroup = QGroupBox(HouseholdDialog)
        self.livingGroup.setObjectName(u"livingGroup")
        self.livingForm = QFormLayout(self.livingGroup)
        self.livingForm.setObjectName(u"livingForm")
        self.livingForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.livingForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.arableLandLabel = QLabel(self.livingGroup)
        self.arableLandLabel.setObjectName(u"arableLandLabel")

        self.livingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.arableLandLabel)

        self.arable_land_mu = QLineEdit(self.livingGroup)
        self.arable_land_mu.setObjectName(u"arable_land_mu")

        self.livingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.arable_land_mu)

        self.housingAreaLabel = QLabel(self.livingGroup)
        self.housingAreaLabel.setObjectName(u"housingAreaLabel")

        self.livingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.housingAreaLabel)

        self.housing_area = QLineEdit(self.livingGroup)
        self.housing_area.setObjectName(u"housing_area")

        self.livingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.housing_area)

        self.housingStructureLabel = QLabel(self.livingGroup)
        self.housingStructureLabel.setObjectName(u"housingStructureLabel")

        self.livingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.housingStructureLabel)

        self.housing_structure = QComboBox(self.livingGroup)
        self.housing_structure.setObjectName(u"housing_structure")
        self.housing_structure.setEditable(True)

        self.livingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.housing_structure)

        self.housingDangerGradeLabel = QLabel(self.livingGroup)
        self.housingDangerGradeLabel.setObjectName(u"housingDangerGradeLabel")

        self.livingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.housingDangerGradeLabel)

        self.housing_danger_grade = QComboBox(self.livingGroup)
        self.housing_danger_grade.setObjectName(u"housing_danger_grade")

        self.livingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.housing_danger_grade)

        self.flagsLabel = QLabel(self.livingGroup)
        self.flagsLabel.setObjectName(u"flagsLabel")

        self.livingForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.flagsLabel)

        self.flagsRow = QHBoxLayout()
        self.flagsRow.setObjectName(u"flagsRow")
        self.safe_water = QCheckBox(self.livingGroup)
        self.safe_water.setObjectName(u"safe_water")

        self.flagsRow.addWidget(self.safe_water)

        self.has_electricity = QCheckBox(self.livingGroup)
        self.has_electricity.setObjectName(u"has_electricity")

        self.flagsRow.addWidget(self.has_electricity)

        self.relocation = QCheckBox(self.livingGroup)
        self.relocation.setObjectName(u"relocation")

        self.flagsRow.addWidget(self.relocation)


        self.livingForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.flagsRow)


        self.rightColumn.addWidget(self.livingGroup)

        self.remarksGroup = QGroupBox(HouseholdDialog)
        self.remarksGroup.setObjectName(u"remarksGroup")
        self.remarksForm = QFormLayout(self.remarksGroup)
        self.remarksForm.setObjectName(u"remarksForm")
        self.remarksForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.remarksForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.remarksLabel = QLabel(self.remarksGroup)
        self.remarksLabel.setObjectName(u"remarksLabel")

        self.remarksForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.remarksLabel)

        self.remarks = QLineEdit(self.remarksGroup)
        self.remarks.setObjectName(u"remarks")

        self.remarksForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.remarks)


        self.rightColumn.addWidget(self.remarksGroup)

        self.rightSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columns.addLayout(self.rightColumn)


        self.mainLayout.addLayout(self.columns)

        self.errorLabel = QLabel(HouseholdDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(HouseholdDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.villageLabel.setBuddy(self.village_id)
        self.groupNameLabel.setBuddy(self.group_name)
        self.headNameLabel.setBuddy(self.head_name)
        self.headIdNumberLabel.setBuddy(self.head_id_number)
        self.phoneLabel.setBuddy(self.phone)
        self.attributeLabel.setBuddy(self.attribute)
        self.standardLabel.setBuddy(self.standard)
        self.mainCauseLabel.setBuddy(self.main_cause)
        self.otherCausesLabel.setBuddy(self.other_cause_1)
        self.statusLabel.setBuddy(self.status)
        self.identifiedYearLabel.setBuddy(self.identified_year)
        self.exitYearLabel.setBuddy(self.exit_year)
        self.perCapitaIncomeLabel.setBuddy(self.per_capita_income)
        self.bankNameLabel.setBuddy(self.bank_name)
        self.bankAccountLabel.setBuddy(self.bank_account)
        self.arableLandLabel.setBuddy(self.arable_land_mu)
        self.housingAreaLabel.setBuddy(self.housing_area)
        self.housingStructureLabel.setBuddy(self.housing_structure)
        self.housingDangerGradeLabel.setBuddy(self.housing_danger_grade)
        self.flagsLabel.setBuddy(self.safe_water)
        self.remarksLabel.setBuddy(self.remarks)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.village_id, self.group_name)
        QWidget.setTabOrder(self.group_name, self.head_name)
        QWidget.setTabOrder(self.head_name, self.head_id_number)
        QWidget.setTabOrder(self.head_id_number, self.phone)
        QWidget.setTabOrder(self.phone, self.attribute)
        QWidget.setTabOrder(self.attribute, self.standard)
        QWidget.setTabOrder(self.standard, self.main_cause)
        QWidget.setTabOrder(self.main_cause, self.other_cause_1)
        QWidget.setTabOrder(self.other_cause_1, self.other_cause_2)
        QWidget.setTabOrder(self.other_cause_2, self.status)
        QWidget.setTabOrder(self.status, self.identified_year)
        QWidget.setTabOrder(self.identified_year, self.exit_year)
        QWidget.setTabOrder(self.exit_year, self.per_capita_income)
        QWidget.setTabOrder(self.per_capita_income, self.bank_name)
        QWidget.setTabOrder(self.bank_name, self.bank_account)
        QWidget.setTabOrder(self.bank_account, self.arable_land_mu)
        QWidget.setTabOrder(self.arable_land_mu, self.housing_area)
        QWidget.setTabOrder(self.housing_area, self.housing_structure)
        QWidget.setTabOrder(self.housing_structure, self.housing_danger_grade)
        QWidget.setTabOrder(self.housing_danger_grade, self.safe_water)
        QWidget.setTabOrder(self.safe_water, self.has_electricity)
        QWidget.setTabOrder(self.has_electricity, self.relocation)
        QWidget.setTabOrder(self.relocation, self.remarks)

        self.retranslateUi(HouseholdDialog)

        QMetaObject.connectSlotsByName(HouseholdDialog)
    # setupUi

    def retranslateUi(self, HouseholdDialog):
        HouseholdDialog.setWindowTitle(QCoreApplication.translate("HouseholdDialog", u"\u8d2b\u56f0\u6237\u4fe1\u606f", None))
        self.noteLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.basicGroup.setTitle(QCoreApplication.translate("HouseholdDialog", u"\u6237\u4e3b\u4e0e\u5bb6\u5ead", None))
        self.villageLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u6240\u5c5e\u6751(&V)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.village_id.setToolTip(QCoreApplication.translate("HouseholdDialog", u"\u8f93\u5165\u6751\u540d\u4e2d\u7684\u5b57\u53ef\u5feb\u901f\u67e5\u627e", None))
#endif // QT_CONFIG(tooltip)
        self.groupNameLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u7ec4\uff1a", None))
        self.group_name.setPlaceholderText(QCoreApplication.translate("HouseholdDialog", u"\u5982\uff1a\u4e00\u7ec4", None))
        self.headNameLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u6237\u4e3b\u59d3\u540d(&N)\uff1a", None))
        self.headIdNumberLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u6237\u4e3b\u8eab\u4efd\u8bc1\u53f7(&I)\uff1a", None))
        self.head_id_number.setPlaceholderText(QCoreApplication.translate("HouseholdDialog", u"18\u4f4d\uff0c\u672b\u4f4d\u53ef\u4e3aX", None))
#if QT_CONFIG(tooltip)
        self.head_id_info.setToolTip(QCoreApplication.translate("HouseholdDialog", u"\u7531\u8eab\u4efd\u8bc1\u53f7\u81ea\u52a8\u8bc6\u522b\u7684\u6027\u522b\u548c\u51fa\u751f\u65e5\u671f", None))
#endif // QT_CONFIG(tooltip)
        self.phoneLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u8054\u7cfb\u7535\u8bdd(&P)\uff1a", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("HouseholdDialog", u"\u624b\u673a\u53f7\u62160352-8021234", None))
        self.povertyGroup.setTitle(QCoreApplication.translate("HouseholdDialog", u"\u8bc6\u522b\u4e0e\u8131\u8d2b", None))
        self.attributeLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u8d2b\u56f0\u6237\u5c5e\u6027\uff1a", None))
        self.standardLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u8bc6\u522b\u6807\u51c6\uff1a", None))
        self.mainCauseLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u4e3b\u8981\u81f4\u8d2b\u539f\u56e0(&C)\uff1a", None))
        self.otherCausesLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u5176\u4ed6\u81f4\u8d2b\u539f\u56e0\uff1a", None))
#if QT_CONFIG(tooltip)
        self.other_cause_1.setToolTip(QCoreApplication.translate("HouseholdDialog", u"\u6700\u591a\u4e24\u9879\uff0c\u53ef\u4e0d\u9009", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.other_cause_2.setToolTip(QCoreApplication.translate("HouseholdDialog", u"\u6700\u591a\u4e24\u9879\uff0c\u53ef\u4e0d\u9009", None))
#endif // QT_CONFIG(tooltip)
        self.statusLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u8131\u8d2b\u72b6\u6001(&S)\uff1a", None))
        self.identifiedYearLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u8bc6\u522b\u5e74\u5ea6\uff1a", None))
        self.identified_year.setPlaceholderText(QCoreApplication.translate("HouseholdDialog", u"\u59822014", None))
        self.exitYearLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u8131\u8d2b\u5e74\u5ea6\uff1a", None))
        self.exit_year.setPlaceholderText(QCoreApplication.translate("HouseholdDialog", u"\u5df2\u8131\u8d2b\u7684\u6237\u987b\u586b\u5199", None))
        self.perCapitaIncomeLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u4eba\u5747\u7eaf\u6536\u5165\uff08\u5143\uff09\uff1a", None))
        self.bankGroup.setTitle(QCoreApplication.translate("HouseholdDialog", u"\u94f6\u884c\u8d26\u6237", None))
        self.bankNameLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u5f00\u6237\u94f6\u884c(&B)\uff1a", None))
        self.bank_name.setPlaceholderText(QCoreApplication.translate("HouseholdDialog", u"\u5982\uff1a\u7075\u4e18\u53bf\u519c\u6751\u4fe1\u7528\u8054\u793e", None))
        self.bankAccountLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u94f6\u884c\u8d26\u53f7\uff1a", None))
        self.bank_account.setPlaceholderText(QCoreApplication.translate("HouseholdDialog", u"12\u523025\u4f4d\u6570\u5b57", None))
        self.livingGroup.setTitle(QCoreApplication.translate("HouseholdDialog", u"\u751f\u4ea7\u751f\u6d3b\u6761\u4ef6", None))
        self.arableLandLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u8015\u5730\u9762\u79ef\uff08\u4ea9\uff09\uff1a", None))
        self.housingAreaLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u4f4f\u623f\u9762\u79ef\uff08\u33a1\uff09\uff1a", None))
        self.housingStructureLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u4f4f\u623f\u7ed3\u6784\uff1a", None))
#if QT_CONFIG(tooltip)
        self.housing_structure.setToolTip(QCoreApplication.translate("HouseholdDialog", u"\u53ef\u4ece\u5217\u8868\u9009\u62e9\uff0c\u4e5f\u53ef\u76f4\u63a5\u8f93\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.housingDangerGradeLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u5371\u623f\u7b49\u7ea7\uff1a", None))
        self.flagsLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u5176\u4ed6\u60c5\u51b5\uff1a", None))
        self.safe_water.setText(QCoreApplication.translate("HouseholdDialog", u"\u996e\u6c34\u5b89\u5168(&W)", None))
        self.has_electricity.setText(QCoreApplication.translate("HouseholdDialog", u"\u901a\u7535(&E)", None))
        self.relocation.setText(QCoreApplication.translate("HouseholdDialog", u"\u6613\u5730\u642c\u8fc1\u6237(&M)", None))
        self.remarksGroup.setTitle(QCoreApplication.translate("HouseholdDialog", u"\u5176\u4ed6", None))
        self.remarksLabel.setText(QCoreApplication.translate("HouseholdDialog", u"\u5907\u6ce8(&R)\uff1a", None))
    # retranslateUi

