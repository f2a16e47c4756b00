"""Where the shipped data lives: ordnum_desktop/resources/ (package data), or ORDNUM_RESOURCES."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("ORDNUM_RESOURCES")
    if override:
        return Path(override)
    # The package is installed as plain files (wheel, editable checkout, PyInstaller one-folder),
    # never zipped, so the Traversable is a real folder: callers can keep using Path.
    return Path(str(files("ordnum_desktop") / "resources"))
