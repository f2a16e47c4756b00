# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cpam_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel,
    QSizePolicy, QSplitter, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_CpamTab(object):
    def setupUi(self, CpamTab):
        if not CpamTab.objectName():
            CpamTab.setObjectName(u"CpamTab")
        self.mainLayout = QVBoxLayout(CpamTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.splitter = QSplitter(CpamTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listBox = QWidget(self.splitter)
        self.listBox.setObjectName(u"listBox")
        self.listLayout = QVBoxLayout(self.listBox)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.hintLabel = QLabel(self.listBox)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.listLayout.addWidget(self.hintLabel)

        self.caisseTable = QTableWidget(self.listBox)
        self.caisseTable.setObjectName(u"caisseTable")
        self.caisseTable.setAlternatingRowColors(True)
        self.caisseTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.caisseTable.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.listLayout.addWidget(self.caisseTable)

        self.summaryLabel = QLabel(self.listBox)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.listLayout.addWidget(self.summaryLabel)

        self.splitter.addWidget(self.listBox)
        self.mapHost = QWidget(self.splitter)
        self.mapHost.setObjectName(u"mapHost")
        self.mapLayout = QVBoxLayout(self.mapHost)
        self.mapLayout.setObjectName(u"mapLayout")
        self.mapLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.mapHost)

        self.mainLayout.addWidget(self.splitter)


        self.retranslateUi(CpamTab)
    # setupUi

    def retranslateUi(self, CpamTab):
        self.hintLabel.setText(QCoreApplication.translate("CpamTab", u"Cochez de 1 \u00e0 3 CPAM r\u00e9f\u00e9rentes (liste de janvier 2025) : la pr\u00e9s\u00e9rie se d\u00e9roule dans leur circonscription.", None))
#if QT_CONFIG(accessibility)
        self.caisseTable.setAccessibleName(QCoreApplication.translate("CpamTab", u"CPAM r\u00e9f\u00e9rentes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caisseTable.setAccessibleDescription(QCoreApplication.translate("CpamTab", u"Cochez de une \u00e0 trois CPAM ; la derni\u00e8re colonne donne le nombre de m\u00e9decins de l'effectif.", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText("")
        pass
    # retranslateUi

