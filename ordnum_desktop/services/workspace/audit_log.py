"""The audit trail as the user reads it: for the window's history tab, `ordnum audit` and the
sheet of the bilan workbook."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import col, select

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.roster_rules import EXERCISES, MODES
from ordnum_desktop.domain.vocabulary import Decision
from ordnum_desktop.services.roster.preseries import STATUSES
from ordnum_desktop.services.workspace.field_labels import FIELD_LABELS
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import AuditEntry

ENTITY_LABELS = {
    "preserie": "Présérie",
    "doctor": "Médecin",
    "installation_plan": "Planning",
    "cpam_selection": "CPAM référente",
    "satisfaction_answer": "Questionnaire de satisfaction",
    "anomaly": "Anomalie",
    "technical_prerequisite": "Prérequis technique",
    "prerequisite": "Prérequis",
    "import_batch": "Import de traces",
    "closed_bilan": "Bilan clos",
    "preserie_period": "Prolongation",
    "workspace": "Espace de travail",
}
ACTION_LABELS = {
    "insert": "Ajout",
    "update": "Modification",
    "delete": "Suppression",
    "import": "Import",
    "undo": "Annulation",
    "restore": "Restauration",
}


def _value_labels() -> dict[str, dict[str, str]]:
    """Codes stored in the file, shown with the words the window uses."""
    ref = load_referentiel()
    return {
        "status": STATUSES,
        "exercise": EXERCISES,
        "mode": MODES,
        "structure": {c.code: c.label for c in ref.structures},
        "operation": {c.code: c.label for c in ref.operations},
    }


# Identity fields, in order, naming the object an entry is about.
# « label » before « code »: a prerequisite reads as the window shows it, never as its key (« kit »).
NAME_FIELDS = (
    "last_name",
    "first_name",
    "cpam_id",
    "file_name",
    "label",
    "code",
    "description",
    "text",
    "editor",
)
HIDDEN = {"id", "preserie_id", "doctor_id", "centre_id", "batch_id", "scores_json", "file_hash", "code"}
# « Par » : the database user (a server's role; a laptop file's OS login), migration 0007.
EXPORT_HEADER = ["Date", "Action", "Objet", "Détail", "Lot d'import", "Par"]


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    preserie_id: int | None
    entity: str
    entity_id: int | None
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    batch_id: int | None
    changed_by: str = ""

    @property
    def label(self) -> str:
        action = ACTION_LABELS.get(self.action, self.action)
        return f"{action} — {ENTITY_LABELS.get(self.entity, self.entity)}"

    def summary(self) -> str:
        """One French line saying what changed."""
        return describe(self)


def french_value(value: Any, field: str | None = None) -> str:
    """A stored value as the user reads it: dates JJ/MM/AAAA, oui/non, codes as their labels."""
    if field is not None and isinstance(value, str):
        labels = _value_labels().get(field)
        if labels and value in labels:
            return labels[value]
    if value is None or value == "":
        return "(vide)"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value
        rest = value[11:16]
        return day.strftime("%d/%m/%Y") + (f" {rest}" if rest else "")
    return str(value)


def _name(values: dict[str, Any]) -> str:
    if "last_name" in values:
        return " ".join(str(values.get(k) or "") for k in ("last_name", "first_name")).strip()
    for key in NAME_FIELDS:
        if values.get(key):
            text = str(values[key])
            return text if len(text) <= 60 else text[:57] + "…"
    return ""


def _decision_label(code: Any) -> str:
    try:
        return Decision(code).label
    except ValueError:
        return str(code)


def describe(entry: AuditView) -> str:
    if entry.action == "update":
        parts = [
            f"{FIELD_LABELS.get(k, k)} : {french_value(entry.before.get(k), k)} → {french_value(v, k)}"
            for k, v in entry.after.items()
            if k not in HIDDEN
        ]
        return "; ".join(parts) or "aucun changement visible"
    if entry.action == "undo":
        rows = entry.after.get("rows_removed", 0)
        return f"{_name(entry.before) or 'lot'} : {rows} ligne(s) de traces retirée(s)"
    if entry.action == "restore":
        return f"restauration de la sauvegarde {entry.after.get('backup', '')}".strip()
    if entry.entity == "closed_bilan":  # services/bilan/closing.py: written once, never changed
        a = entry.after
        return (
            f"bilan n° {a.get('number')} au {french_value(a.get('as_of'))}, réunion du "
            f"{french_value(a.get('meeting_date'))}, décision « {_decision_label(a.get('decision'))} », "
            f"empreinte {a.get('digest')}"
        )
    values = entry.after if entry.action in ("insert", "import") else entry.before
    if entry.action == "import":
        return (
            f"{values.get('file_name', '')} : {values.get('read', 0)} ligne(s) lue(s), "
            f"{values.get('accepted', 0)} retenue(s)"
        )
    return _name(values) or f"n° {entry.entity_id}"


def _view(e: AuditEntry) -> AuditView:
    return AuditView(
        id=e.id or 0,
        at=e.at,
        preserie_id=e.preserie_id,
        entity=e.entity,
        entity_id=e.entity_id,
        action=e.action,
        before=json.loads(e.before_json or "{}"),
        after=json.loads(e.after_json or "{}"),
        batch_id=e.batch_id,
        changed_by=e.changed_by,
    )


def list_entries(
    ws: Workspace, preserie_id: int | None = None, *, entity: str | None = None, limit: int | None = None
) -> list[AuditView]:
    """Newest first. `preserie_id`: that présérie's entries plus the workspace-wide ones."""
    query = select(AuditEntry)
    if preserie_id is not None:
        query = query.where(
            (col(AuditEntry.preserie_id) == preserie_id) | col(AuditEntry.preserie_id).is_(None)
        )
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    query = query.order_by(col(AuditEntry.id).desc())
    if limit is not None:
        query = query.limit(limit)
    with ws.session() as s:
        return [_view(e) for e in s.exec(query).all()]


def export_rows(ws: Workspace, preserie_id: int | None = None) -> list[list[Any]]:
    """Rows under EXPORT_HEADER, oldest first, for the « Journal » sheet of the bilan workbook.
    Values are plain text or datetimes; the workbook writer neutralises formula-like text."""
    rows = []
    for e in reversed(list_entries(ws, preserie_id)):
        rows.append(
            [
                e.at,
                ACTION_LABELS.get(e.action, e.action),
                ENTITY_LABELS.get(e.entity, e.entity),
                describe(e),
                e.batch_id if e.batch_id is not None else "",
                e.changed_by,
            ]
        )
    return rows


def as_json(entry: AuditView) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at.isoformat(sep=" ", timespec="seconds"),
        "preserie_id": entry.preserie_id,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "action": entry.action,
        "before": entry.before,
        "after": entry.after,
        "batch_id": entry.batch_id,
        "changed_by": entry.changed_by,
        "summary": describe(entry),
    }
