"""A wide table's columns shared out within its width: each column as wide as its contents when
they all fit, else the widest ones narrowed first, their texts wrapping onto more lines. The
« Vue d'ensemble » has 15 columns: capped at a fixed width each, they scrolled sideways at
1280 px. No column becomes narrower than its longest word or its header's widest line, so no
word is ever cut; only a window too narrow for that still scrolls."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QStyle, QTableWidget

# Qt's item delegate keeps a few pixels between a cell's text and its edges; a little more than
# its own hint, so a word measured to fit is never elided by a pixel of rounding.
CELL_SLACK = 6


def shared_widths(natural: list[int], least: list[int], room: int) -> list[int]:
    """The widths: `natural` when they fit in `room`; else each one capped at the largest cap
    that lets them fit, but never below its `least`."""
    if sum(natural) <= room:
        return natural
    low, high = 0, max(natural)
    while low < high:  # the largest cap whose widths still fit
        cap = (low + high + 1) // 2
        if sum(max(m, min(n, cap)) for n, m in zip(natural, least, strict=True)) <= room:
            low = cap
        else:
            high = cap - 1
    return [max(m, min(n, low)) for n, m in zip(natural, least, strict=True)]


class ColumnShare(QObject):
    """Keeps `table`'s columns within its width: `refit()` after the contents change; a resize of
    the table or a new sort column refits by itself."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        self._fitting = False
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self.refit())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and not self._fitting:
            self.refit()
        return False

    def refit(self) -> None:
        table = self.table
        columns = [c for c in range(table.columnCount()) if not table.isColumnHidden(c)]
        if not columns or self._fitting:
            return
        self._fitting = True
        try:
            table.resizeColumnsToContents()
            natural = [table.columnWidth(c) for c in columns]
            least = [max(self._header_least(c), self._cells_least(c)) for c in columns]
            room = table.viewport().width()
            for column, width in zip(columns, shared_widths(natural, least, room), strict=True):
                table.setColumnWidth(column, width)
            table.resizeRowsToContents()
        finally:
            self._fitting = False

    def _header_least(self, column: int) -> int:
        """The header's widest line within the style's margins, and the sort arrow's room on the
        sorted column only. (Qt's own hint keeps the arrow's room on every column, as wide as
        half the header is high: with titles on three lines the table could not fit 1280 px.)"""
        header = self.table.horizontalHeader()
        item = self.table.horizontalHeaderItem(column)
        lines = item.text().split("\n") if item is not None else [""]
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        width = max(header.fontMetrics().horizontalAdvance(line) for line in lines) + 2 * margin + 2
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            width += header.sizeHint().height() // 2 + 2 * margin
        return width

    def _cells_least(self, column: int) -> int:
        """The column's longest word with the cell's padding."""
        table = self.table
        metrics = table.fontMetrics()
        texts = [it.text() for r in range(table.rowCount()) if (it := table.item(r, column)) is not None]
        if not texts:
            return 0
        # The padding Qt puts around a cell's text: its hint for the column less the longest line.
        padding = max(0, table.sizeHintForColumn(column) - max(metrics.horizontalAdvance(t) for t in texts))
        longest_word = max(metrics.horizontalAdvance(w) for t in texts for w in (t.split() or [""]))
        return longest_word + padding + CELL_SLACK


__all__ = ["ColumnShare", "shared_widths"]
