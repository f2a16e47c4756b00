"""« Journal des modifications »: the audit trail of the présérie shown (and of the workspace),
newest first, one French line per change, filtered as the user types (case and accents ignored).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from ordnum_desktop.domain.fr_format import format_int
from ordnum_desktop.domain.text import fold
from ordnum_desktop.services.workspace.audit_log import (
    ACTION_LABELS,
    ENTITY_LABELS,
    FIELD_LABELS,
    HIDDEN,
    AuditView,
    describe,
    french_value,
)
from ordnum_desktop.ui.forms.ui_journal_dialog import Ui_JournalDialog

HEADERS = ["Date", "Action", "Objet", "Détail", "Lot d'import", "Par"]
SUBJECT_COLUMN = 2
DETAIL_COLUMN = 3


NAME_KEYS = ("last_name", "first_name", "cpam_id", "file_name", "label", "description", "text", "editor")


def _name(values: dict[str, object]) -> str:
    if "last_name" in values:
        return " ".join(str(values.get(k) or "") for k in ("last_name", "first_name")).strip()
    return next((str(values[k]) for k in NAME_KEYS if values.get(k)), "")


def _subjects(entries: list[AuditView]) -> list[str]:
    """What each entry is about, named as the object was named at that moment: a « Modification »
    line only holds the changed fields, so the names come from the object's earlier entries; a
    planning line or an answer is named after its doctor."""
    known: dict[tuple[str, int], dict[str, object]] = {}
    subjects: list[str] = []
    for e in reversed(entries):  # oldest first
        label = ENTITY_LABELS.get(e.entity, e.entity)
        if e.entity_id is None:
            subjects.append(label)
            continue
        values = known.setdefault((e.entity, e.entity_id), {})
        for source in (e.before, e.after):
            values.update(
                {k: v for k, v in source.items() if k in (*NAME_KEYS, "doctor_id") and v not in (None, "")}
            )
        name = _name(values)
        doctor_id = values.get("doctor_id")
        if not name and isinstance(doctor_id, int):
            name = _name(known.get(("doctor", doctor_id), {}))
        name = name if len(name) <= 60 else name[:57] + "…"
        subjects.append(f"{label} — {name or f'n° {e.entity_id}'}")
    subjects.reverse()
    return subjects


def detail(e: AuditView) -> str:
    """`describe`, except that an added or deleted object lists its values (describe only names
    it, which the « Objet » column already does)."""
    if e.action not in ("insert", "delete"):
        return describe(e)
    values = e.after if e.action == "insert" else e.before
    parts = [
        f"{FIELD_LABELS[k]} : {french_value(v, k)}"
        for k, v in values.items()
        if k in FIELD_LABELS and k not in HIDDEN and v not in (None, "")
    ]
    if parts:
        return "; ".join(parts)
    # A planning line is created empty with its doctor: say so rather than « n° 7 ».
    return "aucune valeur saisie" if e.action == "insert" else describe(e)


class JournalDialog(QDialog):
    def __init__(self, entries: list[AuditView], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_JournalDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Journal des modifications — {title}")
        self.resize(1100, 620)  # the detail column needs the room; still fits a 1280×800 screen
        self.entries = entries
        table = self.ui.entriesTable
        table.setColumnCount(len(HEADERS))
        table.setHorizontalHeaderLabels(HEADERS)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The object column would widen to its longest name and squeeze the detail: fixed width,
        # elided, full text in the tooltip and in the detail line under the table.
        header.setSectionResizeMode(SUBJECT_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SUBJECT_COLUMN, 300)
        header.setSectionResizeMode(DETAIL_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setDefaultSectionSize(24)
        subjects = _subjects(entries)
        self._keys: list[str] = []
        table.setRowCount(len(entries))
        for row, e in enumerate(entries):  # list_entries gives them newest first
            cells = [
                e.at.strftime("%d/%m/%Y %H:%M:%S"),
                ACTION_LABELS.get(e.action, e.action),
                subjects[row],
                detail(e),
                "" if e.batch_id is None else str(e.batch_id),
                e.changed_by,  # the database user (a server's role, a file's OS login)
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (SUBJECT_COLUMN, DETAIL_COLUMN):
                    item.setToolTip(text)
                table.setItem(row, column, item)
            self._keys.append(fold(" ".join(cells)))
        table.itemSelectionChanged.connect(self._show_detail)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.filterEdit.textChanged.connect(self.set_filter)
        self.ui.countLabel.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.set_filter("")
        self._show_detail()

    def set_filter(self, text: str) -> None:
        """Shows the lines holding every word typed (case and accents ignored)."""
        if self.ui.filterEdit.text() != text:
            self.ui.filterEdit.setText(text)  # re-enters through textChanged
            return
        words = [w for w in (fold(part) for part in text.split()) if w]
        shown = 0
        for row, key in enumerate(self._keys):
            visible = all(w in key for w in words)
            self.ui.entriesTable.setRowHidden(row, not visible)
            shown += visible
        total = len(self._keys)
        if not total:
            self.ui.countLabel.setText("aucune modification enregistrée")
        elif words:
            self.ui.countLabel.setText(f"{format_int(shown)} sur {format_int(total)}")
        else:
            self.ui.countLabel.setText(f"{format_int(total)} modification(s)")

    def _show_detail(self) -> None:
        rows = self.ui.entriesTable.selectionModel().selectedRows()
        if not rows:
            self.ui.detailLabel.setText("Sélectionnez une ligne pour lire son détail en entier.")
            return
        row = rows[0].row()
        date, action, subject = (self.ui.entriesTable.item(row, c).text() for c in range(3))
        self.ui.detailLabel.setText(
            f"<b>{escape(subject)}</b> — {escape(action)} le {escape(date)}<br>"
            f"{escape(detail(self.entries[row]))}"
        )

    def visible_rows(self) -> list[list[str]]:
        """The texts of the lines shown, top to bottom (for the tests and a quick look)."""
        table = self.ui.entriesTable
        return [
            [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())
            if not table.isRowHidden(r)
        ]
