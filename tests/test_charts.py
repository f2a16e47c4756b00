"""Charts are plain Figure objects (no pyplot state) that render to real PNG/raster images, and
French number formats used by the window, the PDF and the charts."""

from __future__ import annotations

import sys
from datetime import date, datetime

from matplotlib.figure import Figure

from ordnum_desktop.domain.bilan_rules import DoctorRate, WeekPoint
from ordnum_desktop.domain.fr_format import (
    NNBSP,
    format_date,
    format_datetime,
    format_decimal,
    format_int,
    format_iso_date,
    format_percent,
)
from ordnum_desktop.services.bilan import charts

WEEKS = [
    WeekPoint(date(2025, 3, 3), prescriptions=10, digital=6),
    WeekPoint(date(2025, 3, 10), prescriptions=0, digital=0),
    WeekPoint(date(2025, 3, 17), prescriptions=8, digital=2),
]


def test_french_formats() -> None:
    assert format_percent(0.5833) == f"58,3{NNBSP}%"
    assert format_percent(1) == f"100,0{NNBSP}%"
    assert format_percent(0.5, digits=0) == f"50{NNBSP}%"
    assert format_percent(None) == "—"
    assert format_int(1234567) == f"1{NNBSP}234{NNBSP}567"
    assert format_int(0) == "0"
    assert format_decimal(4.25, 2) == "4,25"
    assert format_decimal(12345.6) == f"12{NNBSP}345,6"
    assert format_date(date(2025, 3, 31)) == "31/03/2025"
    assert format_iso_date("2025-03-31") == "31/03/2025"
    assert format_datetime(datetime(2025, 3, 31, 9, 5)) == "31/03/2025 à 09:05"


def test_doctor_chart_has_threshold_line_and_both_panels() -> None:
    fig = charts.doctor_chart(WEEKS, title="Dupont $x$ (331234567)", threshold=0.5)
    assert isinstance(fig, Figure)
    rate_ax, bars_ax = fig.axes
    # The 50 % line is drawn at y = 0.5 across the rate panel.
    assert any(list(line.get_ydata()) == [0.5, 0.5] for line in rate_ax.get_lines())
    # The weekly line skips the week without prescription (no rate) instead of plotting 0.
    data = [line for line in rate_ax.get_lines() if line.get_label() == "taux"][0]
    assert list(data.get_ydata()) == [0.6, 0.25]
    # Numériques stacked on papier: 3 weeks × 2 series of bars.
    assert len(bars_ax.patches) == 6
    heights = [p.get_height() for p in bars_ax.patches]
    assert heights == [6, 0, 2, 4, 0, 6]
    # A « $ » typed in a name is shown as typed, not read as mathematics.
    assert fig._suptitle is not None and r"\$x\$" in fig._suptitle.get_text()


def test_summary_chart_colours_met_and_not_met() -> None:
    doctors = [
        DoctorRate("331234567", "A", 1, 10, 8, 0.8, True),
        DoctorRate("331234568", "B", 2, 10, 2, 0.2, False),
        DoctorRate("331234569", "C", 3, 0, 0, None, False),
    ]
    fig = charts.rates_summary_chart(doctors, threshold=0.5)
    ax = fig.axes[0]
    colours = [tuple(round(c, 3) for c in p.get_facecolor()[:3]) for p in ax.patches]
    from matplotlib.colors import to_rgb

    assert colours == [tuple(round(c, 3) for c in to_rgb(x)) for x in (charts.GREEN, charts.RED, charts.GREY)]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["A (331234567)", "B (331234568)", "C (331234569)"]
    texts = [t.get_text() for t in ax.texts]
    assert f"80,0{NNBSP}%" in texts and "aucune prescription" in texts


def test_planning_timeline_marks_overdue_in_red() -> None:
    rows = [
        {"label": "En retard", "planned": date(2025, 3, 1), "actual": None, "first_eprescription": None},
        {
            "label": "Installé",
            "planned": date(2025, 3, 2),
            "actual": date(2025, 3, 4),
            "first_eprescription": date(2025, 3, 6),
        },
        {"label": "À venir", "planned": date(2025, 4, 1), "actual": None, "first_eprescription": None},
    ]
    fig = charts.planning_timeline_chart(rows, today=date(2025, 3, 10))
    ax = fig.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["prévue, en retard", "prévue", "installée", "1re ordonnance numérique"]
    red = [line for line in ax.get_lines() if line.get_color() == charts.RED]
    assert len(red) == 1


def test_render_png_is_a_real_png_at_print_resolution_and_deterministic() -> None:
    fig = charts.weekly_rate_chart(WEEKS, title="Taux")
    png = charts.render_png(fig, dpi=150)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png == charts.render_png(charts.weekly_rate_chart(WEEKS, title="Taux"), dpi=150)
    image = charts.render_image(charts.prescription_bars_chart(WEEKS), dpi=150)
    assert image.size == (int(5.5 * 150), int(2.6 * 150))


def test_empty_series_draw_a_message_not_an_error() -> None:
    for fig in (
        charts.doctor_chart([]),
        charts.rates_summary_chart([]),
        charts.planning_timeline_chart([], today=date(2025, 3, 1)),
    ):
        assert charts.render_png(fig, dpi=60)[:4] == b"\x89PNG"


def test_charts_do_not_use_pyplot() -> None:
    charts.render_png(charts.doctor_chart(WEEKS), dpi=50)
    assert (
        "matplotlib.pyplot" not in sys.modules
        or not getattr(sys.modules["matplotlib.pyplot"], "get_fignums", lambda: [])()
    )


def test_long_names_are_cut_with_an_ellipsis_and_matplotlib_stays_quiet() -> None:
    """Issue 12, item 12: a 150-character name collapsed the axes (« constrained_layout not
    applied » on stderr) and truncated every label; now each label is cut with « … »."""
    import warnings

    from ordnum_desktop.services.bilan.charts import LABEL_CHARS, render_png

    long = "De La Fontaine-Saint-Exupéry-Montmorency " * 4
    doctors = [DoctorRate(f"33123456{i}", f"{long}{i}", i, 10, 5, 0.5, True) for i in range(6)]
    rows = [{"label": long, "planned": date(2025, 3, 1), "actual": None} for _ in range(4)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        summary = charts.rates_summary_chart(doctors)
        timeline = charts.planning_timeline_chart(rows, today=date(2025, 3, 10))
        for fig in (summary, timeline, charts.doctor_chart([], title=long)):
            render_png(fig)
    assert [str(w.message) for w in caught] == []
    labels = [t.get_text() for t in summary.axes[0].get_yticklabels()]
    assert labels[0] == "De La Fontaine-Saint-… (331234560)" and len(labels[0]) <= LABEL_CHARS
    assert all(t.get_text().endswith("…") for t in timeline.axes[0].get_yticklabels())
