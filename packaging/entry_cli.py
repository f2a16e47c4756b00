"""PyInstaller entry point of `ordnum.exe`, the Windows console executable of the command line
(on Linux `ordnum` is a symlink to the one executable of packaging/entry.py)."""

from ordnum_desktop.cli import main

raise SystemExit(main())
