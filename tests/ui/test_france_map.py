"""The CPAM tab's map: real département outlines (IGN), the selected CPAMs in blue with their
doctor counts, the name under the pointer, a text alternative and the attribution."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ordnum_desktop.paths import resources_dir
from ordnum_desktop.ui.widgets.france_map import ATTRIBUTION, departement_at, departements, hover_text

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_the_shipped_outlines_keep_codes_names_and_are_small() -> None:
    path = resources_dir() / "map" / "departements.json"
    assert path.stat().st_size < 200_000
    codes = {d.code for d in departements()}
    assert len(codes) == 96 and {"01", "2A", "2B", "95"} <= codes
    assert json.loads(path.read_text(encoding="utf-8"))["attribution"].startswith("IGN")
    assert not (resources_dir() / "map" / "france-schematic.json").exists()
    licence = (resources_dir() / "map" / "LICENCE.md").read_text(encoding="utf-8")
    assert "Admin Express" in licence and "Licence Ouverte" in licence


def test_the_pointer_finds_the_departement_under_it() -> None:
    gironde = departement_at(-0.58, 44.84)  # Bordeaux
    assert gironde is not None and (gironde.code, gironde.nom) == ("33", "Gironde")
    assert departement_at(-8.0, 45.0) is None  # the Atlantic


def test_the_map_on_the_cpam_tab_is_named_described_and_hovers(window) -> None:  # type: ignore[no-untyped-def]
    window.ui.tabs.setCurrentIndex(1)
    tab = window.tab_widgets["cpam"]
    canvas = tab._map.canvas
    assert canvas.accessibleName() == "Carte des CPAM référentes"
    description = canvas.accessibleDescription()
    assert "CPAM de la Gironde, 10 médecin(s)" in description and "Gironde (33)" in description
    text = hover_text(-0.58, 44.84, tab.ref.caisses, tab.counts)
    assert text.splitlines() == ["Gironde (33)", "CPAM de la Gironde : 10 médecin(s)"]
    figure = canvas.figure
    assert any(ATTRIBUTION == t.get_text() for t in figure.texts)
    labels = [t.get_text() for t in figure.axes[0].texts]
    assert "Bordeaux (10)" in labels


def test_map_screenshot(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.ui.tabs.setCurrentIndex(1)
    canvas = window.tab_widgets["cpam"]._map.canvas
    canvas.draw()
    qtbot.wait(50)
    target = SCREENSHOTS if os.environ.get("ORDNUM_SCREENSHOTS") else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    assert canvas.grab().save(str(target / "carte-cpam.png"))


def test_the_credit_keeps_clear_of_the_map_at_every_shape() -> None:
    """The IGN credit sits below the map, never over Corsica: on the map of 1280 px at 100 %
    (where it touched) and narrow and high at 150 % (dpi), beside the caisse list."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from ordnum_desktop.domain.referentiel import load_referentiel
    from ordnum_desktop.ui.widgets.france_map import france_map

    caisses = load_referentiel().caisses
    chosen = {caisses[0].id}
    for width, height, dpi in ((680, 620, 100), (430, 560, 150)):
        figure = france_map(caisses, chosen, {})
        figure.set_dpi(dpi)
        figure.set_size_inches(width / dpi, height / dpi)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        [credit] = [t for t in figure.texts if t.get_text() == ATTRIBUTION]
        box = credit.get_window_extent(renderer)
        drawn = figure.axes[0].get_window_extent(renderer)
        assert box.y1 <= drawn.y0, (width, height, dpi)  # wholly below the map's box
        assert 0 <= box.x0 and box.x1 <= width, (width, height, dpi)  # and inside the canvas
