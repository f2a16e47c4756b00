"""CPAM tab: the referent caisses to tick (1 to 3) and where they are."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QToolTip

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.services.roster.doctors import doctor_department, doctor_identifier, list_doctors
from ordnum_desktop.services.roster.preseries import selected_cpams, set_cpams
from ordnum_desktop.ui.context import CPAMS, PRESERIE, ROSTER, AppContext
from ordnum_desktop.ui.forms.ui_cpam_tab import Ui_CpamTab
from ordnum_desktop.ui.tabs.tab_base import BaseTab
from ordnum_desktop.ui.widgets.fit import fit_table_width


class CpamTab(BaseTab):
    name = "cpam"
    watches = frozenset({ROSTER, CPAMS, PRESERIE})

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ui = Ui_CpamTab()
        self.ui.setupUi(self)
        self.ref = load_referentiel()
        table = self.ui.caisseTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(["CPAM référente", "Département", "Médecins"])
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        table.setRowCount(len(self.ref.caisses))
        for row, caisse in enumerate(self.ref.caisses):
            item = QTableWidgetItem(f"{caisse.name} ({caisse.city})")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, caisse.id)
            table.setItem(row, 0, item)
            dep = self.ref.departments.get(caisse.department, "")
            table.setItem(row, 1, QTableWidgetItem(f"{caisse.department} {dep}"))
            count = QTableWidgetItem("")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 2, count)
        table.itemChanged.connect(self._on_item_changed)
        self.ui.splitter.setSizes([560, 680])
        self.ui.splitter.setStretchFactor(1, 1)  # a wider window widens the map, not the list
        self.selected: list[str] = []
        self.counts: dict[str, int] = {}
        self._map = None
        self._loading = False

    def refresh(self) -> None:
        with self.ctx.ws.session() as s:
            self.selected = selected_cpams(s, self.ctx.preserie_id)
        self.counts = self._count_doctors()
        self._loading = True
        table = self.ui.caisseTable
        for row, caisse in enumerate(self.ref.caisses):
            chosen = caisse.id in self.selected
            table.item(row, 0).setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            font = table.item(row, 0).font()
            font.setBold(chosen)
            table.item(row, 0).setFont(font)
            n = self.counts.get(caisse.id, 0)
            table.item(row, 2).setText(str(n) if n else "")
        self._loading = False
        fit_table_width(table)  # every caisse name whole at 1024 px; the map takes the rest
        self._update_summary()
        self._draw_map()

    def _count_doctors(self) -> dict[str, int]:
        """Doctors per caisse: the CPAM column of the roster, else the department of the N° AM or
        FINESS when that department has a single referent caisse."""
        counts: dict[str, int] = {}
        for d in list_doctors(self.ctx.ws, self.ctx.preserie_id):
            caisse_id = d.cpam if self.ref.caisse(d.cpam) else None
            if caisse_id is None:
                dep = doctor_department(d) if doctor_identifier(d) else None
                found = self.ref.caisses_of_department(dep or "")
                caisse_id = found[0].id if len(found) == 1 else None
            if caisse_id is not None:
                counts[caisse_id] = counts.get(caisse_id, 0) + 1
        return counts

    def _update_summary(self) -> None:
        t = self.ref.thresholds
        names = [c.name for c in self.ref.caisses if c.id in self.selected]
        if not names:
            text = (
                f"<b style='color:#c62828'>Aucune CPAM retenue</b> : cochez-en de {t.cpam_min} "
                f"à {t.cpam_max}."
            )
        else:
            text = f"<b>{len(names)} CPAM retenue(s)</b> sur {t.cpam_max} au plus : {', '.join(names)}."
        self.ui.summaryLabel.setText(text)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 0:
            return
        caisse_id = item.data(Qt.ItemDataRole.UserRole)
        wanted = list(self.selected)
        if item.checkState() == Qt.CheckState.Checked and caisse_id not in wanted:
            wanted.append(caisse_id)
        elif item.checkState() == Qt.CheckState.Unchecked and caisse_id in wanted:
            wanted.remove(caisse_id)
        self.set_selection(wanted)

    def set_selection(self, wanted: list[str]) -> bool:
        t = self.ref.thresholds
        if len(wanted) > t.cpam_max:
            self.ctx.prompts.error(
                "CPAM référentes",
                f"Une présérie se déroule dans {t.cpam_max} CPAM au plus : décochez d'abord "
                "l'une des CPAM retenues pour en choisir une autre.",
            )
            self.refresh()
            return False
        if not self.ctx.attempt("CPAM référentes", set_cpams, self.ctx.ws, self.ctx.preserie_id, wanted):
            self.refresh()
            return False
        self.ctx.say("CPAM retenues : " + (", ".join(wanted) if wanted else "aucune") + ".")
        self.ctx.notify(CPAMS)
        self.dirty = False
        self.refresh()
        return True

    def _draw_map(self) -> None:
        # matplotlib: loaded when the map is first drawn, never before the first paint.
        from ordnum_desktop.ui.widgets.chart_canvas import ChartSlot
        from ordnum_desktop.ui.widgets.france_map import france_map, hover_text, map_description

        if self._map is None:
            self._map = ChartSlot(self.ui.mapLayout)
        canvas = self._map.show(france_map(self.ref.caisses, set(self.selected), self.counts))
        canvas.setAccessibleName("Carte des CPAM référentes")
        # The text alternative (RGAA): the same facts as the colours, read by screen readers.
        canvas.setAccessibleDescription(map_description(self.ref.caisses, set(self.selected), self.counts))
        canvas.setToolTip("Survolez un département pour afficher son nom.")

        def on_move(event: Any) -> None:
            if event.xdata is None or event.ydata is None:
                canvas.setToolTip("")
                return
            text = hover_text(event.xdata, event.ydata, self.ref.caisses, self.counts)
            canvas.setToolTip(text)
            # Shown at once: a plain tooltip would keep the first département's name while moving.
            QToolTip.showText(QCursor.pos(), text, canvas)

        canvas.mpl_connect("motion_notify_event", on_move)
