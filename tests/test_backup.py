"""Backups: checked online copies, rotation that keeps the newest good copies, restore."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.roster.doctors import add_doctor, list_doctors
from ordnum_desktop.services.workspace import backup
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.backups import backup_dir_for, make_backup, rotate_backups
from ordnum_desktop.store.engine import WorkspaceError, file_revision
from ordnum_desktop.store.lock import WorkspaceLockedError
from tests.lock_holders import start_holder

DATA = Path(__file__).resolve().parent / "data"


def _names(ws: Workspace, pid: int) -> list[str]:
    return [d.last_name for d in list_doctors(ws, pid)]


def test_copy_before_import_is_complete_private_and_checked(
    ws: Workspace, liberal_preserie_id: int, _backups_in_tmp: Path
) -> None:
    add_doctor(ws, liberal_preserie_id, last_name="Dupré", am="331234567")
    copy = backup.before_import(ws)
    assert copy is not None and copy.parent == backup_dir_for(ws.path)
    assert copy.parent.parent == _backups_in_tmp and copy.parent.name.startswith("espace-")
    assert copy.name.startswith("espace-") and copy.name.endswith("-import.sqlite")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    con = sqlite3.connect(copy)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT last_name FROM doctor").fetchall() == [("Dupré",)]
    finally:
        con.close()
    (listed,) = backup.list_backups(ws.path)
    assert listed.path == copy and listed.reason_label == "avant import"


def test_rotation_keeps_the_newest_copies(ws: Workspace, liberal_preserie_id: int) -> None:
    backup.set_retention(ws, keep=3)
    made = [backup.backup_now(ws) for _ in range(5)]
    kept = [b.path for b in backup.list_backups(ws.path)]
    assert kept == list(reversed(made[-3:]))


def test_age_limit_never_removes_the_newest_copy(ws: Workspace, liberal_preserie_id: int) -> None:
    first = backup.backup_now(ws)
    old = datetime.now() - timedelta(days=40)
    for n, reason in enumerate(("import", "migration")):
        stamp = (old - timedelta(minutes=n)).strftime("%Y%m%d-%H%M%S-%f")
        shutil.copyfile(first, first.with_name(f"espace-{stamp}-{reason}.sqlite"))
    first.unlink()
    assert len(backup.list_backups(ws.path)) == 2
    backup.set_retention(ws, days=30)
    (removed,) = rotate_backups(ws.path)  # both are too old, but the newest one always stays
    assert removed.name.endswith("-migration.sqlite")
    assert [b.reason for b in backup.list_backups(ws.path)] == ["import"]
    fresh = backup.backup_now(ws)
    assert [b.path for b in backup.list_backups(ws.path)] == [fresh]


def test_unfinished_copy_is_never_listed(ws: Workspace, liberal_preserie_id: int) -> None:
    folder = backup_dir_for(ws.path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "espace-20250101-000000-000000-import.sqlite.part").write_bytes(b"SQLite format 3\x00")
    assert backup.list_backups(ws.path) == []


def test_restore_brings_back_the_content_and_keeps_every_copy(ws_path: Path) -> None:
    ws = Workspace.open(ws_path, create=True)
    from ordnum_desktop.services.roster.preseries import create_preserie

    pid = create_preserie(ws, editor="E", software="S", version="1", exercise="liberal").id or 0
    add_doctor(ws, pid, last_name="Avant", am="331234567")
    backup.set_retention(ws, keep=2)
    good = backup.backup_now(ws)
    add_doctor(ws, pid, last_name="Erreur", am="331234568")
    second = backup.backup_now(ws)
    ws.close()

    safety = backup.restore_backup(ws_path, "2")  # number 2 = the older copy
    assert safety is not None and "restauration" in safety.name
    ws = Workspace.open(ws_path)
    try:
        assert _names(ws, pid) == ["Avant"]
        from ordnum_desktop.services.workspace.audit_log import list_entries

        assert list_entries(ws, limit=1)[0].action == "restore"
    finally:
        ws.close()
    # keep=2, yet the copy of the replaced content pushed nothing out.
    remaining = {b.path for b in backup.list_backups(ws_path)}
    assert {good, second, safety} <= remaining
    assert stat.S_IMODE(ws_path.stat().st_mode) == 0o600


def test_restore_refuses_a_damaged_backup_and_leaves_the_file(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    bad = tmp_path / "abime.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    before = ws.path.read_bytes()
    with pytest.raises(WorkspaceError):
        backup.restore_backup(ws.path, bad)
    not_db = tmp_path / "notes.sqlite"
    not_db.write_text("pas une base")
    with pytest.raises(WorkspaceError, match="n'est pas une sauvegarde"):
        backup.restore_backup(ws.path, not_db)
    assert ws.path.read_bytes() == before


def test_restore_is_refused_while_another_process_has_the_file(ws_path: Path) -> None:
    Workspace.open(ws_path, create=True).close()
    holder = start_holder(ws_path)
    try:
        copy = make_backup(ws_path, "manuelle")
        assert copy is not None
        with pytest.raises(WorkspaceLockedError):
            backup.restore_backup(ws_path, copy)
    finally:
        holder.kill()
        holder.wait(10)


def test_migration_is_preceded_by_a_copy_of_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "ancien.sqlite"
    shutil.copyfile(DATA / "workspace-0001.sqlite", path)
    Workspace.open(path).close()
    (copy,) = backup.list_backups(path)
    assert copy.reason == "migration" and file_revision(copy.path) == "0001"


def test_backup_cli(
    ws: Workspace, liberal_preserie_id: int, ws_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "list", "--db", str(ws_path)]) == 0
    assert "Aucune sauvegarde" in capsys.readouterr().out
    assert main(["backup", "create", "--db", str(ws_path)]) == 0
    assert main(["backup", "settings", "--db", str(ws_path), "--keep", "4", "--days", "30"]) == 0
    assert "Sauvegardes gardées : 4, au plus 30 jour(s)." in capsys.readouterr().out
    assert main(["backup", "list", "--db", str(ws_path), "--json"]) == 0
    import json

    listing = json.loads(capsys.readouterr().out)
    assert listing["keep"] == 4 and listing["days"] == 30
    assert [b["reason"] for b in listing["backups"]] == ["manuelle"]
    assert main(["backup", "restore", "--db", str(ws_path), "1"]) == 0
    assert "Sauvegarde restaurée" in capsys.readouterr().out
    assert main(["backup", "restore", "--db", str(ws_path), "99"]) == 2
    assert "introuvable" in capsys.readouterr().err
