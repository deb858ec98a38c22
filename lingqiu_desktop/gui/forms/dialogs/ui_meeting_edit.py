# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_edit.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_MeetingDialog(object):
    def setupUi(self, MeetingDialog):
        if not MeetingDialog.objectName():
            MeetingDialog.setObjectName(u"MeetingDialog")
        MeetingDialog.setModal(True)
        self.mainLayout = QVBoxLayout(MeetingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(MeetingDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.meetingGroup = QGroupBox(MeetingDialog)
        self.meetingGroup.setObjectName(u"meetingGroup")
        self.form = QFormLayout(self.meetingGroup)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.kindLabel = QLabel(self.meetingGroup)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(self.meetingGroup)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.dateLabel = QLabel(self.meetingGroup)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.meeting_date = QLineEdit(self.meetingGroup)
        self.meeting_date.setObjectName(u"meeting_date")
        self.meeting_date.setMaxLength(12)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.meeting_date)

        self.titleLabel = QLabel(self.meetingGroup)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(self.meetingGroup)
        self.title.setObjectName(u"title")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.title)

        self.attendeesLabel = QLabel(self.meetingGroup)
        self.attendeesLabel.setObjectName(u"attendeesLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.attendeesLabel)

        self.attendees = QLineEdit(self.meetingGroup)
        self.attendees.setObjectName(u"attendees")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.attendees)

        self.minutesLabel = QLabel(self.meetingGroup)
        self.minutesLabel.setObjectName(u"minutesLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.minutesLabel)

        self.minutes = QPlainTextEdit(self.meetingGroup)
        self.minutes.setObjectName(u"minutes")
        self.minutes.setTabChangesFocus(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.minutes)


        self.mainLayout.addWidget(self.meetingGroup)

        self.decisionsGroup = QGroupBox(MeetingDialog)
        self.decisionsGroup.setObjectName(u"decisionsGroup")
        self.decisionsLayout = QVBoxLayout(self.decisionsGroup)
        self.decisionsLayout.setObjectName(u"decisionsLayout")
        self.decisions = QTableWidget(self.decisionsGroup)
        if (self.decisions.columnCount() < 4):
            self.decisions.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.decisions.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.decisions.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.decisions.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.decisions.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.decisions.setObjectName(u"decisions")
        self.decisions.setTabKeyNavigation(False)
        self.decisions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.decisions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.decisionsLayout.addWidget(self.decisions)

        self.decisionButtons = QHBoxLayout()
        self.decisionButtons.setObjectName(u"decisionButtons")
        self.addDecision = QPushButton(self.decisionsGroup)
        self.addDecision.setObjectName(u"addDecision")
        self.addDecision.setAutoDefault(False)

        self.decisionButtons.addWidget(self.addDecision)

        self.removeDecision = QPushButton(self.decisionsGroup)
        self.removeDecision.setObjectName(u"removeDecision")
        self.removeDecision.setAutoDefault(False)

        self.decisionButtons.addWidget(self.removeDecision)

        self.decisionsHint = QLabel(self.decisionsGroup)
        self.decisionsHint.setObjectName(u"decisionsHint")

        self.decisionButtons.addWidget(self.decisionsHint)

        self.decisionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decisionButtons.addItem(self.decisionSpacer)


        self.decisionsLayout.addLayout(self.decisionButtons)


        self.mainLayout.addWidget(self.decisionsGroup)

        self.errorLabel = QLabel(MeetingDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MeetingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kind)
        self.dateLabel.setBuddy(self.meeting_date)
        self.titleLabel.setBuddy(self.title)
        self.attendeesLabel.setBuddy(self.attendees)
        self.minutesLabel.setBuddy(self.minutes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.meeting_date)
        QWidget.setTabOrder(self.meeting_date, self.title)
        QWidget.setTabOrder(self.title, self.attendees)
        QWidget.setTabOrder(self.attendees, self.minutes)
        QWidget.setTabOrder(self.minutes, self.decisions)
        QWidget.setTabOrder(self.decisions, self.addDecision)
        QWidget.setTabOrder(self.addDecision, self.removeDecision)

        self.retranslateUi(MeetingDialog)

        QMetaObject.connectSlotsByName(MeetingDialog)
    # setupUi

    def retranslateUi(self, MeetingDialog):
        MeetingDialog.setWindowTitle(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u8bb0\u5f55", None))
        self.noteLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.meetingGroup.setTitle(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae", None))
        self.kindLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u7c7b\u578b(&K)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.kind.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u8054\u5e2d\u4f1a\uff1a\u201c1+3\u201d\u673a\u5236\u7684\u8131\u8d2b\u653b\u575a\u8054\u5e2d\u4f1a\u8bae\uff1b\u4f8b\u4f1a\uff1a\u6bcf\u5468\u4e00\u7684\u5de5\u4f5c\u4f8b\u4f1a", None))
#endif // QT_CONFIG(tooltip)
        self.dateLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u65e5\u671f(&D)\uff1a", None))
        self.meeting_date.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u5982 2018-11-26", None))
        self.titleLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u540d\u79f0(&T)\uff1a", None))
        self.title.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u4e0d\u586b\u5219\u6309\u65e5\u671f\u81ea\u52a8\u751f\u6210", None))
        self.attendeesLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u53c2\u4f1a\u4eba\u5458(&A)\uff1a", None))
        self.attendees.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u5982\uff1a\u53bf\u59d4\u4e66\u8bb0\u3001\u53bf\u957f\u3001\u5404\u5de5\u4f5c\u7ec4\u7ec4\u957f", None))
        self.minutesLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u7eaa\u8981(&M)\uff1a", None))
        self.minutes.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u542c\u53d6\u4e86\u54ea\u4e9b\u6c47\u62a5\u3001\u70b9\u540d\u4e86\u54ea\u4e9b\u6ede\u540e\u7684\u7ec4\u3001\u90e8\u7f72\u4e86\u54ea\u4e9b\u5de5\u4f5c", None))
        self.decisionsGroup.setTitle(QCoreApplication.translate("MeetingDialog", u"\u51b3\u5b9a\u4e8b\u9879\uff08\u8d23\u4efb\u4eba\u3001\u5b8c\u6210\u65f6\u9650\uff09", None))
        ___qtablewidgetitem = self.decisions.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("MeetingDialog", u"\u51b3\u5b9a\u4e8b\u9879", None))
        ___qtablewidgetitem1 = self.decisions.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("MeetingDialog", u"\u8d23\u4efb\u4eba", None))
        ___qtablewidgetitem2 = self.decisions.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("MeetingDialog", u"\u5b8c\u6210\u65f6\u9650", None))
        ___qtablewidgetitem3 = self.decisions.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("MeetingDialog", u"\u5df2\u529e\u7ed3", None))
        self.addDecision.setText(QCoreApplication.translate("MeetingDialog", u"\u6dfb\u52a0\u4e8b\u9879(&I)", None))
        self.removeDecision.setText(QCoreApplication.translate("MeetingDialog", u"\u5220\u9664\u4e8b\u9879(&X)", None))
        self.decisionsHint.setText(QCoreApplication.translate("MeetingDialog", u"\u76f4\u63a5\u6253\u5b57\u4fee\u6539\u5355\u5143\u683c\uff0c\u7a7a\u683c\u952e\u52fe\u9009\u201c\u5df2\u529e\u7ed3\u201d", None))
    # retranslateUi

