"""Regenerates ui/forms/ui_*.py from the Qt Designer files in forms/ (`make forms`).

The compiled modules are committed so that a user needs no uic; `tests/ui/test_forms.py`
fails when one of them no longer matches its .ui file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FORMS_DIR = Path(__file__).resolve().parents[2] / "forms"
OUT_DIR = Path(__file__).resolve().parent / "forms"


def uic_command() -> list[str]:
    # The uic next to the running interpreter (the venv's), else the one on PATH.
    local = Path(sys.executable).with_name("pyside6-uic")
    return [str(local)] if local.exists() else [shutil.which("pyside6-uic") or "pyside6-uic"]


def target_of(ui_file: Path) -> Path:
    return OUT_DIR / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path) -> str:
    result = subprocess.run(
        [*uic_command(), "--no-autoconnection", str(ui_file)], capture_output=True, text=True, check=True
    )
    return result.stdout


def comparable(source: str) -> str:
    """The generated code without the uic version line, so that a developer whose PySide6 is a
    patch release apart does not see every form as stale."""
    return "\n".join(line for line in source.splitlines() if "User Interface Compiler version" not in line)


def ui_files() -> list[Path]:
    return sorted(FORMS_DIR.glob("*.ui"))


def main() -> int:
    for ui_file in ui_files():
        target_of(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.name} -> {target_of(ui_file).relative_to(OUT_DIR.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
