"""Main window: file menu, présérie dialog, settings, screenshots, start without a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ordnum_desktop.ui.app import take_screenshots
from ordnum_desktop.ui.dialogs.new_preserie_dialog import NewPreserieDialog
from ordnum_desktop.ui.main_window import MainWindow
from ordnum_desktop.ui.recent_files import recent_files


def test_header_shows_status_and_key_dates(window) -> None:
    assert window.ui.statusBadge.text() == "Préparation"
    assert "20/02/2025" in window.ui.datesLabel.text()
    assert window.ui.preserieCombo.count() == 1


def test_new_workspace_then_new_preserie_through_the_dialog(qtbot, prompts, tmp_path: Path) -> None:
    win = MainWindow(prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    target = tmp_path / "nouveau.sqlite"
    prompts.files.append(str(target))

    def fill(dialog: NewPreserieDialog) -> bool:
        dialog.accept()  # nothing typed: refused, the dialog stays open with the reason
        assert "doit être renseigné" in dialog.ui.errorLabel.text()
        dialog.ui.editorEdit.setText("Éditeur Sud")
        dialog.ui.softwareEdit.setText("Cabinet+")
        dialog.ui.versionEdit.setText("7.1")
        dialog.ui.exerciseCombo.setCurrentIndex(1)
        dialog.ui.smallShareCheck.setChecked(True)
        dialog.accept()
        return dialog.created_id is not None

    prompts.dialog_handlers.append(fill)
    win.new_workspace()
    assert target.exists()
    assert win.ui.preserieCombo.currentText() == "Éditeur Sud — Cabinet+ 7.1"
    assert str(target.resolve()) == recent_files()[0]
    win.close()


def test_geometry_and_tab_are_remembered(window) -> None:
    window.ui.tabs.setCurrentIndex(2)
    window.close()
    assert int(QSettings().value("window/tab")) == 2
    assert not QSettings().value("window/geometry").isEmpty()


def test_save_copy_writes_an_openable_workspace(window, prompts, tmp_path: Path) -> None:
    from ordnum_desktop.services.roster.preseries import list_preseries
    from ordnum_desktop.services.workspace.session import Workspace

    copy = tmp_path / "copie.sqlite"
    prompts.files.append(str(copy))
    window.save_copy()
    with Workspace.open(copy) as ws:
        assert len(list_preseries(ws)) == 1


def test_file_open_in_another_instance_opens_read_only(qtbot, prompts, populated_path: Path) -> None:
    holder = subprocess.Popen(  # another instance holding the workspace lock
        [
            sys.executable,
            "-c",
            "import sys; from ordnum_desktop.services.workspace.session import Workspace; "
            f"ws = Workspace.open({str(populated_path)!r}); print('ok', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        other = MainWindow(prompts=prompts)  # type: ignore[arg-type]
        qtbot.addWidget(other)
        prompts.yes_no.append(True)
        assert other.open_path(populated_path)
        assert prompts.messages[-1][0] == "question"
        assert other.ctx.ws.read_only
        assert not other.tab_widgets["ps"].ui.addButton.isEnabled()
        other.close()
    finally:
        holder.communicate("")


def test_screenshots_of_the_four_tabs(window, tmp_path: Path) -> None:
    shots = take_screenshots(window, tmp_path / "shots")
    assert [p.name for p in shots] == ["01-ps.png", "02-cpam.png", "03-planning.png", "04-bilan.png"]
    assert all(p.stat().st_size > 10_000 for p in shots)


def test_planning_edit_and_kickoff(window) -> None:
    from datetime import date

    from PySide6.QtCore import Qt

    window.ui.tabs.setCurrentIndex(2)
    tab = window.tab_widgets["planning"]
    index = tab.model.index(0, 3)  # actual installation of the first doctor
    first = tab.model.rows[0]
    # Planned installation past and not typed as done, but the traces show the doctor at work:
    # never « en retard » (issue 17).
    assert first.plan.planned_install is not None and first.plan.actual_install is None
    assert first.schedule.has_traces and not tab.model.overdue(first)
    assert tab.model.setData(index, date(2025, 3, 1), Qt.ItemDataRole.EditRole)
    assert tab.model.rows[0].plan.actual_install == date(2025, 3, 1)
    assert not tab.model.overdue(tab.model.rows[0])
    tab.ui.participantsEdit.setText("Éditeur, Cnam, CPAM de la Gironde")
    tab.save_kickoff()
    assert window.ui.statusBadge.text() in ("Lancée", "Préparation")
    assert tab.ui.participantsEdit.text() == "Éditeur, Cnam, CPAM de la Gironde"


def test_planning_export_writes_the_whole_and_one_workbook_per_cpam(
    window, prompts, qtbot, tmp_path: Path
) -> None:
    window.ui.tabs.setCurrentIndex(2)
    prompts.folders.append(str(tmp_path / "envoi"))
    window.tab_widgets["planning"].ui.exportButton.click()
    qtbot.waitUntil(lambda: "exporté" in window.statusBar().currentMessage(), timeout=30000)
    written = sorted(p.name for p in (tmp_path / "envoi").glob("*.xlsx"))
    assert len(written) == 3  # the whole planning, then CPAM 33 and 62-artois
    assert "3 classeur(s)" in window.statusBar().currentMessage()


def test_import_traces_menu_brings_the_bilan_tab_and_its_dialog(window, prompts) -> None:
    window.ui.tabs.setCurrentIndex(0)
    seen: list[str] = []
    prompts.dialog_handlers.append(lambda dialog: seen.append(type(dialog).__name__) or False)
    window.ui.actionImportTraces.trigger()
    assert window.ui.tabs.currentIndex() == 3
    assert seen == ["TracesImportDialog"]


def test_bilan_pdf_export_runs_in_the_background(window, prompts, qtbot, tmp_path: Path) -> None:
    from ordnum_desktop.ui.background import BackgroundTask

    window.ui.tabs.setCurrentIndex(3)
    target = tmp_path / "bilan.pdf"
    prompts.files.append(str(target))
    window.ui.actionExportBilan.trigger()
    assert not window.tab_widgets["bilan"].ui.exportBilanButton.isEnabled()  # while it runs
    qtbot.waitUntil(lambda: not BackgroundTask.active, timeout=60000)
    assert window.tab_widgets["bilan"].ui.exportBilanButton.isEnabled()
    assert "enregistré" in window.statusBar().currentMessage()
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.slow  # a fresh process drawing the four tabs (tests/ui/test_first_screen.py runs main() fast)
def test_entry_point_writes_four_screenshots_and_exits(populated_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ordnum_desktop.ui.app",
            "--db",
            str(populated_path),
            "--screenshot",
            str(tmp_path / "shots"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "shots").glob("*.png")) == [
        "01-ps.png",
        "02-cpam.png",
        "03-planning.png",
        "04-bilan.png",
    ]
    assert "Traceback" not in done.stderr


def test_entry_point_refuses_a_missing_file_in_french(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ordnum_desktop.ui.app",
            "--db",
            str(tmp_path / "x.sqlite"),
            "--screenshot",
            str(tmp_path / "shots"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "n'existe pas" in done.stderr and "Traceback" not in done.stderr


def test_splitter_and_columns_are_remembered(qtbot, prompts, window, populated_path: Path) -> None:
    ps = window.tab_widgets["ps"]
    ps.ui.splitter.setSizes([700, 500])
    ps.ui.table.setColumnWidth(0, 222)
    window.close()
    again = MainWindow(prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    assert again.open_path(populated_path)
    assert again.tab_widgets["ps"].ui.table.columnWidth(0) == 222
    again.close()


def test_edit_preserie_and_status(window, prompts) -> None:
    def rename(dialog: NewPreserieDialog) -> bool:
        assert dialog.ui.editorEdit.text() == "Santé & Co"
        dialog.ui.versionEdit.setText("4.3")
        dialog.accept()
        return dialog.result() == 1

    prompts.dialog_handlers.append(rename)
    window.edit_preserie()
    assert window.ui.preserieCombo.currentText().endswith("4.3")
    window.set_status("bilan")
    assert window.ui.statusBadge.text() == "Bilan"


def test_save_dialog_adds_the_missing_extension() -> None:
    from ordnum_desktop.ui.dialogs.prompts import with_default_suffix

    assert with_default_suffix("/tmp/bilan", "Document PDF (*.pdf)") == "/tmp/bilan.pdf"
    assert with_default_suffix("/tmp/suivi.db", "Fichier de suivi (*.sqlite *.db)") == "/tmp/suivi.db"


def test_prestart_prerequisites_are_ticked_with_the_date(window) -> None:
    from datetime import date

    from PySide6.QtCore import Qt

    from ordnum_desktop.domain.fr_format import format_date

    window.ui.tabs.setCurrentIndex(2)
    tab = window.tab_widgets["planning"]
    box = tab.ui.prerequisitesList
    assert box.count() == 3
    box.item(0).setCheckState(Qt.CheckState.Unchecked)  # the fixture ticked it on 15/01/2025
    box.item(0).setCheckState(Qt.CheckState.Checked)
    assert box.item(0).checkState() == Qt.CheckState.Checked
    assert box.item(0).text().endswith(f"fait le {format_date(date.today())}")
