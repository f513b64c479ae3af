"""sign-pdf and verify: a digital signature with a throwaway certificate made in the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from timeline import sent_on


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate and key as .p12 (passphrase `pw`), and the certificate as PEM."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Freelancer")])
    now = dt.datetime.now(dt.UTC)
    usage = x509.KeyUsage(True, True, False, False, False, False, False, False, False)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(usage, critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("certificate")
    p12, pem = folder / "me.p12", folder / "me.pem"
    encryption = serialization.BestAvailableEncryption(b"pw")
    p12.write_bytes(pkcs12.serialize_key_and_certificates(b"me", key, cert, None, encryption))
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return p12, pem


@pytest.fixture
def scope_pdf(tmp_path: Path) -> Path:
    args = ["scope", str(SAMPLES / "jerry-webshop.yaml"), "--format", "pdf", "--out", str(tmp_path)]
    assert CliRunner().invoke(cli, [*args, "--as-of", "2026-11-22"]).exit_code == 0
    (pdf,) = tmp_path.glob("*.pdf")
    return pdf


def _sign(pdf: Path, p12: Path, *extra: str) -> object:
    return CliRunner().invoke(
        cli,
        ["sign-pdf", str(pdf), "--p12", str(p12), *extra],
        env={"INWRITING_P12_PASSPHRASE": "pw"},
    )


def test_sign_then_verify(scope_pdf: Path, certificate: tuple[Path, Path]) -> None:
    p12, pem = certificate
    original = scope_pdf.read_bytes()
    result = _sign(scope_pdf, p12)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    signed = scope_pdf.with_name(f"{scope_pdf.stem}-signed.pdf")
    assert scope_pdf.read_bytes() == original  # the original stays as it was
    checked = CliRunner().invoke(cli, ["verify", str(signed)])
    assert checked.exit_code == 0, checked.output
    assert "Test Freelancer" in checked.output and "intact" in checked.output
    assert "not checked against a trusted authority" in checked.output
    trusted = CliRunner().invoke(cli, ["verify", str(signed), "--trust", str(pem)])
    assert trusted.exit_code == 0 and "certificate: trusted" in trusted.output
    assert "Traceback" not in checked.output + trusted.output


def test_a_byte_changed_after_signing_fails(
    scope_pdf: Path, certificate: tuple[Path, Path], tmp_path: Path
) -> None:
    assert _sign(scope_pdf, certificate[0]).exit_code == 0  # type: ignore[attr-defined]
    data = bytearray(scope_pdf.with_name(f"{scope_pdf.stem}-signed.pdf").read_bytes())
    where = data.find(b"ReportLab")
    assert where > 0
    data[where] = ord("X")
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    result = CliRunner().invoke(cli, ["verify", str(tampered)])
    assert result.exit_code == 1 and "NOT INTACT" in result.output


def test_an_unsigned_pdf_has_no_signature(scope_pdf: Path) -> None:
    result = CliRunner().invoke(cli, ["verify", str(scope_pdf)])
    assert result.exit_code == 1 and "no digital signature" in result.output


def test_bad_input_is_refused_without_writing(
    scope_pdf: Path, certificate: tuple[Path, Path], tmp_path: Path
) -> None:
    text_file = tmp_path / "notes.pdf"
    text_file.write_text("not a pdf", encoding="utf-8")
    assert CliRunner().invoke(cli, ["verify", str(text_file)]).exit_code == 2
    wrong = CliRunner().invoke(
        cli,
        ["sign-pdf", str(scope_pdf), "--p12", str(certificate[0])],
        env={"INWRITING_P12_PASSPHRASE": "wrong"},
    )
    assert wrong.exit_code == 2 and "cannot open the certificate" in wrong.output
    assert "Traceback" not in wrong.output
    assert not scope_pdf.with_name(f"{scope_pdf.stem}-signed.pdf").exists()
    assert _sign(scope_pdf, certificate[0]).exit_code == 0  # type: ignore[attr-defined]
    again = _sign(scope_pdf, certificate[0])
    assert again.exit_code == 2 and "--force" in again.output  # type: ignore[attr-defined]


def test_the_checklist_carries_real_form_fields(scope_pdf: Path) -> None:
    from inwriting.project.project_file import load_project
    from pypdf import PdfReader

    fields = PdfReader(scope_pdf).get_fields() or {}
    kinds: dict[str, list[str]] = {}
    for name, field in fields.items():
        kinds.setdefault(str(field.get("/FT")), []).append(name)
    live = [
        i
        for i in load_project(SAMPLES / "jerry-webshop.yaml").project.scope
        if i.status != "dropped"
    ]
    assert len(kinds["/Btn"]) == len(live)  # one tick box per item, none in the header
    assert sorted(kinds["/Sig"]) == ["party-1-signature", "party-2-signature"]
    assert {"party-1-line-1", "party-2-line-1"} <= set(kinds["/Tx"])  # the date lines


def test_change_orders_carry_signature_fields(tmp_path: Path) -> None:
    from pypdf import PdfReader

    args = ["change-order", str(SAMPLES / "severnyi-veter.yaml"), "ДС-1", "--format", "pdf"]
    # The timeline's day: before its dates, and before the stop-work notice and the termination.
    args += ["--as-of", sent_on("severnyi-veter", "change-order").isoformat()]
    assert CliRunner().invoke(cli, [*args, "--out", str(tmp_path)]).exit_code == 0
    (pdf,) = tmp_path.glob("*.pdf")
    fields = PdfReader(pdf).get_fields() or {}
    assert {name for name, f in fields.items() if f.get("/FT") == "/Sig"} == {
        "party-1-signature",
        "party-2-signature",
    }


def test_both_parties_sign_in_their_own_fields(
    scope_pdf: Path, certificate: tuple[Path, Path]
) -> None:
    p12, _ = certificate
    first = scope_pdf.with_name("first.pdf")
    both = scope_pdf.with_name("both.pdf")
    assert _sign(scope_pdf, p12, "--out", str(first)).exit_code == 0  # type: ignore[attr-defined]
    assert _sign(first, p12, "--out", str(both)).exit_code == 0  # type: ignore[attr-defined]
    result = CliRunner().invoke(cli, ["verify", str(both)])
    assert result.exit_code == 0, result.output
    assert "party-1-signature:" in result.output and "party-2-signature:" in result.output
    assert (
        "form fields filled in or signed" in result.output
    )  # the second signature, after the first
