"""`ordnum`: the command line beside the window. Same services, no screen.

Exit status: 0 done; 1 rule violations found (reported); 2 refused or unusable input, with one French
sentence on stderr (for a bug, the log file holding its traceback) and the workspace unchanged.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from ordnum_desktop import __version__
from ordnum_desktop.cli_commands import COMMAND_MODULES
from ordnum_desktop.cli_commands.remedies import CLI_REMEDIES
from ordnum_desktop.services.errors import OrdnumError, failure_message
from ordnum_desktop.services.io.error_log import setup_error_log


class FrenchArgumentParser(argparse.ArgumentParser):
    """argparse prints English usage errors; ours say what is wrong in French, exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        translated = (
            message.replace("the following arguments are required", "arguments requis")
            .replace("invalid choice", "choix invalide")
            .replace("unrecognized arguments", "arguments non reconnus")
            .replace("expected one argument", "une valeur est attendue")
            .replace("choose from", "choisir parmi")
            .replace("invalid int value", "nombre entier invalide")
        )
        sys.stderr.write(f"Commande incorrecte ({self.prog}) : {translated}. Voir « {self.prog} --help ».\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchArgumentParser(
        prog="ordnum",
        description="Suivi des préséries de l'Ordonnance numérique en ligne de commande.",
    )
    parser.add_argument("--version", action="version", version=f"ordnum {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchArgumentParser)
    sub.required = True
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_error_log()
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        # Output piped into `head` and the like: the reader left, nothing to report.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("Interrompu : aucune modification n'a été enregistrée.\n")
        return 2
    except Exception as exc:  # noqa: BLE001 - the user reads one French sentence, the log the traceback
        if os.environ.get("ORDNUM_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(f"{failure_message(exc, CLI_REMEDIES, context=f'ordnum {args.command}')}\n")
        return exc.exit_code if isinstance(exc, OrdnumError) else 2


if __name__ == "__main__":
    raise SystemExit(main())
