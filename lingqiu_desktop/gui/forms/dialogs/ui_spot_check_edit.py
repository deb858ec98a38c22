# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'spot_check_edit.ui'
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

class Ui_SpotCheckDialog(object):
    def setupUi(self, SpotCheckDialog):
        if not SpotCheckDialog.objectName():
            SpotCheckDialog.setObjectName(u"SpotCheckDialog")
        SpotCheckDialog.setModal(True)
        self.mainLayout = QVBoxLayout(SpotCheckDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(SpotCheckDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.mainGroup = QGroupBox(SpotCheckDialog)
        self.mainGroup.setObjectName(u"mainGroup")
        self.form = QFormLayout(self.mainGroup)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.personCaption = QLabel(self.mainGroup)
        self.personCaption.setObjectName(u"personCaption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.personCaption)

        self.person_id = QComboBox(self.mainGroup)
        self.person_id.setObjectName(u"person_id")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.person_id)

        self.dateLabel = QLabel(self.mainGroup)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.check_date = QLineEdit(self.mainGroup)
        self.check_date.setObjectName(u"check_date")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.check_date)

        self.checkerLabel = QLabel(self.mainGroup)
        self.checkerLabel.setObjectName(u"checkerLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.checkerLabel)

        self.checker = QComboBox(self.mainGroup)
        self.checker.setObjectName(u"checker")
        self.checker.setEditable(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.checker)

        self.presentLabel = QLabel(self.mainGroup)
        self.presentLabel.setObjectName(u"presentLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.presentLabel)

        self.present = QComboBox(self.mainGroup)
        self.present.setObjectName(u"present")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.present)

        self.excused = QCheckBox(self.mainGroup)
        self.excused.setObjectName(u"excused")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.excused)

        self.noteCaption = QLabel(self.mainGroup)
        self.noteCaption.setObjectName(u"noteCaption")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteCaption)

        self.note = QLineEdit(self.mainGroup)
        self.note.setObjectName(u"note")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.note)


        self.mainLayout.addWidget(self.mainGroup)

        self.ruleLabel = QLabel(SpotCheckDialog)
        self.ruleLabel.setObjectName(u"ruleLabel")
        self.ruleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.ruleLabel)

        self.errorLabel = QLabel(SpotCheckDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SpotCheckDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.personCaption.setBuddy(self.person_id)
        self.dateLabel.setBuddy(self.check_date)
        self.checkerLabel.setBuddy(self.checker)
        self.presentLabel.setBuddy(self.present)
        self.noteCaption.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.person_id, self.check_date)
        QWidget.setTabOrder(self.check_date, self.checker)
        QWidget.setTabOrder(self.checker, self.present)
        QWidget.setTabOrder(self.present, self.excused)
        QWidget.setTabOrder(self.excused, self.note)

        self.retranslateUi(SpotCheckDialog)

        QMetaObject.connectSlotsByName(SpotCheckDialog)
    # setupUi

    def retranslateUi(self, SpotCheckDialog):
        SpotCheckDialog.setWindowTitle(QCoreApplication.translate("SpotCheckDialog", u"\u62bd\u67e5\u767b\u8bb0", None))
        self.noteLabel.setText(QCoreApplication.translate("SpotCheckDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.mainGroup.setTitle(QCoreApplication.translate("SpotCheckDialog", u"\u62bd\u67e5\u60c5\u51b5", None))
        self.personCaption.setText(QCoreApplication.translate("SpotCheckDialog", u"\u88ab\u62bd\u67e5\u961f\u5458(&P)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.person_id.setToolTip(QCoreApplication.translate("SpotCheckDialog", u"\u672c\u5de5\u4f5c\u961f\u7684\u9a7b\u6751\u961f\u5458", None))
#endif // QT_CONFIG(tooltip)
        self.dateLabel.setText(QCoreApplication.translate("SpotCheckDialog", u"\u62bd\u67e5\u65e5\u671f(&D)\uff1a", None))
        self.check_date.setPlaceholderText(QCoreApplication.translate("SpotCheckDialog", u"\u5982 2018-11-20", None))
#if QT_CONFIG(tooltip)
        self.check_date.setToolTip(QCoreApplication.translate("SpotCheckDialog", u"\u62bd\u67e5\u5f53\u5929\u7684\u65e5\u671f\uff0c\u4e0d\u80fd\u665a\u4e8e\u4eca\u5929", None))
#endif // QT_CONFIG(tooltip)
        self.checkerLabel.setText(QCoreApplication.translate("SpotCheckDialog", u"\u62bd\u67e5\u4eba(&C)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.checker.setToolTip(QCoreApplication.translate("SpotCheckDialog", u"\u7763\u67e5\u7ec4\u6216\u62bd\u67e5\u4eba\uff0c\u53ef\u4ece\u5217\u8868\u9009\u62e9\uff0c\u4e5f\u53ef\u76f4\u63a5\u8f93\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.presentLabel.setText(QCoreApplication.translate("SpotCheckDialog", u"\u62bd\u67e5\u7ed3\u679c(&R)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.present.setToolTip(QCoreApplication.translate("SpotCheckDialog", u"\u62bd\u67e5\u65f6\u961f\u5458\u662f\u5426\u5728\u5c97", None))
#endif // QT_CONFIG(tooltip)
        self.excused.setText(QCoreApplication.translate("SpotCheckDialog", u"\u4e0d\u5728\u5c97\uff0c\u4f46\u5df2\u8bf7\u5047\u6216\u62a5\u5907(&E)", None))
#if QT_CONFIG(tooltip)
        self.excused.setToolTip(QCoreApplication.translate("SpotCheckDialog", u"\u5df2\u8bf7\u5047\u6216\u5916\u51fa\u62a5\u5907\u7684\u4e0d\u7b97\u65e0\u6545\u7f3a\u52e4", None))
#endif // QT_CONFIG(tooltip)
        self.noteCaption.setText(QCoreApplication.translate("SpotCheckDialog", u"\u60c5\u51b5\u8bf4\u660e(&N)\uff1a", None))
        self.note.setPlaceholderText(QCoreApplication.translate("SpotCheckDialog", u"\u5982\uff1a\u4e0d\u5728\u5c97\uff0c\u7535\u8bdd\u8054\u7cfb\u79f0\u5728\u53bf\u57ce\u529e\u4e8b", None))
    # retranslateUi

