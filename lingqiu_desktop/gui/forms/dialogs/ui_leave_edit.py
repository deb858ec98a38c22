# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'leave_edit.ui'
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

class Ui_LeaveDialog(object):
    def setupUi(self, LeaveDialog):
        if not LeaveDialog.objectName():
            LeaveDialog.setObjectName(u"LeaveDialog")
        LeaveDialog.setModal(True)
        self.mainLayout = QVBoxLayout(LeaveDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(LeaveDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.mainGroup = QGroupBox(LeaveDialog)
        self.mainGroup.setObjectName(u"mainGroup")
        self.form = QFormLayout(self.mainGroup)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.personCaption = QLabel(self.mainGroup)
        self.personCaption.setObjectName(u"personCaption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.personCaption)

        self.personLabel = QLabel(self.mainGroup)
        self.personLabel.setObjectName(u"personLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.personLabel)

        self.startLabel = QLabel(self.mainGroup)
        self.startLabel.setObjectName(u"startLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.start_date = QLineEdit(self.mainGroup)
        self.start_date.setObjectName(u"start_date")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.start_date)

        self.endLabel = QLabel(self.mainGroup)
        self.endLabel.setObjectName(u"endLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.end_date = QLineEdit(self.mainGroup)
        self.end_date.setObjectName(u"end_date")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.leaveTypeLabel = QLabel(self.mainGroup)
        self.leaveTypeLabel.setObjectName(u"leaveTypeLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.leaveTypeLabel)

        self.leave_type = QComboBox(self.mainGroup)
        self.leave_type.setObjectName(u"leave_type")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.leave_type)

        self.reasonLabel = QLabel(self.mainGroup)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QLineEdit(self.mainGroup)
        self.reason.setObjectName(u"reason")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reason)

        self.approverLabel = QLabel(self.mainGroup)
        self.approverLabel.setObjectName(u"approverLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.approverLabel)

        self.approver = QLineEdit(self.mainGroup)
        self.approver.setObjectName(u"approver")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.approver)

        self.approvedOnLabel = QLabel(self.mainGroup)
        self.approvedOnLabel.setObjectName(u"approvedOnLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.approvedOnLabel)

        self.approved_on = QLineEdit(self.mainGroup)
        self.approved_on.setObjectName(u"approved_on")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.approved_on)


        self.mainLayout.addWidget(self.mainGroup)

        self.ruleLabel = QLabel(LeaveDialog)
        self.ruleLabel.setObjectName(u"ruleLabel")
        self.ruleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.ruleLabel)

        self.errorLabel = QLabel(LeaveDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(LeaveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.startLabel.setBuddy(self.start_date)
        self.endLabel.setBuddy(self.end_date)
        self.leaveTypeLabel.setBuddy(self.leave_type)
        self.reasonLabel.setBuddy(self.reason)
        self.approverLabel.setBuddy(self.approver)
        self.approvedOnLabel.setBuddy(self.approved_on)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.start_date, self.end_date)
        QWidget.setTabOrder(self.end_date, self.leave_type)
        QWidget.setTabOrder(self.leave_type, self.reason)
        QWidget.setTabOrder(self.reason, self.approver)
        QWidget.setTabOrder(self.approver, self.approved_on)

        self.retranslateUi(LeaveDialog)

        QMetaObject.connectSlotsByName(LeaveDialog)
    # setupUi

    def retranslateUi(self, LeaveDialog):
        LeaveDialog.setWindowTitle(QCoreApplication.translate("LeaveDialog", u"\u767b\u8bb0\u8bf7\u5047", None))
        self.noteLabel.setText(QCoreApplication.translate("LeaveDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.mainGroup.setTitle(QCoreApplication.translate("LeaveDialog", u"\u8bf7\u5047\u4fe1\u606f", None))
        self.personCaption.setText(QCoreApplication.translate("LeaveDialog", u"\u8bf7\u5047\u4eba\uff1a", None))
        self.personLabel.setText("")
        self.startLabel.setText(QCoreApplication.translate("LeaveDialog", u"\u5f00\u59cb\u65e5\u671f(&S)\uff1a", None))
        self.start_date.setPlaceholderText(QCoreApplication.translate("LeaveDialog", u"\u5982 2018-11-05", None))
#if QT_CONFIG(tooltip)
        self.start_date.setToolTip(QCoreApplication.translate("LeaveDialog", u"\u8bf7\u5047\u7b2c\u4e00\u5929\uff0c\u53ef\u4ee5\u5199 2018-11-5\u30012018/11/5 \u6216 20181105", None))
#endif // QT_CONFIG(tooltip)
        self.endLabel.setText(QCoreApplication.translate("LeaveDialog", u"\u7ed3\u675f\u65e5\u671f(&E)\uff1a", None))
        self.end_date.setPlaceholderText(QCoreApplication.translate("LeaveDialog", u"\u5982 2018-11-06", None))
#if QT_CONFIG(tooltip)
        self.end_date.setToolTip(QCoreApplication.translate("LeaveDialog", u"\u8bf7\u5047\u6700\u540e\u4e00\u5929\uff08\u542b\u5f53\u5929\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.leaveTypeLabel.setText(QCoreApplication.translate("LeaveDialog", u"\u8bf7\u5047\u7c7b\u578b(&T)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.leave_type.setToolTip(QCoreApplication.translate("LeaveDialog", u"\u4e8b\u5047\u3001\u75c5\u5047\u3001\u5e74\u4f11\u5047\u3001\u5a5a\u4e27\u5047\u6216\u5176\u4ed6", None))
#endif // QT_CONFIG(tooltip)
        self.reasonLabel.setText(QCoreApplication.translate("LeaveDialog", u"\u8bf7\u5047\u4e8b\u7531(&R)\uff1a", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("LeaveDialog", u"\u5982\uff1a\u8eab\u4f53\u4e0d\u9002\uff0c\u5230\u53bf\u533b\u9662\u5c31\u8bca", None))
        self.approverLabel.setText(QCoreApplication.translate("LeaveDialog", u"\u5ba1\u6279\u4eba(&A)\uff1a", None))
        self.approver.setPlaceholderText(QCoreApplication.translate("LeaveDialog", u"\u5982\uff1a\u4e61\u515a\u59d4 \u5f20\u4e66\u8bb0\uff0c\u6216 \u53bf\u59d4\u7ec4\u7ec7\u90e8 \u738b\u660e", None))
#if QT_CONFIG(tooltip)
        self.approver.setToolTip(QCoreApplication.translate("LeaveDialog", u"\u6279\u51c6\u8fd9\u6b21\u8bf7\u5047\u7684\u9886\u5bfc\u6216\u5355\u4f4d", None))
#endif // QT_CONFIG(tooltip)
        self.approvedOnLabel.setText(QCoreApplication.translate("LeaveDialog", u"\u5ba1\u6279\u65e5\u671f(&D)\uff1a", None))
        self.approved_on.setPlaceholderText(QCoreApplication.translate("LeaveDialog", u"\u53ef\u4e0d\u586b", None))
    # retranslateUi

