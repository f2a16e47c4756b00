"""The window refuses a status that contradicts the facts (issue 17, acceptance): the fixture's
bilan concludes to a prolongation, so « Validée » is refused with the reason and the badge and the
stored status stay as they were."""

from __future__ import annotations

from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.roster.preseries import resolve_preserie


def test_validated_refused_without_a_deploy_bilan(window, prompts) -> None:  # type: ignore[no-untyped-def]
    ws, pid = window.ctx.ws, window.ctx.preserie_id
    assert compute_bilan(ws, pid).decision == "extend"
    before = resolve_preserie(ws, pid).status
    badge = window.ui.statusBadge.text()

    window.set_status("validee")

    [error] = prompts.errors()
    assert "« Validée » est refusé" in error and "Déploiement autorisé" in error
    assert "L'onglet Bilan détaille" in error  # where to look, in the window's words
    assert window.ui.statusBadge.text() == badge
    assert resolve_preserie(ws, pid).status == before
