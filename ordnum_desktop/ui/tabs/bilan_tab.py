"""Bilan tab: the five criteria as of a date (cards and decision) above six inner pages, each
its own class in ui/tabs/bilan/: Médecins, Opérations, Prérequis, Satisfaction, Anomalies,
Imports. The Designer form (forms/bilan_tab.ui) holds every widget; the pages bind to theirs."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from typing import cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QBoxLayout, QLabel

from ordnum_desktop.domain.bilan_rules import Bilan
from ordnum_desktop.domain.bilan_wording import decision_statement
from ordnum_desktop.domain.fr_format import format_date, format_int
from ordnum_desktop.domain.preserie_time import PreserieTime, weeks_text
from ordnum_desktop.domain.validation_scope import ValidationScope
from ordnum_desktop.domain.vocabulary import Criterion, Decision
from ordnum_desktop.services.bilan.comparison import comparison_for
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.bilan.document import bilan_context
from ordnum_desktop.ui.background import BackgroundTask
from ordnum_desktop.ui.context import FOLLOWUP, PRESERIE, ROSTER, TRACES, AppContext
from ordnum_desktop.ui.forms.ui_bilan_tab import Ui_BilanTab
from ordnum_desktop.ui.tabs.bilan.anomalies_page import AnomaliesPage
from ordnum_desktop.ui.tabs.bilan.comparison_view import comparison_html
from ordnum_desktop.ui.tabs.bilan.doctors_page import DoctorsPage
from ordnum_desktop.ui.tabs.bilan.imports_page import ImportsPage
from ordnum_desktop.ui.tabs.bilan.operations_page import OperationsPage
from ordnum_desktop.ui.tabs.bilan.prerequisites_page import PrerequisitesPage
from ordnum_desktop.ui.tabs.bilan.satisfaction_page import SatisfactionPage
from ordnum_desktop.ui.tabs.tab_base import BaseTab
from ordnum_desktop.ui.widgets.accessible import setup_scrolled
from ordnum_desktop.ui.widgets.bilan_cards import CriterionCard
from ordnum_desktop.ui.widgets.date_limits import limit_dates


def _esc(value: str) -> str:
    return escape(value, quote=False)  # apostrophes stay as typed: Qt's rich text does not need them escaped


def decision_text(bilan: Bilan) -> str:
    """The decision line above the pages: the same statement as the PDF and the command line."""
    st = decision_statement(bilan)
    colour = "#2e7d32" if st.decision is Decision.DEPLOY else "#c62828"
    parts = [
        f"<span style='color:{colour}; font-size:13pt'><b>Décision : {_esc(st.headline)}.</b></span> "
        f"{_esc(st.reason[:1].upper() + st.reason[1:])}"
    ]
    if st.criteria:
        parts.append("<b>Critères non atteints :</b> " + " ; ".join(_esc(c) for c in st.criteria) + ".")
    if st.preconditions:
        parts.append("<b>Préconditions à remplir :</b> " + " ".join(_esc(p) for p in st.preconditions))
    parts += [_esc(n) for n in st.notes]
    parts.append(_esc(st.next_step))
    return "<br/>".join(parts)


def life_html(time: PreserieTime, scope: ValidationScope, sentences: list[str]) -> str:
    """« Durée au … » with the minimum when it is not reached, then the validation scope."""
    summary = time.summary()
    duration = f"<b>Durée au {format_date(time.as_of)} :</b> {_esc(summary)}"
    if time.early:
        duration += (
            f" — <span style='color:#c62828'>durée minimale de {weeks_text(time.minimum_weeks)} non "
            "atteinte : la clôture demandera confirmation.</span>"
        )
    return duration + "<br/><b>Périmètre de la validation :</b> " + " ".join(_esc(x) for x in sentences)


class BilanTab(BaseTab):
    name = "bilan"
    watches = frozenset({TRACES, ROSTER, FOLLOWUP, PRESERIE})

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ui = Ui_BilanTab()
        setup_scrolled(self, self.ui)
        limit_dates(self)
        self.cards = {key: CriterionCard(key) for key in Criterion}
        for card in self.cards.values():
            self.ui.cardsLayout.addWidget(card)
        # The inner pages take the spare height; the cards keep their natural one (a short page
        # such as Opérations used to leave five 200 px tall empty boxes above it).
        self.ui.mainLayout.setStretchFactor(self.ui.sections, 1)
        # In a short window the tab scrolls rather than squeeze the pages to nothing.
        self.ui.sections.setMinimumHeight(300)
        self.doctors_page = DoctorsPage(self.ui, ctx)
        self.operations_page = OperationsPage(self.ui)
        self.prerequisites_page = PrerequisitesPage(self.ui, ctx)
        self.satisfaction_page = SatisfactionPage(self.ui, ctx, self)
        self.anomalies_page = AnomaliesPage(self.ui, ctx)
        self.imports_page = ImportsPage(self.ui, ctx, self)
        self.ui.asOfDate.setDate(QDate.currentDate())
        self.ui.asOfDate.dateChanged.connect(self._on_date_changed)
        self.ui.exportBilanButton.clicked.connect(self.export_bilan)
        # The previous closed bilan beside this one (hidden before a second bilan).
        self.comparison_label = QLabel()
        self.comparison_label.setWordWrap(True)
        self.comparison_label.setVisible(False)
        # The weeks elapsed at the bilan's day and the validation scope, as on the PDF.
        self.life_label = QLabel()
        self.life_label.setWordWrap(True)
        self.life_label.setObjectName("lifeLabel")
        layout = self.ui.decisionLabel.parentWidget().layout()
        if layout is not None:
            index = layout.indexOf(self.ui.decisionLabel)
            box = cast("QBoxLayout", layout) if hasattr(layout, "insertWidget") else None
            if box is not None and index >= 0:
                box.insertWidget(index + 1, self.comparison_label)
                box.insertWidget(index + 2, self.life_label)
            else:
                layout.addWidget(self.comparison_label)
                layout.addWidget(self.life_label)
        self.as_of: date | None = None  # None: the day of the latest trace (the service's default)
        self.bilan: Bilan | None = None
        self._loading = False

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.ctx.ws
        bilan = self.bilan = compute_bilan(ws, self.ctx.preserie_id, self.as_of)
        self._loading = True
        self.ui.asOfDate.setDate(QDate(bilan.as_of))
        self._loading = False
        for card in self.cards.values():
            card.show_criterion(bilan)
        self.ui.decisionLabel.setText(decision_text(bilan))
        comparison = comparison_for(ws, self.ctx.preserie_id, bilan)
        self.comparison_label.setText(comparison_html(comparison))
        self.comparison_label.setVisible(comparison is not None)
        self.life_label.setText(life_html(*bilan_context(ws, self.ctx.preserie_id, bilan.as_of)))
        counted_nowhere = []
        if bilan.unmatched_rows:
            counted_nowhere.append(f"{format_int(bilan.unmatched_rows)} ligne(s) hors critères")
        if bilan.rejected_rows:
            counted_nowhere.append(f"{format_int(bilan.rejected_rows)} ligne(s) rejetée(s) à l'import")
        self.ui.tracesLabel.setText(("  " + " · ".join(counted_nowhere)) if counted_nowhere else "")
        self.doctors_page.fill(bilan)
        self.operations_page.fill(bilan)
        self.prerequisites_page.fill(bilan)
        self.satisfaction_page.fill()
        self.anomalies_page.fill()
        self.imports_page.fill()
        read_only = bool(ws.read_only)
        for widget in (
            self.ui.importTracesButton,
            self.ui.undoImportButton,
            self.ui.importAnswersButton,
            self.ui.addPrerequisiteButton,
            self.ui.validatePrerequisitesButton,
            self.ui.answerButton,
            self.ui.addAnomalyButton,
            self.ui.closeAnomalyButton,
        ):
            widget.setEnabled(not read_only)

    def _on_date_changed(self, value: QDate) -> None:
        if self._loading or not self.ctx.ready:
            return
        self.as_of = value.toPython()
        self.refresh()
        self.ctx.say(f"Bilan recalculé au {format_date(self.as_of)}.")

    # -- menu actions (Fichier ▸ Importer des traces…, Exporter le bilan…) -----------------
    def import_traces(self) -> None:
        self.imports_page.import_traces()

    def export_bilan(self) -> None:
        day = self.bilan.as_of if self.bilan is not None else date.today()
        path = self.ctx.prompts.save_file(
            "Exporter le bilan", f"bilan-{day.isoformat()}.pdf", "Document PDF (*.pdf)"
        )
        if not path:
            return
        # reportlab and matplotlib are loaded when a bilan is printed, not with the window.
        from ordnum_desktop.services.bilan.pdf_export import write_bilan_pdf

        self.ui.exportBilanButton.setEnabled(False)
        self.ctx.say("Export du bilan en cours…")

        def done(_path: object) -> None:
            self.ui.exportBilanButton.setEnabled(True)
            self.ctx.say(f"Bilan enregistré dans « {path} ».")

        def failed(message: str) -> None:
            self.ui.exportBilanButton.setEnabled(True)
            self.ctx.say("Le bilan n'a pas été exporté.")
            self.ctx.prompts.error("Exporter le bilan", message)

        BackgroundTask.start_task(
            write_bilan_pdf,
            self.ctx.ws,
            self.ctx.preserie_id,
            Path(path),
            as_of=self.as_of,
            bilan=self.bilan,  # the figures on screen, not computed again
            on_done=done,
            on_failed=failed,
        )


__all__ = ["BilanTab", "decision_text", "life_html"]
