"""Paragraph and table styles of the printed bilan, and the escaping of user text.

Every string that comes from the user or an imported file goes through `esc` (or `text`) before
it reaches reportlab's Paragraph markup, so `CentreMed <Pro>` or `Santé & Co` print as typed.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from ordnum_desktop.services.bilan.pdf.fonts import BOLD, REGULAR, register_fonts

register_fonts()

NAVY = colors.HexColor("#0c2f6b")  # Assurance Maladie-like dark blue for titles and headers
LIGHT = colors.HexColor("#eef2f8")
RULE = colors.HexColor("#b0bccd")
GREEN = colors.HexColor("#2e7d32")
GREEN_BG = colors.HexColor("#e8f5e9")
RED = colors.HexColor("#c62828")
RED_BG = colors.HexColor("#fdecea")
GREY = colors.HexColor("#616161")

PAGE_MARGIN = 18 * mm

BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7.5, leading=9.5, textColor=GREY)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=10)
CELL_BOLD = ParagraphStyle("cell_bold", parent=CELL, fontName=BOLD)
HEAD = ParagraphStyle("head", parent=CELL, fontName=BOLD, textColor=colors.white)
HEAD_RIGHT = ParagraphStyle("head_right", parent=HEAD, alignment=TA_RIGHT)
TITLE = ParagraphStyle("title", parent=BODY, fontName=BOLD, fontSize=16, leading=20, textColor=NAVY)
SUBTITLE = ParagraphStyle("subtitle", parent=BODY, fontSize=10, leading=13, textColor=GREY)
# Headings keep with what follows: « 7. Anomalies » was left alone at the foot of a page.
H1 = ParagraphStyle(
    "h1",
    parent=BODY,
    fontName=BOLD,
    fontSize=12,
    leading=15,
    textColor=NAVY,
    spaceBefore=10,
    spaceAfter=5,
    keepWithNext=1,
)
H2 = ParagraphStyle(
    "h2",
    parent=BODY,
    fontName=BOLD,
    fontSize=9.5,
    leading=12,
    textColor=NAVY,
    spaceBefore=6,
    spaceAfter=3,
    keepWithNext=1,
)
DECISION = ParagraphStyle("decision", parent=BODY, fontName=BOLD, fontSize=11, leading=14)
QUOTE = ParagraphStyle("quote", parent=BODY, leftIndent=10, textColor=colors.HexColor("#333333"))
CENTER_SMALL = ParagraphStyle("center_small", parent=SMALL, alignment=TA_CENTER)


def esc(value: object) -> str:
    """User or imported text made safe for Paragraph markup."""
    return escape("" if value is None else str(value))


def text(value: object, style: ParagraphStyle = CELL) -> Paragraph:
    """A Paragraph of plain (escaped) text."""
    return Paragraph(esc(value), style)


def markup(fragment: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A Paragraph of markup the code wrote; the caller has escaped every value inside."""
    return Paragraph(fragment, style)


def grid_table(
    rows: list[list[object]],
    widths: list[float],
    *,
    numeric_from: int | None = None,
    numeric_to: int = -1,
    zebra: bool = True,
) -> Table:
    """A table with a navy header row repeated on every page it spans; the columns from
    `numeric_from` to `numeric_to` (included) are right-aligned (figures), their headers too."""
    last = (len(widths) + numeric_to) if numeric_to < 0 else numeric_to
    if numeric_from is not None and rows:
        rows = [
            [
                Paragraph(cell.text, HEAD_RIGHT)
                if numeric_from <= i <= last and isinstance(cell, Paragraph)
                else cell
                for i, cell in enumerate(rows[0])
            ],
            *rows[1:],
        ]
    # splitInRow: a cell taller than a page (a pasted log in an anomaly) continues on the next one.
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if numeric_from is not None:
        commands.append(("ALIGN", (numeric_from, 1), (numeric_to, -1), "RIGHT"))
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LIGHT]))
    table.setStyle(TableStyle(commands))
    return table


def table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle on the embedded font: a table left on reportlab's default would name
    Helvetica, a font the PDF does not embed."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def header_row(*labels: str) -> list[object]:
    return [Paragraph(esc(label), HEAD) for label in labels]


def met_cell(met: bool | None) -> Paragraph:
    """« Oui » in green / « Non » in red: the one glance a reader gives a criteria table."""
    if met is None:
        return Paragraph("—", CELL)
    colour = "#2e7d32" if met else "#c62828"
    return Paragraph(f'<font color="{colour}"><b>{"Oui" if met else "Non"}</b></font>', CELL)
