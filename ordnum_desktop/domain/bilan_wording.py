"""The decision in words, written once for the window, the command line, the PDF and the workbook.

A failed criterion says what the présérie measured; a failed precondition says what to put right
before a decision can be taken (roster, launch prerequisites); the notes say which rows are
counted nowhere (rejected at import, other activity of a roster doctor, unknown identifiers).
The doctors below the threshold are attached to criterion 1 only. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from ordnum_desktop.domain.bilan_rules import Bilan
from ordnum_desktop.domain.fr_format import format_int
from ordnum_desktop.domain.vocabulary import Criterion, Decision

NEXT_DEPLOY = "Réunion de lancement du déploiement, puis désactivation des traces postes par l'éditeur."
NEXT_EXTEND = "La présérie est prolongée et/ou élargie après correction, puis un nouveau bilan est fait."


def _s(n: int) -> str:
    return "s" if n > 1 else ""


@dataclass(frozen=True)
class DecisionStatement:
    decision: Decision
    headline: str  # the decision's label: « Déploiement autorisé », « Prolongation de la présérie »
    reason: str  # one sentence: why
    criteria: tuple[str, ...]  # the criteria not met, numbered titles (with the doctors below)
    preconditions: tuple[str, ...]  # the failed preconditions, as sentences
    notes: tuple[str, ...]  # rows counted nowhere
    next_step: str

    @property
    def lines(self) -> list[str]:
        """Plain text, one item per line: the command line's and the workbook's form."""
        out = [f"Décision : {self.headline} — {self.reason}"]
        if self.criteria:
            out.append("Critères non atteints :")
            out += [f"  - {c}" for c in self.criteria]
        if self.preconditions:
            out.append("Préconditions à remplir avant de décider :")
            out += [f"  - {p}" for p in self.preconditions]
        out += self.notes
        out.append(self.next_step)
        return out


def _criterion_line(b: Bilan, key: Criterion) -> str:
    line = key.numbered
    below = b.doctor_rate.below
    if key is Criterion.DOCTOR_RATE and below:
        who = ", ".join(d.display_name for d in below) if len(below) <= 3 else f"{len(below)} médecins"
        line += f" (sous le seuil : {who})"
    return line


def _notes(b: Bilan) -> list[str]:
    notes = []
    if b.rejected_rows:
        n = b.rejected_rows
        notes.append(
            f"{format_int(n)} ligne{_s(n)} de traces rejetée{_s(n)} à l'import "
            f"n{'e sont' if n > 1 else 'est'} pas comptée{_s(n)} : corrigez-les dans le fichier "
            "puis réimportez-le."
        )
    if b.unmatched_rows:
        parts = [f"{u.label} {u.identifier} ({format_int(u.rows)})" for u in b.unmatched[:5]]
        more = f" et {len(b.unmatched) - 5} autre(s)" if len(b.unmatched) > 5 else ""
        n = b.unmatched_rows
        notes.append(
            f"{format_int(n)} ligne{_s(n)} hors critères, sans médecin utilisateur de l'effectif : "
            + ", ".join(parts)
            + more
            + "."
        )
    return notes


def decision_statement(b: Bilan) -> DecisionStatement:
    criteria = tuple(_criterion_line(b, k) for k in b.failed)
    preconditions = tuple(f.message for f in b.preconditions.failed)
    if b.decision is Decision.DEPLOY:
        reason = "les cinq critères de validation sont atteints et les préconditions sont remplies."
        step = NEXT_DEPLOY
    else:
        parts = []
        if criteria:
            parts.append(f"{len(criteria)} critère{_s(len(criteria))} non atteint{_s(len(criteria))}")
        if preconditions:
            n = len(preconditions)
            parts.append(f"{n} précondition{_s(n)} non remplie{_s(n)}")
        reason = " et ".join(parts) + "."
        if not criteria:
            reason = "les cinq critères sont atteints, mais " + reason
        step = NEXT_EXTEND
    return DecisionStatement(
        b.decision, b.decision.label, reason, criteria, preconditions, tuple(_notes(b)), step
    )


__all__ = ["DecisionStatement", "decision_statement"]
