"""Anomalies: the log the team keeps; an open blocking anomaly fails criterion 3."""

from __future__ import annotations

from PySide6.QtGui import QBrush

from ordnum_desktop.domain.fr_format import format_datetime
from ordnum_desktop.domain.vocabulary import Operation, operation_label
from ordnum_desktop.services.followup.anomalies import add_anomaly, close_anomaly, list_anomalies
from ordnum_desktop.store.models import Anomaly
from ordnum_desktop.ui.context import FOLLOWUP, AppContext
from ordnum_desktop.ui.forms.ui_bilan_tab import Ui_BilanTab
from ordnum_desktop.ui.tabs.bilan.tables import RED, item, selected_row, setup_table

TITLE = "Anomalies"


class AnomaliesPage:
    def __init__(self, ui: Ui_BilanTab, ctx: AppContext) -> None:
        self.ui, self.ctx = ui, ctx
        setup_table(
            ui.anomalyTable,
            ["N°", "Ouverte le", "Opération", "Description", "Bloquante", "Close le"],
            stretch=3,
        )
        for op in Operation:
            ui.anomalyOperation.addItem(op.label, op.value)
        ui.anomalyOperation.addItem(operation_label(""), "")  # outside the three services
        ui.addAnomalyButton.clicked.connect(self.add_anomaly)
        ui.closeAnomalyButton.clicked.connect(self.close_selected_anomaly)
        self.anomalies: list[Anomaly] = []

    def fill(self) -> None:
        self.anomalies = list_anomalies(self.ctx.ws, self.ctx.preserie_id)
        table = self.ui.anomalyTable
        table.setRowCount(len(self.anomalies))
        for row, a in enumerate(self.anomalies):
            table.setItem(row, 0, item(a.id, True))
            table.setItem(row, 1, item(format_datetime(a.opened_at)))
            table.setItem(row, 2, item(operation_label(a.operation)))
            table.setItem(row, 3, item(a.description))
            blocking = item("oui" if a.blocking else "non")
            if a.blocking and a.closed_at is None:
                blocking.setForeground(QBrush(RED))
            table.setItem(row, 4, blocking)
            table.setItem(row, 5, item(format_datetime(a.closed_at) if a.closed_at else "ouverte"))

    def add_anomaly(self) -> None:
        added = self.ctx.run(
            TITLE,
            add_anomaly,
            self.ctx.ws,
            self.ctx.preserie_id,
            self.ui.anomalyOperation.currentData(),
            self.ui.anomalyEdit.text(),
            blocking=self.ui.anomalyBlocking.isChecked(),
        )
        if added is None:
            return
        self.ui.anomalyEdit.clear()
        self.ui.anomalyBlocking.setChecked(False)
        self.ctx.say("Anomalie ajoutée au journal.")
        self.ctx.notify(FOLLOWUP)

    def close_selected_anomaly(self) -> None:
        row = selected_row(self.ui.anomalyTable)
        if row is None:
            self.ctx.prompts.info(TITLE, "Sélectionnez d'abord l'anomalie à clore.")
            return
        anomaly = self.anomalies[row]
        if self.ctx.run(TITLE, close_anomaly, self.ctx.ws, anomaly.id) is not None:
            self.ctx.say(f"Anomalie n° {anomaly.id} close.")
            self.ctx.notify(FOLLOWUP)
