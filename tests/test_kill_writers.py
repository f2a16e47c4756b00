"""Undo, restore, roster import and answers import killed at random moments (issue 12, item 1 and
the acceptance): after each SIGKILL the `ordnum` command line opens the file first, finds exactly
the state before or the state after (bilan, roster, import history, audit trail), and the next
command succeeds. The counts are printed (`pytest -s`) for the issue's note."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from ordnum_desktop.services.followup.satisfaction_workbook import write_satisfaction_template
from tests.crash_cli import kill_at_random, ordnum, state, workspace_with_traces
from tests.rosters import liberal_row, write_roster
from tests.trace_files import rows, write_csv

pytestmark = [
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
    pytest.mark.slow,
]

# 12 random moments per writer in `make test` (each kill costs ~5 s: the killed run, the reading,
# the next command); ORDNUM_CRASH_KILLS=50 for a deeper run. Every fdatasync point is killed
# in tests/test_injected_faults.py, whatever this number.
KILLS = int(os.environ.get("ORDNUM_CRASH_KILLS", "12"))
# Enough rows for the commit window to be a good share of the run; eight users (the rules allow
# ten), the others listed as not equipped.
DOCTORS = 300


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "ORDNUM_BACKUP_DIR": str(tmp_path / "sauvegardes")}


def _am(i: int) -> str:
    return f"33{i:07d}"


def _big_roster(path: Path) -> Path:
    return write_roster(
        path,
        [
            liberal_row(i, **{"N° AM": _am(i), "Nom": f"Nom{i}", "Équipé": "Oui" if i < 8 else "Non"})
            for i in range(DOCTORS)
        ],
    )


def _rerun(command: list[str], env: dict[str, str]) -> None:
    done = ordnum(*command, env=env)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def test_an_undo_killed_anywhere_is_all_or_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    template = tmp_path / "annulation.sqlite"
    workspace_with_traces(template, write_csv(tmp_path / "traces.csv", rows(80_000)), env)
    small = write_csv(tmp_path / "suivant.csv", rows(300, prefix="SU"))

    def command(path: Path) -> list[str]:
        return ["traces", "undo", "--db", str(path), "1"]

    def after_kill(path: Path, outcome: str, after: dict[str, Any]) -> None:
        if outcome == "rien":
            _rerun(command(path), env)
            assert state(path, env)["bilan"] == after["bilan"]
        else:  # the next import is accepted (lock taken over, file writable)
            _rerun(["traces", "import", "--db", str(path), str(small)], env)

    _before, after, outcomes, seed, duration = kill_at_random(
        template, command, kills=KILLS, env=env, after_kill=after_kill
    )
    assert sum(outcomes.values()) == KILLS
    print(f"undo: {KILLS} kills over {duration:.1f} s: {dict(outcomes)}; seed {seed}")


def test_a_restore_killed_anywhere_is_all_or_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    template = tmp_path / "restauration.sqlite"
    workspace_with_traces(template, write_csv(tmp_path / "traces.csv", rows(30_000)), env)
    # The copy restored: the workspace before a second, big import (its « avant import » copy).
    assert ordnum("backup", "create", "--db", str(template), env=env).returncode == 0
    listing = ordnum("backup", "list", "--db", str(template), "--json", env=env)
    saved = json.loads(listing.stdout)["backups"][0]["file"]
    second = write_csv(tmp_path / "second.csv", rows(30_000, prefix="SE"))
    _rerun(["traces", "import", "--db", str(template), str(second)], env)

    def command(path: Path) -> list[str]:
        return ["backup", "restore", "--db", str(path), saved]

    def after_kill(path: Path, outcome: str, after: dict[str, Any]) -> None:
        _rerun(command(path), env)  # again, or for the first time: the same content back
        if outcome == "rien":
            assert state(path, env)["bilan"] == after["bilan"]

    _before, after, outcomes, seed, duration = kill_at_random(
        template, command, kills=KILLS, env=env, after_kill=after_kill
    )
    print(f"restore: {KILLS} kills over {duration:.1f} s: {dict(outcomes)}; seed {seed}")


def test_a_roster_import_killed_anywhere_is_all_or_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    template = tmp_path / "effectif.sqlite"
    workspace_with_traces(template, write_csv(tmp_path / "traces.csv", rows(2_000)), env)
    roster = _big_roster(tmp_path / "effectif.xlsx")

    def command(path: Path) -> list[str]:
        return ["roster", "import", "--db", str(path), "--replace", str(roster)]

    def after_kill(path: Path, outcome: str, after: dict[str, Any]) -> None:
        _rerun(command(path), env)
        if outcome == "rien":
            assert state(path, env)["roster"] == after["roster"]

    _before, after, outcomes, seed, duration = kill_at_random(
        template, command, kills=KILLS, env=env, after_kill=after_kill
    )
    print(f"roster import: {KILLS} kills over {duration:.1f} s: {dict(outcomes)}; seed {seed}")


def test_an_answers_import_killed_anywhere_is_all_or_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    template = tmp_path / "reponses.sqlite"
    workspace_with_traces(template, write_csv(tmp_path / "traces.csv", rows(2_000)), env)
    _rerun(
        ["roster", "import", "--db", str(template), "--replace", str(_big_roster(tmp_path / "e.xlsx"))], env
    )
    # The app's own template gives the header row; one answer per doctor.
    header_source = write_satisfaction_template(tmp_path / "modele.xlsx")
    header = [c.value for c in load_workbook(header_source)["Réponses"][1]]
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "Réponses"
    sheet.append(header)
    for i in range(DOCTORS):
        sheet.append([_am(i), f"Nom{i}", "Élodie", 4, 3, 5, 4, 2, "Non", "", f"Réponse {i}"])
    answers = tmp_path / "reponses.xlsx"
    wb.save(answers)

    def command(path: Path) -> list[str]:
        return ["satisfaction", "import", "--db", str(path), "--date", "2025-03-03", str(answers)]

    def after_kill(path: Path, outcome: str, after: dict[str, Any]) -> None:
        _rerun(command(path), env)  # after « tout », it replaces the answers by the same ones
        if outcome == "rien":
            assert state(path, env)["bilan"] == after["bilan"]

    _before, after, outcomes, seed, duration = kill_at_random(
        template, command, kills=KILLS, env=env, after_kill=after_kill
    )
    assert after["bilan"]["criteria"]["satisfaction"]["answered"] > 0
    print(f"answers import: {KILLS} kills over {duration:.1f} s: {dict(outcomes)}; seed {seed}")
