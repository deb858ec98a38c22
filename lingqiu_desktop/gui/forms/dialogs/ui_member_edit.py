# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_edit.ui'
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

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.setModal(True)
        self.mainLayout = QVBoxLayout(MemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(MemberDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(12)
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.basicGroup = QGroupBox(MemberDialog)
        self.basicGroup.setObjectName(u"basicGroup")
        self.basicForm = QFormLayout(self.basicGroup)
        self.basicForm.setObjectName(u"basicForm")
        self.basicForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.basicForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.nameLabel = QLabel(self.basicGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.basicGroup)
        self.name.setObjectName(u"name")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.idNumberLabel = QLabel(self.basicGroup)
        self.idNumberLabel.setObjectName(u"idNumberLabel")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idNumberLabel)

        self.id_number = QLineEdit(self.basicGroup)
        self.id_number.setObjectName(u"id_number")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.id_number)

        self.id_number_info = QLabel(self.basicGroup)
        self.id_number_info.setObjectName(u"id_number_info")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.id_number_info)

        self.sexLabel = QLabel(self.basicGroup)
        self.sexLabel.setObjectName(u"sexLabel")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sexLabel)

        self.sex = QComboBox(self.basicGroup)
        self.sex.setObjectName(u"sex")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sex)

        self.relationLabel = QLabel(self.basicGroup)
        self.relationLabel.setObjectName(u"relationLabel")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.relationLabel)

        self.relation = QComboBox(self.basicGroup)
        self.relation.setObjectName(u"relation")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.relation)

        self.ethnicityLabel = QLabel(self.basicGroup)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.basicForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.ethnicityLabel)

        self.ethnicity = QComboBox(self.basicGroup)
        self.ethnicity.setObjectName(u"ethnicity")
        self.ethnicity.setEditable(True)

        self.basicForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.ethnicity)


        self.leftColumn.addWidget(self.basicGroup)

        self.leftSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.columns.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.educationGroup = QGroupBox(MemberDialog)
        self.educationGroup.setObjectName(u"educationGroup")
        self.educationForm = QFormLayout(self.educationGroup)
        self.educationForm.setObjectName(u"educationForm")
        self.educationForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.educationForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.educationLabel = QLabel(self.educationGroup)
        self.educationLabel.setObjectName(u"educationLabel")

        self.educationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.educationLabel)

        self.education = QComboBox(self.educationGroup)
        self.education.setObjectName(u"education")

        self.educationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.education)

        self.schoolStatusLabel = QLabel(self.educationGroup)
        self.schoolStatusLabel.setObjectName(u"schoolStatusLabel")

        self.educationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.schoolStatusLabel)

        self.school_status = QComboBox(self.educationGroup)
        self.school_status.setObjectName(u"school_status")

        self.educationForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.school_status)

        self.healthLabel = QLabel(self.educationGroup)
        self.healthLabel.setObjectName(u"healthLabel")

        self.educationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.healthLabel)

        self.health = QComboBox(self.educationGroup)
        self.health.setObjectName(u"health")

        self.educationForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.health)


        self.rightColumn.addWidget(self.educationGroup)

        self.workGroup = QGroupBox(MemberDialog)
        self.workGroup.setObjectName(u"workGroup")
        self.workForm = QFormLayout(self.workGroup)
        self.workForm.setObjectName(u"workForm")
        self.workForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.workForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.laborAbilityLabel = QLabel(self.workGroup)
        self.laborAbilityLabel.setObjectName(u"laborAbilityLabel")

        self.workForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.laborAbilityLabel)

        self.labor_ability = QComboBox(self.workGroup)
        self.labor_ability.setObjectName(u"labor_ability")

        self.workForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.labor_ability)

        self.workStatusLabel = QLabel(self.workGroup)
        self.workStatusLabel.setObjectName(u"workStatusLabel")

        self.workForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.workStatusLabel)

        self.work_status = QComboBox(self.workGroup)
        self.work_status.setObjectName(u"work_status")
        self.work_status.setEditable(True)

        self.workForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.work_status)

        self.workMonthsLabel = QLabel(self.workGroup)
        self.workMonthsLabel.setObjectName(u"workMonthsLabel")

        self.workForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.workMonthsLabel)

        self.work_months = QLineEdit(self.workGroup)
        self.work_months.setObjectName(u"work_months")

        self.workForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.work_months)


        self.rightColumn.addWidget(self.workGroup)

        self.rightSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columns.addLayout(self.rightColumn)


        self.mainLayout.addLayout(self.columns)

        self.securityGroup = QGroupBox(MemberDialog)
        self.securityGroup.setObjectName(u"securityGroup")
        self.securityRow = QHBoxLayout(self.securityGroup)
        self.securityRow.setObjectName(u"securityRow")
        self.dibao = QCheckBox(self.securityGroup)
        self.dibao.setObjectName(u"dibao")

        self.securityRow.addWidget(self.dibao)

        self.medical_insurance = QCheckBox(self.securityGroup)
        self.medical_insurance.setObjectName(u"medical_insurance")

        self.securityRow.addWidget(self.medical_insurance)

        self.pension = QCheckBox(self.securityGroup)
        self.pension.setObjectName(u"pension")

        self.securityRow.addWidget(self.pension)

        self.securitySpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.securityRow.addItem(self.securitySpacer)


        self.mainLayout.addWidget(self.securityGroup)

        self.errorLabel = QLabel(MemberDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.idNumberLabel.setBuddy(self.id_number)
        self.sexLabel.setBuddy(self.sex)
        self.relationLabel.setBuddy(self.relation)
        self.ethnicityLabel.setBuddy(self.ethnicity)
        self.educationLabel.setBuddy(self.education)
        self.schoolStatusLabel.setBuddy(self.school_status)
        self.healthLabel.setBuddy(self.health)
        self.laborAbilityLabel.setBuddy(self.labor_ability)
        self.workStatusLabel.setBuddy(self.work_status)
        self.workMonthsLabel.setBuddy(self.work_months)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.id_number)
        QWidget.setTabOrder(self.id_number, self.sex)
        QWidget.setTabOrder(self.sex, self.relation)
        QWidget.setTabOrder(self.relation, self.ethnicity)
        QWidget.setTabOrder(self.ethnicity, self.education)
        QWidget.setTabOrder(self.education, self.school_status)
        QWidget.setTabOrder(self.school_status, self.health)
        QWidget.setTabOrder(self.health, self.labor_ability)
        QWidget.setTabOrder(self.labor_ability, self.work_status)
        QWidget.setTabOrder(self.work_status, self.work_months)
        QWidget.setTabOrder(self.work_months, self.dibao)
        QWidget.setTabOrder(self.dibao, self.medical_insurance)
        QWidget.setTabOrder(self.medical_insurance, self.pension)

        self.retranslateUi(MemberDialog)

        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"\u5bb6\u5ead\u6210\u5458\u4fe1\u606f", None))
        self.noteLabel.setText(QCoreApplication.translate("MemberDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.basicGroup.setTitle(QCoreApplication.translate("MemberDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.nameLabel.setText(QCoreApplication.translate("MemberDialog", u"\u59d3\u540d(&N)\uff1a", None))
        self.idNumberLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8eab\u4efd\u8bc1\u53f7(&I)\uff1a", None))
        self.id_number.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"18\u4f4d\uff0c\u672b\u4f4d\u53ef\u4e3aX", None))
#if QT_CONFIG(tooltip)
        self.id_number_info.setToolTip(QCoreApplication.translate("MemberDialog", u"\u7531\u8eab\u4efd\u8bc1\u53f7\u81ea\u52a8\u8bc6\u522b\u7684\u6027\u522b\u548c\u51fa\u751f\u65e5\u671f", None))
#endif // QT_CONFIG(tooltip)
        self.sexLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6027\u522b(&X)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.sex.setToolTip(QCoreApplication.translate("MemberDialog", u"\u8f93\u5165\u8eab\u4efd\u8bc1\u53f7\u540e\u81ea\u52a8\u8bc6\u522b\uff0c\u987b\u4e0e\u8eab\u4efd\u8bc1\u53f7\u4e00\u81f4", None))
#endif // QT_CONFIG(tooltip)
        self.relationLabel.setText(QCoreApplication.translate("MemberDialog", u"\u4e0e\u6237\u4e3b\u5173\u7cfb(&R)\uff1a", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6c11\u65cf\uff1a", None))
#if QT_CONFIG(tooltip)
        self.ethnicity.setToolTip(QCoreApplication.translate("MemberDialog", u"\u53ef\u4ece\u5217\u8868\u9009\u62e9\uff0c\u4e5f\u53ef\u76f4\u63a5\u8f93\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.educationGroup.setTitle(QCoreApplication.translate("MemberDialog", u"\u6559\u80b2\u4e0e\u5065\u5eb7", None))
        self.educationLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6587\u5316\u7a0b\u5ea6\uff1a", None))
        self.schoolStatusLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5728\u6821\u751f\u72b6\u51b5\uff1a", None))
        self.healthLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5065\u5eb7\u72b6\u51b5(&H)\uff1a", None))
        self.workGroup.setTitle(QCoreApplication.translate("MemberDialog", u"\u52b3\u52a8\u4e0e\u52a1\u5de5", None))
        self.laborAbilityLabel.setText(QCoreApplication.translate("MemberDialog", u"\u52b3\u52a8\u80fd\u529b(&L)\uff1a", None))
        self.workStatusLabel.setText(QCoreApplication.translate("MemberDialog", u"\u52a1\u5de5\u72b6\u51b5\uff1a", None))
#if QT_CONFIG(tooltip)
        self.work_status.setToolTip(QCoreApplication.translate("MemberDialog", u"\u53ef\u4ece\u5217\u8868\u9009\u62e9\uff0c\u4e5f\u53ef\u76f4\u63a5\u8f93\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.workMonthsLabel.setText(QCoreApplication.translate("MemberDialog", u"\u52a1\u5de5\u65f6\u95f4\uff08\u6708\uff09\uff1a", None))
        self.work_months.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"0\u523012", None))
        self.securityGroup.setTitle(QCoreApplication.translate("MemberDialog", u"\u4fdd\u969c\u60c5\u51b5", None))
        self.dibao.setText(QCoreApplication.translate("MemberDialog", u"\u4eab\u53d7\u4f4e\u4fdd(&D)", None))
        self.medical_insurance.setText(QCoreApplication.translate("MemberDialog", u"\u53c2\u52a0\u533b\u4fdd(&M)", None))
        self.pension.setText(QCoreApplication.translate("MemberDialog", u"\u53c2\u52a0\u517b\u8001\u4fdd\u9669(&P)", None))
    # retranslateUi

