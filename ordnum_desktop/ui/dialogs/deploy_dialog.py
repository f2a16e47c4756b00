"""Présérie ▸ « Étapes du déploiement… »: after a closed bilan « Déploiement autorisé », the
deployment start meeting, the day the éditeur switched the traces off and the Assurance
Maladie's authorisation, each dated or left to come; recorded by services/lifecycle/deployment.py
(refused there unless the last closed bilan decided deploy), as `ordnum preserie deploy`."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from ordnum_desktop.services.lifecycle.deployment import STEPS, record_deployment
from ordnum_desktop.services.roster.preseries import resolve_preserie
from ordnum_desktop.store.models import Preserie
from ordnum_desktop.ui.context import AppContext
from ordnum_desktop.ui.dialogs.form_dialog import FormDialog
from ordnum_desktop.ui.widgets.date_limits import date_field


class DeployDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            "Étapes du déploiement",
            "Après un bilan clos « Déploiement autorisé » : cochez chaque étape franchie et datez-la. "
            "Le statut devient « Généralisation » quand l'autorisation est datée.",
            parent,
        )
        self.ctx = ctx
        self.preserie: Preserie | None = None
        p = resolve_preserie(ctx.ws, ctx.preserie_id)
        self.steps: dict[str, tuple[QCheckBox, QDateEdit]] = {}
        for key, label in STEPS.items():
            value: date | None = getattr(p, key)
            box = QCheckBox(label[:1].upper() + label[1:])
            box.setChecked(value is not None)
            edit = date_field(value)
            edit.setEnabled(value is not None)
            edit.setAccessibleName(label)
            # A dated step can have its date corrected, not be undone (as on the command line).
            box.setEnabled(value is None)
            box.toggled.connect(edit.setEnabled)
            row = QHBoxLayout()
            row.addWidget(box, 1)
            row.addWidget(edit)
            self.form.addRow(row)
            self.steps[key] = (box, edit)
        self.add_buttons("Enregistrer")

    def dates(self) -> dict[str, date]:
        return {key: edit.date().toPython() for key, (box, edit) in self.steps.items() if box.isChecked()}

    def accept(self) -> None:
        given = self.dates()
        p = self.ctx.run(
            "Étapes du déploiement",
            record_deployment,
            self.ctx.ws,
            self.ctx.preserie_id,
            meeting=given.get("deployment_meeting_date"),
            traces_off=given.get("traces_off_date"),
            authorised=given.get("authorised_date"),
        )
        if p is not None:
            self.preserie = p
            super().accept()


__all__ = ["DeployDialog"]
