"""« Clore le bilan… »: the bilan's day, the meeting date and the signatories; the closing itself
is services/bilan/closing.py, as for `ordnum bilan close`."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ordnum_desktop.domain.bilan_rules import Bilan
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.services.bilan.closing import close_bilan
from ordnum_desktop.services.bilan.document import bilan_context
from ordnum_desktop.store.models import ClosedBilan
from ordnum_desktop.ui.context import AppContext
from ordnum_desktop.ui.forms.ui_close_bilan_dialog import Ui_CloseBilanDialog
from ordnum_desktop.ui.widgets.date_limits import limit_dates


class CloseBilanDialog(QDialog):
    def __init__(self, ctx: AppContext, bilan: Bilan | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.closed: ClosedBilan | None = None
        self.ui = Ui_CloseBilanDialog()
        self.ui.setupUi(self)
        limit_dates(self)
        # The day the Bilan tab shows: the figures the meeting looked at.
        self.ui.asOfDate.setDate(QDate(bilan.as_of if bilan is not None else date.today()))
        self.ui.meetingDate.setDate(QDate.currentDate())
        if bilan is not None:
            # The weeks the bilan covers, so that an early closing is seen before it is asked.
            found = ctx.run("Clore le bilan", bilan_context, ctx.ws, ctx.preserie_id, bilan.as_of)
            duration = f"<br/>Durée : {found[0].summary()}." if found is not None else ""
            self.ui.decisionLabel.setText(
                f"Décision du bilan au {bilan.as_of.strftime('%d/%m/%Y')} : <b>{bilan.decision.label}</b>."
                + duration
            )
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Clore le bilan")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        as_of = self.ui.asOfDate.date().toPython()
        found = self.ctx.run("Clore le bilan", bilan_context, self.ctx.ws, self.ctx.preserie_id, as_of)
        if found is None:
            return
        time = found[0]
        early = False
        if time.early:
            # Before the référentiel's minimum duration: the user confirms, and the PDF says so.
            question = (
                f"Le bilan au {format_date(as_of)} serait clos avant la durée minimale de la présérie : "
                f"{time.early_reason()}.\n\nLe clore quand même ? Le PDF indiquera une clôture anticipée."
            )
            if not self.ctx.prompts.ask_yes_no(
                "Clôture avant la durée minimale", question, yes="Clore quand même", no="Ne pas clore"
            ):
                return
            early = True
        closed = self.ctx.run(
            "Clore le bilan",
            close_bilan,
            self.ctx.ws,
            self.ctx.preserie_id,
            as_of,
            self.ui.meetingDate.date().toPython(),
            self.ui.signatoriesEdit.text(),
            early=early,
        )
        if closed is not None:
            self.closed = closed
            super().accept()
