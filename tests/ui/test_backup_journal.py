"""Fichier ▸ Restaurer une sauvegarde… and Présérie ▸ Journal des modifications… on a real file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ordnum_desktop.services.roster.doctors import list_doctors
from ordnum_desktop.services.workspace.backup import list_backups
from ordnum_desktop.store.identity import os_login
from ordnum_desktop.ui.dialogs.journal_dialog import JournalDialog
from ordnum_desktop.ui.dialogs.restore_backup_dialog import RestoreBackupDialog, format_size
from tests.ui.french_words import english_in, visible_texts


def _ps(window):  # type: ignore[no-untyped-def]
    window.ui.tabs.setCurrentIndex(0)
    return window.tab_widgets["ps"]


def _names(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.last_name for d in list_doctors(window.ctx.ws, window.ctx.preserie_id)]


def test_menu_actions_are_in_the_file_and_preserie_menus(window) -> None:
    file_texts = [a.text() for a in window.ui.menuFile.actions()]
    copy = file_texts.index("&Enregistrer une copie…")
    assert file_texts[copy + 1 : copy + 3] == ["&Sauvegarder maintenant", "&Restaurer une sauvegarde…"]
    assert window.journal_action in window.ui.menuPreserie.actions()
    assert window.restore_action.isEnabled() and window.journal_action.isEnabled()


def test_restoring_a_backup_brings_back_a_deleted_doctor(window, prompts, populated_path: Path) -> None:
    window.backup_now()
    assert "Sauvegarde enregistrée" in window.statusBar().currentMessage()
    before = [b.reason for b in list_backups(populated_path)]
    assert before[0] == "manuelle"  # newest first; the fixture's imports took the others

    ps = _ps(window)
    doctor = ps.model.doctors[0]
    ps.ui.table.setCurrentIndex(ps.index_of(doctor.id, "last_name"))
    ps.delete_selected()
    assert doctor.last_name not in _names(window)
    assert doctor.id not in [d.id for d in ps.model.doctors]
    preserie_id = window.ctx.preserie_id

    seen: list[list[str]] = []

    def choose_first(dialog: QDialog) -> bool:
        assert isinstance(dialog, RestoreBackupDialog)
        table = dialog.ui.backupsTable
        seen.extend([table.item(r, c).text() for c in range(3)] for r in range(table.rowCount()))
        dialog.select(0)
        dialog.accept()  # asks the confirmation through the prompts
        return dialog.result() == QDialog.DialogCode.Accepted

    prompts.yes_no.append(True)
    prompts.dialog_handlers.append(choose_first)
    window.restore_backup()

    assert prompts.errors() == []
    assert len(seen) == len(before) and seen[0][1] == "Manuelle" and seen[0][2].endswith(("Ko", "Mo"))
    assert any(
        kind == "question" and "Remplacer tout le contenu" in text for kind, _, text in prompts.messages
    )
    # The file was reopened: same présérie, the doctor is back in the file and in the PS tab.
    assert window.ctx.ws is not None and window.ctx.preserie_id == preserie_id
    assert doctor.last_name in _names(window)
    ps = _ps(window)
    assert doctor.id in [d.id for d in ps.model.doctors]
    assert "restaurée" in window.statusBar().currentMessage()
    # The content replaced was copied first, without pushing the chosen copy out.
    assert [b.reason for b in list_backups(populated_path)] == ["restauration", *before]
    # Undo history belonged to the replaced content.
    assert window.ctx.undo_stack.count() == 0


def test_declining_the_confirmation_keeps_the_dialog_open_and_the_file_unchanged(window, prompts) -> None:
    window.backup_now()
    ps = _ps(window)
    doctor = ps.model.doctors[0]
    ps.ui.table.setCurrentIndex(ps.index_of(doctor.id, "last_name"))
    ps.delete_selected()
    ws_before = window.ctx.ws

    def decline(dialog: QDialog) -> bool:
        dialog.select(0)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    prompts.yes_no.append(False)
    prompts.dialog_handlers.append(decline)
    window.restore_backup()
    assert window.ctx.ws is ws_before  # never closed
    assert doctor.last_name not in _names(window)


def test_no_backup_yet_is_said_without_a_dialog(window, prompts, populated_path: Path) -> None:
    for b in list_backups(populated_path):
        b.path.unlink()
    window.restore_backup()  # no dialog handler queued: a dialog would fail the test
    assert prompts.messages[-1][0] == "info" and "Aucune sauvegarde" in prompts.messages[-1][2]


def test_journal_shows_a_doctor_edit_newest_first_and_filters(window, prompts) -> None:
    ps = _ps(window)
    doctor = ps.model.doctors[1]
    old_name = doctor.last_name
    assert ps.proxy.setData(ps.index_of(doctor.id, "last_name"), "Zébulon", Qt.ItemDataRole.EditRole)

    shown: list[JournalDialog] = []

    def look(dialog: QDialog) -> bool:
        assert isinstance(dialog, JournalDialog)
        shown.append(dialog)
        return False

    prompts.dialog_handlers.append(look)
    window.show_journal()
    dialog = shown[0]
    rows = dialog.visible_rows()
    assert len(rows) > 1
    date, action, subject, detail, _batch, by = rows[0]  # newest first
    assert action == "Modification"
    assert by == os_login()  # the database user of a laptop file: the OS login
    assert subject == f"Médecin — Zébulon {doctor.first_name}".strip()
    assert detail == f"nom : {old_name} → Zébulon"
    assert date[2] == "/" and date[5] == "/"

    dialog.set_filter("zebulon")  # accents and case ignored
    assert [r[3] for r in dialog.visible_rows()] == [f"nom : {old_name} → Zébulon"]
    assert dialog.ui.countLabel.text().startswith("1 sur")
    dialog.set_filter("aucun texte de ce genre")
    assert dialog.visible_rows() == []
    dialog.set_filter("")
    assert len(dialog.visible_rows()) == len(rows)


def test_size_is_written_the_french_way() -> None:
    assert format_size(512) == "512 o"
    assert format_size(2048) == "2 Ko"
    assert format_size(1536 * 1024) == "1,5 Mo"


def test_both_dialogs_speak_french(window, prompts) -> None:
    window.backup_now()
    dialogs: list[QDialog] = []

    def keep(dialog: QDialog) -> bool:
        dialogs.append(dialog)
        return False

    prompts.dialog_handlers += [keep, keep]
    window.restore_backup()
    window.show_journal()
    assert [type(d) for d in dialogs] == [RestoreBackupDialog, JournalDialog]
    for dialog in dialogs:
        texts = visible_texts(dialog)
        assert texts and english_in(texts) == set(), type(dialog).__name__


def test_a_damaged_backup_is_refused_in_french_and_the_file_reopened_unchanged(
    window, prompts, populated_path: Path
) -> None:
    window.backup_now()
    ps = _ps(window)
    doctor = ps.model.doctors[0]
    ps.ui.table.setCurrentIndex(ps.index_of(doctor.id, "last_name"))
    ps.delete_selected()
    newest = list_backups(populated_path)[0]
    newest.path.write_bytes(b"ceci n'est pas une base SQLite" * 100)

    def choose_first(dialog: QDialog) -> bool:
        dialog.select(0)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    prompts.yes_no.append(True)
    prompts.dialog_handlers.append(choose_first)
    window.restore_backup()

    errors = prompts.errors()
    assert len(errors) == 1 and newest.path.name in errors[0] and "lisible" in errors[0]
    assert window.ctx.ws is not None and not window.ctx.ws.read_only  # reopened for work
    assert doctor.last_name not in _names(window)
    assert "restaurée" not in window.statusBar().currentMessage()
