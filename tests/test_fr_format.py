"""French formats read back to the number they print (property-based)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ordnum_desktop.domain.fr_format import NNBSP, format_decimal, format_int, format_percent


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_format_int_groups_thousands_with_narrow_spaces(value: int) -> None:
    text = format_int(value)
    assert int(text.replace(NNBSP, "")) == value
    digits = text.lstrip("-").split(NNBSP)
    assert all(len(group) == 3 for group in digits[1:]) and 1 <= len(digits[0]) <= 3


@given(st.floats(min_value=0, max_value=1, allow_nan=False))
def test_format_percent_is_the_rounded_percentage(fraction: float) -> None:
    text = format_percent(fraction)
    assert text.endswith(f"{NNBSP}%") and "." not in text
    number = float(text[:-2].replace(NNBSP, "").replace(",", "."))
    assert abs(number - fraction * 100) <= 0.05 + 1e-9


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(min_value=0, max_value=3))
def test_format_decimal_uses_a_decimal_comma(value: float, digits: int) -> None:
    text = format_decimal(value, digits)
    assert "." not in text
    if digits:
        assert len(text.rsplit(",", 1)[1]) == digits
    assert abs(float(text.replace(NNBSP, "").replace(",", ".")) - value) <= 0.5 * 10**-digits + 1e-6
