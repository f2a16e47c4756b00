"""Extension points of the workspace opener (the backup before a migration plugs in here)."""

from __future__ import annotations

from pathlib import Path


def before_migration(path: Path, revision: str | None) -> None:
    """Called before a file is migrated from `revision` (None: a new, empty file)."""
