"""The roster workbook layout: headers, help texts, closed choices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ordnum_desktop.domain.headers import ExpectedColumn, HeaderMatch, match_headers
from ordnum_desktop.domain.roster_rules import MODES
from ordnum_desktop.domain.text import fold


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    help: str
    aliases: tuple[str, ...] = ()
    width: int = 16


COLUMNS: tuple[Column, ...] = (
    Column("Nom", "last_name", "Nom de famille du médecin (obligatoire).", ("nomdefamille",), 18),
    Column("Prénom", "first_name", "Prénom du médecin (obligatoire).", (), 16),
    Column(
        "Mode d'exercice", "mode", "Libéral (cabinet) ou Salarié (centre de santé).", ("mode", "exercice"), 16
    ),
    Column(
        "Spécialité",
        "specialty",
        "Code ou libellé de spécialité Assurance Maladie (01 = Médecine générale…).",
        ("specialite", "codespecialite"),
        24,
    ),
    Column(
        "N° AM",
        "am",
        "Numéro de facturation Assurance Maladie, 9 chiffres (médecins libéraux). "
        "Les deux premiers chiffres sont le département d'exercice.",
        ("numeroam", "noam", "numerodefacturation", "am"),
        13,
    ),
    Column(
        "RPPS",
        "rpps",
        "Numéro RPPS, 11 chiffres : obligatoire pour les médecins salariés, facultatif pour les libéraux.",
        ("norpps", "numerorpps"),
        14,
    ),
    Column(
        "FINESS",
        "finess",
        "FINESS géographique du centre de santé, 9 caractères (médecins salariés).",
        ("nofiness", "finessgeographique"),
        13,
    ),
    Column(
        "Centre",
        "centre_name",
        "Nom du centre de santé (médecins salariés).",
        ("centredesante", "nomducentre"),
        22,
    ),
    Column(
        "Structure", "structure", "Cabinet individuel, Cabinet de groupe, MSP ou Centre de santé.", (), 18
    ),
    Column(
        "Équipé",
        "equipped",
        "Oui si le médecin est équipé pour l'Ordonnance numérique (médecin utilisateur).",
        ("equipeordonnancenumerique",),
        10,
    ),
    Column(
        "Compatibilité vérifiée",
        "compatibility_checked",
        "Oui quand l'éditeur a vérifié l'équipement et la version logicielle du médecin.",
        ("compatibilite",),
        12,
    ),
    Column(
        "Accord de principe",
        "consent",
        "Oui quand le médecin a donné son accord de principe.",
        ("accord",),
        12,
    ),
    Column("CPAM", "cpam", "Identifiant de la caisse (feuille Listes) ou département.", ("caisse",), 14),
    Column(
        "Installation prévue",
        "planned_install",
        "Date d'installation prévue (JJ/MM/AAAA).",
        ("dateinstallationprevue", "installation"),
        14,
    ),
    Column("Email", "email", "Adresse électronique (facultatif).", ("courriel", "mail", "adresseemail"), 24),
    Column("Téléphone", "phone", "Téléphone (facultatif).", ("tel", "telephone"), 14),
)

IDENTIFIER_FIELDS = ("am", "rpps", "finess")
YES_NO_FIELDS = ("equipped", "compatibility_checked", "consent")
MODE_LABELS = MODES


# The name is the one column a row cannot do without.
HEADERS: tuple[ExpectedColumn, ...] = tuple(
    ExpectedColumn(c.field, c.header, c.aliases, required=c.field == "last_name") for c in COLUMNS
)


def match_header(cells: Sequence[object]) -> HeaderMatch:
    """Position of each roster column in the workbook's header row (key: the column's field)."""
    return match_headers(cells, HEADERS)


def parse_mode(value: object) -> str | None:
    key = fold(value)
    if key.startswith("lib"):
        return "liberal"
    if key.startswith("sal") or "centre" in key:
        return "salarie"
    return None
