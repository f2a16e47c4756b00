"""The recent files list of the Fichier menu, kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "files/recent"
LIMIT = 8


def recent_files() -> list[str]:
    value = QSettings().value(KEY, [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [str(v) for v in (value or []) if str(v)]


def add_recent(path: str | Path) -> None:
    text = str(Path(path).resolve())
    items = [text] + [p for p in recent_files() if p != text]
    QSettings().setValue(KEY, items[:LIMIT])


def forget_recent(path: str) -> None:
    QSettings().setValue(KEY, [p for p in recent_files() if p != path])
