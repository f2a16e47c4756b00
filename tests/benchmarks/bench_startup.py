"""Start-up of the window, each measurement in a fresh interpreter (`make bench`).

- bare: a bare QMainWindow with four empty tabs, from the first line of the process to its first
  paint — the reference on this machine;
- window: our main window (menus, header, four tabs) to its first paint;
- data: our window with a workspace (10 doctors, traces, follow-up) until the PS tab shows its
  rows (the workspace is opened after the first paint, like `ordnum-desktop --db`).

Targets (issue 4): window ≤ 2 × bare; data < 1 s.
This file runs as a script for the probes, so it imports only the standard library at the top.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

RUNS = 5


def _first_paint_of(widget: object) -> float:
    """Runs the event loop until `widget` has been painted once; returns the time since T0."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    painted: list[float] = []

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter() - T0)
                QTimer.singleShot(0, QApplication.quit)
            return False

    watch = Watch()
    widget.installEventFilter(watch)  # type: ignore[attr-defined]
    QTimer.singleShot(5000, QApplication.quit)
    QApplication.exec()
    return painted[0] if painted else float("nan")


def probe_bare() -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget()
    for name in ("PS", "CPAM", "Planning", "Bilan"):
        tabs.addTab(QWidget(), name)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    window.show()
    seconds = _first_paint_of(window)
    del app
    return {"first_paint": seconds}


def probe_window(db: str | None = None) -> dict[str, float]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ordnum_desktop.ui.app import make_application
    from ordnum_desktop.ui.main_window import MainWindow

    make_application(sys.argv[:1])
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    first = _first_paint_of(window)
    result = {"first_paint": first}
    if db is not None:
        # As app.main does: the workspace is opened after the first paint.
        QTimer.singleShot(0, lambda: window.open_path(Path(db)))
        QTimer.singleShot(0, QApplication.quit)
        QApplication.exec()
        ps = window.tab_widgets["ps"]
        assert ps.model.rowCount() > 0
        ps.ui.table.viewport().repaint()  # the rows are painted, synchronously
        result["data_on_screen"] = time.perf_counter() - T0
        window.close()
    return result


def _probe(*args: str) -> dict[str, float]:
    # Fresh settings for every probe: no remembered tab or geometry, never the user's own.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="ordnum-startup-settings-"),
    }
    out = subprocess.run(
        [sys.executable, __file__, "probe", *args], check=True, capture_output=True, text=True, env=env
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _demo_workspace() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="ordnum-startup-"))
    script = (
        "import sys; from pathlib import Path; from ordnum_desktop.services.workspace.session import "
        "Workspace; from tests.bilan_fixture import populate; p = Path(sys.argv[1]); "
        "ws = Workspace.open(p, create=True); populate(ws, p.parent); ws.close()"
    )
    db = folder / "demo.sqlite"
    subprocess.run(
        [sys.executable, "-c", script, str(db)], check=True, cwd=Path(__file__).resolve().parents[2]
    )
    return db


def main() -> None:
    db = _demo_workspace()
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "window": [], "data": []}
    for _ in range(RUNS):  # interleaved, so that a busy moment of the machine hits all three
        runs["bare"].append(_probe("bare"))
        runs["window"].append(_probe("window"))
        runs["data"].append(_probe("window", str(db)))
    bare = statistics.median(r["first_paint"] for r in runs["bare"])
    ours = statistics.median(r["first_paint"] for r in runs["window"])
    data = statistics.median(r["data_on_screen"] for r in runs["data"])
    ratio = ours / bare
    print(f"QMainWindow nu + 4 onglets, premier affichage : {bare * 1000:.0f} ms (médiane de {RUNS})")
    print(
        f"fenêtre ordnum-desktop, premier affichage : {ours * 1000:.0f} ms = {ratio:.2f} × "
        f"(cible ≤ 2 ×) {'OK' if ratio <= 2 else 'DÉPASSÉ'}"
    )
    print(
        f"données de l'espace de travail à l'écran : {data * 1000:.0f} ms (cible < 1000 ms) "
        f"{'OK' if data < 1 else 'DÉPASSÉ'}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "probe":
        mode = sys.argv[2]
        result = probe_bare() if mode == "bare" else probe_window(*sys.argv[3:4])
        print(json.dumps(result))
    else:
        main()
