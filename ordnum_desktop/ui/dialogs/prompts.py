"""Every question and message the window shows goes through one `Prompts` object.

Widgets call `self.prompts.ask_yes_no(...)` etc. and never build a QMessageBox or a QFileDialog
themselves, so the tests swap in a scripted object (tests/ui/scripted_prompts.py) and drive every
dialog without a human. Buttons carry French texts (Qt's own would say "Yes"/"Cancel" without a
loaded translation).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

LAST_FOLDER_KEY = "files/last_folder"


def with_default_suffix(path: str, filters: str) -> str:
    """« bilan » typed in a « Document PDF (*.pdf) » dialog becomes « bilan.pdf »."""
    found = re.search(r"\*(\.[A-Za-z0-9]+)", filters)
    if found and not Path(path).suffix:
        return path + found.group(1)
    return path


class Prompts:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    # -- messages ---------------------------------------------------------------------------
    def _box(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        return box

    def info(self, title: str, text: str) -> None:
        box = self._box(QMessageBox.Icon.Information, title, text)
        box.addButton("Fermer", QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def error(self, title: str, text: str) -> None:
        box = self._box(QMessageBox.Icon.Warning, title, text)
        box.addButton("Fermer", QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def ask_yes_no(self, title: str, text: str, yes: str = "Oui", no: str = "Non") -> bool:
        box = self._box(QMessageBox.Icon.Question, title, text)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button

    # -- files ------------------------------------------------------------------------------
    @staticmethod
    def last_folder() -> str:
        return str(QSettings().value(LAST_FOLDER_KEY, "") or "")

    @staticmethod
    def remember_folder(path: str) -> None:
        QSettings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))

    def open_file(self, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, self.last_folder(), filters)
        if path:
            self.remember_folder(path)
        return path or None

    def save_file(self, title: str, suggested_name: str, filters: str) -> str | None:
        start = str(Path(self.last_folder() or Path.home()) / suggested_name)
        path, _ = QFileDialog.getSaveFileName(self.parent, title, start, filters)
        if not path:
            return None
        self.remember_folder(path)
        chosen = with_default_suffix(path, filters)
        # The dialog asked about the name as typed; « bilan » became « bilan.xlsx » after it, so
        # an existing « bilan.xlsx » is asked about here (issue 12, item 6).
        if chosen != path and Path(chosen).exists():
            name = Path(chosen).name
            if not self.ask_yes_no(title, f"« {name} » existe déjà. Le remplacer ?", "Remplacer", "Annuler"):
                return None
        return chosen

    def choose_folder(self, title: str) -> str | None:
        path = QFileDialog.getExistingDirectory(self.parent, title, self.last_folder())
        if path:
            QSettings().setValue(LAST_FOLDER_KEY, path)
        return path or None

    # -- custom dialogs -----------------------------------------------------------------------
    def run_dialog(self, dialog: QDialog) -> bool:
        """Shows one of our dialogs modally; True when the user accepted it. Tests fill the
        dialog's fields and accept it here instead."""
        return dialog.exec() == QDialog.DialogCode.Accepted
