"""One writer per workspace: a second process is refused, a crashed one does not block."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.roster.preseries import list_preseries
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.engine import WorkspaceError
from ordnum_desktop.store.location import location_warning
from ordnum_desktop.store.lock import WorkspaceLockedError, lock_path_for, owner_of
from tests.lock_holders import start_holder


def test_second_process_is_refused_with_a_sentence(ws_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    holder = start_holder(ws_path)
    try:
        with pytest.raises(WorkspaceLockedError) as err:
            Workspace.open(ws_path)
        message = str(err.value)
        assert "déjà ouvert par une autre instance" in message
        assert f"pid {holder.pid}" in message
        assert "depuis le" in message
        assert owner_of(ws_path) is not None and owner_of(ws_path).pid == holder.pid  # type: ignore[union-attr]

        # The command line says the same sentence and exits 2.
        assert main(["preserie", "list", "--db", str(ws_path)]) == 2
        assert "déjà ouvert par une autre instance" in capsys.readouterr().err

        # Read-only is still possible while the other instance writes.
        ro = Workspace.open(ws_path, read_only=True)
        try:
            assert list_preseries(ro) == []
        finally:
            ro.close()
    finally:
        holder.terminate()
        holder.wait(10)


def test_lock_is_released_at_close(ws_path: Path) -> None:
    holder = start_holder(ws_path, seconds=0)
    assert holder.wait(10) == 0
    assert not lock_path_for(ws_path).exists()
    Workspace.open(ws_path).close()


@pytest.mark.slow
def test_lock_of_a_killed_process_is_taken_over(ws_path: Path) -> None:
    holder = start_holder(ws_path)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(10)
    # The dead process left its lock file behind; the OS lock went with it.
    assert json.loads(lock_path_for(ws_path).read_text())["pid"] == holder.pid
    assert owner_of(ws_path) is None
    ws = Workspace.open(ws_path)
    try:
        assert json.loads(lock_path_for(ws_path).read_text())["pid"] == os.getpid()
    finally:
        ws.close()


def test_same_process_may_reopen(ws: Workspace) -> None:
    again = Workspace.open(ws.path)
    again.close()
    assert lock_path_for(ws.path).exists(), "the first handle still holds the lock"
    ws.close()
    assert not lock_path_for(ws.path).exists()


def test_recent_lock_from_another_computer_is_honoured_then_expires(ws_path: Path) -> None:
    Workspace.open(ws_path, create=True).close()
    record = {
        "pid": 4242,
        "host": socket.gethostname() + "-portable",
        "since": datetime.now().isoformat(timespec="seconds"),
    }
    lock_path_for(ws_path).write_text(json.dumps(record))
    with pytest.raises(WorkspaceLockedError) as err:
        Workspace.open(ws_path)
    assert "sur l'ordinateur" in str(err.value)

    record["since"] = (datetime.now() - timedelta(days=2)).isoformat(timespec="seconds")
    lock_path_for(ws_path).write_text(json.dumps(record))
    Workspace.open(ws_path).close()


def test_read_only_workspace_refuses_writes(ws_path: Path) -> None:
    Workspace.open(ws_path, create=True).close()
    before = ws_path.read_bytes()
    ro = Workspace.open(ws_path, read_only=True)
    try:
        from ordnum_desktop.services.roster.preseries import create_preserie

        with pytest.raises(WorkspaceError, match="lecture seule"):
            create_preserie(ro, editor="E", software="S", version="1", exercise="liberal")
    finally:
        ro.close()
    assert ws_path.read_bytes() == before


def test_two_processes_racing_get_exactly_one_writer(tmp_path: Path) -> None:
    path = tmp_path / "course.sqlite"
    Workspace.open(path, create=True).close()
    script = (
        "import sys\nfrom ordnum_desktop.services.workspace.session import Workspace\n"
        "from ordnum_desktop.store.lock import WorkspaceLockedError\n"
        "import time\n"
        "try:\n    ws = Workspace.open(sys.argv[1])\nexcept WorkspaceLockedError:\n"
        "    print('refused'); sys.exit(0)\nprint('writer', flush=True); time.sleep(2); ws.close()\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
    assert outputs == ["refused", "writer"]


def test_location_warning_for_synced_and_network_folders(tmp_path: Path) -> None:
    assert location_warning(tmp_path / "espace.sqlite", mounts_file=tmp_path / "absent") is None
    warning = location_warning(Path.home() / "Dropbox" / "ON" / "espace.sqlite")
    assert warning is not None and "dossier synchronisé" in warning
    assert location_warning(Path("/Users/ana/Library/Mobile Documents/x/espace.sqlite")) is not None
    assert location_warning(Path.home() / "OneDrive - CPAM" / "espace.sqlite") is not None
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\n//srv/partage /mnt/partage cifs rw 0 0\n")
    network = location_warning(Path("/mnt/partage/ON/espace.sqlite"), mounts_file=mounts)
    assert network is not None and "lecteur réseau (cifs)" in network
    assert location_warning(Path("/home/ana/espace.sqlite"), mounts_file=mounts) is None


def test_command_line_warns_about_a_synced_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "Dropbox" / "ON" / "espace.sqlite"
    assert main(["init", "--db", str(db)]) == 0
    assert main(["preserie", "list", "--db", str(db)]) == 0
    assert "dossier synchronisé" in capsys.readouterr().err


FORKING_HOLDER = """
import atexit, json, os, sys
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.lock import lock_path_for
ws = Workspace.open(sys.argv[1], create=True)
pid = os.fork()
if pid == 0:  # the child runs the atexit handlers of a normal exit, then leaves
    atexit._run_exitfuncs()
    os._exit(0)
os.waitpid(pid, 0)
print(json.loads(lock_path_for(ws.path).read_text())["pid"] == os.getpid(), flush=True)
sys.stdin.readline()  # holds the file until the test has probed it
ws.close()
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_forked_child_exiting_does_not_free_the_parents_lock(ws_path: Path) -> None:
    # The fork happens in a fresh process of the app's own code: forking the test process, which
    # may hold Qt's threads from window tests, and running its atexit handlers can deadlock.
    holder = subprocess.Popen(
        [sys.executable, "-c", FORKING_HOLDER, str(ws_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        probe = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys\nfrom ordnum_desktop.services.workspace.session "
                "import Workspace\nWorkspace.open(sys.argv[1])",
                str(ws_path),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "WorkspaceLockedError" in probe.stderr
    finally:
        holder.communicate("\n", timeout=60)
