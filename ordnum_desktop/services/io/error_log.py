"""The log file of unexpected errors: a rotating file in the user's log folder, so that a
coordinator can send the traceback behind « Erreur inattendue » without a terminal.

ORDNUM_LOG_DIR moves the folder (the tests point it into their temporary folder).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOGGER_NAME = "ordnum_desktop"
FILE_NAME = "ordnum.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger(LOGGER_NAME)


def log_dir() -> Path:
    override = os.environ.get("ORDNUM_LOG_DIR")
    if override:
        return Path(override)
    # Deferred with RotatingFileHandler below (logging.handlers pulls socket and pickle): about
    # 20 ms that the window's first paint does not wait for.
    import platformdirs

    return Path(platformdirs.user_log_dir("ordnum-desktop", appauthor=False))


def log_path() -> Path:
    return log_dir() / FILE_NAME


def setup_error_log() -> Path:
    """Attaches the rotating file to the package logger; calling it again is harmless, and
    follows ORDNUM_LOG_DIR if it changed. Returns the file's path."""
    from logging.handlers import RotatingFileHandler  # deferred: see log_dir()

    path = log_path()
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler):
            if Path(handler.baseFilename) == path.absolute():
                return path
            log.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return path  # no log folder (read-only home…): the program must still run
    # delay: the file is created at the first error, not at every start.
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def log_failure(exc: BaseException, context: str = "") -> None:
    """Writes the exception with its traceback into the log file."""
    log.error("%s", context or "Erreur", exc_info=(type(exc), exc, exc.__traceback__))
