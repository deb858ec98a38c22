# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'visit_edit.ui'
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
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_VisitDialog(object):
    def setupUi(self, VisitDialog):
        if not VisitDialog.objectName():
            VisitDialog.setObjectName(u"VisitDialog")
        VisitDialog.setModal(True)
        self.mainLayout = QVBoxLayout(VisitDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(VisitDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.visitGroup = QGroupBox(VisitDialog)
        self.visitGroup.setObjectName(u"visitGroup")
        self.visitForm = QFormLayout(self.visitGroup)
        self.visitForm.setObjectName(u"visitForm")
        self.visitForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.visitForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.visitDateLabel = QLabel(self.visitGroup)
        self.visitDateLabel.setObjectName(u"visitDateLabel")

        self.visitForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.visitDateLabel)

        self.dateRow = QHBoxLayout()
        self.dateRow.setSpacing(8)
        self.dateRow.setObjectName(u"dateRow")
        self.visit_date = QLineEdit(self.visitGroup)
        self.visit_date.setObjectName(u"visit_date")

        self.dateRow.addWidget(self.visit_date)

        self.kindLabel = QLabel(self.visitGroup)
        self.kindLabel.setObjectName(u"kindLabel")

        self.dateRow.addWidget(self.kindLabel)

        self.kind = QComboBox(self.visitGroup)
        self.kind.setObjectName(u"kind")

        self.dateRow.addWidget(self.kind)

        self.weatherLabel = QLabel(self.visitGroup)
        self.weatherLabel.setObjectName(u"weatherLabel")

        self.dateRow.addWidget(self.weatherLabel)

        self.weather = QComboBox(self.visitGroup)
        self.weather.setObjectName(u"weather")
        self.weather.setEditable(True)

        self.dateRow.addWidget(self.weather)

        self.dateSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateRow.addItem(self.dateSpacer)


        self.visitForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.dateRow)

        self.targetLabel = QLabel(self.visitGroup)
        self.targetLabel.setObjectName(u"targetLabel")

        self.visitForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetRow = QHBoxLayout()
        self.targetRow.setSpacing(8)
        self.targetRow.setObjectName(u"targetRow")
        self.householdSlot = QWidget(self.visitGroup)
        self.householdSlot.setObjectName(u"householdSlot")
        self.householdSlotLayout = QVBoxLayout(self.householdSlot)
        self.householdSlotLayout.setObjectName(u"householdSlotLayout")
        self.householdSlotLayout.setContentsMargins(0, 0, 0, 0)

        self.targetRow.addWidget(self.householdSlot)

        self.village_log = QCheckBox(self.visitGroup)
        self.village_log.setObjectName(u"village_log")

        self.targetRow.addWidget(self.village_log)

        self.village_id = QComboBox(self.visitGroup)
        self.village_id.setObjectName(u"village_id")
        self.village_id.setEditable(True)

        self.targetRow.addWidget(self.village_id)


        self.visitForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.targetRow)

        self.placeInfo = QLabel(self.visitGroup)
        self.placeInfo.setObjectName(u"placeInfo")
        self.placeInfo.setWordWrap(True)

        self.visitForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.placeInfo)

        self.visitorsLabel = QLabel(self.visitGroup)
        self.visitorsLabel.setObjectName(u"visitorsLabel")

        self.visitForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.visitorsLabel)

        self.visitorsSlot = QWidget(self.visitGroup)
        self.visitorsSlot.setObjectName(u"visitorsSlot")
        self.visitorsSlotLayout = QVBoxLayout(self.visitorsSlot)
        self.visitorsSlotLayout.setObjectName(u"visitorsSlotLayout")
        self.visitorsSlotLayout.setContentsMargins(0, 0, 0, 0)

        self.visitForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.visitorsSlot)


        self.mainLayout.addWidget(self.visitGroup)

        self.contentGroup = QGroupBox(VisitDialog)
        self.contentGroup.setObjectName(u"contentGroup")
        self.contentForm = QFormLayout(self.contentGroup)
        self.contentForm.setObjectName(u"contentForm")
        self.contentForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.contentForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.situationLabel = QLabel(self.contentGroup)
        self.situationLabel.setObjectName(u"situationLabel")

        self.contentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.situationLabel)

        self.situation = QPlainTextEdit(self.contentGroup)
        self.situation.setObjectName(u"situation")
        self.situation.setTabChangesFocus(True)

        self.contentForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.situation)

        self.problemsLabel = QLabel(self.contentGroup)
        self.problemsLabel.setObjectName(u"problemsLabel")

        self.contentForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.problemsLabel)

        self.problems = QPlainTextEdit(self.contentGroup)
        self.problems.setObjectName(u"problems")
        self.problems.setTabChangesFocus(True)

        self.contentForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.problems)

        self.actionsLabel = QLabel(self.contentGroup)
        self.actionsLabel.setObjectName(u"actionsLabel")

        self.contentForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.actionsLabel)

        self.actions = QPlainTextEdit(self.contentGroup)
        self.actions.setObjectName(u"actions")
        self.actions.setTabChangesFocus(True)

        self.contentForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.actions)

        self.promiseLabel = QLabel(self.contentGroup)
        self.promiseLabel.setObjectName(u"promiseLabel")

        self.contentForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.promiseLabel)

        self.promise = QPlainTextEdit(self.contentGroup)
        self.promise.setObjectName(u"promise")
        self.promise.setTabChangesFocus(True)

        self.contentForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.promise)


        self.mainLayout.addWidget(self.contentGroup)

        self.followGroup = QGroupBox(VisitDialog)
        self.followGroup.setObjectName(u"followGroup")
        self.followForm = QFormLayout(self.followGroup)
        self.followForm.setObjectName(u"followForm")
        self.followForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.followForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.followUpLabel = QLabel(self.followGroup)
        self.followUpLabel.setObjectName(u"followUpLabel")

        self.followForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.followUpLabel)

        self.followRow = QHBoxLayout()
        self.followRow.setSpacing(8)
        self.followRow.setObjectName(u"followRow")
        self.follow_up_due = QLineEdit(self.followGroup)
        self.follow_up_due.setObjectName(u"follow_up_due")

        self.followRow.addWidget(self.follow_up_due)

        self.signedLabel = QLabel(self.followGroup)
        self.signedLabel.setObjectName(u"signedLabel")

        self.followRow.addWidget(self.signedLabel)

        self.signed = QComboBox(self.followGroup)
        self.signed.setObjectName(u"signed")

        self.followRow.addWidget(self.signed)

        self.photoLabel = QLabel(self.followGroup)
        self.photoLabel.setObjectName(u"photoLabel")

        self.followRow.addWidget(self.photoLabel)

        self.photo_ref = QLineEdit(self.followGroup)
        self.photo_ref.setObjectName(u"photo_ref")

        self.followRow.addWidget(self.photo_ref)

        self.followSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.followRow.addItem(self.followSpacer)


        self.followForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.followRow)


        self.mainLayout.addWidget(self.followGroup)

        self.savedLabel = QLabel(VisitDialog)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.savedLabel)

        self.hintLabel = QLabel(VisitDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(VisitDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(VisitDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.visitDateLabel.setBuddy(self.visit_date)
        self.kindLabel.setBuddy(self.kind)
        self.weatherLabel.setBuddy(self.weather)
        self.targetLabel.setBuddy(self.householdSlot)
        self.visitorsLabel.setBuddy(self.visitorsSlot)
        self.situationLabel.setBuddy(self.situation)
        self.problemsLabel.setBuddy(self.problems)
        self.actionsLabel.setBuddy(self.actions)
        self.promiseLabel.setBuddy(self.promise)
        self.followUpLabel.setBuddy(self.follow_up_due)
        self.signedLabel.setBuddy(self.signed)
        self.photoLabel.setBuddy(self.photo_ref)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.visit_date, self.kind)
        QWidget.setTabOrder(self.kind, self.weather)
        QWidget.setTabOrder(self.weather, self.village_log)
        QWidget.setTabOrder(self.village_log, self.village_id)
        QWidget.setTabOrder(self.village_id, self.situation)
        QWidget.setTabOrder(self.situation, self.problems)
        QWidget.setTabOrder(self.problems, self.actions)
        QWidget.setTabOrder(self.actions, self.promise)
        QWidget.setTabOrder(self.promise, self.follow_up_due)
        QWidget.setTabOrder(self.follow_up_due, self.signed)
        QWidget.setTabOrder(self.signed, self.photo_ref)

        self.retranslateUi(VisitDialog)

        QMetaObject.connectSlotsByName(VisitDialog)
    # setupUi

    def retranslateUi(self, VisitDialog):
        VisitDialog.setWindowTitle(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u8bb0\u5f55", None))
        self.noteLabel.setText(QCoreApplication.translate("VisitDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.visitGroup.setTitle(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u4fe1\u606f", None))
        self.visitDateLabel.setText(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u65e5\u671f(&D)\uff1a", None))
        self.visit_date.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u5982 2018-11-20 \u6216 20181120", None))
#if QT_CONFIG(tooltip)
        self.visit_date.setToolTip(QCoreApplication.translate("VisitDialog", u"\u53ef\u76f4\u63a5\u8f93\u5165\u65e5\u671f\uff1b\u2191\u2193\u952e\u524d\u540e\u8c03\u4e00\u5929", None))
#endif // QT_CONFIG(tooltip)
        self.kindLabel.setText(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u7c7b\u578b(&K)\uff1a", None))
        self.weatherLabel.setText(QCoreApplication.translate("VisitDialog", u"\u5929\u6c14(&W)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.weather.setToolTip(QCoreApplication.translate("VisitDialog", u"\u53ef\u4ece\u5217\u8868\u9009\u62e9\uff0c\u4e5f\u53ef\u76f4\u63a5\u8f93\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.targetLabel.setText(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u5bf9\u8c61(&H)\uff1a", None))
        self.village_log.setText(QCoreApplication.translate("VisitDialog", u"\u6751\u60c5\u65e5\u5fd7(&L)", None))
#if QT_CONFIG(tooltip)
        self.village_log.setToolTip(QCoreApplication.translate("VisitDialog", u"\u4e0d\u9488\u5bf9\u67d0\u4e00\u6237\uff0c\u8bb0\u5168\u6751\u60c5\u51b5\uff08\u6c11\u60c5\u65e5\u8bb0\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.village_id.setToolTip(QCoreApplication.translate("VisitDialog", u"\u6751\u60c5\u65e5\u5fd7\u6240\u5c5e\u7684\u6751", None))
#endif // QT_CONFIG(tooltip)
        self.visitorsLabel.setText(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u4eba(&R)\uff1a", None))
        self.contentGroup.setTitle(QCoreApplication.translate("VisitDialog", u"\u8d70\u8bbf\u5185\u5bb9", None))
        self.situationLabel.setText(QCoreApplication.translate("VisitDialog", u"\u5bb6\u5ead\u60c5\u51b5(&S)\uff1a", None))
        self.situation.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u5bb6\u5ead\u4eba\u53e3\u3001\u5065\u5eb7\u3001\u8015\u5730\u3001\u517b\u6b96\u3001\u4f4f\u623f\u3001\u6536\u5165\u7b49", None))
        self.problemsLabel.setText(QCoreApplication.translate("VisitDialog", u"\u53cd\u6620\u95ee\u9898(&P)\uff1a", None))
        self.problems.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u7fa4\u4f17\u53cd\u6620\u7684\u56f0\u96be\u548c\u8bc9\u6c42", None))
        self.actionsLabel.setText(QCoreApplication.translate("VisitDialog", u"\u91c7\u53d6\u63aa\u65bd(&A)\uff1a", None))
        self.actions.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u5f53\u573a\u89e3\u7b54\u3001\u534f\u8c03\u3001\u529e\u7406\u7684\u4e8b\u9879", None))
        self.promiseLabel.setText(QCoreApplication.translate("VisitDialog", u"\u627f\u8bfa\u4e8b\u9879(&M)\uff1a", None))
        self.promise.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u7b54\u5e94\u529e\u7406\u3001\u9700\u8981\u56de\u8bbf\u7684\u4e8b\u9879", None))
        self.followGroup.setTitle(QCoreApplication.translate("VisitDialog", u"\u56de\u8bbf\u4e0e\u7b7e\u5b57", None))
        self.followUpLabel.setText(QCoreApplication.translate("VisitDialog", u"\u56de\u8bbf\u671f\u9650(&F)\uff1a", None))
        self.follow_up_due.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u6709\u627f\u8bfa\u65f6\u586b\u5199", None))
#if QT_CONFIG(tooltip)
        self.follow_up_due.setToolTip(QCoreApplication.translate("VisitDialog", u"\u627f\u8bfa\u4e8b\u9879\u987b\u5728\u6b64\u65e5\u671f\u524d\u56de\u8bbf\uff1b\u53ef\u4e0d\u586b", None))
#endif // QT_CONFIG(tooltip)
        self.signedLabel.setText(QCoreApplication.translate("VisitDialog", u"\u6237\u4e3b\u7b7e\u5b57(&G)\uff1a", None))
        self.photoLabel.setText(QCoreApplication.translate("VisitDialog", u"\u7167\u7247\u7f16\u53f7(&O)\uff1a", None))
        self.photo_ref.setPlaceholderText(QCoreApplication.translate("VisitDialog", u"\u5982 IMG_0123", None))
    # retranslateUi

