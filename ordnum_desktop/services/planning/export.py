"""The installation planning the éditeur sends to the GIE SESAM-Vitale and the Cnam, who forward
it to each CPAM: one workbook for the whole présérie and one per selected CPAM.

`export_planning(ws, preserie_id, outdir) -> list[Path]` (whole planning first).
A doctor's CPAM is the caisse typed in the roster, else the selected caisse of the department of
their N° AM (libéral) or FINESS (centre). A doctor whose CPAM cannot be told appears in the whole
planning with « à préciser » and in no CPAM workbook (`planning_rows` lets the caller warn).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from ordnum_desktop.domain.fr_format import yes_no
from ordnum_desktop.domain.referentiel import Referentiel, load_referentiel
from ordnum_desktop.domain.roster_rules import MODES
from ordnum_desktop.domain.schedule import DoctorSchedule
from ordnum_desktop.domain.vocabulary import exercise_title
from ordnum_desktop.services.errors import UserError, os_reason
from ordnum_desktop.services.io.xlsx_tables import (
    Column,
    new_workbook,
    save_workbooks,
    write_pairs,
    write_table,
)
from ordnum_desktop.services.planning.schedule import PlanningView, planning_view
from ordnum_desktop.services.roster.doctors import doctor_department
from ordnum_desktop.services.roster.preseries import selected_cpams
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Doctor, InstallationPlan, Preserie

UNKNOWN_CPAM = "à préciser"
COLUMNS = [
    Column("CPAM", 24),
    Column("Nom", 20),
    Column("Prénom", 16),
    Column("Mode d'exercice", 14),
    Column("N° AM", 12),
    Column("RPPS", 14),
    Column("FINESS", 12),
    Column("Centre de santé", 24),
    Column("Installation prévue", 13, "date"),
    Column("Installation réalisée", 13, "date"),
    Column("Formation", 12, "date"),
    Column("Traces activées", 12, "date"),
    Column("Première ordonnance numérique", 15, "date"),
    Column("En retard", 10),
    Column("Première trace", 12, "date"),
    Column("Dernière trace", 12, "date"),
    Column("Suivi", 24),
    Column("Écart saisie / traces", 30),
]


@dataclass
class PlanningRow:
    cpam_id: str  # '' when it cannot be told
    cpam_label: str
    doctor: Doctor
    plan: InstallationPlan
    schedule: DoctorSchedule

    def overdue(self, on: date) -> bool:
        return self.schedule.late(on)

    def values(self, on: date, silent_days: int) -> list[object]:
        d, p, s = self.doctor, self.plan, self.schedule
        return [
            self.cpam_label,
            d.last_name,
            d.first_name,
            MODES.get(d.mode, "Salarié"),
            d.am,
            d.rpps,
            d.finess,
            d.centre_name,
            p.planned_install,
            s.effective_installed,
            p.training_date,
            s.effective_traces_on,
            s.first_erx,
            yes_no(self.overdue(on)),
            s.traces.first,
            s.traces.last,
            s.flag(on, silent_days),
            s.first_erx_difference,
        ]


def _cpam_of(d: Doctor, selected: list[str], ref: Referentiel) -> str:
    if d.cpam:
        caisse = ref.find_caisse(d.cpam)
        if caisse is not None:
            return caisse.id
        department = d.cpam.strip().zfill(2)  # a department typed where a caisse was expected
    else:
        department = doctor_department(d) or ""
    in_zone = [
        c for c in selected if (caisse := ref.caisse(c)) is not None and caisse.department == department
    ]
    return in_zone[0] if len(in_zone) == 1 else ""


def planning_rows(ws: Workspace, preserie_id: int, view: PlanningView | None = None) -> list[PlanningRow]:
    """The roster's plans in roster order, each with the CPAM it is forwarded to."""
    with ws.session() as s:
        if s.get(Preserie, preserie_id) is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        selected = selected_cpams(s, preserie_id)
    ref = load_referentiel()
    rows = []
    for r in (view or planning_view(ws, preserie_id)).rows:
        cpam_id = _cpam_of(r.doctor, selected, ref)
        caisse = ref.caisse(cpam_id) if cpam_id else None
        label = caisse.label if caisse else UNKNOWN_CPAM
        rows.append(PlanningRow(cpam_id, label, r.doctor, r.plan, r.schedule))
    return rows


def _slug(text: str) -> str:
    """A file-name part any system accepts: « Médilogic Cabinet » → « Medilogic-Cabinet »."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^0-9A-Za-z.]+", "-", plain).strip("-.") or "sans-nom"


def planning_paths(ws: Workspace, preserie_id: int, outdir: Path | str) -> list[Path]:
    """The files `export_planning` writes (whole planning first), so that the CLI and the window
    can refuse or ask before replacing one of them."""
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        if p is None:
            raise UserError(f"Aucune présérie n° {preserie_id}.")
        selected = selected_cpams(s, preserie_id)
    base = Path(outdir) / f"planning-{_slug(p.software)}-{_slug(p.version)}"
    return [Path(f"{base}-complet.xlsx")] + [Path(f"{base}-CPAM-{_slug(c)}.xlsx") for c in selected]


def export_planning(
    ws: Workspace, preserie_id: int, outdir: Path | str, today: date | None = None
) -> list[Path]:
    """Writes the set of workbooks together: a kill or a failure midway leaves the previous set
    as it was, never new and old workbooks mixed."""
    folder = Path(outdir)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"« {folder} » est un fichier, pas un dossier : indiquez un dossier de sortie.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Impossible de créer le dossier « {folder} » : {os_reason(exc)}.") from exc
    view = planning_view(ws, preserie_id, today)
    rows = planning_rows(ws, preserie_id, view)
    with ws.session() as s:
        p = s.get(Preserie, preserie_id)
        assert p is not None
        selected = selected_cpams(s, preserie_id)
    ref = load_referentiel()
    whole, *per_cpam = planning_paths(ws, preserie_id, folder)
    books = [(_workbook(p, "toutes les CPAM de la présérie", rows, view), whole)]
    for cpam_id, path in zip(selected, per_cpam, strict=True):
        caisse = ref.caisse(cpam_id)
        label = caisse.label if caisse else cpam_id
        mine = [r for r in rows if r.cpam_id == cpam_id]
        books.append((_workbook(p, label, mine, view), path))
    return save_workbooks(books)


def _workbook(p: Preserie, scope: str, rows: list[PlanningRow], view: PlanningView) -> Workbook:
    wb = new_workbook()
    write_table(wb.create_sheet("Planning"), COLUMNS, [r.values(view.on, view.silent_days) for r in rows])
    write_pairs(
        wb.create_sheet("Présérie"),
        [
            ("Éditeur", p.editor),
            ("Logiciel", p.software),
            ("Version", p.version),
            ("Type d'exercice", exercise_title(p.exercise)),
            ("CPAM", scope),
            ("Médecins", len(rows)),
            ("Réunion de lancement", p.kickoff_date),
            ("Suivi au", view.on),
            ("Exporté le", date.today()),
        ],
    )
    return wb
