"""`init` and `preserie create/list`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ordnum_desktop.cli_commands import preserie_life_cmds
from ordnum_desktop.cli_commands.arguments import add_choice, add_date, cli_choice
from ordnum_desktop.cli_commands.common import add_db, add_json, add_preserie, open_ws, print_json, target
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.names import preserie_name
from ordnum_desktop.domain.roster_rules import EXERCISES
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.followup.prerequisites import update_preserie
from ordnum_desktop.services.roster.preseries import STATUSES, create_preserie, list_preseries
from ordnum_desktop.store.address import display_address, is_server_address
from ordnum_desktop.store.opening import holds_workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="créer un espace de travail vide")
    add_db(p)
    p.set_defaults(func=cmd_init)

    pres = sub.add_parser("preserie", help="créer, modifier, lister les préséries ; changer leur statut")
    psub = pres.add_subparsers(dest="action", metavar="ACTION", parser_class=type(pres))
    psub.required = True
    c = psub.add_parser("create", help="créer une présérie")
    add_db(c)
    c.add_argument("--editor", required=True, metavar="NOM", help="éditeur")
    c.add_argument("--software", required=True, metavar="NOM", help="logiciel")
    c.add_argument("--version", required=True, metavar="VERSION", help="version du logiciel")
    add_choice(
        c, "--exercise", EXERCISES, "type d'exercice (accents et majuscules indifférents)", required=True
    )
    c.add_argument(
        "--small-market-share", action="store_true", help="part de marché SESAM-Vitale inférieure à 1 %%"
    )
    c.add_argument("--cpam", action="append", default=[], metavar="ID", help="CPAM référente")
    c.add_argument("--module", default="", metavar="NOM", help="module Ordonnance numérique")
    c.add_argument("--json", action="store_true", help="sortie JSON")
    c.set_defaults(func=cmd_create)
    ls = psub.add_parser("list", help="lister les préséries")
    add_db(ls)
    add_json(ls)
    ls.set_defaults(func=cmd_list)
    u = psub.add_parser("update", help="modifier la fiche de la présérie (CNDA, module, version…)")
    add_db(u)
    add_preserie(u)
    u.add_argument("--editor", metavar="NOM", help="éditeur")
    u.add_argument("--software", metavar="NOM", help="logiciel")
    u.add_argument("--version", metavar="VERSION", help="version du logiciel")
    u.add_argument("--module", metavar="NOM", help="module Ordonnance numérique")
    u.add_argument("--cnda-reference", metavar="RÉFÉRENCE", help="référence de l'autorisation CNDA")
    add_date(u, "--cnda-date", "date de l'autorisation CNDA")
    u.add_argument(
        "--small-market-share",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="part de marché SESAM-Vitale inférieure à 1 %% (--no-small-market-share : 1 %% ou plus)",
    )
    u.set_defaults(func=cmd_update)
    st = psub.add_parser("status", help="changer le statut (refusé s'il contredit les faits)")
    add_db(st)
    add_preserie(st)
    st.add_argument(
        "status", type=cli_choice(STATUSES), metavar="STATUT", help="parmi : " + ", ".join(STATUSES.values())
    )
    st.set_defaults(func=cmd_status)
    preserie_life_cmds.register_actions(psub)


def cmd_init(args: argparse.Namespace) -> int:
    if is_server_address(args.db):
        shown = display_address(args.db)
        if holds_workspace(args.db):
            raise UserError(
                f"La base « {shown} » n'est pas vide : « ordnum init » ne prépare qu'une base vide "
                "(demandez-en une à l'administrateur du serveur, ou ouvrez celle-ci telle quelle)."
            )
        open_ws(args, create=True).close()
        print(f"Espace de travail créé sur le serveur : {shown}")
        return 0
    path = Path(args.db).expanduser()
    if path.exists() and path.stat().st_size > 0:
        raise UserError(f"Le fichier « {path} » existe déjà : choisissez un autre nom.")
    if path.exists():
        path.unlink()
    open_ws(args, create=True).close()
    print(f"Espace de travail créé : {path}")
    return 0


def cmd_create(args: argparse.Namespace) -> int:
    # A newcomer may skip `init`: creating the file here is what they would expect.
    with open_ws(args, create=True) as ws:
        p = create_preserie(
            ws,
            editor=args.editor,
            software=args.software,
            version=args.version,
            exercise=args.exercise,
            small_market_share=args.small_market_share,
            cpams=args.cpam,
            module=args.module,
        )
    if args.json:
        print_json(
            {
                "id": p.id,
                "editor": p.editor,
                "software": p.software,
                "version": p.version,
                "exercise": p.exercise,
            }
        )
    else:
        name = preserie_name(p.editor, p.software, p.version)
        print(f"Présérie n° {p.id} créée : {name} ({EXERCISES[p.exercise]}).")
    return 0


UPDATABLE = {
    "editor": "éditeur",
    "software": "logiciel",
    "version": "version",
    "module": "module",
    "cnda_reference": "référence CNDA",
    "cnda_date": "date CNDA",
    "small_market_share": "part de marché inférieure à 1 %",
}


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, date):
        return format_date(value)
    return f"« {value} »"


def cmd_update(args: argparse.Namespace) -> int:
    fields = {key: getattr(args, key) for key in UPDATABLE if getattr(args, key) is not None}
    if not fields:
        raise UserError(
            "Rien à modifier : indiquez au moins une option (--cnda-reference, --cnda-date, --module, "
            "--version, --small-market-share…)."
        )
    with open_ws(args) as ws:
        p = update_preserie(ws, target(ws, args).id or 0, **fields)
    changes = ", ".join(f"{UPDATABLE[k]} {_shown(getattr(p, k))}" for k in fields)
    print(f"Présérie n° {p.id} modifiée : {changes}.")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        p = update_preserie(ws, target(ws, args).id or 0, status=args.status)
    print(f"Statut de la présérie n° {p.id} : {STATUSES[p.status]}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        rows = list_preseries(ws)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("Aucune présérie.")
    for r in rows:
        cpams = ", ".join(r["cpams"]) or "aucune CPAM"
        print(
            f"{r['id']:>3}  {preserie_name(r['editor'], r['software'], r['version'])}  "
            f"[{EXERCISES[r['exercise']]}, {STATUSES.get(r['status'], r['status'])}, {cpams}]"
        )
    return 0
