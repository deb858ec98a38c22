# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'board_item_edit.ui'
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

class Ui_BoardItemDialog(object):
    def setupUi(self, BoardItemDialog):
        if not BoardItemDialog.objectName():
            BoardItemDialog.setObjectName(u"BoardItemDialog")
        BoardItemDialog.setModal(True)
        self.mainLayout = QVBoxLayout(BoardItemDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(BoardItemDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.itemGroup = QGroupBox(BoardItemDialog)
        self.itemGroup.setObjectName(u"itemGroup")
        self.form = QFormLayout(self.itemGroup)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.groupLabel = QLabel(self.itemGroup)
        self.groupLabel.setObjectName(u"groupLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.groupLabel)

        self.group_id = QComboBox(self.itemGroup)
        self.group_id.setObjectName(u"group_id")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.group_id)

        self.weekLabel = QLabel(self.itemGroup)
        self.weekLabel.setObjectName(u"weekLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.weekLabel)

        self.week_start = QLineEdit(self.itemGroup)
        self.week_start.setObjectName(u"week_start")
        self.week_start.setMaxLength(12)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.week_start)

        self.week_info = QLabel(self.itemGroup)
        self.week_info.setObjectName(u"week_info")
        self.week_info.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.week_info)

        self.sectionLabel = QLabel(self.itemGroup)
        self.sectionLabel.setObjectName(u"sectionLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sectionLabel)

        self.section = QComboBox(self.itemGroup)
        self.section.setObjectName(u"section")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.section)

        self.contentLabel = QLabel(self.itemGroup)
        self.contentLabel.setObjectName(u"contentLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contentLabel)

        self.content = QLineEdit(self.itemGroup)
        self.content.setObjectName(u"content")
        self.content.setMaxLength(200)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.content)

        self.responsibleLabel = QLabel(self.itemGroup)
        self.responsibleLabel.setObjectName(u"responsibleLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.responsibleLabel)

        self.responsible = QLineEdit(self.itemGroup)
        self.responsible.setObjectName(u"responsible")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.responsible)

        self.statusLabel = QLabel(self.itemGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(self.itemGroup)
        self.status.setObjectName(u"status")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.status)

        self.carried_info = QLabel(self.itemGroup)
        self.carried_info.setObjectName(u"carried_info")
        self.carried_info.setWordWrap(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.carried_info)


        self.mainLayout.addWidget(self.itemGroup)

        self.errorLabel = QLabel(BoardItemDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(BoardItemDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.groupLabel.setBuddy(self.group_id)
        self.weekLabel.setBuddy(self.week_start)
        self.sectionLabel.setBuddy(self.section)
        self.contentLabel.setBuddy(self.content)
        self.responsibleLabel.setBuddy(self.responsible)
        self.statusLabel.setBuddy(self.status)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.group_id, self.week_start)
        QWidget.setTabOrder(self.week_start, self.section)
        QWidget.setTabOrder(self.section, self.content)
        QWidget.setTabOrder(self.content, self.responsible)
        QWidget.setTabOrder(self.responsible, self.status)

        self.retranslateUi(BoardItemDialog)

        QMetaObject.connectSlotsByName(BoardItemDialog)
    # setupUi

    def retranslateUi(self, BoardItemDialog):
        BoardItemDialog.setWindowTitle(QCoreApplication.translate("BoardItemDialog", u"\u5c0f\u9ed1\u677f\u4e8b\u9879", None))
        self.noteLabel.setText(QCoreApplication.translate("BoardItemDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.itemGroup.setTitle(QCoreApplication.translate("BoardItemDialog", u"\u4e8b\u9879", None))
        self.groupLabel.setText(QCoreApplication.translate("BoardItemDialog", u"\u5de5\u4f5c\u7ec4(&G)\uff1a", None))
        self.weekLabel.setText(QCoreApplication.translate("BoardItemDialog", u"\u5468\u6b21(&W)\uff1a", None))
        self.week_start.setPlaceholderText(QCoreApplication.translate("BoardItemDialog", u"\u8fd9\u4e00\u5468\u4efb\u610f\u4e00\u5929\uff0c\u5982 2018-11-26", None))
#if QT_CONFIG(tooltip)
        self.week_start.setToolTip(QCoreApplication.translate("BoardItemDialog", u"\u586b\u8fd9\u4e00\u5468\u7684\u4efb\u610f\u4e00\u5929\uff0c\u81ea\u52a8\u5f52\u5230\u5f53\u5468\u5468\u4e00", None))
#endif // QT_CONFIG(tooltip)
        self.sectionLabel.setText(QCoreApplication.translate("BoardItemDialog", u"\u7c7b\u522b(&C)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.section.setToolTip(QCoreApplication.translate("BoardItemDialog", u"\u4e0a\u6708\u5b8c\u6210\uff1a\u4e0a\u4e2a\u6708\u5e72\u4e86\u4ec0\u4e48\uff1b\u672c\u5468\u8ba1\u5212\uff1a\u8fd9\u5468\u8981\u505a\u4ec0\u4e48", None))
#endif // QT_CONFIG(tooltip)
        self.contentLabel.setText(QCoreApplication.translate("BoardItemDialog", u"\u4e8b\u9879\u5185\u5bb9(&N)\uff1a", None))
        self.content.setPlaceholderText(QCoreApplication.translate("BoardItemDialog", u"\u5982\uff1a\u5b8c\u621010\u6708\u4efd\u8d2b\u56f0\u6237\u6536\u5165\u6838\u7b97", None))
        self.responsibleLabel.setText(QCoreApplication.translate("BoardItemDialog", u"\u8d23\u4efb\u4eba(&R)\uff1a", None))
        self.responsible.setPlaceholderText(QCoreApplication.translate("BoardItemDialog", u"\u59d3\u540d\uff0c\u5982\uff1a\u738b\u5149\u521a", None))
        self.statusLabel.setText(QCoreApplication.translate("BoardItemDialog", u"\u8fdb\u5c55\u72b6\u6001(&S)\uff1a", None))
    # retranslateUi

