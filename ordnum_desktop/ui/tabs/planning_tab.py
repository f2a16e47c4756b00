"""Planning tab: installation dates per doctor, the kick-off meeting, the timeline chart and the
exports for the GIE SESAM-Vitale, the Cnam and each CPAM."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QListWidgetItem

from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.domain.names import person_name
from ordnum_desktop.services.followup.prerequisites import list_prerequisites, set_prerequisite
from ordnum_desktop.services.planning.dates import set_kickoff, update_plan
from ordnum_desktop.services.planning.schedule import PlanningView, planning_view
from ordnum_desktop.services.roster.preseries import resolve_preserie
from ordnum_desktop.ui.background import BackgroundTask
from ordnum_desktop.ui.context import PLANNING, PRESERIE, ROSTER, TRACES, AppContext
from ordnum_desktop.ui.forms.ui_planning_tab import Ui_PlanningTab
from ordnum_desktop.ui.models.planning_model import FIRST_DATE_COLUMN, PlanningModel
from ordnum_desktop.ui.tabs.tab_base import BaseTab
from ordnum_desktop.ui.widgets.accessible import name_corners, setup_scrolled
from ordnum_desktop.ui.widgets.date_delegate import DateDelegate
from ordnum_desktop.ui.widgets.date_limits import limit_dates


def planning_hint(view: PlanningView) -> str:
    installed = sum(1 for r in view.rows if r.schedule.effective_installed)
    late, silent = view.late_count, view.silent_count
    quiet = f"{silent} sans trace depuis {view.silent_days} jours"
    return (
        f"{installed} installation(s) réalisée(s) sur {len(view.rows)}"
        + (f" — <b style='color:#c62828'>{late} en retard</b>" if late else "")
        + (f" — <b style='color:#c62828'>{quiet}</b>" if silent else "")
        + f" (au {format_date(view.on)})"
        + " · double-cliquez sur une date pour la saisir, Suppr pour l'effacer."
    )


class PlanningTab(BaseTab):
    name = "planning"
    watches = frozenset({PLANNING, ROSTER, PRESERIE, TRACES})

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ui = Ui_PlanningTab()
        setup_scrolled(self, self.ui)
        limit_dates(self)
        # The table and chart take the spare height, not the three-line prerequisites box.
        self.ui.mainLayout.setStretchFactor(self.ui.splitter, 1)
        name_corners(self)
        # The hint wraps rather than widen the tab past the window at 150 % (699 px on one line).
        self.ui.planHint.setWordWrap(True)
        self.ui.toolbarLayout.setStretchFactor(self.ui.planHint, 1)  # one line when there is room
        # The three launch prerequisites wrap too: at 150 % their end was off to the right.
        self.ui.prerequisitesList.setWordWrap(True)
        self.ui.prerequisitesList.setResizeMode(QListView.ResizeMode.Adjust)
        self.model = PlanningModel(self._edit)
        table = self.ui.table
        table.setModel(self.model)
        table.setItemDelegate(DateDelegate(table))
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # No column narrower than an 11-digit RPPS, a date or « e-prescription »: at 150 % the
        # stretched columns showed « 24/02/20… »; the table scrolls sideways instead.
        metrics = header.fontMetrics()
        header.setMinimumSectionSize(
            max(metrics.horizontalAdvance(t) for t in ("00000000000", "00/00/0000", "e-prescription")) + 16
        )
        table.verticalHeader().setDefaultSectionSize(24)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            table,
            self.clear_current,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.ui.kickoffDate.setDate(QDate.currentDate())
        self.ui.kickoffHeld.toggled.connect(self.ui.kickoffDate.setEnabled)
        self.ui.saveKickoffButton.clicked.connect(self.save_kickoff)
        self.ui.exportButton.clicked.connect(self.export_planning)
        self.ui.splitter.setSizes([360, 300])
        self.ui.prerequisitesList.itemChanged.connect(self._on_prerequisite_toggled)
        self._chart: Any = None

    def refresh(self) -> None:
        p = resolve_preserie(self.ctx.ws, self.ctx.preserie_id)
        self.ui.kickoffHeld.setChecked(p.kickoff_date is not None)
        self.ui.kickoffDate.setEnabled(p.kickoff_date is not None)
        self.ui.kickoffDate.setDate(QDate(p.kickoff_date) if p.kickoff_date else QDate.currentDate())
        self.ui.participantsEdit.setText(p.kickoff_participants)
        self._fill_prerequisites()
        view = planning_view(self.ctx.ws, self.ctx.preserie_id)
        self.model.read_only = bool(self.ctx.ws.read_only)
        self.model.set_view(view)
        self.ui.planHint.setText(planning_hint(view))
        read_only = bool(self.ctx.ws.read_only)
        self.ui.saveKickoffButton.setEnabled(not read_only)
        self._draw_chart([(r.doctor, r.plan, r.schedule) for r in view.rows])

    def _draw_chart(self, rows: list) -> None:
        # matplotlib: loaded when the chart is first drawn, never before the first paint.
        from ordnum_desktop.services.bilan.chart_text import planning_timeline_text
        from ordnum_desktop.services.bilan.charts import planning_timeline_chart
        from ordnum_desktop.ui.widgets.chart_canvas import ChartSlot

        if self._chart is None:
            self._chart = ChartSlot(self.ui.chartLayout)
        data = [
            {
                "label": person_name(d.last_name, d.first_name),
                "planned": plan.planned_install,
                "actual": schedule.effective_installed,
                "first_eprescription": schedule.first_erx,
            }
            for d, plan, schedule in rows
        ]
        today = date.today()
        figure = planning_timeline_chart(data, today=today)
        self._focus_on_dates(figure, data, today)
        self._chart.show(
            figure,
            name="Graphique : frise des installations",
            description=planning_timeline_text(data, today=today),
        )

    @staticmethod
    def _focus_on_dates(figure: Any, data: list[dict[str, Any]], today: date) -> None:
        """Months after the présérie, today's line would squash every date into one corner: the
        view is then kept on the dates themselves, with today written at the right edge."""
        days = [v for r in data for k, v in r.items() if k != "label" and v]
        if not days or not figure.axes or today <= max(days) + timedelta(days=30):
            return
        ax = figure.axes[0]
        ax.set_xlim(min(days) - timedelta(days=3), max(days) + timedelta(days=7))
        ax.text(
            1.0,
            1.02,
            f"aujourd'hui : {today:%d/%m/%Y} →",
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=7,
            color="#616161",
        )

    def _fill_prerequisites(self) -> None:
        box = self.ui.prerequisitesList
        box.blockSignals(True)
        box.clear()
        for item in list_prerequisites(self.ctx.ws, self.ctx.preserie_id):
            when = f" — fait le {format_date(item.done_date)}" if item.done and item.done_date else ""
            row = QListWidgetItem(f"{item.label}{when}")
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
            row.setData(Qt.ItemDataRole.UserRole, item.code)
            if item.comment:
                row.setToolTip(item.comment)
            box.addItem(row)
        box.blockSignals(False)

    def _on_prerequisite_toggled(self, row: QListWidgetItem) -> None:
        done = row.checkState() == Qt.CheckState.Checked
        self.ctx.attempt(
            "Prérequis au lancement",
            set_prerequisite,
            self.ctx.ws,
            self.ctx.preserie_id,
            row.data(Qt.ItemDataRole.UserRole),
            done,
        )
        self._fill_prerequisites()
        self.ctx.say("Prérequis au lancement mis à jour.")

    # -- edits ------------------------------------------------------------------------------
    def _edit(self, doctor_id: int, field: str, value: date | None) -> bool:
        # The plan's version on screen: a row saved meanwhile by someone else is refused, and any
        # refusal reloads the table so that it shows what is stored.
        row = next((r for r in self.model.rows if r.doctor.id == doctor_id), None)
        version = row.plan.version if row is not None else None
        saved = self.ctx.run(
            "Planning", update_plan, self.ctx.ws, doctor_id, expected_version=version, **{field: value}
        )
        if saved is None:
            self.ctx.notify(PLANNING)
            return False
        self.ctx.say("Planning mis à jour.")
        self.ctx.notify(PLANNING)
        return True

    def clear_current(self) -> None:
        index: QModelIndex = self.ui.table.currentIndex()
        if index.isValid() and index.column() >= FIRST_DATE_COLUMN and not self.ctx.ws.read_only:
            self.model.setData(index, None, Qt.ItemDataRole.EditRole)

    def save_kickoff(self) -> None:
        when = self.ui.kickoffDate.date().toPython() if self.ui.kickoffHeld.isChecked() else None
        if self.ctx.attempt(
            "Réunion de lancement",
            set_kickoff,
            self.ctx.ws,
            self.ctx.preserie_id,
            when,
            self.ui.participantsEdit.text(),
        ):
            self.ctx.say("Réunion de lancement enregistrée.")
            self.ctx.notify(PLANNING)

    def _replace(self, names: list[str], folder: str) -> bool:
        """Never replace a planning already in the folder without asking (issue 12, item 6)."""
        listed = ", ".join(f"« {n} »" for n in names)
        return self.ctx.prompts.ask_yes_no(
            "Exporter le planning",
            f"Le dossier « {folder} » contient déjà {listed}. Remplacer ces classeurs par le planning "
            "d'aujourd'hui ?",
            yes="Remplacer",
            no="Annuler",
        )

    def export_planning(self) -> None:
        folder = self.ctx.prompts.choose_folder("Exporter le planning dans le dossier…")
        if not folder:
            return
        from ordnum_desktop.services.planning import export as planning_export  # openpyxl: on demand

        targets = self.ctx.run(
            "Exporter le planning", planning_export.planning_paths, self.ctx.ws, self.ctx.preserie_id, folder
        )
        existing = [p.name for p in targets or [] if p.exists() or p.is_symlink()]
        if targets is None or (existing and not self._replace(existing, folder)):
            self.ctx.say("Le planning n'a pas été exporté.")
            return
        self.ui.exportButton.setEnabled(False)
        self.ctx.say("Export du planning en cours…")

        def done(written: object) -> None:
            self.ui.exportButton.setEnabled(True)
            count = len(written) if isinstance(written, list | tuple) else 1
            self.ctx.say(f"Planning exporté : {count} classeur(s) dans « {folder} ».")

        def failed(message: str) -> None:
            self.ui.exportButton.setEnabled(True)
            self.ctx.say("Le planning n'a pas été exporté.")
            self.ctx.prompts.error("Exporter le planning", message)

        BackgroundTask.start_task(
            planning_export.export_planning,
            self.ctx.ws,
            self.ctx.preserie_id,
            Path(folder),
            on_done=done,
            on_failed=failed,
        )
