"""`backup list/create/restore/settings` and `audit`: the workspace's safety net."""

from __future__ import annotations

import argparse
from pathlib import Path

from ordnum_desktop.cli_commands.common import add_db, add_json, open_ws, print_json
from ordnum_desktop.domain.text import printable
from ordnum_desktop.services.workspace import audit_log, backup


def register(sub: argparse._SubParsersAction) -> None:
    b = sub.add_parser("backup", help="sauvegardes automatiques de l'espace de travail")
    bsub = b.add_subparsers(dest="action", metavar="ACTION", parser_class=type(b))
    bsub.required = True
    lst = bsub.add_parser("list", help="lister les sauvegardes (la plus récente d'abord)")
    add_db(lst)
    add_json(lst)
    lst.set_defaults(func=cmd_list)
    c = bsub.add_parser("create", help="faire une sauvegarde maintenant")
    add_db(c)
    c.set_defaults(func=cmd_create)
    r = bsub.add_parser("restore", help="restaurer une sauvegarde (le contenu actuel est sauvegardé avant)")
    add_db(r)
    r.add_argument("backup", metavar="SAUVEGARDE", help="numéro donné par « backup list », nom ou chemin")
    r.set_defaults(func=cmd_restore)
    s = bsub.add_parser("settings", help="nombre de sauvegardes gardées et durée de conservation")
    add_db(s)
    s.add_argument("--keep", type=int, metavar="N", help="nombre de sauvegardes gardées (défaut 10)")
    s.add_argument(
        "--days", type=int, metavar="JOURS", help="supprimer celles de plus de JOURS jours (0 : jamais)"
    )
    s.set_defaults(func=cmd_settings)

    a = sub.add_parser("audit", help="journal des modifications de l'espace de travail")
    add_db(a, read_only=True)
    a.add_argument("--preserie", type=int, metavar="ID", help="limiter à une présérie")
    a.add_argument("--limit", type=int, metavar="N", help="les N dernières modifications seulement")
    add_json(a)
    a.set_defaults(func=cmd_audit)


def cmd_list(args: argparse.Namespace) -> int:
    found = backup.list_backups(args.db)
    keep, days = backup.retention(args.db) if Path(args.db).exists() else (None, None)
    if args.json:
        print_json(
            {
                "keep": keep,
                "days": days,
                "backups": [backup.as_json(b, n) for n, b in enumerate(found, start=1)],
            }
        )
        return 0
    if not found:
        print(f"Aucune sauvegarde pour « {Path(args.db).name} ».")
        return 0
    for n, b in enumerate(found, start=1):
        size = f"{b.size / (1024 * 1024):.1f}".replace(".", ",")
        print(f"{n:>3}  {b.created:%d/%m/%Y %H:%M:%S}  {size} Mo  {b.reason_label:<28}  {b.path}")
    return 0


def cmd_create(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        copy = backup.backup_now(ws)
    print(f"Sauvegarde écrite : {copy}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    safety = backup.restore_backup(args.db, args.backup)
    print(
        f"Sauvegarde restaurée dans « {Path(args.db).name} »."
        + (f" Le contenu remplacé a été sauvegardé : {safety}" if safety else "")
    )
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        keep, days = backup.set_retention(ws, args.keep, args.days)
    print(f"Sauvegardes gardées : {keep}" + (f", au plus {days} jour(s)" if days else "") + ".")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with open_ws(args) as ws:
        entries = audit_log.list_entries(ws, args.preserie, limit=args.limit)
    if args.json:
        print_json([audit_log.as_json(e) for e in entries])
        return 0
    for e in entries:
        batch = f" [lot {e.batch_id}]" if e.batch_id is not None else ""
        by = f" (par {e.changed_by})" if e.changed_by else ""
        print(printable(f"{e.at:%d/%m/%Y %H:%M:%S}  {e.label}{batch}{by} : {audit_log.describe(e)}"))
    return 0
