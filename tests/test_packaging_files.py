"""The Linux desktop files: the AppStream metainfo passes `appstreamcli validate` (when the tool
is installed: `apt-get install appstream`), the launcher names the icon that is shipped, and
every PNG size of the hicolor theme is there at its size."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

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
