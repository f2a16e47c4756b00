from __future__ import annotations

import pytest

from ordnum_desktop.domain.identifiers import (
    check_am,
    check_finess,
    check_rpps,
    clean,
    luhn_ok,
    trace_identifier,
)


@pytest.mark.parametrize(
    "raw",
    [
        "10005173140",
        "10100997245",
        "10000000009",
        "10 00517 3140",
        "1000.517.3140",
        10005173140,
        10005173140.0,
    ],
)
def test_valid_rpps(raw: object) -> None:
    assert check_rpps(raw).ok


@pytest.mark.parametrize(
    "raw,reason",
    [
        ("10005173141", "clé"),
        ("1000517314", "clé"),
        ("123456789012", "11 chiffres"),
        ("1000517314A", "11 chiffres"),
        ("", "manquant"),
    ],
)
def test_invalid_rpps(raw: str, reason: str) -> None:
    result = check_rpps(raw)
    assert not result.ok and reason in (result.error or "")


def test_rpps_number_cell_restores_leading_zeros() -> None:
    # 00000000018 is a valid Luhn number whose leading zeros Excel drops.
    assert luhn_ok("00000000018")
    assert check_rpps(18.0).value == "00000000018"
    assert check_rpps(18).ok


@pytest.mark.parametrize("raw", ["010003820", "010003812", 10003820, "2A0000012", "2b0000012"])
def test_valid_finess(raw: object) -> None:
    result = check_finess(raw)
    assert result.ok, result.error
    assert len(result.value) == 9


@pytest.mark.parametrize("raw", ["010003821", "01000382", "2C0000012", "ABCDEFGHI"])
def test_invalid_finess(raw: str) -> None:
    assert not check_finess(raw).ok


def test_am_accepts_any_key_but_needs_nine_digits() -> None:
    assert check_am("331234567").ok
    assert check_am("33 123 456 7").value == "331234567"
    assert check_am(51234567).value == "051234567"
    assert not check_am("33123456789").ok
    assert not check_am("33A234567").ok


def test_clean_ignores_spaces_dots_and_float_suffix() -> None:
    assert clean(" 10.005 173 140 ") == "10005173140"
    assert clean("331234567.0") == "331234567"
    assert clean(None) == ""


def test_trace_identifier_lengths() -> None:
    assert trace_identifier(51234567) == "051234567"
    assert trace_identifier("331234567") == "331234567"
    assert trace_identifier(1005173140) == "01005173140"
    assert trace_identifier("10005173140") == "10005173140"
    assert trace_identifier("ABC") is None
    assert trace_identifier("123456789012") is None
