"""`planning export`: the installation planning, whole and one workbook per CPAM; `planning set`:
one doctor's typed dates."""

from __future__ import annotations

import argparse

from ordnum_desktop.cli_commands.arguments import add_date
from ordnum_desktop.cli_commands.common import add_db, add_preserie, open_ws, target
from ordnum_desktop.cli_commands.overwrite import refuse_overwrite
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.names import person_name
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.planning.dates import update_plan
from ordnum_desktop.services.planning.schedule import planning_view
from ordnum_desktop.services.roster.doctors import list_doctors

# option → (plan field, French step name)
SET_OPTIONS = {
    "planned": ("planned_install", "installation prévue"),
    "installed": ("actual_install", "installation réalisée"),
    "trained": ("training_date", "formation"),
    "traces_on": ("traces_activated", "traces activées"),
    "first_erx": ("first_eprescription", "première e-prescription"),
}


def register(sub: argparse._SubParsersAction) -> None:
    planning = sub.add_parser("planning", help="planning des installations")
    psub = planning.add_subparsers(dest="action", metavar="ACTION", parser_class=type(planning))
    psub.required = True
    e = psub.add_parser("export", help="écrire le planning complet et un classeur par CPAM")
    add_db(e, read_only=True)
    add_preserie(e)
    e.add_argument("outdir", metavar="DOSSIER", help="dossier de sortie (créé s'il n'existe pas)")
    add_as_of(e)
    e.add_argument("--force", action="store_true", help="remplacer les classeurs qui existent déjà")
    e.set_defaults(func=cmd_export)
    st = psub.add_parser("set", help="saisir les dates du planning d'un médecin")
    add_db(st)
    add_preserie(st)
    st.add_argument("--ps", required=True, metavar="ID", help="N° AM ou RPPS du médecin de l'effectif")
    for option, (_, label) in SET_OPTIONS.items():
        add_date(st, "--" + option.replace("_", "-"), label)
    add_as_of(st)
    st.set_defaults(func=cmd_set)


def add_as_of(p: argparse.ArgumentParser) -> None:
    add_date(
        p, "--as-of", "date du suivi (retards, silences), par défaut le jour de la dernière trace importée"
    )


def cmd_export(args: argparse.Namespace) -> int:
    # openpyxl loads with the export, not with every command of `ordnum`.
    from ordnum_desktop.services.planning.export import (
        UNKNOWN_CPAM,
        export_planning,
        planning_paths,
        planning_rows,
    )

    with open_ws(args) as ws:
        p = target(ws, args)
        for path in planning_paths(ws, p.id or 0, args.outdir):
            refuse_overwrite(path, args.force)
        paths = export_planning(ws, p.id or 0, args.outdir, args.as_of)
        unassigned = [r for r in planning_rows(ws, p.id or 0) if not r.cpam_id]
    for path in paths:
        print(f"Planning écrit : {path}")
    if unassigned:
        names = ", ".join(person_name(r.doctor.last_name, r.doctor.first_name) for r in unassigned)
        print(
            f"CPAM {UNKNOWN_CPAM} pour {len(unassigned)} médecin(s), absent(s) des classeurs par CPAM : "
            f"{names}. Renseignez la colonne CPAM de l'effectif."
        )
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    fields = {field: getattr(args, option) for option, (field, _) in SET_OPTIONS.items()}
    fields = {k: v for k, v in fields.items() if v is not None}
    ident = args.ps.replace(" ", "")
    with open_ws(args) as ws:
        p = target(ws, args)
        doctor = next((d for d in list_doctors(ws, p.id or 0) if ident and ident in (d.am, d.rpps)), None)
        if doctor is None:
            raise UserError(
                f"Aucun médecin de l'effectif de la présérie n° {p.id} n'a le N° AM ou le RPPS "
                f"« {args.ps} » : vérifiez l'identifiant avec « ordnum roster list »."
            )
        if fields:
            update_plan(ws, doctor.id or 0, **fields)
        view = planning_view(ws, p.id or 0, args.as_of)
    row = next(r for r in view.rows if r.doctor.id == doctor.id)
    s = row.schedule
    name = person_name(doctor.last_name, doctor.first_name)
    print(f"Planning de {name} {'enregistré' if fields else 'inchangé'} :")
    shown = {
        "planned_install": s.planned,
        "actual_install": s.effective_installed,
        "training_date": s.trained,
        "traces_activated": s.effective_traces_on,
        "first_eprescription": s.first_erx,
    }
    for field, label in SET_OPTIONS.values():
        value = shown[field]
        typed = getattr(row.plan, field)
        origin = " (d'après les traces)" if value and not typed else ""
        print(f"  {label} : {format_date(value) + origin if value else 'non renseignée'}")
    if s.first_erx_difference:
        print(f"  Écart sur la première e-prescription : {s.first_erx_difference}")
    flag = view.flag(row)
    if flag:
        print(f"  Suivi au {format_date(view.on)} : {flag}.")
    return 0
