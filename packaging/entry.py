"""PyInstaller entry point of the built application's programs. On Linux one executable holds
both: `ordnum-desktop` (the window) and `ordnum` (the command line, a symlink to it), told apart
by the name they are called by — one copy of the ~17 MB archive of Python modules instead of two.
On Windows, `ordnum.exe` is its own console executable (entry_cli.py): a window program has no
console to print to."""

import sys
from pathlib import Path


def called_as_cli(argv0: str) -> bool:
    name = Path(argv0).name.lower()
    return name.removesuffix(".exe") == "ordnum"


if called_as_cli(sys.argv[0]):
    from ordnum_desktop.cli import main as cli_main

    raise SystemExit(cli_main())

from ordnum_desktop.ui.app import main  # noqa: E402 - the CLI above must not load Qt first

raise SystemExit(main())
