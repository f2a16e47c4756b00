"""« Erreur inattendue »: the one dialog for a bug, with the French sentence for the user and a
« Copier les détails » button that puts the traceback on the clipboard for the report."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ordnum_desktop.ui.forms.ui_error_dialog import Ui_ErrorDialog


class ErrorDialog(QDialog):
    def __init__(self, message: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ErrorDialog()
        self.ui.setupUi(self)
        self.details = details
        self.ui.messageLabel.setText(message)
        self.ui.copiedLabel.hide()
        self.ui.copyButton.clicked.connect(self.copy_details)
        self.ui.closeButton.clicked.connect(self.accept)

    def message(self) -> str:
        return self.ui.messageLabel.text()

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.ui.copiedLabel.setText(
            "Détails copiés dans le presse-papiers : collez-les dans votre signalement."
        )
        self.ui.copiedLabel.show()
