"""The bilan, figure by figure, on small hand-made traces (each rule of the spec has its case)."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from ordnum_desktop.domain.bilan_rules import WeekPoint
from ordnum_desktop.services import followup
from ordnum_desktop.services.bilan.compute import compute_bilan, weekly_series
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Anomaly, SatisfactionAnswer, TechnicalPrerequisite
from tests.bilan_scenario import D1, D1_RPPS, D2, D3, D4, SCENARIO, STRANGER, setup_roster, write

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines


def test_scenario_figure_by_figure(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "t.csv", SCENARIO))
    b = compute_bilan(ws, pid, as_of=date(2025, 3, 10)).as_json()
    c = b["criteria"]
    assert b["as_of"] == "2025-03-10"
    rate = c["doctor_rate"]
    assert [
        (d["identifier"], d["prescriptions"], d["digital"], d["rate"], d["met"]) for d in rate["doctors"]
    ] == [
        (D1, 3, 2, 0.6667, True),  # P4 is after the cut; the RPPS activity is not counted
        (D2, 4, 2, 0.5, True),  # exactly the threshold meets it
        (D4, 0, 0, None, False),  # a user doctor without traces has no rate and fails
    ]
    assert [d["name"] for d in rate["doctors"]] == ["Un", "Deux", "Quatre"]
    assert rate["met"] is False and rate["threshold"] == 0.5
    assert c["registration"] == {"met": True, "threshold": 0.7, "created": 4, "registered": 3, "rate": 0.75}
    ops = c["operations"]
    assert ops["creer"] == {"calls": 5, "succeeded": 3}
    assert ops["consulter"] == {"calls": 1, "succeeded": 1}
    assert ops["rechercher"] == {"calls": 1, "succeeded": 1}
    assert ops["met"] is True
    assert b["unmatched_rows"] == 4
    assert b["unmatched"] == [
        {"identifier": D1_RPPS, "rows": 2, "other_activity_of": "Un"},  # D1's other activity, named
        {"identifier": STRANGER, "rows": 2, "other_activity_of": None},
    ]
    assert b["decision"] == "extend"
    assert b["failed"] == ["doctor_rate", "prerequisites", "satisfaction"]


def test_as_of_cut_and_default_as_of_is_the_latest_trace_day(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "t.csv", SCENARIO))
    early = compute_bilan(ws, pid, as_of=date(2025, 3, 3)).as_json()
    assert [(d["prescriptions"], d["digital"]) for d in early["criteria"]["doctor_rate"]["doctors"]] == [
        (1, 1),
        (1, 1),
        (0, 0),
    ]
    latest = compute_bilan(ws, pid).as_json()
    assert latest["as_of"] == "2025-03-11"
    assert latest["criteria"]["doctor_rate"]["doctors"][0]["prescriptions"] == 4
    assert latest["criteria"]["doctor_rate"]["doctors"][0]["rate"] == 0.75


def test_empty_workspace_bilan_is_dated_today_and_fails_everything(
    ws: Workspace, liberal_preserie_id: int
) -> None:
    b = compute_bilan(ws, liberal_preserie_id).as_json()
    assert b["as_of"] == date.today().isoformat()
    assert b["failed"] == ["doctor_rate", "registration", "operations", "prerequisites", "satisfaction"]
    assert b["criteria"]["registration"]["rate"] is None and b["unmatched_rows"] == 0


def test_a_doctor_added_after_the_import_matches_at_once(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "t.csv", SCENARIO))
    add_doctor(ws, pid, last_name="Cinq", am=STRANGER, equipped=True)
    b = compute_bilan(ws, pid, as_of=date(2025, 3, 10)).as_json()
    assert b["criteria"]["doctor_rate"]["doctors"][-1]["identifier"] == STRANGER
    assert b["criteria"]["doctor_rate"]["doctors"][-1]["prescriptions"] == 1
    assert b["unmatched_rows"] == 2


def test_criteria_3_4_5_and_deploy_decision(ws: Workspace, tmp_path: Path) -> None:
    pid, ids = setup_roster(ws)
    lines = [line for line in SCENARIO if f";{D2};" not in line]  # D2 stays, with no traces…
    lines += [
        f"2025-03-03 15:00;{D2};Q1;Médicaments;Oui;Créer;0",  # …but now at 100 %
        f"2025-03-03 09:00;{D4};R1;Médicaments;Oui;Créer;0",
        f"2025-03-03 09:10;{D4};R1;Médicaments;Oui;Rechercher;0",
    ]
    import_traces(ws, pid, write(tmp_path / "t.csv", lines))
    for code in ("cnda", "support", "kit"):
        followup.set_prerequisite(ws, pid, code, True, date(2025, 1, 20))
    followup.update_preserie(ws, pid, cnda_reference="CNDA-1")
    followup.add_technical_prerequisite(ws, pid, "Version 4.2 sur chaque poste", when=datetime(2025, 3, 1))
    followup.validate_technical_prerequisites(ws, pid, when=datetime(2025, 3, 2, 9, 0))
    with ws.session() as s:
        for doctor_id in (ids[0], ids[1], ids[3]):  # every user doctor answered; ids[2] is not one
            s.add(
                SatisfactionAnswer(
                    preserie_id=pid, doctor_id=doctor_id, score=4, answered_at=datetime(2025, 3, 8)
                )
            )
        anomaly = Anomaly(
            preserie_id=pid,
            operation="creer",
            description="Erreur 503",
            blocking=True,
            opened_at=datetime(2025, 3, 3),
        )
        s.add(anomaly)
    b = compute_bilan(ws, pid, as_of=date(2025, 3, 10)).as_json()
    assert b["failed"] == ["operations"]  # the open blocking anomaly
    assert b["criteria"]["operations"]["open_blocking_anomalies"] == 1
    with ws.session() as s:
        row = s.get(Anomaly, anomaly.id)
        assert row is not None
        row.closed_at = datetime(2025, 3, 9, 10, 0)
        s.add(row)
    b = compute_bilan(ws, pid, as_of=date(2025, 3, 10)).as_json()
    assert b["failed"] == [] and b["decision"] == "deploy"
    assert b["criteria"]["prerequisites"] == {"met": True, "count": 1, "validated_at": "2025-03-02 09:00:00"}
    assert b["criteria"]["satisfaction"]["met"] is True
    # One answer reporting a blocking obstacle fails criterion 5.
    with ws.session() as s:
        a = s.get(SatisfactionAnswer, 1)
        assert a is not None
        a.blocking = True
        s.add(a)
    assert compute_bilan(ws, pid, as_of=date(2025, 3, 10)).as_json()["failed"] == ["satisfaction"]


def test_satisfaction_needs_every_user_doctor(ws: Workspace, tmp_path: Path) -> None:
    pid, ids = setup_roster(ws)
    with ws.session() as s:
        s.add(SatisfactionAnswer(preserie_id=pid, doctor_id=ids[0], score=5))
    sat = compute_bilan(ws, pid).as_json()["criteria"]["satisfaction"]
    assert sat == {
        "met": False,
        "expected": 3,
        "answered": 1,
        "blocking": 0,
        "other_answers": 0,
        "other_blocking": 0,
    }


def test_prerequisites_need_a_list_and_its_validation(ws: Workspace, liberal_preserie_id: int) -> None:
    pid = liberal_preserie_id
    with ws.session() as s:
        s.add(TechnicalPrerequisite(preserie_id=pid, text="Réseau"))
    assert compute_bilan(ws, pid).as_json()["criteria"]["prerequisites"]["met"] is False


def test_weekly_series_per_user_doctor(ws: Workspace, tmp_path: Path) -> None:
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "t.csv", SCENARIO))
    series = weekly_series(ws, pid, as_of=date(2025, 3, 11))
    assert list(series) == [D1, D2, D4]
    assert [w.as_json() for w in series[D1]] == [
        {"week": "2025-03-03", "prescriptions": 3, "digital": 2, "rate": 0.6667},
        {"week": "2025-03-10", "prescriptions": 1, "digital": 1, "rate": 1.0},
    ]
    assert series[D2][1] == WeekPoint(date(2025, 3, 10), prescriptions=1, digital=0)
    assert series[D2][1].rate == 0.0
    assert [w.prescriptions for w in series[D4]] == [0, 0]


# --- property: re-importing or splitting a file changes no figure -------------------------------

row_strategy = st.tuples(
    st.integers(0, 20),  # minute offset
    st.sampled_from([D1, D2, D3, STRANGER]),
    st.integers(0, 6),  # prescription
    st.booleans(),  # digital
    st.sampled_from(["", "Créer", "Consulter", "Rechercher"]),
    st.sampled_from(["0", "0", "503"]),
)


def _lines(rows: list[tuple[int, str, int, bool, str, str]]) -> list[str]:
    return [
        f"2025-03-{3 + m // 7:02d} 09:{m:02d};{ps};P{n};Biologie;{'Oui' if dig else 'Non'};{op};"
        f"{code if op else ''}"
        for m, ps, n, dig, op, code in rows
    ]


def _bilan_after(imports: list[list[str]], tmp: Path) -> dict:
    ws = Workspace.open(tmp / "w.sqlite", create=True)
    try:
        pid, _ = setup_roster(ws)
        for k, lines in enumerate(imports):
            import_traces(ws, pid, write(tmp / f"part{k}.csv", lines))
        return compute_bilan(ws, pid, as_of=date(2025, 3, 31)).as_json()
    finally:
        ws.close()


@pytest.mark.slow
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row_strategy, min_size=1, max_size=25), st.data())
def test_importing_twice_or_in_overlapping_parts_gives_the_same_bilan(
    rows: list, data: st.DataObject
) -> None:
    lines = _lines(rows)
    cut_a = data.draw(st.integers(0, len(lines)))
    cut_b = data.draw(st.integers(0, len(lines)))
    lo, hi = min(cut_a, cut_b), max(cut_a, cut_b)
    with (
        tempfile.TemporaryDirectory() as a,
        tempfile.TemporaryDirectory() as b,
        tempfile.TemporaryDirectory() as c,
    ):
        once = _bilan_after([lines], Path(a))
        twice = _bilan_after([lines, lines], Path(b))
        # parts [0, hi) and [lo, end) overlap on [lo, hi)
        parts = _bilan_after([lines[:hi] or lines[:1], lines[lo:] or lines[-1:]], Path(c))
    assert once == twice == parts


# --- the per-day summary cache follows every change of the rows --------------------------------


def test_summary_cache_follows_imports_undo_and_damage(ws: Workspace, tmp_path: Path) -> None:
    from ordnum_desktop.services.traces.undo import undo_batch

    pid, _ = setup_roster(ws)
    first = import_traces(ws, pid, write(tmp_path / "a.csv", SCENARIO[:6]))
    before = compute_bilan(ws, pid, as_of=date(2025, 3, 31)).as_json()
    assert before["criteria"]["doctor_rate"]["doctors"][0]["prescriptions"] == 3
    with ws.session() as s:  # the summary was stored
        assert (
            s.connection()
            .execute(text("SELECT count(*) FROM app_meta WHERE key = :k"), {"k": f"bilan_summary:{pid}"})
            .scalar()
            == 1
        )
    second = import_traces(ws, pid, write(tmp_path / "b.csv", SCENARIO[6:]))
    after = compute_bilan(ws, pid, as_of=date(2025, 3, 31)).as_json()
    assert after["criteria"]["doctor_rate"]["doctors"][0]["prescriptions"] == 4
    assert after == compute_bilan(ws, pid, as_of=date(2025, 3, 31)).as_json()  # from the cache: same figures

    undo_batch(ws, second.batch_id or 0)
    assert compute_bilan(ws, pid, as_of=date(2025, 3, 31)).as_json()["criteria"] == before["criteria"]
    undo_batch(ws, first.batch_id or 0)
    assert (
        compute_bilan(ws, pid, as_of=date(2025, 3, 31)).as_json()["criteria"]["doctor_rate"]["doctors"][0][
            "prescriptions"
        ]
        == 0
    )

    import_traces(ws, pid, write(tmp_path / "c.csv", SCENARIO))
    with ws.session() as s:
        s.connection().execute(
            text("UPDATE app_meta SET value = '{not json' WHERE key = :k"), {"k": f"bilan_summary:{pid}"}
        )
    assert (
        compute_bilan(ws, pid, as_of=date(2025, 3, 10)).as_json()["criteria"]["registration"]["registered"]
        == 3
    )


def test_bilan_on_a_read_only_workspace(ws: Workspace, ws_path: Path, tmp_path: Path) -> None:
    pid, _ = setup_roster(ws)
    import_traces(ws, pid, write(tmp_path / "t.csv", SCENARIO))
    expected = compute_bilan(ws, pid, as_of=date(2025, 3, 10)).as_json()
    import_traces(ws, pid, write(tmp_path / "u.csv", [f"2025-03-12 08:00;{D1};P5;Biologie;Non;;"]))
    ws.close()
    ro = Workspace.open(ws_path, read_only=True)
    try:
        assert (
            compute_bilan(ro, pid, as_of=date(2025, 3, 10)).as_json() == expected
        )  # stale cache rebuilt in memory
    finally:
        ro.close()


# --- the bilan against a plain Python reading of the spec, on random traces --------------------

oracle_row = st.tuples(
    st.integers(0, 13 * 24 - 1),  # hour offset over two weeks
    st.sampled_from([D1, D2, D3, D4, D1_RPPS, STRANGER]),
    st.integers(0, 5),
    st.booleans(),
    st.sampled_from(["", "", "Créer", "Consulter", "Rechercher"]),
    st.sampled_from(["0", "0", "7"]),
)


def _oracle(rows: list[tuple[str, str, str, bool, str, str]], cut: str) -> dict:
    """The spec read literally: first stored copy of each duplicate key, rows on or before D."""
    kept: dict[tuple, tuple] = {}
    for row in rows:
        ts, ps, pid, dig, op, code = row
        kept.setdefault((ts, ps, pid, op, code if op else ""), row)
    live = [r for r in kept.values() if r[0] <= cut]
    users = [D1, D2, D4]  # equipped, roster order (D3 is not equipped)
    doctors = []
    for ident in users:
        mine = [r for r in live if r[1] == ident]
        presc = {r[2] for r in mine}
        digital = {r[2] for r in mine if r[3]}
        rate = round(len(digital) / len(presc), 4) if presc else None
        doctors.append((ident, len(presc), len(digital), rate))
    user_rows = [r for r in live if r[1] in users]
    created = {(r[1], r[2]) for r in user_rows if r[3]}
    ok = {(r[1], r[2]) for r in user_rows if r[4] == "Créer" and r[5] == "0"}
    ops = {
        op: (
            sum(1 for r in user_rows if r[4] == label),
            sum(1 for r in user_rows if r[4] == label and r[5] == "0"),
        )
        for op, label in (("creer", "Créer"), ("consulter", "Consulter"), ("rechercher", "Rechercher"))
    }
    unmatched = sum(1 for r in live if r[1] not in (D1, D2, D3, D4))
    return {
        "doctors": doctors,
        "created": len(created),
        "registered": len(created & ok),
        "ops": ops,
        "unmatched": unmatched,
    }


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(oracle_row, min_size=1, max_size=60), st.integers(0, 14))
def test_bilan_matches_a_literal_reading_of_the_spec(raw: list, cut_day: int) -> None:
    rows = []
    for hour, ps, n, dig, op, code in raw:
        when = datetime(2025, 3, 3) + timedelta(hours=hour)
        rows.append((when.strftime("%Y-%m-%d %H:%M:%S"), ps, f"P{n}", dig, op, code if op else ""))
    as_of = date(2025, 3, 3) + timedelta(days=cut_day)
    expected = _oracle(rows, f"{as_of.isoformat()} 23:59:59")
    lines = [
        f"{ts};{ps};{pid};Biologie;{'Oui' if dig else 'Non'};{op};{code}"
        for ts, ps, pid, dig, op, code in rows
    ]
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "w.sqlite", create=True)
        try:
            pid, _ = setup_roster(ws)
            import_traces(ws, pid, write(Path(tmp) / "t.csv", lines))
            b = compute_bilan(ws, pid, as_of=as_of).as_json()
        finally:
            ws.close()
    c = b["criteria"]
    assert [
        (d["identifier"], d["prescriptions"], d["digital"], d["rate"]) for d in c["doctor_rate"]["doctors"]
    ] == expected["doctors"]
    assert (c["registration"]["created"], c["registration"]["registered"]) == (
        expected["created"],
        expected["registered"],
    )
    assert {
        op: (c["operations"][op]["calls"], c["operations"][op]["succeeded"])
        for op in ("creer", "consulter", "rechercher")
    } == expected["ops"]
    assert b["unmatched_rows"] == expected["unmatched"]
