"""What a validation covers (the seed): the éditeur's other software that uses the same
Ordonnance numérique module for the same PS category — except when the software integrates a
prescription engine developed by a third-party éditeur — and both exercise situations when the
software serves libéral doctors and health centres.

The sentences are data of the référentiel (`validation_scope`); this module only chooses them and
fills in the présérie's names, so the PDF, the Bilan tab and the command line say the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ordnum_desktop.domain.referentiel import Referentiel


def split_products(text: str) -> tuple[str, ...]:
    """« A ; B » or one product a line → ("A", "B"); blanks and repeats dropped, order kept."""
    parts = (p.strip() for p in re.split(r"[;\n]", text or ""))
    return tuple(dict.fromkeys(p for p in parts if p))


def join_products(products: tuple[str, ...] | list[str]) -> str:
    return " ; ".join(products)


@dataclass(frozen=True)
class ValidationScope:
    software: str  # « MédiPrescrire 5.2 »
    module: str
    exercise: str  # liberal | centre | mixte
    products: tuple[str, ...]  # the éditeur's other software declared with the same module
    third_party_engine: bool
    serves_both: bool

    @property
    def both_situations(self) -> bool:
        """A mixte présérie serves both situations by definition; otherwise the éditeur says so."""
        return self.serves_both or self.exercise == "mixte"

    @property
    def covered(self) -> tuple[str, ...]:
        """The products the validation extends to: none for an integrator of a third-party engine."""
        return () if self.third_party_engine else self.products

    def sentences(self, ref: Referentiel) -> list[str]:
        words = ref.validation_scope
        if not words:  # a référentiel without the wording: nothing to print rather than a guess
            return []
        category = ref.ps_categories.get(self.exercise, self.exercise)
        if self.both_situations:
            category = ref.ps_categories.get("mixte", category)
        values = {
            "software": self.software,
            "module": f" « {self.module} »" if self.module else "",
            "category": category,
            "products": join_products(self.products),
        }
        out: list[str] = []
        if self.third_party_engine:
            out.append(words["integrator_exception"].format(**values))
            if self.products:
                out.append(words["integrator_not_covered"].format(**values))
        elif self.products:
            out.append(words["covered_products"].format(**values))
        else:
            out.append(words["no_covered_products"].format(**values))
        out.append(words["both_situations" if self.both_situations else "one_situation"].format(**values))
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "products": list(self.products),
            "covered": list(self.covered),
            "third_party_engine": self.third_party_engine,
            "serves_both": self.serves_both,
            "both_situations": self.both_situations,
        }


__all__ = ["ValidationScope", "join_products", "split_products"]
