"""Aide ▸ À propos: versions, the log and backup folders, the licences (services/about.py)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ordnum_desktop.services.about import AboutFacts, Licence, about_facts


def _licence_line(item: Licence) -> str:
    name = escape(item.name) + (f" {escape(item.version)}" if item.version else "")
    return f"<li>{name} : {escape(item.licence)}</li>"


def about_html(facts: AboutFacts) -> str:
    libraries = "".join(_licence_line(lib) for lib in facts.libraries)
    return (
        "<h2>Ordonnance numérique — suivi des préséries</h2>"
        f"<p>Version {escape(facts.app_version)}<br>"
        f"Révision du schéma des fichiers de suivi : {escape(facts.schema_revision)}<br>"
        f"Référentiel : {escape(facts.referentiel)}</p>"
        f"<p>Journal des erreurs : {escape(str(facts.log_folder))}<br>"
        f"Sauvegardes automatiques : {escape(str(facts.backup_folder))}</p>"
        "<h3>Licences</h3><ul>"
        f"{_licence_line(facts.fonts)}"
        f"{_licence_line(facts.map_data)} — détail : {escape(str(facts.map_licence_file))}"
        "</ul><h3>Bibliothèques</h3>"
        f"<ul>{libraries}</ul>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, facts: AboutFacts | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("À propos d'Ordonnance numérique")
        self.resize(560, 520)
        self.facts = facts or about_facts()
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html(self.facts))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
