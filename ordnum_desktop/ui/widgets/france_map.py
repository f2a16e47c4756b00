"""The CPAM tab's schematic map of France (no pyplot: a bare Figure the tab embeds)."""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

from matplotlib.figure import Figure
from matplotlib.patches import Polygon

from ordnum_desktop.domain.referentiel import Caisse
from ordnum_desktop.paths import resources_dir

SELECTED = "#1565c0"
REFERENT = "#9e9e9e"
LAND = "#eef2f5"
COAST = "#90a4ae"


@cache
def map_data() -> dict[str, Any]:
    return json.loads((resources_dir() / "map" / "france-schematic.json").read_text(encoding="utf-8"))


def france_map(caisses: tuple[Caisse, ...], selected: set[str], counts: dict[str, int]) -> Figure:
    data = map_data()
    fig = Figure(figsize=(5.2, 5.4), layout="constrained")
    ax = fig.add_subplot()
    for key in ("outline", "corsica"):
        ax.add_patch(Polygon(data[key], closed=True, facecolor=LAND, edgecolor=COAST, linewidth=1.2))
    cities = data["cities"]
    for caisse in caisses:
        lon, lat = cities.get(caisse.city, (None, None))
        if lon is None:
            continue
        chosen = caisse.id in selected
        ax.plot(
            lon,
            lat,
            "o",
            markersize=11 if chosen else 6,
            color=SELECTED if chosen else REFERENT,
            markeredgecolor="white",
            markeredgewidth=1.2,
            zorder=3 if chosen else 2,
        )
        label = f"{caisse.city} ({counts.get(caisse.id, 0)})" if chosen else caisse.department
        ax.annotate(
            label,
            (lon, lat),
            xytext=(7, 3),
            textcoords="offset points",
            fontsize=9 if chosen else 7,
            color="#0d2f5e" if chosen else "#616161",
            fontweight="bold" if chosen else "normal",
            zorder=4,
        )
    lon, lat = cities["Paris"]
    ax.plot(lon, lat, "s", markersize=4, color="#424242")
    ax.annotate(
        "Paris", (lon, lat), xytext=(-6, -11), textcoords="offset points", fontsize=7, color="#424242"
    )
    ax.set_xlim(-5.3, 9.9)
    ax.set_ylim(41.2, 51.3)
    ax.set_aspect(1 / math.cos(math.radians(46.5)))
    ax.set_axis_off()
    ax.set_title("CPAM référentes : en bleu les CPAM retenues (nombre de médecins)", fontsize=9)
    ax.text(
        0.0, 0.0, "Carte schématique — contour simplifié", transform=ax.transAxes, fontsize=7, color="#757575"
    )
    return fig
