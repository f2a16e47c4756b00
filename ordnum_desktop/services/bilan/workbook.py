"""The bilan as a workbook, for the Cnam and the CPAMs to sort and recount:
`write_bilan_workbook(ws, preserie_id, out_path, as_of=None) -> Path`.

Sheets: Bilan (identity, decision, digest), Critères, Médecins, Séries hebdomadaires,
Opérations, Lignes non rattachées, Satisfaction, Anomalies, Journal des modifications (the audit
trail). Figures are numbers (rates as fractions shown in %), identifiers are text, and no cell is
ever a formula.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ordnum_desktop.domain.bilan_rules import Bilan
from ordnum_desktop.domain.bilan_wording import decision_statement
from ordnum_desktop.domain.fr_format import yes_no
from ordnum_desktop.domain.vocabulary import Criterion, Operation, operation_label
from ordnum_desktop.services.bilan.document import BilanDocument, gather_bilan_document
from ordnum_desktop.services.io.xlsx_tables import (
    Column,
    new_workbook,
    save_workbook,
    write_pairs,
    write_table,
)
from ordnum_desktop.services.workspace.audit_log import export_rows
from ordnum_desktop.services.workspace.session import Workspace


def _summary(doc: BilanDocument) -> list[tuple[str, object]]:
    p = doc.preserie
    statement = decision_statement(doc.bilan)
    return [
        ("Éditeur", p.editor),
        ("Logiciel", p.software),
        ("Version", p.version),
        ("Module Ordonnance numérique", p.module),
        ("Type d'exercice", p.exercise_label),
        ("CPAM référentes", " ; ".join(p.cpams)),
        ("Autorisation CNDA", p.cnda_reference),
        ("Date CNDA", p.cnda_date),
        ("Réunion de lancement", p.kickoff_date),
        ("Première ordonnance numérique", p.first_eprescription_date),
        ("Bilan arrêté au", doc.as_of),
        ("Référentiel", p.referentiel),
        ("Décision", doc.bilan.decision.label),
        ("Motif", statement.reason),
        ("Critères non atteints", " ; ".join(statement.criteria) or "aucun"),
        ("Préconditions à remplir", "\n".join(statement.preconditions) or "aucune"),
        ("Lignes de traces non rattachées", doc.bilan.unmatched_rows),
        ("Lignes de traces rejetées à l'import", doc.bilan.rejected_rows),
        ("Espace de travail", doc.workspace_name),
        ("Empreinte des chiffres", doc.digest),
    ]


def _criteria_rows(doc: BilanDocument) -> list[list[object]]:
    b = doc.bilan
    rate, reg, ops, pre, sat = b.doctor_rate, b.registration, b.operations, b.prerequisites, b.satisfaction
    ops_detail = " ; ".join(
        f"{op.label} {ops.operation(op).succeeded}/{ops.operation(op).calls}" for op in Operation
    )
    rows: list[tuple[Criterion, float | None, float | None, str]] = [
        (
            Criterion.DOCTOR_RATE,
            rate.threshold,
            None,
            f"{rate.at_threshold} / {len(rate.doctors)} médecins au seuil",
        ),
        (
            Criterion.REGISTRATION,
            reg.threshold,
            reg.rate,
            f"{reg.registered} enregistrées / {reg.created} créées",
        ),
        (
            Criterion.OPERATIONS,
            None,
            None,
            f"{ops_detail} ; anomalies bloquantes ouvertes : {ops.open_blocking_anomalies}",
        ),
        (
            Criterion.PREREQUISITES,
            None,
            None,
            f"{pre.count} prérequis, " + ("liste validée" if pre.validated_at else "liste non validée"),
        ),
        (
            Criterion.SATISFACTION,
            None,
            None,
            f"{sat.answered} / {sat.expected} réponses, {sat.blocking} frein(s) bloquant(s)",
        ),
    ]
    return [
        [key.number, key.label, threshold, measured, detail, yes_no(b.criterion(key).met)]
        for key, threshold, measured, detail in rows
    ]


def build_bilan_workbook(
    doc: BilanDocument, out_path: Path | str, journal: list[list[object]] | None = None
) -> Path:
    wb = new_workbook()
    write_pairs(wb.create_sheet("Bilan"), _summary(doc))
    write_table(
        wb.create_sheet("Critères"),
        [
            Column("N°", 5, "int"),
            Column("Critère", 46),
            Column("Seuil", 9, "percent"),
            Column("Valeur mesurée", 15, "percent"),
            Column("Détail", 60),
            Column("Atteint", 9),
        ],
        _criteria_rows(doc),
    )
    names = {d.identifier: d.name for d in doc.doctors}
    write_table(
        wb.create_sheet("Médecins"),
        [
            Column("Identifiant", 14),
            Column("Nom", 30),
            Column("Prescriptions", 13, "int"),
            Column("Ordonnances numériques", 15, "int"),
            Column("Taux", 9, "percent"),
            Column("Atteint", 9),
        ],
        [[d.identifier, d.name, d.prescriptions, d.digital, d.rate, yes_no(d.met)] for d in doc.doctors],
    )
    weekly_rows = [
        [ident, names.get(ident, ""), w.week, w.prescriptions, w.digital, w.rate]
        for ident, weeks in doc.weekly.items()
        for w in weeks
    ]
    write_table(
        wb.create_sheet("Séries hebdomadaires"),
        [
            Column("Identifiant", 14),
            Column("Nom", 30),
            Column("Semaine du", 12, "date"),
            Column("Prescriptions", 13, "int"),
            Column("Ordonnances numériques", 15, "int"),
            Column("Taux", 9, "percent"),
        ],
        weekly_rows,
    )
    ops = doc.bilan.operations
    write_table(
        wb.create_sheet("Opérations"),
        [
            Column("Service", 14),
            Column("Appels", 10, "int"),
            Column("Succès", 10, "int"),
            Column("Échecs", 10, "int"),
            Column("Taux de succès", 14, "percent"),
        ],
        [
            [op.label, count.calls, count.succeeded, count.failed, count.success_rate]
            for op, count in ((op, ops.operation(op)) for op in Operation)
        ],
    )
    write_table(
        wb.create_sheet("Lignes non rattachées"),
        [
            Column("Identifiant PS", 16),
            Column("Lignes", 10, "int"),
            Column("Rattachement", 40),
        ],
        [[u.identifier, u.rows, u.label] for u in doc.bilan.unmatched],
    )
    write_table(
        wb.create_sheet("Satisfaction"),
        [
            Column("Identifiant", 14),
            Column("Nom", 30),
            Column("Note globale", 12, "int"),
            Column("Frein bloquant", 13),
            Column("Frein signalé", 50),
            Column("Commentaire", 40),
            Column("Compté (médecin utilisateur)", 16),
        ],
        [
            [a.identifier, a.name, a.score, yes_no(a.blocking), a.blocking_text, a.comment, yes_no(a.user)]
            for a in [*doc.satisfaction, *doc.other_satisfaction]
        ],
    )
    write_table(
        wb.create_sheet("Anomalies"),
        [
            Column("N°", 6, "int"),
            Column("Service", 12),
            Column("Description", 50),
            Column("Bloquante", 10),
            Column("Ouverte le", 16, "datetime"),
            Column("Clôturée le", 16, "datetime"),
            Column("Résolution", 40),
        ],
        [
            [
                a.id,
                operation_label(a.operation),
                a.description,
                yes_no(a.blocking),
                a.opened_at,
                a.closed_at,
                a.resolution,
            ]
            for a in doc.anomalies
        ],
    )
    if journal is not None:  # the audit trail (issue 6): rows under audit_log.EXPORT_HEADER
        write_table(
            wb.create_sheet("Journal des modifications"),
            [
                Column("Date", 17, "datetime"),
                Column("Action", 14),
                Column("Objet", 24),
                Column("Détail", 80),
                Column("Lot d'import", 12),
                Column("Par", 16),
            ],
            journal,
        )
    return save_workbook(wb, out_path)


def write_bilan_workbook(
    ws: Workspace,
    preserie_id: int,
    out_path: Path | str,
    as_of: date | None = None,
    *,
    bilan: Bilan | None = None,
) -> Path:
    """`bilan`: figures already computed for this `as_of` (see `gather_bilan_document`)."""

    doc = gather_bilan_document(ws, preserie_id, as_of, bilan=bilan)
    return build_bilan_workbook(doc, out_path, journal=export_rows(ws, preserie_id))
