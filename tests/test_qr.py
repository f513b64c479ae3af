"""QR codes: the EPC payment code and the pay-link code, decoded from the rendered PDF page with
zxing-cpp and compared field by field; the DOCX carries the code as an image part."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from timeline import sent_on

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm")


def _write(tmp_path: Path, sample: str, formats: str = "pdf,docx") -> list[Path]:
    """The sample's stop-work notice, on the day its timeline sends it."""
    out = tmp_path / "out"
    on = sent_on(Path(sample).stem, "stop_work").isoformat()
    result = CliRunner().invoke(
        cli,
        [
            "nudge",
            str(SAMPLES / sample),
            "--tone",
            "stop_work",
            "--as-of",
            on,
            "--out",
            str(out),
            "--format",
            formats,
        ],
    )
    assert result.exit_code == 0, result.output
    return sorted(out.iterdir())


def _decoded(pdf: Path, tmp_path: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")], check=True)
    found: list[str] = []
    for page in sorted(tmp_path.glob("page*.png")):
        found += [code.text for code in zxingcpp.read_barcodes(Image.open(page))]
    return found


def test_the_finnish_reminder_carries_an_epc_code_with_every_field(tmp_path: Path) -> None:
    pdf = next(
        p for p in _write(tmp_path, "revontuli-kaannos.yaml") if p.name.endswith("stop-work.pdf")
    )
    (payload,) = _decoded(pdf, tmp_path)
    fields = payload.split("\n")
    assert fields[:4] == ["BCD", "002", "1", "SCT"]  # service tag, version, UTF-8, SEPA transfer
    assert fields[4] == "NDEAFIHH"  # BIC
    assert fields[5] == "Revontuli Käännös Oy"  # beneficiary, UTF-8 intact
    assert fields[6] == "FI2112345600000785"  # IBAN without spaces

    # The total the letter of 30 October asks for: RK-2026-052's 900.00 left after the part
    # payment of 28 October, interest at 10.5 % (2.5 % reference rate + 8) on 1,800.00 for
    # 3-28 October and on 900.00 for 29-30 October, and the 40 € of perintälaki 10 e §.
    def interest(amount: str, days: int) -> Decimal:
        return (Decimal(amount) * Decimal("0.105") * days / 365).quantize(Decimal("0.01"))

    total = Decimal("900.00") + interest("1800.00", 26) + interest("900.00", 2) + 40
    assert fields[7] == f"EUR{total}"
    assert fields[8] == ""  # purpose: none
    # The viitenumero 20260529 in its international form (ISO 11649), structured.
    assert fields[9] == "RF3420260529"
    assert len(fields) == 10  # nothing after the last element given


def test_the_docx_holds_the_qr_image(tmp_path: Path) -> None:
    docx = next(
        p for p in _write(tmp_path, "revontuli-kaannos.yaml") if p.name.endswith("stop-work.docx")
    )
    with zipfile.ZipFile(io.BytesIO(docx.read_bytes())) as package:
        images = [name for name in package.namelist() if name.startswith("word/media/")]
        assert images
        import zxingcpp
        from PIL import Image

        decoded = [
            code.text
            for name in images
            for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(package.read(name))))
        ]
    assert any(text.startswith("BCD\n002\n1\nSCT\nNDEAFIHH\n") for text in decoded)


def test_a_payment_link_is_a_qr_code_on_a_dollar_letter(tmp_path: Path) -> None:
    pdf = next(p for p in _write(tmp_path, "jerry-webshop.yaml") if p.suffix == ".pdf")
    assert _decoded(pdf, tmp_path) == ["https://pay.brightline.example"]


def test_letters_in_other_currencies_have_no_epc_code(tmp_path: Path) -> None:
    pdf = next(p for p in _write(tmp_path, "tallbacken-bageri.yaml") if p.suffix == ".pdf")
    assert _decoded(pdf, tmp_path) == []


@pytest.mark.parametrize(
    ("sample", "line"),
    [
        (
            "revontuli-kaannos.yaml",
            "Voitte myös maksaa lukemalla liitteenä olevan PDF-kirjeen QR-koodin "
            "pankkisovelluksella.",
        ),
        # A payment link is printed as itself; its QR code needs no note in the e-mail.
        ("jerry-webshop.yaml", "https://pay.brightline.example"),
    ],
)
def test_markdown_and_e_mail_say_where_the_code_is(tmp_path: Path, sample: str, line: str) -> None:
    import email

    files = _write(tmp_path, sample, formats="md,eml")
    for markdown in (f for f in files if f.suffix == ".md" and "reminder" in f.name):
        assert line in markdown.read_text(), markdown.name
        assert "Scan" not in markdown.read_text() and "Lue koodi" not in markdown.read_text()
    drafts = [f for f in files if f.suffix == ".eml" and "reminder" in f.name]
    assert drafts
    assert all("as a QR code" not in f.read_text() for f in files if f.suffix == ".md")
    # The e-mail is a short cover note: the letter, with its code and the note beside it, is
    # the attached PDF, so the note never speaks of a code the e-mail does not show.
    for draft in drafts:
        message = email.message_from_bytes(draft.read_bytes())
        body = next(p for p in message.walk() if p.get_content_type() == "text/plain")
        assert "QR" not in str(body.get_payload(decode=True), "utf-8"), draft.name
        assert any(p.get_content_type() == "application/pdf" for p in message.walk())
