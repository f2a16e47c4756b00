"""Aide ▸ À propos, opened from the window's menu: version, schema revision, référentiel, the
log and backup folders, and the licences of the fonts, the map data and the libraries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from ordnum_desktop import __version__
from ordnum_desktop.domain.referentiel import current_version
from ordnum_desktop.store.schema import head_revision
from tests.ui.scripted_prompts import ScriptedPrompts


def test_about_dialog_from_the_help_menu(
    window, prompts: ScriptedPrompts, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ORDNUM_LOG_DIR", str(tmp_path / "journal"))
    monkeypatch.setenv("ORDNUM_BACKUP_DIR", str(tmp_path / "sauvegardes"))
    seen: list[str] = []

    def read(dialog: QDialog) -> bool:
        seen.append(dialog.windowTitle())
        seen.append(dialog.text.toPlainText())  # type: ignore[attr-defined]
        return False

    prompts.dialog_handlers.append(read)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "&Aide"
    window.about_action.trigger()
    title, text = seen
    assert title == "À propos d'Ordonnance numérique"
    assert f"Version {__version__}" in text
    assert head_revision() in text and current_version() in text
    assert str(tmp_path / "journal") in text and str(tmp_path / "sauvegardes") in text
    for needed in ("DejaVu", "IGN", "Licence Ouverte", "LICENCE.md", "PySide6", "LGPL", "matplotlib"):
        assert needed in text, needed
    for library in ("ReportLab", "openpyxl", "SQLAlchemy", "Alembic", "python-calamine"):
        assert library in text, library
