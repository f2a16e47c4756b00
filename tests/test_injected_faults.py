"""Faults injected at exact system calls with strace (issue 12, « at injected faults where the
platform allows »): a traces import and an undo killed at each of their fdatasync calls (the
commit's syncs, and the backup copy's), and an import whose pwrite64 fails with ENOSPC at points
spread over its run. After each, the `ordnum` CLI reads the file first: the state before or after,
a French sentence for the failure, and the next command succeeds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.crash_cli import ordnum, state, workspace_with_traces
from tests.trace_files import rows, write_csv

STRACE = shutil.which("strace")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(STRACE is None or not sys.platform.startswith("linux"), reason="needs strace"),
]


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "ORDNUM_BACKUP_DIR": str(tmp_path / "sauvegardes")}


def _calls(command: list[str], syscall: str, env: dict[str, str], tmp_path: Path) -> int:
    """How many `syscall` calls an uninterrupted run makes (strace -c)."""
    summary = tmp_path / "appels.txt"
    done = subprocess.run(
        [STRACE or "strace", "-f", "-qq", "-c", "-e", f"trace={syscall}", "-o", str(summary), *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    # « % time  seconds  usecs/call  calls  [errors]  syscall »
    line = next(x.split() for x in summary.read_text().splitlines() if x.split()[-1:] == [syscall])
    return int(line[3])


def _faulted(command: list[str], injection: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [STRACE or "strace", "-f", "-qq", "-o", os.devnull, "-e", f"inject={injection}", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def _cli(path: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "ordnum_desktop.cli", *args[:2], "--db", str(path), *args[2:]]


@pytest.mark.parametrize("kind", ["import", "undo"])
def test_killed_at_every_fdatasync_is_all_or_nothing(tmp_path: Path, env: dict[str, str], kind: str) -> None:
    template = tmp_path / "modele.sqlite"
    traces = write_csv(tmp_path / "traces.csv", rows(20_000))
    if kind == "import":
        workspace_with_traces(template, write_csv(tmp_path / "avant.csv", rows(300, prefix="AV")), env)
        args = ("traces", "import", str(traces))
    else:
        workspace_with_traces(template, traces, env)
        args = ("traces", "undo", "1")
    before = state(template, env)
    reference = tmp_path / "reference.sqlite"
    shutil.copy(template, reference)
    syncs = _calls(_cli(reference, *args), "fdatasync", env, tmp_path)
    after = state(reference, env)
    assert syncs >= 2 and after != before
    outcomes = {"rien": 0, "tout": 0}
    for n in range(1, syncs + 1):
        path = tmp_path / f"tue-{n}.sqlite"
        shutil.copy(template, path)
        killed = _faulted(_cli(path, *args), f"fdatasync:signal=SIGKILL:when={n}", env)
        assert killed.returncode != 0
        seen = state(path, env)
        assert seen in (before, after), f"arrêt au fdatasync n° {n}"
        outcomes["tout" if seen == after else "rien"] += 1
        if seen == before:
            again = ordnum(*_cli(path, *args)[3:], env=env)
            assert again.returncode == 0, again.stderr
            assert state(path, env)["bilan"] == after["bilan"]
        path.unlink()
    print(f"{kind}: killed at each of its {syncs} fdatasync calls: {outcomes}")


def test_a_full_disk_at_any_write_is_said_in_french_and_changes_nothing(
    tmp_path: Path, env: dict[str, str]
) -> None:
    template = tmp_path / "modele.sqlite"
    workspace_with_traces(template, write_csv(tmp_path / "avant.csv", rows(300, prefix="AV")), env)
    args = ("traces", "import", str(write_csv(tmp_path / "traces.csv", rows(20_000))))
    before = state(template, env)
    reference = tmp_path / "reference.sqlite"
    shutil.copy(template, reference)
    writes = _calls(_cli(reference, *args), "pwrite64", env, tmp_path)
    after = state(reference, env)
    points = sorted({max(1, writes * k // 12) for k in range(12)})
    for n in points:
        path = tmp_path / f"plein-{n}.sqlite"
        shutil.copy(template, path)
        failed = _faulted(_cli(path, *args), f"pwrite64:error=ENOSPC:when={n}", env)
        assert "Traceback" not in failed.stderr and "Error" not in failed.stderr, failed.stderr
        seen = state(path, env)
        if failed.returncode == 0:  # the write that failed was one SQLite could do without
            assert seen == after, f"ENOSPC au pwrite64 n° {n}"
        else:
            assert "plein" in failed.stderr, failed.stderr
            assert seen == before, f"ENOSPC au pwrite64 n° {n}"
            again = ordnum(*_cli(path, *args)[3:], env=env)
            assert again.returncode == 0, again.stderr
        path.unlink()
    print(f"import: ENOSPC at pwrite64 n° {points} of {writes}")
