"""The window in team mode on a real server (issue 15): bob's PS-tab edit of a doctor alice saved
meanwhile is refused naming her and the table reloads; cpam33 (ordnum_reader) sees everything,
can edit nothing, and the window says why."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import psycopg
from PySide6.QtCore import Qt

from ordnum_desktop.services.roster.doctors import list_doctors, update_doctor
from ordnum_desktop.services.workspace.session import Workspace
from tests import team_roles
from tests.team_roles import DOCTORS, TeamBase
from tests.trace_files import meeting_rows, write_csv

# The team base's fixtures (tests/team_roles.py).
team_base = team_roles.team_base
team = team_roles.team


def _window(qtbot, prompts, address: str):  # type: ignore[no-untyped-def]
    from ordnum_desktop.ui.main_window import MainWindow

    win = MainWindow(prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(address)
    win.ui.tabs.setCurrentIndex(0)
    return win


def test_second_editor_in_the_window_is_refused_and_reloaded(qtbot, prompts, team: TeamBase) -> None:
    win = _window(qtbot, prompts, team.url("bob"))
    ps = win.tab_widgets["ps"]
    shown = ps.model.doctors[0]
    with Workspace.open(team.url("alice")) as alice:
        update_doctor(alice, shown.id, expected_version=shown.version, first_name="Élodie-Anne")

    assert not ps.proxy.setData(ps.index_of(shown.id, "first_name"), "Élo", Qt.ItemDataRole.EditRole)
    (message,) = prompts.errors()
    assert message.startswith("Le médecin Dupré Élodie-Anne a été modifié par « alice » le ")
    assert "Le tableau a été rechargé" in message
    assert ps.index_of(shown.id, "first_name").data(Qt.ItemDataRole.DisplayRole) == "Élodie-Anne"
    win.close()
    with Workspace.open(team.url("alice")) as alice:
        assert list_doctors(alice, 1)[0].first_name == "Élodie-Anne"


def test_reader_role_sees_everything_and_cannot_edit(qtbot, prompts, team: TeamBase) -> None:
    win = _window(qtbot, prompts, team.url("cpam33"))
    assert "(lecture seule)" in win.windowTitle()
    assert (
        win.statusBar().currentMessage().startswith("Le rôle « cpam33 » a seulement le droit de lire la base")
    )
    ps = win.tab_widgets["ps"]
    assert [d.last_name for d in ps.model.doctors] == [d[0] for d in DOCTORS]
    for field in ("first_name", "consent"):
        flags = ps.index_of(ps.model.doctors[0].id, field).flags()
        assert not flags & Qt.ItemFlag.ItemIsEditable and not flags & Qt.ItemFlag.ItemIsUserCheckable
    assert not ps.ui.addButton.isEnabled() and not ps.ui.importButton.isEnabled()
    assert not win.ui.actionImportTraces.isEnabled() and not win.ui.actionNewPreserie.isEnabled()

    win.ui.tabs.setCurrentIndex(2)
    planning = win.tab_widgets["planning"]
    planning.refresh()
    column = next(n for n in range(planning.model.columnCount()) if planning.model.field_of(n))
    assert not planning.model.index(0, column).flags() & Qt.ItemFlag.ItemIsEditable
    win.close()


def test_import_waiting_for_another_one_says_so_in_the_dialog(
    qtbot,
    prompts,
    team: TeamBase,
    tmp_path: Path,
) -> None:
    from ordnum_desktop.store.server import advisory_lock_key
    from ordnum_desktop.ui.dialogs.traces_dialog import REPORT, TracesImportDialog

    path = write_csv(tmp_path / "traces.csv", meeting_rows(DOCTORS[0][2], datetime(2025, 3, 3, 8, 0)))
    win = _window(qtbot, prompts, team.url("bob"))
    win.ui.tabs.setCurrentIndex(3)
    bilan = win.tab_widgets["bilan"]
    # alice's import of the same présérie holds the lock (as her own import's transaction would).
    holder = psycopg.connect(team.url("alice"), autocommit=True)
    holder.execute("SELECT pg_advisory_lock(%s)", (advisory_lock_key("import", 1),))
    seen: dict[str, object] = {}

    def drive(dialog: TracesImportDialog) -> bool:
        prompts.files.append(str(path))
        dialog.browse()
        dialog.ui.importButton.click()
        qtbot.waitUntil(
            lambda: "Un autre import est en cours" in dialog.ui.progressLabel.text(), timeout=20000
        )
        seen["waiting"] = dialog.ui.progressLabel.text()
        holder.close()  # alice's import ends
        qtbot.waitUntil(lambda: dialog.ui.pages.currentIndex() == REPORT, timeout=20000)
        seen["accepted"] = dialog.report.accepted if dialog.report else None
        dialog.ui.closeButton.click()
        return True

    prompts.dialog_handlers.append(drive)
    try:
        bilan.ui.importTracesButton.click()
    finally:
        holder.close()
    assert str(seen["waiting"]).startswith("Un autre import est en cours dans cette présérie (par « alice »)")
    assert seen["accepted"] == 12
    win.close()
