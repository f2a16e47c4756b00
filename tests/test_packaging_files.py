"""The Linux desktop files: the AppStream metainfo passes `appstreamcli validate` (when the tool
is installed: `apt-get install appstream`), the launcher names the icon that is shipped, and
every PNG size of the hicolor theme is there at its size; the version number is pyproject.toml's
everywhere (package, Windows resource, Inno Setup, AppStream)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import struct
import subprocess
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest

import ordnum_desktop
from ordnum_desktop.version import app_version, source_tree_version

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli absent")
def test_metainfo_is_valid() -> None:
    (metainfo,) = PACKAGING.glob("*.metainfo.xml")
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_and_icons() -> None:
    entry = (PACKAGING / "ordnum-desktop.desktop").read_text(encoding="utf-8")
    assert "Icon=ordnum-desktop\n" in entry and "MimeType" not in entry  # associates nothing
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        data = (PACKAGING / "icons" / f"ordnum-desktop-{size}.png").read_bytes()
        width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
        assert (width, height) == (size, size)
    assert (PACKAGING / "icons" / "ordnum-desktop.ico").stat().st_size > 0


def load_version_files() -> ModuleType:
    spec = importlib.util.spec_from_file_location("version_files", PACKAGING / "version_files.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_version_is_written_in_pyproject_only() -> None:
    version_files = load_version_files()
    version = version_files.project_version()
    assert ordnum_desktop.__version__ == version == app_version()
    assert source_tree_version() == version  # a source tree run without an install

    # Windows version resource: made from the template at build time, parsed as PyInstaller does.
    rendered = version_files.windows_version_info(version)
    assert "@" not in rendered and f"'ProductVersion', '{version}'" in rendered
    numbers = version_files.windows_numbers(version)
    assert f"filevers={numbers!r}" in rendered and len(numbers) == 4
    assert version_files.windows_numbers("1.2.3rc1") == (1, 2, 3, 0)
    versioninfo = pytest.importorskip("PyInstaller.utils.win32.versioninfo")
    parsed = eval(rendered, vars(versioninfo))  # the format is a Python expression (PyInstaller's)
    assert parsed.ffi.fileVersionMS == (numbers[0] << 16) | numbers[1]

    # Inno Setup reads it back from the built exe; no number written in the script.
    iss = (PACKAGING / "windows" / "ordnum-desktop.iss").read_text(encoding="utf-8-sig")
    assert 'GetStringFileInfo(DistDir + "\\ordnum-desktop.exe", "ProductVersion")' in iss
    assert not re.search(r"\b\d+\.\d+\.\d+\b", iss)

    # AppStream: the newest release listed is this version.
    (metainfo,) = PACKAGING.glob("*.metainfo.xml")
    releases = ElementTree.parse(metainfo).getroot().findall("./releases/release")
    assert releases and releases[0].get("version") == version
