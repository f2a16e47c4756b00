"""What the « À propos » dialog states: versions, where the log and backups go, the licences of
what the application ships. Gathered here (no Qt) so the dialog only lays it out."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.paths import resources_dir
from ordnum_desktop.services.io.error_log import log_dir
from ordnum_desktop.store.backups import backup_root
from ordnum_desktop.store.schema import head_revision
from ordnum_desktop.version import app_version


@dataclass(frozen=True)
class Licence:
    name: str
    version: str  # "" when unknown (a built application may not carry the distribution's metadata)
    licence: str


@dataclass(frozen=True)
class AboutFacts:
    app_version: str
    schema_revision: str
    referentiel: str
    log_folder: Path
    backup_folder: Path
    fonts: Licence
    map_data: Licence
    map_licence_file: Path
    libraries: tuple[Licence, ...]


# (distribution, display name, licence): what the wheel and the built application carry.
LIBRARIES = (
    ("PySide6-Essentials", "PySide6 (Qt for Python)", "LGPL-3.0"),
    ("matplotlib", "matplotlib", "licence matplotlib (type PSF)"),
    ("reportlab", "ReportLab", "BSD"),
    ("openpyxl", "openpyxl", "MIT"),
    ("python-calamine", "python-calamine", "MIT"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("sqlmodel", "SQLModel", "MIT"),
    ("alembic", "Alembic", "MIT"),
    ("defusedxml", "defusedxml", "PSF-2.0"),
    ("platformdirs", "platformdirs", "MIT"),
    ("numpy", "NumPy", "BSD-3-Clause"),
)


def _version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:
        return ""


def about_facts() -> AboutFacts:
    ref = load_referentiel()
    return AboutFacts(
        app_version=app_version(),
        schema_revision=head_revision(),
        referentiel=f"{ref.version} — {ref.label}" if ref.label else ref.version,
        log_folder=log_dir(),
        backup_folder=backup_root(),
        fonts=Licence("Polices DejaVu (PDF du bilan)", "", "licence Bitstream Vera / DejaVu (libre)"),
        map_data=Licence(
            "Fond de carte des départements (IGN – Admin Express, INSEE – COG)",
            "",
            "Licence Ouverte / Open Licence (Etalab)",
        ),
        map_licence_file=resources_dir() / "map" / "LICENCE.md",
        libraries=tuple(Licence(name, _version(dist), lic) for dist, name, lic in LIBRARIES),
    )
