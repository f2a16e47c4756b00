"""The recent files list of the Fichier menu, kept in QSettings: file paths, and server
addresses without their password (never stored in the settings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ordnum_desktop.store.address import ServerAddress, display_address, is_server_address

KEY = "files/recent"
LIMIT = 8


def recent_files() -> list[str]:
    value = QSettings().value(KEY, [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [str(v) for v in (value or []) if str(v)]


def add_recent(path: str | Path) -> None:
    text = display_address(path) if is_server_address(path) else str(Path(path).resolve())
    items = [text] + [p for p in recent_files() if p != text]
    QSettings().setValue(KEY, items[:LIMIT])


def forget_recent(path: str) -> None:
    QSettings().setValue(KEY, [p for p in recent_files() if p != path])


def recent_label(item: str) -> str:
    """The menu's name for a recent entry: the file's name, or « base sur serveur »."""
    return ServerAddress(item).name if is_server_address(item) else Path(item).name
