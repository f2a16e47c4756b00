"""`make dist-check`: runs the built programs of dist/ordnum-desktop/ on a fresh temporary home
and checks what they write: `ordnum --version` (pyproject.toml's), `ordnum demo`, `bilan --pdf
--xlsx`, a traces import, the PostgreSQL driver (a refused local connection), and the window's
`--screenshot`. Standard library only, so that it checks the build and not the venv.

Usage: python packaging/dist_check.py [DIST_FOLDER]
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
EXE = ".exe" if os.name == "nt" else ""


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"Échec de {' '.join(cmd)} (code {done.returncode}) :\n{done.stdout}\n{done.stderr}")
    return done.stdout


def check(condition: bool, what: str) -> None:
    if not condition:
        sys.exit(f"Contrôle du programme construit : {what}")
    print(f"ok : {what}")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    dist = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/ordnum-desktop").resolve()
    cli, gui = dist / f"ordnum{EXE}", dist / f"ordnum-desktop{EXE}"
    check(cli.exists() and gui.exists(), f"les deux programmes sont dans {dist}")
    with tempfile.TemporaryDirectory(prefix="ordnum-dist-check-") as tmp:
        work = Path(tmp)
        home = work / "home"
        home.mkdir()
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("ORDNUM_", "PYTHON", "XDG_", "VIRTUAL_ENV"))
        }
        env.update(HOME=str(home), USERPROFILE=str(home), QT_QPA_PLATFORM="offscreen")
        env.update(APPDATA=str(home / "AppData" / "Roaming"), LOCALAPPDATA=str(home / "AppData" / "Local"))

        # The version comes from the package metadata copied into the build (pyproject.toml's).
        with (Path(__file__).resolve().parent.parent / "pyproject.toml").open("rb") as handle:
            version = tomllib.load(handle)["project"]["version"]
        out = run([str(cli), "--version"], work, env)
        check(
            out.strip() == f"ordnum {version}",
            f"ordnum --version donne la version de pyproject.toml ({version})",
        )

        out = run([str(cli), "demo", "--db", "demo.sqlite"], work, env)
        check("Démonstration créée" in out, "ordnum demo crée l'espace de démonstration")

        out = run(
            [str(cli), "bilan", "--db", "demo.sqlite", "--pdf", "bilan.pdf", "--xlsx", "bilan.xlsx"],
            work,
            env,
        )
        pdf = (work / "bilan.pdf").read_bytes()
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        check(pdf.startswith(b"%PDF") and pages >= 1, f"bilan --pdf écrit un PDF de {pages} page(s)")
        with zipfile.ZipFile(work / "bilan.xlsx") as book:
            check("xl/workbook.xml" in book.namelist(), "bilan --xlsx écrit un classeur")

        doctors = json.loads(run([str(cli), "roster", "list", "--db", "demo.sqlite", "--json"], work, env))
        ident = doctors["doctors"][0]["identifier"]
        header = ";".join(
            ("Horodatage", "Identifiant PS", "Identifiant ordonnance", "Type de prestation")
            + ("Ordonnance numérique", "Opération", "Code retour")
        )
        lines = [header] + [
            f"2025-03-31 09:{n:02d}:00;{ident};DC-{n};Médicaments;Oui;Créer;0" for n in range(5)
        ]
        (work / "traces.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = json.loads(
            run([str(cli), "traces", "import", "--db", "demo.sqlite", "traces.csv", "--json"], work, env)
        )
        check(
            report["accepted"] == 5 and report["rejected"] == 0,
            "traces import accepte les cinq lignes écrites",
        )

        # Team mode: the PostgreSQL driver (psycopg's compiled implementation and libpq) is in the
        # folder — a closed local port gets libpq's own refusal, in French, not a missing module.
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        address = f"postgresql://ordnum@127.0.0.1:{port}/ordnum"
        done = subprocess.run(
            [str(cli), "roster", "list", "--db", address], cwd=work, env=env, capture_output=True, text=True
        )
        check(
            done.returncode == 2 and "refuse la connexion" in done.stderr and "Traceback" not in done.stderr,
            "ordnum --db postgresql://… charge le pilote PostgreSQL (connexion refusée en français)",
        )

        start = time.monotonic()
        run([str(gui), "--db", "demo.sqlite", "--screenshot", "shots"], work, env)
        elapsed = time.monotonic() - start
        shots = sorted((work / "shots").glob("*.png"))
        check(len(shots) == 4, "la fenêtre enregistre ses quatre onglets")
        for shot in shots:
            data = shot.read_bytes()
            check(data.startswith(PNG_MAGIC) and len(data) > 10_000, f"{shot.name} n'est pas vide")
        print(f"Fenêtre construite : captures en {elapsed:.1f} s")
    print(f"Taille du dossier {dist.name} : {folder_size(dist) / 1e6:.0f} Mo")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
