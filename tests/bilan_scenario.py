"""The small hand-written traces scenario of the bilan tests (four rostered doctors, a second
activity of the first one, a stranger) and the roster it is read against."""

from __future__ import annotations

from pathlib import Path

from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.workspace.session import Workspace

HEADER = (
    "Horodatage;Identifiant PS;Identifiant ordonnance;Type de prestation;Ordonnance numérique;"
    "Opération;Code retour"
)
D1, D2, D3, D4 = "331000001", "331000002", "331000003", "331000004"
D1_RPPS = "10005173140"  # the same person's salaried activity: another exercise situation
STRANGER = "339999999"

SCENARIO = [
    # D1 — P1: e-prescription, créer failed then retried with success (one registered prescription)
    f"2025-03-03 09:00;{D1};P1;Médicaments;Oui;;",
    f"2025-03-03 09:00;{D1};P1;Médicaments;Oui;Créer;503",
    f"2025-03-03 09:01;{D1};P1;Médicaments;Oui;Créer;0",
    # P2: e-prescription, created and consulted
    f"2025-03-04 10:00;{D1};P2;Biologie;Oui;Créer;0",
    f"2025-03-05 10:00;{D1};P2;Biologie;Oui;Consulter;0",
    # P3: paper
    f"2025-03-06 10:00;{D1};P3;Médicaments;Non;;",
    # P4: after the as-of day of the first checks
    f"2025-03-11 08:00;{D1};P4;Médicaments;Oui;Créer;0",
    # D1's other activity (RPPS): left out, unmatched
    f"2025-03-04 11:00;{D1_RPPS};P9;Médicaments;Oui;;",
    f"2025-03-04 11:00;{D1_RPPS};P9;Médicaments;Oui;Créer;0",
    # D2 — P1 recorded as paper, then a later row says numérique: an e-prescription
    f"2025-03-03 14:00;{D2};P1;Médicaments;Non;;",
    f"2025-03-03 14:02;{D2};P1;Médicaments;Oui;Créer;0",
    # P2: e-prescription whose créer only failed (not registered), then a successful rechercher
    f"2025-03-04 14:00;{D2};P2;Biologie;Oui;Créer;500",
    f"2025-03-04 14:05;{D2};P2;Biologie;Oui;Rechercher;0",
    f"2025-03-05 14:00;{D2};P3;Biologie;Non;;",
    f"2025-03-10 23:59:59;{D2};P4;Biologie;Non;;",  # last second of the as-of day: counted
    # D3, not equipped: matched (not unmatched) but left out of every criterion
    f"2025-03-04 09:00;{D3};P1;Médicaments;Oui;Créer;0",
    f"2025-03-04 09:05;{D3};P1;Médicaments;Oui;Consulter;0",
    # a stranger
    f"2025-03-05 09:00;{STRANGER};X1;Biologie;Oui;;",
    f"2025-03-05 09:00;{STRANGER};X1;Biologie;Oui;Créer;0",
]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def setup_roster(ws: Workspace) -> tuple[int, list[int]]:
    """Three user doctors: a valid roster thanks to the small market share (3 at least)."""
    p = create_preserie(
        ws,
        editor="Éditeur",
        software="Logiciel",
        version="1",
        exercise="liberal",
        cpams=["33"],
        small_market_share=True,
    )
    pid = p.id or 0
    ids = []
    for name, am, equipped, rpps in (
        ("Un", D1, True, D1_RPPS),
        ("Deux", D2, True, ""),
        ("Trois", D3, False, ""),
        ("Quatre", D4, True, ""),
    ):
        doctor = add_doctor(
            ws,
            pid,
            last_name=name,
            am=am,
            rpps=rpps,
            equipped=equipped,
            consent=True,
            compatibility_checked=True,
        )
        ids.append(doctor.id or 0)
    return pid, ids


def normal_summary(summary: dict) -> tuple:
    """A bilan summary cache in a canonical form: prescriptions split or merged across files
    compare equal, days with no row at all are left out."""
    presc: dict[tuple, int] = {}
    for ident, first, dig, reg, count in summary["presc"]:
        presc[(ident, first, dig, reg)] = presc.get((ident, first, dig, reg), 0) + count
    rows = {(i, d): tuple(v) for i, days in summary["rows"].items() for d, v in days.items() if any(v)}
    return sorted(presc.items(), key=repr), sorted(rows.items())
