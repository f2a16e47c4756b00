# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ps_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QVBoxLayout, QWidget)

class Ui_PsTab(object):
    def setupUi(self, PsTab):
        if not PsTab.objectName():
            PsTab.setObjectName(u"PsTab")
        self.mainLayout = QVBoxLayout(PsTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.filterEdit = QLineEdit(PsTab)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)
        self.filterEdit.setMinimumWidth(180)
        self.filterEdit.setMaximumWidth(320)

        self.toolbarLayout.addWidget(self.filterEdit)

        self.addButton = QPushButton(PsTab)
        self.addButton.setObjectName(u"addButton")

        self.toolbarLayout.addWidget(self.addButton)

        self.deleteButton = QPushButton(PsTab)
        self.deleteButton.setObjectName(u"deleteButton")

        self.toolbarLayout.addWidget(self.deleteButton)

        self.toolbarSpacer = QSpacerItem(0, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.toolbarSpacer)

        self.importButton = QPushButton(PsTab)
        self.importButton.setObjectName(u"importButton")

        self.toolbarLayout.addWidget(self.importButton)

        self.exportButton = QPushButton(PsTab)
        self.exportButton.setObjectName(u"exportButton")

        self.toolbarLayout.addWidget(self.exportButton)

        self.templateButton = QPushButton(PsTab)
        self.templateButton.setObjectName(u"templateButton")

        self.toolbarLayout.addWidget(self.templateButton)


        self.mainLayout.addLayout(self.toolbarLayout)

        self.splitter = QSplitter(PsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSortingEnabled(True)
        self.splitter.addWidget(self.table)
        self.rulesBox = QWidget(self.splitter)
        self.rulesBox.setObjectName(u"rulesBox")
        self.rulesLayout = QVBoxLayout(self.rulesBox)
        self.rulesLayout.setObjectName(u"rulesLayout")
        self.rulesLayout.setContentsMargins(0, 0, 0, 0)
        self.rulesTitle = QLabel(self.rulesBox)
        self.rulesTitle.setObjectName(u"rulesTitle")
        self.rulesTitle.setWordWrap(True)

        self.rulesLayout.addWidget(self.rulesTitle)

        self.rulesList = QListWidget(self.rulesBox)
        self.rulesList.setObjectName(u"rulesList")
        self.rulesList.setWordWrap(True)

        self.rulesLayout.addWidget(self.rulesList)

        self.splitter.addWidget(self.rulesBox)

        self.mainLayout.addWidget(self.splitter)


        self.retranslateUi(PsTab)
    # setupUi

    def retranslateUi(self, PsTab):
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleName(QCoreApplication.translate("PsTab", u"Filtrer l'effectif", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleDescription(QCoreApplication.translate("PsTab", u"Filtre les m\u00e9decins par nom, identifiant ou tout autre texte.", None))
#endif // QT_CONFIG(accessibility)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("PsTab", u"Filtrer : nom, n\u00b0 AM, CPAM\u2026", None))
        self.addButton.setText(QCoreApplication.translate("PsTab", u"&Ajouter un m\u00e9decin", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("PsTab", u"Ajouter une ligne \u00e0 l'effectif (Ctrl+Maj+A)", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("PsTab", u"&Supprimer", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("PsTab", u"Supprimer le m\u00e9decin s\u00e9lectionn\u00e9 (Suppr) \u2014 annulable avec Ctrl+Z", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("PsTab", u"&Importer l'effectif\u2026", None))
        self.exportButton.setText(QCoreApplication.translate("PsTab", u"E&xporter l'effectif\u2026", None))
        self.templateButton.setText(QCoreApplication.translate("PsTab", u"&Mod\u00e8le vierge\u2026", None))
#if QT_CONFIG(tooltip)
        self.templateButton.setToolTip(QCoreApplication.translate("PsTab", u"Enregistrer le classeur mod\u00e8le \u00e0 faire remplir par l'\u00e9diteur", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("PsTab", u"Effectif des m\u00e9decins", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleDescription(QCoreApplication.translate("PsTab", u"Une ligne par m\u00e9decin ; une cellule en erreur est color\u00e9e et son motif est donn\u00e9 en info-bulle ; l'en-t\u00eate de ligne porte \u2716 quand la ligne a une erreur.", None))
#endif // QT_CONFIG(accessibility)
        self.rulesTitle.setText(QCoreApplication.translate("PsTab", u"Contr\u00f4le de l'effectif", None))
#if QT_CONFIG(accessibility)
        self.rulesList.setAccessibleName(QCoreApplication.translate("PsTab", u"R\u00e8gles de la pr\u00e9s\u00e9rie", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.rulesList.setAccessibleDescription(QCoreApplication.translate("PsTab", u"Erreurs et avertissements sur l'effectif ; double-cliquez pour aller \u00e0 la cellule en cause.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.rulesList.setToolTip(QCoreApplication.translate("PsTab", u"Double-cliquez sur un message pour aller \u00e0 la cellule concern\u00e9e", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

