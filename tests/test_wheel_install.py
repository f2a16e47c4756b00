"""The wheel works on its own: built with `pip wheel`, installed (not editable) into a fresh
virtual environment, run from an empty folder without ORDNUM_RESOURCES (issue 14).

The new environment reuses the dependencies already installed for the tests through a .pth file
naming their site-packages, so that the test needs no download beyond the build backend. Lines
of a .pth file only extend sys.path: the .pth files found there (the editable install of this
checkout) are not run, so `ordnum_desktop` can only come from the wheel.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: int = 600) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd} → {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("ORDNUM_RESOURCES", "PYTHONPATH")}
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)], out, env)
    (found,) = out.glob("ordnum_desktop-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    base = tmp_path_factory.mktemp("venv")
    venv = base / "venv"
    env = {k: v for k, v in os.environ.items() if k not in ("ORDNUM_RESOURCES", "PYTHONPATH")}
    _run([sys.executable, "-m", "venv", str(venv)], base, env)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = Path(_run([str(python), "-c", where], base, env).strip())
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    (purelib / "ordnum_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
    _run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)], base, env)
    home = base / "home"
    home.mkdir()
    env = {
        **env,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    for key in ("ORDNUM_LOG_DIR", "ORDNUM_BACKUP_DIR"):
        env.pop(key, None)
    return bindir, env


def test_wheel_carries_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "ordnum_desktop/resources/referentiel/2025-01.json",
        "ordnum_desktop/resources/referentiel/current.txt",
        "ordnum_desktop/resources/questionnaire/2025-01.json",
        "ordnum_desktop/resources/fonts/DejaVuSans.ttf",
        "ordnum_desktop/resources/fonts/LICENSE-DejaVu.txt",
        "ordnum_desktop/resources/map/LICENCE.md",
        "ordnum_desktop/store/migrations/env.py",
        "ordnum_desktop/store/migrations/script.py.mako",
    ):
        assert needed in names, needed
    # Alembic's configuration is built in code (store/schema.py): no alembic.ini to carry, but
    # every revision must travel as a source file.
    versions = sorted(n for n in names if n.startswith("ordnum_desktop/store/migrations/versions/"))
    in_tree = sorted((ROOT / "ordnum_desktop/store/migrations/versions").glob("0*.py"))
    assert [Path(n).name for n in versions] == [p.name for p in in_tree]


def test_installed_wheel_runs_demo_bilan_and_window(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bindir, env = installed
    where = _run(
        [str(bindir / "python"), "-c", "import ordnum_desktop; print(ordnum_desktop.__file__)"], tmp_path, env
    )
    assert str(bindir.parent) in where and str(ROOT) not in where

    out = _run([str(bindir / "ordnum"), "demo", "--db", "demo.sqlite"], tmp_path, env)
    assert "Démonstration créée" in out and (tmp_path / "demo.sqlite").stat().st_size > 0

    out = _run([str(bindir / "ordnum"), "bilan", "--db", "demo.sqlite", "--pdf", "bilan.pdf"], tmp_path, env)
    assert "Écrit" in out
    assert len(PdfReader(tmp_path / "bilan.pdf").pages) >= 1

    out = _run(
        [str(bindir / "ordnum-desktop"), "--db", "demo.sqlite", "--screenshot", "shots"], tmp_path, env
    )
    shots = sorted((tmp_path / "shots").glob("*.png"))
    assert [p.name for p in shots] == ["01-ps.png", "02-cpam.png", "03-planning.png", "04-bilan.png"]
    for shot in shots:
        data = shot.read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 10_000, shot
