"""Imports: the trace files imported, a new import, and the undo of one."""

from __future__ import annotations

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QWidget

from ordnum_desktop.domain.fr_format import format_datetime, format_int
from ordnum_desktop.services.traces.importer import list_batches
from ordnum_desktop.services.traces.undo import undo_batch
from ordnum_desktop.store.models import ImportBatch
from ordnum_desktop.ui.context import TRACES, AppContext
from ordnum_desktop.ui.dialogs.traces_dialog import TracesImportDialog
from ordnum_desktop.ui.forms.ui_bilan_tab import Ui_BilanTab
from ordnum_desktop.ui.tabs.bilan.tables import GREY, item, selected_row, setup_table

TITLE = "Imports de traces"


class ImportsPage:
    def __init__(self, ui: Ui_BilanTab, ctx: AppContext, parent: QWidget) -> None:
        self.ui, self.ctx, self.parent = ui, ctx, parent
        setup_table(
            ui.importsTable,
            [
                "Fichier",
                "Importé le",
                "Lues",
                "Acceptées",
                "Doublons",
                "Refusées",
                "PS inconnus",
                "État",
                # Last, so that « État » keeps its place: rows set aside, neither stored nor refused.
                "Hors périmètre",
            ],
            stretch=0,
        )
        ui.importTracesButton.clicked.connect(self.import_traces)
        ui.undoImportButton.clicked.connect(self.undo_selected_import)
        self.batches: list[ImportBatch] = []

    def fill(self) -> None:
        self.batches = list(reversed(list_batches(self.ctx.ws, self.ctx.preserie_id)))  # latest first
        table = self.ui.importsTable
        table.setRowCount(len(self.batches))
        for row, b in enumerate(self.batches):
            table.setItem(row, 0, item(b.file_name))
            table.setItem(row, 1, item(format_datetime(b.imported_at)))
            counts = (b.read, b.accepted, b.duplicates, b.rejected, b.unmatched)
            for col, value in enumerate(counts, start=2):
                table.setItem(row, col, item(format_int(value), True))
            state = item(f"retiré le {format_datetime(b.undone_at)}" if b.undone_at else "pris en compte")
            if b.undone_at:
                state.setForeground(QBrush(GREY))
            table.setItem(row, 7, state)
            table.setItem(row, 8, item(format_int(b.out_of_scope), True))

    def import_traces(self) -> None:
        dialog = TracesImportDialog(self.ctx, self.parent)
        self.ctx.prompts.run_dialog(dialog)
        dialog.shutdown()

    def undo_selected_import(self) -> None:
        row = selected_row(self.ui.importsTable)
        if row is None:
            self.ctx.prompts.info(TITLE, "Sélectionnez d'abord l'import à retirer.")
            return
        batch = self.batches[row]
        if batch.undone_at is not None:
            self.ctx.prompts.info(TITLE, f"Les lignes de « {batch.file_name} » ont déjà été retirées.")
            return
        if not self.ctx.prompts.ask_yes_no(
            "Retirer un import",
            f"Retirer les {format_int(batch.accepted)} ligne(s) apportées par « {batch.file_name} » ? "
            "Le bilan sera recalculé sans elles ; une copie de sauvegarde du fichier est faite avant.",
            yes="Retirer les lignes",
            no="Annuler",
        ):
            return
        removed = self.ctx.run("Retirer un import", undo_batch, self.ctx.ws, batch.id)
        if removed is not None:
            self.ctx.say(f"{format_int(removed)} ligne(s) de « {batch.file_name} » retirée(s).")
            self.ctx.notify(TRACES)
