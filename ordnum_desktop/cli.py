"""`ordnum`: the command line beside the window. Same services, no screen.

Exit status: 0 done; 1 rule violations found (reported); 2 refused or unusable input, with one French
sentence on stderr (for a bug, the log file holding its traceback) and the workspace unchanged.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Iterable, Sequence
from typing import Any

from ordnum_desktop.cli_commands import command_modules
from ordnum_desktop.cli_commands.remedies import CLI_REMEDIES
from ordnum_desktop.services.errors import OrdnumError, failure_message, saved_clause
from ordnum_desktop.services.io.error_log import setup_error_log
from ordnum_desktop.services.io.private_temp import sweep_private_temp
from ordnum_desktop.services.workspace.changes import committed_writes
from ordnum_desktop.version import app_version


class FrenchHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "usage : ")

    def start_section(self, heading: str | None) -> None:
        # argparse writes "options:"; French puts a space before the colon.
        super().start_section(f"{heading} " if heading else heading)


class FrenchArgumentParser(argparse.ArgumentParser):
    """argparse speaks English (usage, section titles, -h, errors); every parser of `ordnum`
    is one of these, so `--help` and usage errors are in French, exit 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")

    def error(self, message: str) -> None:  # type: ignore[override]
        if message.startswith("argument "):  # "argument --date: …" from a type= that refused
            message = message.removeprefix("argument ").replace(": ", " : ", 1)
        translated = (
            message.replace("the following arguments are required", "arguments requis")
            .replace("invalid choice", "choix invalide")
            .replace("unrecognized arguments", "arguments non reconnus")
            .replace("expected one argument", "une valeur est attendue")
            .replace("choose from", "choisir parmi")
            .replace("invalid int value", "nombre entier invalide")
            .replace("not allowed with argument", "incompatible avec l'argument")
            .replace("ambiguous option", "option ambiguë")
            .replace("could match", "pourrait être")
            .replace("ignored explicit argument", "valeur en trop pour une option sans valeur :")
        )
        sys.stderr.write(f"Commande incorrecte ({self.prog}) : {translated}. Voir « {self.prog} --help ».\n")
        raise SystemExit(2)


class VersionAction(argparse.Action):
    """`--version`, reading the version only when asked (importlib.metadata costs every run ~10 ms)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        sys.stdout.write(f"ordnum {app_version()}\n")
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with `command` (the first argument) only that command's parser when
    it is a known one: its module alone is imported."""
    parser = FrenchArgumentParser(
        prog="ordnum",
        description="Suivi des préséries de l'Ordonnance numérique en ligne de commande.",
    )
    parser.add_argument("--version", action=VersionAction, help="afficher la version et quitter")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchArgumentParser)
    sub.required = True
    for module in command_modules(command):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(arguments[0] if arguments else None)
    args = parser.parse_args(arguments)
    setup_error_log()
    sweep_private_temp()
    began = committed_writes()
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        # Output piped into `head` and the like: the reader left, nothing to report.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        sys.stderr.write(f"Interrompu : {saved_clause(began).strip()}\n")
        return 2
    except Exception as exc:  # noqa: BLE001 - the user reads one French sentence, the log the traceback
        if os.environ.get("ORDNUM_DEBUG"):
            traceback.print_exc()
        context = f"ordnum {args.command}"
        sys.stderr.write(f"{failure_message(exc, CLI_REMEDIES, context=context, saved_since=began)}\n")
        return exc.exit_code if isinstance(exc, OrdnumError) else 2


if __name__ == "__main__":
    raise SystemExit(main())
