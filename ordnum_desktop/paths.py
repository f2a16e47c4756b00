"""Where the shipped data lives (resources/ beside the package, or ORDNUM_RESOURCES)."""

from __future__ import annotations

import os
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("ORDNUM_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"
