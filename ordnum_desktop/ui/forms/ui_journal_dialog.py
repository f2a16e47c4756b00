# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'journal_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QSizePolicy, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_JournalDialog(object):
    def setupUi(self, JournalDialog):
        if not JournalDialog.objectName():
            JournalDialog.setObjectName(u"JournalDialog")
        JournalDialog.setMinimumWidth(900)
        JournalDialog.setMinimumHeight(520)
        self.mainLayout = QVBoxLayout(JournalDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.filterLabel = QLabel(JournalDialog)
        self.filterLabel.setObjectName(u"filterLabel")

        self.filterLayout.addWidget(self.filterLabel)

        self.filterEdit = QLineEdit(JournalDialog)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.filterEdit)

        self.countLabel = QLabel(JournalDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.filterLayout.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.filterLayout)

        self.entriesTable = QTableWidget(JournalDialog)
        self.entriesTable.setObjectName(u"entriesTable")
        self.entriesTable.setAlternatingRowColors(True)
        self.entriesTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.entriesTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.entriesTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.entriesTable.setWordWrap(False)
        self.entriesTable.setTextElideMode(Qt.ElideRight)

        self.mainLayout.addWidget(self.entriesTable)

        self.detailLabel = QLabel(JournalDialog)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setMinimumHeight(40)
        self.detailLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.detailLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.detailLabel)

        self.buttons = QDialogButtonBox(JournalDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.filterLabel.setBuddy(self.filterEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(JournalDialog)
    # setupUi

    def retranslateUi(self, JournalDialog):
        JournalDialog.setWindowTitle(QCoreApplication.translate("JournalDialog", u"Journal des modifications", None))
        self.filterLabel.setText(QCoreApplication.translate("JournalDialog", u"&Filtrer", None))
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("JournalDialog", u"Nom, action, champ, valeur\u2026", None))
        self.countLabel.setText("")
#if QT_CONFIG(accessibility)
        self.entriesTable.setAccessibleName(QCoreApplication.translate("JournalDialog", u"Journal des modifications", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.entriesTable.setAccessibleDescription(QCoreApplication.translate("JournalDialog", u"Une ligne par modification : date, auteur et changement.", None))
#endif // QT_CONFIG(accessibility)
        self.detailLabel.setText("")
    # retranslateUi

