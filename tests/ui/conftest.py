"""Window fixtures: isolated QSettings, scripted prompts, a real workspace file on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

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
