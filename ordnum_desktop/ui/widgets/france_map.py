"""The CPAM tab's map of France: département outlines from IGN Admin Express (simplified by
tests/data/make_france_map.py), referent départements shaded, the selected CPAMs in blue with
their doctor counts. No pyplot: a bare Figure the tab embeds."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache

from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from matplotlib.path import Path

from ordnum_desktop.domain.referentiel import Caisse
from ordnum_desktop.paths import resources_dir

SELECTED = "#1565c0"
REFERENT = "#b0bec5"
LAND = "#f3f5f7"
BORDER = "#90a4ae"
ATTRIBUTION = "Fond de carte : IGN – Admin Express COG 2018 ; INSEE – COG 2018 (Licence Ouverte)"


@dataclass(frozen=True)
class Departement:
    code: str
    nom: str
    rings: tuple[tuple[tuple[float, float], ...], ...]

    def centre(self) -> tuple[float, float]:
        # Mean of the largest ring's points: inside every département's main body at this size.
        ring = max(self.rings, key=len)
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)

    def contains(self, lon: float, lat: float) -> bool:
        return any(Path(ring).contains_point((lon, lat)) for ring in self.rings)


@cache
def departements() -> tuple[Departement, ...]:
    data = json.loads((resources_dir() / "map" / "departements.json").read_text(encoding="utf-8"))
    return tuple(
        Departement(d["code"], d["nom"], tuple(tuple((x, y) for x, y in ring) for ring in d["rings"]))
        for d in data["departements"]
    )


def departement_at(lon: float, lat: float) -> Departement | None:
    return next((d for d in departements() if d.contains(lon, lat)), None)


def hover_text(lon: float, lat: float, caisses: tuple[Caisse, ...], counts: dict[str, int]) -> str:
    """The tooltip under the pointer: the département's name and, if referent, its CPAMs."""
    found = departement_at(lon, lat)
    if found is None:
        return ""
    mine = [c for c in caisses if c.department == found.code]
    lines = [f"{found.nom} ({found.code})"]
    lines += [f"{c.name} : {counts.get(c.id, 0)} médecin(s)" for c in mine]
    return "\n".join(lines)


def map_description(caisses: tuple[Caisse, ...], selected: set[str], counts: dict[str, int]) -> str:
    """The text alternative of the map (RGAA): the same facts the colours show."""
    names = {d.code: d.nom for d in departements()}
    chosen = [c for c in caisses if c.id in selected]
    referent = sorted({f"{names.get(c.department, c.department)} ({c.department})" for c in caisses})
    text = "Carte des départements de France métropolitaine. "
    text += "Départements des CPAM référentes (grisés) : " + ", ".join(referent) + ". "
    if chosen:
        text += "CPAM retenues (en bleu) : " + ", ".join(
            f"{c.name}, {counts.get(c.id, 0)} médecin(s)" for c in chosen
        )
        text += "."
    else:
        text += "Aucune CPAM retenue."
    return text


def france_map(caisses: tuple[Caisse, ...], selected: set[str], counts: dict[str, int]) -> Figure:
    referent = {c.department for c in caisses}
    chosen = {c.department for c in caisses if c.id in selected}
    fig = Figure(figsize=(5.2, 5.4), layout="constrained")
    ax = fig.add_subplot()
    for dep in departements():
        colour = SELECTED if dep.code in chosen else REFERENT if dep.code in referent else LAND
        for ring in dep.rings:
            ax.add_patch(Polygon(ring, closed=True, facecolor=colour, edgecolor=BORDER, linewidth=0.4))
    by_code = {d.code: d for d in departements()}
    for code in sorted(chosen):
        dep = by_code.get(code)
        if dep is None:
            continue
        label = "\n".join(
            f"{c.city} ({counts.get(c.id, 0)})" for c in caisses if c.id in selected and c.department == code
        )
        ax.annotate(
            label,
            dep.centre(),
            xytext=(6, 0),
            textcoords="offset points",
            fontsize=8,
            color="#0d2f5e",
            fontweight="bold",
            va="center",
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": SELECTED, "alpha": 0.9},
            zorder=4,
        )
    ax.set_xlim(-5.3, 9.8)
    ax.set_ylim(41.3, 51.2)
    ax.set_aspect(1 / math.cos(math.radians(46.5)))
    ax.set_axis_off()
    # wrap=True: the lines break at the figure's width, which follows the canvas (beside the
    # caisse list at 1024 px, or at 150 %, one line ran off both edges).
    ax.set_title(
        "Départements des CPAM référentes en gris ; en bleu, les CPAM retenues (nombre de médecins)",
        fontsize=9,
        wrap=True,
    )
    # The figure's x label rather than a free text: the constrained layout keeps its room below the
    # map, so the credit never runs over Corsica (a free text at the bottom edge did, at 150 %).
    fig.supxlabel(ATTRIBUTION, x=0.01, ha="left", fontsize=6, color="#616161", wrap=True)
    return fig
