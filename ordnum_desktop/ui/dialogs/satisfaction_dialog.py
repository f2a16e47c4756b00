"""One doctor's satisfaction questionnaire, built from resources/questionnaire/<version>.json."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

from ordnum_desktop.domain.names import person_name
from ordnum_desktop.services.followup.questionnaire import load_questionnaire
from ordnum_desktop.services.followup.satisfaction import answer_scores, record_satisfaction
from ordnum_desktop.services.roster.doctors import doctor_identifier
from ordnum_desktop.store.models import Doctor, SatisfactionAnswer
from ordnum_desktop.ui.context import AppContext
from ordnum_desktop.ui.forms.ui_satisfaction_dialog import Ui_SatisfactionDialog


class SatisfactionDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        doctor: Doctor,
        answer: SatisfactionAnswer | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doctor = doctor
        self.ui = Ui_SatisfactionDialog()
        self.ui.setupUi(self)
        q = load_questionnaire()
        self.questionnaire = q
        name = person_name(doctor.last_name, doctor.first_name)
        self.ui.titleLabel.setText(f"<b>{q.title}</b><br>{name} ({doctor_identifier(doctor)})")
        previous = answer_scores(answer) if answer is not None else {}
        self.combos: dict[str, QComboBox] = {}
        for question in q.questions:
            combo = QComboBox()
            combo.addItem("(sans réponse)", None)
            for value in range(q.scale_min, q.scale_max + 1):
                combo.addItem(f"{value} — {q.scale_labels.get(value, '')}".rstrip(" —"), value)
            if question.id in previous:
                combo.setCurrentIndex(max(combo.findData(previous[question.id]), 0))
            label = QLabel(question.text)
            label.setWordWrap(True)
            self.ui.questionsForm.addRow(label, combo)
            self.combos[question.id] = combo
        self.ui.blockingCheck.setText(q.blocking_question)
        self.ui.blockingEdit.setPlaceholderText(q.blocking_detail)
        self.ui.blockingEdit.setAccessibleName("Précisions sur le frein bloquant")
        self.ui.blockingEdit.setAccessibleDescription(q.blocking_detail)
        self.ui.blockingCheck.toggled.connect(self.ui.blockingEdit.setEnabled)
        if answer is not None and answer.blocking:
            self.ui.blockingCheck.setChecked(True)
            self.ui.blockingEdit.setText(answer.blocking_text)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Enregistrer")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)

    def set_scores(self, scores: dict[str, int]) -> None:
        for qid, value in scores.items():
            self.combos[qid].setCurrentIndex(self.combos[qid].findData(value))

    def accept(self) -> None:
        scores = {
            qid: combo.currentData() for qid, combo in self.combos.items() if combo.currentData() is not None
        }
        blocking = self.ui.blockingCheck.isChecked()
        saved = self.ctx.run(
            "Questionnaire de satisfaction",
            record_satisfaction,
            self.ctx.ws,
            self.ctx.preserie_id,
            doctor_identifier(self.doctor),
            scores=scores,
            blocking_text=self.ui.blockingEdit.text() if blocking else None,
            blocking=blocking,
        )
        if saved is not None:
            super().accept()
