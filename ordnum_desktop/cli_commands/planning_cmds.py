"""`planning export`: the installation planning, whole and one workbook per CPAM."""

from __future__ import annotations

import argparse

from ordnum_desktop.cli_commands.common import add_db, add_preserie, open_ws, target
from ordnum_desktop.services.planning.export import UNKNOWN_CPAM, export_planning, planning_rows


def register(sub: argparse._SubParsersAction) -> None:
    planning = sub.add_parser("planning", help="planning des installations")
    psub = planning.add_subparsers(dest="action", metavar="ACTION", parser_class=type(planning))
    psub.required = True
    e = psub.add_parser("export", help="écrire le planning complet et un classeur par CPAM")
    add_db(e)
    add_preserie(e)
    e.add_argument("outdir", metavar="DOSSIER", help="dossier de sortie (créé s'il n'existe pas)")
    e.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        p = target(ws, args)
        paths = export_planning(ws, p.id or 0, args.outdir)
        unassigned = [r for r in planning_rows(ws, p.id or 0) if not r.cpam_id]
    for path in paths:
        print(f"Planning écrit : {path}")
    if unassigned:
        names = ", ".join(f"{r.doctor.last_name} {r.doctor.first_name}".strip() for r in unassigned)
        print(
            f"CPAM {UNKNOWN_CPAM} pour {len(unassigned)} médecin(s), absent(s) des classeurs par CPAM : "
            f"{names}. Renseignez la colonne CPAM de l'effectif."
        )
    return 0
