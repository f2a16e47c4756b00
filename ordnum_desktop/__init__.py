"""ordnum-desktop: follow-up of the Ordonnance numérique présérie pilots."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # `ordnum_desktop.__version__` stays available, read lazily from the package metadata
    # (ordnum_desktop/version.py): pyproject.toml is the only place the number is written.
    if name == "__version__":
        from ordnum_desktop.version import app_version

        return app_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
