# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'satisfaction_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SatisfactionDialog(object):
    def setupUi(self, SatisfactionDialog):
        if not SatisfactionDialog.objectName():
            SatisfactionDialog.setObjectName(u"SatisfactionDialog")
        SatisfactionDialog.setMinimumWidth(560)
        self.mainLayout = QVBoxLayout(SatisfactionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(SatisfactionDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.titleLabel)

        self.questionsForm = QFormLayout()
        self.questionsForm.setObjectName(u"questionsForm")

        self.mainLayout.addLayout(self.questionsForm)

        self.blockingCheck = QCheckBox(SatisfactionDialog)
        self.blockingCheck.setObjectName(u"blockingCheck")

        self.mainLayout.addWidget(self.blockingCheck)

        self.blockingEdit = QLineEdit(SatisfactionDialog)
        self.blockingEdit.setObjectName(u"blockingEdit")
        self.blockingEdit.setEnabled(False)

        self.mainLayout.addWidget(self.blockingEdit)

        self.buttons = QDialogButtonBox(SatisfactionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttons)


        self.retranslateUi(SatisfactionDialog)
    # setupUi

    def retranslateUi(self, SatisfactionDialog):
        SatisfactionDialog.setWindowTitle(QCoreApplication.translate("SatisfactionDialog", u"Questionnaire de satisfaction", None))
        self.titleLabel.setText("")
        self.blockingCheck.setText("")
    # retranslateUi

