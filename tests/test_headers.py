"""The one header matcher of the three importers: case, accents, spaces and order do not matter."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from ordnum_desktop.domain.headers import ExpectedColumn, match_headers
from ordnum_desktop.domain.trace_rows import HEADERS as TRACE_HEADERS
from ordnum_desktop.services.followup.questionnaire import load_questionnaire
from ordnum_desktop.services.followup.satisfaction_workbook import expected_headers
from ordnum_desktop.services.roster.columns import HEADERS as ROSTER_HEADERS

SATISFACTION_HEADERS = expected_headers(load_questionnaire())
ALL_SPECS = {"traces": TRACE_HEADERS, "roster": ROSTER_HEADERS, "satisfaction": SATISFACTION_HEADERS}
SPELLINGS = [
    (name, col.key, spelling)
    for name, spec in ALL_SPECS.items()
    for col in spec
    for spelling in (col.header, *col.aliases)
]


@st.composite
def retyped(draw: st.DrawFn, text: str) -> str:
    """`text` as a person may type it: any case per letter, accents dropped or kept, spaces,
    underscores or dashes added around and between the letters."""
    out = []
    for ch in text:
        bare = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        ch = draw(st.sampled_from([ch, bare or ch]))
        ch = ch.upper() if draw(st.booleans()) else ch.lower()
        out.append(ch + draw(st.sampled_from(["", "", "", " ", "  ", "_", "-", "\u00a0"])))
    return draw(st.sampled_from(["", " ", "  "])) + "".join(out) + draw(st.sampled_from(["", " "]))


@given(data=st.data(), which=st.sampled_from(SPELLINGS))
def test_any_retyping_of_a_known_spelling_finds_its_column(
    data: st.DataObject, which: tuple[str, str, str]
) -> None:
    name, key, spelling = which
    typed = data.draw(retyped(spelling))
    match = match_headers(["Colonne inconnue", typed], ALL_SPECS[name])
    assert match.positions == {key: 1}
    assert match.labels == {key: typed.strip()}
    assert match.ignored == ["Colonne inconnue"]


@given(name=st.sampled_from(sorted(ALL_SPECS)), data=st.data())
def test_order_does_not_matter_and_nothing_required_is_missing(name: str, data: st.DataObject) -> None:
    spec = ALL_SPECS[name]
    headers = data.draw(st.permutations([col.header for col in spec]))
    match = match_headers(headers, spec)
    assert match.missing == [] and match.ignored == []
    assert {key: headers[i] for key, i in match.positions.items()} == {col.key: col.header for col in spec}


def test_missing_required_columns_are_named_in_expected_order_and_blanks_skipped() -> None:
    spec = (
        ExpectedColumn("a", "Alpha", required=True),
        ExpectedColumn("b", "Bêta", ("beta2",)),
        ExpectedColumn("c", "Gamma", required=True),
    )
    match = match_headers([None, "", "  ", "BETA", 42], spec)
    assert match.missing == ["Alpha", "Gamma"]
    assert match.positions == {"b": 3} and match.ignored == ["42"]


def test_a_column_given_twice_is_read_once_the_copy_is_ignored() -> None:
    match = match_headers(["Nom", "nom ", "N° AM"], ROSTER_HEADERS)
    assert match.positions == {"last_name": 0, "am": 2}
    assert match.ignored == ["nom"]


def test_every_existing_spelling_is_still_accepted() -> None:
    # Spellings the importers accepted before they shared the matcher (tests and real files).
    assert match_headers(["  code_RETOUR ", "IDENTIFIANT-PS", "dateheure"], TRACE_HEADERS).positions == {
        "return_code": 0,
        "ps": 1,
        "ts": 2,
    }
    assert set(match_headers(["n° am", "Numéro RPPS", "tel", "Courriel"], ROSTER_HEADERS).positions) == {
        "am",
        "rpps",
        "phone",
        "email",
    }
    satisfaction = match_headers(
        ["N° AM ou RPPS", "Q1", "Frein", "Remarques", "Prénom"], SATISFACTION_HEADERS
    )
    assert set(satisfaction.positions) == {"ps", "q:global", "detail", "comment", "info:Prénom"}
