"""The compiled forms committed in ui/forms/ match their Qt Designer files."""

from __future__ import annotations

from ordnum_desktop.ui.compile_forms import comparable, compile_form, target_of, ui_files


def test_every_form_is_compiled_and_up_to_date() -> None:
    forms = ui_files()
    assert len(forms) >= 7
    stale = [
        f.name
        for f in forms
        if not target_of(f).exists()
        or comparable(target_of(f).read_text(encoding="utf-8")) != comparable(compile_form(f))
    ]
    assert stale == [], f"formulaires à recompiler (make forms) : {stale}"


def test_forms_speak_french() -> None:
    english = ("Cancel", ">OK<", "Yes", "File", "Open", "Save", "Quit", "Delete")
    leftovers = [(f.name, w) for f in ui_files() for w in english if f"<string>{w}" in f.read_text()]
    assert leftovers == []
