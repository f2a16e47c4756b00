"""Acceptance (issue 11, deliverable 2): a prolongation from day F opens period n+1; its bilan
counts, figure by figure, only the rows from F on — checked against a plain-Python reading of
the rows of the traces files the test wrote —, the anomalies opened since F or still open and the
answers given since F. Refusals: no closed bilan, a deploy bilan, F not after the closed bilan."""

from __future__ import annotations

import csv
import json
import shutil
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

import pytest

from ordnum_desktop.cli import main
from ordnum_desktop.services.followup.anomalies import add_anomaly
from ordnum_desktop.services.followup.satisfaction import record_satisfaction
from ordnum_desktop.services.lifecycle.periods import current_period
from ordnum_desktop.services.roster.doctors import add_doctor, list_doctors, update_doctor
from ordnum_desktop.services.roster.preseries import resolve_preserie
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from tests.bilan_fixture import am

FROM = "2025-04-14"
AS_OF = "2025-04-30"
NEW_AM = "331239999"
OPS = {"Créer": "creer", "Consulter": "consulter", "Rechercher": "rechercher"}


def _out(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = 0) -> str:
    assert main(argv) == code, capsys.readouterr().err
    return capsys.readouterr().out


def _later_rows(path: Path) -> Path:
    """Rows before F (late rows of period 1), a prescription that straddles F, rows after F of
    three old doctors and of the doctor added by the extension, and a stranger's row."""
    lines = [
        "Horodatage;Identifiant PS;Identifiant ordonnance;Type de prestation;"
        "Ordonnance numérique;Opération;Code retour"
    ]
    lines += [f"2025-04-10 09:0{k}:00;{am(3)};LATE{k};Médicaments;Oui;Créer;0" for k in range(4)]
    lines.append(f"2025-04-11 09:00:00;{am(4)};STRADDLE;Médicaments;Non;;")
    lines.append(f"2025-04-15 09:00:00;{am(4)};STRADDLE;Médicaments;Oui;Créer;0")
    for n, ident in enumerate([am(4), am(5), am(6), NEW_AM]):
        for k in range(10):
            ts = f"2025-04-{15 + n}T1{k % 10}:00:00"
            digital = k < 5 + n
            lines.append(f"{ts};{ident};NEW{n}-{k};Biologie;{'Oui' if digital else 'Non'};;")
            if digital:
                lines.append(f"{ts};{ident};NEW{n}-{k};Biologie;Oui;Créer;{0 if k % 4 else 500}")
        lines.append(f"2025-04-2{n} 08:00:00;{ident};NEW{n}-0;Biologie;Oui;Consulter;0")
        lines.append(f"2025-04-2{n} 08:30:00;{ident};NEW{n}-1;Biologie;Oui;Rechercher;{n}")
    lines.append(f"2025-05-02 08:00:00;{am(5)};AFTER;Biologie;Oui;Créer;0")  # after the as-of day
    lines.append("2025-04-16 08:00:00;339999999;XX;Biologie;Oui;;")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _plain_reading(files: list[Path], users: list[str], roster: set[str]) -> dict:
    """The period's figures read from the files with `csv` alone: rows with F <= day <= D."""
    presc: dict[tuple[str, str], dict[str, bool]] = {}
    ops: dict[str, list[int]] = {op: [0, 0] for op in OPS.values()}
    unmatched = 0
    seen: set[tuple[str, ...]] = set()
    for f in files:
        with f.open(encoding="utf-8") as fh:
            reader = csv.reader(fh, delimiter=";")
            next(reader)
            for ts, ident, rx, _prest, digital, op, code in reader:
                ts = ts.replace("T", " ")
                key = (ts, ident, rx, op, code)
                if key in seen or not (FROM <= ts[:10] <= AS_OF):
                    continue
                seen.add(key)
                if ident not in roster:
                    unmatched += 1
                    continue
                if ident not in users:
                    continue
                p = presc.setdefault((ident, rx), {"digital": False, "registered": False})
                p["digital"] |= digital == "Oui"
                if op:
                    name = OPS[op]
                    ops[name][0] += 1
                    ops[name][1] += code == "0"
                    if name == "creer" and code == "0":
                        p["registered"] = True
    per_doctor: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (ident, _rx), p in presc.items():
        per_doctor[ident][0] += 1
        per_doctor[ident][1] += p["digital"]
    created = sum(1 for p in presc.values() if p["digital"])
    registered = sum(1 for p in presc.values() if p["digital"] and p["registered"])
    return {
        "doctors": dict(per_doctor),
        "created": created,
        "registered": registered,
        "ops": ops,
        "unmatched": unmatched,
    }


def test_extended_period_counts_only_rows_from_its_first_day(
    tmp_path: Path, populated_template: Path, populated_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The bilan fixture: 10 doctors, period 1 fails (rates, blocking anomaly, answer).
    path = populated_path
    db = ["--db", str(path)]

    # No closed bilan yet: a prolongation is refused.
    assert main(["preserie", "extend", *db, "--from", FROM]) == 2
    assert "Aucun bilan clos" in capsys.readouterr().err
    _out(capsys, ["bilan", "close", *db, "--as-of", "2025-04-08", "--meeting-date", "2025-04-09"])
    assert main(["preserie", "extend", *db, "--from", "2025-04-08"]) == 2
    assert "postérieure" in capsys.readouterr().err

    out = json.loads(
        _out(
            capsys,
            [
                "preserie",
                "extend",
                *db,
                "--from",
                FROM,
                "--version",
                "4.3",
                "--reason",
                "Correctif créer",
                "--json",
            ],
        )
    )
    assert out["period"] == {
        "number": 2,
        "from": FROM,
        "software_version": "4.3",
        "previous_version": "4.2 =1+1",
        "after_bilan": 1,
        "reason": "Correctif créer",
    }
    assert main(["preserie", "extend", *db, "--from", "2025-04-20"]) == 2
    assert "déjà été prolongée" in capsys.readouterr().err

    later = _later_rows(tmp_path / "avril.csv")
    ws = Workspace.open(path)
    try:
        pid = resolve_preserie(ws, None).id or 0
        import_traces(ws, pid, later)
        doctors = list_doctors(ws, pid)
        # Extension to another PS; doctor 0 stops using the software: still 10 users.
        update_doctor(ws, doctors[0].id or 0, equipped=False)
        add_doctor(
            ws,
            pid,
            last_name="Nouveau",
            first_name="Paul",
            mode="liberal",
            am=NEW_AM,
            equipped=True,
            compatibility_checked=True,
            consent=True,
            cpam="33",
        )
        # Follow-up: an anomaly opened before F and still open counts; one closed before F not;
        # the answers of period 1 (dated 2025-04-07) do not count, one given after F does.
        add_anomaly(ws, pid, "rechercher", "Recherche lente", when=datetime(2025, 4, 16, 9, 0))
        record_satisfaction(ws, pid, am(2), 5, when=datetime(2025, 4, 25, 10, 0))
        assert current_period(ws, pid).number == 2
    finally:
        ws.close()

    bilan = json.loads(_out(capsys, ["bilan", *db, "--as-of", AS_OF, "--json"]))
    assert bilan["period"] == {"number": 2, "from": FROM, "software_version": "4.3"}

    users = [am(i) for i in range(1, 10)] + [NEW_AM]
    roster = {am(i) for i in range(10)} | {NEW_AM}
    first = populated_template.with_name("traces.csv")  # the file the fixture imported
    plain = _plain_reading([first, later], users, roster)
    got = {
        d["identifier"]: (d["prescriptions"], d["digital"])
        for d in bilan["criteria"]["doctor_rate"]["doctors"]
    }
    assert list(got) == users
    for ident in users:
        assert got[ident] == tuple(plain["doctors"].get(ident, [0, 0])), ident
    assert got[am(1)] == (0, 0)  # only rows before F: nothing in period 2
    assert got[am(4)][0] == 11  # the straddling prescription counts once, from its rows after F
    reg = bilan["criteria"]["registration"]
    assert (reg["created"], reg["registered"]) == (plain["created"], plain["registered"])
    for op, (calls, ok) in plain["ops"].items():
        assert bilan["criteria"]["operations"][op] == {"calls": calls, "succeeded": ok}, op
    assert bilan["unmatched_rows"] == plain["unmatched"] == 1
    # The blocking anomaly of period 1 is still open: it still counts.
    assert bilan["criteria"]["operations"]["open_blocking_anomalies"] == 1
    sat = bilan["criteria"]["satisfaction"]
    assert (sat["expected"], sat["answered"], sat["blocking"]) == (10, 1, 0)
    # The roster rules apply to the current roster: an 11th user is one too many.
    assert bilan["preconditions"]["failed"] == []
    ws = Workspace.open(path)
    try:
        add_doctor(
            ws,
            pid,
            last_name="Onzième",
            mode="liberal",
            am="331238888",
            equipped=True,
            compatibility_checked=True,
            consent=True,
            cpam="33",
        )
    finally:
        ws.close()
    again = json.loads(_out(capsys, ["bilan", *db, "--as-of", AS_OF, "--json"]))
    assert "too_many_ps" in [f["code"] for f in again["preconditions"]["failed"]]
    # The bilan of period 1, reprinted at its day, is unchanged by the period that followed.
    closed = json.loads(_out(capsys, ["bilan", "show", *db, "1", "--json"]))
    assert closed["period"] == {"number": 1, "from": None, "software_version": "4.2 =1+1"}


def test_extend_refused_after_a_deploy_bilan(deploy_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(deploy_path)]
    _out(capsys, ["bilan", "close", *db, "--meeting-date", "2025-04-20"])
    assert main(["preserie", "extend", *db, "--from", "2025-04-25"]) == 2
    err = capsys.readouterr().err
    assert "conclut au déploiement" in err and "étapes du déploiement" in err


def test_an_older_file_is_in_period_one(tmp_path: Path) -> None:
    """The 0005 fixture, upgraded: no prolongation, period 1 with the présérie's version."""
    path = tmp_path / "ancien.sqlite"
    shutil.copyfile(Path(__file__).parent / "data" / "workspace-0005.sqlite", path)
    ws = Workspace.open(path)
    try:
        from ordnum_desktop.services.bilan.compute import compute_bilan

        (period,) = [current_period(ws, 1)]
        assert (period.number, period.start, period.software_version) == (1, None, "4.2")
        assert compute_bilan(ws, 1, date(2025, 3, 31)).period == period
    finally:
        ws.close()


def test_later_bilan_compares_with_the_previous_closed_one(
    tmp_path: Path, populated_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Deliverable 3: the PDF of the period-2 bilan shows bilan n° 1's figures beside its own, per
    criterion and per doctor, from one comparison (domain/bilan_comparison.py)."""
    from pypdf import PdfReader

    from ordnum_desktop.services.bilan.document import gather_bilan_document

    path = populated_path
    db = ["--db", str(path)]
    _out(capsys, ["bilan", "close", *db, "--as-of", "2025-04-08", "--meeting-date", "2025-04-09"])
    _out(capsys, ["preserie", "extend", *db, "--from", FROM, "--version", "4.3"])
    later = _later_rows(tmp_path / "avril.csv")
    ws = Workspace.open(path)
    try:
        pid = resolve_preserie(ws, None).id or 0
        import_traces(ws, pid, later)
        doc = gather_bilan_document(ws, pid, date(2025, 4, 30))
    finally:
        ws.close()
    c = doc.comparison
    assert c is not None and c.previous.number == 1
    by_id = {d.identifier: d for d in c.doctors}
    closed = json.loads(_out(capsys, ["bilan", "show", *db, "1", "--json"]))
    first = {d["identifier"]: d["rate"] for d in closed["criteria"]["doctor_rate"]["doctors"]}
    now = {d.identifier: d.rate for d in doc.bilan.doctor_rate.doctors}
    change = by_id[am(4)].change
    assert by_id[am(4)].previous.rate == first[am(4)] and change is not None  # type: ignore[union-attr]
    assert change == round(now[am(4)] - first[am(4)], 4)  # type: ignore[operator]
    pdf = tmp_path / "bilan-2.pdf"
    _out(capsys, ["bilan", *db, "--as-of", AS_OF, "--pdf", str(pdf)])
    text = " ".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert "Comparaison avec le bilan n° 1 au 08/04/2025" in text and "Évolution" in text
