"""`demo`: a complete, realistic présérie in a new workspace file, to discover the app."""

from __future__ import annotations

import argparse

from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.vocabulary import Decision
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.roster.preseries import resolve_preserie
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.address import display_address


def register(sub: argparse._SubParsersAction) -> None:
    d = sub.add_parser("demo", help="créer un espace de travail de démonstration complet")
    d.add_argument(
        "--db",
        required=True,
        metavar="FICHIER",
        help="nouveau fichier (.sqlite) à créer, ou base vide postgresql://utilisateur@hôte:port/base",
    )
    d.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from ordnum_desktop.services.demo.builder import build_demo  # pulls openpyxl: only `demo` needs it

    path = build_demo(args.db)
    with Workspace.open(path) as ws:
        bilan = compute_bilan(ws, resolve_preserie(ws, None).id or 0)
    doctors = bilan.doctor_rate.doctors
    under = [d.name for d in bilan.doctor_rate.below]
    decision = "déploiement" if bilan.decision is Decision.DEPLOY else "prolongation"
    print(f"Démonstration créée : {display_address(path)}")
    print(
        f"Présérie Médilogic (mixte, CPAM 33 et 62-artois) : {len(doctors)} médecins utilisateurs, "
        f"bilan au {format_date(bilan.as_of)} : {decision}"
        + (f" ({', '.join(under)} sous le seuil)." if under else ".")
    )
    print(f"Voir « ordnum bilan --db {path} ».")
    return 0
