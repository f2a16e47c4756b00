"""The window's error path: an uncaught exception (in a slot or in a thread) opens one French
dialog whose « Copier les détails » fills the clipboard, and its traceback reaches the log file;
a service's refusal shows the window's remedy, never a command line."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThread, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from ordnum_desktop.services.followup import prerequisites
from ordnum_desktop.services.io.error_log import setup_error_log
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.ui.background import BackgroundTask
from ordnum_desktop.ui.context import AppContext
from ordnum_desktop.ui.dialogs.error_dialog import ErrorDialog
from ordnum_desktop.ui.error_hooks import ErrorHooks
from ordnum_desktop.ui.main_window import MainWindow
from tests.ui.scripted_prompts import ScriptedPrompts


class SeenDialog:
    """A scripted answer for the error dialog: reads it, presses « Copier les détails », closes it."""

    def __init__(self) -> None:
        self.message = ""
        self.on_gui_thread = False

    def __call__(self, dialog: QDialog) -> bool:
        assert isinstance(dialog, ErrorDialog)
        self.on_gui_thread = QThread.currentThread() is QCoreApplication.instance().thread()
        self.message = dialog.message()
        assert dialog.ui.copyButton.text() == "&Copier les détails"
        dialog.ui.copyButton.click()
        return False


@pytest.fixture
def hooks(prompts: ScriptedPrompts) -> Iterator[ErrorHooks]:
    setup_error_log()
    installed = ErrorHooks(prompts)  # type: ignore[arg-type]
    installed.install()
    yield installed
    installed.uninstall()


def _raise_in_slot() -> None:
    raise RuntimeError("panne dans un slot")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_opens_the_french_dialog(
    qtbot, hooks: ErrorHooks, prompts: ScriptedPrompts, _error_log_in_tmp: Path
) -> None:  # type: ignore[no-untyped-def]
    seen = SeenDialog()
    prompts.dialog_handlers.append(seen)
    QApplication.clipboard().clear()
    QTimer.singleShot(0, _raise_in_slot)
    qtbot.waitUntil(lambda: bool(seen.message), timeout=5000)
    log = _error_log_in_tmp / "ordnum.log"
    # A slot is no action of known extent: nothing is claimed about what was saved.
    assert seen.message.startswith("Erreur inattendue (RuntimeError) : Le détail est dans le journal")
    assert f"« {log} »" in seen.message
    copied = QApplication.clipboard().text()
    assert copied.startswith("Traceback (most recent call last)") and "_raise_in_slot" in copied
    assert "RuntimeError: panne dans un slot" in log.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_thread_is_shown_from_the_gui_thread(
    qtbot, hooks: ErrorHooks, prompts: ScriptedPrompts, _error_log_in_tmp: Path
) -> None:  # type: ignore[no-untyped-def]
    seen = SeenDialog()
    prompts.dialog_handlers.append(seen)

    def worker() -> None:
        raise ValueError("panne dans un fil")

    thread = threading.Thread(target=worker, name="fil-essai")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(seen.message), timeout=5000)
    assert seen.on_gui_thread
    assert seen.message.startswith("Erreur inattendue (ValueError)")
    assert "ValueError: panne dans un fil" in QApplication.clipboard().text()
    logged = (_error_log_in_tmp / "ordnum.log").read_text(encoding="utf-8")
    assert "[fil-essai]" in logged and "Traceback (most recent call last)" in logged


def test_background_task_keeps_and_logs_the_traceback(qtbot, _error_log_in_tmp: Path) -> None:  # type: ignore[no-untyped-def]
    setup_error_log()
    failures: list[str] = []

    def export() -> None:
        raise LookupError("pas de page")

    task = BackgroundTask.start_task(export, on_done=lambda _: None, on_failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures[0].startswith("Erreur inattendue (LookupError)")
    assert isinstance(task.error, LookupError) and task.error.__traceback__ is not None
    logged = (_error_log_in_tmp / "ordnum.log").read_text(encoding="utf-8")
    assert "LookupError: pas de page" in logged and "in export" in logged


def test_service_refusal_shows_the_window_remedy(
    qtbot, prompts: ScriptedPrompts, ws: Workspace, liberal_preserie_id: int
) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(prompts)  # type: ignore[arg-type]
    ok = ctx.attempt("Valider", prerequisites.validate_technical_prerequisites, ws, liberal_preserie_id)
    assert not ok
    assert prompts.errors() == [
        "La liste des prérequis techniques au déploiement est vide : elle ne peut pas être validée. "
        "Ajoutez-en avec le bouton Ajouter de la page Prérequis techniques avant de la valider."
    ]


def test_os_error_in_the_window_is_french(qtbot, prompts: ScriptedPrompts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(prompts)  # type: ignore[arg-type]
    assert ctx.run("Ouvrir", (tmp_path / "absent.csv").read_bytes) is None
    absent = tmp_path / "absent.csv"
    assert prompts.errors() == [f"Opération impossible sur « {absent} » : fichier ou dossier introuvable."]


def test_valider_on_an_empty_list_shows_the_button_to_use(
    qtbot, prompts: ScriptedPrompts, ws_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The finding of issue 10: the window used to tell its user to type « ordnum prerequisites add »."""
    ws = Workspace.open(ws_path, create=True)
    try:
        create_preserie(
            ws, editor="Éditeur", software="Logiciel", version="1", exercise="liberal", cpams=["33"]
        )
    finally:
        ws.close()
    win = MainWindow(prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(ws_path)
    win.ui.tabs.setCurrentIndex(3)
    bilan = win.tab_widgets["bilan"]
    assert bilan.ui.validatePrerequisitesButton.isEnabled()
    bilan.ui.validatePrerequisitesButton.click()
    [message] = prompts.errors()
    assert message.endswith(
        "Ajoutez-en avec le bouton Ajouter de la page Prérequis techniques avant de la valider."
    )
    assert "ordnum" not in message
    win.close()
