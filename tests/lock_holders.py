"""Another instance of the app holding a workspace file: a real process running the app's own
`Workspace.open`, for the tests of the lock (CLI, window, first screen)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HOLDER = """
import sys, time
from ordnum_desktop.services.workspace.session import Workspace
ws = Workspace.open(sys.argv[1], create=True)
print("open", flush=True)
time.sleep(float(sys.argv[2]))
ws.close()
"""


def start_holder(path: Path, seconds: float = 60, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Returns once the process holds the file; it lets go after `seconds` (or terminate())."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "open"
    return proc
