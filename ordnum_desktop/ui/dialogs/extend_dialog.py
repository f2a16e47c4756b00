"""« Prolonger la présérie… »: the first day of the new period, the corrected version and the
reason; the prolongation itself is services/lifecycle/periods.py, as `ordnum preserie extend`."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from ordnum_desktop.services.lifecycle.periods import extend_preserie
from ordnum_desktop.store.models import PreseriePeriod
from ordnum_desktop.ui.context import AppContext
from ordnum_desktop.ui.widgets.date_limits import limit_dates


class ExtendDialog(QDialog):
    def __init__(self, ctx: AppContext, version: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period: PreseriePeriod | None = None
        self.setWindowTitle("Prolonger la présérie")
        form = QFormLayout(self)
        intro = QLabel(
            "Après un bilan clos non satisfaisant : la nouvelle période ne compte que les traces, "
            "anomalies et réponses à partir de son premier jour."
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.start_date = QDateEdit(QDate.currentDate())
        limit_dates(self.start_date)
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat("dd/MM/yyyy")
        form.addRow("Premier jour de la période :", self.start_date)
        self.version_edit = QLineEdit(version)
        form.addRow("Version corrigée du logiciel :", self.version_edit)
        self.reason_edit = QLineEdit()
        form.addRow("Motif (correctifs…) :", self.reason_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Prolonger")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

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
