"""`ordnum`: the command line beside the window. Same services, no screen.

Exit status: 0 done; 1 rule violations found (reported); 2 unusable input, with one French
sentence on stderr and the workspace unchanged.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from ordnum_desktop import __version__
from ordnum_desktop.cli_commands import COMMAND_MODULES
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.store.engine import WorkspaceError


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
    try:
        return int(args.func(args) or 0)
    except (UserError, WorkspaceError) as exc:
        sys.stderr.write(f"{exc}\n")
        return 2
    except BrokenPipeError:
        # Output piped into `head` and the like: the reader left, nothing to report.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("Interrompu : aucune modification n'a été enregistrée.\n")
        return 2
    except Exception as exc:  # noqa: BLE001 - the user never sees a traceback
        if os.environ.get("ORDNUM_DEBUG"):
            traceback.print_exc()
        first = str(exc).splitlines()[0] if str(exc) else ""
        sys.stderr.write(
            f"Erreur inattendue ({type(exc).__name__}) : {first}. Aucune modification n'a été enregistrée.\n"
        )
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
