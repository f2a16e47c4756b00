"""The layers only point one way, and no module of the package imports itself back.

The import graph is read with `ast` from every module of `ordnum_desktop/`, imports inside
functions included (they run too, only later); imports under `if TYPE_CHECKING:` are left out,
since they never run. `from pkg import name` counts as an import of `pkg.name` when that is a
module of the package.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ordnum_desktop"
ROOT = "ordnum_desktop"
QT_ROOTS = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "matplotlib.backends.backend_qt")
PURE_LAYERS = ("domain", "store", "services")

# What each layer may import of the package, besides itself and the base modules (`ordnum_desktop`
# and `ordnum_desktop.version` for the version, `ordnum_desktop.paths` for the shipped data folder).
ALLOWED: dict[str, frozenset[str]] = {
    "base": frozenset(),
    "domain": frozenset(),
    "store": frozenset({"domain"}),
    "services": frozenset({"domain", "store"}),
    "ui": frozenset({"domain", "store", "services"}),
    "cli_commands": frozenset({"domain", "store", "services"}),
    "cli": frozenset({"domain", "store", "services", "cli_commands"}),
}


def _module_name(path: Path) -> str:
    parts = [ROOT, *path.relative_to(PACKAGE).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement that can run, at any depth (functions, classes, try blocks)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child
        elif isinstance(child, ast.If) and _is_type_checking(child):
            yield from (n for stmt in child.orelse for n in _import_nodes_of(stmt))
        else:
            yield from _import_nodes(child)


def _import_nodes_of(stmt: ast.stmt) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        yield stmt
    else:
        yield from _import_nodes(stmt)


def imported_names(path: Path, module: str, modules: Collection[str]) -> list[str]:
    """Dotted names this module imports (third-party ones too), relative imports resolved;
    `from pkg import name` gives `pkg.name` when that is one of `modules`, else `pkg`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in _import_nodes(tree):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = module.split(".")
            if path.name != "__init__.py":
                anchor.pop()
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, *([base] if base else [])])
        for alias in node.names:
            sub = f"{base}.{alias.name}"
            names.append(sub if sub in modules else base)
    return names


def import_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports."""
    modules = _modules()
    return {
        module: {n for n in imported_names(path, module, modules) if n in modules and n != module}
        for module, path in modules.items()
    }


def find_cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    """One import cycle as [a, b, …, a], or None. Depth-first search with three colours."""
    visiting: set[str] = set()
    done: set[str] = set()
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        visiting.add(node)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt in visiting:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in done:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        visiting.discard(node)
        done.add(node)
        return None

    for start in sorted(graph):
        if start not in done:
            found = visit(start)
            if found:
                return found
    return None


def layer_of(module: str) -> str:
    parts = module.split(".")
    if module in (ROOT, f"{ROOT}.paths", f"{ROOT}.version"):
        return "base"
    if module in (f"{ROOT}.cli", f"{ROOT}.__main__"):
        return "cli"
    return parts[1]


def test_cycle_finder_finds_a_planted_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c", "d"}, "c": {"a"}, "d": set()}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"x": {"x"}}) == ["x", "x"]


def test_graph_reads_function_level_and_submodule_imports(tmp_path: Path) -> None:
    source = tmp_path / "mod.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from ordnum_desktop.store import backups\n"
        "from . import sibling\n"
        "if TYPE_CHECKING:\n"
        "    from ordnum_desktop.ui import app\n"
        "def late():\n"
        "    import ordnum_desktop.services.workspace.session\n",
        encoding="utf-8",
    )
    known = {"ordnum_desktop.store.backups", "ordnum_desktop.services.pkg.sibling"}
    names = imported_names(source, "ordnum_desktop.services.pkg.mod", known)
    assert "ordnum_desktop.store.backups" in names
    assert "ordnum_desktop.store" not in names
    assert "ordnum_desktop.services.pkg.sibling" in names
    assert "ordnum_desktop.services.workspace.session" in names
    assert "ordnum_desktop.ui.app" not in names


def upward_imports(graph: Mapping[str, set[str]]) -> list[str]:
    offenders = []
    for module, targets in sorted(graph.items()):
        layer = layer_of(module)
        for target in sorted(targets):
            other = layer_of(target)
            if other not in (layer, "base") and other not in ALLOWED[layer]:
                offenders.append(f"{module} ({layer}) imports {target} ({other})")
    return offenders


def test_no_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 50
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_layers_point_one_way() -> None:
    assert upward_imports(import_graph()) == []


def test_layer_check_sees_planted_upward_imports() -> None:
    graph = {
        "ordnum_desktop.store.engine": {"ordnum_desktop.services.workspace.backup", "ordnum_desktop.paths"},
        "ordnum_desktop.ui.main_window": {"ordnum_desktop.cli_commands.common", "ordnum_desktop.services.x"},
        "ordnum_desktop.domain.text": {"ordnum_desktop.domain.identifiers"},
    }
    assert upward_imports(graph) == [
        "ordnum_desktop.store.engine (store) imports ordnum_desktop.services.workspace.backup (services)",
        "ordnum_desktop.ui.main_window (ui) imports ordnum_desktop.cli_commands.common (cli_commands)",
    ]


def test_no_qt_below_ui() -> None:
    modules = _modules()
    checked = 0
    offenders = []
    for module, path in modules.items():
        if layer_of(module) not in PURE_LAYERS:
            continue
        checked += 1
        for name in imported_names(path, module, modules):
            if name.startswith(QT_ROOTS):
                offenders.append(f"{module} imports {name}")
    assert checked > 5
    assert offenders == []


def test_domain_has_no_sql() -> None:
    modules = _modules()
    offenders = [
        f"{module} imports {name}"
        for module, path in modules.items()
        if layer_of(module) == "domain"
        for name in imported_names(path, module, modules)
        if name.startswith(("sqlalchemy", "sqlmodel", "sqlite3"))
    ]
    assert offenders == []
