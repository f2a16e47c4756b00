"""Places that refuse to cooperate, met with the application's own CLI (issue 12, item 11): a
lock file left by another computer with its clock in the future, a full backup folder during a
restore, a workspace in a read-only folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.crash_cli import bilan, ordnum, workspace_with_traces
from tests.trace_files import rows, write_csv


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "ORDNUM_BACKUP_DIR": str(tmp_path / "sauvegardes")}


def _foreign_lock(path: Path, since: datetime) -> None:
    record = {"pid": 4242, "host": "poste-du-secretariat", "since": since.isoformat(timespec="seconds")}
    Path(str(path) + ".lock").write_text(json.dumps(record), encoding="utf-8")


@pytest.mark.slow
def test_a_foreign_lock_dated_in_the_future_is_stale_past_five_minutes(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """A synced folder brings another computer's lock file; with its clock a day ahead, the
    record used to block the file until that date."""
    path = tmp_path / "w.sqlite"
    workspace_with_traces(path, write_csv(tmp_path / "t.csv", rows(300)), env)
    expected = bilan(path, env)

    _foreign_lock(path, datetime.now() + timedelta(days=1))
    assert bilan(path, env) == expected  # taken over: a record from the future is no evidence

    for honoured in (datetime.now() + timedelta(minutes=2), datetime.now() - timedelta(hours=1)):
        _foreign_lock(path, honoured)  # a clock a little ahead, or a recent lock: honoured
        done = ordnum("bilan", "--db", str(path), env=env)
        assert done.returncode != 0 and "Traceback" not in done.stderr
        assert "poste-du-secretariat" in done.stderr and "lecture seule" in done.stderr
    assert json.loads(ordnum("bilan", "--db", str(path), "--json", "--read-only", env=env).stdout) == expected


def _mount_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir()
    return (
        os.geteuid() == 0
        and subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)]).returncode
        == 0
    )


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "petit-disque"
    if not _mount_tmpfs(disk, "256k"):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.slow
def test_a_restore_with_a_full_backup_folder_says_so_and_changes_nothing(
    tmp_path: Path, env: dict[str, str], small_disk: Path
) -> None:
    path = tmp_path / "w.sqlite"
    workspace_with_traces(path, write_csv(tmp_path / "t.csv", rows(2_000)), env)
    copy = tmp_path / "copie.sqlite"
    assert ordnum("backup", "create", "--db", str(path), env=env).returncode == 0
    listing = json.loads(ordnum("backup", "list", "--db", str(path), "--json", env=env).stdout)
    copy.write_bytes(Path(listing["backups"][0]["file"]).read_bytes())
    more = write_csv(tmp_path / "t2.csv", rows(2_000, prefix="B"))
    assert ordnum("traces", "import", "--db", str(path), str(more), env=env).returncode == 0
    before = bilan(path, env)
    assert path.stat().st_size > 256 * 1024  # its pre-restore copy cannot fit on the small disk

    full = {**env, "ORDNUM_BACKUP_DIR": str(small_disk)}
    done = ordnum("backup", "restore", "--db", str(path), str(copy), env=full)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "copie de sécurité n'a pas pu être écrite" in done.stderr and "libérez de la place" in done.stderr
    assert bilan(path, env) == before
    assert [p.name for p in small_disk.rglob("*") if p.is_file()] == []  # no `.part` left


@pytest.mark.slow
def test_a_workspace_in_a_read_only_folder_is_read_with_read_only(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """The lock file cannot be created beside the workspace: every command used to fail; now one
    French sentence points to `--read-only`, which reads the file."""
    folder = tmp_path / "dossier"
    mounted = _mount_tmpfs(folder, "8m")
    try:
        path = folder / "w.sqlite"
        workspace_with_traces(path, write_csv(tmp_path / "t.csv", rows(300)), env)
        expected = bilan(path, env)
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            folder.chmod(0o555)
        if os.access(folder, os.W_OK):
            pytest.skip("this user writes in read-only folders")
        done = ordnum("bilan", "--db", str(path), env=env)
        assert done.returncode != 0 and "Traceback" not in done.stderr
        assert "lecture seule" in done.stderr and "Error" not in done.stderr
        read = ordnum("bilan", "--db", str(path), "--json", "--read-only", env=env)
        assert read.returncode == 0, read.stderr
        assert json.loads(read.stdout) == expected
        listing = ordnum("roster", "list", "--db", str(path), "--read-only", env=env)
        assert listing.returncode == 0 and "Dupré" in listing.stdout
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=True)
        else:
            folder.chmod(0o755)


if sys.platform == "win32":  # pragma: no cover
    pytestmark = pytest.mark.skip("mount and POSIX modes")
