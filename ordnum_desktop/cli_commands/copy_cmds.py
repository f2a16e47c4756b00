"""`workspace copy`: a whole workspace between a laptop file and a server (team mode)."""

from __future__ import annotations

import argparse
import sys

from ordnum_desktop.domain.fr_format import format_int
from ordnum_desktop.store.address import display_address


def register(sub: argparse._SubParsersAction) -> None:
    w = sub.add_parser("workspace", help="copier un espace de travail entre un fichier et un serveur")
    wsub = w.add_subparsers(dest="action", metavar="ACTION", parser_class=type(w))
    wsub.required = True
    c = wsub.add_parser(
        "copy",
        help="copier tout l'espace de travail (fichier .sqlite ou postgresql://…) vers une destination, "
        "vérifiée (mêmes bilans, mêmes nombres de lignes)",
    )
    c.add_argument(
        "source", metavar="SOURCE", help="fichier .sqlite ou postgresql://utilisateur@hôte:port/base"
    )
    c.add_argument("destination", metavar="DESTINATION", help="fichier .sqlite ou postgresql://…")
    c.add_argument(
        "--replace",
        action="store_true",
        help="remplacer le contenu d'une destination qui contient déjà des données",
    )
    c.set_defaults(func=cmd_copy)


def cmd_copy(args: argparse.Namespace) -> int:
    from ordnum_desktop.services.workspace.copy import copy_workspace  # SQLAlchemy, the bilan

    show = sys.stderr.isatty()

    def progress(table: str, rows: int) -> None:
        sys.stderr.write(f"\r{table} : {format_int(rows)} ligne(s)\033[K")

    report = copy_workspace(
        args.source, args.destination, replace=args.replace, progress=progress if show else None
    )
    if show:
        sys.stderr.write("\r\033[K")
    print(
        f"Espace de travail copié de « {display_address(args.source)} » vers "
        f"« {display_address(args.destination)} » : {report.preseries} présérie(s), "
        f"{format_int(report.trace_rows)} ligne(s) de traces ; mêmes bilans et mêmes nombres de "
        "lignes des deux côtés."
    )
    return 0
