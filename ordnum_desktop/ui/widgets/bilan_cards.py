"""The five criteria of the bilan as pass/fail cards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout

from ordnum_desktop.domain.fr_format import format_int, format_iso_date, format_percent

CRITERIA_TITLES = {
    "doctor_rate": "1. Taux par médecin",
    "registration": "2. Enregistrement",
    "operations": "3. Aucune anomalie bloquante",
    "prerequisites": "4. Prérequis techniques",
    "satisfaction": "5. Satisfaction",
}
PASS = ("#e8f5e9", "#2e7d32", "✔ Atteint")
FAIL = ("#fdecea", "#c62828", "✖ Non atteint")


def criterion_figures(key: str, c: dict[str, Any]) -> str:
    """The figures under a card's verdict, in French."""
    if key == "doctor_rate":
        doctors = c["doctors"]
        met = sum(1 for d in doctors if d["met"])
        return (
            f"{met} médecin(s) sur {len(doctors)} à {format_percent(c['threshold'], 0)} "
            "ou plus d'e-prescriptions"
        )
    if key == "registration":
        return (
            f"{format_int(c['registered'])} enregistrée(s) sur {format_int(c['created'])} créée(s) : "
            f"{format_percent(c['rate'])} (seuil {format_percent(c['threshold'], 0)})"
        )
    if key == "operations":
        parts = [
            f"{label} {format_int(c[op]['succeeded'])}/{format_int(c[op]['calls'])}"
            for op, label in (("creer", "créer"), ("consulter", "consulter"), ("rechercher", "rechercher"))
        ]
        blocking = c.get("open_blocking_anomalies", 0)
        tail = f" · {blocking} anomalie(s) bloquante(s) ouverte(s)" if blocking else ""
        return "Réussis : " + ", ".join(parts) + tail
    if key == "prerequisites":
        when = c.get("validated_at")
        state = f"liste validée le {format_iso_date(when)}" if when else "liste non validée"
        return f"{c.get('count', 0)} prérequis · {state}"
    if key == "satisfaction":
        return (
            f"{c.get('answered', 0)} réponse(s) sur {c.get('expected', 0)} · "
            f"{c.get('blocking', 0)} frein(s) bloquant(s)"
        )
    return ""


class CriterionCard(QFrame):
    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.setObjectName(f"card_{key}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(2)
        self.title = QLabel(CRITERIA_TITLES[key])
        self.verdict = QLabel("")
        self.figures = QLabel("")
        self.figures.setWordWrap(True)
        self.figures.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for widget in (self.title, self.verdict, self.figures):
            layout.addWidget(widget)
        layout.addStretch(1)  # cards of one row keep their titles aligned
        self.met: bool | None = None

    def show_criterion(self, criterion: dict[str, Any]) -> None:
        self.met = bool(criterion["met"])
        bg, fg, text = PASS if self.met else FAIL
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ background: {bg}; border: 1px solid {fg}; border-radius: 6px; }}"
        )
        self.title.setStyleSheet("font-weight: bold; color: #212121;")
        self.verdict.setStyleSheet(f"font-weight: bold; font-size: 14pt; color: {fg};")
        self.verdict.setText(text)
        self.figures.setText(criterion_figures(self.key, criterion))
