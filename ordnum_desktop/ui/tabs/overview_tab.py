"""« Vue d'ensemble »: every présérie of the file on one line (services/lifecycle/overview.py, the
columns `ordnum overview` and its workbook show), sortable by any column, exported as a
workbook; a double-click opens the présérie in the other tabs. Shown first when the file holds
several préséries."""

from __future__ import annotations

import textwrap
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ordnum_desktop.domain.fr_format import format_date
from ordnum_desktop.services.lifecycle.overview import COLUMNS, OverviewLine, overview
from ordnum_desktop.ui.context import FOLLOWUP, PLANNING, PRESERIE, ROSTER, TRACES, AppContext
from ordnum_desktop.ui.tabs.tab_base import BaseTab
from ordnum_desktop.ui.widgets.column_share import ColumnShare

LATE = QColor("#c62828")
SORT_KEY = Qt.ItemDataRole.UserRole + 1


class SortableItem(QTableWidgetItem):
    """Sorts by its typed key (numbers as numbers, dates by day, empty cells last) rather than by
    the French text shown."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_KEY), other.data(SORT_KEY)
        if mine is None or theirs is None:
            return theirs is None and mine is not None
        return bool(mine < theirs)


def header_title(title: str) -> str:
    """A long title on two or three lines, never cut inside a word (« e-prescription » whole):
    lines as long as its longest word, nine letters at least (« Dernier / bilan / clos »), so
    the columns of numbers stay narrow enough for 1280 px."""
    width = max(9, *(len(word) for word in title.split()))
    return textwrap.fill(title, width, break_on_hyphens=False, break_long_words=False)


def cell_text(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def sort_key(value: object, kind: str) -> object:
    if value is None or value == "":
        return None
    if kind == "date" and isinstance(value, date):
        return value.toordinal()
    if kind == "int":
        return int(str(value))
    return str(value).casefold()


class OverviewTab(BaseTab):
    name = "overview"
    watches = frozenset({PRESERIE, TRACES, ROSTER, FOLLOWUP, PLANNING})
    open_requested = Signal(int)  # the présérie double-clicked

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.lines: list[OverviewLine] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Toutes les préséries du fichier, une ligne chacune. Cliquez sur un en-tête pour trier, "
            "double-cliquez sur une ligne pour ouvrir la présérie."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("overviewTable")
        self.table.setAccessibleName("Vue d'ensemble des préséries")
        # Long titles on two or three lines: the table then fits a 1280 px window better.
        self.table.setHorizontalHeaderLabels([header_title(c.title) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # by number until the user clicks
        self.columns = ColumnShare(self.table)
        self.table.setSortingEnabled(True)
        self.table.cellDoubleClicked.connect(self._open_row)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.summary_label = QLabel()
        buttons.addWidget(self.summary_label, 1)
        self.open_button = QPushButton("Ouvrir la présérie")
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentRow(), 0))
        buttons.addWidget(self.open_button)
        self.export_button = QPushButton("Exporter en classeur…")
        self.export_button.clicked.connect(self.export_workbook)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        self.lines = overview(self.ctx.ws)
        table = self.table
        column, order = (
            table.horizontalHeader().sortIndicatorSection(),
            table.horizontalHeader().sortIndicatorOrder(),
        )
        table.setSortingEnabled(False)  # rows are filled unsorted, then sorted once
        table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            for col, spec in enumerate(COLUMNS):
                value = spec.value(line)
                it = SortableItem(cell_text(value))
                it.setData(SORT_KEY, sort_key(value, spec.kind))
                it.setData(Qt.ItemDataRole.UserRole, line.id)
                if spec.kind != "text":
                    it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if spec.title == "En retard" and line.overdue:
                    it.setForeground(QBrush(LATE))
                    it.setToolTip("\n".join(line.overdue))
                table.setItem(row, col, it)
        table.setSortingEnabled(True)
        table.sortItems(column if column >= 0 else 0, order)
        self.columns.refit()  # long texts wrap rather than widen the table
        late = sum(1 for x in self.lines if x.overdue)
        self.summary_label.setText(
            f"{len(self.lines)} présérie(s)" + (f", dont {late} avec des retards." if late else ".")
        )

    def line_at(self, row: int) -> OverviewLine | None:
        it = self.table.item(row, 0) if row >= 0 else None
        if it is None:
            return None
        wanted = it.data(Qt.ItemDataRole.UserRole)
        return next((x for x in self.lines if x.id == wanted), None)

    def _open_row(self, row: int, _column: int) -> None:
        line = self.line_at(row)
        if line is None:
            self.ctx.prompts.info("Vue d'ensemble", "Sélectionnez d'abord la présérie à ouvrir.")
            return
        self.open_requested.emit(line.id)

    def export_workbook(self) -> None:
        path = self.ctx.prompts.save_file(
            "Exporter la vue d'ensemble",
            f"vue-d-ensemble-{date.today().isoformat()}.xlsx",
            "Classeur Excel (*.xlsx)",
        )
        if not path:
            return
        # openpyxl is loaded when a workbook is written, not with the window.
        from ordnum_desktop.services.lifecycle.overview_workbook import write_overview_workbook

        # One line per présérie: written at once, no background task needed.
        if (
            self.ctx.run("Exporter la vue d'ensemble", write_overview_workbook, list(self.lines), path)
            is not None
        ):
            self.ctx.say(f"Vue d'ensemble enregistrée dans « {path} ».")


__all__ = ["OverviewTab"]
