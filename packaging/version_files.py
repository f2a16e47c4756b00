"""The version number is written in pyproject.toml only. The Windows version resource is made
from packaging/windows/version_info.txt (a template) at build time by ordnum.spec; the Inno Setup
script reads it back from the built ordnum-desktop.exe; the AppStream metainfo's newest release
is checked against it by tests/test_packaging_files.py. Standard library only (run by the spec)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "packaging" / "windows" / "version_info.txt"


def project_version(root: Path = ROOT) -> str:
    with (root / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def windows_numbers(version: str) -> tuple[int, int, int, int]:
    """Four integers for FixedFileInfo: "1.2.3rc1" → (1, 2, 3, 0)."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    if release is None:
        raise ValueError(f"version {version!r} does not start with a number")
    major, minor, micro, build = ([int(p) for p in release.group(0).split(".")] + [0, 0, 0, 0])[:4]
    return (major, minor, micro, build)


def windows_version_info(version: str) -> str:
    text = TEMPLATE.read_text(encoding="utf-8")
    return text.replace("@NUMBERS@", repr(windows_numbers(version))).replace("@VERSION@", version)
