"""Reading values a person typed in a workbook: dates as dates or text, numbers as text."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_EXCEL_EPOCH = datetime(1899, 12, 30)


def parse_date(value: object) -> date | None:
    """A date cell, an Excel serial number, or text `JJ/MM/AAAA` / `AAAA-MM-JJ`.
    Raises ValueError when the value is not empty and not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return (_EXCEL_EPOCH + timedelta(days=float(value))).date()
        raise ValueError(str(value))
    text = str(value).strip()
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?", text)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?", text)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError(text)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
