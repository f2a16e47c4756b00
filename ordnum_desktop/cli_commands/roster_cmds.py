"""`roster template/import/check/list`."""

from __future__ import annotations

import argparse

from ordnum_desktop.cli_commands.common import add_db, add_json, add_preserie, open_ws, print_json, target
from ordnum_desktop.cli_commands.overwrite import refuse_overwrite
from ordnum_desktop.domain.names import person_name
from ordnum_desktop.domain.roster_rules import MODES
from ordnum_desktop.services.roster.doctors import check_roster_for, doctor_identifier, list_doctors
from ordnum_desktop.store.models import Doctor


def register(sub: argparse._SubParsersAction) -> None:
    roster = sub.add_parser("roster", help="effectif des médecins (PS)")
    rsub = roster.add_subparsers(dest="action", metavar="ACTION", parser_class=type(roster))
    rsub.required = True
    t = rsub.add_parser("template", help="écrire le classeur modèle de l'effectif")
    t.add_argument("out", metavar="SORTIE.xlsx", help="classeur modèle à écrire")
    t.add_argument("--force", action="store_true", help="remplacer le fichier s'il existe déjà")
    t.set_defaults(func=cmd_template)
    i = rsub.add_parser("import", help="importer le classeur de l'effectif")
    add_db(i)
    add_preserie(i)
    i.add_argument(
        "file",
        metavar="EFFECTIF.xlsx",
        help=(
            "classeur de l'effectif rempli, .xlsx, .xlsm, .xlsb, .xls ou .ods "
            "(modèle : « ordnum roster template »)"
        ),
    )
    i.add_argument("--replace", action="store_true", help="remplacer l'effectif existant")
    add_json(i)
    i.set_defaults(func=cmd_import)
    c = rsub.add_parser("check", help="vérifier l'effectif selon les règles de la présérie")
    add_db(c, read_only=True)
    add_preserie(c)
    add_json(c)
    c.set_defaults(func=cmd_check)
    ls = rsub.add_parser("list", help="afficher l'effectif tel qu'il est enregistré")
    add_db(ls, read_only=True)
    add_preserie(ls)
    add_json(ls)
    ls.set_defaults(func=cmd_list)


def cmd_template(args: argparse.Namespace) -> int:
    from ordnum_desktop.services.roster.workbook import write_roster_template  # openpyxl: on use

    refuse_overwrite(args.out, args.force)
    path = write_roster_template(args.out)
    print(f"Modèle d'effectif écrit : {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ordnum_desktop.services.roster.workbook import import_roster  # openpyxl: on use

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


def _name(d: Doctor) -> str:
    """The app's one name order: the doctor's display name when the model has one."""
    shown = getattr(d, "display_name", None)
    return str(shown) if shown else person_name(d.last_name, d.first_name)


def _as_json(d: Doctor) -> dict[str, object]:
    return {
        "name": _name(d),
        "last_name": d.last_name,
        "first_name": d.first_name,
        "mode": d.mode,
        "identifier": doctor_identifier(d),
        "am": d.am,
        "rpps": d.rpps,
        "specialty": d.specialty,
        "finess": d.finess,
        "centre_name": d.centre_name,
        "structure": d.structure,
        "cpam": d.cpam,
        "equipped": d.equipped,
        "compatibility_checked": d.compatibility_checked,
        "consent": d.consent,
    }


def cmd_list(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        p = target(ws, args)
        doctors = list_doctors(ws, p.id or 0)
    if args.json:
        print_json({"preserie": p.id, "doctors": [_as_json(d) for d in doctors]})
        return 0
    if not doctors:
        print(f"L'effectif de la présérie n° {p.id} est vide : importez-le avec « ordnum roster import ».")
        return 0
    print(f"Effectif de la présérie n° {p.id} : {len(doctors)} médecin(s).")
    for d in doctors:
        marks = [MODES.get(d.mode, d.mode), "équipé" if d.equipped else "non équipé"]
        print(f"  {_name(d)} — {doctor_identifier(d) or 'sans identifiant'} — {', '.join(marks)}")
    return 0
