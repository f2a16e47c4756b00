"""The bilan's charts: pure functions returning matplotlib `Figure` objects.

No pyplot and no global state, so the same code draws in the window (wrap the figure in a
`FigureCanvasQTAgg`) and in the PDF (`render_png(fig, dpi)` at print resolution).

Signatures (every argument after `*` is optional):
- `weekly_rate_chart(weeks, *, title="", threshold=0.5) -> Figure` — one doctor's weekly
  e-prescription rate (line) with the threshold line (dashed, red).
- `prescription_bars_chart(weeks, *, title="") -> Figure` — one doctor's prescriptions per week,
  numériques stacked on papier.
- `doctor_chart(weeks, *, title="", threshold=0.5) -> Figure` — both of the above side by side
  (one figure per doctor in the PDF: one render instead of two).
- `rates_summary_chart(doctors, *, threshold=0.5) -> Figure` — every user doctor's rate as a
  horizontal bar (green met, red not met, grey no prescription) with the threshold line.
- `planning_timeline_chart(rows, *, today) -> Figure` — per doctor the planned installation
  (hollow circle), the installation done (green dot), the overdue ones (red: planned before
  today, not installed) and the first e-prescription (blue diamond).

`weeks` is one value of `services.bilan.compute.weekly_series(...)`: `WeekPoint`s (week, the
Monday; prescriptions; digital; rate). `doctors` is `bilan.doctor_rate.doctors` (`DoctorRate`s).
Both are the frozen dataclasses of domain/bilan_rules.py.
`rows` are `{"label": str, "planned": date | None, "actual": date | None,
"first_eprescription": date | None}`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import DateFormatter
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PIL import Image

from ordnum_desktop.domain.bilan_rules import DoctorRate, WeekPoint
from ordnum_desktop.domain.fr_format import format_percent
from ordnum_desktop.domain.vocabulary import Criterion

GREEN = "#2e7d32"
RED = "#c62828"
GREY = "#9e9e9e"
BLUE = "#1565c0"
PAPER = "#bdbdbd"
INK = "#212121"

_PERCENT = FuncFormatter(lambda v, _pos: format_percent(v, digits=0))


# A label longer than this is cut with « … »: one 150-character name squeezed the axes to
# nothing (matplotlib warned « constrained_layout not applied ») and cut every other label short;
# the full name stays in the tables beside the chart (issue 12, item 12).
LABEL_CHARS = 34
TITLE_CHARS = 90


def plain(label: object, limit: int = LABEL_CHARS) -> str:
    """User text shown as typed, on one line and at most `limit` characters: matplotlib would
    read `$…$` in a name as mathematics."""
    text = " ".join(str(label).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text.replace("$", r"\$")


def _new_figure(width: float, height: float, constrained: bool = True) -> Figure:
    # The per-doctor chart has fixed margins: constrained layout costs ~0.1 s a figure.
    fig = Figure(figsize=(width, height), layout="constrained" if constrained else None)
    fig.patch.set_facecolor("white")
    return fig


def _style(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=7, colors=INK)
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    ax.set_axisbelow(True)


def _week_labels(weeks: Sequence[WeekPoint]) -> list[str]:
    return [w.label for w in weeks]


def _thin_ticks(ax: Axes, labels: list[str]) -> None:
    step = max(1, (len(labels) + 7) // 8)
    positions = list(range(0, len(labels), step))
    ax.set_xticks(positions, [labels[i] for i in positions])


def _empty(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=8, color=GREY, transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def _panel_title(ax: Axes, title: str) -> None:
    # A plain text above the axes: set_title re-measures every tick label at each draw to place
    # itself, which was a third of the time of a doctor's chart.
    ax.text(0, 1.04, title, transform=ax.transAxes, fontsize=8, color=INK, ha="left", va="bottom")


def _legend_above(ax: Axes) -> None:
    # Above the plot, right of the title: never over the data whatever the values.
    ax.legend(
        fontsize=6.5,
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        ncols=2,
        frameon=False,
        borderaxespad=0.1,
        handlelength=1.5,
        columnspacing=1.0,
    )


def _draw_rate(ax: Axes, weeks: Sequence[WeekPoint], threshold: float) -> None:
    _style(ax)
    ax.set_ylim(0, 1.05)
    ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.yaxis.set_major_formatter(_PERCENT)
    ax.axhline(
        threshold,
        color=RED,
        linestyle="--",
        linewidth=1,
        label=f"seuil {format_percent(threshold, digits=0)}",
    )
    if not weeks:
        _empty(ax, "Aucune prescription")
        return
    labels = _week_labels(weeks)
    rated = [(i, w.rate) for i, w in enumerate(weeks) if w.rate is not None]
    xs, ys = [i for i, _ in rated], [r for _, r in rated]
    ax.plot(xs, ys, color=BLUE, marker="o", markersize=3, linewidth=1.4, label="taux")
    ax.set_xlim(-0.5, len(weeks) - 0.5)
    _thin_ticks(ax, labels)
    _panel_title(ax, "Taux hebdomadaire")
    _legend_above(ax)


def _draw_bars(ax: Axes, weeks: Sequence[WeekPoint]) -> None:
    _style(ax)
    if not weeks:
        _empty(ax, "Aucune prescription")
        return
    xs = list(range(len(weeks)))
    digital = [w.digital for w in weeks]
    paper = [w.prescriptions - w.digital for w in weeks]
    ax.bar(xs, digital, color=GREEN, width=0.7, label="numériques")
    ax.bar(xs, paper, bottom=digital, color=PAPER, width=0.7, label="papier")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    ax.set_xlim(-0.5, len(weeks) - 0.5)
    _thin_ticks(ax, _week_labels(weeks))
    _panel_title(ax, "Prescriptions")
    _legend_above(ax)


def weekly_rate_chart(weeks: Sequence[WeekPoint], *, title: str = "", threshold: float = 0.5) -> Figure:
    fig = _new_figure(5.5, 2.6)
    _draw_rate(fig.add_subplot(), weeks, threshold)
    if title:
        fig.suptitle(plain(title, TITLE_CHARS), fontsize=9, color=INK, x=0.01, ha="left")
    return fig


def prescription_bars_chart(weeks: Sequence[WeekPoint], *, title: str = "") -> Figure:
    fig = _new_figure(5.5, 2.6)
    _draw_bars(fig.add_subplot(), weeks)
    if title:
        fig.suptitle(plain(title, TITLE_CHARS), fontsize=9, color=INK, x=0.01, ha="left")
    return fig


def doctor_chart(weeks: Sequence[WeekPoint], *, title: str = "", threshold: float = 0.5) -> Figure:
    fig = _new_figure(7.0, 1.85, constrained=False)
    fig.subplots_adjust(left=0.075, right=0.985, bottom=0.145, top=0.76, wspace=0.18)
    left, right = fig.subplots(1, 2)
    _draw_rate(left, weeks, threshold)
    _draw_bars(right, weeks)
    if title:
        doctor_title(fig, title)
    return fig


def doctor_title(fig: Figure, title: str) -> Text:
    """The per-doctor chart's title (services/bilan/chart_reuse.py changes its text)."""
    return fig.suptitle(
        plain(title, TITLE_CHARS), fontsize=9, color=INK, x=0.01, ha="left", fontweight="bold"
    )


def rates_summary_chart(doctors: Sequence[DoctorRate], *, threshold: float = 0.5) -> Figure:
    height = 1.0 + 0.28 * max(len(doctors), 1)
    fig = _new_figure(7.0, height)
    ax = fig.add_subplot()
    _style(ax)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    if not doctors:
        _empty(ax, "Aucun médecin utilisateur")
        return fig
    # The name is cut, never the identifier that tells two namesakes apart.
    labels = [f"{plain(d.name, LABEL_CHARS - 12)} ({d.identifier})".strip() for d in doctors]
    rates = [d.rate for d in doctors]
    colours = [GREY if d.rate is None else (GREEN if d.met else RED) for d in doctors]
    ys = list(range(len(doctors)))
    ax.barh(ys, [r or 0 for r in rates], color=colours, height=0.6)
    for y, r in zip(ys, rates, strict=True):
        text = "aucune prescription" if r is None else format_percent(r)
        ax.text((r or 0) + 0.01, y, text, va="center", fontsize=6.5, color=INK)
    ax.axvline(threshold, color=RED, linestyle="--", linewidth=1)
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()  # roster order reads top-down, like the table
    ax.set_xlim(0, 1.12)
    ax.xaxis.set_major_formatter(_PERCENT)
    ax.set_title(
        f"{Criterion.DOCTOR_RATE.label} (seuil {format_percent(threshold, digits=0)})",
        fontsize=8,
        color=INK,
        loc="left",
    )
    return fig


def planning_timeline_chart(rows: Sequence[dict[str, Any]], *, today: date) -> Figure:
    height = 1.1 + 0.28 * max(len(rows), 1)
    fig = _new_figure(7.0, height)
    ax = fig.add_subplot()
    _style(ax)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    dated = [r for r in rows if r.get("planned") or r.get("actual") or r.get("first_eprescription")]
    if not dated:
        _empty(ax, "Aucune date d'installation saisie")
        return fig
    ys = list(range(len(rows)))
    seen: set[str] = set()

    def mark(x: date, y: int, label: str, **style: Any) -> None:
        # Dates go through matplotlib's units registry; its hints only name numbers.
        ax.plot([x], [y], linestyle="none", label=None if label in seen else label, **style)  # type: ignore[arg-type]
        seen.add(label)

    for y, r in zip(ys, rows, strict=True):
        planned, actual, first = r.get("planned"), r.get("actual"), r.get("first_eprescription")
        if planned and actual:
            ax.plot([planned, actual], [y, y], color=GREY, linewidth=0.8)
        if planned:
            overdue = actual is None and planned < today
            if overdue:
                mark(planned, y, "prévue, en retard", marker="o", markersize=6, color=RED)
            else:
                mark(
                    planned,
                    y,
                    "prévue",
                    marker="o",
                    markersize=6,
                    markerfacecolor="white",
                    markeredgecolor=INK,
                )
        if actual:
            mark(actual, y, "installée", marker="o", markersize=6, color=GREEN)
        if first:
            mark(first, y, "1re ordonnance numérique", marker="D", markersize=4, color=BLUE)
    ax.axvline(today, color=GREY, linestyle=":", linewidth=1)  # type: ignore[arg-type]
    ax.set_yticks(ys, [plain(r.get("label", "")) for r in rows])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(DateFormatter("%d/%m"))
    ax.set_title("Planning des installations", fontsize=8, color=INK, loc="left")
    ax.legend(fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=4, frameon=False)
    return fig


def render_image(fig: Figure, dpi: int = 170) -> Image.Image:
    """The figure drawn by Agg as an in-memory RGB image: the PDF embeds it without a PNG
    encode/decode round trip (that round trip was half the time of a chart)."""
    canvas = FigureCanvasAgg(fig)
    fig.set_dpi(dpi)
    canvas.draw()
    rgba = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    return rgba.convert("RGB")


def render_png(fig: Figure, dpi: int = 170) -> bytes:
    """The figure as PNG bytes (print resolution by default), drawn with Agg, in memory."""
    buffer = io.BytesIO()
    # No software metadata, so the same figures give the same bytes.
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
