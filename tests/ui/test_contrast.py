"""WCAG AA: the colours of the criterion cards and of the roster's error markers give a contrast
ratio of at least 4.5:1 (text on its background)."""

from __future__ import annotations

from ordnum_desktop.ui.models.roster_model import ERROR_BG, ERROR_FG, WARNING_BG, WARNING_FG
from ordnum_desktop.ui.widgets.bilan_cards import FAIL, PASS


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(fg: str, bg: str) -> float:
    high, low = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_ratio_formula_matches_known_values() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


def test_cards_verdicts_and_titles_pass_aa() -> None:
    for bg, fg, _ in (PASS, FAIL):
        assert contrast(fg, bg) >= 4.5, (fg, bg)
        assert contrast("#212121", bg) >= 4.5  # title and figures


def test_error_cells_and_row_markers_pass_aa() -> None:
    for bg in (ERROR_BG.name(), WARNING_BG.name()):
        assert contrast("#000000", bg) >= 4.5
    for fg in (ERROR_FG.name(), WARNING_FG.name()):
        assert contrast(fg, "#f0f0f0") >= 4.5  # the row header's grey


def test_the_focus_ring_stands_out_from_every_background_it_is_drawn_on() -> None:
    """WCAG 1.4.11: 3:1 for a focus indicator, on the window's grey, white fields and the cards."""
    from ordnum_desktop.ui.focus_ring import FOCUS_COLOUR

    for bg in ("#efefef", "#ffffff", PASS[0], FAIL[0]):
        assert contrast(FOCUS_COLOUR, bg) >= 3.0, bg
