"""Installation planning as a table: one row per doctor, one date per step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.services.roster.doctors import doctor_identifier
from ordnum_desktop.store.models import Doctor, InstallationPlan

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
HEADERS = ("Médecin", "Identifiant", *(title for _, title in DATE_COLUMNS))
FIRST_DATE_COLUMN = 2


class PlanningModel(QAbstractTableModel):
    def __init__(self, on_edit: Callable[[int, str, date | None], bool]) -> None:
        super().__init__()
        self.rows: list[tuple[Doctor, InstallationPlan]] = []
        self.on_edit = on_edit
        self.today = date.today()

    def set_rows(self, rows: list[tuple[Doctor, InstallationPlan]], today: date) -> None:
        self.beginResetModel()
        self.rows = rows
        self.today = today
        self.endResetModel()

    def overdue(self, plan: InstallationPlan) -> bool:
        return (
            plan.planned_install is not None
            and plan.actual_install is None
            and plan.planned_install < self.today
        )

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
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the root: Qt asks it too (column -1 would read the last column)
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() >= FIRST_DATE_COLUMN else base

    def field_of(self, column: int) -> str | None:
        return DATE_COLUMNS[column - FIRST_DATE_COLUMN][0] if column >= FIRST_DATE_COLUMN else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doctor, plan = self.rows[index.row()]
        field = self.field_of(index.column())
        if field is None:
            if role == Qt.ItemDataRole.DisplayRole:
                if index.column() == 0:
                    return f"{doctor.first_name} {doctor.last_name}".strip()
                return doctor_identifier(doctor)
            return None
        value = getattr(plan, field)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_date(value) if value else ""
        if role == Qt.ItemDataRole.EditRole:
            return value
        if field == "planned_install" and self.overdue(plan):
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
        doctor, plan = self.rows[index.row()]
        if getattr(plan, field) == value:
            return False
        return self.on_edit(doctor.id or 0, field, value)
