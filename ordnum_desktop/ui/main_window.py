"""The main window: menus, présérie selector and header, the four tabs, the status bar.

Only PySide6, the compiled forms and light modules are imported at the top so that the window
paints at once (tests/benchmarks/bench_startup.py): every module that pulls SQLAlchemy — the
workspace, the services, the tabs — is imported inside the method that first needs it, which runs
after the first paint; each tab loads its data (and matplotlib) the first time it is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from ordnum_desktop.domain.fr_format import format_datetime
from ordnum_desktop.domain.names import preserie_name
from ordnum_desktop.services.errors import UserError, user_message
from ordnum_desktop.store.address import is_server_address
from ordnum_desktop.ui.background import BackgroundTask
from ordnum_desktop.ui.context import PLANNING, PRESERIE, AppContext
from ordnum_desktop.ui.dialogs.prompts import Prompts
from ordnum_desktop.ui.focus_ring import install_focus_ring
from ordnum_desktop.ui.forms.ui_main_window import Ui_MainWindow
from ordnum_desktop.ui.recent_files import add_recent, forget_recent, recent_files, recent_label
from ordnum_desktop.ui.remedies import WINDOW_REMEDIES
from ordnum_desktop.ui.tabs.tab_base import BaseTab

if TYPE_CHECKING:
    from ordnum_desktop.ui.tabs.bilan_tab import BilanTab
    from ordnum_desktop.ui.tabs.ps_tab import PsTab

WORKSPACE_FILTER = "Fichier de suivi (*.sqlite *.ordnum *.db);;Tous les fichiers (*)"
TAB_NAMES = ("ps", "cpam", "planning", "bilan", "overview")
OVERVIEW = TAB_NAMES.index("overview")
# What opening a workspace and showing its PS tab import (SQLAlchemy, SQLModel, the services):
# imported off the GUI thread while the first screen is on view (ui/app.py).
WORKSPACE_MODULES = (
    "ordnum_desktop.services.workspace.session",
    "ordnum_desktop.store.lock",
    "ordnum_desktop.services.roster.preseries",
    "ordnum_desktop.services.roster.doctors",
    "ordnum_desktop.ui.widgets.header_text",
    "ordnum_desktop.ui.roster_commands",
)


def make_tab(index: int, ctx: AppContext) -> BaseTab:
    """The tab at `index`, built the first time it is shown. Each tab module pulls SQLAlchemy (the
    Bilan tab openpyxl too), hence the imports here rather than at the top."""
    if index == 0:
        from ordnum_desktop.ui.tabs.ps_tab import PsTab

        return PsTab(ctx)
    if index == 1:
        from ordnum_desktop.ui.tabs.cpam_tab import CpamTab

        return CpamTab(ctx)
    if index == 2:
        from ordnum_desktop.ui.tabs.planning_tab import PlanningTab

        return PlanningTab(ctx)
    if index == OVERVIEW:
        from ordnum_desktop.ui.tabs.overview_tab import OverviewTab

        return OverviewTab(ctx)
    from ordnum_desktop.ui.tabs.bilan_tab import BilanTab

    return BilanTab(ctx)


class MainWindow(QMainWindow):
    def __init__(self, prompts: Prompts | None = None) -> None:
        install_focus_ring()  # before any widget exists: none is polished twice
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.prompts = prompts or Prompts(self)
        self.ctx = AppContext(self.prompts, self)
        self.ctx.status.connect(self._say)
        self.ctx.changed.connect(self._on_changed)
        self.tab_widgets: dict[str, BaseTab] = {}
        self._tabs_connected = False
        self._placeholders: list[QLabel] = []
        # « Vue d'ensemble » (every présérie of the file): after the four présérie tabs, so that
        # their places and Ctrl+1…4 stay; shown first when the file holds several préséries.
        self.overview_page = QWidget()
        self.overview_page.setObjectName("overviewPage")
        QVBoxLayout(self.overview_page)
        self.ui.tabs.addTab(self.overview_page, "Vue d'ensemble")
        for page in self._pages():
            label = QLabel("Ouvrez ou créez un fichier de suivi (menu Fichier).")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setEnabled(False)
            page.layout().addWidget(label)
            self._placeholders.append(label)
        # The dates take the header's whole width under the selector: beside it, at 150 % on a
        # laptop they were squeezed into a column of seven lines.
        self.ui.datesLabel.setWordWrap(True)
        self.ui.statusBadge.setFixedHeight(24)
        self._wire_menus()
        self._set_header_enabled(False)
        self._restore_geometry()
        self.statusBar().showMessage("Prêt.")

    def _pages(self) -> tuple[QWidget, ...]:
        ui = self.ui
        return (ui.psPage, ui.cpamPage, ui.planningPage, ui.bilanPage, self.overview_page)

    # -- set-up -----------------------------------------------------------------------------
    def _wire_menus(self) -> None:
        ui = self.ui
        ui.actionNew.triggered.connect(self.new_workspace)
        ui.actionOpen.triggered.connect(self.open_workspace)
        # Team mode: a workspace on a PostgreSQL server, after « Ouvrir ».
        self.server_action = QAction("Se connecter à un &serveur…", self)
        self.server_action.triggered.connect(self.connect_to_server)
        file_actions = ui.menuFile.actions()
        ui.menuFile.insertAction(file_actions[file_actions.index(ui.actionOpen) + 1], self.server_action)
        ui.actionSaveCopy.triggered.connect(self.save_copy)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionNewPreserie.triggered.connect(self.new_preserie)
        ui.newPreserieButton.clicked.connect(self.new_preserie)
        ui.actionImportTraces.triggered.connect(self.import_traces)
        ui.actionExportBilan.triggered.connect(self.export_bilan)
        ui.menuRecent.aboutToShow.connect(self._fill_recent_menu)
        self.edit_preserie_action = ui.menuPreserie.addAction("&Modifier la présérie…")
        self.edit_preserie_action.triggered.connect(self.edit_preserie)
        self.status_menu = ui.menuPreserie.addMenu("&Statut")
        self.status_menu.aboutToShow.connect(self._fill_status_menu)
        self.close_bilan_action = ui.menuPreserie.addAction("&Clore le bilan…")
        self.close_bilan_action.triggered.connect(self.close_bilan)
        self.extend_action = ui.menuPreserie.addAction("&Prolonger la présérie…")
        self.extend_action.triggered.connect(self.extend_preserie)
        self.history_action = ui.menuPreserie.addAction("&Historique des bilans…")
        self.history_action.triggered.connect(self.show_bilan_history)
        self.deploy_action = ui.menuPreserie.addAction("Étapes du &déploiement…")
        self.deploy_action.triggered.connect(self.record_deployment)
        self.scope_action = ui.menuPreserie.addAction("Périmètre de la &validation…")
        self.scope_action.triggered.connect(self.edit_scope)
        self.overview_action = ui.menuPreserie.addAction("&Vue d'ensemble")
        self.overview_action.setShortcut(QKeySequence("Ctrl+5"))
        self.overview_action.triggered.connect(self.show_overview)
        ui.menuPreserie.addSeparator()
        self.journal_action = ui.menuPreserie.addAction("&Journal des modifications…")
        self.journal_action.setShortcut(QKeySequence("Ctrl+J"))
        self.journal_action.triggered.connect(self.show_journal)
        self.help_menu = self.menuBar().addMenu("&Aide")
        self.about_action = self.help_menu.addAction("À &propos…")
        self.about_action.triggered.connect(self.show_about)
        # Backups sit with the other whole-file actions, after « Enregistrer une copie… ».
        after_copy = ui.menuFile.actions()[ui.menuFile.actions().index(ui.actionSaveCopy) + 1]
        self.backup_now_action = ui.menuFile.addAction("&Sauvegarder maintenant")
        self.backup_now_action.triggered.connect(self.backup_now)
        self.restore_action = ui.menuFile.addAction("&Restaurer une sauvegarde…")
        self.restore_action.triggered.connect(self.restore_backup)
        for action in (self.backup_now_action, self.restore_action):
            ui.menuFile.insertAction(after_copy, action)
        undo = self.ctx.undo_stack.createUndoAction(self, "&Annuler")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, "&Rétablir")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        ui.menuEdit.addAction(undo)
        ui.menuEdit.addAction(redo)
        ui.preserieCombo.activated.connect(self._on_preserie_picked)
        for n in range(OVERVIEW):  # Ctrl+1…4: the four tabs (Ctrl+5, the overview, is its action's)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self)
            shortcut.activated.connect(lambda n=n: self.ui.tabs.setCurrentIndex(n))
        for action in (
            ui.actionSaveCopy,
            ui.actionNewPreserie,
            ui.actionImportTraces,
            ui.actionExportBilan,
            self.journal_action,
            self.backup_now_action,
            self.restore_action,
            self.close_bilan_action,
            self.history_action,
            self.extend_action,
            self.deploy_action,
            self.scope_action,
            self.overview_action,
        ):
            action.setEnabled(False)

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        index = QSettings().value("window/tab", 0)
        self.ui.tabs.setCurrentIndex(int(index or 0))

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def _set_header_enabled(self, enabled: bool) -> None:
        self.ui.preserieCombo.setEnabled(enabled)
        self.ui.newPreserieButton.setEnabled(enabled)

    # -- workspace --------------------------------------------------------------------------
    def open_path(self, path: str | Path, *, create: bool = False) -> bool:
        """Opens a workspace file (creating it when asked) and shows its présérie."""
        # SQLAlchemy and Alembic: loaded with the first workspace, after the first paint.
        from ordnum_desktop.services.workspace.session import Workspace, WorkspaceError
        from ordnum_desktop.store.lock import WorkspaceLockedError

        if is_server_address(path):
            return self._open_server(str(path), create=create)
        path = Path(path)
        if not create and not path.exists():
            self.prompts.error("Ouvrir", f"Le fichier « {path} » n'existe pas.")
            forget_recent(str(path))
            return False
        try:
            ws = Workspace.open(path, create=create)
        except WorkspaceLockedError as exc:
            question = f"{exc}\n\nL'ouvrir en lecture seule (consultation sans modification) ?"
            if not self.prompts.ask_yes_no(
                "Fichier déjà ouvert", question, yes="Ouvrir en lecture seule", no="Annuler"
            ):
                return False
            ws = self.ctx.run("Ouvrir", Workspace.open, path, read_only=True)
        except (UserError, WorkspaceError) as exc:
            self.prompts.error("Ouvrir", user_message(exc, WINDOW_REMEDIES))
            return False
        if ws is None:
            return False
        return self._show_workspace(ws)

    def show_first_screen(self, path: Path) -> bool:
        """Paints the PS tab from a quick read of the file, before the workspace (and SQLAlchemy)
        is opened (services/workspace/first_screen.py); True when something was shown. The caller
        opens the workspace next (`open_path`, after `WORKSPACE_MODULES` are imported off the GUI
        thread), which replaces these rows by the same rows read through the workspace, makes
        them editable — or, if the file cannot be opened, `drop_first_screen` takes them away."""
        if self.ctx.ws is not None or self.ui.tabs.currentIndex() != TAB_NAMES.index("ps"):
            return False
        from ordnum_desktop.services.workspace.first_screen import first_screen

        first = first_screen(path)
        if first is None:
            return False
        lines = [(p.id, preserie_name(p.editor, p.software, p.version)) for p in first.preseries]
        self._fill_combo(lines, first.preserie_id)
        tab = cast("PsTab", self._tab(TAB_NAMES.index("ps")))
        tab.restore_state_once()
        tab.show_first_screen(first)
        # The header's two lines (dates, weeks) come with the workspace: kept empty but tall
        # enough now, so that the table does not jump down when they arrive.
        self.ui.datesLabel.setText("&nbsp;<br/>&nbsp;")
        self._say(f"Ouverture du fichier « {path.name} »…")
        return True

    def drop_first_screen(self) -> None:
        """The file shown by `show_first_screen` could not be opened: nothing of it stays."""
        if self.ctx.ws is not None:
            return
        tab = self.tab_widgets.pop("ps", None)
        if tab is not None:
            tab.setParent(None)
            tab.deleteLater()
            self._placeholders[TAB_NAMES.index("ps")].show()
        self._fill_combo([], None)
        self._say("Prêt.")

    def _open_server(self, address: str, *, create: bool = False) -> bool:
        """A workspace on a PostgreSQL server; an empty base is set up only when the user says so."""
        from ordnum_desktop.domain.errors import Hint
        from ordnum_desktop.services.workspace.session import Workspace, WorkspaceError

        try:
            ws = Workspace.open(address, create=create)
        except WorkspaceError as exc:
            if exc.hint is not Hint.CREATE_WORKSPACE or not self.prompts.ask_yes_no(
                "Se connecter à un serveur",
                f"{exc.message}\n\nY créer un nouvel espace de travail ?",
                yes="Créer l'espace de travail",
                no="Annuler",
            ):
                if exc.hint is not Hint.CREATE_WORKSPACE:
                    self.prompts.error("Se connecter à un serveur", user_message(exc, WINDOW_REMEDIES))
                return False
            ws = self.ctx.run("Se connecter à un serveur", Workspace.open, address, create=True)
            if ws is None:
                return False
        except UserError as exc:
            self.prompts.error("Se connecter à un serveur", user_message(exc, WINDOW_REMEDIES))
            return False
        return self._show_workspace(ws)

    def connect_to_server(self) -> None:
        """Fichier ▸ « Se connecter à un serveur… »."""
        from ordnum_desktop.ui.dialogs.server_dialog import ServerDialog

        last = next((item for item in recent_files() if is_server_address(item)), "")
        dialog = ServerDialog(last, self)
        if self.prompts.run_dialog(dialog):
            self.open_path(dialog.address())

    def _show_workspace(self, ws: Any) -> bool:
        """Shows an opened workspace (file or server) in the window."""
        path = Path(ws.path) if ws.path is not None else None
        self.close_workspace()
        self.ctx.ws = ws
        add_recent(ws.address)
        suffix = " (lecture seule)" if ws.read_only else ""
        self.setWindowTitle(f"{ws.name}{suffix} — Ordonnance numérique, suivi des préséries")
        self._ensure_tabs()
        self._set_header_enabled(not ws.read_only)
        self.ui.preserieCombo.setEnabled(True)
        for action in (
            self.ui.actionSaveCopy,
            self.ui.actionNewPreserie,
            self.ui.actionImportTraces,
            self.ui.actionExportBilan,
        ):
            action.setEnabled(True)
        self.ui.actionNewPreserie.setEnabled(not ws.read_only)
        self.ui.actionImportTraces.setEnabled(not ws.read_only)
        self.journal_action.setEnabled(True)
        # Another instance holds a read-only file: it alone may back it up or replace it. On a
        # server, copies are the server's (pg_dump): the file actions are off.
        self.backup_now_action.setEnabled(not ws.read_only and path is not None)
        self.restore_action.setEnabled(not ws.read_only and path is not None)
        self.ui.actionSaveCopy.setEnabled(path is not None)
        self.close_bilan_action.setEnabled(not ws.read_only)
        self.history_action.setEnabled(True)
        self.extend_action.setEnabled(not ws.read_only)
        self.deploy_action.setEnabled(not ws.read_only)
        self.scope_action.setEnabled(not ws.read_only)
        self.overview_action.setEnabled(True)
        self.reload_preseries()
        if self.ui.preserieCombo.count() > 1:  # several préséries: all of them at a glance first
            self.ui.tabs.setCurrentIndex(OVERVIEW)
        opened = f"Fichier « {ws.name} » ouvert" if path is not None else f"Base « {ws.name} » ouverte"
        if ws.location_warning:
            self._say(ws.location_warning)
        elif ws.read_only_reason:  # a server role that may only read: why nothing is editable
            self._say(ws.read_only_reason)
        else:
            self._say(f"{opened}.")
        if self.ctx.preserie_id is None and not ws.read_only:
            self._say(f"{opened} : aucune présérie pour l'instant.")
        return True

    def close_workspace(self) -> None:
        BackgroundTask.wait_all()  # an export still writing from this file finishes first
        for tab in self.tab_widgets.values():
            tab.shutdown()
        if self.ctx.ws is not None:
            self.ctx.ws.close()
        self.ctx.ws = None
        self.ctx.preserie_id = None
        self.ctx.undo_stack.clear()

    def _ensure_tabs(self) -> None:
        """Tabs are built the first time they are shown: the PS tab at once, the others (and
        their imports: bilan, matplotlib…) only when the user opens them."""
        if self._tabs_connected:
            return
        self._tabs_connected = True
        self.ui.tabs.currentChanged.connect(self._on_tab_shown)

    def _tab(self, index: int) -> BaseTab:
        name = TAB_NAMES[index]
        if name not in self.tab_widgets:
            page = self._pages()[index]
            self._placeholders[index].hide()
            widget = make_tab(index, self.ctx)
            if index == OVERVIEW:
                widget.open_requested.connect(self.open_preserie)  # type: ignore[attr-defined]
            page.layout().addWidget(widget)
            self.tab_widgets[name] = widget
        return self.tab_widgets[name]

    def reload_preseries(self, select: int | None = None) -> None:
        from ordnum_desktop.services.roster.preseries import list_preseries  # SQLAlchemy: after the paint

        rows = list_preseries(self.ctx.ws)
        wanted = select if select is not None else self.ctx.preserie_id
        ids = [r["id"] for r in rows]
        if wanted not in ids:
            wanted = ids[0] if ids else None
        names = [(r["id"], preserie_name(r["editor"], r["software"], r["version"])) for r in rows]
        self._fill_combo(names, wanted)
        self._show_preserie(wanted)

    def _fill_combo(self, items: list[tuple[int, str]], current: int | None) -> None:
        combo = self.ui.preserieCombo
        combo.blockSignals(True)
        combo.clear()
        for preserie_id, label in items:
            combo.addItem(label, preserie_id)
        combo.blockSignals(False)
        ids = [preserie_id for preserie_id, _ in items]
        if current in ids:
            combo.setCurrentIndex(ids.index(current))

    def _on_preserie_picked(self, index: int) -> None:
        self._show_preserie(self.ui.preserieCombo.itemData(index))

    def _show_preserie(self, preserie_id: int | None) -> None:
        changed = preserie_id != self.ctx.preserie_id
        self.ctx.preserie_id = preserie_id
        if changed:
            self.ctx.undo_stack.clear()
        self._refresh_header()
        for tab in self.tab_widgets.values():
            tab.mark_dirty()
        self._on_tab_shown(self.ui.tabs.currentIndex())

    def _refresh_header(self) -> None:
        if not self.ctx.ready:
            self.ui.statusBadge.setText("")
            self.ui.datesLabel.setText(
                "Aucune présérie : créez-en une (Présérie ▸ Nouvelle présérie…)."
                if self.ctx.ws is not None
                else ""
            )
            return
        from ordnum_desktop.ui.widgets.header_text import header_parts  # SQLAlchemy: after the paint

        badge, dates, colour = header_parts(self.ctx.ws, self.ctx.preserie_id)
        self.ui.statusBadge.setText(badge)
        self.ui.statusBadge.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; border-radius: 8px; padding: 2px 10px;"
            " font-weight: bold; }"
        )
        self.ui.datesLabel.setText(dates)

    def shown_table(self) -> QWidget | None:
        """The table of the tab in front, once built (the start-up probe paints it)."""
        tab = self.tab_widgets.get(TAB_NAMES[self.ui.tabs.currentIndex()])
        return cast("QWidget | None", getattr(getattr(tab, "ui", None), "table", None))

    def _on_tab_shown(self, index: int) -> None:
        if 0 <= index < len(TAB_NAMES) and self.ctx.ws is not None:
            self._tab(index).show_if_dirty()

    def _on_changed(self, kind: str) -> None:
        if kind in (PRESERIE, PLANNING):
            self._refresh_header()
        if kind == PRESERIE:
            self.reload_preseries()
            return
        for tab in self.tab_widgets.values():
            tab.on_changed(kind)
        self._on_tab_shown(self.ui.tabs.currentIndex())

    def _bilan_tab(self) -> BilanTab | None:
        """The Bilan tab, brought to the front, for the menu actions it carries out."""
        if not self.ctx.ready:
            return None
        index = TAB_NAMES.index("bilan")
        self.ui.tabs.setCurrentIndex(index)
        return cast("BilanTab", self._tab(index))

    def import_traces(self) -> None:
        tab = self._bilan_tab()
        if tab is not None:
            tab.import_traces()

    def export_bilan(self) -> None:
        tab = self._bilan_tab()
        if tab is not None:
            tab.export_bilan()

    def close_bilan(self) -> None:
        tab = self._bilan_tab()
        if tab is None or self.ctx.ws is None or self.ctx.ws.read_only:
            return
        from ordnum_desktop.ui.dialogs.close_bilan_dialog import CloseBilanDialog  # SQLAlchemy

        dialog = CloseBilanDialog(self.ctx, tab.bilan, self)
        if self.prompts.run_dialog(dialog) and dialog.closed is not None:
            closed = dialog.closed
            self.ctx.notify(PRESERIE)  # the status moved with the decision
            self._say(
                f"Bilan n° {closed.number} clos (réunion du {closed.meeting_date.strftime('%d/%m/%Y')}) : "
                f"chiffres et PDF gardés, empreinte {closed.digest}."
            )

    def extend_preserie(self) -> None:
        if not self.ctx.ready or self.ctx.ws.read_only:
            return
        # SQLAlchemy: after the paint.
        from ordnum_desktop.services.roster.preseries import resolve_preserie
        from ordnum_desktop.ui.dialogs.extend_dialog import ExtendDialog

        version = resolve_preserie(self.ctx.ws, self.ctx.preserie_id).version
        dialog = ExtendDialog(self.ctx, version, self)
        if self.prompts.run_dialog(dialog) and dialog.period is not None:
            self.ctx.notify(PRESERIE)
            self._say(
                f"Présérie prolongée : période {dialog.period.number} à partir du "
                f"{dialog.period.start.strftime('%d/%m/%Y')}, version {dialog.period.software_version}."
            )

    def open_preserie(self, preserie_id: int) -> None:
        """From the overview: the présérie in the other tabs, starting with PS."""
        self.reload_preseries(select=preserie_id)
        self.ui.tabs.setCurrentIndex(TAB_NAMES.index("ps"))
        self._say(f"Présérie « {self.ui.preserieCombo.currentText()} » ouverte.")

    def show_overview(self) -> None:
        if self.ctx.ws is not None:
            self.ui.tabs.setCurrentIndex(OVERVIEW)

    def record_deployment(self) -> None:
        if not self.ctx.ready or self.ctx.ws.read_only:
            return
        # SQLAlchemy: after the paint.
        from ordnum_desktop.services.lifecycle.deployment import deploy_bilan
        from ordnum_desktop.ui.dialogs.deploy_dialog import DeployDialog

        if self.ctx.run("Étapes du déploiement", deploy_bilan, self.ctx.ws, self.ctx.preserie_id) is None:
            return  # refused, in French: no bilan closed « Déploiement autorisé »
        dialog = DeployDialog(self.ctx, self)
        if self.prompts.run_dialog(dialog) and dialog.preserie is not None:
            self.ctx.notify(PRESERIE)
            self._say("Étapes du déploiement enregistrées.")

    def edit_scope(self) -> None:
        if not self.ctx.ready or self.ctx.ws.read_only:
            return
        from ordnum_desktop.ui.dialogs.scope_dialog import ScopeDialog  # SQLAlchemy: after the paint

        dialog = ScopeDialog(self.ctx, self)
        if self.prompts.run_dialog(dialog) and dialog.scope is not None:
            self.ctx.notify(PRESERIE)
            self._say("Périmètre de la validation enregistré : il figure sur le bilan imprimé.")

    def show_bilan_history(self) -> None:
        if not self.ctx.ready:
            return
        # SQLAlchemy: after the paint.
        from ordnum_desktop.services.bilan.closing import list_closed
        from ordnum_desktop.ui.dialogs.bilan_history_dialog import BilanHistoryDialog

        records = self.ctx.run("Historique des bilans", list_closed, self.ctx.ws, self.ctx.preserie_id)
        if records is None:
            return
        title = self.ui.preserieCombo.currentText() or self.ctx.ws.name
        self.prompts.run_dialog(BilanHistoryDialog(records, title, self.ctx, self))

    # -- menu actions -----------------------------------------------------------------------
    def new_workspace(self) -> None:
        path = self.prompts.save_file("Nouveau fichier de suivi", "preserie.sqlite", WORKSPACE_FILTER)
        if not path:
            return
        if Path(path).exists():
            self.prompts.error(
                "Nouveau",
                f"Le fichier « {Path(path).name} » existe déjà : "
                "ouvrez-le avec Fichier ▸ Ouvrir, ou choisissez un autre nom.",
            )
            return
        if self.open_path(path, create=True):
            self.new_preserie()

    def open_workspace(self) -> None:
        path = self.prompts.open_file("Ouvrir un fichier de suivi", WORKSPACE_FILTER)
        if path:
            self.open_path(path)

    def _fill_recent_menu(self) -> None:
        menu = self.ui.menuRecent
        menu.clear()
        items = recent_files()
        if not items:
            menu.addAction("(aucun fichier récent)").setEnabled(False)
        for n, item in enumerate(items, start=1):
            action = menu.addAction(f"&{n} {recent_label(item)}")
            action.setToolTip(item)
            action.triggered.connect(lambda _=False, p=item: self.open_path(p))

    def save_copy(self) -> None:
        if self.ctx.ws is None:
            return
        from ordnum_desktop.services.workspace.backup import save_copy  # SQLAlchemy: after the paint

        if self.ctx.ws.path is None:
            return  # a server's copies are pg_dump's (the action is off)
        name = f"{self.ctx.ws.path.stem}-copie.sqlite"
        path = self.prompts.save_file("Enregistrer une copie", name, WORKSPACE_FILTER)
        if not path:
            return
        if self.ctx.run("Enregistrer une copie", save_copy, self.ctx.ws, Path(path)) is not None:
            self._say(f"Copie enregistrée dans « {path} ».")

    def backup_now(self) -> None:
        if self.ctx.ws is None or self.ctx.ws.read_only:
            return
        from ordnum_desktop.services.workspace.backup import backup_now  # SQLAlchemy: after the paint

        copy = self.ctx.run("Sauvegarder maintenant", backup_now, self.ctx.ws)
        if copy is not None:
            self._say(f"Sauvegarde enregistrée : « {copy.name} ».")

    def restore_backup(self) -> None:
        """Lists the file's backups; the one chosen (and confirmed) replaces the content, then the
        file is reopened so that every tab shows the restored data."""
        if self.ctx.ws is None or self.ctx.ws.read_only:
            return
        # SQLAlchemy: after the paint.
        from ordnum_desktop.services.workspace.backup import list_backups, restore_backup
        from ordnum_desktop.ui.dialogs.restore_backup_dialog import RestoreBackupDialog

        path = self.ctx.ws.path
        if path is None:
            return  # a server's backups are pg_dump's (the action is off)
        found = self.ctx.run("Restaurer une sauvegarde", list_backups, path)
        if found is None:
            return
        if not found:
            self.prompts.info(
                "Restaurer une sauvegarde",
                f"Aucune sauvegarde de « {path.name} » pour l'instant : elles sont prises "
                "avant chaque import, chaque mise à jour du format et par Fichier ▸ "
                "Sauvegarder maintenant.",
            )
            return
        dialog = RestoreBackupDialog(path, found, self.prompts, self)
        chosen = dialog.selected() if self.prompts.run_dialog(dialog) else None
        if chosen is None:
            return
        preserie_id = self.ctx.preserie_id
        self.close_workspace()  # restore_backup takes the file's lock and replaces its content
        restored = self.ctx.attempt("Restaurer une sauvegarde", restore_backup, path, chosen.path)
        if not self.open_path(path):
            return
        self.reload_preseries(select=preserie_id)
        if restored:
            self._say(
                f"Sauvegarde du {format_datetime(chosen.created)} restaurée dans « {path.name} » "
                "(l'ancien contenu a été copié parmi les sauvegardes)."
            )

    def show_about(self) -> None:
        # Alembic (schema revision) and the référentiel: after the paint, only when asked.
        from ordnum_desktop.ui.dialogs.about_dialog import AboutDialog

        self.prompts.run_dialog(AboutDialog(self))

    def show_journal(self) -> None:
        if self.ctx.ws is None:
            return
        # SQLAlchemy: after the paint.
        from ordnum_desktop.services.workspace.audit_log import list_entries
        from ordnum_desktop.ui.dialogs.journal_dialog import JournalDialog

        entries = self.ctx.run("Journal des modifications", list_entries, self.ctx.ws, self.ctx.preserie_id)
        if entries is None:
            return
        title = self.ui.preserieCombo.currentText() or self.ctx.ws.name
        self.prompts.run_dialog(JournalDialog(entries, title, self))

    def edit_preserie(self) -> None:
        if not self.ctx.ready or self.ctx.ws.read_only:
            return
        from ordnum_desktop.ui.dialogs.new_preserie_dialog import NewPreserieDialog  # SQLAlchemy

        dialog = NewPreserieDialog(self.ctx, self, edit_id=self.ctx.preserie_id)
        if self.prompts.run_dialog(dialog):
            self.ctx.notify(PRESERIE)
            self._say("Présérie modifiée.")

    def _fill_status_menu(self) -> None:
        from ordnum_desktop.services.roster.preseries import STATUSES, resolve_preserie  # SQLAlchemy

        menu = self.status_menu
        menu.clear()
        if not self.ctx.ready:
            return
        current = resolve_preserie(self.ctx.ws, self.ctx.preserie_id).status
        for code, label in STATUSES.items():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setEnabled(not self.ctx.ws.read_only)
            action.triggered.connect(lambda _=False, c=code: self.set_status(c))

    def set_status(self, code: str) -> None:
        # SQLAlchemy: after the paint.
        from ordnum_desktop.services.followup.prerequisites import update_preserie
        from ordnum_desktop.services.roster.preseries import STATUSES

        if (
            self.ctx.run(
                "Statut de la présérie", update_preserie, self.ctx.ws, self.ctx.preserie_id, status=code
            )
            is not None
        ):
            self._refresh_header()
            self._say(f"Statut de la présérie : {STATUSES[code]}.")

    def new_preserie(self) -> None:
        if self.ctx.ws is None or self.ctx.ws.read_only:
            return
        from ordnum_desktop.ui.dialogs.new_preserie_dialog import NewPreserieDialog  # SQLAlchemy

        dialog = NewPreserieDialog(self.ctx, self)
        if self.prompts.run_dialog(dialog) and dialog.created_id is not None:
            self.reload_preseries(select=dialog.created_id)
            self._say("Présérie créée : choisissez ses CPAM (onglet CPAM) et saisissez l'effectif.")

    # -- teardown ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/tab", self.ui.tabs.currentIndex())
        for tab in self.tab_widgets.values():
            tab.save_state()
        self.close_workspace()
        super().closeEvent(event)
