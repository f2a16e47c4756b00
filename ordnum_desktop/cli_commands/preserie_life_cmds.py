"""`preserie extend | deploy | scope`: the présérie's life after a bilan (services/lifecycle/),
registered on the `preserie` subcommands by workspace_cmds.py."""

from __future__ import annotations

import argparse

from ordnum_desktop.cli_commands.arguments import add_date
from ordnum_desktop.cli_commands.common import add_db, add_json, add_preserie, open_ws, print_json, target
from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.vocabulary import PreserieStatus
from ordnum_desktop.services.lifecycle.deployment import STEPS, record_deployment
from ordnum_desktop.services.lifecycle.periods import extend_preserie
from ordnum_desktop.services.lifecycle.scope import get_scope, record_scope
from ordnum_desktop.services.lifecycle.timing import referentiel_of


def register_actions(psub: argparse._SubParsersAction) -> None:
    e = psub.add_parser(
        "extend",
        help="prolonger la présérie après un bilan non satisfaisant (nouvelle période de mesure)",
    )
    add_db(e)
    add_preserie(e)
    add_date(e, "--from", "premier jour de la nouvelle période (après le dernier bilan clos)", required=True)
    e.add_argument("--version", metavar="VERSION", help="version corrigée du logiciel, par défaut l'actuelle")
    e.add_argument("--reason", default="", metavar="TEXTE", help="motif de la prolongation (correctifs…)")
    add_json(e)
    e.set_defaults(func=cmd_extend)

    d = psub.add_parser(
        "deploy", help="dater les étapes du déploiement après un bilan « Déploiement autorisé »"
    )
    add_db(d)
    add_preserie(d)
    add_date(d, "--meeting", "réunion de démarrage du déploiement")
    add_date(d, "--traces-off", "jour où l'éditeur a désactivé les traces postes")
    add_date(d, "--authorised", "autorisation / annonce de la généralisation par l'Assurance Maladie")
    add_json(d)
    d.set_defaults(func=cmd_deploy)

    v = psub.add_parser(
        "scope",
        help="périmètre de la validation : produits couverts, moteur tiers, libéraux et centres",
    )
    add_db(v)
    add_preserie(v)
    v.add_argument(
        "--products",
        metavar="TEXTE",
        help="autres logiciels de l'éditeur avec le même module Ordonnance numérique, séparés par « ; » "
        '(--products "" : aucun)',
    )
    v.add_argument(
        "--third-party-engine",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="le logiciel intègre un moteur de prescription d'un éditeur tiers "
        "(--no-third-party-engine : son propre moteur)",
    )
    v.add_argument(
        "--serves-both",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="le logiciel équipe des médecins libéraux et des centres de santé "
        "(--no-serves-both : une seule situation)",
    )
    add_json(v)
    v.set_defaults(func=cmd_scope)


def cmd_extend(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        period = extend_preserie(ws, pid, getattr(args, "from"), args.version, args.reason)
    data = {
        "number": period.number,
        "from": period.start.isoformat(),
        "software_version": period.software_version,
        "previous_version": period.previous_version,
        "after_bilan": period.after_bilan,
        "reason": period.reason,
    }
    if args.json:
        print_json({"period": data})
        return 0
    print(
        f"Présérie prolongée : période {period.number} à partir du {format_date(period.start)}, "
        f"version {period.software_version} (après le bilan n° {period.after_bilan})."
    )
    print("Le prochain bilan ne compte que les traces, anomalies et réponses de cette période.")
    return 0


def cmd_deploy(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        pid = target(ws, args).id or 0
        p = record_deployment(
            ws, pid, meeting=args.meeting, traces_off=args.traces_off, authorised=args.authorised
        )
    data = {key: (getattr(p, key).isoformat() if getattr(p, key) else None) for key in STEPS}
    data["status"] = p.status
    if args.json:
        print_json({"deployment": data})
        return 0
    for key, label in STEPS.items():
        value = getattr(p, key)
        print(f"{label[:1].upper()}{label[1:]} : {format_date(value) if value else 'à venir'}")
    print(f"Statut de la présérie : {PreserieStatus(p.status).label}.")
    return 0


def cmd_scope(args: argparse.Namespace) -> int:
    """Without an option: the scope as recorded; with options: records them (audited)."""
    with open_ws(args) as ws:
        p = target(ws, args)
        pid = p.id or 0
        if args.products is None and args.third_party_engine is None and args.serves_both is None:
            scope = get_scope(ws, pid)
        else:
            scope = record_scope(
                ws,
                pid,
                products=args.products,
                third_party_engine=args.third_party_engine,
                serves_both=args.serves_both,
            )
        sentences = scope.sentences(referentiel_of(p))
    if args.json:
        print_json({"scope": scope.as_json(), "sentences": sentences})
        return 0
    print("Périmètre de la validation :")
    for sentence in sentences:
        print(f"- {sentence}")
    return 0


__all__ = ["register_actions"]
