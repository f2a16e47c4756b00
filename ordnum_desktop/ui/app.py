"""`ordnum-desktop [--db FILE] [--screenshot DIR]`: the desktop application.

Start-up is ordered for a fast first paint, then the data: only PySide6 and light modules are
imported before the window shows (see `ui/main_window.py`); the workspace (SQLModel, services) is
opened once the window has painted (`ui/first_paint.py`), and the PS tab's roster comes before
anything else; matplotlib, the bilan, reportlab and openpyxl wait until a tab or an action needs
them. `ORDNUM_STARTUP_PROBE=1` reports these moments (`ui/startup_probe.py`, `make bench`).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog

from ordnum_desktop.store.address import is_server_address
from ordnum_desktop.ui.background import BackgroundTask
from ordnum_desktop.ui.dialogs.prompts import Prompts
from ordnum_desktop.ui.first_paint import AfterFirstPaint
from ordnum_desktop.ui.main_window import WORKSPACE_MODULES, MainWindow
from ordnum_desktop.ui.recent_files import recent_files
from ordnum_desktop.ui.startup_probe import StartupProbe

ORGANISATION = "Assurance Maladie"
APPLICATION = "ordnum-desktop"
SCREENSHOT_SIZE = (1280, 800)
SCREENSHOT_NAMES = ("ps", "cpam", "planning", "bilan")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="ordnum-desktop", description="Suivi des préséries de l'Ordonnance numérique."
    )
    parser.add_argument(
        "--db",
        metavar="FICHIER",
        help="fichier de suivi à ouvrir, ou base postgresql://utilisateur@hôte:port/base",
    )
    parser.add_argument(
        "--screenshot", metavar="DOSSIER", help="enregistre une image de chaque onglet (1280×800) puis quitte"
    )
    return parser.parse_args(argv)


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Ordonnance numérique")
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    return app  # type: ignore[return-value]


def install_french_translation(app: QApplication) -> None:
    """Qt's own texts (context menus, calendar, standard buttons) in French. Done after the first
    paint: nothing on the first screen needs it."""
    translator = QTranslator(app)
    if translator.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)


class ConsolePrompts(Prompts):
    """For `--screenshot`, which runs unattended: messages go to stderr, questions get « non »."""

    def info(self, title: str, text: str) -> None:
        print(f"{title} : {text}", file=sys.stderr)

    def error(self, title: str, text: str) -> None:
        print(f"{title} : {text}", file=sys.stderr)

    def ask_yes_no(self, title: str, text: str, yes: str = "Oui", no: str = "Non") -> bool:
        print(f"{title} : {text} → {no}", file=sys.stderr)
        return False

    def run_dialog(self, dialog: QDialog) -> bool:
        # Deferred like in error_hooks.py: the error dialog's form is not needed for a first paint.
        from ordnum_desktop.ui.dialogs.error_dialog import ErrorDialog

        if isinstance(dialog, ErrorDialog):  # nobody is there to close it
            print(f"Erreur inattendue : {dialog.message()}", file=sys.stderr)
            return False
        return super().run_dialog(dialog)


def import_modules(names: tuple[str, ...]) -> None:
    """Run off the GUI thread (`BackgroundTask`): only imports, no widget is touched."""
    for name in names:
        importlib.import_module(name)


def take_screenshots(window: MainWindow, folder: Path) -> list[Path]:
    """Shows each tab in turn at 1280×800 and saves it as NN-name.png."""
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(*SCREENSHOT_SIZE)
    # A local event loop rather than QApplication.processEvents(): in PySide6 6.12 the static
    # call drops one reference to None each time, which crashes the interpreter at exit.
    loop = QEventLoop()
    out = []
    for index, name in enumerate(SCREENSHOT_NAMES):
        window.ui.tabs.setCurrentIndex(index)
        for _ in range(5):  # let the tab load its data and draw its charts
            loop.processEvents()
        path = folder / f"{index + 1:02d}-{name}.png"
        window.grab().save(str(path))
        out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application(sys.argv[:1])

    window = MainWindow(prompts=ConsolePrompts() if args.screenshot else None)
    installed: list[Callable[[], None]] = []
    probe = StartupProbe.from_environment(window)
    window.show()

    def after_first_paint() -> None:
        # The log file and the error hooks are set up once the window shows: their imports
        # (logging.handlers, platformdirs, a Qt signal class) cost ~40 ms that the first paint
        # does not wait for; an error before this point still reaches stderr.
        from ordnum_desktop.services.io.error_log import setup_error_log
        from ordnum_desktop.services.io.private_temp import sweep_private_temp
        from ordnum_desktop.ui.error_hooks import ErrorHooks

        setup_error_log()
        sweep_private_temp()
        hooks = ErrorHooks(window.prompts, window)
        hooks.install()
        installed.append(hooks.uninstall)
        db = args.db
        if db is None and not args.screenshot:
            recents = [p for p in recent_files() if Path(p).exists()]
            db = recents[0] if recents else None
        if db is None or is_server_address(db) or args.screenshot:
            # A `postgresql://` address stays a string (a Path would fold its `//`).
            opened = db is None or window.open_path(db if is_server_address(db) else Path(db))
            if args.screenshot and not opened:
                app.exit(2)
                return
            workspace_open()
            return
        # A file: its PS tab is painted from a quick read first, then the workspace's modules
        # (SQLAlchemy…) load off the GUI thread and the workspace opens and takes over.
        if window.show_first_screen(Path(db)) and probe is not None:
            probe.data_shown(window.shown_table())
        BackgroundTask.start_task(
            import_modules,
            WORKSPACE_MODULES,
            on_done=lambda _: open_file(Path(db)),
            on_failed=lambda _: open_file(Path(db)),  # the opening itself then says what is wrong
        )

    def open_file(path: Path) -> None:
        if not window.open_path(path):
            window.drop_first_screen()
        workspace_open()

    def workspace_open() -> None:
        if probe is not None:
            probe.ready(window.shown_table())
            return
        # After the data: the first screen needs none of Qt's own texts.
        install_french_translation(app)
        if args.screenshot:
            for path in take_screenshots(window, Path(args.screenshot)):
                print(path)
            window.close()
            app.exit(0)

    AfterFirstPaint(window, after_first_paint)
    try:
        return app.exec()
    finally:
        for uninstall in installed:
            uninstall()


if __name__ == "__main__":
    raise SystemExit(main())
