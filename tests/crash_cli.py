"""The command line as the crash tests use it: a writer started as a real `ordnum` process, killed
with SIGKILL at a random moment, then the file read back by the application itself.

Every check after a kill goes through the `ordnum` command line first, never through `sqlite3`:
a plain read-write `sqlite3.connect` rolls a hot journal back by itself and hides exactly the bug
a coordinator met (« illisible ou endommagé (attempt to write a readonly database) »)."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace


def ordnum(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ordnum_desktop.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


def kill_after(argv: list[str], env: dict[str, str], seconds: float) -> None:
    """Starts `argv` (a real process, its output thrown away) and SIGKILLs it after `seconds`."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    time.sleep(seconds)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)


def bilan(path: Path, env: dict[str, str]) -> dict[str, Any]:
    done = ordnum("bilan", "--db", str(path), "--json", env=env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


# One interpreter runs four read commands of the CLI in turn (the same code as four `ordnum`
# processes, without paying the start-up four times per kill).
_STATE = """
import contextlib, io, json, sys
from ordnum_desktop.cli import main
out = {}
for name, argv in (("bilan", ["bilan"]), ("roster", ["roster", "list"]),
                   ("batches", ["traces", "batches"]), ("audit", ["audit"])):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = main([*argv, "--db", sys.argv[1], "--json"])
    if code != 0:
        sys.exit(f"{name}: code {code}")
    out[name] = json.loads(buf.getvalue())
print(json.dumps(out))
"""


def state(path: Path, env: dict[str, str]) -> dict[str, Any]:
    """What the coordinator sees: the bilan, the roster, the import history and the audit trail
    (clock times left out: a rerun does not happen at the same second)."""
    done = subprocess.run(
        [sys.executable, "-c", _STATE, str(path)], capture_output=True, text=True, env=env, timeout=180
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout)
    for batch in seen["batches"]:
        batch.pop("imported_at")
        batch["undone_at"] = batch["undone_at"] is not None
    seen["audit"] = [(e["entity"], e["action"], e["entity_id"]) for e in seen["audit"]]
    return seen


def workspace_with_traces(path: Path, traces: Path, env: dict[str, str]) -> None:
    """The workspace a crash test starts from, written in this process (it is the setting, not
    what is tested: a process here cost a second of start-up per test); the import's backup
    goes where `env` sends the commands' ones."""
    with pytest.MonkeyPatch.context() as here:
        if "ORDNUM_BACKUP_DIR" in env:
            here.setenv("ORDNUM_BACKUP_DIR", env["ORDNUM_BACKUP_DIR"])
        ws = Workspace.open(path, create=True)
        try:
            pid = create_preserie(
                ws, editor="E", software="S", version="1", exercise="liberal", cpams=["33", "62-artois"]
            ).id
            assert pid is not None
            add_doctor(ws, pid, last_name="Dupré", am="331234567")
            import_traces(ws, pid, traces)
        finally:
            ws.close()


def kill_at_random(
    template: Path,
    command: Callable[[Path], list[str]],
    *,
    kills: int,
    env: dict[str, str],
    after_kill: Callable[[Path, str, dict[str, Any]], None],
    earliest: float = 0.3,
    shows_a_change: bool = True,
) -> tuple[dict[str, Any], dict[str, Any], Counter[str], int, float]:
    """Runs `ordnum <command>` on copies of `template`, killed at a random moment of its run,
    between `earliest` and the end of its whole duration (measured first on an uninterrupted run,
    so the kills fall as well in the start-up and the reading as in the commit window). After each
    kill the CLI reads the copy: it must be exactly the state before (« rien ») or after (« tout »);
    then `after_kill(copy, outcome, state after)` runs the next command. `template` itself is never
    opened (an old schema stays old for every copy). `shows_a_change=False` for a command whose
    change the CLI does not show (a schema upgrade: « rien » is then upgraded by the reading and
    every outcome reads « tout »). Returns (before, after, outcomes, seed, duration)."""
    probe = template.with_name("avant-" + template.name)
    shutil.copy(template, probe)
    before = state(probe, env)
    probe.unlink()
    reference = template.with_name("reference-" + template.name)
    shutil.copy(template, reference)
    began = time.monotonic()
    done = ordnum(*command(reference), env=env)
    duration = time.monotonic() - began
    assert done.returncode == 0, done.stderr
    after = state(reference, env)
    assert (after != before) == shows_a_change

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    for n in range(kills):
        path = template.with_name(f"tue-{n}-{template.name}")
        shutil.copy(template, path)
        cli = [sys.executable, "-m", "ordnum_desktop.cli", *command(path)]
        kill_after(cli, env, duration * rng.uniform(earliest, 1.0))
        seen = state(path, env)
        context = f"(graine {seed}, arrêt n° {n})"
        assert seen in (before, after), context
        outcome = "tout" if seen == after else "rien"
        outcomes[outcome] += 1
        after_kill(path, outcome, after)
        path.unlink()
    return before, after, outcomes, seed, duration
