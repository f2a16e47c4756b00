"""Writing user text into a workbook cell without ever creating a formula, and without the
control characters (vertical tab pasted from Word, ESC…) that openpyxl refuses with
IllegalCharacterError: legacy stored text must never break a later export (issue 12, item 8)."""

from __future__ import annotations

from typing import Any

from ordnum_desktop.domain.entry_checks import CONTROL_CHARACTERS

FORMULA_TRIGGERS = ("=", "+", "-", "@")


def clean_text(value: str) -> str:
    """The text with its control characters replaced by a space."""
    return CONTROL_CHARACTERS.sub(" ", value)


def safe_cell(cell: Any, value: object) -> None:
    """Text that starts like a formula is stored as a string cell, never evaluated by Excel."""
    if isinstance(value, str):
        value = clean_text(value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        cell.data_type = "s"
        cell.quotePrefix = True
