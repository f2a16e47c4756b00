"""Builds ordnum_desktop/resources/map/departements.json from the IGN Admin Express outlines
(shared data, Licence Ouverte): Douglas-Peucker on every ring, 3 decimals (about 100 m), codes
and names kept as INSEE gives them. Run: python -m tests.data.make_france_map [source.geojson]."""

from __future__ import annotations

import json
import sys
from pathlib import Path

SOURCE = Path("/work/shared/data/france-departements/departements-version-simplifiee.geojson")
TARGET = Path(__file__).resolve().parents[2] / "ordnum_desktop" / "resources" / "map" / "departements.json"
# 0.01° ≈ 1 km: invisible at the size the CPAM tab draws France, and it divides the points by ~6.
TOLERANCE = 0.01
ATTRIBUTION = "IGN – Admin Express COG 2018 ; INSEE – COG 2018 (Licence Ouverte / Open Licence)"


def _distance(p: list[float], a: list[float], b: list[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return float(((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5)
    return float(abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / (dx * dx + dy * dy) ** 0.5)


def simplify(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker, iterative (rings of a few thousand points would overflow recursion)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def build(source: Path) -> dict[str, object]:
    features = json.loads(source.read_text(encoding="utf-8"))["features"]
    departements = []
    for feature in sorted(features, key=lambda f: f["properties"]["code"]):
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        rings = []
        for polygon in polygons:
            # Outer rings only: no département of the source has a hole worth drawing at this size.
            ring = simplify(polygon[0], TOLERANCE)
            if len(ring) >= 4:
                rings.append([[round(x, 3), round(y, 3)] for x, y in ring])
        departements.append(
            {"code": feature["properties"]["code"], "nom": feature["properties"]["nom"], "rings": rings}
        )
    return {
        "attribution": ATTRIBUTION,
        "source": "IGN Admin Express COG 2018, simplifié (Douglas-Peucker 0,01°)",
        "departements": departements,
    }


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    TARGET.write_text(
        json.dumps(build(source), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(TARGET, TARGET.stat().st_size, "octets")


if __name__ == "__main__":
    main()
