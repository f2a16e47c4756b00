"""`traces template` and `traces import`."""

from __future__ import annotations

import argparse
import sys

from ordnum_desktop.cli_commands.common import add_db, add_json, add_preserie, open_ws, print_json, target
from ordnum_desktop.cli_commands.overwrite import refuse_overwrite
from ordnum_desktop.domain.fr_format import format_int
from ordnum_desktop.domain.text import column_list, printable
from ordnum_desktop.services.traces.importer import ImportReport, import_traces, list_batches
from ordnum_desktop.services.traces.overlap import OverlapFound
from ordnum_desktop.services.traces.undo import undo_batch

# In text mode, the rejections are listed grouped by cause, the largest groups first (a file
# whose every date is garbled has one group per date); --json always lists every row and group.
SHOWN_GROUPS = 30

CLI_ADVICE = "Si ce sont bien d'autres événements, relancez l'import avec --force."


def register(sub: argparse._SubParsersAction) -> None:
    traces = sub.add_parser("traces", help="traces postes (modèle, import)")
    tsub = traces.add_subparsers(dest="action", metavar="ACTION", parser_class=type(traces))
    tsub.required = True
    t = tsub.add_parser("template", help="écrire le classeur modèle des traces postes")
    t.add_argument("out", metavar="SORTIE.xlsx", help="classeur modèle à écrire")
    t.add_argument("--force", action="store_true", help="remplacer le fichier s'il existe déjà")
    t.set_defaults(func=cmd_template)
    i = tsub.add_parser("import", help="importer un fichier de traces postes (.xlsx ou .csv)")
    add_db(i)
    add_preserie(i)
    i.add_argument("file", metavar="TRACES.xlsx|TRACES.csv")
    i.add_argument(
        "--force",
        action="store_true",
        help="importer même si le fichier reprend à la minute près un import précédent",
    )
    add_json(i)
    i.set_defaults(func=cmd_import)
    h = tsub.add_parser("batches", help="historique des imports (numéros de lot pour « traces undo »)")
    add_db(h, read_only=True)
    add_preserie(h)
    add_json(h)
    h.set_defaults(func=cmd_batches)
    u = tsub.add_parser("undo", help="annuler un import : retirer les lignes de ce lot (journalisé)")
    add_db(u)
    u.add_argument("batch", type=int, metavar="LOT", help="numéro de l'import (lot)")
    u.set_defaults(func=cmd_undo)


def cmd_template(args: argparse.Namespace) -> int:
    from ordnum_desktop.services.traces.template import write_traces_template  # openpyxl: on use

    refuse_overwrite(args.out, args.force)
    path = write_traces_template(args.out)
    print(f"Modèle de traces postes écrit : {path}")
    return 0


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\r{format_int(done)} / {format_int(total)} lignes")
    sys.stderr.flush()


def print_report(report: ImportReport) -> None:
    print(
        f"Import de « {report.file} » : {format_int(report.read)} ligne(s) lue(s), "
        f"{format_int(report.accepted)} enregistrée(s), {format_int(report.duplicates)} doublon(s) "
        f"ignoré(s), {format_int(report.rejected)} rejetée(s)."
    )
    if report.unmatched:
        print(
            f"{format_int(report.unmatched)} ligne(s) enregistrée(s) d'un PS inconnu de l'effectif "
            "(hors critères)."
        )
    if report.out_of_scope:
        print(report.out_of_scope_sentence())
    if report.encoding:
        print(f"Encodage du fichier : {report.encoding}.")
    if report.ignored_columns:
        print(f"Colonnes ignorées : {column_list(report.ignored_columns)}.")
    groups = report.error_groups
    if groups:
        print("Lignes rejetées, par motif (corrigez-les dans le fichier puis importez-le de nouveau) :")
    for group in groups[:SHOWN_GROUPS]:
        print(f"  {group.sentence()}")
    if len(groups) > SHOWN_GROUPS:
        print(
            f"  … et {format_int(len(groups) - SHOWN_GROUPS)} autre(s) motif(s) (liste complète avec --json)."
        )


def cmd_import(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        p = target(ws, args)
        show_progress = not args.json and sys.stderr.isatty()
        try:
            report = import_traces(
                ws,
                p.id or 0,
                args.file,
                progress=_progress if show_progress else None,
                refuse_overlap=not args.force,
                # On a server, another import into the same présérie makes this one wait: said.
                waiting=lambda sentence: print(sentence, file=sys.stderr, flush=True),
            )
        except OverlapFound as found:
            if show_progress:
                sys.stderr.write("\n")
            print(found.overlap.message(CLI_ADVICE), file=sys.stderr)
            return 1
        if show_progress:
            sys.stderr.write("\n")
    if args.json:
        print_json(report.as_json())
    else:
        print_report(report)
    return 1 if report.rejected else 0


def cmd_undo(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        removed = undo_batch(ws, args.batch)
    print(f"Import n° {args.batch} annulé : {format_int(removed)} ligne(s) de traces retirée(s).")
    return 0


def cmd_batches(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        batches = list_batches(ws, target(ws, args).id or 0)
    if args.json:
        print_json([b.model_dump() for b in batches])
        return 0
    for b in batches:
        state = (
            f"annulé le {b.undone_at:%d/%m/%Y %H:%M}" if b.undone_at else f"{format_int(b.accepted)} ligne(s)"
        )
        print(
            f"Lot {b.id} : « {printable(b.file_name)} », importé le {b.imported_at:%d/%m/%Y %H:%M}, {state}."
        )
    if not batches:
        print("Aucun import de traces.")
    return 0
