# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'traces_import_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_TracesImportDialog(object):
    def setupUi(self, TracesImportDialog):
        if not TracesImportDialog.objectName():
            TracesImportDialog.setObjectName(u"TracesImportDialog")
        TracesImportDialog.resize(900, 600)
        self.mainLayout = QVBoxLayout(TracesImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileLabel = QLabel(TracesImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileLayout.addWidget(self.fileLabel)

        self.fileEdit = QLineEdit(TracesImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(TracesImportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)


        self.mainLayout.addLayout(self.fileLayout)

        self.pages = QStackedWidget(TracesImportDialog)
        self.pages.setObjectName(u"pages")
        self.previewPage = QWidget()
        self.previewPage.setObjectName(u"previewPage")
        self.previewLayout = QVBoxLayout(self.previewPage)
        self.previewLayout.setObjectName(u"previewLayout")
        self.columnsLabel = QLabel(self.previewPage)
        self.columnsLabel.setObjectName(u"columnsLabel")
        self.columnsLabel.setWordWrap(True)
        self.columnsLabel.setTextFormat(Qt.RichText)

        self.previewLayout.addWidget(self.columnsLabel)

        self.previewTable = QTableWidget(self.previewPage)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.previewTable.setAlternatingRowColors(True)

        self.previewLayout.addWidget(self.previewTable)

        self.pages.addWidget(self.previewPage)
        self.progressPage = QWidget()
        self.progressPage.setObjectName(u"progressPage")
        self.progressLayout = QVBoxLayout(self.progressPage)
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressTop = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.progressLayout.addItem(self.progressTop)

        self.progressLabel = QLabel(self.progressPage)
        self.progressLabel.setObjectName(u"progressLabel")
        self.progressLabel.setAlignment(Qt.AlignCenter)

        self.progressLayout.addWidget(self.progressLabel)

        self.progressBar = QProgressBar(self.progressPage)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.progressLayout.addWidget(self.progressBar)

        self.progressBottom = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.progressLayout.addItem(self.progressBottom)

        self.pages.addWidget(self.progressPage)
        self.reportPage = QWidget()
        self.reportPage.setObjectName(u"reportPage")
        self.reportLayout = QVBoxLayout(self.reportPage)
        self.reportLayout.setObjectName(u"reportLayout")
        self.reportLabel = QLabel(self.reportPage)
        self.reportLabel.setObjectName(u"reportLabel")
        self.reportLabel.setWordWrap(True)
        self.reportLabel.setTextFormat(Qt.RichText)

        self.reportLayout.addWidget(self.reportLabel)

        self.errorsTable = QTableWidget(self.reportPage)
        self.errorsTable.setObjectName(u"errorsTable")
        self.errorsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.errorsTable.setAlternatingRowColors(True)

        self.reportLayout.addWidget(self.errorsTable)

        self.pages.addWidget(self.reportPage)

        self.mainLayout.addWidget(self.pages)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.saveReportButton = QPushButton(TracesImportDialog)
        self.saveReportButton.setObjectName(u"saveReportButton")

        self.buttonsLayout.addWidget(self.saveReportButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.importButton = QPushButton(TracesImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonsLayout.addWidget(self.importButton)

        self.cancelButton = QPushButton(TracesImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonsLayout.addWidget(self.cancelButton)

        self.closeButton = QPushButton(TracesImportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(TracesImportDialog)

        self.importButton.setDefault(True)

    # setupUi

    def retranslateUi(self, TracesImportDialog):
        TracesImportDialog.setWindowTitle(QCoreApplication.translate("TracesImportDialog", u"Importer des traces postes", None))
        self.fileLabel.setText(QCoreApplication.translate("TracesImportDialog", u"Fichier :", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("TracesImportDialog", u"Choisissez un classeur .xlsx ou un fichier .csv de traces postes", None))
        self.browseButton.setText(QCoreApplication.translate("TracesImportDialog", u"&Choisir\u2026", None))
        self.columnsLabel.setText("")
#if QT_CONFIG(accessibility)
        self.previewTable.setAccessibleName(QCoreApplication.translate("TracesImportDialog", u"Aper\u00e7u des traces", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previewTable.setAccessibleDescription(QCoreApplication.translate("TracesImportDialog", u"Premi\u00e8res lignes du fichier de traces \u00e0 importer.", None))
#endif // QT_CONFIG(accessibility)
        self.progressLabel.setText(QCoreApplication.translate("TracesImportDialog", u"Import en cours\u2026", None))
        self.reportLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorsTable.setAccessibleName(QCoreApplication.translate("TracesImportDialog", u"Lignes refus\u00e9es", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorsTable.setAccessibleDescription(QCoreApplication.translate("TracesImportDialog", u"Lignes du fichier refus\u00e9es, avec le motif de chaque refus.", None))
#endif // QT_CONFIG(accessibility)
        self.saveReportButton.setText(QCoreApplication.translate("TracesImportDialog", u"&Enregistrer le rapport\u2026", None))
        self.importButton.setText(QCoreApplication.translate("TracesImportDialog", u"&Importer", None))
        self.cancelButton.setText(QCoreApplication.translate("TracesImportDialog", u"Annuler", None))
        self.closeButton.setText(QCoreApplication.translate("TracesImportDialog", u"Fermer", None))
    # retranslateUi

