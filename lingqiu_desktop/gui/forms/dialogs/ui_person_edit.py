# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_edit.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_PersonDialog(object):
    def setupUi(self, PersonDialog):
        if not PersonDialog.objectName():
            PersonDialog.setObjectName(u"PersonDialog")
        PersonDialog.setModal(True)
        self.mainLayout = QVBoxLayout(PersonDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(PersonDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(12)
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.basicGroup = QGroupBox(PersonDialog)
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

        self.phoneLabel = QLabel(self.basicGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(self.basicGroup)
        self.phone.setObjectName(u"phone")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phone)

        self.is_party_member = QCheckBox(self.basicGroup)
        self.is_party_member.setObjectName(u"is_party_member")

        self.basicForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.is_party_member)


        self.leftColumn.addWidget(self.basicGroup)

        self.leftSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.columns.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.workGroup = QGroupBox(PersonDialog)
        self.workGroup.setObjectName(u"workGroup")
        self.workForm = QFormLayout(self.workGroup)
        self.workForm.setObjectName(u"workForm")
        self.workForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.workForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.townshipLabel = QLabel(self.workGroup)
        self.townshipLabel.setObjectName(u"townshipLabel")

        self.workForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.townshipLabel)

        self.township_code = QComboBox(self.workGroup)
        self.township_code.setObjectName(u"township_code")

        self.workForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.township_code)

        self.unitLabel = QLabel(self.workGroup)
        self.unitLabel.setObjectName(u"unitLabel")

        self.workForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unit = QLineEdit(self.workGroup)
        self.unit.setObjectName(u"unit")

        self.workForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unit)

        self.unitLevelLabel = QLabel(self.workGroup)
        self.unitLevelLabel.setObjectName(u"unitLevelLabel")

        self.workForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitLevelLabel)

        self.unit_level = QComboBox(self.workGroup)
        self.unit_level.setObjectName(u"unit_level")

        self.workForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unit_level)

        self.postLabel = QLabel(self.workGroup)
        self.postLabel.setObjectName(u"postLabel")

        self.workForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.postLabel)

        self.post = QLineEdit(self.workGroup)
        self.post.setObjectName(u"post")

        self.workForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.post)

        self.remarksLabel = QLabel(self.workGroup)
        self.remarksLabel.setObjectName(u"remarksLabel")

        self.workForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.remarksLabel)

        self.remarks = QLineEdit(self.workGroup)
        self.remarks.setObjectName(u"remarks")

        self.workForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.remarks)


        self.rightColumn.addWidget(self.workGroup)

        self.rightSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columns.addLayout(self.rightColumn)


        self.mainLayout.addLayout(self.columns)

        self.kindGroup = QGroupBox(PersonDialog)
        self.kindGroup.setObjectName(u"kindGroup")
        self.kindGrid = QGridLayout(self.kindGroup)
        self.kindGrid.setObjectName(u"kindGrid")
        self.kind_cadre = QCheckBox(self.kindGroup)
        self.kind_cadre.setObjectName(u"kind_cadre")

        self.kindGrid.addWidget(self.kind_cadre, 0, 0, 1, 1)

        self.kind_member = QCheckBox(self.kindGroup)
        self.kind_member.setObjectName(u"kind_member")

        self.kindGrid.addWidget(self.kind_member, 0, 1, 1, 1)

        self.kind_secretary = QCheckBox(self.kindGroup)
        self.kind_secretary.setObjectName(u"kind_secretary")

        self.kindGrid.addWidget(self.kind_secretary, 0, 2, 1, 1)

        self.kind_helper = QCheckBox(self.kindGroup)
        self.kind_helper.setObjectName(u"kind_helper")

        self.kindGrid.addWidget(self.kind_helper, 1, 0, 1, 1)

        self.kind_village = QCheckBox(self.kindGroup)
        self.kind_village.setObjectName(u"kind_village")

        self.kindGrid.addWidget(self.kind_village, 1, 1, 1, 1)


        self.mainLayout.addWidget(self.kindGroup)

        self.errorLabel = QLabel(PersonDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PersonDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.idNumberLabel.setBuddy(self.id_number)
        self.sexLabel.setBuddy(self.sex)
        self.phoneLabel.setBuddy(self.phone)
        self.townshipLabel.setBuddy(self.township_code)
        self.unitLabel.setBuddy(self.unit)
        self.unitLevelLabel.setBuddy(self.unit_level)
        self.postLabel.setBuddy(self.post)
        self.remarksLabel.setBuddy(self.remarks)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.id_number)
        QWidget.setTabOrder(self.id_number, self.sex)
        QWidget.setTabOrder(self.sex, self.phone)
        QWidget.setTabOrder(self.phone, self.is_party_member)
        QWidget.setTabOrder(self.is_party_member, self.township_code)
        QWidget.setTabOrder(self.township_code, self.unit)
        QWidget.setTabOrder(self.unit, self.unit_level)
        QWidget.setTabOrder(self.unit_level, self.post)
        QWidget.setTabOrder(self.post, self.remarks)
        QWidget.setTabOrder(self.remarks, self.kind_cadre)
        QWidget.setTabOrder(self.kind_cadre, self.kind_member)
        QWidget.setTabOrder(self.kind_member, self.kind_secretary)
        QWidget.setTabOrder(self.kind_secretary, self.kind_helper)
        QWidget.setTabOrder(self.kind_helper, self.kind_village)

        self.retranslateUi(PersonDialog)

        QMetaObject.connectSlotsByName(PersonDialog)
    # setupUi

    def retranslateUi(self, PersonDialog):
        PersonDialog.setWindowTitle(QCoreApplication.translate("PersonDialog", u"\u4eba\u5458\u4fe1\u606f", None))
        self.noteLabel.setText(QCoreApplication.translate("PersonDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.basicGroup.setTitle(QCoreApplication.translate("PersonDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.nameLabel.setText(QCoreApplication.translate("PersonDialog", u"\u59d3\u540d(&N)\uff1a", None))
        self.idNumberLabel.setText(QCoreApplication.translate("PersonDialog", u"\u8eab\u4efd\u8bc1\u53f7(&I)\uff1a", None))
        self.id_number.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"18\u4f4d\uff0c\u672b\u4f4d\u53ef\u4e3aX\uff1b\u53ef\u4e0d\u586b", None))
#if QT_CONFIG(tooltip)
        self.id_number_info.setToolTip(QCoreApplication.translate("PersonDialog", u"\u7531\u8eab\u4efd\u8bc1\u53f7\u81ea\u52a8\u8bc6\u522b\u7684\u6027\u522b\u548c\u51fa\u751f\u65e5\u671f", None))
#endif // QT_CONFIG(tooltip)
        self.sexLabel.setText(QCoreApplication.translate("PersonDialog", u"\u6027\u522b(&X)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.sex.setToolTip(QCoreApplication.translate("PersonDialog", u"\u586b\u4e86\u8eab\u4efd\u8bc1\u53f7\u65f6\u81ea\u52a8\u8bc6\u522b\uff0c\u987b\u4e0e\u8eab\u4efd\u8bc1\u53f7\u4e00\u81f4", None))
#endif // QT_CONFIG(tooltip)
        self.phoneLabel.setText(QCoreApplication.translate("PersonDialog", u"\u8054\u7cfb\u7535\u8bdd(&P)\uff1a", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u624b\u673a\u53f7\u6216 0352-8021234", None))
        self.is_party_member.setText(QCoreApplication.translate("PersonDialog", u"\u4e2d\u5171\u515a\u5458(&D)", None))
        self.workGroup.setTitle(QCoreApplication.translate("PersonDialog", u"\u5355\u4f4d\u4e0e\u804c\u52a1", None))
        self.townshipLabel.setText(QCoreApplication.translate("PersonDialog", u"\u6240\u5c5e\u4e61\u9547\uff1a", None))
        self.unitLabel.setText(QCoreApplication.translate("PersonDialog", u"\u5de5\u4f5c\u5355\u4f4d(&U)\uff1a", None))
        self.unit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u6d3e\u51fa\u5355\u4f4d\u6216\u5de5\u4f5c\u5355\u4f4d\uff0c\u5982 \u53bf\u8d22\u653f\u5c40", None))
#if QT_CONFIG(tooltip)
        self.unit.setToolTip(QCoreApplication.translate("PersonDialog", u"\u53ef\u8f93\u5165\u5355\u4f4d\u540d\u79f0\u4e2d\u7684\u5b57\uff0c\u4ece\u5df2\u767b\u8bb0\u7684\u5355\u4f4d\u4e2d\u9009\u62e9", None))
#endif // QT_CONFIG(tooltip)
        self.unitLevelLabel.setText(QCoreApplication.translate("PersonDialog", u"\u5355\u4f4d\u7ea7\u522b(&L)\uff1a", None))
        self.postLabel.setText(QCoreApplication.translate("PersonDialog", u"\u804c\u52a1(&O)\uff1a", None))
        self.post.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u5982 \u526f\u5c40\u957f\u3001\u79d1\u5458", None))
        self.remarksLabel.setText(QCoreApplication.translate("PersonDialog", u"\u5907\u6ce8(&R)\uff1a", None))
        self.kindGroup.setTitle(QCoreApplication.translate("PersonDialog", u"\u4eba\u5458\u7c7b\u522b\uff08\u53ef\u591a\u9009\uff09", None))
        self.kind_cadre.setText(QCoreApplication.translate("PersonDialog", u"\u5e72\u90e8", None))
        self.kind_member.setText(QCoreApplication.translate("PersonDialog", u"\u5de5\u4f5c\u961f\u5458", None))
        self.kind_secretary.setText(QCoreApplication.translate("PersonDialog", u"\u7b2c\u4e00\u4e66\u8bb0", None))
        self.kind_helper.setText(QCoreApplication.translate("PersonDialog", u"\u5e2e\u6276\u8d23\u4efb\u4eba", None))
        self.kind_village.setText(QCoreApplication.translate("PersonDialog", u"\u6751\u5e72\u90e8", None))
    # retranslateUi

