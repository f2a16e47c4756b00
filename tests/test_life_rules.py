"""The pure rules behind the weeks and the validation scope (domain/preserie_time.py,
domain/validation_scope.py): week counting at its edges, which duration the minimum applies to,
and sentences that come from the référentiel's data, not from the code."""

from __future__ import annotations

import dataclasses
from datetime import date

from ordnum_desktop.domain.preserie_time import PreserieTime, weeks_text, whole_weeks
from ordnum_desktop.domain.referentiel import load_referentiel
from ordnum_desktop.domain.validation_scope import ValidationScope, split_products


def test_whole_weeks_count_the_bilan_day() -> None:
    start = date(2025, 3, 3)
    assert whole_weeks(start, date(2025, 3, 8)) == 0  # six days
    assert whole_weeks(start, date(2025, 3, 9)) == 1  # the seventh day included
    assert whole_weeks(start, date(2025, 3, 30)) == 4
    assert whole_weeks(start, date(2025, 2, 1)) == 0 and whole_weeks(None, start) is None
    assert (weeks_text(0), weeks_text(1), weeks_text(2), weeks_text(None)) == (
        "0 semaine",
        "1 semaine",
        "2 semaines",
        "—",
    )


def test_the_minimum_applies_to_the_period_after_a_prolongation() -> None:
    first = PreserieTime(date(2025, 4, 20), date(2025, 3, 3), 1, date(2025, 2, 20), 4)
    assert not first.early and first.measured == 7
    second = dataclasses.replace(first, period_number=2, period_start=date(2025, 4, 14))
    assert second.early and second.measured == 1
    assert "la période 2 a commencé le 14/04/2025" in second.early_reason()
    none_yet = PreserieTime(date(2025, 4, 20), None, 1, date(2025, 2, 20), 4)
    assert none_yet.early and "aucune ordonnance numérique" in none_yet.early_reason()


def test_scope_sentences_are_the_referentiel_s() -> None:
    ref = load_referentiel()
    words = {k: f"<{k}:{{products}}>" for k in ref.validation_scope}
    custom = dataclasses.replace(ref, validation_scope=words)
    scope = ValidationScope("Logi 1.0", "Mod", "liberal", split_products("A;B\nA"), False, False)
    assert scope.products == ("A", "B")
    assert scope.sentences(custom) == ["<covered_products:A ; B>", "<one_situation:A ; B>"]
    integrator = dataclasses.replace(scope, third_party_engine=True, serves_both=True)
    assert integrator.covered == ()
    assert integrator.sentences(custom) == [
        "<integrator_exception:A ; B>",
        "<integrator_not_covered:A ; B>",
        "<both_situations:A ; B>",
    ]
    alone = dataclasses.replace(scope, products=(), exercise="mixte")
    assert alone.both_situations
    assert alone.sentences(custom) == ["<no_covered_products:>", "<both_situations:>"]
    assert dataclasses.replace(scope).sentences(dataclasses.replace(ref, validation_scope={})) == []
