"""Writing user text into a workbook cell without ever creating a formula."""

from __future__ import annotations

from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@")


def safe_cell(cell: Any, value: object) -> None:
    """Text that starts like a formula is stored as a string cell, never evaluated by Excel."""
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        cell.data_type = "s"
        cell.quotePrefix = True
