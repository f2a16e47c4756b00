"""`prerequisites add/validate/list`, `satisfaction record/import/template`, `anomaly add/close/list`."""

from __future__ import annotations

import argparse
from datetime import datetime

from ordnum_desktop.cli_commands.arguments import add_choice, add_record_date, record_time
from ordnum_desktop.cli_commands.common import (
    add_db,
    add_json,
    add_preserie,
    add_read_only,
    open_ws,
    print_json,
    target,
)
from ordnum_desktop.cli_commands.overwrite import refuse_overwrite
from ordnum_desktop.domain.names import person_name
from ordnum_desktop.domain.text import column_list
from ordnum_desktop.domain.vocabulary import Operation, labels, operation_label
from ordnum_desktop.services import followup


def fr_datetime(value: datetime | None) -> str:
    return f"{value:%d/%m/%Y à %H:%M}" if value else "—"


def register(sub: argparse._SubParsersAction) -> None:
    _register_prerequisites(sub)
    _register_satisfaction(sub)
    _register_anomaly(sub)


def _group(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:
    parser = sub.add_parser(name, help=help_text)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    actions.required = True
    return actions


# --- prerequisites --------------------------------------------------------------------------


def _register_prerequisites(sub: argparse._SubParsersAction) -> None:
    psub = _group(sub, "prerequisites", "prérequis techniques au déploiement (critère 4)")
    a = psub.add_parser("add", help="ajouter un prérequis technique (annule la validation)")
    add_db(a)
    add_preserie(a)
    a.add_argument("text", metavar="TEXTE")
    add_record_date(a)
    a.set_defaults(func=cmd_prerequisites_add)
    v = psub.add_parser("validate", help="valider la liste des prérequis techniques")
    add_db(v)
    add_preserie(v)
    add_record_date(v)
    v.set_defaults(func=cmd_prerequisites_validate)
    ls = psub.add_parser("list", help="lister les prérequis")
    add_db(ls)
    add_preserie(ls)
    add_json(ls)
    ls.set_defaults(func=cmd_prerequisites_list)


def cmd_prerequisites_add(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        was_validated = followup.technical_prerequisites_validated_at(ws, pid)
        item = followup.add_technical_prerequisite(ws, pid, args.text, when=record_time(args.date))
        count = len(followup.list_technical_prerequisites(ws, pid))
    print(f"Prérequis technique n° {item.id} ajouté ({count} dans la liste).")
    if was_validated is not None:
        print(
            f"La liste avait été validée le {fr_datetime(was_validated)} : elle ne l'est plus. "
            "Validez-la de nouveau avec « ordnum prerequisites validate »."
        )
    return 0


def cmd_prerequisites_validate(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        stamp = followup.validate_technical_prerequisites(ws, pid, when=record_time(args.date))
        count = len(followup.list_technical_prerequisites(ws, pid))
    print(f"Liste de {count} prérequis technique(s) validée le {fr_datetime(stamp)}.")
    return 0


def cmd_prerequisites_list(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        before = followup.list_prerequisites(ws, pid)
        items = followup.list_technical_prerequisites(ws, pid)
        validated = followup.technical_prerequisites_validated_at(ws, pid)
    if args.json:
        print_json(
            {
                "preserie_prerequisites": [
                    {
                        "code": p.code,
                        "label": p.label,
                        "done": p.done,
                        "date": p.done_date,
                        "comment": p.comment,
                    }
                    for p in before
                ],
                "technical_prerequisites": [{"id": i.id, "text": i.text} for i in items],
                "validated_at": validated.isoformat(sep=" ") if validated else None,
            }
        )
        return 0
    print("Prérequis au démarrage :")
    for p in before:
        when = f" ({p.done_date:%d/%m/%Y})" if p.done_date else ""
        print(f"  [{'x' if p.done else ' '}] {p.label}{when}")
    print(
        "Prérequis techniques au déploiement :"
        + (f" validés le {fr_datetime(validated)}" if validated else " non validés")
    )
    for i in items:
        print(f"  {i.id}. {i.text}")
    if not items:
        print("  (aucun)")
    return 0


# --- satisfaction ---------------------------------------------------------------------------


def _score_arg(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"note « {text} » : un entier de 1 à 5 est attendu") from None


def _register_satisfaction(sub: argparse._SubParsersAction) -> None:
    ssub = _group(sub, "satisfaction", "questionnaire de satisfaction des médecins (critère 5)")
    r = ssub.add_parser("record", help="enregistrer (ou remplacer) la réponse d'un médecin")
    add_db(r)
    add_preserie(r)
    r.add_argument("--ps", required=True, metavar="IDENTIFIANT", help="N° AM ou RPPS du médecin")
    r.add_argument("--score", required=True, type=_score_arg, metavar="1-5", help="note globale")
    r.add_argument("--blocking", metavar="TEXTE", help="frein bloquant signalé par le médecin")
    add_record_date(r)
    r.set_defaults(func=cmd_satisfaction_record)
    i = ssub.add_parser("import", help="importer le classeur des réponses (une ligne par médecin)")
    add_db(i)
    add_preserie(i)
    i.add_argument(
        "file",
        metavar="RÉPONSES.xlsx",
        help=(
            "classeur des réponses, .xlsx, .xlsm, .xlsb, .xls ou .ods "
            "(modèle : « ordnum satisfaction template »)"
        ),
    )
    add_record_date(i)
    add_json(i)
    i.set_defaults(func=cmd_satisfaction_import)
    t = ssub.add_parser("template", help="écrire le classeur modèle des réponses")
    t.add_argument("out", metavar="SORTIE.xlsx", help="classeur modèle à écrire")
    t.add_argument("--db", metavar="FICHIER", help="pré-remplir avec les médecins utilisateurs")
    add_read_only(t)
    add_preserie(t)
    t.add_argument("--force", action="store_true", help="remplacer le fichier s'il existe déjà")
    t.set_defaults(func=cmd_satisfaction_template)


def cmd_satisfaction_record(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        answer = followup.record_satisfaction(
            ws, pid, args.ps, args.score, blocking_text=args.blocking, when=record_time(args.date)
        )
        doctor = next(d for d, a in followup.answers_by_doctor(ws, pid) if a and a.id == answer.id)
    name = person_name(doctor.last_name, doctor.first_name)
    print(
        f"Réponse de {name} enregistrée : note {answer.score}/5"
        + (", frein bloquant signalé." if answer.blocking else ", sans frein bloquant.")
    )
    if not doctor.equipped:
        print(
            f"Attention : {name} n'est pas marqué équipé (médecin utilisateur) ; sa réponse ne compte "
            "pas dans le critère de satisfaction."
        )
    return 0


def cmd_satisfaction_import(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        report = followup.import_satisfaction(ws, pid, args.file, when=record_time(args.date))
    if args.json:
        print_json(report.as_json())
    else:
        print(
            f"« {report.file} » : {report.read} ligne(s) lue(s), {report.recorded} réponse(s) "
            f"enregistrée(s) (dont {report.replaced} remplacée(s)), {report.rejected} ligne(s) "
            "refusée(s)."
        )
        for e in report.errors:
            print(f"  {e.located()}")
        if report.ignored_columns:
            print(f"  Colonnes ignorées : {column_list(report.ignored_columns)}.")
    return 1 if report.rejected else 0


def cmd_satisfaction_template(args: argparse.Namespace) -> int:
    refuse_overwrite(args.out, args.force)
    if args.db:
        with open_ws(args) as ws:
            path = followup.write_satisfaction_template(args.out, ws, target(ws, args).id)
    else:
        path = followup.write_satisfaction_template(args.out)
    print(f"Modèle de réponses écrit : {path}")
    return 0


# --- anomalies ------------------------------------------------------------------------------


def _register_anomaly(sub: argparse._SubParsersAction) -> None:
    asub = _group(sub, "anomaly", "journal des anomalies (critère 3)")
    a = asub.add_parser("add", help="consigner une anomalie ; affiche son numéro")
    add_db(a)
    add_preserie(a)
    add_choice(a, "--operation", labels(Operation), "opération concernée", required=True)
    a.add_argument("--blocking", action="store_true", help="l'anomalie empêche l'usage nominal")
    a.add_argument("text", metavar="TEXTE")
    add_record_date(a)
    a.set_defaults(func=cmd_anomaly_add)
    c = asub.add_parser("close", help="clore une anomalie")
    add_db(c)
    c.add_argument("anomaly_id", type=int, metavar="N°", help="numéro de l'anomalie (voir « anomaly list »)")
    c.add_argument("--resolution", default="", metavar="TEXTE", help="correction apportée")
    add_record_date(c)
    c.set_defaults(func=cmd_anomaly_close)
    ls = asub.add_parser("list", help="lister les anomalies")
    add_db(ls)
    add_preserie(ls)
    add_json(ls)
    ls.set_defaults(func=cmd_anomaly_list)


def cmd_anomaly_add(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        anomaly = followup.add_anomaly(
            ws, pid, args.operation, args.text, blocking=args.blocking, when=record_time(args.date)
        )
    kind = "bloquante" if anomaly.blocking else "non bloquante"
    print(f"Anomalie n° {anomaly.id} enregistrée ({kind}, ouverte le {fr_datetime(anomaly.opened_at)}).")
    return 0


def cmd_anomaly_close(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        anomaly = followup.close_anomaly(ws, args.anomaly_id, args.resolution, when=record_time(args.date))
    print(f"Anomalie n° {anomaly.id} close le {fr_datetime(anomaly.closed_at)}.")
    return 0


def cmd_anomaly_list(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        items = followup.list_anomalies(ws, target(ws, args).id or 0)
    if args.json:
        print_json(
            [
                {
                    "id": a.id,
                    "operation": a.operation,
                    "description": a.description,
                    "blocking": a.blocking,
                    "opened_at": a.opened_at,
                    "closed_at": a.closed_at,
                    "resolution": a.resolution,
                }
                for a in items
            ]
        )
        return 0
    for a in items:
        state = f"close le {fr_datetime(a.closed_at)}" if a.closed_at else "ouverte"
        print(
            f"{a.id}. [{operation_label(a.operation)}]"
            f"{' BLOQUANTE' if a.blocking else ''} {a.description} ({state})"
        )
    if not items:
        print("Aucune anomalie consignée.")
    return 0
