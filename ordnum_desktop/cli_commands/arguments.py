"""Argument types shared by every command: dates in either French or ISO form, and closed
choices that accept the value with or without accents and capitals (`libéral`, `Liberal`,
`créer`…). Each refusal is one French sentence that names the option and the expected form."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time

from ordnum_desktop.domain.entry_checks import year_problem
from ordnum_desktop.domain.text import fold
from ordnum_desktop.services.io.cell_values import parse_date

DATE_FORMS = "AAAA-MM-JJ ou JJ/MM/AAAA"


def cli_date(text: str) -> date:
    """`2025-03-31` or `31/03/2025` (argparse `type=`)."""
    try:
        day = parse_date(text)
    except ValueError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(
            f"date « {text} » illisible : format {DATE_FORMS} attendu (par exemple 31/03/2025)"
        )
    problem = year_problem(day)  # 31/12/9999 typed for « no end » would break every export
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return day


def add_date(p: argparse.ArgumentParser, flag: str, help_text: str, *, required: bool = False) -> None:
    p.add_argument(flag, type=cli_date, required=required, metavar="DATE", help=f"{help_text} ({DATE_FORMS})")


def add_record_date(p: argparse.ArgumentParser) -> None:
    """`--date D` of the commands that record something dated (default: today), so that a
    présérie can be entered after the fact and judged at its own dates."""
    add_date(p, "--date", "date de l'événement, par défaut aujourd'hui")


def record_time(day: date | None) -> datetime | None:
    """The time stamp of a record dated `--date D`: now for today or no date (the service's
    default), else noon of D, so that it stays on that day whatever the time zone of a reader."""
    if day is None or day == date.today():
        return None
    return datetime.combine(day, time(12, 0))


def cli_choice(choices: Iterable[str] | Mapping[str, str]) -> Callable[[str], str]:
    """An argparse `type=` that maps any spelling of a choice (accents, case, spaces) to its
    code; `choices` is a list of codes or a {code: label} mapping whose labels also match."""
    table: dict[str, str] = {}
    codes = list(choices)
    for code in codes:
        table[fold(code)] = code
    if isinstance(choices, Mapping):
        for code, label in choices.items():
            table.setdefault(fold(label), code)

    def convert(text: str) -> str:
        found = table.get(fold(text))
        if found is None:
            raise argparse.ArgumentTypeError(f"valeur « {text} » inconnue : choisir parmi {', '.join(codes)}")
        return found

    convert.__name__ = "choix"
    return convert


def add_choice(
    p: argparse.ArgumentParser,
    flag: str,
    choices: Iterable[str] | Mapping[str, str],
    help_text: str,
    *,
    required: bool = False,
    default: str | None = None,
) -> None:
    codes = list(choices)
    p.add_argument(
        flag,
        type=cli_choice(choices),
        required=required,
        default=default,
        metavar="|".join(codes),
        help=help_text,
    )


__all__ = ["DATE_FORMS", "add_choice", "add_date", "add_record_date", "cli_choice", "cli_date"]
