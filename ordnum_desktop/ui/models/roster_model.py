"""The roster as a table model: one row per doctor, cells in error coloured with the reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.roster_rows import DoctorRow
from ordnum_desktop.domain.roster_rules import MODES, CheckResult

ERROR_BG = QColor("#f8d7da")
WARNING_BG = QColor("#fff3cd")
# Marker colours on the row header: ≥ 4.5:1 on the header's light grey (WCAG AA).
ERROR_FG = QColor("#b71c1c")
WARNING_FG = QColor("#8a5a00")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    kind: str = "text"  # text | bool | choice
    width: int = 110
    tip: str = ""


COLUMNS = (
    Column("last_name", "Nom", width=130),
    Column("first_name", "Prénom", width=110),
    Column("mode", "Exercice", "choice", 90),
    Column("specialty", "Spécialité", "choice", 150),
    Column("am", "N° AM", width=100),
    Column("rpps", "RPPS", width=110),
    Column("finess", "FINESS", width=100),
    Column("centre_name", "Centre de santé", width=140),
    Column("structure", "Structure", "choice", 140),
    Column("cpam", "CPAM", "choice", 150),
    Column("equipped", "Équipé", "bool", 75, "Équipé pour l'Ordonnance numérique (médecin utilisateur)"),
    Column(
        "compatibility_checked",
        "Compatibilité",
        "bool",
        105,
        "Équipement et version logicielle compatibles, vérifiés par l'éditeur",
    ),
    Column("consent", "Accord", "bool", 75, "Accord de principe du médecin pour participer"),
)
FIELD_COLUMN = {c.field: n for n, c in enumerate(COLUMNS)}


def choices_for(field: str) -> list[tuple[str, str]]:
    """(code, label) pairs offered by the editor of a choice column."""
    ref = load_referentiel()
    if field == "mode":
        return list(MODES.items())
    if field == "structure":
        return [("", "")] + [(c.code, c.label) for c in ref.structures]
    if field == "specialty":
        return [("", "")] + [(c.code, c.label) for c in ref.specialties]
    if field == "cpam":
        return [("", "")] + [(c.id, c.name) for c in ref.caisses]
    return []


class RosterModel(QAbstractTableModel):
    """Edits are not applied here: `on_edit(doctor_id, field, value)` (an undoable command) is."""

    def __init__(self, on_edit: Callable[[int, str, Any], bool]) -> None:
        super().__init__()
        self.doctors: list[DoctorRow] = []
        self.on_edit = on_edit
        # A workspace that cannot be changed (a file open elsewhere, a read-only server role):
        # cells are neither editable nor checkable, so nothing invites an edit that would fail.
        self.read_only = False
        self.cell_findings: dict[tuple[int, str], list[tuple[str, str]]] = {}
        self.row_findings: dict[int, list[tuple[str, str]]] = {}
        self._labels = {f: dict(choices_for(f)) for f in ("mode", "structure", "specialty", "cpam")}

    # -- loading ----------------------------------------------------------------------------
    def set_data(self, doctors: list[DoctorRow], check: CheckResult) -> None:
        same_rows = [d.id for d in doctors] == [d.id for d in self.doctors]
        if not same_rows:
            self.beginResetModel()
        self.doctors = doctors
        self.cell_findings = {}
        self.row_findings = {}
        for finding in [*check.errors, *check.warnings]:
            if finding.doctor is None:
                continue
            item = (finding.level, finding.message)
            self.row_findings.setdefault(finding.doctor, []).append(item)
            if finding.field:
                self.cell_findings.setdefault((finding.doctor, finding.field), []).append(item)
        if same_rows:
            if self.doctors:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.doctors) - 1, len(COLUMNS) - 1))
        else:
            self.endResetModel()

    def row_of(self, doctor_id: int) -> int | None:
        return next((n for n, d in enumerate(self.doctors) if d.id == doctor_id), None)

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.doctors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section].tip or None
        if orientation == Qt.Orientation.Vertical and section < len(self.doctors):
            # The row marker: a doctor whose error sits in a column scrolled out of sight still
            # shows it here, by a sign, a tooltip and the text a screen reader reads.
            findings = self.row_findings.get(self.doctors[section].id or 0, [])
            errors = any(level == "error" for level, _ in findings)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{section + 1} ✖" if errors else f"{section + 1} ⚠" if findings else str(section + 1)
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole) and findings:
                return "\n".join(message for _, message in findings)
            if role == Qt.ItemDataRole.ForegroundRole and findings:
                return QBrush(ERROR_FG if errors else WARNING_FG)
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].title
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the root: Qt asks it too (column -1 would read the last column)
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return base
        if COLUMNS[index.column()].kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doctor = self.doctors[index.row()]
        column = COLUMNS[index.column()]
        value = getattr(doctor, column.field)
        if role == Qt.ItemDataRole.DisplayRole:
            if column.kind == "bool":
                return None
            if column.kind == "choice":
                return self._labels[column.field].get(value, value)
            return value
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return str(value) if column.kind != "bool" else int(bool(value))
        findings = self.cell_findings.get((doctor.id or 0, column.field))
        if role == Qt.ItemDataRole.BackgroundRole and findings:
            level = "error" if any(lv == "error" for lv, _ in findings) else "warning"
            return QBrush(ERROR_BG if level == "error" else WARNING_BG)
        if role == Qt.ItemDataRole.ToolTipRole and findings:
            return "\n".join(message for _, message in findings)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and findings:
            # The reason as text, not only as a colour (RGAA).
            return "\n".join(("Erreur : " if lv == "error" else "Avertissement : ") + m for lv, m in findings)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        doctor = self.doctors[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            new = str(value or "").strip() if column.kind != "bool" else bool(value)
        else:
            return False
        if new == getattr(doctor, column.field):
            return False
        return self.on_edit(doctor.id or 0, column.field, new)
