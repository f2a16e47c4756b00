"""Facts about the workspace file format: revisions, header, app_meta keys, user_version.

A leaf of `store/`: it imports nothing else of the package, so the engine, the backups and the
read-only opener can all read these facts without importing one another.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Every migration file is named after its revision, `NNNN_what.py` with `revision = "NNNN"`
# (tests/test_upgrade.py checks it against Alembic's own graph): opening a file that is already
# current then needs neither Alembic (~250 ms of imports) nor the migration modules.
REVISION_FILES = "[0-9][0-9][0-9][0-9]_*.py"
SQLITE_MAGIC = b"SQLite format 3\x00"

# app_meta keys: written by every migration run, and the backup retention settings.
SCHEMA_VERSION_KEY = "schema_version"
APP_VERSION_KEY = "app_version"
BACKUP_KEEP_KEY = "backup_keep"
BACKUP_DAYS_KEY = "backup_keep_days"


def alembic_config() -> Config:
    """For running migrations only: Alembic is imported here, when a file needs upgrading."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def known_revisions() -> list[str]:
    """Revisions from the oldest to the newest, read from the migration files' names."""
    return sorted(p.name[:4] for p in (MIGRATIONS / "versions").glob(REVISION_FILES))


def head_revision() -> str:
    return known_revisions()[-1]


def user_version(revision: str) -> int:
    """SQLite's `PRAGMA user_version` for a revision: its number (revisions are named `0003_…`),
    so that tools outside the app can tell the format without Alembic."""
    return int(revision[:4])
