"""Shared pieces of the command-line handlers."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ordnum_desktop.services.roster.preseries import resolve_preserie
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Preserie

DB_HELP = "espace de travail : fichier .sqlite, ou base d'un serveur postgresql://utilisateur@hôte:port/base"


def add_db(p: argparse.ArgumentParser, *, read_only: bool = False) -> None:
    p.add_argument("--db", required=True, metavar="FICHIER", help=DB_HELP)
    if read_only:
        add_read_only(p)


def add_read_only(p: argparse.ArgumentParser) -> None:
    """Reading commands can read a file the window holds open: no lock, no backup, no write."""
    p.add_argument(
        "--read-only",
        action="store_true",
        help="lire le fichier sans le réserver (possible pendant que la fenêtre l'a ouvert)",
    )


def add_preserie(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--preserie",
        type=int,
        metavar="ID",
        help="présérie visée (facultatif si le fichier n'en contient qu'une)",
    )


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="sortie JSON")


def open_ws(args: argparse.Namespace, create: bool = False) -> Workspace:
    ws = Workspace.open(args.db, create=create, read_only=bool(getattr(args, "read_only", False)))
    if ws.location_warning:  # network share or synced folder: said, not refused (issue 6)
        sys.stderr.write(ws.location_warning + "\n")
    return ws


def target(ws: Workspace, args: argparse.Namespace) -> Preserie:
    return resolve_preserie(ws, getattr(args, "preserie", None))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
