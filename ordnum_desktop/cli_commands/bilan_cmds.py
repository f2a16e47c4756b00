"""`bilan`: the five criteria and the decision, as French text or JSON, and the printed forms."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ordnum_desktop.cli_commands.common import add_db, add_json, add_preserie, open_ws, print_json, target
from ordnum_desktop.domain.fr_format import format_int, format_iso_date, format_percent
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.errors import UserError

CRITERION_LABELS = {
    "doctor_rate": "Taux d'ordonnances numériques par médecin",
    "registration": "Enregistrement des e-prescriptions",
    "operations": "Opérations créer, consulter, rechercher",
    "prerequisites": "Prérequis techniques au déploiement",
    "satisfaction": "Satisfaction des médecins utilisateurs",
}
OPERATION_LABELS = {"creer": "créer", "consulter": "consulter", "rechercher": "rechercher"}


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("bilan", help="bilan de la présérie : critères et décision")
    add_db(b)
    add_preserie(b)
    b.add_argument(
        "--as-of",
        metavar="AAAA-MM-JJ",
        help="date du bilan (par défaut : jour de la dernière trace importée)",
    )
    add_json(b)
    b.add_argument("--pdf", metavar="OUT.pdf", help="écrire aussi le bilan imprimable (PDF)")
    b.add_argument("--xlsx", metavar="OUT.xlsx", help="écrire aussi le classeur du bilan")
    b.set_defaults(func=cmd_bilan)


def parse_as_of(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(
            f"Date « {text} » illisible pour --as-of : format AAAA-MM-JJ attendu (par exemple 2025-03-31)."
        ) from None


def _met(flag: bool) -> str:
    return "atteint" if flag else "NON atteint"


def summary_lines(b: dict[str, Any]) -> list[str]:
    c = b["criteria"]
    p = b["preserie"]
    lines = [
        f"Bilan de la présérie n° {p['id']} — {p['editor']} / {p['software']} {p['version']}, "
        f"au {format_iso_date(b['as_of'])}"
    ]
    rate = c["doctor_rate"]
    lines.append(
        f"1. {CRITERION_LABELS['doctor_rate']} (seuil {format_percent(rate['threshold'], 0)}) : "
        f"{_met(rate['met'])}"
    )
    if not rate["doctors"]:
        lines.append("   Aucun médecin équipé dans l'effectif.")
    for d in rate["doctors"]:
        mark = "ok" if d["met"] else "sous le seuil" if d["prescriptions"] else "aucune ordonnance"
        lines.append(
            f"   - {d['name']} ({d['identifier'] or 'identifiant manquant'}) : "
            f"{format_int(d['digital'])} / {format_int(d['prescriptions'])} = "
            f"{format_percent(d['rate'])} — {mark}"
        )
    reg = c["registration"]
    lines.append(
        f"2. {CRITERION_LABELS['registration']} (seuil {format_percent(reg['threshold'], 0)}) : "
        f"{_met(reg['met'])} — {format_int(reg['registered'])} enregistrées sur "
        f"{format_int(reg['created'])} créées = {format_percent(reg['rate'])}"
    )
    ops = c["operations"]
    detail = ", ".join(
        f"{label} {format_int(ops[key]['succeeded'])} réussi(s) / {format_int(ops[key]['calls'])} appel(s)"
        for key, label in OPERATION_LABELS.items()
    )
    lines.append(f"3. {CRITERION_LABELS['operations']} : {_met(ops['met'])} — {detail}")
    if ops.get("open_blocking_anomalies"):
        lines.append(f"   {ops['open_blocking_anomalies']} anomalie(s) bloquante(s) encore ouverte(s).")
    pre = c["prerequisites"]
    state = "validée" if pre.get("validated_at") else "non validée"
    lines.append(
        f"4. {CRITERION_LABELS['prerequisites']} : {_met(pre['met'])} — "
        f"{pre.get('count', 0)} prérequis, liste {state}"
    )
    sat = c["satisfaction"]
    lines.append(
        f"5. {CRITERION_LABELS['satisfaction']} : {_met(sat['met'])} — "
        f"{sat.get('answered', 0)} réponse(s) sur {sat.get('expected', 0)}, "
        f"{sat.get('blocking', 0)} obstacle(s) bloquant(s) signalé(s)"
    )
    if b["unmatched_rows"]:
        idents = ", ".join(f"{u['identifier']} ({format_int(u['rows'])})" for u in b["unmatched"][:10])
        lines.append(f"Lignes de PS inconnus (hors critères) : {format_int(b['unmatched_rows'])} — {idents}")
    if b["decision"] == "deploy":
        lines.append("Décision : DÉPLOIEMENT — les cinq critères sont atteints.")
    else:
        failed = ", ".join(
            f"{i} ({CRITERION_LABELS[key].lower()})"
            for i, key in enumerate(CRITERION_LABELS, 1)
            if key in b["failed"]
        )
        lines.append(f"Décision : PROLONGATION — critère(s) non atteint(s) : {failed}.")
    return lines


def cmd_bilan(args: argparse.Namespace) -> int:
    as_of = parse_as_of(args.as_of)
    with open_ws(args) as ws:
        p = target(ws, args)
        pid = p.id or 0
        result = compute_bilan(ws, pid, as_of)
        written = []
        if args.pdf:
            from ordnum_desktop.services.bilan.pdf_export import write_bilan_pdf

            written.append(write_bilan_pdf(ws, pid, args.pdf, as_of=as_of))
        if args.xlsx:
            try:
                from ordnum_desktop.services.bilan.workbook import write_bilan_workbook
            except ImportError:
                raise UserError("Le classeur du bilan n'est pas disponible dans cette version.") from None
            written.append(write_bilan_workbook(ws, pid, args.xlsx, as_of=as_of))
    if args.json:
        print_json(result)
    else:
        print("\n".join(summary_lines(result)))
        for path in written:
            print(f"Écrit : {path}")
    return 0
