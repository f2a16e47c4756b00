"""The embedded Unicode font (DejaVu Sans, shipped in resources/fonts with its licence).

The PDF base fonts (Helvetica…) cannot print ≥, €, the narrow no-break space or every French
apostrophe; an embedded TrueType font can, and the document looks the same on every machine.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ordnum_desktop.paths import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    """Registers the two faces once per process; returns (regular, bold) font names."""
    folder = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    # <b> inside a Paragraph picks the bold face of the family.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
