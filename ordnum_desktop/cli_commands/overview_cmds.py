"""`overview`: every présérie of the file on one line each (services/lifecycle/overview.py), as
text, JSON or a workbook."""

from __future__ import annotations

import argparse

from ordnum_desktop.cli_commands.common import add_db, add_json, open_ws, print_json
from ordnum_desktop.cli_commands.overwrite import refuse_overwrite
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.preserie_time import weeks_text
from ordnum_desktop.services.lifecycle.overview import overview


def register(sub: argparse._SubParsersAction) -> None:
    o = sub.add_parser("overview", help="vue d'ensemble : une ligne par présérie du fichier")
    add_db(o)
    add_json(o)
    o.add_argument("--xlsx", metavar="SORTIE.xlsx", help="écrire la vue d'ensemble dans un classeur")
    o.add_argument("--force", action="store_true", help="remplacer le classeur s'il existe déjà")
    o.set_defaults(func=cmd_overview)


def cmd_overview(args: argparse.Namespace) -> int:
    refuse_overwrite(args.xlsx, args.force)
    with open_ws(args) as ws:
        lines = overview(ws)
    written = None
    if args.xlsx:
        from ordnum_desktop.services.lifecycle.overview_workbook import write_overview_workbook  # openpyxl

        written = write_overview_workbook(lines, args.xlsx)
    if args.json:
        print_json([line.as_json() for line in lines])
        return 0
    if not lines:
        print("Aucune présérie dans ce fichier.")
    for x in lines:
        last = f"bilan {x.last_bilan_label} : {x.decision_label}" if x.last_bilan else x.last_bilan_label
        since = f" depuis le {format_date(x.period.start)}" if x.period.start else ""
        weeks = (
            f"{weeks_text(x.weeks_since_first)} depuis la 1re e-prescription"
            if x.weeks_since_first is not None
            else "aucune e-prescription"
        )
        if x.weeks_in_period is not None:
            weeks += f", {weeks_text(x.weeks_in_period)} de période"
        step = x.next_step + (f" (prévue le {format_date(x.next_step_date)})" if x.next_step_date else "")
        print(
            f"n° {x.id} — {x.editor} · {x.software} {x.version} "
            f"({x.exercise_label}, {', '.join(x.cpam_names) or 'aucune CPAM'}) — "
            f"{x.status_label} — période {x.period.number}{since} — {weeks} — {last} — à suivre : {step}"
        )
        if x.overdue:
            print(f"   En retard : {' ; '.join(x.overdue)}")
    if written is not None:
        print(f"Écrit : {written}")
    return 0


__all__ = ["register"]
