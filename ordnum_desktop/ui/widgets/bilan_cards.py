"""The five criteria of the bilan as pass/fail cards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout

from ordnum_desktop.domain.bilan_rules import Bilan
from ordnum_desktop.domain.fr_format import format_date, format_int, format_percent
from ordnum_desktop.domain.vocabulary import Criterion, Operation

PASS = ("#e8f5e9", "#2e7d32", "✔ Atteint")
FAIL = ("#fdecea", "#c62828", "✖ Non atteint")


def criterion_figures(key: Criterion, bilan: Bilan) -> str:
    """The figures under a card's verdict, in French."""
    if key is Criterion.DOCTOR_RATE:
        rate = bilan.doctor_rate
        return (
            f"{rate.at_threshold} médecin(s) sur {len(rate.doctors)} à {format_percent(rate.threshold, 0)} "
            "ou plus d'e-prescriptions"
        )
    if key is Criterion.REGISTRATION:
        reg = bilan.registration
        return (
            f"{format_int(reg.registered)} enregistrée(s) sur {format_int(reg.created)} créée(s) : "
            f"{format_percent(reg.rate)} (seuil {format_percent(reg.threshold, 0)})"
        )
    if key is Criterion.OPERATIONS:
        ops = bilan.operations
        counts = [(op.label.lower(), ops.operation(op)) for op in Operation]
        parts = [f"{label} {format_int(c.succeeded)}/{format_int(c.calls)}" for label, c in counts]
        blocking = ops.open_blocking_anomalies
        tail = f" · {blocking} anomalie(s) bloquante(s) ouverte(s)" if blocking else ""
        return "Réussis : " + ", ".join(parts) + tail
    if key is Criterion.PREREQUISITES:
        pre = bilan.prerequisites
        when = pre.validated_at
        state = f"liste validée le {format_date(when)}" if when else "liste non validée"
        return f"{pre.count} prérequis · {state}"
    sat = bilan.satisfaction
    return f"{sat.answered} réponse(s) sur {sat.expected} · {sat.blocking} frein(s) bloquant(s)"


class CriterionCard(QFrame):
    def __init__(self, key: Criterion) -> None:
        super().__init__()
        self.key = key
        self.setObjectName(f"card_{key.value}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(2)
        self.title = QLabel(key.numbered)  # the same title as in the CLI and the PDF
        self.title.setWordWrap(True)
        self.verdict = QLabel("")
        self.verdict.setWordWrap(True)  # « ✖ Non atteint » wraps rather than widen the tab at 150 %
        self.figures = QLabel("")
        self.figures.setWordWrap(True)
        self.figures.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for widget in (self.title, self.verdict, self.figures):
            layout.addWidget(widget)
        layout.addStretch(1)  # cards of one row keep their titles aligned
        self.met: bool | None = None

    def show_criterion(self, bilan: Bilan) -> None:
        self.met = bilan.criterion(self.key).met
        bg, fg, text = PASS if self.met else FAIL
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ background: {bg}; border: 1px solid {fg}; border-radius: 6px; }}"
        )
        self.title.setStyleSheet("font-weight: bold; color: #212121;")
        self.verdict.setStyleSheet(f"font-weight: bold; font-size: 14pt; color: {fg};")
        self.verdict.setText(text)
        self.figures.setText(criterion_figures(self.key, bilan))
