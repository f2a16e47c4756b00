"""The window's first screen (read without the ORM, services/workspace/first_screen.py) shows
exactly what the open workspace shows next: same présérie list, same roster rows, same rules
findings; and it steps aside (None) for every file it does not expect, so that the full opening
reports it as usual."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ordnum_desktop.domain.roster_rows import doctor_row
from ordnum_desktop.services.roster.doctors import add_doctor, check_roster_for, list_doctors
from ordnum_desktop.services.roster.preseries import create_preserie, list_preseries
from ordnum_desktop.services.workspace.first_screen import FirstScreen, first_screen
from ordnum_desktop.services.workspace.session import Workspace

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parents[1]


def _full_reading(path: Path) -> tuple[list[tuple[int, str, str, str]], list[object], object]:
    ws = Workspace.open(path)
    try:
        rows = list_preseries(ws)
        pid = rows[0]["id"]
        lines = [(r["id"], r["editor"], r["software"], r["version"]) for r in rows]
        return lines, [doctor_row(d) for d in list_doctors(ws, pid)], check_roster_for(ws, pid)
    finally:
        ws.close()


def _quick(path: Path) -> FirstScreen:
    first = first_screen(path)
    assert first is not None
    return first


def _same_as_full(path: Path) -> FirstScreen:
    first = _quick(path)
    lines, doctors, check = _full_reading(path)
    assert [(p.id, p.editor, p.software, p.version) for p in first.preseries] == lines
    assert first.doctors == doctors
    assert first.check == check
    return first


def _roster_with_findings(ws_path: Path) -> Path:
    """A liberal présérie whose roster breaks rules: a bad N° AM, a salaried doctor, no CPAM."""
    ws = Workspace.open(ws_path, create=True)
    try:
        p = create_preserie(
            ws, editor="Éditeur Test", software="MédiLog", version="4.2", exercise="liberal", cpams=["33"]
        )
        pid = p.id or 0
        add_doctor(ws, pid, last_name="Martin", first_name="Anne", am="331234567", equipped=True, cpam="33")
        add_doctor(ws, pid, last_name="Durand", am="12", consent=True)
        add_doctor(ws, pid, last_name="Petit", mode="salarie", finess="330000001", centre_name="Centre")
    finally:
        ws.close()
    return ws_path


def test_first_screen_is_the_open_workspaces_roster_and_findings(ws_path: Path) -> None:
    first = _same_as_full(_roster_with_findings(ws_path))
    assert [d.last_name for d in first.doctors] == ["Martin", "Durand", "Petit"]
    assert first.check.errors  # the findings are there, and equal to the full check's
    assert first.doctors[0].equipped is True and first.doctors[1].consent is True


def test_first_screen_of_the_current_fixture(tmp_path: Path) -> None:
    current = sorted(DATA.glob("workspace-*.sqlite"))[-1]
    copy = tmp_path / current.name
    shutil.copy2(current, copy)
    assert _same_as_full(copy).doctors


def test_files_the_first_screen_leaves_to_the_full_opening(tmp_path: Path, ws_path: Path) -> None:
    older = sorted(DATA.glob("workspace-*.sqlite"))[-2]  # to be upgraded: never read here
    copy = tmp_path / older.name
    shutil.copy2(older, copy)
    assert first_screen(copy) is None
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_text("pas une base", encoding="utf-8")
    assert first_screen(not_sqlite) is None
    assert first_screen(tmp_path / "absent.sqlite") is None
    truncated = tmp_path / "tronque.sqlite"
    truncated.write_bytes(_roster_with_findings(ws_path).read_bytes()[:1500])
    assert first_screen(truncated) is None
    ws = Workspace.open(ws_path)  # a second présérie: the window starts on the overview instead
    try:
        create_preserie(ws, editor="Autre", software="Logiciel", version="1", exercise="liberal", cpams=[])
    finally:
        ws.close()
    assert first_screen(ws_path) is None


KILLED_MID_EDIT = """
import os, signal, sys
from pathlib import Path
from sqlmodel import select
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Doctor
ws = Workspace.open(Path(sys.argv[1]))
with ws.session() as s:
    for d in s.exec(select(Doctor)).all():
        d.last_name = "NON ENREGISTRÉ"
        s.add(d)
    s.flush()  # the pages are in the file, the journal holds the old ones: not committed
    os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_after_a_kill_mid_edit_the_first_screen_never_shows_the_unsaved_rows(ws_path: Path) -> None:
    path = _roster_with_findings(ws_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", KILLED_MID_EDIT, str(path)], env=env, cwd=ROOT)
    assert out.returncode == -signal.SIGKILL
    assert Path(f"{path}-journal").exists()  # a hot journal: the file must be rolled back first
    first = first_screen(path)  # read-only, it cannot roll back: it steps aside
    assert first is None or "NON ENREGISTRÉ" not in [d.last_name for d in first.doctors]
    # The full opening (the app's own code) rolls back, and the first screen then agrees with it.
    assert [d.last_name for d in _same_as_full(path).doctors] == ["Martin", "Durand", "Petit"]
