"""After a kill, the application itself opens the file again (issue 12, items 1 to 4, 9, 10, 11):
every check after a kill goes through a real `ordnum` process first (tests/crash_cli.py); the
file-name and lock items (no kill) through the same `main` in this process
(tests/cli_output.py), a second of start-up less each. The kills of undo, restore, roster and
answers imports are in tests/test_kill_writers.py."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ordnum_desktop.services.workspace.session import Workspace
from tests.cli_output import run_cli
from tests.crash_cli import bilan as _bilan
from tests.crash_cli import kill_at_random, state
from tests.crash_cli import ordnum as _ordnum
from tests.crash_cli import workspace_with_traces as _workspace_with_traces
from tests.lock_holders import start_holder
from tests.trace_files import rows, write_csv

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")

FIXTURES = Path(__file__).parent / "data"
KILLS = int(os.environ.get("ORDNUM_CRASH_KILLS", "20"))

# A writer that dies in the middle of its transaction, after SQLite has already spilled changed
# pages into the file (a one-page cache): the `-journal` left behind is hot.
DIE_MID_TRANSACTION = """
import os, signal, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA cache_size = 1")
con.execute("BEGIN")
con.execute("DELETE FROM trace_row")
con.execute("DELETE FROM doctor")
os.kill(os.getpid(), signal.SIGKILL)
"""


def _bilan_here(path: Path) -> dict[str, Any]:
    done = run_cli("bilan", "--db", str(path), "--json")
    assert done.returncode == 0, done.stderr
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "ORDNUM_BACKUP_DIR": str(tmp_path / "sauvegardes")}


@pytest.mark.parametrize(
    "command",
    [
        ["bilan"],
        # The same repair by the other first commands; ~4 s each, so in the slow run.
        pytest.param(["roster", "list"], marks=pytest.mark.slow),
        pytest.param(["audit"], marks=pytest.mark.slow),
        pytest.param(["backup", "create"], marks=pytest.mark.slow),
    ],
)
def test_a_hot_journal_is_rolled_back_by_the_command_line_and_the_window_code(
    tmp_path: Path, env: dict[str, str], command: list[str]
) -> None:
    path = tmp_path / "présérie.sqlite"
    _workspace_with_traces(path, write_csv(tmp_path / "traces.csv", rows(3_000)), env)
    before = _bilan_here(path)  # before the kill: no start-up to pay for it

    dead = subprocess.run([sys.executable, "-c", DIE_MID_TRANSACTION, str(path)], timeout=60)
    assert dead.returncode == -signal.SIGKILL
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0

    # The first thing that touches the file is the application, as for the coordinator.
    done = _ordnum(*command, "--db", str(path), env=env)
    assert done.returncode == 0 and "endommagé" not in done.stderr, done.stderr
    assert not journal.exists()
    assert _bilan(path, env) == before
    ws = Workspace.open(path)  # the window's code
    ws.close()


def test_a_read_only_file_with_a_hot_journal_is_explained(tmp_path: Path, env: dict[str, str]) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes read-only files anyway")
    path = tmp_path / "w.sqlite"
    _workspace_with_traces(path, write_csv(tmp_path / "traces.csv", rows(500)), env)
    subprocess.run([sys.executable, "-c", DIE_MID_TRANSACTION, str(path)], timeout=60)
    path.chmod(0o400)
    done = _ordnum("bilan", "--db", str(path), env=env)
    assert done.returncode != 0 and "modification interrompue" in done.stderr


@pytest.mark.slow
def test_an_upgrade_killed_anywhere_is_all_or_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    """The 0001 → head upgrade is one transaction: killed at any moment, the next opening finds
    the old schema (and upgrades it) or the new one, never a half-upgraded file."""
    template = tmp_path / "ancien.sqlite"
    shutil.copy(FIXTURES / "workspace-0001.sqlite", template)

    def command(path: Path) -> list[str]:
        return ["bilan", "--db", str(path), "--json"]

    def after_kill(path: Path, outcome: str, after: dict[str, Any]) -> None:
        Workspace.open(path).close()  # the window's code opens it too, once the CLI has

    # The upgrade comes after the start-up: kills from a fifth of the run on.
    _before, _after, _outcomes, seed, duration = kill_at_random(
        template, command, kills=KILLS, env=env, after_kill=after_kill, earliest=0.2, shows_a_change=False
    )
    print(f"upgrade: {KILLS} kills over {duration:.1f} s, all reopened by the CLI; seed {seed}")


@pytest.mark.slow
def test_an_import_killed_anywhere_reopens_with_the_command_line(tmp_path: Path, env: dict[str, str]) -> None:
    traces = write_csv(tmp_path / "traces.csv", rows(20_000))
    template = tmp_path / "vide.sqlite"
    _workspace_with_traces(template, write_csv(tmp_path / "avant.csv", rows(500, prefix="AV")), env)
    retried: list[Path] = []

    def command(path: Path) -> list[str]:
        return ["traces", "import", "--db", str(path), str(traces)]

    def after_kill(path: Path, outcome: str, after: dict[str, Any]) -> None:
        if outcome == "rien" and not retried:  # once: the import is the slow part
            retried.append(path)
            again = _ordnum(*command(path), env=env)
            assert again.returncode == 0, again.stderr
            assert state(path, env)["bilan"] == after["bilan"]

    _before, _after, outcomes, seed, duration = kill_at_random(
        template, command, kills=KILLS, env=env, after_kill=after_kill
    )
    print(f"import: {KILLS} kills over {duration:.1f} s: {dict(outcomes)}; seed {seed}")


@pytest.mark.parametrize("name", ["q?x.sqlite", "other%20x.sqlite", "a#b.sqlite"])
def test_odd_file_names_are_file_names(tmp_path: Path, env: dict[str, str], name: str) -> None:
    """Item 4: the address is built from the path, so `?`, `%20` and `#` stay in the name."""
    folder = tmp_path / "dossier"
    folder.mkdir()
    decoy = folder / "other x.sqlite"  # `other%20x` once imported 50,000 rows into this file
    decoy.write_bytes(b"")
    path = folder / name
    _workspace_with_traces(path, write_csv(tmp_path / "traces.csv", rows(300)), env)
    assert decoy.stat().st_size == 0
    # No stray `q` or `a` (the part before `?` or `#`) beside it.
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock")) == sorted(
        [name, decoy.name]
    )
    assert _bilan_here(path)["preserie"] is not None


def test_restoring_a_workspace_onto_itself_is_refused_at_once(tmp_path: Path, env: dict[str, str]) -> None:
    """Item 9: `backup restore --db w.sqlite w.sqlite` used to hang forever."""
    path = tmp_path / "w.sqlite"
    _workspace_with_traces(path, write_csv(tmp_path / "traces.csv", rows(300)), env)
    before = _bilan_here(path)
    done = _ordnum("backup", "restore", "--db", str(path), str(path), env=env)  # it used to hang: a timeout
    assert done.returncode != 0 and "l'espace de travail lui-même" in done.stderr
    assert "Traceback" not in done.stderr
    assert _bilan_here(path) == before


@pytest.mark.parametrize("kind", ["hard", "symbolic"])
def test_two_names_of_one_file_share_one_lock(tmp_path: Path, env: dict[str, str], kind: str) -> None:
    """Item 3: through a hard link or a symlink, a second writer is refused like through the name."""
    path = tmp_path / "a" / "w.sqlite"
    path.parent.mkdir()
    _workspace_with_traces(path, write_csv(tmp_path / "traces.csv", rows(300)), env)
    other = tmp_path / "b" / "autre.sqlite"
    other.parent.mkdir()
    if kind == "hard":
        os.link(path, other)
    else:
        other.symlink_to(path)
    holder = start_holder(path, env=env)
    try:
        done = run_cli("traces", "import", "--db", str(other), str(tmp_path / "traces.csv"))
        assert done.returncode != 0 and "Traceback" not in done.stderr
        assert "ouvert" in done.stderr or "utilisé" in done.stderr, done.stderr
    finally:
        holder.kill()
        holder.wait(10)


def test_a_symlinked_lock_file_is_never_followed(tmp_path: Path, env: dict[str, str]) -> None:
    """Item 10: a `w.sqlite.lock` symlink used to have its target overwritten."""
    path = tmp_path / "w.sqlite"
    _workspace_with_traces(path, write_csv(tmp_path / "traces.csv", rows(300)), env)
    target = tmp_path / "précieux.txt"
    target.write_text("ne pas écraser", encoding="utf-8")
    (tmp_path / "w.sqlite.lock").symlink_to(target)
    done = run_cli("traces", "import", "--db", str(path), str(tmp_path / "traces.csv"))
    assert done.returncode != 0 and "lien symbolique" in done.stderr
    assert target.read_text(encoding="utf-8") == "ne pas écraser"


def test_a_folder_or_a_dangling_link_as_workspace_is_one_french_sentence(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """Item 11: `--db` a folder (IsADirectoryError) and `init` on a dangling symlink
    (FileExistsError) used to end in English."""
    folder = tmp_path / "dossier"
    folder.mkdir()
    done = run_cli("bilan", "--db", str(folder))
    assert done.returncode == 2 and "est un dossier" in done.stderr and "Error" not in done.stderr
    link = tmp_path / "lien.sqlite"
    link.symlink_to(tmp_path / "absent.sqlite")
    done = run_cli("init", "--db", str(link))
    assert done.returncode == 2 and "fichier absent" in done.stderr and "Error" not in done.stderr
    assert link.is_symlink() and not (tmp_path / "absent.sqlite").exists()
