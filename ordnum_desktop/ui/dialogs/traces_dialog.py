"""Importer des traces…: choose a file, check its preview, import it in the background with a
progress bar and Annuler, then read (and save) the report."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from ordnum_desktop.domain.bilan_rules import UnmatchedIdentifier
from ordnum_desktop.domain.fr_format import format_int
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.traces.importer import ImportReport, TracesPreview, preview_traces
from ordnum_desktop.services.traces.overlap import Overlap
from ordnum_desktop.ui.context import TRACES, AppContext
from ordnum_desktop.ui.forms.ui_traces_import_dialog import Ui_TracesImportDialog
from ordnum_desktop.ui.import_worker import ImportThread
from ordnum_desktop.ui.widgets.accessible import name_corners

TRACES_FILTER = (
    "Traces postes (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.tsv *.txt);;"
    "Classeur (*.xlsx *.xlsm *.xls *.xlsb *.ods);;Fichier texte CSV (*.csv *.tsv *.txt)"
)
PREVIEW, PROGRESS, REPORT = 0, 1, 2
# Causes listed in the report's text; the table under it keeps every rejected row.
SHOWN_GROUPS = 12

WINDOW_ADVICE = "Importer quand même ce fichier ?"


class TracesImportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_TracesImportDialog()
        self.ui.setupUi(self)
        self.path: Path | None = None
        self.thread: ImportThread | None = None
        self.report: ImportReport | None = None
        self.unknown: list[UnmatchedIdentifier] = []
        self.outcome = ""  # "imported" | "cancelled" | "failed"
        self.ui.browseButton.clicked.connect(self.browse)
        self.ui.importButton.clicked.connect(lambda: self.start_import())
        self.ui.cancelButton.clicked.connect(self.cancel)
        self.ui.closeButton.clicked.connect(self.accept)
        self.ui.saveReportButton.clicked.connect(self.save_report)
        self.ui.fileEdit.setAccessibleName("Fichier de traces choisi")
        self.ui.fileEdit.setAccessibleDescription("Chemin du fichier à importer ; « Parcourir… » le choisit.")
        name_corners(self)
        for table in (self.ui.previewTable, self.ui.errorsTable):
            table.verticalHeader().setDefaultSectionSize(22)
        self.ui.errorsTable.verticalHeader().hide()  # the file's row number is in the first column
        self._set_state(PREVIEW, running=False)
        self.ui.importButton.setEnabled(False)
        self.ui.columnsLabel.setText(
            "Choisissez le fichier de traces postes exporté par l'éditeur "
            "(.xlsx ou .csv, en-tête en ligne 1)."
        )

    def _set_state(self, page: int, running: bool) -> None:
        self.ui.pages.setCurrentIndex(page)
        self.ui.browseButton.setEnabled(not running and page != REPORT)
        self.ui.importButton.setVisible(page == PREVIEW)
        self.ui.cancelButton.setVisible(running)
        self.ui.closeButton.setVisible(not running)
        self.ui.closeButton.setText("Fermer" if page == REPORT else "Annuler")
        self.ui.saveReportButton.setVisible(page == REPORT and self.report is not None)

    # -- preview ----------------------------------------------------------------------------
    def browse(self) -> None:
        path = self.ctx.prompts.open_file("Fichier de traces postes", TRACES_FILTER)
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> bool:
        self.path = path
        self.ui.fileEdit.setText(str(path))
        preview = self.ctx.run("Importer des traces", preview_traces, path)
        self.ui.importButton.setEnabled(False)
        if preview is None:
            self.ui.columnsLabel.setText(
                f"<span style='color:#c62828'>Le fichier « {path.name} » ne peut pas être importé.</span>"
            )
            self.ui.previewTable.clear()
            self.ui.previewTable.setRowCount(0)
            return False
        self._show_preview(preview)
        ok = not preview.missing
        self.ui.importButton.setEnabled(ok and not self.ctx.ws.read_only)
        return ok

    def _show_preview(self, preview: TracesPreview) -> None:
        header = preview.header
        table = self.ui.previewTable
        table.clear()
        table.setColumnCount(len(header))
        table.setHorizontalHeaderLabels(header)
        table.setRowCount(len(preview.rows))
        for r, row in enumerate(preview.rows):
            for c, value in enumerate(row[: len(header)]):
                table.setItem(r, c, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        positions = sorted(set(preview.columns.values()))
        detected = ", ".join(header[p] for p in positions if 0 <= p < len(header))
        for col in range(len(header)):
            item = table.horizontalHeaderItem(col)
            if item is not None and col not in positions:
                item.setToolTip("Colonne ignorée : elle n'est pas importée.")
                item.setForeground(QColor("#9e9e9e"))
        parts = [
            f"<b>{format_int(preview.total)} ligne(s)</b> environ. Colonnes reconnues : "
            f"{detected or 'aucune'}."
        ]
        if preview.ignored_columns:
            parts.append("Colonnes ignorées : " + ", ".join(preview.ignored_columns) + ".")
        if preview.missing:
            missing = ", ".join(f"« {m} »" for m in preview.missing)
            parts.append(
                f"<span style='color:#c62828'><b>Colonnes obligatoires manquantes : {missing}"
                " — import impossible.</b></span>"
            )
        self.ui.columnsLabel.setText("<br>".join(parts))

    # -- import -----------------------------------------------------------------------------
    def start_import(self, *, overlap_allowed: bool = False) -> None:
        if self.path is None or self.thread is not None:
            return
        self.ui.progressBar.setRange(0, 0)  # busy until the first progress report
        self.ui.progressLabel.setText(f"Import de « {self.path.name} » en cours…")
        self._set_state(PROGRESS, running=True)
        thread = ImportThread(
            self.ctx.ws, self.ctx.preserie_id, self.path, refuse_overlap=not overlap_allowed
        )
        thread.progressed.connect(self._on_progress)
        thread.waiting.connect(self.ui.progressLabel.setText)  # team mode: says whom it waits for
        thread.overlapped.connect(self._on_overlap)
        thread.succeeded.connect(self._on_success)
        thread.failed.connect(self._on_failure)
        thread.cancelled.connect(self._on_cancelled)
        self.thread = thread
        ImportThread.active.add(thread)
        thread.start()

    def _on_overlap(self, overlap: Overlap) -> None:
        """The file re-makes an earlier import at minute precision (issue 13): nothing was
        stored; asked, the import runs again with the overlap allowed."""
        self._finish_thread()
        self._set_state(PREVIEW, running=False)
        if self.ctx.prompts.ask_yes_no(
            "Importer des traces", overlap.message(WINDOW_ADVICE), yes="Importer quand même", no="Annuler"
        ):
            self.start_import(overlap_allowed=True)

    def _on_progress(self, done: int, total: int) -> None:
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done)
        self.ui.progressLabel.setText(f"{format_int(done)} ligne(s) lue(s) sur {format_int(total)}…")

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()
            self.ui.progressLabel.setText("Annulation en cours…")
            self.ui.cancelButton.setEnabled(False)

    def _finish_thread(self) -> None:
        if self.thread is not None:
            self.thread.wait()
            ImportThread.active.discard(self.thread)
            self.thread.deleteLater()
            self.thread = None
        self.ui.cancelButton.setEnabled(True)

    def _on_success(self, report: ImportReport) -> None:
        self._finish_thread()
        self.outcome = "imported"
        self.report = report
        try:
            self.unknown = list(compute_bilan(self.ctx.ws, self.ctx.preserie_id).unmatched)
        except Exception:  # noqa: BLE001 - the report stays readable without the list
            self.unknown = []
        self._show_report()
        self.ctx.say(
            f"Traces importées depuis « {report.file} » : {format_int(report.accepted)} ligne(s) acceptée(s)."
        )
        self.ctx.notify(TRACES)

    def _on_failure(self, message: str) -> None:
        self._finish_thread()
        self.outcome = "failed"
        self._set_state(PREVIEW, running=False)
        self.ctx.prompts.error("Importer des traces", message)

    def _on_cancelled(self, message: str) -> None:
        self._finish_thread()
        self.outcome = "cancelled"
        self._set_state(PREVIEW, running=False)
        self.ui.columnsLabel.setText(message)
        self.ctx.say(message)

    def _show_report(self) -> None:
        r = self.report
        if r is None:
            return
        unknown_ids = ", ".join(u.identifier for u in self.unknown[:8])
        more = " …" if len(self.unknown) > 8 else ""
        lines = [
            f"<b>{r.file}</b> : {format_int(r.read)} ligne(s) lue(s).",
            f"✔ <b>{format_int(r.accepted)}</b> acceptée(s) · {format_int(r.duplicates)} doublon(s) "
            f"ignoré(s) · <span style='color:#c62828'>{format_int(r.rejected)} refusée(s)</span>.",
            f"{format_int(r.unmatched)} ligne(s) de PS inconnus (hors critères du bilan)."
            + (f" PS inconnus de la présérie : {unknown_ids}{more}." if unknown_ids else ""),
        ]
        if r.out_of_scope:
            lines.append(html.escape(r.out_of_scope_sentence()))
        if r.encoding:
            lines.append(f"Encodage du fichier : {r.encoding}.")
        if r.ignored_columns:
            lines.append("Colonnes ignorées : " + ", ".join(r.ignored_columns) + ".")
        groups = r.error_groups
        if groups:
            # The causes first, largest first: the table below lists every row for the detail.
            lines.append(
                "<b>Lignes refusées, par motif</b> "
                "(à corriger dans le fichier avant de l'importer de nouveau) :"
            )
            lines.extend(f"• {html.escape(g.sentence())}" for g in groups[:SHOWN_GROUPS])
            if len(groups) > SHOWN_GROUPS:
                lines.append(
                    f"… et {format_int(len(groups) - SHOWN_GROUPS)} autre(s) motif(s) : "
                    "voir le tableau ou le rapport enregistré."
                )
        self.ui.reportLabel.setText("<br>".join(lines))
        errors = r.errors
        table = self.ui.errorsTable
        table.clear()
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(["Ligne", "Colonne", "Motif du refus"])
        table.setRowCount(len(errors))
        for n, e in enumerate(errors):
            # The row has its own column here: the message is shown as written, not `located()`.
            table.setItem(n, 0, QTableWidgetItem(str(e.row)))
            table.setItem(n, 1, QTableWidgetItem(e.column or ""))
            table.setItem(n, 2, QTableWidgetItem(e.message))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self._set_state(REPORT, running=False)

    def save_report(self) -> None:
        if self.report is None:
            return
        from ordnum_desktop.services.traces.report_workbook import write_import_report  # openpyxl: on demand

        name = f"rapport-import-{Path(self.report.file).stem}.xlsx"
        path = self.ctx.prompts.save_file("Enregistrer le rapport d'import", name, "Classeur Excel (*.xlsx)")
        if (
            path
            and self.ctx.run(
                "Enregistrer le rapport", write_import_report, self.report, self.unknown, Path(path)
            )
            is not None
        ):
            self.ctx.say(f"Rapport d'import enregistré dans « {path} ».")

    # -- teardown ---------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Cancels a running import and waits for its thread (nothing is stored then)."""
        if self.thread is not None:
            self.thread.cancel()
            self.thread.wait()
            # The queued result signal may never be delivered now: finish here.
            ImportThread.active.discard(self.thread)
            self.thread.deleteLater()
            self.thread = None

    def reject(self) -> None:
        if self.thread is not None:  # Échap while importing: cancel, keep the dialog open
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.thread is not None:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
