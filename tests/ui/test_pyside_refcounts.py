"""Guards the PySide6 pin (pyproject.toml): a release that drops a reference to None or True per
call would crash the window after a few thousand actions on Python < 3.12."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton


class _Sender(QObject):
    fired = Signal(int)


def test_void_calls_and_emits_keep_none_and_true_alive(qtbot) -> None:
    button = QPushButton()
    qtbot.addWidget(button)
    sender = _Sender()
    received: list[int] = []
    sender.fired.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for n in range(2000):
        button.setText("a")  # a void method
        sender.fired.emit(n)
    assert len(received) == 2000
    # A few references may come and go elsewhere; a leak per call would show as -2000.
    assert sys.getrefcount(None) - none_before > -200
    assert sys.getrefcount(True) - true_before > -200
