"""Every `ordnum … --help` is French: no English word of argparse, no English placeholder
(`OUT`, `EDITOR`, `ANOMALY_ID`…) — each subcommand is walked, so a new one cannot slip through."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from ordnum_desktop.cli import build_parser

ENGLISH = ("usage:", "positional arguments", "optional arguments", "options:", "show this help", "default:")
# The placeholders a French reader understands; an argument whose metavar is missing shows its
# English `dest` in capitals (EDITOR, ANOMALY_ID…) and fails here.
FRENCH_METAVARS = {
    "ACTION", "COMMANDE", "DATE", "DESTINATION", "DOSSIER", "EFFECTIF", "FICHIER", "ID",
    "IDENTIFIANT", "JOURS", "LOT", "N", "N°", "NOM", "PRÉREQUIS", "RÉFÉRENCE", "RÉPONSES",
    "SAUVEGARDE", "SORTIE", "SOURCE", "STATUT", "TEXTE", "TRACES", "VERSION",
}  # fmt: skip


def parsers(
    parser: argparse.ArgumentParser, path: str = "ordnum"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, f"{path} {name}")


def metavar(action: argparse.Action) -> str:
    if action.metavar is not None:
        return str(action.metavar)
    return action.dest.upper() if action.option_strings else action.dest


def test_every_help_is_french() -> None:
    found = list(parsers(build_parser()))
    assert len(found) > 30  # the walk reached the subcommands
    for path, parser in found:
        text = parser.format_help()
        assert "usage : " in text, path
        for word in ENGLISH:
            assert word not in text, f"{path} : « {word} »"


def test_every_placeholder_is_french() -> None:
    wrong = []
    for path, parser in parsers(build_parser()):
        for action in parser._actions:
            if action.option_strings and action.nargs == 0:
                continue  # a flag: no placeholder
            name = metavar(action)
            # `SORTIE.xlsx`, `TRACES.xlsx|TRACES.csv`, `liberal|centre|mixte`, `1-5`: the capitals count
            words = [w for w in re.split(r"[^\w°]+", name) if w.isupper()]
            wrong += [
                f"{path} {action.option_strings or action.dest} : {w}"
                for w in words
                if w not in FRENCH_METAVARS
            ]
    assert wrong == []
