"""What a typed or imported value must not hold, whatever the way in (window field, CLI option,
workbook cell): an invisible control character, or a date outside the référentiel's years.

Both once went in unchecked and broke later work: a vertical tab pasted from Word in an anomaly
made every bilan workbook fail (openpyxl refuses it), a row dated 9999 or 1850 made the exports
overflow or take gigabytes (issue 12, items 7 and 8). Stored legacy text is cleaned on export
(services/io/safe_text.py); new text is refused here with where it was."""

from __future__ import annotations

import re
from datetime import date

from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.referentiel import YearRange, load_referentiel

# C0 controls except tab, newline and carriage return (which a cell or a note may hold), and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The same characters as a workbook holds them: XML cannot, so Excel writes a vertical tab as
# `_x000B_`, which openpyxl hands over as these seven characters.
_ESCAPED_IN_A_WORKBOOK = re.compile(r"_x00(0[0-8BCEF]|1[0-9A-F]|7F)_", re.IGNORECASE)


def date_years() -> YearRange:
    """The years a date may fall in (référentiel `date_years`)."""
    return load_referentiel().date_years


def control_character_problem(value: object) -> str | None:
    """A French clause naming the first control character of a text, or None."""
    if not isinstance(value, str):
        return None
    found = CONTROL_CHARACTERS.search(value)
    if found is None:
        return None
    return _clause(ord(found.group()))


def cell_control_problem(value: object) -> str | None:
    """Same for a workbook cell, where the character comes escaped (`_x000B_`)."""
    if isinstance(value, str) and (escaped := _ESCAPED_IN_A_WORKBOOK.search(value)):
        return _clause(int(escaped.group(1), 16))
    return control_character_problem(value)


def _clause(code: int) -> str:
    return (
        f"contient un caractère de contrôle invisible (U+{code:04X}, souvent collé depuis un "
        "traitement de texte) : retirez-le puis recommencez"
    )


def year_problem(day: date) -> str | None:
    """A French clause when `day` (a date or date-time) is outside the référentiel's years."""
    years = date_years()
    if day.year in years:
        return None
    return (
        f"la date du {format_date(day)} est hors des années {years.first} à {years.last} : vérifiez l'année"
    )
