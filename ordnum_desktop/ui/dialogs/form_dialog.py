"""The frame of the small dialogs that ask a few fields and record them (deployment steps, scope
of the validation, prolongation, server address): a wrapped introduction, the fields on a form,
then the confirming button and « Annuler ». One frame, so they all read and answer the keyboard
alike (Entrée confirms through accept(), Échap cancels)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget


class FormDialog(QDialog):
    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.form.addRow(label)

    def add_buttons(self, confirm: str) -> None:
        """Ends the form: called by the subclass once its fields are added, so the buttons come last
        in the Tab order as on the screen."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(confirm)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)


__all__ = ["FormDialog"]
