"""Accessible names (RGAA) for what the .ui forms cannot name (the corner « select all » button
Qt adds to every table), and tabs that scroll rather than clip at 150 %."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QFrame, QScrollArea, QVBoxLayout, QWidget


def name_corners(root: QWidget) -> None:
    for view in root.findChildren(QAbstractItemView):
        for corner in view.findChildren(QAbstractButton, "qt_tableview_cornerbutton"):
            corner.setAccessibleName(f"Tout sélectionner ({view.accessibleName() or 'tableau'})")
            corner.setAccessibleDescription("Sélectionne toutes les lignes du tableau.")


def setup_scrolled(tab: QWidget, ui: Any) -> QWidget:
    """Builds the form `ui` inside a scroll area filling `tab`: at 150 % on a 1280×800 screen a
    tab needs more room than the window has, and was squeezed until its text was clipped."""
    inner = QWidget()
    ui.setupUi(inner)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    # Not a stop of its own in the Tab order (it still scrolls to the widget Tab reaches).
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    # Vertical scrolling only. With wrapped texts (height for width) Qt's scroll area showed an
    # empty horizontal bar (nothing to scroll) that took the last 14 px of the page without a
    # vertical bar to reach them. The window's minimum width is wider than every tab's.
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(inner)
    outer = QVBoxLayout(tab)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return inner
