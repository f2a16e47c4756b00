"""Temporary files go to a folder of the user's own (mode 0700), never the shared system temp
folder: openpyxl writes every sheet to a temporary file before zipping it, and a kill used to
leave `/tmp/openpyxl.*` files holding doctor names for anyone to read (issue 12, item 12).

The folder is per process (`<host>-<pid>`) and removed at exit; those of processes that died
(SIGKILL, power cut) are removed by the next process that starts. `ORDNUM_TEMP_DIR` moves the
root (tests)."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

_chosen: Path | None = None
_guard = threading.Lock()
_depth = 0
_saved: str | None = None


def _root() -> Path:
    override = os.environ.get("ORDNUM_TEMP_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_cache_dir("ordnum-desktop", appauthor=False)) / "tmp"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def _sweep(root: Path, host: str) -> None:
    for entry in root.iterdir():
        owner, _, pid = entry.name.rpartition("-")
        if owner == host and pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)


def _folder() -> Path:
    """This process's private folder, made (and the dead processes' swept) on first use."""
    global _chosen
    if _chosen is not None and _chosen.is_dir():
        return _chosen
    root = _root()
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(root, 0o700)
    host = socket.gethostname()
    _sweep(root, host)
    mine = root / f"{host}-{os.getpid()}"
    mine.mkdir(mode=0o700, exist_ok=True)
    if _chosen is None:
        atexit.register(shutil.rmtree, mine, True)
    _chosen = mine
    return mine


def sweep_private_temp() -> None:
    """At start-up (CLI, window): what processes killed earlier left is removed."""
    root = _root()
    if root.is_dir():
        _sweep(root, socket.gethostname())


@contextmanager
def private_temp() -> Iterator[Path]:
    """Within the block, Python's `tempfile` (hence openpyxl) writes in the private folder. Not
    for the whole process: a test's PostgreSQL server, run as another user, could not read a
    data folder made there. Nested blocks and threads share one redirection."""
    global _depth, _saved
    with _guard:
        folder = _folder()
        if _depth == 0:
            _saved = tempfile.tempdir
            tempfile.tempdir = str(folder)
        _depth += 1
    try:
        yield folder
    finally:
        with _guard:
            _depth -= 1
            if _depth == 0:
                tempfile.tempdir = _saved
