"""The roster workbook: template with drop-down lists, import (what a person types), export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import col, select

from ordnum_desktop.domain.entry_checks import cell_control_problem, year_problem
from ordnum_desktop.domain.fr_format import yes_no
from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.row_error import RowError
from ordnum_desktop.domain.text import parse_yes_no
from ordnum_desktop.services.errors import Hint, RuleError, UserError
from ordnum_desktop.services.io.cell_values import cell_text, parse_date
from ordnum_desktop.services.io.safe_text import safe_cell
from ordnum_desktop.services.io.small_workbook import read_small_sheet
from ordnum_desktop.services.io.xlsx_tables import TEMPLATE_FILL, save_workbook, style_header
from ordnum_desktop.services.planning.dates import get_plans
from ordnum_desktop.services.roster.columns import (
    COLUMNS,
    IDENTIFIER_FIELDS,
    MODE_LABELS,
    YES_NO_FIELDS,
    match_header,
    parse_mode,
)
from ordnum_desktop.services.roster.doctors import _attach_centre, doctor_identifier, normalise_fields
from ordnum_desktop.services.workspace import backup
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Doctor, InstallationPlan

MAX_ROWS = 1000


@dataclass(frozen=True)
class RosterImportReport:
    """`rejected`: rows not imported (no name); `warnings`: rows imported with a value replaced."""

    file: str
    imported: int
    replaced: int
    rejected: list[RowError]
    warnings: list[RowError]
    ignored_columns: list[str]

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "imported": self.imported,
            "replaced": self.replaced,
            "rejected": [e.as_json() for e in self.rejected],
            "warnings": [e.as_json() for e in self.warnings],
            "ignored_columns": list(self.ignored_columns),
        }


@dataclass(frozen=True)
class RosterRows:
    """The workbook as read: (row number, field values) of each usable row, and what was not."""

    file: str
    rows: list[tuple[int, dict[str, Any]]]
    rejected: list[RowError]
    warnings: list[RowError]
    ignored_columns: list[str]


# --- template -------------------------------------------------------------------------------


def _style_header(ws: Any) -> None:
    style_header(ws, [(c.header, c.width) for c in COLUMNS], fill=TEMPLATE_FILL)
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 32


def _letter(fld: str) -> str:
    return get_column_letter(next(i for i, c in enumerate(COLUMNS, 1) if c.field == fld))


def _new_workbook() -> Workbook:
    """Sheet `PS` with headers, drop-down lists fed by a `Listes` sheet, and an `Aide` sheet."""
    ref = load_referentiel()
    wb = Workbook()
    sheet = wb.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = "PS"
    _style_header(sheet)
    lists = wb.create_sheet("Listes")
    columns = {
        "A": ("Mode d'exercice", list(MODE_LABELS.values())),
        "B": ("Structure", [s.label for s in ref.structures]),
        "C": ("Oui/Non", ["Oui", "Non"]),
        "D": ("CPAM", [c.id for c in ref.caisses]),
        "E": ("Spécialité", [f"{s.code} - {s.label}" for s in ref.specialties]),
        "F": ("Caisse", [c.name for c in ref.caisses]),
    }
    for letter, (title, values) in columns.items():
        lists[f"{letter}1"] = title
        lists[f"{letter}1"].font = Font(bold=True)
        for i, v in enumerate(values, start=2):
            lists[f"{letter}{i}"] = v
        lists.column_dimensions[letter].width = 30
    last = 1 + MAX_ROWS

    def validation(source_col: str, count: int, target: str, prompt: str) -> None:
        dv = DataValidation(
            type="list",
            formula1=f"=Listes!${source_col}$2:${source_col}${count + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Valeur non prévue",
            error="Choisissez une valeur dans la liste.",
            promptTitle="Choix",
            prompt=prompt,
        )
        dv.add(f"{target}2:{target}{last}")
        sheet.add_data_validation(dv)

    validation("A", 2, _letter("mode"), "Libéral ou Salarié")
    validation("B", len(ref.structures), _letter("structure"), "Type de structure")
    for fld in YES_NO_FIELDS:
        validation("C", 2, _letter(fld), "Oui ou Non")
    validation("D", len(ref.caisses), _letter("cpam"), "Caisse référente")
    validation("E", len(ref.specialties), _letter("specialty"), "Spécialité")
    for fld in IDENTIFIER_FIELDS:
        for row in range(2, 202):
            sheet[f"{_letter(fld)}{row}"].number_format = "@"
    for row in range(2, 202):
        sheet[f"{_letter('planned_install')}{row}"].number_format = "DD/MM/YYYY"
    help_sheet = wb.create_sheet("Aide")
    help_sheet["A1"] = "Colonne"
    help_sheet["B1"] = "Contenu attendu"
    help_sheet["A1"].font = help_sheet["B1"].font = Font(bold=True)
    for i, spec in enumerate(COLUMNS, start=2):
        help_sheet.cell(row=i, column=1, value=spec.header)
        help_sheet.cell(row=i, column=2, value=spec.help).alignment = Alignment(wrap_text=True)
    n = len(COLUMNS) + 3
    help_sheet.cell(row=n, column=1, value="Règles").font = Font(bold=True)
    t = ref.thresholds
    rules = [
        f"Libéral : {t.roster_min} à {t.roster_max} médecins (minimum {t.roster_min_small_market_share} si "
        "la part de marché SESAM-Vitale du logiciel est inférieure à 1 %), identifiés par leur N° AM.",
        f"Centre de santé : {t.centres_min} à {t.centres_max} centres (FINESS), au moins {t.roster_min} "
        "médecins salariés équipés au total, identifiés par leur RPPS.",
        f"Mixte : {t.roster_min} à {t.roster_max} médecins, libéraux (N° AM) et salariés (FINESS + RPPS).",
        "Si possible, intégrez un cabinet de groupe ou une MSP.",
        "Chaque médecin exerce dans le département d'une CPAM sélectionnée, a donné son accord de "
        "principe, et son équipement a été vérifié.",
        f"Référentiel : {ref.label}.",
    ]
    for i, text in enumerate(rules, start=n + 1):
        help_sheet.cell(row=i, column=1, value="•")
        help_sheet.cell(row=i, column=2, value=text).alignment = Alignment(wrap_text=True)
    help_sheet.column_dimensions["A"].width = 24
    help_sheet.column_dimensions["B"].width = 100
    return wb


def write_roster_template(path: Path | str) -> Path:
    return save_workbook(_new_workbook(), path)


# --- import ---------------------------------------------------------------------------------


def read_roster(path: Path | str) -> RosterRows:
    """Rows of the workbook as (row number, field values); unreadable rows are reported."""
    path = Path(path)
    rows = read_small_sheet(path, "PS")
    header = next(rows, None)
    if header is None:
        raise UserError(f"Le classeur « {path.name} » est vide : la ligne 1 doit contenir les en-têtes.")
    match = match_header(header)
    if match.missing:
        raise UserError(
            f"Le classeur « {path.name} » n'a pas de colonne « Nom » en ligne 1.",
            hint=Hint.USE_ROSTER_TEMPLATE,
        )
    positions = list(match.positions.items())
    out: list[tuple[int, dict[str, Any]]] = []
    rejected: list[RowError] = []
    warnings: list[RowError] = []
    for number, values in enumerate(rows, start=2):
        if all(v in (None, "") for v in values):
            continue
        if len(out) >= MAX_ROWS:
            raise UserError(
                f"Le classeur « {path.name} » contient plus de {MAX_ROWS} lignes : un effectif "
                "compte au plus quelques dizaines de médecins. Vérifiez le fichier."
            )
        raw = {fld: values[i] for fld, i in positions if i < len(values)}
        parsed = _parse_row(raw, number, rejected, warnings)
        if parsed is not None:
            out.append((number, parsed))
    return RosterRows(path.name, out, rejected, warnings, match.ignored)


def _parse_row(
    raw: dict[str, Any], row: int, rejected: list[RowError], warnings: list[RowError]
) -> dict[str, Any] | None:
    ref = load_referentiel()
    for fld, value in raw.items():
        problem = cell_control_problem(value)
        if problem:
            header = next(c.header for c in COLUMNS if c.field == fld)
            rejected.append(RowError(row, header, f"La cellule {problem} : ligne ignorée."))
            return None
    name = cell_text(raw.get("last_name"))
    if not name:
        rejected.append(RowError(row, "Nom", "Le nom du médecin est vide : ligne ignorée."))
        return None
    out: dict[str, Any] = {"last_name": name, "first_name": cell_text(raw.get("first_name"))}

    def warn(column: str, message: str) -> None:
        warnings.append(RowError(row, column, message))

    mode_text = cell_text(raw.get("mode"))
    mode = parse_mode(mode_text) if mode_text else None
    if mode is None:
        mode = "salarie" if (raw.get("rpps") and not raw.get("am")) else "liberal"
        if mode_text:
            warn(
                "Mode d'exercice",
                f"« {mode_text} » n'est ni Libéral ni Salarié ; {MODE_LABELS[mode]} retenu.",
            )
    out["mode"] = mode
    for fld in IDENTIFIER_FIELDS:
        out[fld] = raw.get(fld) if raw.get(fld) is not None else ""
    specialty = cell_text(raw.get("specialty"))
    if specialty:
        code = specialty.split(" - ", 1)[0]
        match = ref.specialty(code) or ref.specialty(specialty)
        out["specialty"] = match.code if match else specialty
    structure = cell_text(raw.get("structure"))
    if structure:
        match = ref.structure(structure)
        if match is None:
            warn("Structure", f"« {structure} » n'est pas une structure connue.")
        out["structure"] = match.code if match else ""
    for fld in YES_NO_FIELDS:
        value = parse_yes_no(raw.get(fld))
        if value is None:
            header = next(c.header for c in COLUMNS if c.field == fld)
            warn(header, f"« {raw.get(fld)} » n'est ni Oui ni Non ; Non retenu.")
        out[fld] = bool(value)
    cpam = cell_text(raw.get("cpam"))
    caisse = ref.find_caisse(cpam) if cpam else None
    out["cpam"] = caisse.id if caisse else cpam
    for fld in ("centre_name", "email", "phone"):
        out[fld] = cell_text(raw.get(fld))
    try:
        out["planned_install"] = parse_date(raw.get("planned_install"))
    except ValueError:
        warn("Installation prévue", f"« {raw.get('planned_install')} » n'est pas une date (JJ/MM/AAAA).")
        out["planned_install"] = None
    if out["planned_install"] is not None and (problem := year_problem(out["planned_install"])):
        warn("Installation prévue", f"{problem.capitalize()} ; date laissée vide.")
        out["planned_install"] = None
    return out


def import_roster(
    ws: Workspace, preserie_id: int, path: Path | str, replace: bool = False
) -> RosterImportReport:
    """Loads the éditeur's list as it is. An existing roster is replaced only on request; doctors
    whose identifier is still there keep their id, and so their planning and answers."""
    read = read_roster(path)
    imported = replaced = 0
    backup.before_import(ws)  # rotating copy of the workspace before it changes (issue 6)
    with ws.session() as s:
        existing = list(
            s.exec(
                select(Doctor)
                .where(Doctor.preserie_id == preserie_id)
                .order_by(col(Doctor.position), col(Doctor.id))
            ).all()
        )
        if existing and not replace:
            raise RuleError(
                f"La présérie a déjà un effectif de {len(existing)} médecin(s) : il n'est remplacé "
                "que sur demande.",
                hint=Hint.REPLACE_ROSTER,
            )
        by_identifier = {(d.mode, doctor_identifier(d)): d for d in existing if doctor_identifier(d)}
        kept: set[int] = set()
        for position, (_row, values) in enumerate(read.rows, start=1):
            planned: date | None = values.pop("planned_install")
            fields = normalise_fields(values)
            ident = fields["am"] if fields["mode"] == "liberal" else fields["rpps"]
            doctor = by_identifier.get((fields["mode"], ident)) if ident else None
            if doctor is not None and doctor.id not in kept:
                for key, value in fields.items():
                    setattr(doctor, key, value)
                doctor.position = position
            else:
                doctor = Doctor(preserie_id=preserie_id, position=position, **fields)
            s.add(doctor)
            s.flush()
            kept.add(doctor.id or 0)
            _attach_centre(s, doctor)
            plan = s.exec(select(InstallationPlan).where(InstallationPlan.doctor_id == doctor.id)).first()
            plan = plan or InstallationPlan(doctor_id=doctor.id or 0)
            if planned is not None:
                plan.planned_install = planned
            s.add(plan)
            imported += 1
        for d in existing:
            if d.id not in kept:
                s.delete(d)
                replaced += 1
    return RosterImportReport(
        read.file, imported, replaced, read.rejected, read.warnings, read.ignored_columns
    )


# --- export ---------------------------------------------------------------------------------


def export_roster(ws: Workspace, preserie_id: int, path: Path | str) -> Path:
    ref = load_referentiel()
    wb = _new_workbook()
    sheet = wb["PS"]
    for r, (d, plan) in enumerate(get_plans(ws, preserie_id), start=2):
        values = {
            "last_name": d.last_name,
            "first_name": d.first_name,
            "mode": MODE_LABELS.get(d.mode, d.mode),
            "specialty": d.specialty,
            "am": d.am,
            "rpps": d.rpps,
            "finess": d.finess,
            "centre_name": d.centre_name,
            "structure": ref.label_of(ref.structures, d.structure) if d.structure else "",
            "equipped": yes_no(d.equipped),
            "compatibility_checked": yes_no(d.compatibility_checked),
            "consent": yes_no(d.consent),
            "cpam": d.cpam,
            "planned_install": plan.planned_install,
            "email": d.email,
            "phone": d.phone,
        }
        for c, spec in enumerate(COLUMNS, start=1):
            safe_cell(sheet.cell(row=r, column=c), values[spec.field])
    return save_workbook(wb, path)
