"""Sections of the printed bilan about the présérie's life (issue 11): the comparison with the
previous closed bilan, the validation scope, the closing meeting and its signatories. Kept apart
from sections.py, whose layout evolves on its own."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from ordnum_desktop.domain.fr_format import format_date, format_decimal, format_iso_date, format_percent
from ordnum_desktop.domain.vocabulary import Criterion, Decision
from ordnum_desktop.services.bilan.document import BilanDocument
from ordnum_desktop.services.bilan.pdf import styles as st
from ordnum_desktop.services.bilan.pdf.styles import esc, grid_table, header_row, markup, table_style, text

WIDTH = 210 * mm - 2 * st.PAGE_MARGIN


def closing_meeting(doc: BilanDocument) -> list[Flowable]:
    """« Bilan n° N clos en réunion du … » with the signatories, on a closed bilan only."""
    note = doc.closing
    if note is None:
        return []
    rows: list[list[object]] = [
        [text("Bilan clos", st.CELL_BOLD), text(f"n° {note.number}")],
        [text("Réunion de bilan du", st.CELL_BOLD), text(format_date(note.meeting_date))],
        [text("Décision retenue", st.CELL_BOLD), text(Decision(doc.bilan.decision).label)],
        [text("Signataires", st.CELL_BOLD), text(note.signatories or "non précisés à la clôture")],
    ]
    if note.early:
        t = doc.time
        why = f" : {t.early_reason()}" if t is not None else ""
        rows.append(
            [
                text("Clôture anticipée", st.CELL_BOLD),
                text(f"Bilan clos avant la durée minimale du référentiel, sur confirmation{why}."),
            ]
        )
    table = Table(rows, colWidths=[0.3 * WIDTH, 0.7 * WIDTH])
    table.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, st.RULE),
                ("BACKGROUND", (0, 0), (0, -1), st.LIGHT),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, st.RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [
        KeepTogether(
            [
                Paragraph("Réunion de bilan", st.H1),
                markup(
                    f"Ce bilan a été clos lors de la réunion du {esc(format_date(note.meeting_date))} : "
                    "ses chiffres, sa décision et ce document sont conservés tels quels dans le "
                    "fichier de suivi.",
                    st.BODY,
                ),
                Spacer(1, 2 * mm),
                table,
            ]
        )
    ]


def validation_scope(doc: BilanDocument) -> list[Flowable]:
    """What the validation covers, in the référentiel's words (domain/validation_scope.py)."""
    if not doc.scope_sentences:
        return []
    return [
        KeepTogether(
            [
                Paragraph("Périmètre de la validation", st.H1),
                *(markup(f"• {esc(sentence)}", st.BODY) for sentence in doc.scope_sentences),
            ]
        )
    ]


def _change(value: float | None, percent: bool) -> str:
    if value is None:
        return "—"
    sign = "+" if value > 0 else ""
    if percent:
        return f"{sign}{format_decimal(value * 100)} pt"
    return f"{sign}{format_decimal(value, 0)}"


def comparison(doc: BilanDocument) -> list[Flowable]:
    """The previous closed bilan's figures beside the current ones (domain/bilan_comparison.py)."""
    c = doc.comparison
    if c is None:
        return []
    prev = c.previous
    rows: list[list[object]] = [
        header_row("Critère", f"Bilan n° {prev.number}", "Ce bilan", "Évolution"),
    ]
    for ch in c.criteria:
        percent = ch.key in (Criterion.DOCTOR_RATE, Criterion.REGISTRATION)
        rows.append(
            [
                text(ch.key.numbered),
                text(("atteint — " if ch.previous.met else "non atteint — ") + ch.previous.detail),
                text(("atteint — " if ch.current.met else "non atteint — ") + ch.current.detail),
                text(f"{ch.turned} ({_change(ch.change, percent)})"),
            ]
        )
    doctors: list[list[object]] = [
        header_row("Médecin", f"Taux au bilan n° {prev.number}", "Taux actuel", "Évolution"),
    ]
    for d in c.doctors:
        doctors.append(
            [
                text(d.name or d.identifier),
                text(format_percent(d.previous.rate) if d.previous else "—"),
                text(format_percent(d.current.rate) if d.current else "—"),
                text(d.note or _change(d.change, True)),
            ]
        )
    widths = [0.34 * WIDTH, 0.24 * WIDTH, 0.24 * WIDTH, 0.18 * WIDTH]
    since = f" (période {prev.period_number})" if prev.period_number > 1 else ""
    return [
        Paragraph(f"Comparaison avec le bilan n° {prev.number} au {esc(format_iso_date(prev.as_of))}", st.H1),
        markup(
            f"Le bilan n° {prev.number}{since} avait conclu : {esc(prev.decision.label)}. Ses chiffres, "
            "tels qu'ils ont été clos, à côté de ceux de ce bilan.",
            st.BODY,
        ),
        Spacer(1, 2 * mm),
        grid_table(rows, widths),
        Spacer(1, 3 * mm),
        grid_table(doctors, widths),
    ]


__all__ = ["closing_meeting", "comparison", "validation_scope"]
