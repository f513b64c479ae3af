"""Layout edge cases: fonts embedded, long words wrap, over-tall content never crashes."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from conftest import SAMPLES, docx_text, normalise, pdf_text
from pypdf import PdfReader

from generator.documents import render_document
from generator.project_file import load_project

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


def test_every_font_in_the_pdf_is_embedded() -> None:
    out = render_document(
        load_project(JERRY), "scope", formats=["pdf"], as_of=dt.date(2026, 11, 22)
    )
    reader = PdfReader(io.BytesIO(out["pdf"]))
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for reference in fonts.values():
            font = reference.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= seen


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
    assert normalise(pdf_text(out["pdf"])).count("Lorem ipsum") == 400
