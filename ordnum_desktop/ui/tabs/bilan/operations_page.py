"""Opérations: calls and successes per service (criterion 3) and the registration (criterion 2)."""

from __future__ import annotations

from PySide6.QtGui import QBrush

from ordnum_desktop.domain.bilan_rules import Bilan
from ordnum_desktop.domain.fr_format import format_int, format_percent
from ordnum_desktop.domain.vocabulary import Operation
from ordnum_desktop.ui.forms.ui_bilan_tab import Ui_BilanTab
from ordnum_desktop.ui.tabs.bilan.tables import GREEN, RED, item, setup_table


class OperationsPage:
    def __init__(self, ui: Ui_BilanTab) -> None:
        self.ui = ui
        setup_table(ui.operationsTable, ["Opération", "Appels", "Réussis", "Échecs", "Au moins un succès"])

    def fill(self, bilan: Bilan) -> None:
        table = self.ui.operationsTable
        table.setRowCount(len(Operation))
        for row, op in enumerate(Operation):
            count = bilan.operations.operation(op)
            table.setItem(row, 0, item(op.label))
            table.setItem(row, 1, item(format_int(count.calls), True))
            table.setItem(row, 2, item(format_int(count.succeeded), True))
            table.setItem(row, 3, item(format_int(count.failed), True))
            mark = item("✔ oui" if count.succeeded else "✖ non")
            mark.setForeground(QBrush(GREEN if count.succeeded else RED))
            table.setItem(row, 4, mark)
        reg = bilan.registration
        self.ui.registrationLabel.setText(
            f"E-prescriptions créées : {format_int(reg.created)} · enregistrées dans la base de "
            f"l'Assurance Maladie : {format_int(reg.registered)} ({format_percent(reg.rate)}, "
            f"seuil {format_percent(reg.threshold, 0)})."
        )
