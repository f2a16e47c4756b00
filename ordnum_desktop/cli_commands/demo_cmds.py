"""`demo`: a complete, realistic présérie in a new workspace file, to discover the app."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    d = sub.add_parser("demo", help="créer un espace de travail de démonstration complet")
    d.add_argument("--db", required=True, metavar="FICHIER", help="nouveau fichier (.sqlite) à créer")
    d.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    # Imported here: the demo pulls openpyxl and the traces importer, which other commands skip.
    from ordnum_desktop.services.demo import build_demo

    summary = build_demo(args.db)
    print(summary.describe())
    return 0
