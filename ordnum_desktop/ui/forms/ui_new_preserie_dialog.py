# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_preserie_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_NewPreserieDialog(object):
    def setupUi(self, NewPreserieDialog):
        if not NewPreserieDialog.objectName():
            NewPreserieDialog.setObjectName(u"NewPreserieDialog")
        NewPreserieDialog.setMinimumWidth(620)
        self.mainLayout = QVBoxLayout(NewPreserieDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.editorLabel = QLabel(NewPreserieDialog)
        self.editorLabel.setObjectName(u"editorLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.editorLabel)

        self.editorEdit = QLineEdit(NewPreserieDialog)
        self.editorEdit.setObjectName(u"editorEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.editorEdit)

        self.softwareLabel = QLabel(NewPreserieDialog)
        self.softwareLabel.setObjectName(u"softwareLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.softwareLabel)

        self.softwareEdit = QLineEdit(NewPreserieDialog)
        self.softwareEdit.setObjectName(u"softwareEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.softwareEdit)

        self.versionLabel = QLabel(NewPreserieDialog)
        self.versionLabel.setObjectName(u"versionLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.versionLabel)

        self.versionEdit = QLineEdit(NewPreserieDialog)
        self.versionEdit.setObjectName(u"versionEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.versionEdit)

        self.moduleLabel = QLabel(NewPreserieDialog)
        self.moduleLabel.setObjectName(u"moduleLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.moduleLabel)

        self.moduleEdit = QLineEdit(NewPreserieDialog)
        self.moduleEdit.setObjectName(u"moduleEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.moduleEdit)

        self.cndaReferenceLabel = QLabel(NewPreserieDialog)
        self.cndaReferenceLabel.setObjectName(u"cndaReferenceLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.cndaReferenceLabel)

        self.cndaReferenceEdit = QLineEdit(NewPreserieDialog)
        self.cndaReferenceEdit.setObjectName(u"cndaReferenceEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.cndaReferenceEdit)

        self.cndaDateCheck = QCheckBox(NewPreserieDialog)
        self.cndaDateCheck.setObjectName(u"cndaDateCheck")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.cndaDateCheck)

        self.cndaDate = QDateEdit(NewPreserieDialog)
        self.cndaDate.setObjectName(u"cndaDate")
        self.cndaDate.setCalendarPopup(True)
        self.cndaDate.setEnabled(False)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.cndaDate)

        self.exerciseLabel = QLabel(NewPreserieDialog)
        self.exerciseLabel.setObjectName(u"exerciseLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.exerciseLabel)

        self.exerciseCombo = QComboBox(NewPreserieDialog)
        self.exerciseCombo.setObjectName(u"exerciseCombo")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.exerciseCombo)

        self.smallShareCheck = QCheckBox(NewPreserieDialog)
        self.smallShareCheck.setObjectName(u"smallShareCheck")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.smallShareCheck)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(NewPreserieDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(NewPreserieDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.editorLabel.setBuddy(self.editorEdit)
        self.softwareLabel.setBuddy(self.softwareEdit)
        self.versionLabel.setBuddy(self.versionEdit)
        self.moduleLabel.setBuddy(self.moduleEdit)
        self.cndaReferenceLabel.setBuddy(self.cndaReferenceEdit)
        self.exerciseLabel.setBuddy(self.exerciseCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewPreserieDialog)
    # setupUi

    def retranslateUi(self, NewPreserieDialog):
        NewPreserieDialog.setWindowTitle(QCoreApplication.translate("NewPreserieDialog", u"Nouvelle pr\u00e9s\u00e9rie", None))
        self.editorLabel.setText(QCoreApplication.translate("NewPreserieDialog", u"\u00c9diteur :", None))
        self.softwareLabel.setText(QCoreApplication.translate("NewPreserieDialog", u"Logiciel :", None))
        self.versionLabel.setText(QCoreApplication.translate("NewPreserieDialog", u"Version :", None))
        self.moduleLabel.setText(QCoreApplication.translate("NewPreserieDialog", u"Module Ordonnance num\u00e9rique :", None))
        self.cndaReferenceLabel.setText(QCoreApplication.translate("NewPreserieDialog", u"R\u00e9f\u00e9rence CNDA :", None))
        self.cndaDateCheck.setText(QCoreApplication.translate("NewPreserieDialog", u"Autorisation CNDA du :", None))
#if QT_CONFIG(accessibility)
        self.cndaDate.setAccessibleName(QCoreApplication.translate("NewPreserieDialog", u"Date de l'autorisation CNDA", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.cndaDate.setAccessibleDescription(QCoreApplication.translate("NewPreserieDialog", u"Cochez la case voisine pour saisir la date de l'autorisation CNDA.", None))
#endif // QT_CONFIG(accessibility)
        self.cndaDate.setDisplayFormat(QCoreApplication.translate("NewPreserieDialog", u"dd/MM/yyyy", None))
        self.exerciseLabel.setText(QCoreApplication.translate("NewPreserieDialog", u"Type d'exercice :", None))
        self.smallShareCheck.setText(QCoreApplication.translate("NewPreserieDialog", u"Part de march\u00e9 SESAM-Vitale inf\u00e9rieure \u00e0 1 %\n"
"(3 PS au minimum)", None))
        self.errorLabel.setText("")
    # retranslateUi

