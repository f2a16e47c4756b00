"""A table as wide as its contents: at 1024 px a splitter shared the width by ratio and cut the
longest names to « … » (CPAM names, doctors' names), while the chart or the map beside the table
scales to whatever room is left."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget


def fit_table_width(table: QTableWidget) -> int:
    """Sets the table's minimum width to what its cells and headers need (current fonts, check
    boxes included); returns it. Call again after the contents change."""
    header = table.horizontalHeader()
    columns = sum(
        max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
        for c in range(table.columnCount())
        if not table.isColumnHidden(c)
    )
    rows = table.verticalHeader().sizeHint().width() if table.verticalHeader().isVisible() else 0
    frame = 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width() + 4
    width = columns + rows + frame
    table.setMinimumWidth(width)
    return width
