"""The application's version, written once: in pyproject.toml. Read from the installed package's
metadata (also copied into the built app by packaging/ordnum.spec); a source tree run without an
install (PYTHONPATH) reads pyproject.toml itself. Cached, and imported only where the version is
shown or stored: importlib.metadata costs ~10 ms that the window's first paint does not wait for."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DISTRIBUTION = "ordnum-desktop"


@cache
def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return source_tree_version()


def source_tree_version() -> str:
    """The version of pyproject.toml beside the package, or « inconnue » outside a source tree."""
    import tomllib

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if not pyproject.is_file():
        return "inconnue"
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])
