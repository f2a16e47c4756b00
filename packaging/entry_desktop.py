"""PyInstaller entry point of the window (`ordnum-desktop`)."""

from ordnum_desktop.ui.app import main

raise SystemExit(main())
