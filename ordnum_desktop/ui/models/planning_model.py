"""Installation planning as a table: one row per doctor, one date per step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.names import person_name
from ordnum_desktop.domain.schedule import DoctorSchedule
from ordnum_desktop.services.planning.schedule import PlanningView, ScheduleRow
from ordnum_desktop.services.roster.doctors import doctor_identifier

Index = QModelIndex | QPersistentModelIndex
OVERDUE_BG = QColor("#f8d7da")
DONE_FG = QColor("#2e7d32")

DATE_COLUMNS = (
    ("planned_install", "Installation prévue"),
    ("actual_install", "Installation réalisée"),
    ("training_date", "Formation"),
    ("traces_activated", "Traces activées"),
    ("first_eprescription", "1re e-prescription"),
)
# Read from the traces, never typed: shown after the typed steps.
TRACE_COLUMNS = ("1re trace", "Dernière trace", "Suivi")
HEADERS = ("Médecin", "Identifiant", *(title for _, title in DATE_COLUMNS), *TRACE_COLUMNS)
FIRST_DATE_COLUMN = 2
FIRST_TRACE_COLUMN = FIRST_DATE_COLUMN + len(DATE_COLUMNS)
TRACE_FG = QColor("#5f6b7a")


def two_lines(label: str) -> str:
    """« Installation prévue » on two lines: ten columns share 1024 px, and a centred header wider
    than its column was cut at both ends (« stallation prévu »)."""
    words = label.split(" ")
    if len(words) < 2:
        return label
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def _from_traces(schedule: DoctorSchedule, field: str) -> date | None:
    """The trace day standing in for an untyped step (None when the traces say nothing)."""
    return {
        "actual_install": schedule.effective_installed,
        "traces_activated": schedule.effective_traces_on,
        "first_eprescription": schedule.first_erx,
    }.get(field)


class PlanningModel(QAbstractTableModel):
    def __init__(self, on_edit: Callable[[int, str, date | None], bool]) -> None:
        super().__init__()
        self.view = PlanningView(date.today(), 7, [])
        self.on_edit = on_edit
        self.read_only = False  # see RosterModel.read_only

    @property
    def rows(self) -> list[ScheduleRow]:
        return self.view.rows

    def set_view(self, view: PlanningView) -> None:
        self.beginResetModel()
        self.view = view
        self.endResetModel()

    def overdue(self, row: ScheduleRow) -> bool:
        return self.view.late(row)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return two_lines(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the root: Qt asks it too (column -1 would read the last column)
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        editable = not self.read_only and FIRST_DATE_COLUMN <= index.column() < FIRST_TRACE_COLUMN
        return base | Qt.ItemFlag.ItemIsEditable if editable else base

    def field_of(self, column: int) -> str | None:
        if FIRST_DATE_COLUMN <= column < FIRST_TRACE_COLUMN:
            return DATE_COLUMNS[column - FIRST_DATE_COLUMN][0]
        return None

    def _trace_cell(self, row: ScheduleRow, column: int, role: int) -> Any:
        s = row.schedule
        if role == Qt.ItemDataRole.DisplayRole:
            k = column - FIRST_TRACE_COLUMN
            if k == 0:
                return format_date(s.traces.first) if s.traces.first else ""
            if k == 1:
                return format_date(s.traces.last) if s.traces.last else ""
            return self.view.flag(row)
        flagged = column == FIRST_TRACE_COLUMN + 2 and self.view.flag(row)
        if role == Qt.ItemDataRole.ForegroundRole and flagged:
            return QBrush(QColor("#c62828"))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        doctor, plan = row.doctor, row.plan
        if index.column() >= FIRST_TRACE_COLUMN:
            return self._trace_cell(row, index.column(), role)
        field = self.field_of(index.column())
        if field is None:
            if role == Qt.ItemDataRole.DisplayRole:
                if index.column() == 0:
                    return person_name(doctor.last_name, doctor.first_name)
                return doctor_identifier(doctor)
            return None
        value = getattr(plan, field)
        seen = None if value else _from_traces(row.schedule, field)
        if role == Qt.ItemDataRole.DisplayRole:
            shown = value or seen
            return format_date(shown) if shown else ""
        if role == Qt.ItemDataRole.EditRole:
            return value
        difference = row.schedule.first_erx_difference if field == "first_eprescription" else ""
        if role == Qt.ItemDataRole.ToolTipRole and difference:
            return difference
        if seen is not None:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(TRACE_FG)
            if role == Qt.ItemDataRole.ToolTipRole:
                return "D'après les traces importées (aucune date saisie)."
        if field == "planned_install" and self.overdue(row):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(OVERDUE_BG)
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Installation prévue dépassée : elle n'est pas encore réalisée."
        if role == Qt.ItemDataRole.ForegroundRole and field == "actual_install" and value:
            return QBrush(DONE_FG)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        field = self.field_of(index.column())
        if field is None or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        if getattr(row.plan, field) == value:
            return False
        return self.on_edit(row.doctor.id or 0, field, value)
