"""The printed bilan, read back with pypdf: decision, identifiers, figures, escaped names, page
numbers, embedded fonts, repeated table headers, reproducible digest."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from ordnum_desktop.cli import main
from ordnum_desktop.domain.fr_format import NNBSP, format_int, format_percent
from ordnum_desktop.domain.vocabulary import Operation
from ordnum_desktop.services.bilan.compute import compute_bilan
from ordnum_desktop.services.bilan.document import figures_digest, gather_bilan_document
from ordnum_desktop.services.bilan.pdf_export import build_pdf, write_bilan_pdf
from ordnum_desktop.services.errors import UserError
from ordnum_desktop.services.roster.preseries import resolve_preserie
from ordnum_desktop.services.workspace.session import Workspace
from ordnum_desktop.store.models import Anomaly
from tests.bilan_fixture import EDITOR, SOFTWARE, populate


def _pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def _flat(text: str) -> str:
    # pypdf returns the lines of a wrapped paragraph with "\n"; compare on single spaces.
    return re.sub(r"\s+", " ", text.replace(NNBSP, "\u0001")).replace("\u0001", NNBSP)


@pytest.fixture(scope="module")
def extend_pdf(
    populated_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Workspace, int, Path]]:
    """The bilan fixture's PDF, written once for the tests that only read it."""
    folder = tmp_path_factory.mktemp("bilan-pdf")
    path = folder / "suivi.sqlite"
    shutil.copy2(populated_template, path)
    with Workspace.open(path) as ws:
        pid = resolve_preserie(ws, None).id or 0
        yield ws, pid, write_bilan_pdf(ws, pid, folder / "bilan.pdf")


def test_pdf_shows_decision_failed_criteria_and_every_figure(
    extend_pdf: tuple[Workspace, int, Path],
) -> None:
    ws, pid, pdf = extend_pdf
    pages = _pages(pdf)
    text = _flat("\n".join(pages))
    bilan = compute_bilan(ws, pid)
    assert bilan.decision == "extend"
    assert "Décision : Prolongation de la présérie" in text
    assert "Taux d'ordonnances numériques par médecin" in text and "Satisfaction des médecins" in text
    for d in bilan.doctor_rate.doctors:
        assert d.identifier in text
        row = (
            f"{d.identifier} {d.name} {format_int(d.prescriptions)} {format_int(d.digital)} "
            f"{format_percent(d.rate)} {'Oui' if d.met else 'Non'}"
        )
        assert row in text, row
    reg = bilan.registration
    assert format_percent(reg.rate) in text
    assert f"({format_int(reg.registered)} enregistrées / {format_int(reg.created)} créées)" in text
    ops = bilan.operations
    for label, key in (("Créer", "creer"), ("Consulter", "consulter"), ("Rechercher", "rechercher")):
        count = ops.operation(Operation(key))
        assert f"{label} : {count.succeeded} succès / {count.calls} appels" in text
    assert "339999999" in text and "7 lignes de traces ne correspondent" in text
    # French percent: narrow no-break space before %, decimal comma.
    assert f"20,0{NNBSP}%" in text


def test_user_text_prints_as_typed(extend_pdf: tuple[Workspace, int, Path]) -> None:
    _ws, _pid, pdf = extend_pdf
    text = _flat("\n".join(_pages(pdf)))
    assert SOFTWARE in text and EDITOR in text  # "CentreMed <Pro>", "Santé & Co"
    assert "L'Éclair <Dr> Élodie" in text
    assert "« Lenteur & coupures <réseau> » — Médecin1 Élodie (331230001)" in text
    assert '=HYPERLINK("http://x") accès réseau à l\'API <ON>' in text
    assert "Pour l'éditeur — Santé & Co" in text


def test_page_numbers_footer_and_fonts_embedded(extend_pdf: tuple[Workspace, int, Path]) -> None:
    ws, pid, pdf = extend_pdf
    reader = PdfReader(pdf)
    total = len(reader.pages)
    assert 3 <= total <= 10
    digest = figures_digest(compute_bilan(ws, pid))
    for n, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        assert f"page {n} / {total}" in text
        assert f"empreinte des chiffres {digest}" in text and ws.path.name in text
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            assert "DejaVu" in font["/BaseFont"], font["/BaseFont"]
            assert "/FontFile2" in descriptor  # the TrueType program is embedded
    assert reader.metadata is not None and "CentreMed <Pro>" in (reader.metadata.title or "")


def test_deploy_decision(ws: Workspace, tmp_path: Path) -> None:
    pid = populate(ws, tmp_path, doctors=5, weeks=3, deploy=True)
    pdf = write_bilan_pdf(ws, pid, tmp_path / "ok.pdf")
    text = _flat("\n".join(_pages(pdf)))
    assert compute_bilan(ws, pid).decision == "deploy"
    assert "Décision : Déploiement autorisé — les cinq critères de validation sont atteints et les" in text
    assert "Prolongation" not in text


def test_same_workspace_and_as_of_give_the_same_digest(ws: Workspace, tmp_path: Path) -> None:
    pid = populate(ws, tmp_path, doctors=4, weeks=4)
    as_of = date(2025, 3, 20)
    first = build_pdf(
        gather_bilan_document(ws, pid, as_of), tmp_path / "a.pdf", generated_at=datetime(2025, 4, 1, 9, 0)
    )
    second = build_pdf(
        gather_bilan_document(ws, pid, as_of), tmp_path / "b.pdf", generated_at=datetime(2025, 4, 2, 17, 30)
    )
    digest = figures_digest(compute_bilan(ws, pid, as_of))
    texts = [_flat("\n".join(_pages(p))) for p in (first, second)]
    assert all(f"empreinte des chiffres {digest}" in t for t in texts)
    # Only the generation time differs.
    assert texts[0].replace("01/04/2025 à 09:00", "X") == texts[1].replace("02/04/2025 à 17:30", "X")
    # Another as-of date: other figures, another digest.
    assert figures_digest(compute_bilan(ws, pid, date(2025, 3, 10))) != digest
    assert "Bilan arrêté au 20/03/2025" in texts[0]


def test_long_table_repeats_its_header_on_the_next_page(ws: Workspace, tmp_path: Path) -> None:
    pid = populate(ws, tmp_path, doctors=3, weeks=2)
    with ws.session() as s:
        for n in range(90):
            s.add(
                Anomaly(
                    preserie_id=pid,
                    operation="rechercher",
                    description=f"Anomalie répétée n° {n}",
                    opened_at=datetime(2025, 3, 10, 8, 0),
                )
            )
    pdf = write_bilan_pdf(ws, pid, tmp_path / "long.pdf")
    pages = _pages(pdf)
    with_rows = [p for p in pages if "Anomalie répétée" in p]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert "Description" in page and "Ouverte le" in page and "Clôturée le" in page
    assert "Anomalie répétée n° 89" in "\n".join(pages)


def test_a_cell_longer_than_a_page_continues_on_the_next(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    with ws.session() as s:
        s.add(
            Anomaly(
                preserie_id=liberal_preserie_id,
                operation="creer",
                description="journal collé " * 3000 + "FIN-DU-JOURNAL",
            )
        )
    pages = _pages(write_bilan_pdf(ws, liberal_preserie_id, tmp_path / "long.pdf"))
    assert "FIN-DU-JOURNAL" in "\n".join(pages) and len(pages) < 20


def test_empty_preserie_still_prints(ws: Workspace, liberal_preserie_id: int, tmp_path: Path) -> None:
    pdf = write_bilan_pdf(ws, liberal_preserie_id, tmp_path / "vide.pdf")
    text = _flat("\n".join(_pages(pdf)))
    assert "Aucun médecin utilisateur" in text and "Prolongation de la présérie" in text
    assert "Aucune anomalie n'a été consignée." in text


def test_bad_output_path_is_refused_in_french(
    ws: Workspace, liberal_preserie_id: int, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="extension .pdf"):
        write_bilan_pdf(ws, liberal_preserie_id, tmp_path / "bilan.txt")
    with pytest.raises(UserError, match="n'existe pas"):
        write_bilan_pdf(ws, liberal_preserie_id, tmp_path / "absent" / "bilan.pdf")
    assert not list(tmp_path.glob("**/*.pdf"))


def test_cli_bilan_writes_pdf_and_workbook(
    ws: Workspace, ws_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    populate(ws, tmp_path, doctors=3, weeks=2)
    ws.close()
    pdf, xlsx = tmp_path / "b.pdf", tmp_path / "b.xlsx"
    assert main(["bilan", "--db", str(ws_path), "--pdf", str(pdf), "--xlsx", str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert f"Écrit : {pdf}" in out and f"Écrit : {xlsx}" in out
    assert PdfReader(pdf).pages and xlsx.stat().st_size > 0


def test_headings_keep_with_the_table_that_follows() -> None:
    # « 7. Anomalies » was stranded at a page foot: every heading style now travels with its table.
    from ordnum_desktop.services.bilan.pdf import styles

    assert styles.H1.keepWithNext and styles.H2.keepWithNext
