"""Nothing below ui/ may import Qt: the layers only point one way."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ordnum_desktop"
QT_ROOTS = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "matplotlib.backends.backend_qt")
PURE_LAYERS = ("domain", "store", "services")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_qt_below_ui() -> None:
    checked = 0
    offenders = []
    for layer in PURE_LAYERS:
        for path in (PACKAGE / layer).rglob("*.py"):
            checked += 1
            for name in _imports(path):
                if name.startswith(QT_ROOTS) or name.startswith("ordnum_desktop.ui"):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert checked > 5
    assert offenders == []


def test_domain_has_no_sql() -> None:
    offenders = [
        f"{p.name} imports {n}"
        for p in (PACKAGE / "domain").rglob("*.py")
        for n in _imports(p)
        if n.startswith(
            ("sqlalchemy", "sqlmodel", "sqlite3", "ordnum_desktop.store", "ordnum_desktop.services")
        )
    ]
    assert offenders == []
