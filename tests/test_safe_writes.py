"""What the front ends write goes through the guarded paths: « Enregistrer une copie » is a
checked 0600 copy renamed into place, and every workbook writer saves atomically (a failure
leaves neither a temp file nor a damaged target)."""

from __future__ import annotations

import errno
import gc
import os
import sqlite3
import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl.workbook.workbook import Workbook

from ordnum_desktop.domain.bilan_rules import UnmatchedIdentifier
from ordnum_desktop.domain.row_error import RowError
from ordnum_desktop.services.bilan.workbook import write_bilan_workbook
from ordnum_desktop.services.demo.traces import TraceRowOut, write_traces_xlsx
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.followup.satisfaction_workbook import write_satisfaction_template
from ordnum_desktop.services.planning.export import export_planning
from ordnum_desktop.services.roster.preseries import list_preseries
from ordnum_desktop.services.roster.workbook import export_roster, write_roster_template
from ordnum_desktop.services.traces.importer import ImportReport
from ordnum_desktop.services.traces.report_workbook import write_import_report
from ordnum_desktop.services.traces.template import write_traces_template
from ordnum_desktop.services.workspace.backup import save_copy
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store import backups

# --- Enregistrer une copie ---------------------------------------------------------------------


def test_save_copy_is_checked_private_and_leaves_no_part(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[str] = []
    real_connect = sqlite3.connect

    class Spy(sqlite3.Connection):
        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
            checks.append(sql)
            return super().execute(sql, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(backups.sqlite3, "connect", lambda *a, **k: real_connect(*a, **{**k, "factory": Spy}))
    target = tmp_path / "copies" / "suivi-copie.sqlite"
    target.parent.mkdir()
    assert save_copy(ws, target) == target
    assert "PRAGMA quick_check" in checks  # the copy was verified before it got its name
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["suivi-copie.sqlite"]
    with Workspace.open(target) as copy:
        assert [p["id"] for p in list_preseries(copy)] == [liberal_preserie_id]


def test_a_failed_copy_leaves_the_old_target_and_no_part(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "copie.sqlite"
    target.write_bytes(b"ancienne copie")

    def broken(source: Path, part: Path) -> None:
        part.write_bytes(b"moitie")
        raise sqlite3.DatabaseError("copie incohérente (page 3)")

    monkeypatch.setattr(backups, "copy_database", broken)
    with pytest.raises(UserError, match="a échoué"):
        save_copy(ws, target)
    assert target.read_bytes() == b"ancienne copie"
    assert not (tmp_path / "copie.sqlite.part").exists()


def test_the_copy_cannot_replace_the_open_file(ws: Workspace) -> None:
    with pytest.raises(UserError, match="autre nom"):
        save_copy(ws, ws.path)


# --- workbook writers ----------------------------------------------------------------------------


def _report() -> ImportReport:
    errors = [RowError(3, "Horodatage", '=HYPERLINK("x") illisible')]
    return ImportReport("t.csv", 2, 1, 0, 1, 0, ["Commentaire"], errors, 1)


def _trace_rows() -> list[TraceRowOut]:
    return [TraceRowOut(datetime(2025, 3, 1, 10), "331234567", "", "P1", "Biologie", True, "Créer", 0, "N1")]


Writer = Callable[[Workspace, int, Path], object]
WRITERS: dict[str, Writer] = {
    "modèle de traces": lambda ws, pid, folder: write_traces_template(folder / "out.xlsx"),
    "modèle d'effectif": lambda ws, pid, folder: write_roster_template(folder / "out.xlsx"),
    "export d'effectif": lambda ws, pid, folder: export_roster(ws, pid, folder / "out.xlsx"),
    "modèle de réponses": lambda ws, pid, folder: write_satisfaction_template(folder / "out.xlsx", ws, pid),
    "traces de démonstration": lambda ws, pid, folder: write_traces_xlsx(_trace_rows(), folder / "out.xlsx"),
    "rapport d'import": lambda ws, pid, folder: write_import_report(
        _report(), [UnmatchedIdentifier("339999999", 4)], folder / "out.xlsx"
    ),
    "planning": lambda ws, pid, folder: export_planning(ws, pid, folder),
    "bilan": lambda ws, pid, folder: write_bilan_workbook(ws, pid, folder / "out.xlsx"),
}


@pytest.mark.parametrize("name", sorted(WRITERS))
# The fake save below never runs the write-only sheet's row generator to its end.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_writer_that_fails_leaves_no_temp_file_and_the_old_file(
    name: str, ws: Workspace, liberal_preserie_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    WRITERS[name](ws, liberal_preserie_id, folder)  # a first, good export
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert before and all(n.endswith(".xlsx") and not n.startswith(".") for n in before)

    def disk_full(self: Workbook, filename: str | os.PathLike[str]) -> None:
        Path(filename).write_bytes(b"PK\x03\x04 a half-written zip")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "save", disk_full)
    with pytest.raises((OSError, UserError)):
        WRITERS[name](ws, liberal_preserie_id, folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    gc.collect()  # the abandoned write-only generator is finalised here, under the filter above


def test_the_import_report_keeps_user_text_out_of_formulas(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_import_report(_report(), [UnmatchedIdentifier("=1+1", 2)], tmp_path / "rapport.xlsx")
    book = load_workbook(path)
    assert book["Rapport"]["B3"].value == 1
    motif = book["Lignes refusées"]["C2"]
    assert motif.value == '=HYPERLINK("x") illisible' and motif.data_type == "s"
    assert book["PS inconnus"]["A2"].data_type == "s"


# --- issue 12: shared permissions, names as text, full disk, control characters ---------------


def _legacy_text(ws: Workspace, column: str, text: str) -> None:
    """Text stored before entries were checked (issue 12, item 8): written past the application,
    which now refuses it."""
    con = sqlite3.connect(ws.path)
    con.execute(f"UPDATE doctor SET {column} = ?", (text,))
    con.commit()
    con.close()


def test_exports_get_the_users_permissions_and_names_stay_text(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from ordnum_desktop.services.roster.doctors import add_doctor

    add_doctor(
        ws,
        liberal_preserie_id,
        last_name='=HYPERLINK("http://x","Dr")',
        first_name="+33A",
        am="331234567",
        equipped=True,
    )
    _legacy_text(ws, "first_name", "+33\x0bA")
    old = os.umask(0o022)
    try:
        out = write_satisfaction_template(tmp_path / "réponses.xlsx", ws, liberal_preserie_id)
        bilan = write_bilan_workbook(ws, liberal_preserie_id, tmp_path / "bilan.xlsx")
    finally:
        os.umask(old)
    for path in (out, bilan):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert stat.S_IMODE(ws.path.stat().st_mode) & 0o077 == 0  # the workspace stays owner-only
    sheet = load_workbook(out)["Réponses"]
    assert sheet["B2"].value == '=HYPERLINK("http://x","Dr")' and sheet["B2"].data_type == "s"
    assert sheet["C2"].value == "+33 A" and sheet["C2"].data_type == "s"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_legacy_control_characters_never_break_the_bilan_workbook(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from ordnum_desktop.services.roster.doctors import add_doctor

    add_doctor(ws, liberal_preserie_id, last_name="Martin", am="331234567", equipped=True)
    _legacy_text(ws, "last_name", "Mar\x1b[31mtin\x0b")
    out = write_bilan_workbook(ws, liberal_preserie_id, tmp_path / "bilan.xlsx")
    text = " ".join(
        str(c)
        for sheet in load_workbook(out).worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
    )
    assert "Mar [31mtin" in text and "\x1b" not in text


@pytest.mark.slow
def test_bilan_pdf_to_a_real_full_tmpfs_says_so_in_french_and_leaves_nothing(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    import subprocess

    from ordnum_desktop.services.bilan.pdf_export import write_bilan_pdf

    disk = tmp_path / "petit"
    disk.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)]).returncode
    ):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        (disk / "filler").write_bytes(b"x" * 40_000)
        with pytest.raises(UserError, match="le disque est plein"):
            write_bilan_pdf(ws, liberal_preserie_id, disk / "bilan.pdf")
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]
    finally:
        subprocess.run(["umount", str(disk)], check=True)
