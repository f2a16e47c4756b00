"""The demonstration workspace: a complete, realistic (and entirely fictitious) présérie, built
through the same services as the window and the command line, with fixed dates around March 2025
and a fixed random seed so that every run gives the same figures.

The story: the éditeur Médilogic runs a mixte présérie in Gironde and Artois with seven doctors.
Six are installed and send traces for six weeks; the seventh's installation is overdue. One doctor
stays under 50 % of e-prescriptions, so the bilan decides to extend the présérie."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ordnum_desktop.domain.identifiers import luhn_ok
from ordnum_desktop.services import followup
from ordnum_desktop.services.demo.traces import (
    Incident,
    TraceDoctor,
    generate_traces,
    write_traces_csv,
    write_traces_xlsx,
)
from ordnum_desktop.services.errors import UserError, os_reason
from ordnum_desktop.services.io.private_temp import private_temp
from ordnum_desktop.services.planning.dates import set_kickoff, update_plan
from ordnum_desktop.services.roster.doctors import add_doctor
from ordnum_desktop.services.roster.preseries import create_preserie
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.address import display_address, is_server_address
from ordnum_desktop.store.opening import holds_workspace

SEED = 2025
FIRST_WEEK = date(2025, 2, 17)  # Monday of the first e-prescriptions
LAST_DAY = date(2025, 3, 29)  # Saturday closing the sixth week
OVERLAP_START = date(2025, 3, 3)  # the second export repeats the third week (deduplicated)
SPLIT = date(2025, 3, 10)


def with_luhn(prefix: str) -> str:
    """`prefix` completed by the digit that makes the Luhn check hold (RPPS, FINESS)."""
    return next(prefix + d for d in "0123456789" if luhn_ok(prefix + d))


CENTRE_FINESS = with_luhn("33005418")
CENTRE_NAME = "Centre de santé des Chartrons"


@dataclass(frozen=True)
class DemoDoctor:
    last_name: str
    first_name: str
    mode: str
    am: str
    rpps: str
    structure: str
    cpam: str
    equipped: bool
    plan: dict[str, date | None]
    digital_rate: float
    per_day: tuple[int, int]
    scores: dict[str, int] | None
    comment: str = ""


def _d(month: int, day: int) -> date:
    return date(2025, month, day)


def _plan(
    planned: date,
    actual: date | None = None,
    training: date | None = None,
    traces: date | None = None,
    first: date | None = None,
) -> dict[str, date | None]:
    return {
        "planned_install": planned,
        "actual_install": actual,
        "training_date": training,
        "traces_activated": traces,
        "first_eprescription": first,
    }


DOCTORS: tuple[DemoDoctor, ...] = (
    DemoDoctor(
        "Vasseur",
        "Claire",
        "liberal",
        "331052847",
        "",
        "cabinet_groupe",
        "33",
        True,
        _plan(_d(2, 12), _d(2, 12), _d(2, 13), _d(2, 14), _d(2, 17)),
        0.80,
        (9, 16),
        {"global": 5, "creation": 4, "rapidite": 4, "formation": 5, "support": 4},
    ),
    DemoDoctor(
        "Ménard",
        "Julien",
        "liberal",
        "331052855",
        "",
        "cabinet_groupe",
        "33",
        True,
        _plan(_d(2, 12), _d(2, 12), _d(2, 13), _d(2, 14), _d(2, 17)),
        0.72,
        (8, 14),
        {"global": 4, "creation": 4, "rapidite": 3, "formation": 4, "support": 4},
    ),
    DemoDoctor(
        "Carpentier",
        "Sophie",
        "liberal",
        "332178430",
        "",
        "cabinet_individuel",
        "33",
        True,
        _plan(_d(2, 13), _d(2, 14), _d(2, 14), _d(2, 14), _d(2, 17)),
        0.40,
        (10, 18),
        {"global": 3, "creation": 3, "rapidite": 2, "formation": 4, "support": 3},
        "Garde l'ordonnance papier pour ses patients âgés qui la demandent.",
    ),
    DemoDoctor(
        "Delattre",
        "Antoine",
        "liberal",
        "621304519",
        "",
        "msp",
        "62-artois",
        True,
        _plan(_d(2, 18), _d(2, 18), _d(2, 19), _d(2, 19), _d(2, 19)),
        0.68,
        (8, 15),
        {"global": 4, "creation": 5, "rapidite": 4, "formation": 4, "support": 5},
    ),
    DemoDoctor(
        "Lemaire",
        "Hélène",
        "liberal",
        "621304527",
        "",
        "msp",
        "62-artois",
        True,
        _plan(_d(2, 18), _d(2, 20), _d(2, 20), _d(2, 20), _d(2, 21)),
        0.63,
        (7, 13),
        {"global": 4, "creation": 4, "rapidite": 4, "formation": 3, "support": 4},
    ),
    DemoDoctor(
        "Roussel",
        "Marc",
        "salarie",
        "",
        with_luhn("1000284715"),
        "centre_sante",
        "33",
        True,
        _plan(_d(2, 24), _d(2, 24), _d(2, 25), _d(2, 25), _d(2, 25)),
        0.84,
        (10, 17),
        {"global": 5, "creation": 5, "rapidite": 4, "formation": 5, "support": 5},
    ),
    # Installation planned for 17 March and not done yet: overdue, not (yet) a user doctor.
    DemoDoctor(
        "N'Diaye",
        "Awa",
        "salarie",
        "",
        with_luhn("1000319456"),
        "centre_sante",
        "33",
        False,
        _plan(_d(3, 17)),
        0.0,
        (0, 0),
        None,
    ),
)

STRANGER_AM = "331998870"  # a locum (remplaçant) not on the roster, using Vasseur's workstation

TECHNICAL_PREREQUISITES = (
    "Version Médilogic Cabinet 7.4.2 au minimum (correctif de l'échec de création code 5012).",
    "Lecteur de cartes compatible et carte CPS ou e-CPS active pour chaque médecin.",
    "Accès Internet sécurisé ouvert vers les téléservices de l'Assurance Maladie.",
    "FINESS géographique paramétré dans le logiciel pour les centres de santé.",
    "Formation d'une heure et guide utilisateur remis à chaque médecin avant l'activation.",
)


def _trace_doctors() -> list[TraceDoctor]:
    out = []
    for i, d in enumerate(DOCTORS, start=1):
        first = d.plan.get("first_eprescription")
        if not d.equipped or first is None:
            continue
        ident = d.am if d.mode == "liberal" else d.rpps
        finess = CENTRE_FINESS if d.mode == "salarie" else ""
        out.append(TraceDoctor(ident, finess, first, d.digital_rate, d.per_day, f"ML{i}"))
    return out


def demo_trace_rows() -> list[Any]:
    """Every trace row of the demo (both exports together, before deduplication)."""
    incident = Incident(_d(2, 24), _d(3, 4), 0.30, 5012)
    strangers = [(STRANGER_AM, _d(3, 12), 3), (STRANGER_AM, _d(3, 13), 2)]
    return generate_traces(_trace_doctors(), LAST_DAY, seed=SEED, incident=incident, strangers=strangers)


def _check_target(path: Path) -> None:
    if path.exists() and (path.is_dir() or path.stat().st_size > 0):
        raise UserError(
            f"Le fichier « {path.name} » existe déjà et n'est pas vide : la démonstration "
            "s'écrit dans un nouveau fichier (choisissez un autre nom)."
        )
    try:
        # `make run` writes the demo under ~/.local/share/ordnum-desktop/, absent on a first run.
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Impossible de créer le dossier « {path.parent} » : {os_reason(exc)}.") from exc


def build_demo(path: Path | str) -> Path | str:
    """Creates the demonstration workspace at `path` (refused when the file exists and is not
    empty); on any failure the half-built file is removed. A `postgresql://` address takes an
    empty database (then left as it is on failure: its tables are the server's)."""
    if is_server_address(path):
        if holds_workspace(path):
            raise UserError(
                f"La base « {display_address(path)} » n'est pas vide : la démonstration s'écrit "
                "dans une base vide."
            )
        with Workspace.open(path, create=True) as server_ws:
            _fill(server_ws)
        return path
    path = Path(path).expanduser()
    _check_target(path)
    existed = path.exists()
    ws = Workspace.open(path, create=True)
    try:
        _fill(ws)
    except BaseException:
        ws.close()
        if not existed:
            path.unlink(missing_ok=True)
        raise
    ws.close()
    return path


def _fill(ws: Workspace) -> None:
    p = create_preserie(
        ws,
        editor="Médilogic",
        software="Médilogic Cabinet",
        version="7.4.2",
        exercise="mixte",
        cpams=["33", "62-artois"],
        module="Module Ordonnance numérique Médilogic v2",
        cnda_reference="CNDA-ON-2025-0117",
        cnda_date=_d(1, 20),
    )
    pid = p.id or 0
    followup.set_prerequisite(ws, pid, "cnda", True, _d(1, 20), "Autorisation CNDA-ON-2025-0117.")
    followup.set_prerequisite(
        ws,
        pid,
        "support",
        True,
        _d(1, 28),
        "Hotline dédiée 8 h – 19 h ; procédure d'installation à distance partagée.",
    )
    followup.set_prerequisite(
        ws,
        pid,
        "kit",
        True,
        _d(2, 3),
        "Guide utilisateur et trois tutoriels vidéo envoyés à la Cnam et aux CPAM.",
    )
    ids: dict[str, int] = {}
    for d in DOCTORS:
        doctor = add_doctor(
            ws,
            pid,
            last_name=d.last_name,
            first_name=d.first_name,
            mode=d.mode,
            specialty="01",
            am=d.am,
            rpps=d.rpps,
            finess=CENTRE_FINESS if d.mode == "salarie" else "",
            centre_name=CENTRE_NAME if d.mode == "salarie" else "",
            structure=d.structure,
            equipped=d.equipped,
            compatibility_checked=True,
            consent=True,
            cpam=d.cpam,
            email=f"{d.first_name[0].lower()}.{d.last_name.lower().replace(' ', '')}@exemple.fr".replace(
                "'", ""
            ).replace("é", "e"),
        )
        ids[d.last_name] = doctor.id or 0
        dates: dict[str, Any] = d.plan  # typed loosely: update_plan also takes expected_version
        update_plan(ws, doctor.id or 0, **dates)
    set_kickoff(
        ws,
        pid,
        _d(2, 6),
        "Médilogic (cheffe de projet, support), Cnam, GIE SESAM-Vitale, CPAM de la Gironde, CPAM de l'Artois",
    )

    with private_temp(), tempfile.TemporaryDirectory(prefix="ordnum-demo-") as tmp:
        rows = demo_trace_rows()
        first = [r for r in rows if r.ts.date() < SPLIT]
        second = [r for r in rows if r.ts.date() >= OVERLAP_START]
        xlsx = write_traces_xlsx(first, Path(tmp) / "traces-medilogic-2025-02-17_2025-03-09.xlsx")
        csv_file = write_traces_csv(second, Path(tmp) / "traces-medilogic-2025-03-03_2025-03-29.csv")

        for file in (xlsx, csv_file):
            report = import_traces(ws, pid, file)
            if report.rejected:
                raise RuntimeError(f"demo traces rejected: {report.errors[:3]}")

    opened = datetime.combine(_d(2, 25), time(10, 40))
    incident = followup.add_anomaly(
        ws,
        pid,
        "creer",
        "Échec de création (code retour 5012) pour les ordonnances de plus de "
        "dix lignes : le médecin doit imprimer l'ordonnance papier.",
        blocking=True,
        doctor_id=ids["Vasseur"],
        when=opened,
    )
    followup.close_anomaly(
        ws,
        incident.id or 0,
        "Correctif livré dans la version 7.4.2, déployée chez tous les médecins le 4 mars.",
        when=datetime.combine(_d(3, 4), time(18, 0)),
    )
    followup.add_anomaly(
        ws,
        pid,
        "rechercher",
        "La recherche par période ne trie pas les résultats du plus récent au plus ancien.",
        blocking=False,
        doctor_id=ids["Delattre"],
        when=datetime.combine(_d(3, 19), time(15, 5)),
    )

    for i, text in enumerate(TECHNICAL_PREREQUISITES):
        followup.add_technical_prerequisite(ws, pid, text, when=datetime.combine(_d(3, 20 + i), time(11)))
    followup.validate_technical_prerequisites(ws, pid, when=datetime.combine(_d(3, 27), time(16, 30)))

    for day, d in enumerate(DOCTORS):
        if d.equipped and d.scores:
            followup.record_satisfaction(
                ws,
                pid,
                d.am if d.mode == "liberal" else d.rpps,
                scores=d.scores,
                comment=d.comment,
                when=datetime.combine(_d(3, 24 + day % 5), time(12, 30)),
            )

    followup.update_preserie(
        ws,
        pid,
        status="bilan",
        first_eprescription_date=FIRST_WEEK,
        bilan_date=_d(4, 3),
        # The éditeur's other software with the same module (validation scope): not the one tested.
        covered_products="Médilogic Centre ; Médilogic Mobile",
    )
