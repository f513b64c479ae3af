"""Every character typed reaches the PDF and the DOCX, or is named in an error at its line."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, docx_text, in_ci, pdf_text, sample_paths
from inwriting.cli import cli
from inwriting.render import glyphs
from timeline import sent_on

AS_OF = "2026-12-20"
TITLE_LINE = "    title: Product catalog\n"


def _project(tmp_path: Path, title: str) -> Path:
    """The web-shop sample with scope item A titled `title` (on line 61, column 12)."""
    text = (SAMPLES / "jerry-webshop.yaml").read_text(encoding="utf-8")
    assert text.count(TITLE_LINE) == 1
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    project = tmp_path / "project.yaml"
    project.write_text(text.replace(TITLE_LINE, f"    title: {quoted}\n"), encoding="utf-8")
    return project


def _scope(project: Path, out: Path, formats: str = "pdf,docx") -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["scope", str(project), "--out", str(out), "--format", formats, "--as-of", AS_OF]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def _pdftotext(pdf: Path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("😀 Product catalogue 😉 ❤ ✔", id="emoji"),
        pytest.param("𝔸𝕓𝕔 catalogue 𐌀 🂡 🐱", id="outside-the-bmp"),
        pytest.param("Cafe\u0301 cre\u0300me n\u0303o", id="combining-marks"),
        pytest.param("Åsa Øre Щёлково", id="nordic-cyrillic"),
    ],
)
def test_characters_come_back_from_pdf_and_docx(tmp_path: Path, title: str) -> None:
    code, output = _scope(_project(tmp_path, title), tmp_path / "out")
    assert code == 0, output
    pdf = (tmp_path / "out" / "JGS-2026-01-scope.pdf").read_bytes()
    docx = (tmp_path / "out" / "JGS-2026-01-scope.docx").read_bytes()
    assert title in pdf_text(pdf).splitlines()
    assert title in docx_text(docx).splitlines()
    poppler = _pdftotext(tmp_path / "out" / "JGS-2026-01-scope.pdf")
    if poppler is not None:
        assert title in poppler.splitlines()


@pytest.mark.parametrize(
    ("title", "refused"),
    [
        pytest.param("Product catalogue 𝔘", "\U0001d518", id="no-font-has-it"),
        pytest.param("😀 Product catalogue 👍", "\U0001f44d", id="emoji-dejavu-lacks"),
        pytest.param("קטלוג מוצרים", "ק", id="right-to-left-hebrew"),
        pytest.param("Product كتالوج", "ك", id="right-to-left-arabic"),
    ],
)
def test_a_character_the_pdf_cannot_draw_is_named_at_its_line(
    tmp_path: Path, title: str, refused: str
) -> None:
    out = tmp_path / "out"
    code, output = _scope(_project(tmp_path, title), out)
    assert code == 2
    first = output.splitlines()[0]
    lines = (tmp_path / "project.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("    title: "))
    assert first.startswith(f"{tmp_path / 'project.yaml'}:{line}:12: scope[0].title: ")
    assert f"U+{ord(refused):04X} {unicodedata.name(refused)}" in first
    assert "Traceback" not in output
    assert not out.exists() or not any(out.iterdir())  # nothing written, not even the DOCX


def test_check_names_what_the_pdf_cannot_draw_like_the_render_does(tmp_path: Path) -> None:
    """`check` and `scope` agree: a character no shipped font has is a problem at its line."""
    project = _project(tmp_path, "Product catalogue 𝔘")
    result = CliRunner().invoke(cli, ["check", str(project)])
    assert result.exit_code == 2
    assert "scope[0].title: " in result.output and "U+1D518" in result.output
    assert (
        CliRunner().invoke(cli, ["check", str(_project(tmp_path, "Katalog åäö ё"))]).exit_code == 0
    )


def test_without_a_pdf_the_docx_keeps_what_the_pdf_cannot_draw(tmp_path: Path) -> None:
    title = "Product catalogue 𝔘 קטלוג"
    code, output = _scope(_project(tmp_path, title), tmp_path / "out", "docx,md")
    assert code == 0, output
    docx = (tmp_path / "out" / "JGS-2026-01-scope.docx").read_bytes()
    assert title in docx_text(docx).splitlines()


def test_template_text_the_pdf_cannot_draw_is_an_error_naming_it(tmp_path: Path) -> None:
    from inwriting.errors import InputError
    from inwriting.render import docmodel as dm
    from inwriting.render.writers import WriterOptions
    from inwriting.render.writers.pdf import write

    document = dm.Document(
        meta=dm.DocumentMeta(title="Welcome"),
        blocks=[dm.Paragraph([dm.Run("Welcome 𝔘")])],
    )
    with pytest.raises(InputError, match=r"'Welcome 𝔘': U\+1D518 MATHEMATICAL FRAKTUR"):
        write(document, WriterOptions())


def test_the_shipped_coverage_is_what_the_fonts_draw() -> None:
    from inwriting.render.writers.fonts import coverage_text

    assert glyphs.COVERAGE.read_text(encoding="ascii") == coverage_text()
    assert glyphs.drawable("Щ") and glyphs.drawable("😀") and glyphs.drawable("\u0301")
    assert not glyphs.drawable("\U0001d518")


def _pdffonts(pdf: Path) -> list[str]:
    done = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[2:]


@pytest.mark.slow
@pytest.mark.parametrize("sample", sample_paths(), ids=lambda path: path.stem)
def test_pdffonts_shows_every_font_embedded(tmp_path: Path, sample: Path) -> None:
    if shutil.which("pdffonts") is None:
        if in_ci():
            pytest.fail("CI must have pdffonts (poppler-utils)")
        pytest.skip("pdffonts (poppler-utils) is not installed")
    out = tmp_path / "out"
    # The scope and the final notice, each on the day the sample's timeline sends it.
    final = ["--tone", "final", "--as-of", sent_on(sample.stem, "final").isoformat()]
    for command in (["scope", "--as-of", AS_OF], ["nudge", *final]):
        result = CliRunner().invoke(
            cli, [command[0], str(sample), "--out", str(out), "--format", "pdf", *command[1:]]
        )
        assert result.exit_code == 0, result.output
    pdfs = sorted(out.glob("*.pdf"))
    assert any("scope" in pdf.name for pdf in pdfs) and any("reminder" in p.name for p in pdfs)
    for pdf in pdfs:
        fonts = _pdffonts(pdf)
        assert fonts, pdf.name
        for line in fonts:
            # name, type (may hold spaces), encoding, emb, sub, uni, object id, generation
            assert line.split()[-5] == "yes", f"{pdf.name}: {line}"


def test_a_name_typed_into_a_field_keeps_its_nordic_and_cyrillic_letters(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    out = tmp_path / "out"
    code, output = _scope(SAMPLES / "severnyi-veter.yaml", out, "pdf")
    assert code == 0, output
    reader = PdfReader(out / "SV-2026-04-scope.pdf")
    form = reader.trailer["/Root"]["/AcroForm"]
    font = form["/DR"]["/Font"]["/DejaVu"].get_object()
    assert form["/DA"].startswith("/DejaVu ")
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
    assert "/FontFile2" in descriptor  # embedded
    texts = [name for name, field in reader.get_fields().items() if field.get("/FT") == "/Tx"]
    assert texts == ["party-1-line-1", "party-2-line-1"]
    boxes = [field for field in reader.get_fields().values() if field.get("/FT") == "/Btn"]
    assert boxes and all(box.get("/V") in ("/Off", "/Yes") for box in boxes)
    writer = PdfWriter(clone_from=reader)
    name = "Щёлково Åsa Øre"
    for page in writer.pages:
        writer.update_page_form_field_values(page, {texts[0]: name}, auto_regenerate=False)
    filled = tmp_path / "filled.pdf"
    writer.write(filled)
    poppler = _pdftotext(filled)
    if poppler is not None:  # drawn with the embedded font, so readers show it too
        assert name in poppler.splitlines()
