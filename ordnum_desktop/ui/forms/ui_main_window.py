# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QHBoxLayout,
    QLabel, QMainWindow, QMenu, QMenuBar,
    QPushButton, QSizePolicy, QSpacerItem, QStatusBar,
    QTabWidget, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.actionNew = QAction(MainWindow)
        self.actionNew.setObjectName(u"actionNew")
        self.actionOpen = QAction(MainWindow)
        self.actionOpen.setObjectName(u"actionOpen")
        self.actionSaveCopy = QAction(MainWindow)
        self.actionSaveCopy.setObjectName(u"actionSaveCopy")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionNewPreserie = QAction(MainWindow)
        self.actionNewPreserie.setObjectName(u"actionNewPreserie")
        self.actionImportTraces = QAction(MainWindow)
        self.actionImportTraces.setObjectName(u"actionImportTraces")
        self.actionExportBilan = QAction(MainWindow)
        self.actionExportBilan.setObjectName(u"actionExportBilan")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setSpacing(6)
        self.centralLayout.setObjectName(u"centralLayout")
        self.headerFrame = QFrame(self.centralwidget)
        self.headerFrame.setObjectName(u"headerFrame")
        self.headerFrame.setFrameShape(QFrame.StyledPanel)
        self.headerOuterLayout = QVBoxLayout(self.headerFrame)
        self.headerOuterLayout.setSpacing(2)
        self.headerOuterLayout.setObjectName(u"headerOuterLayout")
        self.headerOuterLayout.setContentsMargins(8, 4, 8, 4)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.preserieLabel = QLabel(self.headerFrame)
        self.preserieLabel.setObjectName(u"preserieLabel")

        self.headerLayout.addWidget(self.preserieLabel)

        self.preserieCombo = QComboBox(self.headerFrame)
        self.preserieCombo.setObjectName(u"preserieCombo")
        self.preserieCombo.setMinimumWidth(320)

        self.headerLayout.addWidget(self.preserieCombo)

        self.newPreserieButton = QPushButton(self.headerFrame)
        self.newPreserieButton.setObjectName(u"newPreserieButton")

        self.headerLayout.addWidget(self.newPreserieButton)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.statusBadge = QLabel(self.headerFrame)
        self.statusBadge.setObjectName(u"statusBadge")

        self.headerLayout.addWidget(self.statusBadge)


        self.headerOuterLayout.addLayout(self.headerLayout)

        self.datesLabel = QLabel(self.headerFrame)
        self.datesLabel.setObjectName(u"datesLabel")
        self.datesLabel.setTextFormat(Qt.RichText)

        self.headerOuterLayout.addWidget(self.datesLabel)


        self.centralLayout.addWidget(self.headerFrame)

        self.tabs = QTabWidget(self.centralwidget)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
        self.psPage = QWidget()
        self.psPage.setObjectName(u"psPage")
        self.psPageLayout = QVBoxLayout(self.psPage)
        self.psPageLayout.setObjectName(u"psPageLayout")
        self.psPageLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.psPage, "")
        self.cpamPage = QWidget()
        self.cpamPage.setObjectName(u"cpamPage")
        self.cpamPageLayout = QVBoxLayout(self.cpamPage)
        self.cpamPageLayout.setObjectName(u"cpamPageLayout")
        self.cpamPageLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.cpamPage, "")
        self.planningPage = QWidget()
        self.planningPage.setObjectName(u"planningPage")
        self.planningPageLayout = QVBoxLayout(self.planningPage)
        self.planningPageLayout.setObjectName(u"planningPageLayout")
        self.planningPageLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.planningPage, "")
        self.bilanPage = QWidget()
        self.bilanPage.setObjectName(u"bilanPage")
        self.bilanPageLayout = QVBoxLayout(self.bilanPage)
        self.bilanPageLayout.setObjectName(u"bilanPageLayout")
        self.bilanPageLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.bilanPage, "")

        self.centralLayout.addWidget(self.tabs)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuRecent = QMenu(self.menuFile)
        self.menuRecent.setObjectName(u"menuRecent")
        self.menuEdit = QMenu(self.menubar)
        self.menuEdit.setObjectName(u"menuEdit")
        self.menuPreserie = QMenu(self.menubar)
        self.menuPreserie.setObjectName(u"menuPreserie")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.preserieLabel.setBuddy(self.preserieCombo)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuEdit.menuAction())
        self.menubar.addAction(self.menuPreserie.menuAction())
        self.menuFile.addAction(self.actionNew)
        self.menuFile.addAction(self.actionOpen)
        self.menuFile.addAction(self.menuRecent.menuAction())
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionSaveCopy)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuPreserie.addAction(self.actionNewPreserie)
        self.menuPreserie.addAction(self.actionImportTraces)
        self.menuPreserie.addAction(self.actionExportBilan)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Ordonnance num\u00e9rique \u2014 suivi des pr\u00e9s\u00e9ries", None))
        self.actionNew.setText(QCoreApplication.translate("MainWindow", u"&Nouveau\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionNew.setToolTip(QCoreApplication.translate("MainWindow", u"Cr\u00e9er un nouveau fichier de suivi", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionNew.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.actionOpen.setText(QCoreApplication.translate("MainWindow", u"&Ouvrir\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionOpen.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+O", None))
#endif // QT_CONFIG(shortcut)
        self.actionSaveCopy.setText(QCoreApplication.translate("MainWindow", u"&Enregistrer une copie\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionSaveCopy.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+S", None))
#endif // QT_CONFIG(shortcut)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quitter", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionNewPreserie.setText(QCoreApplication.translate("MainWindow", u"&Nouvelle pr\u00e9s\u00e9rie\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionNewPreserie.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+N", None))
#endif // QT_CONFIG(shortcut)
        self.actionImportTraces.setText(QCoreApplication.translate("MainWindow", u"&Importer des traces\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionImportTraces.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+I", None))
#endif // QT_CONFIG(shortcut)
        self.actionExportBilan.setText(QCoreApplication.translate("MainWindow", u"E&xporter le bilan\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionExportBilan.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+E", None))
#endif // QT_CONFIG(shortcut)
        self.preserieLabel.setText(QCoreApplication.translate("MainWindow", u"&Pr\u00e9s\u00e9rie :", None))
#if QT_CONFIG(tooltip)
        self.preserieCombo.setToolTip(QCoreApplication.translate("MainWindow", u"Pr\u00e9s\u00e9rie affich\u00e9e (un fichier peut en contenir plusieurs)", None))
#endif // QT_CONFIG(tooltip)
        self.newPreserieButton.setText(QCoreApplication.translate("MainWindow", u"Nouvelle pr\u00e9s\u00e9rie\u2026", None))
        self.statusBadge.setText("")
#if QT_CONFIG(tooltip)
        self.statusBadge.setToolTip(QCoreApplication.translate("MainWindow", u"Statut de la pr\u00e9s\u00e9rie", None))
#endif // QT_CONFIG(tooltip)
        self.datesLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.psPage), QCoreApplication.translate("MainWindow", u"PS", None))
        self.tabs.setTabText(self.tabs.indexOf(self.cpamPage), QCoreApplication.translate("MainWindow", u"CPAM", None))
        self.tabs.setTabText(self.tabs.indexOf(self.planningPage), QCoreApplication.translate("MainWindow", u"Planning", None))
        self.tabs.setTabText(self.tabs.indexOf(self.bilanPage), QCoreApplication.translate("MainWindow", u"Bilan", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&Fichier", None))
        self.menuRecent.setTitle(QCoreApplication.translate("MainWindow", u"&R\u00e9cents", None))
        self.menuEdit.setTitle(QCoreApplication.translate("MainWindow", u"\u00c9&dition", None))
        self.menuPreserie.setTitle(QCoreApplication.translate("MainWindow", u"&Pr\u00e9s\u00e9rie", None))
    # retranslateUi

