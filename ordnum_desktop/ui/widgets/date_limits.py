"""Date fields accept only the référentiel's years (`date_years`, 2000–2100): the same limits as
the command line and the imports, so a slip of the wheel to 1752 or 7999 cannot be typed at all
rather than being refused when saved (issue 12, item 7)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from ordnum_desktop.domain.entry_checks import date_years


def limit_dates(root: QWidget) -> None:
    """Sets the range of `root` if it is a date field, and of every date field inside it."""
    years = date_years()
    edits = [root] if isinstance(root, QDateEdit) else []
    for edit in [*edits, *root.findChildren(QDateEdit)]:
        edit.setDateRange(QDate(years.first, 1, 1), QDate(years.last, 12, 31))


def date_field(day: date | None = None, parent: QWidget | None = None) -> QDateEdit:
    """A date field as every dialog and table cell shows it: French order, a calendar to pick from,
    the référentiel's years only; `day` or else today."""
    edit = QDateEdit(QDate(day) if day else QDate.currentDate(), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    limit_dates(edit)
    return edit
