"""Run something once the window has been painted for the first time.

A zero-delay timer set before `app.exec()` fires before the window's first paint (the paint is
itself an event the loop handles later), so work queued that way — opening the workspace, its
imports — would keep the user looking at nothing. The paint is watched instead; a fallback timer
covers a window that never paints (started minimised, or on a platform that paints lazily).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000


class AfterFirstPaint(QObject):
    def __init__(self, window: QWidget, action: Callable[[], None], fallback_ms: int = FALLBACK_MS) -> None:
        super().__init__(window)
        self._window = window
        self._action: Callable[[], None] | None = action
        window.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self._run)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._action is not None:
            # After this paint has been delivered, not inside it.
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is None:
            return
        self._window.removeEventFilter(self)
        action()
