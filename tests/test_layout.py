"""Layout edge cases: fonts embedded, long words wrap, over-tall content never crashes."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from conftest import SAMPLES, docx_text, normalise, pdf_text
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document
from pypdf import PageObject, PdfReader

JERRY = SAMPLES / "jerry-webshop.yaml"


def render_with_description(tmp_path: Path, description: str) -> dict[str, bytes]:
    text = JERRY.read_text(encoding="utf-8").replace(
        "    description: Staff can add, edit and hide products with photos, prices and stock levels.",
        f'    description: "{description}"',
    )
    project = tmp_path / "p.yaml"
    project.write_text(text, encoding="utf-8")
    return render_document(
        load_project(project), "scope", formats=["pdf", "docx"], as_of=dt.date(2026, 11, 22)
    )


def text_outside(page: PageObject) -> list[str]:
    """The pieces of text drawn outside the page's box."""
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    outside: list[str] = []

    def visitor(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if not (0 <= x <= width and 0 <= y <= height):
                outside.append(text)

    page.extract_text(visitor_text=visitor)
    return outside


def assert_all_text_on_the_page(pdf: bytes) -> None:
    """Every piece of text is drawn inside its page: none runs off an edge unseen."""
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        outside = text_outside(page)
        assert outside == [], f"page {number}: {outside[:3]}"


def embedded_font_names(pdf: bytes) -> set[str]:
    """The names of the fonts a PDF uses, after checking that every one of them is embedded."""
    seen = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    return seen


def test_every_font_in_the_pdf_is_embedded() -> None:
    out = render_document(
        load_project(JERRY), "scope", formats=["pdf"], as_of=dt.date(2026, 11, 22)
    )
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= embedded_font_names(out["pdf"])


def test_symbols_and_scripts_render_without_missing_glyphs(tmp_path: Path) -> None:
    sample = "Åsa Ærø Øst Ääkkönen Ъъ Ёжик ☐ ☑ € £ ₽ №"
    out = render_with_description(tmp_path, sample)
    text = pdf_text(out["pdf"])
    assert sample in normalise(text)
    assert "\u25a0" not in text and "\ufffd" not in text
    assert sample in docx_text(out["docx"])


def test_long_unbroken_word_wraps_inside_its_cell(tmp_path: Path) -> None:
    word = "https://example.com/" + "a" * 300
    out = render_with_description(tmp_path, word)
    reader = PdfReader(io.BytesIO(out["pdf"]))
    page = reader.pages[0]
    width = float(page.mediabox.width)
    # The word is split over several lines and every piece stays inside the page.
    pieces = [line for line in pdf_text(out["pdf"]).splitlines() if "aaaa" in line]
    assert len(pieces) > 3
    found = []

    def visitor(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if "aaaa" in text:
            found.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])  # x of the text on the page

    page.extract_text(visitor_text=visitor)
    assert found and all(0 < x < width for x in found)
    assert "".join(pieces).count("a") >= 300


def test_content_taller_than_a_page_is_split_or_reported(tmp_path: Path) -> None:
    paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 400
    out = render_with_description(tmp_path, paragraph)
    reader = PdfReader(io.BytesIO(out["pdf"]))
    assert len(reader.pages) > 3
    text = normalise(pdf_text(out["pdf"]))
    # Every word is there; a page may end between "Lorem" and "ipsum" (the footer between).
    assert text.count("Lorem") == 400 and text.count("ipsum") == 400
    assert_all_text_on_the_page(out["pdf"])


def test_tall_address_splits_across_pages(tmp_path: Path) -> None:
    lines = "\n".join(f"    Line {i} of a very long address" for i in range(120))
    text = JERRY.read_text(encoding="utf-8").replace(
        "  address: |\n    120 Market Street, Suite 4\n    Portland, OR 97204",
        "  address: |\n" + lines,
    )
    project = tmp_path / "tall.yaml"
    project.write_text(text, encoding="utf-8")
    out = render_document(
        load_project(project), "scope", formats=["pdf"], as_of=dt.date(2026, 11, 22)
    )
    assert "Line 119 of a very long address" in pdf_text(out["pdf"])
    assert_all_text_on_the_page(out["pdf"])


def test_long_name_grows_its_signature_line(tmp_path: Path) -> None:
    name = "Maximiliane Wolfeschlegelsteinhausenbergerdorff Featherstonehaugh von Richthofen " * 3
    text = JERRY.read_text(encoding="utf-8").replace(
        "  contact: Jerry Malone", f"  contact: {name.strip()}"
    )
    project = tmp_path / "long.yaml"
    project.write_text(text, encoding="utf-8")
    out = render_document(
        load_project(project), "scope", formats=["pdf"], as_of=dt.date(2026, 11, 22)
    )
    assert normalise(name.strip()) in normalise(pdf_text(out["pdf"]))
    assert_all_text_on_the_page(out["pdf"])


def test_unsplittable_block_taller_than_a_page_is_a_clean_error(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from inwriting.cli import cli

    giant = " ".join(["Wolfeschlegelsteinhausenbergerdorff"] * 2500)
    text = JERRY.read_text(encoding="utf-8").replace("  contact: Dana Ortiz", f"  contact: {giant}")
    project = tmp_path / "giant.yaml"
    project.write_text(text, encoding="utf-8")
    out_dir = tmp_path / "out"
    result = CliRunner().invoke(cli, ["scope", str(project), "--out", str(out_dir)])
    assert result.exit_code == 2
    assert "taller than a page" in result.output and "Traceback" not in result.output
    assert "0x" not in result.output  # no internal object descriptions
    assert not out_dir.exists()
