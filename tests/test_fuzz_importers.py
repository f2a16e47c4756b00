"""Hypothesis fuzzing of the importers: random headers, values, types and encodings. Whatever the
file, the importer returns a report or refuses with a UserError (one French sentence) — never
another exception — and a refusal leaves the workspace file byte for byte unchanged."""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.roster.columns import COLUMNS
from ordnum_desktop.services.roster.workbook import import_roster
from ordnum_desktop.services.traces.importer import import_traces
from ordnum_desktop.services.workspace.session import Workspace
from tests.trace_files import HEADER

pytestmark = pytest.mark.slow

# ORDNUM_FUZZ_EXAMPLES=2000 for a longer hunt than `make test` can afford.
FUZZ = settings(
    max_examples=int(os.environ.get("ORDNUM_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_counter = itertools.count()

ROSTER_HEADERS = [c.header for c in COLUMNS]
VALUE_WORDS = [
    "Oui",
    "Non",
    "O",
    "n",
    "vrai",
    "Créer",
    "consulter",
    "RECHERCHER",
    "Médicaments",
    "biologie",
    "Imagerie",  # an excluded prestation: set aside, out of the three counts
    "Kiné",
    "Libéral",
    "Salarié",
    "MSP",
    "Centre de santé",
    "331234567",
    "10005173140",
    "010003820",
    "2025-03-03 10:00",
    "03/03/2025 10:00:00",
    "32/13/2025 10:00",
    "0",
    "1",
    "-1",
    "9" * 40,
    "",
    " ",
    "=1+1",
    "@x",
    "\u00a0",
    "\t",
    '"',
    ";",
    ",",
    "\r",
    "日本語",
    "🩺",
]

text_values = st.one_of(st.sampled_from(VALUE_WORDS), st.text(max_size=30))
cell_values = st.one_of(
    text_values,
    st.none(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
)


def _variant(h: str) -> st.SearchStrategy[str]:
    return st.sampled_from([h, h.upper(), h.lower(), f"  {h} ", h.replace(" ", "_")])


def headers(known: list[str]) -> st.SearchStrategy[list[str]]:
    """Half the time every real column (shuffled, case/spacing changed, noise columns added), else
    a random mix of real names and noise."""
    complete = st.tuples(
        st.permutations(known).flatmap(lambda hs: st.tuples(*[_variant(h) for h in hs])),
        st.lists(text_values, max_size=2),
    ).map(lambda t: [*t[0], *t[1]])
    mixed = st.lists(
        st.one_of(st.sampled_from(known).flatmap(_variant), text_values), max_size=len(known) + 3
    )
    return st.one_of(complete, mixed)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check(ws: Workspace, run: Callable[[], Any]) -> Any:
    before = _sha(ws.path)
    try:
        result = run()
        event("report")
        return result
    except UserError as exc:
        event("refused")
        message = str(exc)
        assert message and message[0].isupper() and "Traceback" not in message
        assert _sha(ws.path) == before, f"refused, yet the workspace changed: {message}"
        return None


_CSV_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")


@FUZZ
@given(
    header=headers(HEADER),
    body=st.lists(
        st.lists(st.one_of(text_values, st.text(alphabet=_CSV_CHARS, max_size=12)), max_size=11), max_size=25
    ),
    sep=st.sampled_from([";", ";", ",", "\t"]),
    newline=st.sampled_from(["\n", "\r\n", "\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]),
)
def test_traces_csv(
    ws: Workspace,
    liberal_preserie_id: int,
    tmp_path: Path,
    header: list[str],
    body: list[list[str]],
    sep: str,
    newline: str,
    encoding: str,
) -> None:
    text = newline.join(sep.join(row) for row in [header, *body]) + newline
    path = tmp_path / f"traces-{next(_counter)}.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    report = _check(ws, lambda: import_traces(ws, liberal_preserie_id, path))
    if report is not None:
        assert report.read == report.accepted + report.duplicates + report.rejected + report.out_of_scope
        assert 0 <= report.unmatched <= report.accepted


def _xlsx(path: Path, title: str, header: list[str], body: list[list[Any]]) -> Path:
    wb = Workbook()
    sheet = wb.active
    sheet.title = title
    for row in [header, *body]:
        sheet.append([_excel_safe(v) for v in row])
    wb.save(path)
    return path


def _excel_safe(value: Any) -> Any:
    # openpyxl itself refuses control characters in strings; a real export cannot hold them either.
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")
    return value


@FUZZ
@given(
    header=headers(HEADER),
    body=st.lists(st.lists(cell_values, max_size=11), max_size=20),
    title=st.sampled_from(["Traces", "Feuil1", "traces "]),
)
def test_traces_workbook(
    ws: Workspace,
    liberal_preserie_id: int,
    tmp_path: Path,
    header: list[str],
    body: list[list[Any]],
    title: str,
) -> None:
    path = _xlsx(tmp_path / f"traces-{next(_counter)}.xlsx", title, header, body)
    report = _check(ws, lambda: import_traces(ws, liberal_preserie_id, path))
    if report is not None:
        assert report.read == report.accepted + report.duplicates + report.rejected + report.out_of_scope


@FUZZ
@given(header=headers(ROSTER_HEADERS), body=st.lists(st.lists(cell_values, max_size=16), max_size=15))
def test_roster_workbook(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path, header: list[str], body: list[list[Any]]
) -> None:
    path = _xlsx(tmp_path / f"effectif-{next(_counter)}.xlsx", "PS", header, body)
    report = _check(ws, lambda: import_roster(ws, liberal_preserie_id, path, replace=True))
    if report is not None:
        assert report.imported >= 0 and all(r.message for r in report.rejected + report.warnings)


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".xlsx", ".csv"]))
def test_random_bytes(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"octets-{next(_counter)}{suffix}"
    path.write_bytes(data)
    _check(ws, lambda: import_traces(ws, liberal_preserie_id, path))
    if suffix == ".xlsx":
        _check(ws, lambda: import_roster(ws, liberal_preserie_id, path, replace=True))
