from ordnum_desktop.cli import main

raise SystemExit(main())
