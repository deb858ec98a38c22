# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'indicator_edit.ui'
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

class Ui_IndicatorDialog(object):
    def setupUi(self, IndicatorDialog):
        if not IndicatorDialog.objectName():
            IndicatorDialog.setObjectName(u"IndicatorDialog")
        IndicatorDialog.setModal(True)
        self.mainLayout = QVBoxLayout(IndicatorDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(IndicatorDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.indicatorGroup = QGroupBox(IndicatorDialog)
        self.indicatorGroup.setObjectName(u"indicatorGroup")
        self.indicatorForm = QFormLayout(self.indicatorGroup)
        self.indicatorForm.setObjectName(u"indicatorForm")
        self.indicatorForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.indicatorForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.nameLabel = QLabel(self.indicatorGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.indicatorForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.indicatorGroup)
        self.name.setObjectName(u"name")

        self.indicatorForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.unitLabel = QLabel(self.indicatorGroup)
        self.unitLabel.setObjectName(u"unitLabel")

        self.indicatorForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unit = QComboBox(self.indicatorGroup)
        self.unit.setObjectName(u"unit")
        self.unit.setEditable(True)

        self.indicatorForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unit)

        self.baselineLabel = QLabel(self.indicatorGroup)
        self.baselineLabel.setObjectName(u"baselineLabel")

        self.indicatorForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.baselineLabel)

        self.baseline = QLineEdit(self.indicatorGroup)
        self.baseline.setObjectName(u"baseline")
        self.baseline.setMaxLength(16)

        self.indicatorForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.baseline)

        self.targetLabel = QLabel(self.indicatorGroup)
        self.targetLabel.setObjectName(u"targetLabel")

        self.indicatorForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.target = QLineEdit(self.indicatorGroup)
        self.target.setObjectName(u"target")
        self.target.setMaxLength(16)

        self.indicatorForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.target)

        self.directionLabel = QLabel(self.indicatorGroup)
        self.directionLabel.setObjectName(u"directionLabel")

        self.indicatorForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.directionLabel)

        self.direction = QComboBox(self.indicatorGroup)
        self.direction.setObjectName(u"direction")

        self.indicatorForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.direction)

        self.weightLabel = QLabel(self.indicatorGroup)
        self.weightLabel.setObjectName(u"weightLabel")

        self.indicatorForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.weightLabel)

        self.weight = QLineEdit(self.indicatorGroup)
        self.weight.setObjectName(u"weight")
        self.weight.setMaxLength(16)

        self.indicatorForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.weight)

        self.deadlineLabel = QLabel(self.indicatorGroup)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.indicatorForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadline = QLineEdit(self.indicatorGroup)
        self.deadline.setObjectName(u"deadline")
        self.deadline.setMaxLength(12)

        self.indicatorForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.deadline)

        self.sourceLabel = QLabel(self.indicatorGroup)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.indicatorForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.source = QComboBox(self.indicatorGroup)
        self.source.setObjectName(u"source")

        self.indicatorForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.source)

        self.sourceInfo = QLabel(self.indicatorGroup)
        self.sourceInfo.setObjectName(u"sourceInfo")
        self.sourceInfo.setWordWrap(True)

        self.indicatorForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sourceInfo)


        self.mainLayout.addWidget(self.indicatorGroup)

        self.errorLabel = QLabel(IndicatorDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(IndicatorDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.unitLabel.setBuddy(self.unit)
        self.baselineLabel.setBuddy(self.baseline)
        self.targetLabel.setBuddy(self.target)
        self.directionLabel.setBuddy(self.direction)
        self.weightLabel.setBuddy(self.weight)
        self.deadlineLabel.setBuddy(self.deadline)
        self.sourceLabel.setBuddy(self.source)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.unit)
        QWidget.setTabOrder(self.unit, self.baseline)
        QWidget.setTabOrder(self.baseline, self.target)
        QWidget.setTabOrder(self.target, self.direction)
        QWidget.setTabOrder(self.direction, self.weight)
        QWidget.setTabOrder(self.weight, self.deadline)
        QWidget.setTabOrder(self.deadline, self.source)

        self.retranslateUi(IndicatorDialog)

        QMetaObject.connectSlotsByName(IndicatorDialog)
    # setupUi

    def retranslateUi(self, IndicatorDialog):
        IndicatorDialog.setWindowTitle(QCoreApplication.translate("IndicatorDialog", u"\u6307\u6807", None))
        self.noteLabel.setText(QCoreApplication.translate("IndicatorDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.indicatorGroup.setTitle(QCoreApplication.translate("IndicatorDialog", u"\u6307\u6807\u5185\u5bb9", None))
        self.nameLabel.setText(QCoreApplication.translate("IndicatorDialog", u"\u6307\u6807\u540d\u79f0(&N)\uff1a", None))
        self.name.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"\u5982\uff1a\u8d2b\u56f0\u6237\u8131\u8d2b\u3001\u6613\u5730\u6276\u8d2b\u642c\u8fc1\u5165\u4f4f\u7387", None))
        self.unitLabel.setText(QCoreApplication.translate("IndicatorDialog", u"\u5355\u4f4d(&U)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.unit.setToolTip(QCoreApplication.translate("IndicatorDialog", u"\u53ef\u4ece\u5217\u8868\u4e2d\u9009\uff0c\u4e5f\u53ef\u76f4\u63a5\u8f93\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.baselineLabel.setText(QCoreApplication.translate("IndicatorDialog", u"\u57fa\u7ebf\u503c(&B)\uff1a", None))
        self.baseline.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"\u5e74\u521d\u7684\u6570\u503c\uff0c\u4e0d\u586b\u4e3a0", None))
        self.targetLabel.setText(QCoreApplication.translate("IndicatorDialog", u"\u76ee\u6807\u503c(&T)\uff1a", None))
        self.target.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"\u5e74\u5ea6\u8981\u8fbe\u5230\u7684\u6570\u503c", None))
        self.directionLabel.setText(QCoreApplication.translate("IndicatorDialog", u"\u65b9\u5411(&D)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.direction.setToolTip(QCoreApplication.translate("IndicatorDialog", u"\u8d8a\u9ad8\u8d8a\u597d\uff1a\u5982\u8131\u8d2b\u6237\u6570\uff1b\u8d8a\u4f4e\u8d8a\u597d\uff1a\u5982\u8d2b\u56f0\u53d1\u751f\u7387", None))
#endif // QT_CONFIG(tooltip)
        self.weightLabel.setText(QCoreApplication.translate("IndicatorDialog", u"\u6743\u91cd(&W)\uff1a", None))
        self.weight.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"\u5927\u4e8e0\uff0c\u5404\u9879\u6307\u6807\u6743\u91cd\u5408\u8ba1\u4e00\u822c\u4e3a100", None))
        self.deadlineLabel.setText(QCoreApplication.translate("IndicatorDialog", u"\u622a\u6b62\u65e5\u671f(&L)\uff1a", None))
        self.deadline.setPlaceholderText(QCoreApplication.translate("IndicatorDialog", u"\u4e0d\u586b\u5219\u540c\u8d23\u4efb\u4e66\u622a\u6b62\u65e5\u671f\uff0c\u5982 2018-12-31", None))
        self.sourceLabel.setText(QCoreApplication.translate("IndicatorDialog", u"\u6570\u636e\u6765\u6e90(&S)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.source.setToolTip(QCoreApplication.translate("IndicatorDialog", u"\u624b\u5de5\u586b\u62a5\uff1a\u6bcf\u6708\u5f55\u5165\u8fdb\u5ea6\uff1b\u5176\u4ed6\u5404\u9879\u7531\u7cfb\u7edf\u6309\u53f0\u8d26\u6570\u636e\u81ea\u52a8\u7edf\u8ba1", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

