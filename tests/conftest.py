"""Shared fixtures: every test gets a real SQLite workspace file in its own temp folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ordnum_desktop.services.roster.doctors import add_doctor  # noqa: E402
from ordnum_desktop.services.roster.preseries import create_preserie  # noqa: E402
from ordnum_desktop.services.workspace.session import Workspace  # noqa: E402


@pytest.fixture(autouse=True)
def _backups_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Automatic backups (before imports, migrations) go to the test's folder, not the user's."""
    folder = tmp_path / "sauvegardes"
    monkeypatch.setenv("ORDNUM_BACKUP_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _error_log_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The log file of unexpected errors goes to the test's folder, not the user's."""
    folder = tmp_path / "journaux"
    monkeypatch.setenv("ORDNUM_LOG_DIR", str(folder))
    return folder


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "espace.sqlite"


@pytest.fixture
def ws(ws_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(ws_path, create=True)
    yield workspace
    workspace.close()


@pytest.fixture
def liberal_preserie_id(ws: Workspace) -> int:
    p = create_preserie(
        ws,
        editor="Éditeur Test",
        software="MédiLog",
        version="4.2",
        exercise="liberal",
        cpams=["33", "62-artois"],
    )
    assert p.id is not None
    return p.id


@pytest.fixture
def roster(ws: Workspace, liberal_preserie_id: int) -> int:
    """The liberal présérie with one equipped doctor, Martin, AM 331234567."""
    add_doctor(ws, liberal_preserie_id, last_name="Martin", am="331234567", equipped=True)
    return liberal_preserie_id
