# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'training_edit.ui'
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

class Ui_TrainingDialog(object):
    def setupUi(self, TrainingDialog):
        if not TrainingDialog.objectName():
            TrainingDialog.setObjectName(u"TrainingDialog")
        TrainingDialog.setModal(True)
        self.mainLayout = QVBoxLayout(TrainingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.noteLabel = QLabel(TrainingDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.basicGroup = QGroupBox(TrainingDialog)
        self.basicGroup.setObjectName(u"basicGroup")
        self.basicForm = QFormLayout(self.basicGroup)
        self.basicForm.setObjectName(u"basicForm")
        self.basicForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.basicForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.titleLabel = QLabel(self.basicGroup)
        self.titleLabel.setObjectName(u"titleLabel")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(self.basicGroup)
        self.title.setObjectName(u"title")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.audienceLabel = QLabel(self.basicGroup)
        self.audienceLabel.setObjectName(u"audienceLabel")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.audienceLabel)

        self.audience = QComboBox(self.basicGroup)
        self.audience.setObjectName(u"audience")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.audience)

        self.topicLabel = QLabel(self.basicGroup)
        self.topicLabel.setObjectName(u"topicLabel")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topic = QLineEdit(self.basicGroup)
        self.topic.setObjectName(u"topic")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.topic)

        self.organiserLabel = QLabel(self.basicGroup)
        self.organiserLabel.setObjectName(u"organiserLabel")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.organiserLabel)

        self.organiser = QLineEdit(self.basicGroup)
        self.organiser.setObjectName(u"organiser")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.organiser)


        self.mainLayout.addWidget(self.basicGroup)

        self.timeGroup = QGroupBox(TrainingDialog)
        self.timeGroup.setObjectName(u"timeGroup")
        self.timeForm = QFormLayout(self.timeGroup)
        self.timeForm.setObjectName(u"timeForm")
        self.timeForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.timeForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.startDateLabel = QLabel(self.timeGroup)
        self.startDateLabel.setObjectName(u"startDateLabel")

        self.timeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.startDateLabel)

        self.start_date = QLineEdit(self.timeGroup)
        self.start_date.setObjectName(u"start_date")
        self.start_date.setMaxLength(12)

        self.timeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.start_date)

        self.endDateLabel = QLabel(self.timeGroup)
        self.endDateLabel.setObjectName(u"endDateLabel")

        self.timeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.endDateLabel)

        self.end_date = QLineEdit(self.timeGroup)
        self.end_date.setObjectName(u"end_date")
        self.end_date.setMaxLength(12)

        self.timeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.timeSlotsLabel = QLabel(self.timeGroup)
        self.timeSlotsLabel.setObjectName(u"timeSlotsLabel")

        self.timeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.timeSlotsLabel)

        self.time_slots = QLineEdit(self.timeGroup)
        self.time_slots.setObjectName(u"time_slots")

        self.timeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.time_slots)

        self.hoursLabel = QLabel(self.timeGroup)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.timeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hours = QLineEdit(self.timeGroup)
        self.hours.setObjectName(u"hours")
        self.hours.setMaxLength(6)

        self.timeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.hours)

        self.hours_info = QLabel(self.timeGroup)
        self.hours_info.setObjectName(u"hours_info")

        self.timeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.hours_info)

        self.venueLabel = QLabel(self.timeGroup)
        self.venueLabel.setObjectName(u"venueLabel")

        self.timeForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venue = QLineEdit(self.timeGroup)
        self.venue.setObjectName(u"venue")

        self.timeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.venue)


        self.mainLayout.addWidget(self.timeGroup)

        self.trainerGroup = QGroupBox(TrainingDialog)
        self.trainerGroup.setObjectName(u"trainerGroup")
        self.trainerForm = QFormLayout(self.trainerGroup)
        self.trainerForm.setObjectName(u"trainerForm")
        self.trainerForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.trainerForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.trainerLabel = QLabel(self.trainerGroup)
        self.trainerLabel.setObjectName(u"trainerLabel")

        self.trainerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.trainerLabel)

        self.trainer = QLineEdit(self.trainerGroup)
        self.trainer.setObjectName(u"trainer")

        self.trainerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.trainer)

        self.trainerPostLabel = QLabel(self.trainerGroup)
        self.trainerPostLabel.setObjectName(u"trainerPostLabel")

        self.trainerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.trainerPostLabel)

        self.trainer_post = QLineEdit(self.trainerGroup)
        self.trainer_post.setObjectName(u"trainer_post")

        self.trainerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.trainer_post)

        self.remarksLabel = QLabel(self.trainerGroup)
        self.remarksLabel.setObjectName(u"remarksLabel")

        self.trainerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.remarksLabel)

        self.remarks = QLineEdit(self.trainerGroup)
        self.remarks.setObjectName(u"remarks")

        self.trainerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.remarks)


        self.mainLayout.addWidget(self.trainerGroup)

        self.errorLabel = QLabel(TrainingDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TrainingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.title)
        self.audienceLabel.setBuddy(self.audience)
        self.topicLabel.setBuddy(self.topic)
        self.organiserLabel.setBuddy(self.organiser)
        self.startDateLabel.setBuddy(self.start_date)
        self.endDateLabel.setBuddy(self.end_date)
        self.timeSlotsLabel.setBuddy(self.time_slots)
        self.hoursLabel.setBuddy(self.hours)
        self.venueLabel.setBuddy(self.venue)
        self.trainerLabel.setBuddy(self.trainer)
        self.trainerPostLabel.setBuddy(self.trainer_post)
        self.remarksLabel.setBuddy(self.remarks)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.audience)
        QWidget.setTabOrder(self.audience, self.topic)
        QWidget.setTabOrder(self.topic, self.organiser)
        QWidget.setTabOrder(self.organiser, self.start_date)
        QWidget.setTabOrder(self.start_date, self.end_date)
        QWidget.setTabOrder(self.end_date, self.time_slots)
        QWidget.setTabOrder(self.time_slots, self.hours)
        QWidget.setTabOrder(self.hours, self.venue)
        QWidget.setTabOrder(self.venue, self.trainer)
        QWidget.setTabOrder(self.trainer, self.trainer_post)
        QWidget.setTabOrder(self.trainer_post, self.remarks)

        self.retranslateUi(TrainingDialog)

        QMetaObject.connectSlotsByName(TrainingDialog)
    # setupUi

    def retranslateUi(self, TrainingDialog):
        TrainingDialog.setWindowTitle(QCoreApplication.translate("TrainingDialog", u"\u57f9\u8bad\u4fe1\u606f", None))
        self.noteLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u672c\u8bb0\u5f55\u5c5e\u4e8e\u5176\u4ed6\u5355\u4f4d\uff0c\u53ea\u8bfb", None))
        self.basicGroup.setTitle(QCoreApplication.translate("TrainingDialog", u"\u57f9\u8bad\u5185\u5bb9", None))
        self.titleLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u57f9\u8bad\u540d\u79f0(&N)\uff1a", None))
        self.title.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"\u5982\uff1a\u4e1c\u6cb3\u5357\u95472018\u5e74\u7b2c\u4e00\u4e66\u8bb0\u57f9\u8bad\u73ed\uff08\u7b2c1\u671f\uff09", None))
        self.audienceLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u57f9\u8bad\u5bf9\u8c61(&A)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.audience.setToolTip(QCoreApplication.translate("TrainingDialog", u"\u201c\u4e09\u652f\u961f\u4f0d\u201d\u6216\u8d2b\u56f0\u6237\uff1b\u53ef\u9009\u9879\u5728\u7cfb\u7edf\u8bbe\u7f6e\u4e2d\u7ef4\u62a4", None))
#endif // QT_CONFIG(tooltip)
        self.topicLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u57f9\u8bad\u4e3b\u9898(&T)\uff1a", None))
        self.topic.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"\u5982\uff1a\u7cbe\u51c6\u6276\u8d2b\u653f\u7b56\u89e3\u8bfb", None))
        self.organiserLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u4e3b\u529e\u5355\u4f4d(&O)\uff1a", None))
        self.organiser.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"\u5982\uff1a\u53bf\u59d4\u7ec4\u7ec7\u90e8\u3001\u9547\u515a\u59d4", None))
        self.timeGroup.setTitle(QCoreApplication.translate("TrainingDialog", u"\u65f6\u95f4\u548c\u5730\u70b9", None))
        self.startDateLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u5f00\u59cb\u65e5\u671f(&S)\uff1a", None))
        self.start_date.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"\u5982 2018-11-20 \u6216 20181120", None))
        self.endDateLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u7ed3\u675f\u65e5\u671f(&E)\uff1a", None))
        self.end_date.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"\u4e00\u5929\u7684\u57f9\u8bad\u53ef\u4e0d\u586b", None))
        self.timeSlotsLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u57f9\u8bad\u65f6\u6bb5(&L)\uff1a", None))
        self.time_slots.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"\u5982\uff1a\u4e0a\u5348 9:00-11:30\uff1b\u4e0b\u5348 14:30-17:00", None))
        self.hoursLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u5b66\u65f6(&H)\uff1a", None))
        self.hours.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"\u6bcf\u4eba\u5b66\u65f6\uff0c\u5982 2.5", None))
        self.venueLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u57f9\u8bad\u5730\u70b9(&V)\uff1a", None))
        self.venue.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"\u5982\uff1a\u9547\u4eba\u6c11\u653f\u5e9c\u4e09\u697c\u4f1a\u8bae\u5ba4", None))
        self.trainerGroup.setTitle(QCoreApplication.translate("TrainingDialog", u"\u4e3b\u8bb2\u4eba\u53ca\u5176\u4ed6", None))
        self.trainerLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u4e3b\u8bb2\u4eba(&K)\uff1a", None))
        self.trainerPostLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u5355\u4f4d\u53ca\u804c\u52a1(&P)\uff1a", None))
        self.trainer_post.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"\u5982\uff1a\u53bf\u59d4\u515a\u6821\u8bb2\u5e08", None))
        self.remarksLabel.setText(QCoreApplication.translate("TrainingDialog", u"\u5907\u6ce8(&R)\uff1a", None))
    # retranslateUi

