"""« Historique des bilans… »: the closed bilans of the présérie (number, day, meeting, decision,
digest, signatories); the one selected shows its figures as they were closed, and its signed PDF
can be saved byte for byte (services/bilan/closing.py, as `ordnum bilan show --pdf`)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ordnum_desktop.domain.bilan_comparison import ClosedFigures
from ordnum_desktop.domain.fr_format import format_date, format_iso_date, format_percent
from ordnum_desktop.domain.preserie_time import weeks_text
from ordnum_desktop.domain.vocabulary import Decision
from ordnum_desktop.services.bilan.closing import figures, figures_of, write_pdf
from ordnum_desktop.store.models import ClosedBilan
from ordnum_desktop.ui.context import AppContext

HEADERS = ["N°", "Bilan au", "Réunion du", "Décision", "Période", "Empreinte", "Signataires"]


def figures_html(f: ClosedFigures) -> str:
    """The closed bilan's figures, as the meeting saw them."""
    since = f" depuis le {format_iso_date(f.period_from)}" if f.period_from else ""
    lines = [
        f"<h3>Bilan n° {f.number} au {format_iso_date(f.as_of)} — {escape(f.decision.label)}</h3>",
        f"<p>Période {f.period_number}{since}, version {escape(f.software_version or '—')}.</p>",
        "<table cellspacing='0' cellpadding='3' border='1'>",
        "<tr><th align='left'>Critère</th><th>Atteint</th><th align='left'>Chiffres</th></tr>",
    ]
    for c in f.criteria:
        lines.append(
            f"<tr><td>{escape(c.key.numbered)}</td><td align='center'>{'oui' if c.met else 'non'}</td>"
            f"<td>{escape(c.detail)}</td></tr>"
        )
    lines.append("</table><h4>Taux par médecin utilisateur</h4>")
    lines.append("<table cellspacing='0' cellpadding='3' border='1'>")
    lines.append("<tr><th align='left'>Médecin</th><th>Ordonnances</th><th>Numériques</th><th>Taux</th></tr>")
    for d in f.doctors:
        lines.append(
            f"<tr><td>{escape(d.name or d.identifier)}</td><td align='right'>{d.prescriptions}</td>"
            f"<td align='right'>{d.digital}</td><td align='right'>{escape(format_percent(d.rate))}</td></tr>"
        )
    lines.append("</table>")
    return "".join(lines)


def duration_html(record: ClosedBilan) -> str:
    """The weeks the closed bilan covered (its JSON's `weeks`, absent from bilans closed before
    they were recorded) and whether it was closed early, on confirmation."""
    weeks = figures(record).get("weeks") or {}
    parts = []
    if weeks:
        first, period = weeks.get("since_first_eprescription"), weeks.get("since_period_start")
        parts.append(
            f"Durée : {weeks_text(first)} depuis la 1re ordonnance numérique, "
            f"{weeks_text(period)} depuis le début de la période."
        )
    if record.early:
        parts.append(
            "<b>Clôture anticipée</b> : clos avant la durée minimale du référentiel, sur confirmation."
        )
    return "".join(f"<p>{p}</p>" for p in parts)


class BilanHistoryDialog(QDialog):
    def __init__(
        self, records: list[ClosedBilan], title: str, ctx: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.records = records
        self.ctx = ctx
        self.setWindowTitle(f"Historique des bilans — {title}")
        self.resize(980, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Les bilans clos en réunion, tels qu'ils ont été signés : les imports, annulations et "
            "modifications de l'effectif qui ont suivi ne les changent pas."
            if records
            else "Aucun bilan clos pour cette présérie : Présérie ▸ « Clore le bilan… » clôt le "
            "bilan présenté en réunion."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(records), len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Bilans clos")
        self.table.setAccessibleDescription(
            "Une ligne par bilan clos : date, réunion, décision, période, empreinte et signataires."
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        for row, r in enumerate(records):
            f = figures_of(r)
            period = f"{f.period_number}" + (
                f" (depuis le {format_iso_date(f.period_from)})" if f.period_from else ""
            )
            values = [
                str(r.number),
                format_date(r.as_of),
                format_date(r.meeting_date),
                Decision(r.decision).label,
                period,
                r.digest,
                r.signatories,
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.details = QTextBrowser()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([200, 400])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        self.save_pdf_button = QPushButton("Enregistrer le PDF signé…")
        self.save_pdf_button.setEnabled(False)
        buttons.addButton(self.save_pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._show_selected)
        if records:
            self.table.selectRow(len(records) - 1)

    def selected(self) -> ClosedBilan | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        record = self.selected()
        self.save_pdf_button.setEnabled(record is not None)
        self.details.setHtml(
            figures_html(figures_of(record)) + duration_html(record) if record is not None else ""
        )

    def save_pdf(self) -> None:
        record = self.selected()
        if record is None:
            return
        path = self.ctx.prompts.save_file(
            "Enregistrer le PDF signé",
            f"bilan-{record.number}-{record.as_of.isoformat()}.pdf",
            "Document PDF (*.pdf)",
        )
        if not path:
            return
        written = self.ctx.run("Enregistrer le PDF signé", write_pdf, record, path)
        if written is None:
            return
        self.ctx.prompts.info(
            "Enregistrer le PDF signé", f"Bilan n° {record.number} enregistré dans « {written} »."
        )


__all__ = ["BilanHistoryDialog", "figures_html"]
