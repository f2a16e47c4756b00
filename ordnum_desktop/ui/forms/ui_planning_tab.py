# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'planning_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QDateEdit,
    QFrame, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QVBoxLayout, QWidget)

class Ui_PlanningTab(object):
    def setupUi(self, PlanningTab):
        if not PlanningTab.objectName():
            PlanningTab.setObjectName(u"PlanningTab")
        self.mainLayout = QVBoxLayout(PlanningTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.prerequisitesBox = QGroupBox(PlanningTab)
        self.prerequisitesBox.setObjectName(u"prerequisitesBox")
        self.prerequisitesLayout = QVBoxLayout(self.prerequisitesBox)
        self.prerequisitesLayout.setObjectName(u"prerequisitesLayout")
        self.prerequisitesLayout.setContentsMargins(-1, 2, -1, 2)
        self.prerequisitesList = QListWidget(self.prerequisitesBox)
        self.prerequisitesList.setObjectName(u"prerequisitesList")
        self.prerequisitesList.setMaximumHeight(60)
        self.prerequisitesList.setFrameShape(QFrame.NoFrame)

        self.prerequisitesLayout.addWidget(self.prerequisitesList)


        self.mainLayout.addWidget(self.prerequisitesBox)

        self.kickoffBox = QGroupBox(PlanningTab)
        self.kickoffBox.setObjectName(u"kickoffBox")
        self.kickoffLayout = QHBoxLayout(self.kickoffBox)
        self.kickoffLayout.setObjectName(u"kickoffLayout")
        self.kickoffHeld = QCheckBox(self.kickoffBox)
        self.kickoffHeld.setObjectName(u"kickoffHeld")

        self.kickoffLayout.addWidget(self.kickoffHeld)

        self.kickoffDate = QDateEdit(self.kickoffBox)
        self.kickoffDate.setObjectName(u"kickoffDate")
        self.kickoffDate.setCalendarPopup(True)

        self.kickoffLayout.addWidget(self.kickoffDate)

        self.participantsLabel = QLabel(self.kickoffBox)
        self.participantsLabel.setObjectName(u"participantsLabel")

        self.kickoffLayout.addWidget(self.participantsLabel)

        self.participantsEdit = QLineEdit(self.kickoffBox)
        self.participantsEdit.setObjectName(u"participantsEdit")

        self.kickoffLayout.addWidget(self.participantsEdit)

        self.saveKickoffButton = QPushButton(self.kickoffBox)
        self.saveKickoffButton.setObjectName(u"saveKickoffButton")

        self.kickoffLayout.addWidget(self.saveKickoffButton)


        self.mainLayout.addWidget(self.kickoffBox)

        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.planHint = QLabel(PlanningTab)
        self.planHint.setObjectName(u"planHint")

        self.toolbarLayout.addWidget(self.planHint)

        self.toolbarSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.toolbarSpacer)

        self.exportButton = QPushButton(PlanningTab)
        self.exportButton.setObjectName(u"exportButton")

        self.toolbarLayout.addWidget(self.exportButton)


        self.mainLayout.addLayout(self.toolbarLayout)

        self.splitter = QSplitter(PlanningTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.splitter.addWidget(self.table)
        self.chartHost = QWidget(self.splitter)
        self.chartHost.setObjectName(u"chartHost")
        self.chartLayout = QVBoxLayout(self.chartHost)
        self.chartLayout.setObjectName(u"chartLayout")
        self.chartLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.chartHost)

        self.mainLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.participantsLabel.setBuddy(self.participantsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanningTab)
    # setupUi

    def retranslateUi(self, PlanningTab):
        self.prerequisitesBox.setTitle(QCoreApplication.translate("PlanningTab", u"Pr\u00e9requis au lancement (cochez quand c'est fait : la date du jour est not\u00e9e)", None))
#if QT_CONFIG(accessibility)
        self.prerequisitesList.setAccessibleName(QCoreApplication.translate("PlanningTab", u"Pr\u00e9requis au lancement", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.prerequisitesList.setAccessibleDescription(QCoreApplication.translate("PlanningTab", u"Les trois pr\u00e9requis au lancement de la pr\u00e9s\u00e9rie ; cochez quand c'est fait.", None))
#endif // QT_CONFIG(accessibility)
        self.kickoffBox.setTitle(QCoreApplication.translate("PlanningTab", u"R\u00e9union de lancement", None))
        self.kickoffHeld.setText(QCoreApplication.translate("PlanningTab", u"Tenue le", None))
        self.kickoffDate.setDisplayFormat(QCoreApplication.translate("PlanningTab", u"dd/MM/yyyy", None))
        self.participantsLabel.setText(QCoreApplication.translate("PlanningTab", u"Participants :", None))
        self.participantsEdit.setPlaceholderText(QCoreApplication.translate("PlanningTab", u"\u00c9diteur, Cnam, GIE SESAM-Vitale, CPAM\u2026", None))
        self.saveKickoffButton.setText(QCoreApplication.translate("PlanningTab", u"Enregistrer", None))
        self.planHint.setText(QCoreApplication.translate("PlanningTab", u"Double-cliquez sur une date pour la saisir ; videz-la avec Suppr.", None))
        self.exportButton.setText(QCoreApplication.translate("PlanningTab", u"E&xporter le planning\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("PlanningTab", u"Un classeur pour l'ensemble et un par CPAM, dans le dossier choisi", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("PlanningTab", u"Planning des installations", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleDescription(QCoreApplication.translate("PlanningTab", u"Une ligne par m\u00e9decin : installation pr\u00e9vue, r\u00e9alis\u00e9e et premi\u00e8re e-prescription.", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

