"""`overview`: every présérie of the file on one line each (services/lifecycle/overview.py)."""

from __future__ import annotations

import argparse

from ordnum_desktop.cli_commands.common import add_db, add_json, open_ws, print_json
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.vocabulary import Decision
from ordnum_desktop.services.lifecycle.overview import overview


def register(sub: argparse._SubParsersAction) -> None:
    o = sub.add_parser("overview", help="vue d'ensemble : une ligne par présérie du fichier")
    add_db(o)
    add_json(o)
    o.set_defaults(func=cmd_overview)


def cmd_overview(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        lines = overview(ws)
    if args.json:
        print_json([line.as_json() for line in lines])
        return 0
    if not lines:
        print("Aucune présérie dans ce fichier.")
    for x in lines:
        last = (
            f"bilan n° {x.last_bilan} au {format_date(x.last_bilan_as_of)} : "
            f"{Decision(x.last_decision).label}"
            if x.last_bilan and x.last_decision
            else "aucun bilan clos"
        )
        since = f" depuis le {format_date(x.period.start)}" if x.period.start else ""
        print(
            f"n° {x.id} — {x.editor} · {x.software} {x.version} "
            f"({x.exercise}, CPAM {', '.join(x.cpams) or '—'}) — "
            f"{x.status_label} — période {x.period.number}{since} — {last} — à suivre : {x.next_step}"
        )
    return 0


__all__ = ["register"]
