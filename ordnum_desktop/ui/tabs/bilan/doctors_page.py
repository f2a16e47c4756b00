"""Médecins: each user doctor's rate (criterion 1) and the selected doctor's weekly charts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from ordnum_desktop.domain.bilan_rules import Bilan, WeeklySeries, WeekPoint
from ordnum_desktop.domain.fr_format import format_int, format_percent
from ordnum_desktop.services.bilan.compute import weekly_series
from ordnum_desktop.ui.context import AppContext
from ordnum_desktop.ui.forms.ui_bilan_tab import Ui_BilanTab
from ordnum_desktop.ui.tabs.bilan.tables import GREEN, RED, item, setup_table
from ordnum_desktop.ui.widgets.fit import fit_table_width

if TYPE_CHECKING:
    from ordnum_desktop.ui.widgets.chart_canvas import ChartSlot


class DoctorsPage:
    def __init__(self, ui: Ui_BilanTab, ctx: AppContext) -> None:
        self.ui, self.ctx = ui, ctx
        setup_table(
            ui.doctorTable,
            ["Médecin", "Identifiant", "Prescriptions", "Numériques", "Taux", "≥ seuil"],
            stretch=0,
        )
        ui.doctorSplitter.setSizes([560, 640])
        ui.doctorTable.itemSelectionChanged.connect(self.draw_selected_doctor)
        self.bilan: Bilan | None = None
        self.series: WeeklySeries | None = None  # read when a doctor's chart is first drawn
        self.charts: list[ChartSlot] = []

    def fill(self, bilan: Bilan) -> None:
        self.bilan, self.series = bilan, None
        table = self.ui.doctorTable
        selected = self.selected_identifier()
        doctors = bilan.doctor_rate.doctors
        table.setRowCount(len(doctors))
        for row, d in enumerate(doctors):
            table.setItem(row, 0, item(d.display_name))
            table.item(row, 0).setData(Qt.ItemDataRole.UserRole, d.identifier)
            table.setItem(row, 1, item(d.identifier))
            table.setItem(row, 2, item(format_int(d.prescriptions), True))
            table.setItem(row, 3, item(format_int(d.digital), True))
            colour = QBrush(GREEN if d.met else RED)
            rate = item(format_percent(d.rate), True)
            rate.setForeground(colour)
            table.setItem(row, 4, rate)
            mark = item("✔" if d.met else "✖")
            mark.setForeground(colour)
            mark.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, 5, mark)
        fit_table_width(table)  # the names whole at 1024 px; the charts take the rest
        if not doctors:
            self._show_charts("aucun médecin utilisateur", ())
            return
        identifiers = [d.identifier for d in doctors]
        table.blockSignals(True)
        table.selectRow(identifiers.index(selected) if selected in identifiers else 0)
        table.blockSignals(False)
        self.draw_selected_doctor()

    def selected_identifier(self) -> str | None:
        items = self.ui.doctorTable.selectedItems()
        first = self.ui.doctorTable.item(items[0].row(), 0) if items else None
        return None if first is None else str(first.data(Qt.ItemDataRole.UserRole))

    def draw_selected_doctor(self) -> None:
        ident = self.selected_identifier()
        if ident is None or self.bilan is None:
            return
        if self.series is None:
            self.series = weekly_series(self.ctx.ws, self.ctx.preserie_id, self.bilan.as_of)
        doctor = self.bilan.doctor_rate.doctor(ident)
        self._show_charts(doctor.name if doctor else ident, self.series.get(ident, ()))

    def _show_charts(self, name: str, weeks: tuple[WeekPoint, ...]) -> None:
        # matplotlib is loaded with the first chart, not with the window.
        from ordnum_desktop.services.bilan.chart_text import prescription_bars_text, weekly_rate_text
        from ordnum_desktop.services.bilan.charts import prescription_bars_chart, weekly_rate_chart
        from ordnum_desktop.ui.widgets.chart_canvas import CHART_MIN_HEIGHT, ChartSlot

        if self.bilan is None:
            return
        if not self.charts:
            self.charts = [ChartSlot(self.ui.chartLayout), ChartSlot(self.ui.chartLayout)]
            # The pages never shorter than the two charts stacked: below that, at 1024×768, the
            # second chart was drawn over the first one's week labels. The tab scrolls instead.
            sections = self.ui.sections
            frame = sections.tabBar().sizeHint().height() + 2 * self.ui.doctorsLayout.spacing() + 32
            sections.setMinimumHeight(max(sections.minimumHeight(), 2 * CHART_MIN_HEIGHT + frame))
        threshold = self.bilan.doctor_rate.threshold
        self.charts[0].show(
            weekly_rate_chart(weeks, title=name, threshold=threshold),
            name=f"Graphique : taux hebdomadaire de {name}",
            description=weekly_rate_text(name, weeks, threshold),
        )
        self.charts[1].show(
            prescription_bars_chart(weeks),
            name=f"Graphique : prescriptions par semaine de {name}",
            description=prescription_bars_text(name, weeks),
        )
