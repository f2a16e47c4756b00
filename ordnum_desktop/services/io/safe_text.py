"""Writing user text into a workbook cell without ever creating a formula, and without the
control characters (vertical tab pasted from Word, ESC…) that openpyxl refuses with
IllegalCharacterError: legacy stored text must never break a later export (issue 12, item 8)."""

from __future__ import annotations

import re
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@")
# C0 controls except tab, newline and carriage return, which a cell may hold.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """The text with its control characters replaced by a space."""
    return _CONTROL.sub(" ", value)


def safe_cell(cell: Any, value: object) -> None:
    """Text that starts like a formula is stored as a string cell, never evaluated by Excel."""
    if isinstance(value, str):
        value = clean_text(value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        cell.data_type = "s"
        cell.quotePrefix = True
