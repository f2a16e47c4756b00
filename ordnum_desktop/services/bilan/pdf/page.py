"""The page frame: « page N / M » and the footer (workspace file, generation time, digest).

The total M is known only once every page is laid out, so the canvas keeps each page's state
and draws the footers when the document is saved (the usual reportlab two-pass canvas).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from ordnum_desktop.services.bilan.pdf.fonts import REGULAR
from ordnum_desktop.services.bilan.pdf.styles import GREY, PAGE_MARGIN, RULE

FOOTER_SIZE = 7


def _shorten(name: str, limit: int = 48) -> str:
    # A very long workspace file name must not run into the page number.
    return name if len(name) <= limit else f"{name[: limit // 2 - 1]}…{name[-(limit // 2) :]}"


def numbered_canvas(footer: str, header: str = "") -> type[Canvas]:
    """A Canvas class whose pages end with `footer` on the left and « page N / M » on the right."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise every page names Helvetica (not embedded) as its starting font.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own reset, not in its stubs

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_frame(total)
                super().showPage()
            super().save()

        def _draw_frame(self, total: int) -> None:
            width, _height = A4
            y = PAGE_MARGIN - 8
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(PAGE_MARGIN, y + 9, width - PAGE_MARGIN, y + 9)
            self.setFont(REGULAR, FOOTER_SIZE)
            self.setFillColor(GREY)
            self.drawString(PAGE_MARGIN, y, footer)
            self.drawRightString(width - PAGE_MARGIN, y, f"page {self.getPageNumber()} / {total}")
            if header and self.getPageNumber() > 1:
                self.drawString(PAGE_MARGIN, A4[1] - PAGE_MARGIN + 8, header)
            self.restoreState()

    return NumberedCanvas


def footer_text(workspace_name: str, generated: str, digest: str) -> str:
    return f"{_shorten(workspace_name)} · généré le {generated} · empreinte des chiffres {digest}"
