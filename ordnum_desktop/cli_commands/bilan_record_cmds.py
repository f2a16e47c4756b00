"""`bilan close | history | show`: the closed bilans (services/bilan/closing.py).

Subcommands of `bilan`, registered by bilan_cmds.py on an optional subparser so that the plain
`ordnum bilan --db F [--as-of D]` keeps computing the current bilan.
"""

from __future__ import annotations

import argparse

from ordnum_desktop.cli_commands.arguments import add_date
from ordnum_desktop.cli_commands.common import add_db, add_json, add_preserie, open_ws, print_json, target
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.vocabulary import Decision, PreserieStatus
from ordnum_desktop.services.bilan.closing import (
    STATUS_AFTER,
    close_bilan,
    closed_bilan,
    figures,
    list_closed,
    summary,
    write_pdf,
)
from ordnum_desktop.store.models import ClosedBilan


def register_actions(b: argparse.ArgumentParser) -> None:
    actions = b.add_subparsers(
        dest="bilan_action",
        metavar="[ACTION]",
        title="bilans clos",
        description="sans action : le bilan du jour, recalculé ; avec une action : les bilans clos",
    )
    actions.required = False

    c = actions.add_parser(
        "close", help="clore le bilan présenté en réunion (chiffres, PDF et décision gardés)"
    )
    add_db(c)
    add_preserie(c)
    add_date(c, "--as-of", "date du bilan, par défaut le jour de la dernière trace importée")
    add_date(c, "--meeting-date", "date de la réunion de bilan", required=True)
    c.add_argument(
        "--signatories", default="", metavar="TEXTE", help="qui a signé le bilan (noms, fonctions)"
    )
    c.add_argument(
        "--early",
        action="store_true",
        help="clore même avant la durée minimale du référentiel (écrit sur le PDF)",
    )
    add_json(c)
    c.set_defaults(func=cmd_close)

    h = actions.add_parser("history", help="lister les bilans clos de la présérie")
    add_db(h)
    add_preserie(h)
    add_json(h)
    h.set_defaults(func=cmd_history)

    s = actions.add_parser("show", help="redonner un bilan clos tel qu'il a été clos")
    add_db(s)
    add_preserie(s)
    s.add_argument("number", type=int, metavar="N", help="numéro du bilan clos (voir « bilan history »)")
    add_json(s)
    s.add_argument("--pdf", metavar="SORTIE.pdf", help="écrire le PDF signé, à l'octet près")
    s.set_defaults(func=cmd_show)


def _line(r: ClosedBilan) -> str:
    who = f", signé par {r.signatories}" if r.signatories else ""
    return (
        f"Bilan n° {r.number} au {format_date(r.as_of)}, réunion du {format_date(r.meeting_date)} — "
        f"{Decision(r.decision).label} — empreinte {r.digest}{who}"
    )


def cmd_close(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        record = close_bilan(ws, pid, args.as_of, args.meeting_date, args.signatories, early=args.early)
    if args.json:
        print_json(summary(record))
        return 0
    status = STATUS_AFTER[Decision(record.decision)]
    print(f"Clos : {_line(record)}.")
    if record.early:
        print("Clos avant la durée minimale du référentiel, sur confirmation : le PDF le dit.")
    print(f"Statut de la présérie : {PreserieStatus(status).label}.")
    print(f"Pour le redonner : ordnum bilan show --db {args.db} {record.number} [--json] [--pdf FICHIER].")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        records = list_closed(ws, pid)
    if args.json:
        print_json([summary(r) for r in records])
        return 0
    if not records:
        print(
            f"Aucun bilan clos pour la présérie n° {pid} : « ordnum bilan close --db {args.db} "
            "--meeting-date DATE » clôt le bilan présenté en réunion."
        )
        return 0
    for r in records:
        print(_line(r))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        record = closed_bilan(ws, pid, args.number)
    written = write_pdf(record, args.pdf) if args.pdf else None
    if args.json:
        print_json(figures(record))
        return 0
    print(_line(record) + ".")
    print(
        f"Clos le {format_date(record.closed_at.date())} ; "
        "chiffres : --json ; document signé : --pdf FICHIER."
    )
    if written is not None:
        print(f"Écrit : {written}")
    return 0


__all__ = ["register_actions"]
