"""Embeds matplotlib figures in the window. Imported only when a chart is first shown, so that
matplotlib never slows down the start-up."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QLayout, QSizePolicy, QWidget

CHART_MIN_HEIGHT = 160  # px: a chart's axes, week labels and legend stay legible


class ChartSlot:
    """One place in a layout where successive figures replace each other. The Qt canvas follows
    the screen's device pixel ratio, so charts stay crisp on HiDPI screens."""

    def __init__(self, layout: QLayout) -> None:
        self.layout = layout
        self.canvas: FigureCanvasQTAgg | None = None

    def show(self, figure: Figure, *, name: str = "", description: str = "") -> FigureCanvasQTAgg:
        """`name` and `description`: the chart's text alternative (RGAA), the figures it draws in
        words (services/bilan/chart_text.py), read by screen readers from the canvas."""
        canvas = FigureCanvasQTAgg(figure)
        canvas.setAccessibleName(name)
        canvas.setAccessibleDescription(description)
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.setMinimumSize(200, CHART_MIN_HEIGHT)
        if self.canvas is not None:
            self.layout.replaceWidget(self.canvas, canvas)
            # Hidden and detached at once: a deferred delete alone leaves it painted meanwhile.
            self.canvas.hide()
            self.canvas.setParent(None)
            self.canvas.deleteLater()
        else:
            self.layout.addWidget(canvas)
        self.canvas = canvas
        canvas.draw_idle()
        return canvas

    def widget(self) -> QWidget | None:
        return self.canvas
