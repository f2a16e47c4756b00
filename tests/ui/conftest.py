"""Window fixtures: isolated QSettings, scripted prompts, a real workspace file on disk."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from ordnum_desktop.services.workspace.session import Workspace
from tests.bilan_fixture import populate
from tests.ui.scripted_prompts import ScriptedPrompts


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """Geometry, recent files… go to a temp folder, never to the developer's settings."""
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("Assurance Maladie")
    QCoreApplication.setApplicationName("ordnum-desktop-tests")
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    yield folder


@pytest.fixture
def prompts() -> Iterator[ScriptedPrompts]:
    """Scripted answers; the test fails at teardown when one of them was never asked for."""
    scripted = ScriptedPrompts()
    yield scripted
    if left := scripted.unused():
        pytest.fail("réponses préparées jamais demandées : " + "; ".join(left), pytrace=False)


@pytest.fixture(scope="session")
def populated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bilan fixture (10 doctors, traces, follow-up) written once per test session through
    the services: an import and its backup, the follow-up… about a second that most window tests
    would otherwise pay each."""
    folder = tmp_path_factory.mktemp("populated")
    path = folder / "suivi.sqlite"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ORDNUM_BACKUP_DIR", str(folder / "sauvegardes"))
        env.setenv("ORDNUM_LOG_DIR", str(folder / "journaux"))
        ws = Workspace.open(path, create=True)
        try:
            populate(ws, folder)
        finally:
            ws.close()
    return path


@pytest.fixture
def populated_path(tmp_path: Path, populated_template: Path) -> Path:
    """A closed workspace file holding the bilan fixture: the test's own copy (a closed SQLite
    file in the rollback-journal mode is complete on its own), free to be changed."""
    path = tmp_path / "suivi.sqlite"
    shutil.copy2(populated_template, path)  # with its owner-only permissions
    return path


@pytest.fixture
def window(qtbot, prompts: ScriptedPrompts, populated_path: Path):  # type: ignore[no-untyped-def]
    from ordnum_desktop.ui.main_window import MainWindow

    win = MainWindow(prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.open_path(populated_path)
    yield win
    win.close()
    from ordnum_desktop.ui.background import BackgroundTask
    from ordnum_desktop.ui.import_worker import ImportThread

    assert not ImportThread.active, "un import tourne encore après la fermeture de la fenêtre"
    assert not BackgroundTask.active, "un export tourne encore après la fermeture de la fenêtre"
