"""The printed bilan's per-doctor chart, drawn once per figure and reused for every doctor.

Ten doctors used to cost ten figures built and drawn from scratch — axes, ticks, legends, the
threshold line and every label measured and rasterised again — three quarters of the PDF's
time. All the doctors of a bilan share the same weeks and threshold, so only the title, the rate
line, the bars and the bars' scale differ: `DoctorChartPainter` draws one figure (from
`charts.doctor_chart`, the window's chart) without those, keeps that raster, and for each doctor
lays the changing parts over a copy of it (matplotlib's blitting). Painters are kept per figure
(weeks, threshold, resolution) for the life of the process: the window's second export, or the
closing of a bilan after an export, starts from a painted figure.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from ordnum_desktop.domain.bilan_rules import WeekPoint
from ordnum_desktop.services.bilan.charts import TITLE_CHARS, doctor_chart, doctor_title, plain

KEPT = 4  # figures kept: one per week range and resolution of the bilans printed lately
_painters: OrderedDict[tuple[tuple[date, ...], float, int], DoctorChartPainter] = OrderedDict()
# An export runs in a background thread and a closing in the GUI thread: one figure, one drawer.
_lock = threading.Lock()


class DoctorChartPainter:
    def __init__(self, weeks: Sequence[WeekPoint], threshold: float, dpi: int) -> None:
        self.weeks = tuple(w.week for w in weeks)
        fig = doctor_chart(weeks, threshold=threshold)
        self.figure = fig
        self.rate_axes, self.bar_axes = fig.axes
        # The rate line is the last line of the left panel (after the threshold's).
        self.rate_line = self.rate_axes.lines[-1]
        self.digital_bars, self.paper_bars = self.bar_axes.containers
        self.title = doctor_title(fig, "")
        self.bar_spines = [self.bar_axes.spines[side] for side in ("left", "bottom")]
        changing: list[Artist] = [
            self.title,
            self.rate_line,
            self.bar_axes.yaxis,
            *self.digital_bars,
            *self.paper_bars,
            # Over the bars' feet, as spines are drawn above patches (drawn once, not over
            # the background's copy: a line drawn twice darkens its antialiased edge).
            *self.bar_spines,
        ]
        for artist in changing:
            artist.set_animated(True)  # left out of the background
        self.canvas = FigureCanvasAgg(fig)
        fig.set_dpi(dpi)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(fig.bbox)

    def paint(self, weeks: Sequence[WeekPoint], title: str) -> Image.Image:
        """This doctor's chart as an RGB image, identical in layout to `doctor_chart`'s."""
        assert tuple(w.week for w in weeks) == self.weeks
        rated = [(i, w.rate) for i, w in enumerate(weeks) if w.rate is not None]
        self.rate_line.set_data([i for i, _ in rated], [r for _, r in rated])
        for bar, paper, w in zip(self.digital_bars, self.paper_bars, weeks, strict=True):
            bar.set_height(w.digital)
            paper.set_y(w.digital)
            paper.set_height(w.prescriptions - w.digital)
            paper.sticky_edges.y[:] = [w.digital]  # as `ax.bar(bottom=…)` sets it: the scale's stops
        # The bars' scale follows this doctor's weeks, as `ax.bar` set it for a new figure: the
        # data limits are the bars' extent, 0 to the fullest week (what `relim` finds, at a
        # tenth of its cost: it measures every patch through its transforms).
        top = max(w.prescriptions for w in weeks)
        axes = self.bar_axes
        if top > 0:
            axes.ignore_existing_data_limits = True
            axes.update_datalim([(-0.35, 0), (len(weeks) - 0.65, top)])
        else:
            axes.relim()
        axes.autoscale_view(scalex=False)
        self.title.set_text(plain(title, TITLE_CHARS))
        self.canvas.restore_region(self.background)
        draw = self.figure.draw_artist
        draw(self.bar_axes.yaxis)  # its grid lies under the bars, as with set_axisbelow
        for bar in (*self.digital_bars, *self.paper_bars):
            draw(bar)
        for spine in self.bar_spines:
            draw(spine)
        draw(self.rate_line)
        draw(self.title)
        width, height = self.canvas.get_width_height()
        rgba = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        return rgba.convert("RGB")


def paint_doctor_chart(weeks: Sequence[WeekPoint], *, title: str, threshold: float, dpi: int) -> Image.Image:
    """A doctor's chart for the PDF, through the painter of its figure (made on first use)."""
    if not weeks:  # « Aucune prescription »: another figure, drawn whole
        from ordnum_desktop.services.bilan.charts import render_image

        return render_image(doctor_chart(weeks, title=title, threshold=threshold), dpi=dpi)
    key = (tuple(w.week for w in weeks), threshold, dpi)
    with _lock:
        painter = _painters.get(key)
        if painter is None:
            painter = _painters[key] = DoctorChartPainter(weeks, threshold, dpi)
            while len(_painters) > KEPT:
                _painters.popitem(last=False)
        _painters.move_to_end(key)
        return painter.paint(weeks, title)
