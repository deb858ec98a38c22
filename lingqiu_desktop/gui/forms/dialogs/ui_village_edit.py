# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'village_edit.ui'
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
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_VillageDialog(object):
    def setupUi(self, VillageDialog):
        if not VillageDialog.objectName():
            VillageDialog.setObjectName(u"VillageDialog")
        VillageDialog.setModal(True)
        self.mainLayout = QVBoxLayout(VillageDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(VillageDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.basicGroup = QGroupBox(VillageDialog)
        self.basicGroup.setObjectName(u"basicGroup")
        self.basicForm = QFormLayout(self.basicGroup)
        self.basicForm.setObjectName(u"basicForm")
        self.basicForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.basicForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.townshipLabel = QLabel(self.basicGroup)
        self.townshipLabel.setObjectName(u"townshipLabel")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.townshipLabel)

        self.township_code = QComboBox(self.basicGroup)
        self.township_code.setObjectName(u"township_code")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.township_code)

        self.codeLabel = QLabel(self.basicGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.code = QLineEdit(self.basicGroup)
        self.code.setObjectName(u"code")
        self.code.setMaxLength(12)

        self.basicForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.code)

        self.nameLabel = QLabel(self.basicGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.basicGroup)
        self.name.setObjectName(u"name")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.name)

        self.isPoorLabel = QLabel(self.basicGroup)
        self.isPoorLabel.setObjectName(u"isPoorLabel")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.isPoorLabel)

        self.is_poor = QCheckBox(self.basicGroup)
        self.is_poor.setObjectName(u"is_poor")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.is_poor)


        self.mainLayout.addWidget(self.basicGroup)

        self.exitGroup = QGroupBox(VillageDialog)
        self.exitGroup.setObjectName(u"exitGroup")
        self.exitForm = QFormLayout(self.exitGroup)
        self.exitForm.setObjectName(u"exitForm")
        self.exitForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.exitForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.statusLabel = QLabel(self.exitGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.exitForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(self.exitGroup)
        self.status.setObjectName(u"status")

        self.exitForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.status)

        self.plannedExitYearLabel = QLabel(self.exitGroup)
        self.plannedExitYearLabel.setObjectName(u"plannedExitYearLabel")

        self.exitForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.plannedExitYearLabel)

        self.planned_exit_year = QLineEdit(self.exitGroup)
        self.planned_exit_year.setObjectName(u"planned_exit_year")

        self.exitForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.planned_exit_year)

        self.exitYearLabel = QLabel(self.exitGroup)
        self.exitYearLabel.setObjectName(u"exitYearLabel")

        self.exitForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.exitYearLabel)

        self.exit_year = QLineEdit(self.exitGroup)
        self.exit_year.setObjectName(u"exit_year")

        self.exitForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.exit_year)


        self.mainLayout.addWidget(self.exitGroup)

        self.economyGroup = QGroupBox(VillageDialog)
        self.economyGroup.setObjectName(u"economyGroup")
        self.economyForm = QFormLayout(self.economyGroup)
        self.economyForm.setObjectName(u"economyForm")
        self.economyForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.economyForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.populationLabel = QLabel(self.economyGroup)
        self.populationLabel.setObjectName(u"populationLabel")

        self.economyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.populationLabel)

        self.population = QLineEdit(self.economyGroup)
        self.population.setObjectName(u"population")

        self.economyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.population)

        self.householdCountLabel = QLabel(self.economyGroup)
        self.householdCountLabel.setObjectName(u"householdCountLabel")

        self.economyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.householdCountLabel)

        self.household_count = QLineEdit(self.economyGroup)
        self.household_count.setObjectName(u"household_count")

        self.economyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.household_count)

        self.collectiveIncomeLabel = QLabel(self.economyGroup)
        self.collectiveIncomeLabel.setObjectName(u"collectiveIncomeLabel")

        self.economyForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.collectiveIncomeLabel)

        self.collective_income = QLineEdit(self.economyGroup)
        self.collective_income.setObjectName(u"collective_income")

        self.economyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.collective_income)

        self.remarksLabel = QLabel(self.economyGroup)
        self.remarksLabel.setObjectName(u"remarksLabel")

        self.economyForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.remarksLabel)

        self.remarks = QLineEdit(self.economyGroup)
        self.remarks.setObjectName(u"remarks")

        self.economyForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.remarks)


        self.mainLayout.addWidget(self.economyGroup)

        self.errorLabel = QLabel(VillageDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(VillageDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.townshipLabel.setBuddy(self.township_code)
        self.codeLabel.setBuddy(self.code)
        self.nameLabel.setBuddy(self.name)
        self.isPoorLabel.setBuddy(self.is_poor)
        self.statusLabel.setBuddy(self.status)
        self.plannedExitYearLabel.setBuddy(self.planned_exit_year)
        self.exitYearLabel.setBuddy(self.exit_year)
        self.populationLabel.setBuddy(self.population)
        self.householdCountLabel.setBuddy(self.household_count)
        self.collectiveIncomeLabel.setBuddy(self.collective_income)
        self.remarksLabel.setBuddy(self.remarks)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.township_code, self.code)
        QWidget.setTabOrder(self.code, self.name)
        QWidget.setTabOrder(self.name, self.is_poor)
        QWidget.setTabOrder(self.is_poor, self.status)
        QWidget.setTabOrder(self.status, self.planned_exit_year)
        QWidget.setTabOrder(self.planned_exit_year, self.exit_year)
        QWidget.setTabOrder(self.exit_year, self.population)
        QWidget.setTabOrder(self.population, self.household_count)
        QWidget.setTabOrder(self.household_count, self.collective_income)
        QWidget.setTabOrder(self.collective_income, self.remarks)

        self.retranslateUi(VillageDialog)

        QMetaObject.connectSlotsByName(VillageDialog)
    # setupUi

    def retranslateUi(self, VillageDialog):
        VillageDialog.setWindowTitle(QCoreApplication.translate("VillageDialog", u"\u6751\u5e84\u4fe1\u606f", None))
        self.noteLabel.setText(QCoreApplication.translate("VillageDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.basicGroup.setTitle(QCoreApplication.translate("VillageDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.townshipLabel.setText(QCoreApplication.translate("VillageDialog", u"\u6240\u5c5e\u4e61\u9547(&T)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.township_code.setToolTip(QCoreApplication.translate("VillageDialog", u"\u6751\u5e84\u6240\u5c5e\u7684\u4e61\u9547", None))
#endif // QT_CONFIG(tooltip)
        self.codeLabel.setText(QCoreApplication.translate("VillageDialog", u"\u6751\u7ea7\u4ee3\u7801(&C)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.code.setToolTip(QCoreApplication.translate("VillageDialog", u"12\u4f4d\u7edf\u8ba1\u7528\u533a\u5212\u4ee3\u7801\uff1a\u524d9\u4f4d\u662f\u4e61\u9547\u4ee3\u7801\uff0c\u540e3\u4f4d\u662f\u6751\u7684\u7f16\u53f7", None))
#endif // QT_CONFIG(tooltip)
        self.code.setPlaceholderText(QCoreApplication.translate("VillageDialog", u"12\u4f4d\u6570\u5b57\uff0c\u5982140224101201", None))
        self.nameLabel.setText(QCoreApplication.translate("VillageDialog", u"\u6751\u540d(&N)\uff1a", None))
        self.name.setPlaceholderText(QCoreApplication.translate("VillageDialog", u"\u5982\uff1a\u4e0a\u5317\u6cc9\u6751", None))
        self.isPoorLabel.setText(QCoreApplication.translate("VillageDialog", u"\u8d2b\u56f0\u6751\uff1a", None))
        self.is_poor.setText(QCoreApplication.translate("VillageDialog", u"\u662f(&P)", None))
#if QT_CONFIG(tooltip)
        self.is_poor.setToolTip(QCoreApplication.translate("VillageDialog", u"\u5efa\u6863\u7acb\u5361\u8d2b\u56f0\u6751\u8bf7\u52fe\u9009", None))
#endif // QT_CONFIG(tooltip)
        self.exitGroup.setTitle(QCoreApplication.translate("VillageDialog", u"\u9000\u51fa\u60c5\u51b5", None))
        self.statusLabel.setText(QCoreApplication.translate("VillageDialog", u"\u9000\u51fa\u72b6\u6001(&S)\uff1a", None))
        self.plannedExitYearLabel.setText(QCoreApplication.translate("VillageDialog", u"\u8ba1\u5212\u9000\u51fa\u5e74\u5ea6\uff1a", None))
        self.planned_exit_year.setPlaceholderText(QCoreApplication.translate("VillageDialog", u"4\u4f4d\u5e74\u4efd\uff0c\u59822019", None))
        self.exitYearLabel.setText(QCoreApplication.translate("VillageDialog", u"\u9000\u51fa\u5e74\u5ea6\uff1a", None))
        self.exit_year.setPlaceholderText(QCoreApplication.translate("VillageDialog", u"\u5df2\u9000\u51fa\u7684\u6751\u987b\u586b\u5199", None))
        self.economyGroup.setTitle(QCoreApplication.translate("VillageDialog", u"\u4eba\u53e3\u4e0e\u7ecf\u6d4e", None))
        self.populationLabel.setText(QCoreApplication.translate("VillageDialog", u"\u4eba\u53e3\u6570\uff1a", None))
        self.population.setPlaceholderText(QCoreApplication.translate("VillageDialog", u"\u5355\u4f4d\uff1a\u4eba", None))
        self.householdCountLabel.setText(QCoreApplication.translate("VillageDialog", u"\u6237\u6570\uff1a", None))
        self.household_count.setPlaceholderText(QCoreApplication.translate("VillageDialog", u"\u5355\u4f4d\uff1a\u6237", None))
        self.collectiveIncomeLabel.setText(QCoreApplication.translate("VillageDialog", u"\u6751\u96c6\u4f53\u7ecf\u6d4e\u6536\u5165\uff08\u5143\uff09\uff1a", None))
        self.collective_income.setPlaceholderText(QCoreApplication.translate("VillageDialog", u"\u5168\u5e74\u6536\u5165\uff0c\u5355\u4f4d\uff1a\u5143", None))
        self.remarksLabel.setText(QCoreApplication.translate("VillageDialog", u"\u5907\u6ce8(&R)\uff1a", None))
    # retranslateUi

