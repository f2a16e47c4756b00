"""`bilan`: the five criteria and the decision, as French text or JSON, and the printed forms."""

from __future__ import annotations

import argparse

from ordnum_desktop.cli_commands.arguments import add_date
from ordnum_desktop.cli_commands.bilan_record_cmds import register_actions
from ordnum_desktop.cli_commands.common import (
    DB_HELP,
    add_json,
    add_preserie,
    add_read_only,
    open_ws,
    print_json,
    target,
)
from ordnum_desktop.cli_commands.overwrite import refuse_overwrite
from ordnum_desktop.domain.bilan_rules import Bilan
from ordnum_desktop.domain.bilan_wording import decision_statement
from ordnum_desktop.domain.fr_format import format_date, format_int, format_percent
from ordnum_desktop.domain.preserie_time import weeks_text
from ordnum_desktop.domain.vocabulary import Criterion, Operation
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.bilan.document import bilan_context, extras_json


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("bilan", help="bilan de la présérie : critères et décision ; bilans clos")
    # Not required here: `bilan close --db F` gives it to its action's parser, which requires it;
    # the plain `bilan` checks it itself (cmd_bilan).
    b.add_argument("--db", metavar="FICHIER", help=DB_HELP)
    add_read_only(b)
    add_preserie(b)
    add_date(b, "--as-of", "date du bilan, par défaut le jour de la dernière trace importée")
    add_json(b)
    b.add_argument("--pdf", metavar="SORTIE.pdf", help="écrire aussi le bilan imprimable (PDF)")
    b.add_argument("--xlsx", metavar="SORTIE.xlsx", help="écrire aussi le classeur du bilan")
    b.add_argument("--force", action="store_true", help="remplacer le fichier s'il existe déjà")
    b.set_defaults(func=cmd_bilan, bilan_parser=b)
    register_actions(b)


def _met(flag: bool) -> str:
    return "atteint" if flag else "NON atteint"


def summary_lines(b: Bilan) -> list[str]:
    p = b.preserie
    lines = [
        f"Bilan de la présérie n° {p.id} — {p.editor} / {p.software} {p.version}, au {format_date(b.as_of)}"
    ]
    rate = b.doctor_rate
    lines.append(
        f"{Criterion.DOCTOR_RATE.numbered} (seuil {format_percent(rate.threshold, 0)}) : {_met(rate.met)}"
    )
    if not rate.doctors:
        lines.append("   Aucun médecin équipé dans l'effectif.")
    for d in rate.doctors:
        mark = "ok" if d.met else "sous le seuil" if d.prescriptions else "aucune ordonnance"
        lines.append(
            f"   - {d.name} ({d.identifier or 'identifiant manquant'}) : "
            f"{format_int(d.digital)} / {format_int(d.prescriptions)} = {format_percent(d.rate)} — {mark}"
        )
    reg = b.registration
    lines.append(
        f"{Criterion.REGISTRATION.numbered} (seuil {format_percent(reg.threshold, 0)}) : "
        f"{_met(reg.met)} — {format_int(reg.registered)} enregistrées sur "
        f"{format_int(reg.created)} créées = {format_percent(reg.rate)}"
    )
    ops = b.operations
    detail = ", ".join(
        f"{op.label.lower()} {format_int(ops.operation(op).succeeded)} réussi(s) / "
        f"{format_int(ops.operation(op).calls)} appel(s)"
        for op in Operation
    )
    lines.append(f"{Criterion.OPERATIONS.numbered} : {_met(ops.met)} — {detail}")
    if ops.open_blocking_anomalies:
        lines.append(f"   {ops.open_blocking_anomalies} anomalie(s) bloquante(s) encore ouverte(s).")
    pre = b.prerequisites
    state = "validée" if pre.validated_at else "non validée"
    lines.append(
        f"{Criterion.PREREQUISITES.numbered} : {_met(pre.met)} — {pre.count} prérequis, liste {state}"
    )
    sat = b.satisfaction
    lines.append(
        f"{Criterion.SATISFACTION.numbered} : {_met(sat.met)} — "
        f"{sat.answered} réponse(s) sur {sat.expected}, {sat.blocking} obstacle(s) bloquant(s) signalé(s)"
    )
    if sat.others:
        lines.append(
            f"   Hors critère : {sat.others} réponse(s) de médecins non utilisateurs, "
            f"dont {sat.others_blocking} avec un frein bloquant."
        )
    lines += decision_statement(b).lines
    return lines


def cmd_bilan(args: argparse.Namespace) -> int:
    if args.db is None:
        args.bilan_parser.error("arguments requis : --db")
    as_of = args.as_of
    refuse_overwrite(args.pdf, args.force)
    refuse_overwrite(args.xlsx, args.force)
    with open_ws(args) as ws:
        p = target(ws, args)
        pid = p.id or 0
        result = compute_bilan(ws, pid, as_of)
        time, scope, scope_sentences = bilan_context(ws, pid, result.as_of)
        written = []
        if args.pdf:
            from ordnum_desktop.services.bilan.pdf_export import write_bilan_pdf  # reportlab, matplotlib

            written.append(write_bilan_pdf(ws, pid, args.pdf, as_of=as_of, bilan=result))
        if args.xlsx:
            from ordnum_desktop.services.bilan.workbook import write_bilan_workbook  # openpyxl

            written.append(write_bilan_workbook(ws, pid, args.xlsx, as_of=as_of, bilan=result))
    if args.json:
        print_json(result.as_json() | extras_json(time, scope))
    else:
        print("\n".join(summary_lines(result)))
        minimum = weeks_text(time.minimum_weeks)
        print(f"Durée au {format_date(result.as_of)} : {time.summary()} (durée minimale : {minimum}).")
        print("Périmètre de la validation : " + " ".join(scope_sentences))
        for path in written:
            print(f"Écrit : {path}")
    return 0
