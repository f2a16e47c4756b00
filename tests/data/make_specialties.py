"""Rewrites the `specialties` list of the référentiel from the official ANS table.

The table (`resources/referentiel/TRE_G100-specialite-am.tsv`, a copy of the ANS terminology
TRE_G100) lists every profession; the présérie concerns doctors, so only the médecin codes are
kept. tests/test_specialties.py checks the référentiel still matches the table.
Usage: `.venv/bin/python -m tests.data.make_specialties`.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TABLE = ROOT / "ordnum_desktop" / "resources" / "referentiel" / "TRE_G100-specialite-am.tsv"
REFERENTIEL = ROOT / "ordnum_desktop" / "resources" / "referentiel" / "2025-01.json"

# The médecin codes of TRE_G100. 19 (chirurgie dentaire) is a dentists' code, like 36, 53, 54;
# 69 (chirurgie orale) is open to doctors as well, so it stays.
_RANGES = ((1, 18), (20, 20), (22, 23), (31, 35), (37, 38), (41, 49), (69, 85))
DOCTOR_CODES = frozenset(f"{n:02d}" for low, high in _RANGES for n in range(low, high + 1))


def table() -> dict[str, str]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return {row["code"]: row["libelle"] for row in csv.DictReader(f, delimiter="\t")}


def doctor_specialties() -> list[dict[str, str]]:
    return [{"code": code, "label": label} for code, label in table().items() if code in DOCTOR_CODES]


def main() -> None:
    # Only the list is rewritten, one entry a line, so that the rest of the file keeps its layout.
    text = REFERENTIEL.read_text(encoding="utf-8")
    items = doctor_specialties()
    lines = ",\n".join(f"    {json.dumps(i, ensure_ascii=False)}" for i in items)
    block = f'"specialties": [\n{lines}\n  ]'
    text = re.sub(r'"specialties": \[.*?\n  \]', lambda _: block, text, count=1, flags=re.S)
    REFERENTIEL.write_text(text, encoding="utf-8")
    json.loads(text)  # still valid
    print(f"{len(items)} spécialités écrites dans {REFERENTIEL.name}")


if __name__ == "__main__":
    main()
