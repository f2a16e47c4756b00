"""`roster template/import/check`."""

from __future__ import annotations

import argparse

from ordnum_desktop.cli_commands.common import add_db, add_json, add_preserie, open_ws, print_json, target
from ordnum_desktop.services.roster.doctors import check_roster_for
from ordnum_desktop.services.roster.workbook import import_roster, write_roster_template


def register(sub: argparse._SubParsersAction) -> None:
    roster = sub.add_parser("roster", help="effectif des médecins (PS)")
    rsub = roster.add_subparsers(dest="action", metavar="ACTION", parser_class=type(roster))
    rsub.required = True
    t = rsub.add_parser("template", help="écrire le classeur modèle de l'effectif")
    t.add_argument("out", metavar="OUT.xlsx")
    t.set_defaults(func=cmd_template)
    i = rsub.add_parser("import", help="importer le classeur de l'effectif")
    add_db(i)
    add_preserie(i)
    i.add_argument("file", metavar="ROSTER.xlsx")
    i.add_argument("--replace", action="store_true", help="remplacer l'effectif existant")
    add_json(i)
    i.set_defaults(func=cmd_import)
    c = rsub.add_parser("check", help="vérifier l'effectif selon les règles de la présérie")
    add_db(c)
    add_preserie(c)
    add_json(c)
    c.set_defaults(func=cmd_check)


def cmd_template(args: argparse.Namespace) -> int:
    path = write_roster_template(args.out)
    print(f"Modèle d'effectif écrit : {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        p = target(ws, args)
        report = import_roster(ws, p.id or 0, args.file, replace=args.replace)
        check = check_roster_for(ws, p.id or 0)
    if args.json:
        print_json({**report.as_json(), "check": check.as_json()})
    else:
        print(
            f"{report.imported} médecin(s) importé(s) depuis « {report.file} »"
            + (f", {report.replaced} retiré(s) de l'ancien effectif" if report.replaced else "")
            + "."
        )
        for item in report.rejected + report.warnings:
            print(f"  {item.located()}")
        if report.ignored_columns:
            print(f"  Colonnes ignorées : {', '.join(report.ignored_columns)}.")
        if not check.ok:
            print(f"L'effectif enfreint {len(check.errors)} règle(s) : voir « ordnum roster check ».")
    return 1 if report.rejected or not check.ok else 0


def cmd_check(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        p = target(ws, args)
        result = check_roster_for(ws, p.id or 0)
    if args.json:
        print_json(result.as_json())
    else:
        if result.ok:
            print("L'effectif respecte toutes les règles de la présérie.")
        for f in result.errors:
            print(f"ERREUR [{f.code}] {f.message}")
        for f in result.warnings:
            print(f"Avertissement [{f.code}] {f.message}")
    return 0 if result.ok else 1
