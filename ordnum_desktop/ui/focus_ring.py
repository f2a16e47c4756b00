"""A visible keyboard focus (RGAA 10.7, WCAG 2.4.7): a 2 px blue ring drawn around whichever
widget has the focus, in every window and dialog of the application.

Styles draw focus faintly or not at all (Fusion: a light outline on some widgets, none on a
table or a tab bar). A single QFocusFrame follows the focused widget (Qt keeps it on the widget's
geometry through moves, resizes and scrolls); the proxy style below gives it its look and its
margin. The ring colour has a contrast of 5:1 on the window's grey (WCAG 1.4.11 asks 3:1).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFocusFrame,
    QProxyStyle,
    QScrollArea,
    QStyle,
    QStyleOption,
    QWidget,
)

FOCUS_COLOUR = "#1565c0"
RING_WIDTH = 2
MARGIN = 3  # px around the widget: the ring sits outside it, never over its text


class FocusRingStyle(QProxyStyle):
    """The application's own style (Fusion, Windows…) with the focus ring's look."""

    def drawControl(  # noqa: N802 - Qt's name
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element != QStyle.ControlElement.CE_FocusFrame:
            super().drawControl(element, option, painter, widget)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(FOCUS_COLOUR), RING_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(option.rect).adjusted(half, half, -half, -half), 3, 3)
        painter.restore()

    def pixelMetric(  # noqa: N802 - Qt's name
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric in (QStyle.PixelMetric.PM_FocusFrameHMargin, QStyle.PixelMetric.PM_FocusFrameVMargin):
            return MARGIN
        return super().pixelMetric(metric, option, widget)


class FocusRing:
    """The frame that follows the focus. Created again when the window that held it is gone
    (a closed dialog deletes its children, the frame with them)."""

    def __init__(self) -> None:
        self.frame: QFocusFrame | None = None

    @staticmethod
    def target(widget: QWidget | None) -> QWidget | None:
        """The widget to ring: a date or combo box rather than the line edit inside it."""
        while widget is not None:
            parent = widget.parentWidget()
            if isinstance(parent, QAbstractSpinBox | QComboBox) and parent.focusProxy() in (widget, None):
                widget = parent
                continue
            return widget
        return None

    @staticmethod
    def reveal(widget: QWidget) -> None:
        """Scrolls every scroll area holding `widget` until it shows. A scroll area does it for
        a Tab pressed inside it, not for the Tab that enters it from outside (from the tab bar,
        the first control of a scrolled-down tab was focused out of sight)."""
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea) and parent.widget() is not None:
                parent.ensureWidgetVisible(widget, 4, 4)
            parent = parent.parentWidget()

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QAbstractItemView):
            # Qt's tables move from cell to cell with Tab, so Tab never leaves them: a keyboard
            # trap (RGAA 12.13). The arrows move between cells; Tab goes to the next control.
            new.setTabKeyNavigation(False)
        widget = self.target(new)
        if widget is None or widget.isWindow():
            if self.frame is not None and shiboken6.isValid(self.frame):
                self.frame.setWidget(None)
            return
        if self.frame is None or not shiboken6.isValid(self.frame):
            self.frame = QFocusFrame()
            self.frame.setObjectName("focusRing")
        self.reveal(widget)
        self.frame.setWidget(widget)
        self.frame.show()
        self.frame.update()


_RING: FocusRing | None = None


def install_focus_ring() -> FocusRing:
    """Once per application: the proxy style and the frame that follows the focus."""
    global _RING
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if not isinstance(app.style(), FocusRingStyle):
        app.setStyle(FocusRingStyle(app.style().name()))
    if _RING is None:
        _RING = FocusRing()
        app.focusChanged.connect(_RING.follow)
    return _RING


def focus_ring() -> FocusRing | None:
    return _RING
