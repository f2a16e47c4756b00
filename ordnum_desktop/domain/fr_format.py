"""French number, percent and date formats, shared by the window, the PDF and the workbooks.

French typography puts a narrow no-break space (U+202F) between thousands and before `%`, and
writes the decimal separator as a comma: 0.5833 → `58,3 %`, 12345 → `12 345`.
"""

from __future__ import annotations

from datetime import date, datetime

NNBSP = "\u202f"  # espace fine insécable
DASH = "—"  # printed where a value is undefined (a doctor with no prescription has no rate)


def format_int(value: int | None) -> str:
    if value is None:
        return DASH
    return f"{value:,}".replace(",", NNBSP)


def format_decimal(value: float | None, digits: int = 1) -> str:
    if value is None:
        return DASH
    text = f"{value:,.{digits}f}"
    # Python writes 12,345.6: swap the separators into the French 12 345,6.
    return text.replace(",", NNBSP).replace(".", ",")


def format_percent(fraction: float | None, digits: int = 1) -> str:
    """A fraction as a French percentage: 0.5833 → '58,3 %' (U+202F before the sign)."""
    if fraction is None:
        return DASH
    return f"{format_decimal(fraction * 100, digits)}{NNBSP}%"


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return DASH
    return value.strftime("%d/%m/%Y")


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return DASH
    return value.strftime("%d/%m/%Y à %H:%M")


def format_iso_date(text: str | None) -> str:
    """'2025-03-31' (the bilan JSON's form) → '31/03/2025'; anything else is returned as is."""
    if not text:
        return DASH
    try:
        return format_date(date.fromisoformat(text[:10]))
    except ValueError:
        return text


def yes_no(value: bool | None) -> str:
    if value is None:
        return DASH
    return "Oui" if value else "Non"
