"""The validation scope of a présérie (domain/validation_scope.py): the éditeur's other products
with the same module, whether the software integrates a third-party prescription engine, whether
it serves libéral doctors and health centres. Stored on the présérie (migration 0006), so every
change is an audited update of the présérie; `ordnum preserie scope` and Présérie ▸ « Périmètre
de la validation… » both go through `record_scope`."""

from __future__ import annotations

from sqlmodel import Session

from ordnum_desktop.domain.validation_scope import ValidationScope, join_products, split_products
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Preserie

PRODUCTS_MAX = 2000  # characters: a list of product names, not a document


def scope_of(p: Preserie) -> ValidationScope:
    return ValidationScope(
        software=f"{p.software} {p.version}".strip(),
        module=p.module,
        exercise=p.exercise,
        products=split_products(p.covered_products),
        third_party_engine=bool(p.third_party_engine),
        serves_both=bool(p.serves_both),
    )


def _preserie(s: Session, preserie_id: int) -> Preserie:
    p = s.get(Preserie, preserie_id)
    if p is None:
        raise UserError(f"Aucune présérie n° {preserie_id}.")
    return p


def get_scope(ws: Workspace, preserie_id: int) -> ValidationScope:
    with ws.session() as s:
        return scope_of(_preserie(s, preserie_id))


def record_scope(
    ws: Workspace,
    preserie_id: int,
    *,
    products: str | None = None,
    third_party_engine: bool | None = None,
    serves_both: bool | None = None,
) -> ValidationScope:
    """Changes what is given (None: kept). Products are « ; »- or line-separated names."""
    if products is not None and len(products) > PRODUCTS_MAX:
        raise UserError(
            f"La liste des produits couverts fait {len(products)} caractères, {PRODUCTS_MAX} au plus : "
            "donnez les noms des logiciels séparés par « ; »."
        )
    with ws.session() as s:
        p = _preserie(s, preserie_id)
        if products is not None:
            p.covered_products = join_products(split_products(products))
        if third_party_engine is not None:
            p.third_party_engine = third_party_engine
        if serves_both is not None:
            p.serves_both = serves_both
        s.add(p)
        s.flush()
        return scope_of(p)


__all__ = ["get_scope", "record_scope", "scope_of"]
