"""RPPS, N° AM and FINESS: normalisation (Excel numbers, spaces, dots) and validation."""

from __future__ import annotations

import re
from dataclasses import dataclass

_IGNORED = re.compile(r"[\s.\u00a0\u202f]+")

RPPS_LEN = 11
AM_LEN = 9
FINESS_LEN = 9


@dataclass(frozen=True)
class Checked:
    """A normalised identifier and, when it is not valid, the French reason why."""

    value: str
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def clean(raw: object) -> str:
    """Text of an identifier as typed or as an Excel cell: 10005173140.0 → '10005173140'."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(int(raw))
    if isinstance(raw, float):
        if raw.is_integer():
            return str(int(raw))
        return repr(raw)
    if isinstance(raw, int):
        return str(raw)
    text = re.sub(r"[\s\u00a0\u202f]+", "", str(raw))
    if re.fullmatch(r"\d+\.0+", text):
        # The text of an Excel number cell ("331234567.0"), not dots typed inside an identifier.
        text = text.split(".", 1)[0]
    return _IGNORED.sub("", text)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _pad(raw: object, length: int) -> str:
    """Leading zeros lost by Excel: a number cell is padded to the full length; typed text only
    when one digit short (a department 01–09 whose zero was dropped before the text was saved)."""
    text = clean(raw)
    if not text.isdigit() or len(text) >= length:
        return text
    was_number = isinstance(raw, int | float) and not isinstance(raw, bool)
    return text.zfill(length) if was_number or len(text) == length - 1 else text


def check_rpps(raw: object) -> Checked:
    text = _pad(raw, RPPS_LEN)
    if not text:
        return Checked("", "RPPS manquant")
    if not text.isdigit() or len(text) != RPPS_LEN:
        return Checked(text, f"RPPS « {text} » invalide : 11 chiffres attendus")
    if not luhn_ok(text):
        return Checked(text, f"RPPS « {text} » invalide : la clé de contrôle ne correspond pas")
    return Checked(text)


def check_am(raw: object) -> Checked:
    text = _pad(raw, AM_LEN)
    if not text:
        return Checked("", "N° AM manquant")
    if not text.isdigit() or len(text) != AM_LEN:
        return Checked(text, f"N° AM « {text} » invalide : 9 chiffres attendus")
    return Checked(text)


def check_finess(raw: object) -> Checked:
    text = clean(raw).upper()
    if not text:
        return Checked("", "FINESS manquant")
    if text.isdigit():
        text = _pad(raw, FINESS_LEN)
        if len(text) != FINESS_LEN:
            return Checked(text, f"FINESS « {text} » invalide : 9 caractères attendus")
        if not luhn_ok(text):
            return Checked(text, f"FINESS « {text} » invalide : la clé de contrôle ne correspond pas")
        return Checked(text)
    if re.fullmatch(r"2[AB]\d{7}", text):
        return Checked(text)
    return Checked(text, f"FINESS « {text} » invalide : 9 caractères attendus (2A/2B en Corse)")


def department_of(identifier: str) -> str | None:
    """Department prefix of a valid N° AM or FINESS."""
    return identifier[:2] if len(identifier) >= 2 else None


def trace_identifier(raw: object) -> str | None:
    """`Identifiant PS` of a trace row: ≤ 9 digits is an N° AM, 10–11 digits an RPPS."""
    text = clean(raw)
    if not text.isdigit():
        return None
    if len(text) <= AM_LEN:
        return text.zfill(AM_LEN)
    if len(text) <= RPPS_LEN:
        return text.zfill(RPPS_LEN)
    return None
