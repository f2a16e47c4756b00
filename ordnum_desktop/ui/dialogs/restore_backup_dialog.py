"""« Restaurer une sauvegarde… »: the workspace's backups (newest first), one to pick, a
confirmation before anything is replaced.

The dialog only chooses; the main window closes the workspace, restores and reopens it (the
objects the tabs hold would be stale otherwise).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from ordnum_desktop.domain.fr_format import format_datetime, format_decimal
from ordnum_desktop.store.backups import BackupInfo, backup_dir_for
from ordnum_desktop.ui.dialogs.prompts import Prompts
from ordnum_desktop.ui.forms.ui_restore_backup_dialog import Ui_RestoreBackupDialog

HEADERS = ["Date", "Motif", "Taille"]


def format_size(size: int) -> str:
    """Bytes as a French size: 1 536 000 → « 1,5 Mo »."""
    if size < 1024:
        return f"{size} o"
    if size < 1000 * 1024:  # « 1 020 Ko » reads worse than « 1,0 Mo »
        return f"{format_decimal(size / 1024, 0)} Ko"
    return f"{format_decimal(size / (1024 * 1024), 1)} Mo"


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class RestoreBackupDialog(QDialog):
    def __init__(
        self, workspace_path: Path, backups: list[BackupInfo], prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace_path = workspace_path
        self.backups = backups
        self.prompts = prompts
        self.ui = Ui_RestoreBackupDialog()
        self.ui.setupUi(self)
        self.ui.introLabel.setText(
            f"Choisissez la sauvegarde de « {workspace_path.name} » à remettre en place. Le contenu "
            "actuel du fichier est d'abord copié : la restauration elle-même peut être annulée en "
            "restaurant cette copie."
        )
        self.ui.folderLabel.setText(f"Dossier des sauvegardes : {backup_dir_for(workspace_path)}")
        self.ui.folderLabel.setEnabled(False)
        table = self.ui.backupsTable
        table.setColumnCount(len(HEADERS))
        table.setHorizontalHeaderLabels(HEADERS)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setRowCount(len(backups))
        for row, b in enumerate(backups):
            # Seconds: the copies taken by one busy session would otherwise look alike.
            when = _item(b.created.strftime("%d/%m/%Y à %H:%M:%S"))
            when.setToolTip(str(b.path))
            table.setItem(row, 0, when)
            table.setItem(row, 1, _item(b.reason_label.capitalize()))
            table.setItem(row, 2, _item(format_size(b.size), align_right=True))
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Restaurer…")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        table.itemSelectionChanged.connect(self._update_buttons)
        table.doubleClicked.connect(lambda _index: self.accept())
        if backups:
            table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.selected() is not None)

    def select(self, row: int) -> None:
        self.ui.backupsTable.selectRow(row)

    def selected(self) -> BackupInfo | None:
        rows = self.ui.backupsTable.selectionModel().selectedRows()
        if not rows:
            return None
        return self.backups[rows[0].row()]

    def accept(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        question = (
            f"Remplacer tout le contenu de « {self.workspace_path.name} » par la sauvegarde du "
            f"{format_datetime(chosen.created)} ({chosen.reason_label}) ?\n\n"
            "Les modifications faites depuis disparaîtront du fichier ; son contenu actuel "
            "est d'abord copié parmi les sauvegardes."
        )
        if self.prompts.ask_yes_no("Restaurer une sauvegarde", question, yes="Restaurer", no="Annuler"):
            super().accept()
