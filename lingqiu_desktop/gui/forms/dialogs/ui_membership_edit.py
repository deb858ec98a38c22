# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'membership_edit.ui'
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

class Ui_MembershipDialog(object):
    def setupUi(self, MembershipDialog):
        if not MembershipDialog.objectName():
            MembershipDialog.setObjectName(u"MembershipDialog")
        MembershipDialog.setModal(True)
        MembershipDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(MembershipDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(MembershipDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.membershipGroup = QGroupBox(MembershipDialog)
        self.membershipGroup.setObjectName(u"membershipGroup")
        self.membershipForm = QFormLayout(self.membershipGroup)
        self.membershipForm.setObjectName(u"membershipForm")
        self.membershipForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.membershipForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.personLabel = QLabel(self.membershipGroup)
        self.personLabel.setObjectName(u"personLabel")

        self.membershipForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.person_id = QLineEdit(self.membershipGroup)
        self.person_id.setObjectName(u"person_id")

        self.membershipForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.person_id)

        self.person_info = QLabel(self.membershipGroup)
        self.person_info.setObjectName(u"person_info")

        self.membershipForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.person_info)

        self.roleLabel = QLabel(self.membershipGroup)
        self.roleLabel.setObjectName(u"roleLabel")

        self.membershipForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(self.membershipGroup)
        self.role.setObjectName(u"role")

        self.membershipForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role)

        self.startLabel = QLabel(self.membershipGroup)
        self.startLabel.setObjectName(u"startLabel")

        self.membershipForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.start_date = QLineEdit(self.membershipGroup)
        self.start_date.setObjectName(u"start_date")

        self.membershipForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.start_date)

        self.endLabel = QLabel(self.membershipGroup)
        self.endLabel.setObjectName(u"endLabel")

        self.membershipForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.end_date = QLineEdit(self.membershipGroup)
        self.end_date.setObjectName(u"end_date")

        self.membershipForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.statusLabel = QLabel(self.membershipGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.membershipForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(self.membershipGroup)
        self.status.setObjectName(u"status")

        self.membershipForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.status)

        self.remarksLabel = QLabel(self.membershipGroup)
        self.remarksLabel.setObjectName(u"remarksLabel")

        self.membershipForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.remarksLabel)

        self.remarks = QLineEdit(self.membershipGroup)
        self.remarks.setObjectName(u"remarks")

        self.membershipForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.remarks)


        self.mainLayout.addWidget(self.membershipGroup)

        self.errorLabel = QLabel(MembershipDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MembershipDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.personLabel.setBuddy(self.person_id)
        self.roleLabel.setBuddy(self.role)
        self.startLabel.setBuddy(self.start_date)
        self.endLabel.setBuddy(self.end_date)
        self.statusLabel.setBuddy(self.status)
        self.remarksLabel.setBuddy(self.remarks)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.person_id, self.role)
        QWidget.setTabOrder(self.role, self.start_date)
        QWidget.setTabOrder(self.start_date, self.end_date)
        QWidget.setTabOrder(self.end_date, self.status)
        QWidget.setTabOrder(self.status, self.remarks)

        self.retranslateUi(MembershipDialog)

        QMetaObject.connectSlotsByName(MembershipDialog)
    # setupUi

    def retranslateUi(self, MembershipDialog):
        MembershipDialog.setWindowTitle(QCoreApplication.translate("MembershipDialog", u"\u5de5\u4f5c\u961f\u6210\u5458", None))
        self.noteLabel.setText(QCoreApplication.translate("MembershipDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.membershipGroup.setTitle(QCoreApplication.translate("MembershipDialog", u"\u9a7b\u6751\u4fe1\u606f", None))
        self.personLabel.setText(QCoreApplication.translate("MembershipDialog", u"\u4eba\u5458(&P)\uff1a", None))
        self.person_info.setText(QCoreApplication.translate("MembershipDialog", u"\u9009\u62e9\u4eba\u5458\u540e\u663e\u793a\u5176\u5355\u4f4d\u3001\u804c\u52a1\u548c\u7535\u8bdd", None))
        self.roleLabel.setText(QCoreApplication.translate("MembershipDialog", u"\u961f\u5185\u804c\u52a1(&R)\uff1a", None))
        self.startLabel.setText(QCoreApplication.translate("MembershipDialog", u"\u8fdb\u9a7b\u65e5\u671f(&S)\uff1a", None))
        self.start_date.setPlaceholderText(QCoreApplication.translate("MembershipDialog", u"\u5982 2018-03-15\uff0c\u4e5f\u53ef\u8f93\u5165 20180315", None))
        self.endLabel.setText(QCoreApplication.translate("MembershipDialog", u"\u79bb\u6751\u65e5\u671f(&E)\uff1a", None))
        self.end_date.setPlaceholderText(QCoreApplication.translate("MembershipDialog", u"\u5728\u5c97\u7684\u53ef\u4e0d\u586b", None))
        self.statusLabel.setText(QCoreApplication.translate("MembershipDialog", u"\u5728\u5c97\u72b6\u6001(&T)\uff1a", None))
        self.remarksLabel.setText(QCoreApplication.translate("MembershipDialog", u"\u5907\u6ce8(&M)\uff1a", None))
    # retranslateUi

