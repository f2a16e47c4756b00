"""English words that must not show in the French interface, and how to collect the texts a
window shows (used by the window-wide check and by the dialogs' own)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QMenu, QTableView, QTabWidget

# "date", "close", "import" and "export" are French too, so they are not in the list.
ENGLISH = {
    "ok",
    "cancel",
    "yes",
    "no",
    "file",
    "edit",
    "open",
    "save",
    "closed",
    "apply",
    "help",
    "delete",
    "add",
    "remove",
    "new",
    "quit",
    "undo",
    "redo",
    "loading",
    "error",
    "warning",
    "name",
    "settings",
    "recent",
}


def visible_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Every text a user can read on the widget and its children: buttons, labels, menus, tabs,
    placeholders and table headers."""
    out: list[str] = []
    for w in window.findChildren(QAbstractButton):
        out.append(w.text())
    for w in window.findChildren(QLabel):
        out.append(w.text())
    for w in window.findChildren(QLineEdit):
        out.append(w.placeholderText())
    for w in window.findChildren(QGroupBox):
        out.append(w.title())
    for w in window.findChildren(QMenu):
        out.append(w.title())
    for a in window.findChildren(QAction):
        out.append(a.text())
    for t in window.findChildren(QTabWidget):
        out.extend(t.tabText(i) for i in range(t.count()))
    for view in window.findChildren(QTableView):
        model = view.model()
        if model is not None:
            horizontal = Qt.Orientation.Horizontal
            out.extend(str(model.headerData(c, horizontal) or "") for c in range(model.columnCount()))
    return [t for t in out if t]


def english_in(texts: list[str]) -> set[str]:
    """The words of ENGLISH found in the texts (markup left out)."""
    words = {w.lower() for t in texts for w in re.findall(r"[A-Za-z]+", re.sub(r"<[^>]+>", " ", t))}
    return words & ENGLISH
