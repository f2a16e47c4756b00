"""Rules for the tests themselves: a test module is never imported by another one (what two
modules share goes to a conftest.py fixture or a helper module), and scripted prompt answers
that no dialog asked for are reported."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.ui.scripted_prompts import ScriptedPrompts

TESTS = Path(__file__).resolve().parent


def _imported_modules(source: str, package: list[str]) -> list[tuple[int, str]]:
    """(line, dotted module) of every import in the source, nested ones included; relative
    imports are resolved against `package` (e.g. ["tests", "ui"])."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            # `from tests import test_x` names the module in the alias.
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
            found.append((node.lineno, module))
    return found


def test_no_test_module_imports_another_test_module() -> None:
    offenders = [
        f"{path.relative_to(TESTS.parent)}:{line}: {module}"
        for path in sorted(TESTS.rglob("*.py"))
        for line, module in _imported_modules(
            path.read_text(encoding="utf-8"), list(path.relative_to(TESTS.parent).parent.parts)
        )
        if module.split(".")[0] == "tests" and module.split(".")[-1].startswith("test_")
    ]
    assert offenders == []


def test_the_check_sees_every_form_of_import() -> None:
    sample = (
        "import tests.test_bilan\n"
        "from tests import test_lock\n"
        "from .test_forms import x\n"
        "def f():\n"
        "    from tests.ui.test_french_only import y\n"
    )
    modules = {m for _, m in _imported_modules(sample, ["tests", "ui"])}
    expected = {"tests.test_bilan", "tests.test_lock", "tests.ui.test_forms", "tests.ui.test_french_only"}
    assert expected <= modules


def test_scripted_prompts_report_the_answers_left_unused() -> None:
    prompts = ScriptedPrompts()
    assert prompts.unused() == []
    prompts.yes_no += [True, False]
    prompts.files.append("/tmp/a.xlsx")
    assert prompts.ask_yes_no("Titre", "Question ?") is True
    assert prompts.open_file("Titre", "*.xlsx") == "/tmp/a.xlsx"
    assert prompts.unused() == ["yes_no: [False]"]
