# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'bilan_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTabWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_BilanTab(object):
    def setupUi(self, BilanTab):
        if not BilanTab.objectName():
            BilanTab.setObjectName(u"BilanTab")
        self.mainLayout = QVBoxLayout(BilanTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.asOfLabel = QLabel(BilanTab)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.toolbarLayout.addWidget(self.asOfLabel)

        self.asOfDate = QDateEdit(BilanTab)
        self.asOfDate.setObjectName(u"asOfDate")
        self.asOfDate.setCalendarPopup(True)

        self.toolbarLayout.addWidget(self.asOfDate)

        self.tracesLabel = QLabel(BilanTab)
        self.tracesLabel.setObjectName(u"tracesLabel")

        self.toolbarLayout.addWidget(self.tracesLabel)

        self.toolbarSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.toolbarSpacer)

        self.importTracesButton = QPushButton(BilanTab)
        self.importTracesButton.setObjectName(u"importTracesButton")

        self.toolbarLayout.addWidget(self.importTracesButton)

        self.exportBilanButton = QPushButton(BilanTab)
        self.exportBilanButton.setObjectName(u"exportBilanButton")

        self.toolbarLayout.addWidget(self.exportBilanButton)


        self.mainLayout.addLayout(self.toolbarLayout)

        self.cardsLayout = QHBoxLayout()
        self.cardsLayout.setSpacing(8)
        self.cardsLayout.setObjectName(u"cardsLayout")

        self.mainLayout.addLayout(self.cardsLayout)

        self.decisionLabel = QLabel(BilanTab)
        self.decisionLabel.setObjectName(u"decisionLabel")
        self.decisionLabel.setWordWrap(True)
        self.decisionLabel.setTextFormat(Qt.RichText)

        self.mainLayout.addWidget(self.decisionLabel)

        self.sections = QTabWidget(BilanTab)
        self.sections.setObjectName(u"sections")
        self.doctorsPage = QWidget()
        self.doctorsPage.setObjectName(u"doctorsPage")
        self.doctorsLayout = QVBoxLayout(self.doctorsPage)
        self.doctorsLayout.setObjectName(u"doctorsLayout")
        self.doctorSplitter = QSplitter(self.doctorsPage)
        self.doctorSplitter.setObjectName(u"doctorSplitter")
        self.doctorSplitter.setOrientation(Qt.Horizontal)
        self.doctorSplitter.setChildrenCollapsible(False)
        self.doctorTable = QTableWidget(self.doctorSplitter)
        self.doctorTable.setObjectName(u"doctorTable")
        self.doctorTable.setAlternatingRowColors(True)
        self.doctorTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.doctorTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.doctorTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.doctorSplitter.addWidget(self.doctorTable)
        self.chartHost = QWidget(self.doctorSplitter)
        self.chartHost.setObjectName(u"chartHost")
        self.chartLayout = QVBoxLayout(self.chartHost)
        self.chartLayout.setObjectName(u"chartLayout")
        self.chartLayout.setContentsMargins(0, 0, 0, 0)
        self.doctorSplitter.addWidget(self.chartHost)

        self.doctorsLayout.addWidget(self.doctorSplitter)

        self.sections.addTab(self.doctorsPage, "")
        self.operationsPage = QWidget()
        self.operationsPage.setObjectName(u"operationsPage")
        self.operationsLayout = QVBoxLayout(self.operationsPage)
        self.operationsLayout.setObjectName(u"operationsLayout")
        self.operationsTable = QTableWidget(self.operationsPage)
        self.operationsTable.setObjectName(u"operationsTable")
        self.operationsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.operationsLayout.addWidget(self.operationsTable)

        self.registrationLabel = QLabel(self.operationsPage)
        self.registrationLabel.setObjectName(u"registrationLabel")
        self.registrationLabel.setWordWrap(True)

        self.operationsLayout.addWidget(self.registrationLabel)

        self.sections.addTab(self.operationsPage, "")
        self.prerequisitesPage = QWidget()
        self.prerequisitesPage.setObjectName(u"prerequisitesPage")
        self.prerequisitesLayout = QVBoxLayout(self.prerequisitesPage)
        self.prerequisitesLayout.setObjectName(u"prerequisitesLayout")
        self.prerequisitesList = QListWidget(self.prerequisitesPage)
        self.prerequisitesList.setObjectName(u"prerequisitesList")
        self.prerequisitesList.setWordWrap(True)

        self.prerequisitesLayout.addWidget(self.prerequisitesList)

        self.prerequisitesForm = QHBoxLayout()
        self.prerequisitesForm.setObjectName(u"prerequisitesForm")
        self.prerequisiteEdit = QLineEdit(self.prerequisitesPage)
        self.prerequisiteEdit.setObjectName(u"prerequisiteEdit")

        self.prerequisitesForm.addWidget(self.prerequisiteEdit)

        self.addPrerequisiteButton = QPushButton(self.prerequisitesPage)
        self.addPrerequisiteButton.setObjectName(u"addPrerequisiteButton")

        self.prerequisitesForm.addWidget(self.addPrerequisiteButton)

        self.validatePrerequisitesButton = QPushButton(self.prerequisitesPage)
        self.validatePrerequisitesButton.setObjectName(u"validatePrerequisitesButton")

        self.prerequisitesForm.addWidget(self.validatePrerequisitesButton)


        self.prerequisitesLayout.addLayout(self.prerequisitesForm)

        self.prerequisitesStatus = QLabel(self.prerequisitesPage)
        self.prerequisitesStatus.setObjectName(u"prerequisitesStatus")

        self.prerequisitesLayout.addWidget(self.prerequisitesStatus)

        self.sections.addTab(self.prerequisitesPage, "")
        self.satisfactionPage = QWidget()
        self.satisfactionPage.setObjectName(u"satisfactionPage")
        self.satisfactionLayout = QVBoxLayout(self.satisfactionPage)
        self.satisfactionLayout.setObjectName(u"satisfactionLayout")
        self.satisfactionTable = QTableWidget(self.satisfactionPage)
        self.satisfactionTable.setObjectName(u"satisfactionTable")
        self.satisfactionTable.setAlternatingRowColors(True)
        self.satisfactionTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.satisfactionTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.satisfactionTable.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.satisfactionLayout.addWidget(self.satisfactionTable)

        self.satisfactionButtons = QHBoxLayout()
        self.satisfactionButtons.setObjectName(u"satisfactionButtons")
        self.answerButton = QPushButton(self.satisfactionPage)
        self.answerButton.setObjectName(u"answerButton")

        self.satisfactionButtons.addWidget(self.answerButton)

        self.importAnswersButton = QPushButton(self.satisfactionPage)
        self.importAnswersButton.setObjectName(u"importAnswersButton")

        self.satisfactionButtons.addWidget(self.importAnswersButton)

        self.answersTemplateButton = QPushButton(self.satisfactionPage)
        self.answersTemplateButton.setObjectName(u"answersTemplateButton")

        self.satisfactionButtons.addWidget(self.answersTemplateButton)

        self.satisfactionSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.satisfactionButtons.addItem(self.satisfactionSpacer)


        self.satisfactionLayout.addLayout(self.satisfactionButtons)

        self.sections.addTab(self.satisfactionPage, "")
        self.anomaliesPage = QWidget()
        self.anomaliesPage.setObjectName(u"anomaliesPage")
        self.anomaliesLayout = QVBoxLayout(self.anomaliesPage)
        self.anomaliesLayout.setObjectName(u"anomaliesLayout")
        self.anomalyTable = QTableWidget(self.anomaliesPage)
        self.anomalyTable.setObjectName(u"anomalyTable")
        self.anomalyTable.setAlternatingRowColors(True)
        self.anomalyTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.anomalyTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.anomalyTable.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.anomaliesLayout.addWidget(self.anomalyTable)

        self.anomalyForm = QHBoxLayout()
        self.anomalyForm.setObjectName(u"anomalyForm")
        self.anomalyOperation = QComboBox(self.anomaliesPage)
        self.anomalyOperation.setObjectName(u"anomalyOperation")

        self.anomalyForm.addWidget(self.anomalyOperation)

        self.anomalyEdit = QLineEdit(self.anomaliesPage)
        self.anomalyEdit.setObjectName(u"anomalyEdit")

        self.anomalyForm.addWidget(self.anomalyEdit)

        self.anomalyBlocking = QCheckBox(self.anomaliesPage)
        self.anomalyBlocking.setObjectName(u"anomalyBlocking")

        self.anomalyForm.addWidget(self.anomalyBlocking)

        self.addAnomalyButton = QPushButton(self.anomaliesPage)
        self.addAnomalyButton.setObjectName(u"addAnomalyButton")

        self.anomalyForm.addWidget(self.addAnomalyButton)

        self.closeAnomalyButton = QPushButton(self.anomaliesPage)
        self.closeAnomalyButton.setObjectName(u"closeAnomalyButton")

        self.anomalyForm.addWidget(self.closeAnomalyButton)


        self.anomaliesLayout.addLayout(self.anomalyForm)

        self.sections.addTab(self.anomaliesPage, "")
        self.importsPage = QWidget()
        self.importsPage.setObjectName(u"importsPage")
        self.importsLayout = QVBoxLayout(self.importsPage)
        self.importsLayout.setObjectName(u"importsLayout")
        self.importsTable = QTableWidget(self.importsPage)
        self.importsTable.setObjectName(u"importsTable")
        self.importsTable.setAlternatingRowColors(True)
        self.importsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.importsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.importsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.importsLayout.addWidget(self.importsTable)

        self.importsButtons = QHBoxLayout()
        self.importsButtons.setObjectName(u"importsButtons")
        self.undoImportButton = QPushButton(self.importsPage)
        self.undoImportButton.setObjectName(u"undoImportButton")

        self.importsButtons.addWidget(self.undoImportButton)

        self.importsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.importsButtons.addItem(self.importsSpacer)


        self.importsLayout.addLayout(self.importsButtons)

        self.sections.addTab(self.importsPage, "")

        self.mainLayout.addWidget(self.sections)

#if QT_CONFIG(shortcut)
        self.asOfLabel.setBuddy(self.asOfDate)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BilanTab)
    # setupUi

    def retranslateUi(self, BilanTab):
        self.asOfLabel.setText(QCoreApplication.translate("BilanTab", u"Bilan &au", None))
        self.asOfDate.setDisplayFormat(QCoreApplication.translate("BilanTab", u"dd/MM/yyyy", None))
        self.tracesLabel.setText("")
        self.importTracesButton.setText(QCoreApplication.translate("BilanTab", u"&Importer des traces\u2026", None))
        self.exportBilanButton.setText(QCoreApplication.translate("BilanTab", u"E&xporter le bilan\u2026", None))
        self.decisionLabel.setText("")
#if QT_CONFIG(accessibility)
        self.doctorTable.setAccessibleName(QCoreApplication.translate("BilanTab", u"M\u00e9decins du bilan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.doctorTable.setAccessibleDescription(QCoreApplication.translate("BilanTab", u"Prescriptions, prescriptions num\u00e9riques et taux de chaque m\u00e9decin ; choisir une ligne affiche ses graphiques.", None))
#endif // QT_CONFIG(accessibility)
        self.sections.setTabText(self.sections.indexOf(self.doctorsPage), QCoreApplication.translate("BilanTab", u"M\u00e9decins", None))
#if QT_CONFIG(accessibility)
        self.operationsTable.setAccessibleName(QCoreApplication.translate("BilanTab", u"Op\u00e9rations du bilan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.operationsTable.setAccessibleDescription(QCoreApplication.translate("BilanTab", u"Op\u00e9rations r\u00e9ussies et tent\u00e9es par type : cr\u00e9er, consulter, rechercher.", None))
#endif // QT_CONFIG(accessibility)
        self.registrationLabel.setText("")
        self.sections.setTabText(self.sections.indexOf(self.operationsPage), QCoreApplication.translate("BilanTab", u"Op\u00e9rations", None))
#if QT_CONFIG(accessibility)
        self.prerequisitesList.setAccessibleName(QCoreApplication.translate("BilanTab", u"Pr\u00e9requis techniques", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.prerequisitesList.setAccessibleDescription(QCoreApplication.translate("BilanTab", u"Liste des pr\u00e9requis techniques relev\u00e9s pour le d\u00e9ploiement.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.prerequisiteEdit.setAccessibleName(QCoreApplication.translate("BilanTab", u"Nouveau pr\u00e9requis technique", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.prerequisiteEdit.setAccessibleDescription(QCoreApplication.translate("BilanTab", u"Saisissez le pr\u00e9requis puis ajoutez-le avec le bouton voisin.", None))
#endif // QT_CONFIG(accessibility)
        self.prerequisiteEdit.setPlaceholderText(QCoreApplication.translate("BilanTab", u"Nouveau pr\u00e9requis technique au d\u00e9ploiement\u2026", None))
        self.addPrerequisiteButton.setText(QCoreApplication.translate("BilanTab", u"Ajouter", None))
        self.validatePrerequisitesButton.setText(QCoreApplication.translate("BilanTab", u"Valider la liste", None))
        self.prerequisitesStatus.setText("")
        self.sections.setTabText(self.sections.indexOf(self.prerequisitesPage), QCoreApplication.translate("BilanTab", u"Pr\u00e9requis techniques", None))
#if QT_CONFIG(accessibility)
        self.satisfactionTable.setAccessibleName(QCoreApplication.translate("BilanTab", u"R\u00e9ponses au questionnaire de satisfaction", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.satisfactionTable.setAccessibleDescription(QCoreApplication.translate("BilanTab", u"Une ligne par m\u00e9decin : r\u00e9ponses et freins bloquants.", None))
#endif // QT_CONFIG(accessibility)
        self.answerButton.setText(QCoreApplication.translate("BilanTab", u"Saisir la r\u00e9ponse du m\u00e9decin s\u00e9lectionn\u00e9\u2026", None))
        self.importAnswersButton.setText(QCoreApplication.translate("BilanTab", u"Importer les r\u00e9ponses\u2026", None))
#if QT_CONFIG(tooltip)
        self.importAnswersButton.setToolTip(QCoreApplication.translate("BilanTab", u"Classeur des r\u00e9ponses au questionnaire, une ligne par m\u00e9decin", None))
#endif // QT_CONFIG(tooltip)
        self.answersTemplateButton.setText(QCoreApplication.translate("BilanTab", u"Questionnaire \u00e0 remplir\u2026", None))
#if QT_CONFIG(tooltip)
        self.answersTemplateButton.setToolTip(QCoreApplication.translate("BilanTab", u"Classeur vierge pr\u00e9-rempli avec les m\u00e9decins utilisateurs", None))
#endif // QT_CONFIG(tooltip)
        self.sections.setTabText(self.sections.indexOf(self.satisfactionPage), QCoreApplication.translate("BilanTab", u"Satisfaction", None))
#if QT_CONFIG(accessibility)
        self.anomalyTable.setAccessibleName(QCoreApplication.translate("BilanTab", u"Anomalies", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.anomalyTable.setAccessibleDescription(QCoreApplication.translate("BilanTab", u"Anomalies d\u00e9clar\u00e9es, avec leur gravit\u00e9 et leurs dates d'ouverture et de cl\u00f4ture.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.anomalyEdit.setAccessibleName(QCoreApplication.translate("BilanTab", u"Description de la nouvelle anomalie", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.anomalyEdit.setAccessibleDescription(QCoreApplication.translate("BilanTab", u"D\u00e9crivez l'anomalie puis d\u00e9clarez-la avec le bouton voisin.", None))
#endif // QT_CONFIG(accessibility)
        self.anomalyEdit.setPlaceholderText(QCoreApplication.translate("BilanTab", u"Description de l'anomalie\u2026", None))
        self.anomalyBlocking.setText(QCoreApplication.translate("BilanTab", u"Bloquante", None))
        self.addAnomalyButton.setText(QCoreApplication.translate("BilanTab", u"Ajouter", None))
        self.closeAnomalyButton.setText(QCoreApplication.translate("BilanTab", u"Clore l'anomalie s\u00e9lectionn\u00e9e", None))
        self.sections.setTabText(self.sections.indexOf(self.anomaliesPage), QCoreApplication.translate("BilanTab", u"Anomalies", None))
#if QT_CONFIG(accessibility)
        self.importsTable.setAccessibleName(QCoreApplication.translate("BilanTab", u"Imports de traces", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.importsTable.setAccessibleDescription(QCoreApplication.translate("BilanTab", u"Fichiers de traces import\u00e9s : date, lignes retenues et lignes refus\u00e9es.", None))
#endif // QT_CONFIG(accessibility)
        self.undoImportButton.setText(QCoreApplication.translate("BilanTab", u"Retirer les lignes de l'import s\u00e9lectionn\u00e9\u2026", None))
#if QT_CONFIG(tooltip)
        self.undoImportButton.setToolTip(QCoreApplication.translate("BilanTab", u"Supprime les lignes apport\u00e9es par ce fichier (une copie de sauvegarde est faite avant)", None))
#endif // QT_CONFIG(tooltip)
        self.sections.setTabText(self.sections.indexOf(self.importsPage), QCoreApplication.translate("BilanTab", u"Imports de traces", None))
        pass
    # retranslateUi

