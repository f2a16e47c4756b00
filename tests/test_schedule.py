"""One schedule per doctor: the typed planning beside the traces (issue 17, bullet 5), and the
`planning set` / `roster list` commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.schedule import DoctorSchedule, TraceDays
from ordnum_desktop.services.planning.schedule import planning_view
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from tests.bilan_scenario import D1, D2, D4, SCENARIO, setup_roster, write

MARCH = TraceDays(date(2025, 3, 3), date(2025, 3, 4), date(2025, 3, 10))


def test_typed_date_wins_and_the_difference_is_said() -> None:
    s = DoctorSchedule(first_erx_typed=date(2025, 3, 2), traces=MARCH)
    assert s.first_erx == date(2025, 3, 2)
    assert s.first_erx_difference == "Date saisie 02/03/2025, traces : 04/03/2025."
    assert DoctorSchedule(traces=MARCH).first_erx == date(2025, 3, 4)
    assert DoctorSchedule(first_erx_typed=date(2025, 3, 4), traces=MARCH).first_erx_difference == ""


def test_traces_mean_never_late_and_silence_is_flagged() -> None:
    days = load_referentiel().thresholds.silent_days
    assert days == 7
    planned = date(2025, 2, 1)
    assert DoctorSchedule(planned=planned).late(date(2025, 3, 1))
    assert DoctorSchedule(planned=planned).flag(date(2025, 3, 1), days) == "En retard"
    with_traces = DoctorSchedule(planned=planned, traces=MARCH)
    assert not with_traces.late(date(2025, 3, 1))
    assert with_traces.flag(date(2025, 3, 16), days) == ""  # 6 days after the last trace
    assert with_traces.flag(date(2025, 3, 17), days) == "Sans trace depuis 7 jours"
    installed = DoctorSchedule(installed=date(2025, 3, 1))
    assert installed.flag(date(2025, 3, 9), days) == "Sans trace depuis 8 jours"
    assert installed.flag(date(2025, 2, 28), days) == ""  # not installed yet at that date


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "w.sqlite"
    with Workspace.open(path, create=True) as ws:
        pid, _ = setup_roster(ws)
        import_traces(ws, pid, write(tmp_path / "t.csv", SCENARIO))
    return path, pid


def test_trace_days_come_from_the_rows(workspace: tuple[Path, int]) -> None:
    path, pid = workspace
    with Workspace.open(path) as ws:
        view = planning_view(ws, pid, date(2025, 3, 10))
    by_am = {r.doctor.am: r.schedule.traces for r in view.rows}
    # D1's row of 2025-03-11 is after the date judged; its RPPS rows are another activity.
    assert by_am[D1] == TraceDays(date(2025, 3, 3), date(2025, 3, 3), date(2025, 3, 6))
    assert by_am[D2] == TraceDays(date(2025, 3, 3), date(2025, 3, 3), date(2025, 3, 10))
    assert by_am[D4] == TraceDays()
    assert view.first_erx == date(2025, 3, 3)


def test_planning_set_and_roster_list(
    workspace: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, pid = workspace
    db = str(path)
    assert main(["planning", "set", "--db", db, "--ps", D4, "--planned", "01/03/2025"]) == 0
    out = capsys.readouterr().out
    assert "installation prévue : 01/03/2025" in out
    assert "En retard" in out  # no trace at all, planned before the latest trace day
    assert (
        main(
            [
                "planning",
                "set",
                "--db",
                db,
                "--ps",
                D1,
                "--planned",
                "2025-03-01",
                "--first-erx",
                "02/03/2025",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "En retard" not in out
    assert main(["planning", "set", "--db", db, "--ps", D1, "--as-of", "20/03/2025"]) == 0
    assert "Suivi au 20/03/2025 : Sans trace depuis 9 jours." in capsys.readouterr().out
    assert "installation réalisée : 03/03/2025 (d'après les traces)" in out
    assert "Date saisie 02/03/2025, traces : 03/03/2025." in out
    with Workspace.open(path) as ws:
        plan = next(r.plan for r in planning_view(ws, pid).rows if r.doctor.am == D1)
    assert plan.planned_install == date(2025, 3, 1) and plan.first_eprescription == date(2025, 3, 2)

    assert main(["planning", "set", "--db", db, "--ps", "999", "--planned", "01/03/2025"]) == 2
    err = capsys.readouterr().err
    assert "« 999 »" in err and "ordnum roster list" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as refused:
        main(["planning", "set", "--db", db, "--ps", D1, "--planned", "31-03"])
    assert refused.value.code == 2
    assert "AAAA-MM-JJ ou JJ/MM/AAAA" in capsys.readouterr().err

    assert main(["roster", "list", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "4 médecin(s)" in out and D2 in out and "non équipé" in out
    assert main(["roster", "list", "--db", db, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["identifier"] for d in data["doctors"]] == [D1, D2, "331000003", D4]
    assert data["doctors"][0]["rpps"] == "10005173140"
