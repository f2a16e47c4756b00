"""Prérequis: the technical prerequisites of the deployment (criterion 4), added and validated."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidgetItem

from ordnum_desktop.domain.bilan_rules import Bilan
from ordnum_desktop.domain.fr_format import format_datetime
from ordnum_desktop.services.followup.prerequisites import (
    add_technical_prerequisite,
    list_technical_prerequisites,
    validate_technical_prerequisites,
)
from ordnum_desktop.ui.context import FOLLOWUP, AppContext
from ordnum_desktop.ui.forms.ui_bilan_tab import Ui_BilanTab

TITLE = "Prérequis techniques"


class PrerequisitesPage:
    def __init__(self, ui: Ui_BilanTab, ctx: AppContext) -> None:
        self.ui, self.ctx = ui, ctx
        ui.addPrerequisiteButton.clicked.connect(self.add_prerequisite)
        ui.prerequisiteEdit.returnPressed.connect(self.add_prerequisite)
        ui.validatePrerequisitesButton.clicked.connect(self.validate_prerequisites)
        self.validated = False

    def fill(self, bilan: Bilan) -> None:
        items = list_technical_prerequisites(self.ctx.ws, self.ctx.preserie_id)
        self.ui.prerequisitesList.clear()
        for n, prerequisite in enumerate(items, start=1):
            self.ui.prerequisitesList.addItem(QListWidgetItem(f"{n}. {prerequisite.text}"))
        when = bilan.prerequisites.validated_at
        self.validated = when is not None
        if when is not None:
            self.ui.prerequisitesStatus.setText(f"✔ Liste validée le {format_datetime(when)}.")
        elif items:
            self.ui.prerequisitesStatus.setText("Liste non validée : validez-la quand l'équipe l'a relue.")
        else:
            self.ui.prerequisitesStatus.setText("Aucun prérequis technique : ajoutez-en au moins un.")

    def add_prerequisite(self) -> None:
        text = self.ui.prerequisiteEdit.text()
        was_validated = self.validated
        if self.ctx.run(TITLE, add_technical_prerequisite, self.ctx.ws, self.ctx.preserie_id, text) is None:
            return
        self.ui.prerequisiteEdit.clear()
        self.ctx.say("Prérequis ajouté" + (" : la liste est à valider de nouveau." if was_validated else "."))
        self.ctx.notify(FOLLOWUP)

    def validate_prerequisites(self) -> None:
        if (
            self.ctx.run(TITLE, validate_technical_prerequisites, self.ctx.ws, self.ctx.preserie_id)
            is not None
        ):
            self.ctx.say("Liste des prérequis techniques validée.")
            self.ctx.notify(FOLLOWUP)
