"""Satisfaction: each roster doctor's answer to the questionnaire (criterion 5), typed in a
dialog or imported from the filled workbook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QWidget

from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.names import person_name
from ordnum_desktop.services.followup.satisfaction import answers_by_doctor
from ordnum_desktop.services.roster.doctors import doctor_identifier
from ordnum_desktop.store.models import Doctor, SatisfactionAnswer
from ordnum_desktop.ui.context import FOLLOWUP, AppContext
from ordnum_desktop.ui.dialogs.satisfaction_dialog import SatisfactionDialog
from ordnum_desktop.ui.forms.ui_bilan_tab import Ui_BilanTab
from ordnum_desktop.ui.tabs.bilan.tables import GREY, RED, item, selected_row, setup_table


class SatisfactionPage:
    def __init__(self, ui: Ui_BilanTab, ctx: AppContext, parent: QWidget) -> None:
        self.ui, self.ctx, self.parent = ui, ctx, parent
        setup_table(
            ui.satisfactionTable,
            ["Médecin", "Identifiant", "Note globale", "Frein bloquant", "Répondu le"],
            stretch=3,
        )
        ui.answerButton.clicked.connect(self.answer_selected)
        # itemActivated: a double click, or Enter from the keyboard (RGAA 7.3).
        ui.satisfactionTable.itemActivated.connect(lambda _item: self.answer_selected())
        ui.importAnswersButton.clicked.connect(self.import_answers)
        ui.answersTemplateButton.clicked.connect(self.save_answers_template)
        self.answers: list[tuple[Doctor, SatisfactionAnswer | None]] = []

    def fill(self) -> None:
        self.answers = answers_by_doctor(self.ctx.ws, self.ctx.preserie_id)
        table = self.ui.satisfactionTable
        table.setRowCount(len(self.answers))
        for row, (doctor, answer) in enumerate(self.answers):
            table.setItem(row, 0, item(person_name(doctor.last_name, doctor.first_name)))
            table.setItem(row, 1, item(doctor_identifier(doctor)))
            if answer is None:
                table.setItem(row, 2, item("pas de réponse"))
                table.item(row, 2).setForeground(QBrush(GREY))
                for col in (3, 4):
                    table.setItem(row, col, item(""))
                continue
            table.setItem(row, 2, item(f"{answer.score} / 5", True))
            blocking = item(answer.blocking_text if answer.blocking else "non")
            if answer.blocking:
                blocking.setForeground(QBrush(RED))
            table.setItem(row, 3, blocking)
            table.setItem(row, 4, item(format_date(answer.answered_at)))

    def answer_selected(self) -> None:
        row = selected_row(self.ui.satisfactionTable)
        if row is None:
            self.ctx.prompts.info("Satisfaction", "Sélectionnez d'abord le médecin dans la liste.")
            return
        doctor, answer = self.answers[row]
        dialog = SatisfactionDialog(self.ctx, doctor, answer, self.parent)
        if self.ctx.prompts.run_dialog(dialog):
            self.ctx.say(f"Réponse de {person_name(doctor.last_name, doctor.first_name)} enregistrée.")
            self.ctx.notify(FOLLOWUP)

    def import_answers(self) -> None:
        # openpyxl is loaded when a workbook is read, not with the window.
        from ordnum_desktop.services.followup.satisfaction_workbook import import_satisfaction

        path = self.ctx.prompts.open_file(
            "Importer les réponses au questionnaire", "Classeur (*.xlsx *.xlsm *.xlsb *.xls *.ods)"
        )
        if not path:
            return
        report = self.ctx.run(
            "Importer les réponses", import_satisfaction, self.ctx.ws, self.ctx.preserie_id, Path(path)
        )
        if report is None:
            return
        text = f"{report.recorded} réponse(s) enregistrée(s) depuis « {report.file} »."
        if report.errors:
            lines = "\n".join(e.located() for e in report.errors[:10])
            self.ctx.prompts.error(
                "Importer les réponses", f"{text}\n{report.rejected} ligne(s) refusée(s) :\n{lines}"
            )
        self.ctx.say(text)
        self.ctx.notify(FOLLOWUP)

    def save_answers_template(self) -> None:
        # openpyxl is loaded when a workbook is written, not with the window.
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
