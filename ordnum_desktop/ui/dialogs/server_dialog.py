"""Fichier ▸ « Se connecter à un serveur… »: the address of a workspace on a PostgreSQL server.

Only the address is asked: the password comes the libpq way (~/.pgpass, PGPASSWORD, a service
file), and a password typed in the address is used for this connection only — the recent
files keep the address without it (ui/recent_files.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ordnum_desktop.store.address import is_server_address
from ordnum_desktop.ui.dialogs.form_dialog import FormDialog

PLACEHOLDER = "postgresql://utilisateur@serveur:5432/base"


class ServerDialog(FormDialog):
    def __init__(self, address: str = "", parent: QWidget | None = None) -> None:
        super().__init__(
            "Se connecter à un serveur",
            "Espace de travail partagé sur un serveur PostgreSQL. Le mot de passe n'est jamais "
            "enregistré : donnez-le dans le fichier ~/.pgpass ou la variable PGPASSWORD. Options "
            "possibles dans l'adresse : ?sslmode=verify-full, ?service=nom.",
            parent,
        )
        form = self.form
        self.address_edit = QLineEdit(address)
        self.address_edit.setPlaceholderText(PLACEHOLDER)
        self.address_edit.setAccessibleName("Adresse du serveur")
        form.addRow("Adresse :", self.address_edit)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        form.addRow(self.problem)
        self.add_buttons("Se connecter")

    def address(self) -> str:
        return self.address_edit.text().strip()

    def accept(self) -> None:
        if not is_server_address(self.address()):
            self.problem.setText(
                f"L'adresse doit commencer par « postgresql:// », par exemple « {PLACEHOLDER} »."
            )
            return
        super().accept()


__all__ = ["ServerDialog"]
