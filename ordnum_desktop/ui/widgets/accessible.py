"""Accessible names (RGAA) for what the .ui forms cannot name: the corner « select all » button
Qt adds to every table."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QWidget


def name_corners(root: QWidget) -> None:
    for view in root.findChildren(QAbstractItemView):
        for corner in view.findChildren(QAbstractButton, "qt_tableview_cornerbutton"):
            corner.setAccessibleName(f"Tout sélectionner ({view.accessibleName() or 'tableau'})")
            corner.setAccessibleDescription("Sélectionne toutes les lignes du tableau.")
