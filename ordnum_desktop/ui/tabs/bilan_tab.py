"""Bilan tab: the five criteria as of a date, per doctor figures and charts, and the follow-up
the team keeps (technical prerequisites, satisfaction answers, anomaly log).

The follow-up services are imported module by module: services.followup also loads the
satisfaction workbook (openpyxl), which the window needs only when a workbook is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QListWidgetItem, QTableWidget, QTableWidgetItem

from ordnum_desktop.domain.bilan_rules import Bilan, DoctorRateCriterion, WeeklySeries, WeekPoint
from ordnum_desktop.domain.fr_format import format_date, format_datetime, format_int, format_percent
from ordnum_desktop.domain.vocabulary import Criterion, Operation, operation_label
from ordnum_desktop.services.bilan.compute import compute_bilan, weekly_series
from ordnum_desktop.services.followup.anomalies import (
    add_anomaly,
    close_anomaly,
    list_anomalies,
)
from ordnum_desktop.services.followup.prerequisites import (
    add_technical_prerequisite,
    list_technical_prerequisites,
    validate_technical_prerequisites,
)
from ordnum_desktop.services.followup.satisfaction import answers_by_doctor
from ordnum_desktop.services.roster.doctors import doctor_identifier
from ordnum_desktop.ui.context import FOLLOWUP, PRESERIE, ROSTER, TRACES, AppContext
from ordnum_desktop.ui.forms.ui_bilan_tab import Ui_BilanTab
from ordnum_desktop.ui.tabs.tab_base import BaseTab
from ordnum_desktop.ui.widgets.bilan_cards import CriterionCard

GREEN, RED = QColor("#2e7d32"), QColor("#c62828")


def _item(text: object, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _setup_table(table: QTableWidget, headers: list[str], stretch: int | None = None) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class BilanTab(BaseTab):
    name = "bilan"
    watches = frozenset({TRACES, ROSTER, FOLLOWUP, PRESERIE})

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ui = Ui_BilanTab()
        self.ui.setupUi(self)
        self.cards = {key: CriterionCard(key) for key in Criterion}
        for card in self.cards.values():
            self.ui.cardsLayout.addWidget(card)
        _setup_table(
            self.ui.doctorTable,
            ["Médecin", "Identifiant", "Prescriptions", "Numériques", "Taux", "≥ seuil"],
            stretch=0,
        )
        _setup_table(
            self.ui.operationsTable, ["Opération", "Appels", "Réussis", "Échecs", "Au moins un succès"]
        )
        _setup_table(
            self.ui.satisfactionTable,
            ["Médecin", "Identifiant", "Note globale", "Frein bloquant", "Répondu le"],
            stretch=3,
        )
        _setup_table(
            self.ui.anomalyTable,
            ["N°", "Ouverte le", "Opération", "Description", "Bloquante", "Close le"],
            stretch=3,
        )
        _setup_table(
            self.ui.importsTable,
            ["Fichier", "Importé le", "Lues", "Acceptées", "Doublons", "Refusées", "PS inconnus", "État"],
            stretch=0,
        )
        for op in Operation:
            self.ui.anomalyOperation.addItem(op.label, op.value)
        self.ui.anomalyOperation.addItem(operation_label(""), "")
        self.ui.asOfDate.setDate(QDate.currentDate())
        self.ui.asOfDate.dateChanged.connect(self._on_date_changed)
        self.ui.doctorTable.itemSelectionChanged.connect(self._draw_selected_doctor)
        self.ui.addPrerequisiteButton.clicked.connect(self.add_prerequisite)
        self.ui.prerequisiteEdit.returnPressed.connect(self.add_prerequisite)
        self.ui.validatePrerequisitesButton.clicked.connect(self.validate_prerequisites)
        self.ui.answerButton.clicked.connect(self.answer_selected)
        self.ui.satisfactionTable.itemDoubleClicked.connect(lambda _item: self.answer_selected())
        self.ui.addAnomalyButton.clicked.connect(self.add_anomaly)
        self.ui.closeAnomalyButton.clicked.connect(self.close_selected_anomaly)
        self.ui.importTracesButton.clicked.connect(self.import_traces)
        self.ui.undoImportButton.clicked.connect(self.undo_selected_import)
        self.ui.importAnswersButton.clicked.connect(self.import_answers)
        self.ui.answersTemplateButton.clicked.connect(self.save_answers_template)
        self.ui.exportBilanButton.clicked.connect(self.export_bilan)
        self.ui.doctorSplitter.setSizes([560, 640])
        self.as_of: date | None = None  # None: the day of the latest trace (the service's default)
        self.bilan: Bilan | None = None
        self.series: WeeklySeries | None = None
        self._answers: list = []
        self._anomalies: list = []
        self._batches: list = []
        self._charts: list[Any] = []
        self._loading = False

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        ws, pid = self.ctx.ws, self.ctx.preserie_id
        bilan = self.bilan = compute_bilan(ws, pid, self.as_of)
        self.series = None  # computed when a doctor's chart is first drawn
        self._loading = True
        self.ui.asOfDate.setDate(QDate(bilan.as_of))
        self._loading = False
        for card in self.cards.values():
            card.show_criterion(bilan)
        self._show_decision(bilan)
        unmatched = bilan.unmatched_rows
        self.ui.tracesLabel.setText(
            f"  {format_int(unmatched)} ligne(s) de PS inconnus, hors critères" if unmatched else ""
        )
        self._fill_doctors(bilan.doctor_rate)
        self._fill_operations(bilan)
        self._fill_prerequisites(bilan)
        self._fill_satisfaction()
        self._fill_anomalies()
        self._fill_imports()
        read_only = bool(ws.read_only)
        for widget in (
            self.ui.importTracesButton,
            self.ui.undoImportButton,
            self.ui.importAnswersButton,
            self.ui.addPrerequisiteButton,
            self.ui.validatePrerequisitesButton,
            self.ui.answerButton,
            self.ui.addAnomalyButton,
            self.ui.closeAnomalyButton,
        ):
            widget.setEnabled(not read_only)

    def _on_date_changed(self, value: QDate) -> None:
        if self._loading or not self.ctx.ready:
            return
        self.as_of = value.toPython()
        self.refresh()
        self.ctx.say(f"Bilan recalculé au {format_date(self.as_of)}.")

    def _show_decision(self, bilan: Bilan) -> None:
        failed = bilan.failed
        if not failed:
            text = (
                "<span style='color:#2e7d32; font-size:13pt'><b>Décision : déploiement.</b></span> "
                "Les cinq critères sont atteints : réunion de lancement du déploiement, désactivation "
                "des traces postes par l'éditeur."
            )
        else:
            parts = []
            for key in failed:
                name = key.label.lower()
                if key is Criterion.DOCTOR_RATE:
                    below = [d.display_name for d in bilan.doctor_rate.below]
                    if below:
                        name += f" ({', '.join(below)} sous le seuil)"
                parts.append(name)
            names = ", ".join(parts)
            text = (
                "<span style='color:#c62828; font-size:13pt'><b>Décision : prolongation.</b></span> "
                f"Critère(s) non atteint(s) : {names}. La présérie est prolongée et/ou élargie après "
                "correction, puis un nouveau bilan est fait."
            )
        self.ui.decisionLabel.setText(text)

    def _fill_doctors(self, criterion: DoctorRateCriterion) -> None:
        table = self.ui.doctorTable
        selected = self.selected_identifier()
        table.setRowCount(len(criterion.doctors))
        for row, d in enumerate(criterion.doctors):
            table.setItem(row, 0, _item(d.display_name))
            table.item(row, 0).setData(Qt.ItemDataRole.UserRole, d.identifier)
            table.setItem(row, 1, _item(d.identifier))
            table.setItem(row, 2, _item(format_int(d.prescriptions), True))
            table.setItem(row, 3, _item(format_int(d.digital), True))
            rate = _item(format_percent(d.rate), True)
            rate.setForeground(QBrush(GREEN if d.met else RED))
            table.setItem(row, 4, rate)
            mark = _item("✔" if d.met else "✖")
            mark.setForeground(QBrush(GREEN if d.met else RED))
            mark.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, 5, mark)
        if not criterion.doctors:
            self._show_charts(None)
            return
        identifiers = [d.identifier for d in criterion.doctors]
        table.blockSignals(True)
        table.selectRow(identifiers.index(selected) if selected in identifiers else 0)
        table.blockSignals(False)
        self._draw_selected_doctor()

    def _fill_operations(self, bilan: Bilan) -> None:
        table = self.ui.operationsTable
        table.setRowCount(len(Operation))
        for row, op in enumerate(Operation):
            count = bilan.operations.operation(op)
            table.setItem(row, 0, _item(op.label))
            table.setItem(row, 1, _item(format_int(count.calls), True))
            table.setItem(row, 2, _item(format_int(count.succeeded), True))
            table.setItem(row, 3, _item(format_int(count.failed), True))
            mark = _item("✔ oui" if count.succeeded else "✖ non")
            mark.setForeground(QBrush(GREEN if count.succeeded else RED))
            table.setItem(row, 4, mark)
        reg = bilan.registration
        self.ui.registrationLabel.setText(
            f"E-prescriptions créées : {format_int(reg.created)} · enregistrées dans la base de "
            f"l'Assurance Maladie : {format_int(reg.registered)} ({format_percent(reg.rate)}, "
            f"seuil {format_percent(reg.threshold, 0)})."
        )

    def _fill_prerequisites(self, bilan: Bilan) -> None:
        items = list_technical_prerequisites(self.ctx.ws, self.ctx.preserie_id)
        self.ui.prerequisitesList.clear()
        for n, item in enumerate(items, start=1):
            self.ui.prerequisitesList.addItem(QListWidgetItem(f"{n}. {item.text}"))
        when = bilan.prerequisites.validated_at
        if when:
            self.ui.prerequisitesStatus.setText(f"✔ Liste validée le {format_datetime(when)}.")
        elif items:
            self.ui.prerequisitesStatus.setText("Liste non validée : validez-la quand l'équipe l'a relue.")
        else:
            self.ui.prerequisitesStatus.setText("Aucun prérequis technique : ajoutez-en au moins un.")

    def _fill_satisfaction(self) -> None:
        self._answers = answers_by_doctor(self.ctx.ws, self.ctx.preserie_id)
        table = self.ui.satisfactionTable
        table.setRowCount(len(self._answers))
        for row, (doctor, answer) in enumerate(self._answers):
            table.setItem(row, 0, _item(f"{doctor.first_name} {doctor.last_name}".strip()))
            table.setItem(row, 1, _item(doctor_identifier(doctor)))
            if answer is None:
                table.setItem(row, 2, _item("pas de réponse"))
                table.item(row, 2).setForeground(QBrush(QColor("#757575")))
                for col in (3, 4):
                    table.setItem(row, col, _item(""))
                continue
            table.setItem(row, 2, _item(f"{answer.score} / 5", True))
            blocking = _item(answer.blocking_text if answer.blocking else "non")
            if answer.blocking:
                blocking.setForeground(QBrush(RED))
            table.setItem(row, 3, blocking)
            table.setItem(row, 4, _item(format_date(answer.answered_at)))

    def _fill_anomalies(self) -> None:
        self._anomalies = list_anomalies(self.ctx.ws, self.ctx.preserie_id)
        table = self.ui.anomalyTable
        table.setRowCount(len(self._anomalies))
        for row, a in enumerate(self._anomalies):
            table.setItem(row, 0, _item(a.id, True))
            table.setItem(row, 1, _item(format_datetime(a.opened_at)))
            table.setItem(row, 2, _item(operation_label(a.operation)))
            table.setItem(row, 3, _item(a.description))
            blocking = _item("oui" if a.blocking else "non")
            if a.blocking and a.closed_at is None:
                blocking.setForeground(QBrush(RED))
            table.setItem(row, 4, blocking)
            table.setItem(row, 5, _item(format_datetime(a.closed_at) if a.closed_at else "ouverte"))

    def _fill_imports(self) -> None:
        from ordnum_desktop.services.traces.importer import list_batches

        self._batches = list(reversed(list_batches(self.ctx.ws, self.ctx.preserie_id)))  # latest first
        table = self.ui.importsTable
        table.setRowCount(len(self._batches))
        for row, b in enumerate(self._batches):
            table.setItem(row, 0, _item(b.file_name))
            table.setItem(row, 1, _item(format_datetime(b.imported_at)))
            for col, value in enumerate((b.read, b.accepted, b.duplicates, b.rejected, b.unmatched), start=2):
                table.setItem(row, col, _item(format_int(value), True))
            state = _item(f"retiré le {format_datetime(b.undone_at)}" if b.undone_at else "pris en compte")
            if b.undone_at:
                state.setForeground(QBrush(QColor("#757575")))
            table.setItem(row, 7, state)

    # -- charts -----------------------------------------------------------------------------
    def selected_identifier(self) -> str | None:
        items = self.ui.doctorTable.selectedItems()
        row = items[0].row() if items else None
        if row is None or self.ui.doctorTable.item(row, 0) is None:
            return None
        return self.ui.doctorTable.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def _draw_selected_doctor(self) -> None:
        ident = self.selected_identifier()
        if ident is None or self.bilan is None:
            return
        if self.series is None:
            self.series = weekly_series(self.ctx.ws, self.ctx.preserie_id, self.as_of)
        doctor = self.bilan.doctor_rate.doctor(ident)
        self._show_charts((doctor.name if doctor else ident, self.series.get(ident, ())))

    def _show_charts(self, data: tuple[str, tuple[WeekPoint, ...]] | None) -> None:
        from ordnum_desktop.ui.widgets.chart_canvas import ChartSlot

        try:
            from ordnum_desktop.services.bilan.charts import prescription_bars_chart, weekly_rate_chart
        except ImportError:
            return
        if not self._charts:
            self._charts = [ChartSlot(self.ui.chartLayout), ChartSlot(self.ui.chartLayout)]
        name, weeks = data if data is not None else ("aucun médecin utilisateur", ())
        if self.bilan is None:
            return
        threshold = self.bilan.doctor_rate.threshold
        self._charts[0].show(weekly_rate_chart(weeks, title=name, threshold=threshold))
        self._charts[1].show(prescription_bars_chart(weeks))

    # -- follow-up actions ------------------------------------------------------------------
    def add_prerequisite(self) -> None:
        text = self.ui.prerequisiteEdit.text()
        was_validated = self.bilan is not None and self.bilan.prerequisites.validated_at is not None
        if (
            self.ctx.run(
                "Prérequis techniques", add_technical_prerequisite, self.ctx.ws, self.ctx.preserie_id, text
            )
            is None
        ):
            return
        self.ui.prerequisiteEdit.clear()
        self.ctx.say("Prérequis ajouté" + (" : la liste est à valider de nouveau." if was_validated else "."))
        self.ctx.notify(FOLLOWUP)

    def validate_prerequisites(self) -> None:
        if (
            self.ctx.run(
                "Prérequis techniques", validate_technical_prerequisites, self.ctx.ws, self.ctx.preserie_id
            )
            is not None
        ):
            self.ctx.say("Liste des prérequis techniques validée.")
            self.ctx.notify(FOLLOWUP)

    def answer_selected(self) -> None:
        rows = self.ui.satisfactionTable.selectionModel().selectedRows()
        if not rows:
            self.ctx.prompts.info("Satisfaction", "Sélectionnez d'abord le médecin dans la liste.")
            return
        doctor, answer = self._answers[rows[0].row()]
        from ordnum_desktop.ui.dialogs.satisfaction_dialog import SatisfactionDialog

        dialog = SatisfactionDialog(self.ctx, doctor, answer, self)
        if self.ctx.prompts.run_dialog(dialog):
            self.ctx.say(f"Réponse de {doctor.first_name} {doctor.last_name} enregistrée.")
            self.ctx.notify(FOLLOWUP)

    def add_anomaly(self) -> None:
        if (
            self.ctx.run(
                "Anomalies",
                add_anomaly,
                self.ctx.ws,
                self.ctx.preserie_id,
                self.ui.anomalyOperation.currentData(),
                self.ui.anomalyEdit.text(),
                blocking=self.ui.anomalyBlocking.isChecked(),
            )
            is None
        ):
            return
        self.ui.anomalyEdit.clear()
        self.ui.anomalyBlocking.setChecked(False)
        self.ctx.say("Anomalie ajoutée au journal.")
        self.ctx.notify(FOLLOWUP)

    def close_selected_anomaly(self) -> None:
        rows = self.ui.anomalyTable.selectionModel().selectedRows()
        if not rows:
            self.ctx.prompts.info("Anomalies", "Sélectionnez d'abord l'anomalie à clore.")
            return
        anomaly = self._anomalies[rows[0].row()]
        if self.ctx.run("Anomalies", close_anomaly, self.ctx.ws, anomaly.id) is not None:
            self.ctx.say(f"Anomalie n° {anomaly.id} close.")
            self.ctx.notify(FOLLOWUP)

    def import_answers(self) -> None:
        from ordnum_desktop.services.followup.satisfaction_workbook import import_satisfaction

        path = self.ctx.prompts.open_file("Importer les réponses au questionnaire", "Classeur Excel (*.xlsx)")
        if not path:
            return
        report = self.ctx.run(
            "Importer les réponses", import_satisfaction, self.ctx.ws, self.ctx.preserie_id, Path(path)
        )
        if report is None:
            return
        text = f"{report.recorded} réponse(s) enregistrée(s) depuis « {report.file} »."
        if report.errors:
            lines = "\n".join(
                f"ligne {e.get('row')}, {e.get('column', '')} : {e.get('message')}"
                for e in report.errors[:10]
            )
            self.ctx.prompts.error(
                "Importer les réponses", f"{text}\n{report.rejected} ligne(s) refusée(s) :\n{lines}"
            )
        self.ctx.say(text)
        self.ctx.notify(FOLLOWUP)

    def save_answers_template(self) -> None:
        from ordnum_desktop.services.followup.satisfaction_workbook import write_satisfaction_template

        path = self.ctx.prompts.save_file(
            "Questionnaire à remplir", "questionnaire-satisfaction.xlsx", "Classeur Excel (*.xlsx)"
        )
        if (
            path
            and self.ctx.run(
                "Questionnaire à remplir",
                write_satisfaction_template,
                Path(path),
                self.ctx.ws,
                self.ctx.preserie_id,
            )
            is not None
        ):
            self.ctx.say(f"Questionnaire enregistré dans « {path} ».")

    def undo_selected_import(self) -> None:
        from ordnum_desktop.services.traces.undo import undo_batch

        rows = self.ui.importsTable.selectionModel().selectedRows()
        if not rows:
            self.ctx.prompts.info("Imports de traces", "Sélectionnez d'abord l'import à retirer.")
            return
        batch = self._batches[rows[0].row()]
        if batch.undone_at is not None:
            self.ctx.prompts.info(
                "Imports de traces", f"Les lignes de « {batch.file_name} » ont déjà été retirées."
            )
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

    # -- traces and print -------------------------------------------------------------------
    def import_traces(self) -> None:
        from ordnum_desktop.ui.dialogs.traces_dialog import TracesImportDialog

        dialog = TracesImportDialog(self.ctx, self)
        self.ctx.prompts.run_dialog(dialog)
        dialog.shutdown()

    def export_bilan(self) -> None:
        day = self.bilan.as_of if self.bilan is not None else date.today()
        name = f"bilan-{day.isoformat()}.pdf"
        path = self.ctx.prompts.save_file("Exporter le bilan", name, "Document PDF (*.pdf)")
        if not path:
            return
        try:
            from ordnum_desktop.services.bilan.pdf_export import write_bilan_pdf
        except ImportError:
            self.ctx.prompts.error(
                "Exporter le bilan", "L'export PDF n'est pas disponible dans cette version."
            )
            return
        from ordnum_desktop.ui.background import BackgroundTask

        self.ui.exportBilanButton.setEnabled(False)
        self.ctx.say("Export du bilan en cours…")

        def done(_path: object) -> None:
            self.ui.exportBilanButton.setEnabled(True)
            self.ctx.say(f"Bilan enregistré dans « {path} ».")

        def failed(message: str) -> None:
            self.ui.exportBilanButton.setEnabled(True)
            self.ctx.say("Le bilan n'a pas été exporté.")
            self.ctx.prompts.error("Exporter le bilan", message)

        BackgroundTask.start_task(
            write_bilan_pdf,
            self.ctx.ws,
            self.ctx.preserie_id,
            Path(path),
            as_of=self.as_of,
            on_done=done,
            on_failed=failed,
        )
