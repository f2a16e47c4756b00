"""Renders packaging/icons/ordnum-desktop.svg into the PNG sizes of the hicolor theme and the
Windows .ico, with Qt's own SVG renderer (QtSvg is in PySide6-Essentials): no other tool.

Run again after editing the SVG: `python packaging/make_icons.py` (the outputs are committed).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZE = 256  # Qt's ICO writer stores one image; Windows scales it down for the small uses
HERE = Path(__file__).resolve().parent / "icons"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / "ordnum-desktop.svg"))
    if not renderer.isValid():
        sys.exit("ordnum-desktop.svg illisible")
    for size in SIZES:
        render(renderer, size).save(str(HERE / f"ordnum-desktop-{size}.png"))
    if not render(renderer, ICO_SIZE).save(str(HERE / "ordnum-desktop.ico"), "ICO"):
        sys.exit("écriture de ordnum-desktop.ico impossible (greffon ICO de Qt absent)")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
