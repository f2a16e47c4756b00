# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'close_bilan_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_CloseBilanDialog(object):
    def setupUi(self, CloseBilanDialog):
        if not CloseBilanDialog.objectName():
            CloseBilanDialog.setObjectName(u"CloseBilanDialog")
        CloseBilanDialog.setMinimumWidth(560)
        self.mainLayout = QVBoxLayout(CloseBilanDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CloseBilanDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.asOfLabel = QLabel(CloseBilanDialog)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.asOfLabel)

        self.asOfDate = QDateEdit(CloseBilanDialog)
        self.asOfDate.setObjectName(u"asOfDate")
        self.asOfDate.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.asOfDate)

        self.meetingLabel = QLabel(CloseBilanDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.meetingLabel)

        self.meetingDate = QDateEdit(CloseBilanDialog)
        self.meetingDate.setObjectName(u"meetingDate")
        self.meetingDate.setCalendarPopup(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.meetingDate)

        self.signatoriesLabel = QLabel(CloseBilanDialog)
        self.signatoriesLabel.setObjectName(u"signatoriesLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.signatoriesLabel)

        self.signatoriesEdit = QLineEdit(CloseBilanDialog)
        self.signatoriesEdit.setObjectName(u"signatoriesEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.signatoriesEdit)


        self.mainLayout.addLayout(self.form)

        self.decisionLabel = QLabel(CloseBilanDialog)
        self.decisionLabel.setObjectName(u"decisionLabel")
        self.decisionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.decisionLabel)

        self.buttons = QDialogButtonBox(CloseBilanDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.asOfLabel.setBuddy(self.asOfDate)
        self.meetingLabel.setBuddy(self.meetingDate)
        self.signatoriesLabel.setBuddy(self.signatoriesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CloseBilanDialog)
    # setupUi

    def retranslateUi(self, CloseBilanDialog):
        CloseBilanDialog.setWindowTitle(QCoreApplication.translate("CloseBilanDialog", u"Clore le bilan", None))
        self.introLabel.setText(QCoreApplication.translate("CloseBilanDialog", u"Le bilan clos est gard\u00e9 tel quel dans le fichier de suivi : ses chiffres, son empreinte, le PDF sign\u00e9 et la d\u00e9cision. Les imports, annulations et modifications de l'effectif qui suivront ne le changeront pas.", None))
        self.asOfLabel.setText(QCoreApplication.translate("CloseBilanDialog", u"Bilan arr\u00eat\u00e9 au :", None))
        self.asOfDate.setDisplayFormat(QCoreApplication.translate("CloseBilanDialog", u"dd/MM/yyyy", None))
        self.meetingLabel.setText(QCoreApplication.translate("CloseBilanDialog", u"R\u00e9union de bilan du :", None))
        self.meetingDate.setDisplayFormat(QCoreApplication.translate("CloseBilanDialog", u"dd/MM/yyyy", None))
        self.signatoriesLabel.setText(QCoreApplication.translate("CloseBilanDialog", u"Signataires :", None))
        self.signatoriesEdit.setPlaceholderText(QCoreApplication.translate("CloseBilanDialog", u"noms et fonctions (Assurance Maladie, \u00e9diteur)", None))
        self.decisionLabel.setText("")
    # retranslateUi

