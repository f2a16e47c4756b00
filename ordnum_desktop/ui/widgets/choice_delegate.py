"""Drop-down editor for the closed-choice columns of a table (exercice, structure, CPAM…)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    def __init__(
        self,
        choices: Callable[[int], list[tuple[str, str]] | None],
        parent: QWidget,
        patterns: dict[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices = choices  # column -> [(code, label)] or None for a free text column
        self.patterns = patterns or {}  # column -> regular expression the typed text must match

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        items = self.choices(index.column())
        if items is None:
            editor = super().createEditor(parent, option, index)
            pattern = self.patterns.get(index.column())
            if pattern and isinstance(editor, QLineEdit):
                # Only characters an identifier can hold; its checksum is checked by the rules.
                editor.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), editor))
            return editor
        combo = QComboBox(parent)
        for code, label in items:
            combo.addItem(label or "(aucune)", code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
