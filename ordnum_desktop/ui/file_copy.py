"""Fichier ▸ Enregistrer une copie: a consistent snapshot of the open workspace file."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def copy_workspace(ws: Any, target: Path) -> Path:
    """SQLite's online backup copies a consistent state even while the window holds the file;
    the copy is a normal workspace the user can open elsewhere."""
    if target.resolve() == Path(ws.path).resolve():
        raise OSError(0, "la copie doit porter un autre nom que le fichier ouvert")
    source = sqlite3.connect(str(ws.path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target
