# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'team_edit.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_TeamDialog(object):
    def setupUi(self, TeamDialog):
        if not TeamDialog.objectName():
            TeamDialog.setObjectName(u"TeamDialog")
        TeamDialog.setModal(True)
        TeamDialog.setMinimumSize(QSize(560, 0))
        self.mainLayout = QVBoxLayout(TeamDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(TeamDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.teamGroup = QGroupBox(TeamDialog)
        self.teamGroup.setObjectName(u"teamGroup")
        self.teamForm = QFormLayout(self.teamGroup)
        self.teamForm.setObjectName(u"teamForm")
        self.teamForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.teamForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.villageLabel = QLabel(self.teamGroup)
        self.villageLabel.setObjectName(u"villageLabel")

        self.teamForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.villageLabel)

        self.village_id = QComboBox(self.teamGroup)
        self.village_id.setObjectName(u"village_id")

        self.teamForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.village_id)

        self.nameLabel = QLabel(self.teamGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.teamForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.teamGroup)
        self.name.setObjectName(u"name")

        self.teamForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name)

        self.sendingUnitLabel = QLabel(self.teamGroup)
        self.sendingUnitLabel.setObjectName(u"sendingUnitLabel")

        self.teamForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sendingUnitLabel)

        self.sending_unit = QLineEdit(self.teamGroup)
        self.sending_unit.setObjectName(u"sending_unit")

        self.teamForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sending_unit)

        self.startLabel = QLabel(self.teamGroup)
        self.startLabel.setObjectName(u"startLabel")

        self.teamForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.start_date = QLineEdit(self.teamGroup)
        self.start_date.setObjectName(u"start_date")

        self.teamForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.start_date)

        self.endLabel = QLabel(self.teamGroup)
        self.endLabel.setObjectName(u"endLabel")

        self.teamForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.end_date = QLineEdit(self.teamGroup)
        self.end_date.setObjectName(u"end_date")

        self.teamForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.statusLabel = QLabel(self.teamGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.teamForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(self.teamGroup)
        self.status.setObjectName(u"status")

        self.teamForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.status)

        self.remarksLabel = QLabel(self.teamGroup)
        self.remarksLabel.setObjectName(u"remarksLabel")

        self.teamForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.remarksLabel)

        self.remarks = QLineEdit(self.teamGroup)
        self.remarks.setObjectName(u"remarks")

        self.teamForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.remarks)


        self.mainLayout.addWidget(self.teamGroup)

        self.headsGroup = QGroupBox(TeamDialog)
        self.headsGroup.setObjectName(u"headsGroup")
        self.headsForm = QFormLayout(self.headsGroup)
        self.headsForm.setObjectName(u"headsForm")
        self.headsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.headsForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.leaderLabel = QLabel(self.headsGroup)
        self.leaderLabel.setObjectName(u"leaderLabel")

        self.headsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.leaderLabel)

        self.leader_person_id = QLineEdit(self.headsGroup)
        self.leader_person_id.setObjectName(u"leader_person_id")

        self.headsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.leader_person_id)

        self.secretaryLabel = QLabel(self.headsGroup)
        self.secretaryLabel.setObjectName(u"secretaryLabel")

        self.headsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.secretaryLabel)

        self.first_secretary_id = QLineEdit(self.headsGroup)
        self.first_secretary_id.setObjectName(u"first_secretary_id")

        self.headsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.first_secretary_id)

        self.headsHint = QLabel(self.headsGroup)
        self.headsHint.setObjectName(u"headsHint")
        self.headsHint.setWordWrap(True)

        self.headsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.headsHint)


        self.mainLayout.addWidget(self.headsGroup)

        self.errorLabel = QLabel(TeamDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TeamDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.villageLabel.setBuddy(self.village_id)
        self.nameLabel.setBuddy(self.name)
        self.sendingUnitLabel.setBuddy(self.sending_unit)
        self.startLabel.setBuddy(self.start_date)
        self.endLabel.setBuddy(self.end_date)
        self.statusLabel.setBuddy(self.status)
        self.remarksLabel.setBuddy(self.remarks)
        self.leaderLabel.setBuddy(self.leader_person_id)
        self.secretaryLabel.setBuddy(self.first_secretary_id)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.village_id, self.name)
        QWidget.setTabOrder(self.name, self.sending_unit)
        QWidget.setTabOrder(self.sending_unit, self.start_date)
        QWidget.setTabOrder(self.start_date, self.end_date)
        QWidget.setTabOrder(self.end_date, self.status)
        QWidget.setTabOrder(self.status, self.remarks)
        QWidget.setTabOrder(self.remarks, self.leader_person_id)
        QWidget.setTabOrder(self.leader_person_id, self.first_secretary_id)

        self.retranslateUi(TeamDialog)

        QMetaObject.connectSlotsByName(TeamDialog)
    # setupUi

    def retranslateUi(self, TeamDialog):
        TeamDialog.setWindowTitle(QCoreApplication.translate("TeamDialog", u"\u9a7b\u6751\u5de5\u4f5c\u961f", None))
        self.noteLabel.setText(QCoreApplication.translate("TeamDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.teamGroup.setTitle(QCoreApplication.translate("TeamDialog", u"\u5de5\u4f5c\u961f", None))
        self.villageLabel.setText(QCoreApplication.translate("TeamDialog", u"\u6240\u5c5e\u6751(&V)\uff1a", None))
        self.nameLabel.setText(QCoreApplication.translate("TeamDialog", u"\u5de5\u4f5c\u961f\u540d\u79f0(&N)\uff1a", None))
        self.name.setPlaceholderText(QCoreApplication.translate("TeamDialog", u"\u4e0d\u586b\u5219\u4e3a\u201c\u6751\u540d+\u9a7b\u6751\u5de5\u4f5c\u961f\u201d", None))
        self.sendingUnitLabel.setText(QCoreApplication.translate("TeamDialog", u"\u6d3e\u51fa\u5355\u4f4d(&U)\uff1a", None))
        self.sending_unit.setPlaceholderText(QCoreApplication.translate("TeamDialog", u"\u5982 \u53bf\u8d22\u653f\u5c40", None))
        self.startLabel.setText(QCoreApplication.translate("TeamDialog", u"\u6d3e\u9a7b\u5f00\u59cb\u65e5\u671f(&S)\uff1a", None))
        self.start_date.setPlaceholderText(QCoreApplication.translate("TeamDialog", u"\u5982 2018-03-15\uff0c\u4e5f\u53ef\u8f93\u5165 20180315", None))
        self.endLabel.setText(QCoreApplication.translate("TeamDialog", u"\u6d3e\u9a7b\u7ed3\u675f\u65e5\u671f(&E)\uff1a", None))
        self.end_date.setPlaceholderText(QCoreApplication.translate("TeamDialog", u"\u8ba1\u5212\u6216\u5b9e\u9645\u7ed3\u675f\u65e5\u671f\uff0c\u53ef\u4e0d\u586b", None))
        self.statusLabel.setText(QCoreApplication.translate("TeamDialog", u"\u72b6\u6001(&T)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.status.setToolTip(QCoreApplication.translate("TeamDialog", u"\u6539\u4e3a\u201c\u671f\u6ee1\u201d\u6216\u201c\u53ec\u56de\u201d\u65f6\uff0c\u5728\u5c97\u961f\u5458\u4e00\u5e76\u79bb\u6751", None))
#endif // QT_CONFIG(tooltip)
        self.remarksLabel.setText(QCoreApplication.translate("TeamDialog", u"\u5907\u6ce8(&R)\uff1a", None))
        self.headsGroup.setTitle(QCoreApplication.translate("TeamDialog", u"\u961f\u957f\u4e0e\u7b2c\u4e00\u4e66\u8bb0", None))
        self.leaderLabel.setText(QCoreApplication.translate("TeamDialog", u"\u961f\u957f(&L)\uff1a", None))
        self.secretaryLabel.setText(QCoreApplication.translate("TeamDialog", u"\u7b2c\u4e00\u4e66\u8bb0(&F)\uff1a", None))
        self.headsHint.setText(QCoreApplication.translate("TeamDialog", u"\u8f93\u5165\u59d3\u540d\u6216\u62fc\u97f3\u9996\u5b57\u6bcd\uff0c\u4ece\u5217\u8868\u4e2d\u9009\u62e9\uff1b\u4e0d\u5728\u672c\u961f\u7684\u4eba\uff0c\u4fdd\u5b58\u65f6\u81ea\u52a8\u8fdb\u9a7b\u672c\u961f\u3002", None))
    # retranslateUi

