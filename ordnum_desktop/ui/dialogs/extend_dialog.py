"""« Prolonger la présérie… »: the first day of the new period, the corrected version and the
reason; the prolongation itself is services/lifecycle/periods.py, as `ordnum preserie extend`."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from ordnum_desktop.services.lifecycle.periods import extend_preserie
from ordnum_desktop.store.models import PreseriePeriod
from ordnum_desktop.ui.context import AppContext
from ordnum_desktop.ui.dialogs.form_dialog import FormDialog
from ordnum_desktop.ui.widgets.date_limits import date_field


class ExtendDialog(FormDialog):
    def __init__(self, ctx: AppContext, version: str, parent: QWidget | None = None) -> None:
        super().__init__(
            "Prolonger la présérie",
            "Après un bilan clos non satisfaisant : la nouvelle période ne compte que les traces, "
            "anomalies et réponses à partir de son premier jour.",
            parent,
        )
        self.ctx = ctx
        self.period: PreseriePeriod | None = None
        form = self.form
        self.start_date = date_field()
        form.addRow("Premier jour de la période :", self.start_date)
        self.version_edit = QLineEdit(version)
        form.addRow("Version corrigée du logiciel :", self.version_edit)
        self.reason_edit = QLineEdit()
        form.addRow("Motif (correctifs…) :", self.reason_edit)
        self.add_buttons("Prolonger")

    def accept(self) -> None:
        period = self.ctx.run(
            "Prolonger la présérie",
            extend_preserie,
            self.ctx.ws,
            self.ctx.preserie_id,
            self.start_date.date().toPython(),
            self.version_edit.text(),
            self.reason_edit.text(),
        )
        if period is not None:
            self.period = period
            super().accept()


__all__ = ["ExtendDialog"]
