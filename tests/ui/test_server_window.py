"""Fichier ▸ « Se connecter à un serveur… » (issue 15): a workspace on a real PostgreSQL server in
the window; the recent entry keeps the address without its password."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.ui.dialogs.server_dialog import ServerDialog
from ordnum_desktop.ui.main_window import MainWindow
from ordnum_desktop.ui.recent_files import recent_files
from tests.pg_server import free_port


def _typing(address: str, checks: list[str] | None = None):  # noqa: ANN202 - a dialog handler
    def fill(dialog: ServerDialog) -> bool:
        dialog.address_edit.setText("serveur:5432/base")
        dialog.accept()  # not an address: refused, the dialog stays open with the reason
        if checks is not None:
            checks.append(dialog.problem.text())
        assert dialog.result() != ServerDialog.DialogCode.Accepted
        dialog.address_edit.setText(address)
        dialog.accept()
        return dialog.result() == ServerDialog.DialogCode.Accepted

    return fill


def test_connect_to_an_empty_base_creates_the_workspace_on_request(qtbot, prompts, pg_url: str) -> None:
    win = MainWindow(prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    checks: list[str] = []
    with_password = pg_url.replace("postgres@", "postgres:mot-de-passe@")
    prompts.dialog_handlers.append(_typing(with_password, checks))
    prompts.yes_no.append(True)  # « Y créer un nouvel espace de travail ? »
    win.connect_to_server()
    assert "postgresql://" in checks[0]
    assert prompts.messages[0][0] == "question" and "est vide" in prompts.messages[0][2]
    assert win.ctx.ws is not None and win.ctx.ws.is_server
    base = pg_url.rsplit("/", 1)[1]
    assert win.windowTitle().startswith(f"{base} sur 127.0.0.1:")
    assert not win.ui.actionSaveCopy.isEnabled() and not win.backup_now_action.isEnabled()
    # Remembered without the password; nothing in the settings holds it.
    assert recent_files()[0] == pg_url
    QSettings().sync()
    assert all("mot-de-passe" not in str(QSettings().value(k)) for k in QSettings().allKeys())
    assert "mot-de-passe" not in win.windowTitle() and "mot-de-passe" not in win.statusBar().currentMessage()
    assert prompts.unused() == [] and prompts.errors() == []
    win.close()


def test_a_server_workspace_shows_its_preserie_and_reopens_from_the_recent_list(
    qtbot, prompts, pg_url: str
) -> None:
    with Workspace.open(pg_url, create=True) as ws:
        create_preserie(
            ws, editor="Éditeur Nord", software="Cabinet", version="3", exercise="liberal", cpams=["33"]
        )
    win = MainWindow(prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    prompts.dialog_handlers.append(_typing(pg_url))
    win.connect_to_server()
    assert win.ui.preserieCombo.currentText() == "Éditeur Nord — Cabinet 3"
    win.close_workspace()
    win.ui.menuRecent.aboutToShow.emit()
    entry = win.ui.menuRecent.actions()[0]
    assert entry.text().endswith(
        f"{pg_url.rsplit('/', 1)[1]} sur 127.0.0.1:{pg_url.split(':')[2].split('/')[0]}"
    )
    entry.trigger()
    assert win.ctx.ws is not None and win.ctx.ws.is_server
    assert win.ui.preserieCombo.currentText() == "Éditeur Nord — Cabinet 3"
    win.close()


def test_a_server_that_refuses_is_said_in_french(qtbot, prompts) -> None:
    win = MainWindow(prompts=prompts)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    prompts.dialog_handlers.append(_typing(f"postgresql://postgres@127.0.0.1:{free_port()}/preserie"))
    win.connect_to_server()
    assert win.ctx.ws is None
    (message,) = prompts.errors()
    assert "refuse la connexion" in message and "failed" not in message.lower()
    win.close()
