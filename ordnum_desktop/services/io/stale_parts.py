"""Temporary files an export left in the output folder when it was killed (`.export-*.xlsx`,
`.bilan-*.pdf`: issue 12, item 12) are removed by the next export to that folder once an hour
old, an age no running export reaches."""

from __future__ import annotations

import time
from pathlib import Path

STALE_SECONDS = 3600
PATTERNS = (".export-*.xlsx", ".bilan-*.pdf")


def sweep_stale_parts(folder: Path) -> None:
    try:
        for pattern in PATTERNS:
            for part in folder.glob(pattern):
                if time.time() - part.stat().st_mtime > STALE_SECONDS:
                    part.unlink(missing_ok=True)
    except OSError:
        pass  # a folder that cannot be listed is reported by the write itself
