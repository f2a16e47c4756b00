"""PyInstaller entry point of the command line (`ordnum`)."""

from ordnum_desktop.cli import main

raise SystemExit(main())
