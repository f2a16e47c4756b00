"""Sections of the printed bilan about the présérie's life (issue 11): the closing meeting and
its signatories. Kept apart from sections.py, whose layout evolves on its own."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.vocabulary import Decision
from ordnum_desktop.services.bilan.document import BilanDocument
from ordnum_desktop.services.bilan.pdf import styles as st
from ordnum_desktop.services.bilan.pdf.styles import esc, markup, table_style, text

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
        rows.append(
            [
                text("Durée", st.CELL_BOLD),
                text("Bilan clos avant la durée minimale du référentiel, sur confirmation."),
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


__all__ = ["closing_meeting"]
