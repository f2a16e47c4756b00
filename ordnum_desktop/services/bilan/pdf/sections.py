"""The sections of the printed bilan, each a list of platypus flowables built from a
`BilanDocument`. Figures are written with `domain.fr_format`; user text goes through `esc`.

Figures sit in plain table cells (drawn as typed, so `58,3 %` keeps its narrow no-break space);
sentences are Paragraphs, where reportlab would break at U+202F, so `nb()` turns it into a
no-break space there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PIL.Image import Image as PILImage
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from ordnum_desktop.domain.bilan_rules import WeekPoint
from ordnum_desktop.domain.bilan_wording import decision_statement
from ordnum_desktop.domain.fr_format import (
    NNBSP,
    format_date,
    format_datetime,
    format_decimal,
    format_int,
    format_percent,
    yes_no,
)
from ordnum_desktop.domain.preserie_time import weeks_text
from ordnum_desktop.domain.vocabulary import Criterion, Decision, Operation, operation_label
from ordnum_desktop.services.bilan.charts import rates_summary_chart
from ordnum_desktop.services.bilan.document import BilanDocument
from ordnum_desktop.services.bilan.pdf import styles as st
from ordnum_desktop.services.bilan.pdf.styles import (
    esc,
    grid_table,
    header_row,
    markup,
    met_cell,
    table_style,
    text,
)

WIDTH = 210 * mm - 2 * st.PAGE_MARGIN  # A4 frame width
UNMATCHED_LISTED = 25
ChartRenderer = Callable[[Any], PILImage]
# (weeks, title, threshold) → the doctor's chart: services/bilan/chart_reuse.py for the PDF.
DoctorChartPainter = Callable[[Sequence[WeekPoint], str, float], PILImage]


def _s(count: int) -> str:
    """French plural mark: 0 and 1 are singular."""
    return "s" if count > 1 else ""


def nb(value: str) -> str:
    return value.replace(NNBSP, "\u00a0")


def _pct(value: float | None) -> str:
    return format_percent(value)


# --- cover -----------------------------------------------------------------------------------


def cover(doc: BilanDocument, generated: str) -> list[Flowable]:
    p = doc.preserie
    cnda = " du ".join(x for x in (p.cnda_reference, format_date(p.cnda_date) if p.cnda_date else "") if x)
    pairs = [
        ("Éditeur", p.editor),
        ("Logiciel", p.software),
        ("Version", p.version),
        ("Module Ordonnance numérique", p.module or "—"),
        ("Type d'exercice", p.exercise_label),
        ("Autorisation CNDA", cnda or "—"),
        ("CPAM référentes", "\n".join(p.cpams) or "—"),
        (
            "Part de marché SESAM-Vitale",
            "inférieure à 1\u00a0%" if p.small_market_share else "1\u00a0% ou plus",
        ),
        ("Réunion de lancement", format_date(p.kickoff_date)),
        ("Première ordonnance numérique", format_date(p.first_eprescription_date)),
        ("Bilan arrêté au", format_date(doc.as_of)),
        ("Référentiel", p.referentiel),
        *life_pairs(doc),
    ]
    rows = []
    for i in range(0, len(pairs), 2):
        row: list[object] = []
        for label, value in pairs[i : i + 2]:
            row += [text(label, st.CELL_BOLD), _multiline(value)]
        rows.append(row)
    table = Table(rows, colWidths=[0.19 * WIDTH, 0.30 * WIDTH, 0.23 * WIDTH, 0.28 * WIDTH])
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), st.LIGHT),
                ("BOX", (0, 0), (-1, -1), 0.6, st.RULE),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, st.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [
        markup("Bilan de la présérie Ordonnance numérique", st.TITLE),
        markup(
            f"Médecins — {esc(p.software)} {esc(p.version)} ({esc(p.editor)}) · document partagé "
            "par l'Assurance Maladie et l'éditeur",
            st.SUBTITLE,
        ),
        Spacer(1, 3 * mm),
        table,
        Paragraph(
            f"Édité le {esc(generated)} à partir de l'espace de travail "
            f"« {esc(doc.workspace_name)} » ; empreinte des chiffres : {esc(doc.digest)}.",
            st.SMALL,
        ),
    ]


def life_pairs(doc: BilanDocument) -> list[tuple[str, str]]:
    """The period judged and the weeks elapsed (domain/preserie_time.py), on the cover."""
    t = doc.time
    if t is None:
        return []
    period = doc.bilan.period
    if period.number == 1:
        judged = "1, depuis le lancement"
    else:
        judged = f"{period.number}, depuis le {format_date(period.start)} (version {period.software_version})"
    weeks = t.summary()
    weeks = weeks[:1].upper() + weeks[1:] + f" ; durée minimale : {weeks_text(t.minimum_weeks)}"
    return [("Période de mesure", judged), ("Durée au bilan", weeks)]


def _multiline(value: str) -> Paragraph:
    return markup("<br/>".join(esc(line) for line in str(value).split("\n")), st.CELL)


# --- decision and criteria -------------------------------------------------------------------


def decision(doc: BilanDocument) -> list[Flowable]:
    """The decision box (the statement of domain/bilan_wording.py, as in the window and the CLI),
    then the preconditions to put right and the rows counted nowhere, worded apart."""
    statement = decision_statement(doc.bilan)
    rows: list[list[object]] = [
        [markup(f"Décision : {esc(statement.headline)} — {esc(statement.reason)}", st.DECISION)]
    ]
    if statement.criteria:
        criteria = " ; ".join(esc(c) for c in statement.criteria)
        rows.append([markup(f"Critères non atteints : {criteria}.", st.BODY)])
    rows.append([markup(esc(statement.next_step), st.BODY)])
    if statement.decision is Decision.DEPLOY:
        colour, background = st.GREEN, st.GREEN_BG
    else:
        colour, background = st.RED, st.RED_BG
    box = Table(rows, colWidths=[WIDTH])
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("LINEBEFORE", (0, 0), (0, -1), 4, colour),
                ("TOPPADDING", (0, 0), (-1, 0), 7),
                ("TOPPADDING", (0, 1), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -2), 2),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    out: list[Flowable] = [Spacer(1, 5 * mm), box]
    if statement.preconditions:
        out.append(Paragraph("Préconditions à remplir avant de décider", st.H2))
        out += [markup(f"• {esc(m)}", st.BODY) for m in statement.preconditions]
    out += [text(n, st.SMALL) for n in statement.notes]
    return out


def criteria_table(doc: BilanDocument) -> list[Flowable]:
    b = doc.bilan
    rate, reg, ops, pre, sat = b.doctor_rate, b.registration, b.operations, b.prerequisites, b.satisfaction
    lowest = rate.lowest_rate
    measured_rate = (
        f"{rate.at_threshold} / {len(rate.doctors)} médecins au seuil"
        + (f"\ntaux le plus bas : {_pct(lowest)}" if lowest is not None else "")
        if rate.doctors
        else "aucun médecin utilisateur"
    )
    measured_reg = (
        f"{_pct(reg.rate)}\n({format_int(reg.registered)} enregistrées / {format_int(reg.created)} créées)"
        if reg.created
        else "aucune ordonnance numérique créée"
    )
    op_lines = [
        f"{op.label} : {format_int(ops.operation(op).succeeded)} succès / "
        f"{format_int(ops.operation(op).calls)} appels"
        for op in Operation
    ]
    op_lines.append(f"anomalies bloquantes ouvertes : {format_int(ops.open_blocking_anomalies)}")
    if not pre.count:
        measured_pre = "aucun prérequis saisi"
    elif pre.validated_at:
        measured_pre = f"{pre.count} prérequis\nliste validée le {format_date(pre.validated_at)}"
    else:
        measured_pre = f"{pre.count} prérequis\nliste non validée"
    mean = doc.mean_score
    measured_sat = (
        f"{sat.answered} / {sat.expected} réponses"
        + (f"\nnote moyenne {format_decimal(mean)} / 5" if mean is not None else "")
        + f"\n{sat.blocking} frein{_s(sat.blocking)} bloquant{_s(sat.blocking)} "
        f"signalé{_s(sat.blocking)}"
    )
    rows: list[list[object]] = [header_row("N°", "Critère", "Seuil", "Valeur mesurée", "Atteint")]
    spec = [
        (
            Criterion.DOCTOR_RATE,
            f"≥ {_pct_short(rate.threshold)} des prescriptions de chaque médecin utilisateur",
            measured_rate,
        ),
        (
            Criterion.REGISTRATION,
            f"≥ {_pct_short(reg.threshold)} des ordonnances numériques créées",
            measured_reg,
        ),
        (
            Criterion.OPERATIONS,
            "au moins un succès par service et aucune anomalie bloquante ouverte",
            "\n".join(op_lines),
        ),
        (Criterion.PREREQUISITES, "liste établie et validée", measured_pre),
        (
            Criterion.SATISFACTION,
            "tous les médecins utilisateurs ont répondu, aucun frein bloquant",
            measured_sat,
        ),
    ]
    for key, threshold, measured in spec:
        rows.append(
            [
                str(key.number),
                text(key.label, st.CELL_BOLD),
                markup(nb(esc(threshold)), st.CELL),
                measured,
                met_cell(b.criterion(key).met),
            ]
        )
    table = grid_table(
        rows, [0.06 * WIDTH, 0.27 * WIDTH, 0.27 * WIDTH, 0.30 * WIDTH, 0.10 * WIDTH], zebra=True
    )
    table.setStyle(table_style([("VALIGN", (0, 1), (-1, -1), "TOP"), ("ALIGN", (0, 1), (0, -1), "CENTER")]))
    return [Paragraph("1. Critères de validation", st.H1), table]


def _pct_short(value: float) -> str:
    return format_percent(value, digits=0)


# --- doctors ---------------------------------------------------------------------------------


def doctors_table(doc: BilanDocument, render: ChartRenderer) -> list[Flowable]:
    doctors = doc.doctors
    out: list[Flowable] = [Paragraph(f"2. {esc(Criterion.DOCTOR_RATE.label)}", st.H1)]
    if not doctors:
        out.append(
            text("Aucun médecin utilisateur (équipé pour l'Ordonnance numérique) dans l'effectif.", st.BODY)
        )
        return out
    rows: list[list[object]] = [
        header_row("Identifiant", "Nom", "Prescriptions", "Ordonnances numériques", "Taux", "Atteint")
    ]
    for d in doctors:
        rows.append(
            [
                d.identifier or "—",
                text(d.name),
                format_int(d.prescriptions),
                format_int(d.digital),
                _pct(d.rate),
                met_cell(d.met),
            ]
        )
    out.append(
        grid_table(
            rows,
            [0.15 * WIDTH, 0.30 * WIDTH, 0.15 * WIDTH, 0.17 * WIDTH, 0.12 * WIDTH, 0.11 * WIDTH],
            numeric_from=2,
            numeric_to=4,
        )
    )
    threshold = doc.bilan.doctor_rate.threshold
    out.append(
        Paragraph(
            nb(
                esc(
                    f"Seuil : {_pct_short(threshold)} des prescriptions de chaque médecin, toutes "
                    "prestations confondues. Seuls les médecins utilisateurs (équipés) sont comptés, "
                    "sur l'identifiant de "
                    "l'exercice de la présérie (N° AM en libéral, RPPS en centre de santé) ; un médecin sans "
                    "prescription n'atteint pas le seuil."
                )
            ),
            st.SMALL,
        )
    )
    out.append(Spacer(1, 3 * mm))
    out.append(_image(render(rates_summary_chart(doctors, threshold=threshold)), WIDTH))
    return out


def doctor_charts(doc: BilanDocument, paint: DoctorChartPainter) -> list[Flowable]:
    doctors = doc.doctors
    if not doctors:
        return []
    threshold = doc.bilan.doctor_rate.threshold
    out: list[Flowable] = [
        CondPageBreak(60 * mm),
        Paragraph("3. Évolution hebdomadaire par médecin", st.H1),
        Paragraph(
            "Chaque prescription compte dans la semaine (du lundi) de sa première ligne de traces.", st.SMALL
        ),
    ]
    for d in doctors:
        title = f"{d.name} ({d.identifier}) — {_pct(d.rate)}"
        picture = paint(doc.weekly.get(d.identifier, ()), title, threshold)
        out.append(Spacer(1, 2 * mm))
        out.append(_image(picture, WIDTH))
    return out


class ChartImage(Flowable):
    """A chart drawn from its in-memory raster (platypus' Image wants a file or a stream)."""

    def __init__(self, picture: PILImage, width: float) -> None:
        super().__init__()
        self.reader = ImageReader(picture)
        w, h = picture.size
        self.width, self.height = width, width * h / w

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, width=self.width, height=self.height)


def _image(picture: PILImage, width: float) -> ChartImage:
    return ChartImage(picture, width)


# --- operations, prerequisites, satisfaction, anomalies, unmatched ----------------------------


def operations_table(doc: BilanDocument) -> list[Flowable]:
    ops = doc.bilan.operations
    rows: list[list[object]] = [
        header_row("Service", "Appels", "Succès", "Échecs", "Taux de succès", "Au moins un succès")
    ]
    for op in Operation:
        count = ops.operation(op)
        rows.append(
            [
                op.label,
                format_int(count.calls),
                format_int(count.succeeded),
                format_int(count.failed),
                _pct(count.success_rate),
                met_cell(count.succeeded > 0),
            ]
        )
    reg = doc.bilan.registration
    return [
        Paragraph("4. Services de l'Ordonnance numérique", st.H1),
        grid_table(
            rows,
            [0.22 * WIDTH, 0.14 * WIDTH, 0.14 * WIDTH, 0.14 * WIDTH, 0.18 * WIDTH, 0.18 * WIDTH],
            numeric_from=1,
            numeric_to=4,
        ),
        Paragraph(
            nb(
                esc(
                    f"Enregistrement : {format_int(reg.registered)} ordonnances numériques enregistrées "
                    "dans "
                    f"la base de l'Assurance Maladie sur {format_int(reg.created)} créées "
                    f"({_pct(reg.rate)} ; seuil {_pct_short(reg.threshold)}). Comptés sur les lignes "
                    "des médecins utilisateurs ; code retour 0 = succès."
                )
            ),
            st.SMALL,
        ),
    ]


def prerequisites(doc: BilanDocument) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("5. Prérequis", st.H1)]
    if doc.prerequisites:
        out.append(Paragraph("Préalables au lancement de la présérie", st.H2))
        rows: list[list[object]] = [header_row("Préalable", "Fait", "Date", "Commentaire")]
        for item in doc.prerequisites:
            rows.append(
                [
                    text(item.label),
                    yes_no(item.done),
                    format_date(item.date),
                    text(item.comment or ""),
                ]
            )
        out.append(grid_table(rows, [0.46 * WIDTH, 0.08 * WIDTH, 0.13 * WIDTH, 0.33 * WIDTH]))
    out.append(Paragraph(f"{esc(Criterion.PREREQUISITES.label)} (critère 4)", st.H2))
    if not doc.technical_prerequisites:
        out.append(text("Aucun prérequis technique n'a été saisi.", st.BODY))
    else:
        rows = [header_row("N°", "Prérequis")]
        rows += [[str(i), text(t)] for i, t in enumerate(doc.technical_prerequisites, start=1)]
        out.append(grid_table(rows, [0.06 * WIDTH, 0.94 * WIDTH]))
        state = (
            f"Liste validée le {format_datetime(doc.technical_validated_at)}."
            if doc.technical_validated_at
            else "Liste non encore validée."
        )
        out.append(text(state, st.SMALL))
    return out


def satisfaction(doc: BilanDocument, questions: list[dict[str, str]]) -> list[Flowable]:
    answers = doc.satisfaction
    expected = doc.bilan.satisfaction.expected
    out: list[Flowable] = [Paragraph(f"6. {esc(Criterion.SATISFACTION.label)}", st.H1)]
    mean = doc.mean_score
    if mean is None:
        out.append(
            text(f"Aucune réponse au questionnaire (médecins utilisateurs attendus : {expected}).", st.BODY)
        )
        return out
    out.append(
        Paragraph(
            nb(
                esc(
                    f"{len(answers)} réponse{_s(len(answers))} sur {expected} "
                    f"médecin{_s(expected)} utilisateur{_s(expected)} ; "
                    f"note globale moyenne {format_decimal(mean)} / 5 "
                    "(1 = pas du tout satisfait, 5 = très satisfait)."
                )
            ),
            st.BODY,
        )
    )
    question_rows: list[list[object]] = [header_row("Question", "Réponses", "Note moyenne")]
    for q in questions:
        values = doc.question_scores(q["id"])
        question_rows.append(
            [
                text(q["text"]),
                format_int(len(values)),
                f"{format_decimal(sum(values) / len(values))} / 5" if values else "—",
            ]
        )
    if len(question_rows) > 1:
        out.append(Spacer(1, 2 * mm))
        out.append(grid_table(question_rows, [0.66 * WIDTH, 0.14 * WIDTH, 0.20 * WIDTH], numeric_from=1))
    rows: list[list[object]] = [header_row("Identifiant", "Nom", "Note globale", "Frein bloquant")]
    for a in answers:
        rows.append([a.identifier or "—", text(a.name), f"{a.score} / 5", yes_no(a.blocking)])
    out.append(Spacer(1, 2 * mm))
    out.append(
        grid_table(
            rows, [0.18 * WIDTH, 0.42 * WIDTH, 0.16 * WIDTH, 0.24 * WIDTH], numeric_from=2, numeric_to=2
        )
    )
    blocking = [a for a in answers if a.blocking]
    others = doc.other_satisfaction
    if others:
        n = len(others)
        out.append(
            text(
                f"Hors critère : {n} réponse{_s(n)} de médecin{_s(n)} non utilisateur{_s(n)} "
                f"({', '.join(a.name or a.identifier for a in others)}), "
                "conservée(s) mais non comptée(s) dans le critère 5.",
                st.SMALL,
            )
        )
    out.append(Paragraph("Freins bloquants signalés", st.H2))
    if not blocking:
        out.append(text("Aucun médecin utilisateur n'a signalé de frein bloquant.", st.BODY))
    for a in blocking:
        quote = a.blocking_text or "(frein signalé sans précision)"
        out.append(markup(f"« {esc(quote)} » — {esc(a.name)} ({esc(a.identifier)})", st.QUOTE))
    return out


def anomalies(doc: BilanDocument) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("7. Anomalies", st.H1)]
    if not doc.anomalies:
        out.append(text("Aucune anomalie n'a été consignée.", st.BODY))
        return out
    rows: list[list[object]] = [
        header_row("N°", "Service", "Description", "Bloquante", "Ouverte le", "Clôturée le")
    ]
    for a in doc.anomalies:
        description = a.description + (f"\nRésolution : {a.resolution}" if a.resolution else "")
        operation = operation_label(a.operation)
        rows.append(
            [
                str(a.id),
                operation,
                _multiline(description),
                yes_no(a.blocking),
                format_date(a.opened_at),
                format_date(a.closed_at) if a.closed_at else "ouverte",
            ]
        )
    table = grid_table(
        rows, [0.05 * WIDTH, 0.12 * WIDTH, 0.44 * WIDTH, 0.13 * WIDTH, 0.13 * WIDTH, 0.13 * WIDTH]
    )
    table.setStyle(table_style([("VALIGN", (0, 1), (-1, -1), "TOP")]))
    out.append(table)
    return out


def unmatched(doc: BilanDocument) -> list[Flowable]:
    total = doc.bilan.unmatched_rows
    listed = doc.bilan.unmatched
    out: list[Flowable] = [Paragraph("8. Lignes de traces non rattachées", st.H1)]
    if not total:
        out.append(text("Toutes les lignes de traces correspondent à un médecin de l'effectif.", st.BODY))
        return out
    out.append(
        Paragraph(
            nb(
                esc(
                    f"{format_int(total)} ligne{_s(total)} de traces ne correspond"
                    f"{'ent' if total > 1 else ''} à aucun médecin de l'effectif (PS inconnu, ou autre "
                    "activité "
                    "d'un médecin de l'effectif) : elles sont conservées mais ne comptent dans aucun critère."
                )
            ),
            st.BODY,
        )
    )
    if listed:
        rows: list[list[object]] = [header_row("Identifiant PS", "Lignes", "Rattachement")]
        rows += [[u.identifier, format_int(u.rows), text(u.label)] for u in listed[:UNMATCHED_LISTED]]
        out.append(Spacer(1, 2 * mm))
        out.append(grid_table(rows, [0.25 * WIDTH, 0.15 * WIDTH, 0.60 * WIDTH], numeric_from=1, numeric_to=1))
        if len(listed) > UNMATCHED_LISTED:
            rest = len(listed) - UNMATCHED_LISTED
            out.append(
                text(
                    f"… et {rest} autre{_s(rest)} identifiant{_s(rest)} (voir le classeur du bilan).",
                    st.SMALL,
                )
            )
    return out


def signatures(doc: BilanDocument) -> list[Flowable]:
    def block(title: str) -> Table:
        rows: list[list[object]] = [
            [markup(title, st.CELL_BOLD)],
            [text("Nom :")],
            [text("Fonction :")],
            [text("Date :")],
            [text("Signature :")],
            [""],
        ]
        t = Table(rows, colWidths=[WIDTH / 2 - 6 * mm], rowHeights=[None, 16, 16, 16, 16, 40])
        t.setStyle(
            table_style(
                [
                    ("BOX", (0, 0), (-1, -1), 0.6, st.RULE),
                    ("BACKGROUND", (0, 0), (-1, 0), st.LIGHT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return t

    both = Table(
        [[block("Pour l'Assurance Maladie (Cnam)"), block(f"Pour l'éditeur — {esc(doc.preserie.editor)}")]],
        colWidths=[WIDTH / 2, WIDTH / 2],
    )
    both.setStyle(
        table_style(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ]
        )
    )
    return [
        KeepTogether(
            [
                Paragraph("Signatures", st.H1),
                Paragraph(
                    "Le présent bilan est partagé par l'Assurance Maladie et l'éditeur. Les signataires en "
                    "approuvent les chiffres et la décision.",
                    st.BODY,
                ),
                Spacer(1, 3 * mm),
                both,
            ]
        )
    ]
