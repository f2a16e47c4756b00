"""No temporary file with personal data is left in the system temp folder (issue 12, item 12):
openpyxl's per-sheet temporary files go to the process's private folder, removed at exit or, after
a kill, by the next `ordnum` that starts."""

from __future__ import annotations

import os
import random
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.crash_cli import kill_after

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")

# Write-only mode streams the rows into a temporary file as they are appended: killed before the
# save, the process leaves that file behind.
KILLED_WRITER = """
import os, signal
from openpyxl import Workbook
from ordnum_desktop.services.io.private_temp import private_temp
with private_temp():  # as services/demo/traces.py writes a traces workbook
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("Traces")
    for i in range(3000):
        sheet.append(["Dupré Élodie", "331234567", i])
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _env(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    system_tmp, private = tmp_path / "tmp-systeme", tmp_path / "prive"
    system_tmp.mkdir()
    env = {
        **os.environ,
        "TMPDIR": str(system_tmp),
        "ORDNUM_TEMP_DIR": str(private),
        "ORDNUM_BACKUP_DIR": str(tmp_path / "sauvegardes"),
    }
    return env, system_tmp, private


def test_a_killed_writer_leaves_nothing_in_the_system_temp_and_is_swept(tmp_path: Path) -> None:
    env, system_tmp, private = _env(tmp_path)
    dead = subprocess.run([sys.executable, "-c", KILLED_WRITER], env=env, timeout=60)
    assert dead.returncode == -signal.SIGKILL
    assert list(system_tmp.iterdir()) == []
    (left,) = private.iterdir()
    assert left.name.startswith(socket.gethostname() + "-")
    assert stat.S_IMODE(left.stat().st_mode) == 0o700 and stat.S_IMODE(private.stat().st_mode) == 0o700
    assert any(f.name.startswith("openpyxl.") for f in left.iterdir())

    done = subprocess.run(
        [sys.executable, "-m", "ordnum_desktop.cli", "roster", "template", str(tmp_path / "modele.xlsx")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert list(private.iterdir()) == []  # the dead process's folder swept, the new one removed at exit
    assert list(system_tmp.iterdir()) == []


@pytest.mark.slow
def test_the_demo_killed_anywhere_leaves_nothing_in_the_system_temp(tmp_path: Path) -> None:
    """`ordnum demo` writes traces workbooks in write-only mode and a bilan: killed at random
    moments, it never leaves a file in the system temp folder."""
    env, system_tmp, private = _env(tmp_path)
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "ordnum_desktop.cli", "demo", "--db", str(tmp_path / "ref.sqlite")],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0
    duration = time.monotonic() - began
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for n in range(5):
        demo = [sys.executable, "-m", "ordnum_desktop.cli", "demo", "--db", str(tmp_path / f"d{n}.sqlite")]
        kill_after(demo, env, duration * rng.uniform(0.3, 0.95))
        assert list(system_tmp.iterdir()) == [], f"(graine {seed}, arrêt n° {n})"
