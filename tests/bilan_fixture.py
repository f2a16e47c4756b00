"""A présérie with roster, traces, prerequisites, answers and anomalies, built through the app's
services and a real traces CSV (used by the PDF, workbook and chart tests and the benchmark)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from ordnum_desktop.services.followup.prerequisites import set_prerequisite
from ordnum_desktop.services.planning.dates import update_plan
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import (
    Anomaly,
    PrerequisiteValidation,
    Preserie,
    SatisfactionAnswer,
    TechnicalPrerequisite,
)

EDITOR = "Santé & Co"
SOFTWARE = "CentreMed <Pro>"
FIRST_MONDAY = date(2025, 3, 3)


def am(i: int) -> str:
    return f"33123{i:04d}"


def populate(ws: Workspace, tmp: Path, doctors: int = 10, weeks: int = 6, deploy: bool = False) -> int:
    """Doctor i writes 10 prescriptions a week, (2 + i) of them numériques, so rates climb from
    20 % with i; doctors 0–2 stay below the threshold. One stranger adds unmatched rows.
    `deploy=True`: every criterion holds (rates from 60 %, no blocking anomaly or answer)."""
    base = 6 if deploy else 2
    p = create_preserie(
        ws,
        editor=EDITOR,
        software=SOFTWARE,
        version="4.2 =1+1",
        exercise="liberal",
        cpams=["33", "62-artois"],
        module="ON-Module 2",
    )
    pid = p.id or 0
    ids = []
    for i in range(doctors):
        d = add_doctor(
            ws,
            pid,
            last_name=f"Médecin{i}" if i else "L'Éclair <Dr>",
            first_name="Élodie",
            mode="liberal",
            am=am(i),
            equipped=True,
            compatibility_checked=True,
            consent=True,
            cpam="33",
            structure="cabinet_groupe" if i == 0 else "",
        )
        ids.append(d.id or 0)
        update_plan(
            ws,
            d.id or 0,
            planned_install=FIRST_MONDAY - timedelta(days=7 - i),
            actual_install=FIRST_MONDAY - timedelta(days=5 - i) if i % 3 else None,
            first_eprescription=FIRST_MONDAY + timedelta(days=i) if i % 3 else None,
        )
    lines = [
        "Horodatage;Identifiant PS;Identifiant ordonnance;Type de prestation;Ordonnance numérique;"
        "Opération;Code retour"
    ]
    for i in range(doctors):
        for w in range(weeks):
            day = FIRST_MONDAY + timedelta(days=7 * w + 1)
            for k in range(10):
                digital = k < min(base + i, 10)
                rx = f"RX{i}-{w}-{k}"
                ts = f"{day.isoformat()} 09:{k:02d}:00"
                lines.append(f"{ts};{am(i)};{rx};Médicaments;{'Oui' if digital else 'Non'};;")
                if digital:
                    lines.append(f"{ts};{am(i)};{rx};Médicaments;Oui;Créer;{0 if k or deploy else 3}")
            lines.append(f"{day.isoformat()} 10:00:00;{am(i)};RX{i}-{w}-0;Médicaments;Oui;Consulter;0")
            lines.append(f"{day.isoformat()} 10:05:00;{am(i)};RX{i}-{w}-0;Médicaments;Oui;Rechercher;0")
    for k in range(7):  # a stranger's rows: stored, reported, never counted
        lines.append(f"2025-03-04 11:{k:02d}:00;339999999;X{k};Biologie;Oui;;")
    csv = tmp / "traces.csv"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_traces(ws, pid, csv)
    # The follow-up is dated the day before the last trace day, so that the default bilan (at the
    # last trace day) sees it whatever the number of weeks.
    eve = FIRST_MONDAY + timedelta(days=7 * (weeks - 1))
    for code, day in (("cnda", 15), ("support", 20), ("kit", 25)):
        set_prerequisite(ws, pid, code, True, date(2025, 1, day))
    with ws.session() as s:
        for n, text in enumerate(
            ["Version 4.2 installée sur chaque poste", '=HYPERLINK("http://x") accès réseau à l\'API <ON>']
        ):
            s.add(
                TechnicalPrerequisite(
                    preserie_id=pid, position=n, text=text, created_at=datetime(2025, 3, 1, 9, n)
                )
            )
        s.add(PrerequisiteValidation(preserie_id=pid, validated_at=datetime.combine(eve, time(10, 30))))
        row = s.get(Preserie, pid)
        assert row is not None
        row.technical_prerequisites_validated_at = datetime.combine(eve, time(10, 30))
        row.kickoff_date = date(2025, 2, 20)
        row.cnda_reference = "CNDA-2025-042"
        row.cnda_date = date(2025, 1, 15)
        s.add(row)
        for n, doctor_id in enumerate(ids):
            blocking = n == 1 and not deploy
            s.add(
                SatisfactionAnswer(
                    preserie_id=pid,
                    doctor_id=doctor_id,
                    score=4 if n % 2 else 5,
                    scores_json='{"global": 4, "creation": 5}',
                    blocking=blocking,
                    blocking_text="Lenteur & coupures <réseau>" if blocking else "",
                    answered_at=datetime.combine(eve, time(11, 0)),
                )
            )
        s.add(
            Anomaly(
                preserie_id=pid,
                operation="creer",
                description="-Erreur 3 à la création",
                blocking=not deploy,
                opened_at=datetime(2025, 3, 5, 8, 0),
            )
        )
        s.add(
            Anomaly(
                preserie_id=pid,
                operation="consulter",
                description="Affichage lent",
                opened_at=datetime(2025, 3, 6, 8, 0),
                closed_at=datetime(2025, 3, 9, 8, 0),
                resolution="Correctif 4.2.1",
            )
        )
    return pid
