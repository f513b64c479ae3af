"""The letterhead: logo, accent colour, typeface and legal footer, the same in PDF and DOCX."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from conftest import SAMPLES, docx_text, pdf_text
from inwriting.cli import cli
from inwriting.documents.legal_footer import legal_footer
from inwriting.project.branding import contrast_with_white, parse_colour
from inwriting.project.model import Project
from inwriting.project.project_file import load_project
from inwriting.render.writers.fonts import FAMILIES, FONT_DIR
from PIL import Image
from pypdf import PdfReader

AS_OF = "2026-11-22"
LOGO = SAMPLES / "brand" / "revontuli-logo.png"
NORDIC = "Åsa Ødegård, Æblegård & Öberg, Älvsjö"
CYRILLIC = "Щукин Юрий Фёдорович"
BRANDING = re.compile(r"^branding:\n(?:  .*\n)+", re.MULTILINE)


def _project(tmp_path: Path, branding: str, **replace: str) -> Path:
    """The web-shop sample with `branding` in place of its own, and texts replaced."""
    text = (SAMPLES / "jerry-webshop.yaml").read_text(encoding="utf-8")
    text = BRANDING.sub("", text)
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    project = tmp_path / "project.yaml"
    project.write_text(text + branding, encoding="utf-8")
    return project


def _scope(project: Path, out: Path, *more: str) -> tuple[int, str]:
    """`inwriting scope` in PDF and DOCX as of the samples' date: (exit code, output)."""
    args = ["scope", str(project), "--out", str(out), "--format", "pdf,docx", "--as-of", AS_OF]
    args += more
    result = CliRunner().invoke(cli, args)
    # Exit 2 is a message; any other exception would be a traceback for the user.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def _rendered(tmp_path: Path, branding: str, **replace: str) -> tuple[bytes, bytes]:
    project = _project(tmp_path, branding, **replace)
    code, output = _scope(project, tmp_path / "out")
    assert code == 0, output
    return (
        (tmp_path / "out" / "JGS-2026-01-scope.pdf").read_bytes(),
        (tmp_path / "out" / "JGS-2026-01-scope.docx").read_bytes(),
    )


def test_the_logo_is_an_image_in_both_formats_with_its_aspect_ratio_kept(tmp_path: Path) -> None:
    shutil.copy(LOGO, tmp_path / "logo.png")
    pdf, word = _rendered(tmp_path, "branding:\n  logo: logo.png\n")
    with Image.open(LOGO) as image:
        size = image.size
    ratio = size[0] / size[1]
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    images = [
        xobject.get_object()
        for xobject in page["/Resources"]["/XObject"].values()
        if xobject.get_object()["/Subtype"] == "/Image"
    ]
    assert [(i["/Width"], i["/Height"]) for i in images] == [size]
    # Drawn at width × height points: the `cm` operator before the image's `Do`.
    content = page.get_contents().get_data().decode("latin-1")
    drawn = re.search(r"q\s+([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm\s+/FormXob", content)
    assert drawn is not None
    assert float(drawn[1]) / float(drawn[2]) == pytest.approx(ratio, rel=0.01)
    assert float(drawn[2]) <= 18 * 72 / 25.4 + 0.01  # at most 18 mm tall

    document = docx.Document(io.BytesIO(word))
    parts = [p for p in document.part.package.parts if p.content_type == "image/png"]
    assert len(parts) == 1 and parts[0].blob == LOGO.read_bytes()
    shape = document.inline_shapes[0]
    assert shape.width / shape.height == pytest.approx(ratio, rel=0.01)


def test_the_accent_colour_is_in_the_pdf_content_and_the_docx_headings(tmp_path: Path) -> None:
    pdf, word = _rendered(tmp_path, 'branding:\n  accent: "#1F6F5C"\n')
    red, green, blue = (channel / 255 for channel in (0x1F, 0x6F, 0x5C))
    fill = f"{red:.6f} {green:.6f} {blue:.6f} rg".replace("0.", ".")
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    assert fill in content
    assert "1d3557" not in content and ".113725 .207843 .341176 rg" not in content  # the default
    document = docx.Document(io.BytesIO(word))
    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings and all(str(p.style.font.color.rgb) == "1F6F5C" for p in headings)
    assert 'w:color="1F6F5C"' in zipfile.ZipFile(io.BytesIO(word)).read("word/footer1.xml").decode()


@pytest.mark.parametrize("typeface", ["Noto Sans", "PT Sans", "PT Serif"])
def test_each_shipped_typeface_is_embedded_and_nordic_and_cyrillic_text_extracts(
    tmp_path: Path, typeface: str
) -> None:
    pdf, word = _rendered(
        tmp_path,
        f"branding:\n  typeface: {typeface}\n",
        **{"  contact: Jerry Malone": f"  contact: {NORDIC}\n  phone: {CYRILLIC}"},
    )
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {
        font.get_object()["/BaseFont"].split("+")[-1]: font.get_object()
        for font in reader.pages[0]["/Resources"]["/Font"].values()
    }
    stem = typeface.replace(" ", "")
    assert {f"{stem}-Regular", f"{stem}-Bold"} <= set(fonts)
    for name in (f"{stem}-Regular", f"{stem}-Bold"):
        descriptor = fonts[name]["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # embedded, not merely named
    text = pdf_text(pdf)
    assert NORDIC in text and CYRILLIC in text
    assert NORDIC in docx_text(word)
    styles = zipfile.ZipFile(io.BytesIO(word)).read("word/styles.xml").decode()
    assert f'w:ascii="{typeface}"' in styles and 'w:ascii="Arial"' not in styles


def test_every_shipped_family_has_four_faces_and_its_licence() -> None:
    for name, family in FAMILIES.items():
        assert len(family.files) == 4 and all(path.is_file() for path in family.files), name
        assert (family.files[0].parent / ("LICENSE.txt")).is_file(), name
    licence = (FONT_DIR / "pt_serif" / "LICENSE.txt").read_text(encoding="utf-8")
    assert "embedding in documents" in licence
    assert "Open Font License" in (FONT_DIR / "noto_sans" / "LICENSE.txt").read_text()


def test_the_legal_footer_is_on_every_page_in_both_formats(tmp_path: Path) -> None:
    pdf, word = _rendered(
        tmp_path,
        "branding: {}\n",
        **{
            "    ein: 12-3456789": "    company_number: 01234567\n    vat: GB980780684",
            "  bank:\n": "  registered_office: 1 Long Lane, London EC1A 9HF\n  bank:\n",
        },
    )
    expected = (
        "Registered in England and Wales No. 01234567 · Registered office: 1 Long Lane, "
        "London EC1A 9HF · VAT number GB980780684"
    )
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 1 and all(expected in page.extract_text() for page in pages)
    assert expected in docx_text(word)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Swedish org. no. (org.nr) 123456-7897 · Registered office: Umeå · "),
        ("sv", "Org.nr 123456-7897 · Styrelsens säte: Umeå · Momsreg.nr SE123456789701 · "),
        ("da", "Org.nr 123456-7897 · Hjemsted: Umeå · Momsnr. SE123456789701 · "),
        ("fi", "Ruotsin org.nr 123456-7897 · Kotipaikka: Umeå · ALV-numero SE123456789701 · "),
        ("ru", "Org.nr 123456-7897 · Юридический адрес: Umeå · "),
    ],
)
def test_the_legal_footer_speaks_the_letters_language(language: str, expected: str) -> None:
    project = load_project(SAMPLES / "tallbacken-bageri.yaml").project
    provider = project.provider.model_copy(update={"registered_office": "Umeå", "f_skatt": True})
    project = project.model_copy(update={"provider": provider, "language": language})
    footer = legal_footer(project)
    assert footer.startswith(expected) and "Godkänd för F-skatt" in footer


def test_a_project_without_branding_has_no_legal_footer_line(tmp_path: Path) -> None:
    project = load_project(_project(tmp_path, "")).project
    assert isinstance(project, Project) and project.branding is None
    pdf = (_rendered(tmp_path, ""))[0]
    assert "EIN 12-3456789 ·" not in pdf_text(pdf)


def test_contrast_is_the_wcag_ratio() -> None:
    assert contrast_with_white((0, 0, 0)) == pytest.approx(21)
    assert contrast_with_white((255, 255, 255)) == pytest.approx(1)
    assert contrast_with_white(parse_colour("#767676") or (0, 0, 0)) == pytest.approx(4.54, 0.01)


@pytest.mark.parametrize(
    ("branding", "files", "field", "message"),
    [
        ('  accent: "#FFD700"\n', {}, "branding.accent", "too light to read on white"),
        ("  accent: green\n", {}, "branding.accent", "not a colour (green)"),
        ("  logo: missing.png\n", {}, "branding.logo", "no such file"),
        ("  logo: mark.svg\n", {"mark.svg": b"<svg/>"}, "branding.logo", "export it as PNG"),
        ("  logo: mark.png\n", {"mark.png": b"GIF89a"}, "branding.logo", "not a PNG or JPEG"),
        ("  typeface: Comic Sans\n", {}, "branding.typeface", "PT Serif"),
        ("  font_file: font.txt\n", {"font.txt": b"hello"}, "branding.font_file", "not a TrueType"),
    ],
)
def test_bad_branding_is_exit_2_at_its_field(
    tmp_path: Path, branding: str, files: dict[str, bytes], field: str, message: str
) -> None:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    project = _project(tmp_path, "branding:\n" + branding)
    line = len(project.read_text(encoding="utf-8").splitlines())
    code, output = _scope(project, tmp_path / "out")
    assert code == 2
    assert f"project.yaml:{line}:" in output and f"{field}:" in output and message in output
    assert "Traceback" not in output and not (tmp_path / "out").exists()


def test_a_user_font_missing_a_glyph_names_the_characters_and_the_field(tmp_path: Path) -> None:
    # DejaVuSans-Forms.ttf is cut down to Latin and Cyrillic: it has no Greek.
    shutil.copy(FONT_DIR / "DejaVuSans-Forms.ttf", tmp_path / "mine.ttf")
    project = _project(
        tmp_path, "branding:\n  font_file: mine.ttf\n", **{"Jerry Malone": "Jerry Ωmega"}
    )
    code, output = _scope(project, tmp_path / "out")
    assert code == 2, output
    assert "branding.font_file: mine.ttf has no glyph for U+03A9 GREEK CAPITAL LETTER OMEGA" in (
        output
    )
    assert "Traceback" not in output and not (tmp_path / "out").exists()


def test_a_user_font_that_covers_the_text_is_embedded_and_named_in_the_docx(
    tmp_path: Path,
) -> None:
    shutil.copy(FONT_DIR / "pt_sans" / "PTSans-Regular.ttf", tmp_path / "mine.ttf")
    pdf, word = _rendered(
        tmp_path, "branding:\n  font_file: mine.ttf\n", **{"Jerry Malone": CYRILLIC}
    )
    fonts = {
        font.get_object()["/BaseFont"].split("+")[-1]
        for font in PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"].values()
    }
    assert "PTSans-Regular" in fonts  # the one face serves every style
    assert CYRILLIC in pdf_text(pdf)
    styles = zipfile.ZipFile(io.BytesIO(word)).read("word/styles.xml").decode()
    assert 'w:ascii="PT Sans"' in styles


def test_typeface_and_font_file_together_are_refused(tmp_path: Path) -> None:
    shutil.copy(FONT_DIR / "DejaVuSans-Forms.ttf", tmp_path / "mine.ttf")
    project = _project(tmp_path, "branding:\n  typeface: PT Sans\n  font_file: mine.ttf\n")
    code, output = _scope(project, tmp_path / "out")
    assert code == 2 and "branding.font_file: give typeface or font_file, not both" in output


def test_a_character_the_typeface_lacks_is_named_at_its_line(tmp_path: Path) -> None:
    # PT Serif has no Greek small letters; DejaVu Sans has, so only the branded project is
    # refused.
    project = _project(tmp_path, "branding:\n  typeface: PT Serif\n", **{"Jerry Malone": "Jerry α"})
    code, output = _scope(project, tmp_path / "out")
    assert code == 2
    assert "client.contact: U+03B1 GREEK SMALL LETTER ALPHA" in output
    assert "not in the typeface of branding (PT Serif)" in output


def test_the_branded_sample_has_its_logo_typeface_and_finnish_legal_footer(tmp_path: Path) -> None:
    # The Finnish sample over the profile that holds its letterhead (samples/brand/profile.yaml).
    project = SAMPLES / "revontuli-kaannos.yaml"
    code, output = _scope(project, tmp_path, "--profile", str(SAMPLES / "brand" / "profile.yaml"))
    assert code == 0, output
    pdf = (tmp_path / "LEM-2026-03-scope.pdf").read_bytes()
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert any(
        x.get_object()["/Subtype"] == "/Image" for x in page["/Resources"]["/XObject"].values()
    )
    fonts = {
        f.get_object()["/BaseFont"].split("+")[-1] for f in page["/Resources"]["/Font"].values()
    }
    assert "PTSerif-Regular" in fonts
    footer = "Y-tunnus 1234567-1 · Kotipaikka: Rovaniemi · ALV-numero FI12345671"
    assert footer in pdf_text(pdf)
    assert footer in docx_text((tmp_path / "LEM-2026-03-scope.docx").read_bytes())


def test_a_uk_company_prints_its_registration_without_any_branding(tmp_path: Path) -> None:
    """The Companies Act's disclosures go on every letter, branded or not."""
    replace = {
        "    ein: 12-3456789\n": '    company_number: "01234567"\n',
        '  business_id: "EIN 12-3456789"\n': "  registered_office: 1 High Street, Leeds LS1 1AA\n",
    }
    pdf, word = _rendered(tmp_path, "", **replace)
    footer = "Registered in England and Wales No. 01234567"
    for text in (pdf_text(pdf), docx_text(word)):
        assert footer in text and "Registered office: 1 High Street, Leeds LS1 1AA" in text
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert all(footer in page.extract_text() for page in pages)
