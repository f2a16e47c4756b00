"""Exports on the command line (issue 12, items 6 and 12, `--read-only`): the planning export and
the roster template never replace a file without `--force`; the planning's workbooks are written
as one set (a failure or a kill midway leaves the previous set whole); the export commands read a
file the window holds with `--read-only`."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from ordnum_desktop.cli import main
from ordnum_desktop.store.backups import list_backups
from tests.crash_cli import kill_after
from tests.lock_holders import start_holder


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def filled(populated_path: Path) -> Path:
    return populated_path


def _as_of(folder: Path) -> set[str]:
    """The « Suivi au » day of every workbook of the folder."""
    days = set()
    for path in folder.glob("planning-*.xlsx"):
        pairs = dict(load_workbook(path)["Présérie"].iter_rows(values_only=True))
        days.add(str(pairs["Suivi au"])[:10])
    return days


def test_planning_export_and_roster_template_replace_only_with_force(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "envoi"
    assert _cli(capsys, "planning", "export", "--db", str(filled), str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    code, _o, err = _cli(capsys, "planning", "export", "--db", str(filled), str(out))
    assert code != 0 and "existe déjà" in err and "--force" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    code, _o, err = _cli(capsys, "planning", "export", "--db", str(filled), str(out), "--force")
    assert code == 0, err

    template = tmp_path / "modele.xlsx"
    template.write_bytes(b"mon effectif rempli")
    code, _o, err = _cli(capsys, "roster", "template", str(template))
    assert code != 0 and "existe déjà" in err
    assert template.read_bytes() == b"mon effectif rempli"
    assert _cli(capsys, "roster", "template", str(template), "--force")[0] == 0
    assert load_workbook(template)["PS"]["A1"].value == "Nom"


def test_a_planning_export_failing_midway_leaves_the_previous_set(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "envoi"
    assert _cli(capsys, "planning", "export", "--db", str(filled), str(out), "--as-of", "2025-03-10")[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(before) == 3
    real_save = Workbook.save
    saves = {"n": 0}

    def full_at_the_third(self: Workbook, filename: str) -> None:
        saves["n"] += 1
        if saves["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device", filename)
        real_save(self, filename)

    monkeypatch.setattr(Workbook, "save", full_at_the_third)
    code, _o, err = _cli(
        capsys, "planning", "export", "--db", str(filled), str(out), "--as-of", "2025-03-20", "--force"
    )
    assert code != 0 and "le disque est plein" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no new workbook, no temp file


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_a_planning_export_killed_anywhere_is_the_old_set_or_the_new(filled: Path, tmp_path: Path) -> None:
    env = {**os.environ, "ORDNUM_BACKUP_DIR": str(tmp_path / "sauvegardes")}
    command = [sys.executable, "-m", "ordnum_desktop.cli", "planning", "export", "--db", str(filled)]
    out = tmp_path / "envoi"
    subprocess.run([*command, str(out), "--as-of", "2025-03-10"], env=env, check=True, capture_output=True)
    began = time.monotonic()
    subprocess.run(
        [*command, str(tmp_path / "mesure"), "--as-of", "2025-03-20"],
        env=env,
        check=True,
        capture_output=True,
    )
    duration = time.monotonic() - began
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for n in range(10):
        export = [*command, str(out), "--as-of", "2025-03-20", "--force"]
        kill_after(export, env, duration * rng.uniform(0.5, 1.0))
        assert len(_as_of(out)) == 1, f"(graine {seed}, arrêt n° {n})"
        assert len(list(out.glob("planning-*.xlsx"))) == 3
        # The previous day's set back for the next kill.
        subprocess.run(
            [*command, str(out), "--as-of", "2025-03-10", "--force"], env=env, check=True, capture_output=True
        )


def test_export_commands_read_a_held_file_with_read_only(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copies = len(list_backups(filled))
    holder = start_holder(filled)
    try:
        code, _o, err = _cli(capsys, "planning", "export", "--db", str(filled), str(tmp_path / "p"))
        assert code != 0 and "lecture seule" in err
        ro = ("--read-only",)
        assert _cli(capsys, "planning", "export", "--db", str(filled), *ro, str(tmp_path / "p"))[0] == 0
        assert len(list((tmp_path / "p").glob("*.xlsx"))) == 3
        code, _o, err = _cli(
            capsys, "satisfaction", "template", "--db", str(filled), *ro, str(tmp_path / "r.xlsx")
        )
        assert code == 0, err
        assert _cli(capsys, "traces", "batches", "--db", str(filled), *ro)[0] == 0
        xlsx = str(tmp_path / "b.xlsx")
        assert _cli(capsys, "bilan", "--db", str(filled), *ro, "--xlsx", xlsx)[0] == 0
        assert len(list_backups(filled)) == copies  # read, never backed up nor written
    finally:
        holder.kill()
        holder.wait()


def test_what_a_killed_export_or_backup_left_is_swept_by_the_next_one(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 12: a kill left `.export-*.xlsx`, `.bilan-*.pdf` (holding doctor names) in the output
    folder and `.part-journal` files in the backup folder. An hour old, they go with the next
    export or backup; a younger one may be another export's at work and stays."""
    out = tmp_path / "envoi"
    out.mkdir()
    old = time.time() - 2 * 3600
    stale = [out / ".export-abc123.xlsx", out / ".bilan-def456.pdf"]
    for part in stale:
        part.write_bytes(b"Dupre Elodie 331234567")
        os.utime(part, (old, old))
    young = out / ".export-en-cours.xlsx"
    young.write_bytes(b"")
    assert _cli(capsys, "planning", "export", "--db", str(filled), str(out))[0] == 0
    assert not any(p.exists() for p in stale) and young.exists()

    assert _cli(capsys, "backup", "create", "--db", str(filled))[0] == 0
    (copy,) = [b.path for b in list_backups(filled) if b.reason == "manuelle"]
    journal = copy.with_name(f"{filled.stem}-20250101-000000-000000-import.sqlite.part-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9")
    os.utime(journal, (old, old))
    assert _cli(capsys, "backup", "create", "--db", str(filled))[0] == 0
    assert not journal.exists()
