"""Présérie ▸ Nouvelle présérie…: the campaign's éditeur, software, module, CNDA and exercise."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ordnum_desktop.domain.vocabulary import Exercise
from ordnum_desktop.services.errors import UserError, user_message
from ordnum_desktop.services.followup.prerequisites import update_preserie
from ordnum_desktop.services.roster.preseries import create_preserie, resolve_preserie
from ordnum_desktop.ui.context import AppContext
from ordnum_desktop.ui.forms.ui_new_preserie_dialog import Ui_NewPreserieDialog
from ordnum_desktop.ui.remedies import WINDOW_REMEDIES
from ordnum_desktop.ui.widgets.date_limits import limit_dates


class NewPreserieDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, edit_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_id: int | None = None
        self.edit_id = edit_id
        self.ui = Ui_NewPreserieDialog()
        self.ui.setupUi(self)
        limit_dates(self)
        for exercise in Exercise:
            self.ui.exerciseCombo.addItem(exercise.long_label, exercise.value)
        self.ui.cndaDate.setDate(QDate.currentDate())
        self.ui.cndaDateCheck.toggled.connect(self.ui.cndaDate.setEnabled)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Créer la présérie")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.errorLabel.setStyleSheet("color: #c62828;")
        self.ui.errorLabel.hide()
        if edit_id is not None:
            self._fill(edit_id)

    def _fill(self, preserie_id: int) -> None:
        p = resolve_preserie(self.ctx.ws, preserie_id)
        ui = self.ui
        self.setWindowTitle("Modifier la présérie")
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Enregistrer")
        for edit, value in (
            (ui.editorEdit, p.editor),
            (ui.softwareEdit, p.software),
            (ui.versionEdit, p.version),
            (ui.moduleEdit, p.module),
            (ui.cndaReferenceEdit, p.cnda_reference),
        ):
            edit.setText(value)
        ui.cndaDateCheck.setChecked(p.cnda_date is not None)
        if p.cnda_date is not None:
            ui.cndaDate.setDate(QDate(p.cnda_date))
        ui.exerciseCombo.setCurrentIndex(max(ui.exerciseCombo.findData(p.exercise), 0))
        ui.smallShareCheck.setChecked(p.small_market_share)

    def accept(self) -> None:
        ui = self.ui
        if self.edit_id is not None:
            self._save_edit()
            return
        try:
            p = create_preserie(
                self.ctx.ws,
                editor=ui.editorEdit.text(),
                software=ui.softwareEdit.text(),
                version=ui.versionEdit.text(),
                exercise=ui.exerciseCombo.currentData(),
                small_market_share=ui.smallShareCheck.isChecked(),
                module=ui.moduleEdit.text().strip(),
                cnda_reference=ui.cndaReferenceEdit.text().strip(),
                cnda_date=ui.cndaDate.date().toPython() if ui.cndaDateCheck.isChecked() else None,
            )
        except UserError as exc:
            # Kept open with the message so that nothing typed is lost.
            ui.errorLabel.setText(user_message(exc, WINDOW_REMEDIES))
            ui.errorLabel.show()
            return
        self.created_id = p.id
        super().accept()

    def _save_edit(self) -> None:
        ui = self.ui
        try:
            update_preserie(
                self.ctx.ws,
                self.edit_id,
                editor=ui.editorEdit.text(),
                software=ui.softwareEdit.text(),
                version=ui.versionEdit.text(),
                module=ui.moduleEdit.text(),
                cnda_reference=ui.cndaReferenceEdit.text(),
                cnda_date=ui.cndaDate.date().toPython() if ui.cndaDateCheck.isChecked() else None,
                exercise=ui.exerciseCombo.currentData(),
                small_market_share=ui.smallShareCheck.isChecked(),
            )
        except UserError as exc:
            ui.errorLabel.setText(user_message(exc, WINDOW_REMEDIES))
            ui.errorLabel.show()
            return
        super().accept()
