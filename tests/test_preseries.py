from __future__ import annotations

import pytest

from ordnum_desktop.services.errors import Hint, UserError
from ordnum_desktop.services.roster.preseries import (
    create_preserie,
    list_preseries,
    resolve_preserie,
    set_cpams,
)
from ordnum_desktop.services.workspace.session import Workspace

# On a SQLite file and on a PostgreSQL server alike (issue 15); tests that take `ws_path` stay
# on the file.
pytestmark = pytest.mark.both_engines


def test_caisse_selection_limits(ws: Workspace, liberal_preserie_id: int) -> None:
    set_cpams(ws, liberal_preserie_id, ["05", "76-le-havre", "94"])
    assert list_preseries(ws)[0]["cpams"] == ["05", "76-le-havre", "94"]
    with pytest.raises(UserError, match="3 CPAM au plus"):
        set_cpams(ws, liberal_preserie_id, ["05", "08", "33", "94"])
    assert list_preseries(ws)[0]["cpams"] == ["05", "76-le-havre", "94"]


def test_multi_caisse_department_needs_the_caisse(ws: Workspace, liberal_preserie_id: int) -> None:
    with pytest.raises(UserError, match="64-bayonne, 64-pau"):
        set_cpams(ws, liberal_preserie_id, ["64"])
    with pytest.raises(UserError, match="inconnue"):
        set_cpams(ws, liberal_preserie_id, ["75"])
    set_cpams(ws, liberal_preserie_id, ["Pau", "CPAM de la Gironde"])
    assert list_preseries(ws)[0]["cpams"] == ["64-pau", "33"]


def test_resolve_preserie(ws: Workspace) -> None:
    with pytest.raises(UserError, match="aucune présérie"):
        resolve_preserie(ws, None)
    first = create_preserie(ws, editor="A", software="S", version="1", exercise="centre")
    assert resolve_preserie(ws, None).id == first.id
    create_preserie(ws, editor="B", software="S", version="1", exercise="mixte")
    with pytest.raises(UserError, match="contient 2 préséries") as ambiguous:
        resolve_preserie(ws, None)
    assert ambiguous.value.hint is Hint.CHOOSE_PRESERIE
    with pytest.raises(UserError, match="n° 99"):
        resolve_preserie(ws, 99)
    with pytest.raises(UserError, match="inconnu"):
        create_preserie(ws, editor="C", software="S", version="1", exercise="hospitalier")


def test_new_preserie_has_the_three_start_prerequisites(ws: Workspace, liberal_preserie_id: int) -> None:
    from sqlmodel import select

    from ordnum_desktop.store.models import Prerequisite

    with ws.session() as s:
        codes = [
            p.code
            for p in s.exec(select(Prerequisite).where(Prerequisite.preserie_id == liberal_preserie_id))
        ]
    assert codes == ["cnda", "support", "kit"]
