"""Présérie ▸ « Périmètre de la validation… »: the éditeur's other products with the same module,
the third-party engine, both exercise situations; recorded by services/lifecycle/scope.py, as
`ordnum preserie scope`. The sentences below the fields are the ones the PDF prints."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QWidget

from ordnum_desktop.domain.validation_scope import ValidationScope, join_products, split_products
from ordnum_desktop.services.lifecycle.scope import get_scope, record_scope
from ordnum_desktop.services.lifecycle.timing import referentiel_of
from ordnum_desktop.services.roster.preseries import resolve_preserie
from ordnum_desktop.ui.context import AppContext
from ordnum_desktop.ui.dialogs.form_dialog import FormDialog


class ScopeDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            "Périmètre de la validation",
            "Une présérie validée vaut pour les autres logiciels de l'éditeur qui utilisent le même "
            "module Ordonnance numérique et s'adressent à la même catégorie de PS, sauf pour un "
            "intégrateur d'un moteur de prescription développé par un éditeur tiers.",
            parent,
        )
        self.ctx = ctx
        self.scope: ValidationScope | None = None
        p = resolve_preserie(ctx.ws, ctx.preserie_id)
        self._preserie = p
        current = get_scope(ctx.ws, ctx.preserie_id)
        self.setMinimumWidth(560)
        form = self.form
        self.products_edit = QPlainTextEdit(join_products(current.products).replace(" ; ", "\n"))
        self.products_edit.setPlaceholderText("Un logiciel par ligne")
        self.products_edit.setFixedHeight(80)
        self.products_edit.setAccessibleName("Autres logiciels couverts")
        # One product per line (Entrée); Tab leaves the box rather than typing a tab character.
        self.products_edit.setTabChangesFocus(True)
        form.addRow("Autres logiciels\ndu même module :", self.products_edit)
        self.engine_box = QCheckBox("Le logiciel intègre un moteur de prescription d'un éditeur tiers")
        self.engine_box.setChecked(current.third_party_engine)
        form.addRow(self.engine_box)
        self.both_box = QCheckBox("Le logiciel équipe des médecins libéraux et des centres de santé")
        self.both_box.setChecked(current.serves_both or p.exercise == "mixte")
        self.both_box.setEnabled(p.exercise != "mixte")  # a mixte présérie serves both by definition
        form.addRow(self.both_box)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setObjectName("scopePreview")
        form.addRow(self.preview)
        for signal in (self.products_edit.textChanged, self.engine_box.toggled, self.both_box.toggled):
            signal.connect(self._show_preview)
        self.add_buttons("Enregistrer")
        self._show_preview()

    def _asked(self) -> ValidationScope:
        p = self._preserie
        return ValidationScope(
            software=f"{p.software} {p.version}",
            module=p.module,
            exercise=p.exercise,
            products=split_products(self.products_edit.toPlainText()),
            third_party_engine=self.engine_box.isChecked(),
            serves_both=self.both_box.isChecked(),
        )

    def _show_preview(self) -> None:
        sentences = self._asked().sentences(referentiel_of(self._preserie))
        self.preview.setText(
            "<b>Sur le bilan imprimé :</b><br/>"
            + "<br/>".join(f"• {escape(s, quote=False)}" for s in sentences)
        )

    def accept(self) -> None:
        scope = self.ctx.run(
            "Périmètre de la validation",
            record_scope,
            self.ctx.ws,
            self.ctx.preserie_id,
            products=self.products_edit.toPlainText(),
            third_party_engine=self.engine_box.isChecked(),
            serves_both=self.both_box.isChecked() and self._preserie.exercise != "mixte",
        )
        if scope is not None:
            self.scope = scope
            super().accept()


__all__ = ["ScopeDialog"]
