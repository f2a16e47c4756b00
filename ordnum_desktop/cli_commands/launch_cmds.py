"""`launch done/undo/list` (the three prerequisites before the start) and `kickoff` (the
réunion de lancement): what a présérie needs before it may be said « Lancée »."""

from __future__ import annotations

import argparse
from datetime import date

from ordnum_desktop.cli_commands.arguments import add_date, add_record_date, cli_choice
from ordnum_desktop.cli_commands.common import add_db, add_json, add_preserie, open_ws, print_json, target
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.preconditions import LAUNCH_CODES
from ordnum_desktop.domain.vocabulary import PreserieStatus
from ordnum_desktop.services import followup
from ordnum_desktop.services.planning.dates import set_kickoff
from ordnum_desktop.services.roster.preseries import resolve_preserie

LAUNCH_HELP = "cnda (autorisation CNDA), support (support aux PS), kit (kit d'accompagnement)"


def register(sub: argparse._SubParsersAction) -> None:
    launch = sub.add_parser("launch", help="prérequis de lancement : autorisation CNDA, support, kit")
    lsub = launch.add_subparsers(dest="action", metavar="ACTION", parser_class=type(launch))
    lsub.required = True
    d = lsub.add_parser("done", help="noter un prérequis de lancement comme rempli")
    add_db(d)
    add_preserie(d)
    d.add_argument("code", type=cli_choice(LAUNCH_CODES), metavar="PRÉREQUIS", help=LAUNCH_HELP)
    add_record_date(d)
    d.add_argument("--comment", metavar="TEXTE", help="commentaire (référence, lien…)")
    d.set_defaults(func=cmd_launch_done)
    u = lsub.add_parser("undo", help="décocher un prérequis de lancement")
    add_db(u)
    add_preserie(u)
    u.add_argument("code", type=cli_choice(LAUNCH_CODES), metavar="PRÉREQUIS", help=LAUNCH_HELP)
    u.set_defaults(func=cmd_launch_undo)
    ls = lsub.add_parser("list", help="lister les prérequis de lancement et la réunion de lancement")
    add_db(ls)
    add_preserie(ls)
    add_json(ls)
    ls.set_defaults(func=cmd_launch_list)

    k = sub.add_parser("kickoff", help="enregistrer la réunion de lancement de la présérie")
    add_db(k)
    add_preserie(k)
    add_date(k, "--date", "date de la réunion", required=True)
    k.add_argument("--participants", default="", metavar="TEXTE", help="participants à la réunion")
    k.set_defaults(func=cmd_kickoff)


def cmd_launch_done(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        row = followup.set_prerequisite(ws, pid, args.code, True, args.date or date.today(), args.comment)
    print(f"Prérequis de lancement rempli le {format_date(row.done_date)} : {row.label}.")
    return 0


def cmd_launch_undo(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        p = target(ws, args)
        row = followup.set_prerequisite(ws, p.id or 0, args.code, False)
    print(f"Prérequis de lancement décoché : {row.label}.")
    if p.status != PreserieStatus.PREPARATION:
        # A correction of a mistake is kept; the bilan fails on this precondition until it is done.
        print(
            f"Attention : la présérie est « {PreserieStatus(p.status).label} » alors que ce prérequis "
            "n'est plus rempli ; le bilan conclura à une prolongation tant qu'il ne l'est pas."
        )
    return 0


def cmd_launch_list(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        p = target(ws, args)
        rows = followup.list_prerequisites(ws, p.id or 0)
    if args.json:
        print_json(
            {
                "prerequisites": [
                    {
                        "code": r.code,
                        "label": r.label,
                        "done": r.done,
                        "date": r.done_date,
                        "comment": r.comment,
                    }
                    for r in rows
                ],
                "cnda_reference": p.cnda_reference,
                "cnda_date": p.cnda_date,
                "kickoff_date": p.kickoff_date,
                "kickoff_participants": p.kickoff_participants,
            }
        )
        return 0
    for r in rows:
        when = f"rempli le {format_date(r.done_date)}" if r.done and r.done_date else "non rempli"
        print(f"[{'x' if r.done else ' '}] {r.code:<8} {r.label} — {when}")
    cnda = p.cnda_reference or "non renseignée"
    print(f"Référence CNDA : {cnda}" + (f" du {format_date(p.cnda_date)}" if p.cnda_date else ""))
    kickoff = format_date(p.kickoff_date) if p.kickoff_date else "non tenue"
    print(
        f"Réunion de lancement : {kickoff}"
        + (f" ({p.kickoff_participants})" if p.kickoff_participants else "")
    )
    return 0


def cmd_kickoff(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        p = target(ws, args)
        pid = p.id or 0
        set_kickoff(ws, pid, args.date, args.participants)
        status = resolve_preserie(ws, pid).status
    print(f"Réunion de lancement enregistrée le {format_date(args.date)}.")
    if status == PreserieStatus.LANCEE and p.status != status:
        print(f"Statut de la présérie : {PreserieStatus.LANCEE.label}.")
    return 0
