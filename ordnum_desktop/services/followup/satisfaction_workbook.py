"""The satisfaction answers workbook: a template (one row per doctor, one column per question of
the questionnaire, the blocking obstacle Oui/Non and its detail) and its import."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import col, select

from ordnum_desktop.domain.entry_checks import cell_control_problem
from ordnum_desktop.domain.headers import ExpectedColumn, match_headers
from ordnum_desktop.domain.identifiers import clean
from ordnum_desktop.domain.row_error import RowError
from ordnum_desktop.domain.text import parse_yes_no
from ordnum_desktop.services.errors import Hint, UserError
from ordnum_desktop.services.followup.questionnaire import Questionnaire, load_questionnaire, overall_score
from ordnum_desktop.services.followup.satisfaction import BLOCKING_WITHOUT_DETAIL, find_doctor, upsert_answer
from ordnum_desktop.services.io.cell_values import cell_text
from ordnum_desktop.services.io.safe_text import safe_cell
from ordnum_desktop.services.io.small_workbook import read_small_sheet
from ordnum_desktop.services.io.xlsx_tables import TEMPLATE_FILL, save_workbook, style_header
from ordnum_desktop.services.roster.doctors import doctor_identifier
from ordnum_desktop.services.workspace import backup
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Doctor, Preserie, SatisfactionAnswer

SHEET = "Réponses"
MAX_ROWS = 1000
IDENTIFIER_HEADER = "Identifiant PS"
BLOCKING_HEADER = "Frein bloquant"
DETAIL_HEADER = "Précisions sur le frein"
COMMENT_HEADER = "Commentaire"

_IDENTIFIER_ALIASES = (
    "Identifiant",
    "N° AM",
    "RPPS",
    "N° AM / RPPS",
    "N° AM ou RPPS",
    "Numéro AM",
    "ID PS",
    "PS",
)
# Columns a pre-filled template carries to name the doctor: recognised, not read.
_INFO_HEADERS = ("Nom", "Prénom", "Médecin", "Mode d'exercice")
_DETAIL_ALIASES = ("Précisions", "Détail", "Frein bloquant détail", "Lequel", "Frein")
_COMMENT_ALIASES = ("Commentaires", "Remarques")
INFO_PREFIX = "info:"


@dataclass(frozen=True)
class SatisfactionImportReport:
    file: str
    read: int
    recorded: int
    replaced: int
    rejected: int
    unanswered: int
    errors: list[RowError]
    ignored_columns: list[str]

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "read": self.read,
            "recorded": self.recorded,
            "replaced": self.replaced,
            "rejected": self.rejected,
            "unanswered": self.unanswered,
            "ignored_columns": list(self.ignored_columns),
            "errors": [e.as_json() for e in self.errors],
        }


def _question_header(i: int, text: str) -> str:
    return f"Q{i} - {text}"


def expected_headers(q: Questionnaire) -> tuple[ExpectedColumn, ...]:
    """Keys: 'ps', 'info:…', 'q:<question id>', 'blocking', 'detail', 'comment'. The identifier,
    every question and the blocking obstacle are required."""
    columns = [ExpectedColumn("ps", IDENTIFIER_HEADER, _IDENTIFIER_ALIASES, required=True)]
    columns += [ExpectedColumn(INFO_PREFIX + h, h) for h in _INFO_HEADERS]
    for i, question in enumerate(q.questions, start=1):
        aliases = (question.id, question.text, f"Q{i}", f"Question {i}")
        columns.append(
            ExpectedColumn(f"q:{question.id}", _question_header(i, question.text), aliases, required=True)
        )
    blocking = ("Bloquant", "Frein bloquant (Oui/Non)", q.blocking_question)
    columns.append(ExpectedColumn("blocking", BLOCKING_HEADER, blocking, required=True))
    columns.append(ExpectedColumn("detail", DETAIL_HEADER, (*_DETAIL_ALIASES, q.blocking_detail)))
    columns.append(ExpectedColumn("comment", COMMENT_HEADER, _COMMENT_ALIASES))
    return tuple(columns)


# --- template -------------------------------------------------------------------------------


def write_satisfaction_template(
    path: Path | str, ws: Workspace | None = None, preserie_id: int | None = None
) -> Path:
    """The answers workbook; with a workspace, pre-filled with the user doctors of the roster."""
    q = load_questionnaire()
    path = Path(path)
    wb = Workbook()
    sheet = wb.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = SHEET
    headers = [IDENTIFIER_HEADER, "Nom", "Prénom"]
    headers += [_question_header(i, x.text) for i, x in enumerate(q.questions, start=1)]
    headers += [BLOCKING_HEADER, DETAIL_HEADER, COMMENT_HEADER]
    widths = [16, 18, 16] + [22] * len(q.questions) + [14, 40, 40]
    style_header(sheet, list(zip(headers, widths, strict=True)), fill=TEMPLATE_FILL)
    sheet.row_dimensions[1].height = 60
    sheet.freeze_panes = "B2"
    last = MAX_ROWS + 1
    first_q = get_column_letter(4)
    last_q = get_column_letter(3 + len(q.questions))
    scores = DataValidation(
        type="whole",
        operator="between",
        formula1=str(q.scale_min),
        formula2=str(q.scale_max),
        allow_blank=True,
        showErrorMessage=True,
        error=f"Une note entière de {q.scale_min} à {q.scale_max}.",
    )
    scores.add(f"{first_q}2:{last_q}{last}")
    sheet.add_data_validation(scores)
    blocking_col = get_column_letter(4 + len(q.questions))
    yes_no = DataValidation(
        type="list", formula1='"Oui,Non"', allow_blank=True, showErrorMessage=True, error="Oui ou Non."
    )
    yes_no.add(f"{blocking_col}2:{blocking_col}{last}")
    sheet.add_data_validation(yes_no)
    for row in range(2, 202):
        sheet.cell(row=row, column=1).number_format = "@"  # identifiers keep their leading zeros
    if ws is not None and preserie_id is not None:
        with ws.session() as s:
            doctors = s.exec(
                select(Doctor)
                .where(Doctor.preserie_id == preserie_id)
                .order_by(col(Doctor.position), col(Doctor.id))
            ).all()
        for row, d in enumerate((d for d in doctors if d.equipped), start=2):
            # Names are text, never formulas: « =HYPERLINK(…) » typed as a name stays text.
            safe_cell(sheet.cell(row=row, column=1), doctor_identifier(d))
            safe_cell(sheet.cell(row=row, column=2), d.last_name)
            safe_cell(sheet.cell(row=row, column=3), d.first_name)
    help_sheet = wb.create_sheet("Aide")
    lines = [
        (q.title, ""),
        ("Une ligne par médecin utilisateur.", ""),
        (IDENTIFIER_HEADER, "N° AM (libéral) ou RPPS (salarié) du médecin, tel que dans l'effectif."),
        (
            "Notes",
            f"Un entier de {q.scale_min} à {q.scale_max} par question : "
            + " ; ".join(f"{k} = {v}" for k, v in sorted(q.scale_labels.items()))
            + ".",
        ),
        (BLOCKING_HEADER, f"{q.blocking_question} Oui ou Non."),
        (DETAIL_HEADER, q.blocking_detail),
        ("Note globale", "Moyenne arrondie des notes des questions."),
    ]
    for row, (a, b) in enumerate(lines, start=1):
        help_sheet.cell(row=row, column=1, value=a).font = Font(bold=row == 1 or bool(b))
        help_sheet.cell(row=row, column=2, value=b).alignment = Alignment(wrap_text=True)
    help_sheet.column_dimensions["A"].width = 30
    help_sheet.column_dimensions["B"].width = 90
    return save_workbook(wb, path)


# --- import ---------------------------------------------------------------------------------


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _score_of(value: object, q: Questionnaire) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and q.in_scale(value) else None


def import_satisfaction(
    ws: Workspace, preserie_id: int, path: Path | str, when: datetime | None = None
) -> SatisfactionImportReport:
    """Reads one answer per row; bad rows are reported (row, column, French message) and skipped,
    the others are stored in one transaction, dated `when` (default now: the day the answers were
    collected, for a bilan judged at its date). Raises UserError when the file is unusable."""
    path = Path(path)
    q = load_questionnaire()
    rows = read_small_sheet(path, SHEET)
    header = next(rows, None)
    if header is None or all(v in (None, "") for v in header):
        raise UserError(
            f"Le classeur « {path.name} » est vide : la ligne 1 doit contenir les en-têtes.",
            hint=Hint.USE_SATISFACTION_TEMPLATE,
        )
    match = match_headers(header, expected_headers(q))
    if match.missing:
        cols = ", ".join(f"« {m} »" for m in match.missing)
        raise UserError(
            f"Le classeur « {path.name} » est refusé : il lui manque en ligne 1 "
            f"{'les colonnes' if len(match.missing) > 1 else 'la colonne'} {cols}.",
            hint=Hint.USE_SATISFACTION_TEMPLATE,
        )
    columns = [(key, match.labels[key], i) for key, i in match.positions.items()]
    read = recorded = replaced = rejected = unanswered = 0
    errors: list[RowError] = []

    backup.before_import(ws)  # rotating copy of the workspace before it changes (issue 6)
    with ws.session() as s:
        if s.get(Preserie, preserie_id) is None:
            raise UserError(f"Aucune présérie n° {preserie_id} dans « {ws.name} ».")
        seen: dict[int, int] = {}
        for number, values in enumerate(rows, start=2):
            if all(_blank(v) for v in values):
                continue
            if number - 1 > MAX_ROWS:
                raise UserError(
                    f"Le classeur « {path.name} » contient plus de {MAX_ROWS} lignes de "
                    "réponses : une présérie compte au plus quelques dizaines de médecins."
                )
            cells = {key: (label, values[i] if i < len(values) else None) for key, label, i in columns}
            if all(_blank(v) for k, (_, v) in cells.items() if k != "ps" and not k.startswith(INFO_PREFIX)):
                # A pre-filled template row the doctor has not answered yet: not an error.
                unanswered += 1
                continue
            read += 1
            outcome = _store_row(s, preserie_id, q, number, cells, seen, when)
            if isinstance(outcome, list):
                rejected += 1
                errors.extend(outcome)
            else:
                recorded += 1
                replaced += 1 if outcome else 0
        if read == 0 and not unanswered:
            raise UserError(f"Le classeur « {path.name} » ne contient aucune réponse sous son en-tête.")
    return SatisfactionImportReport(
        path.name, read, recorded, replaced, rejected, unanswered, errors, match.ignored
    )


def _store_row(
    s: Any,
    preserie_id: int,
    q: Questionnaire,
    row: int,
    cells: dict[str, tuple[str, object]],
    seen: dict[int, int],
    when: datetime | None = None,
) -> list[RowError] | bool:
    """The row's errors, or whether its answer replaced an earlier one of the same doctor."""
    errors: list[RowError] = []

    def err(column: str, message: str) -> None:
        errors.append(RowError(row, column, message))

    for header, value in cells.values():
        problem = cell_control_problem(value)
        if problem:
            err(header, f"La cellule {problem}.")
    if errors:
        return errors
    ps_header, raw_ps = cells["ps"]
    doctor: Doctor | None = None
    if not clean(raw_ps):
        err(ps_header, "L'identifiant du médecin (N° AM ou RPPS) est vide.")
    else:
        doctor = find_doctor(s, preserie_id, raw_ps)
        if doctor is None:
            err(ps_header, f"Aucun médecin de l'effectif n'a le N° AM ou le RPPS « {clean(raw_ps)} ».")
        elif doctor.id in seen:
            err(ps_header, f"Ce médecin a déjà une réponse à la ligne {seen[doctor.id or 0]}.")
    scores: dict[str, int] = {}
    for x in q.questions:
        header, value = cells[f"q:{x.id}"]
        score = _score_of(value, q)
        if score is None:
            shown = cell_text(value)
            err(
                header,
                f"Note manquante ; un entier de {q.scale_min} à {q.scale_max} est attendu."
                if not shown
                else f"« {shown} » n'est pas une note de {q.scale_min} à {q.scale_max}.",
            )
        else:
            scores[x.id] = score
    blocking_header, raw_blocking = cells["blocking"]
    blocking = parse_yes_no(raw_blocking)
    if blocking is None:
        err(blocking_header, f"« {cell_text(raw_blocking)} » : Oui ou Non attendu.")
    if errors or doctor is None:
        return errors
    detail = cell_text(cells.get("detail", ("", None))[1])
    comment = cell_text(cells.get("comment", ("", None))[1])
    text = (detail or BLOCKING_WITHOUT_DETAIL) if blocking else detail
    existed = s.exec(
        select(SatisfactionAnswer.id).where(
            SatisfactionAnswer.preserie_id == preserie_id, SatisfactionAnswer.doctor_id == doctor.id
        )
    ).first()
    upsert_answer(
        s,
        preserie_id,
        doctor,
        overall_score(scores),
        scores,
        text,
        bool(blocking),
        comment=comment,
        when=when,
    )
    seen[doctor.id or 0] = row
    return existed is not None
