"""Payment references: generated ones pass python-stdnum's checks and match worked examples;
a reference written in the file is used as written once its check digit passes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.law.references import (
    fik71,
    generated,
    invoice_digits,
    ocr,
    payment_reference,
    rf_reference,
    viitenumero,
)
from inwriting.project.project_file import load_project
from stdnum import iso11649, luhn


def test_worked_examples() -> None:
    # ISO 11649's own example: RF18 5390 0754 7034 (also stdnum.iso11649's doctest).
    assert rf_reference("539007547034") == "RF18539007547034"
    # Finance Finland's guide to the reference number: base 1234567 gives 12345672.
    assert viitenumero("1234567") == "12345672"
    # giro-kort.dk, "Kontrolciffer": betalingsID 1 is printed 18, and 2 is printed 26.
    assert fik71("1").endswith("18") and fik71("2") == "000000000000026"
    # Bankgirot's OCR-referenskontroll: Luhn (10-modul); with a length digit the next-to-last
    # digit is the number's whole length modulo 10 (five digits, then 7, then the check digit).
    assert ocr("12345") == "123455"
    assert ocr("12345", with_length=True)[:6] == "123457"


def test_generated_references_pass_stdnum() -> None:
    for number in ("2026041", "1", "90071992547409", "12345678901234567890"):
        assert iso11649.is_valid(rf_reference(number))
        assert luhn.is_valid(ocr(number)) and luhn.is_valid(ocr(number, with_length=True))
        assert len(ocr(number, with_length=True)) % 10 == int(ocr(number, with_length=True)[-2])
        viite = viitenumero(number[:19])
        # The Finnish national reference is also the body of its RF form (Finance Finland).
        assert iso11649.is_valid(rf_reference(viite))
    assert luhn.is_valid(fik71("2026081")) and len(fik71("2026081")) == 15


def test_the_scheme_follows_the_country_and_the_currency() -> None:
    schemes = {}
    for name in ("tallbacken-bageri", "revontuli-kaannos", "havbrise-social", "jerry-webshop"):
        project = load_project(SAMPLES / f"{name}.yaml").project
        reference = generated(project, project.invoices[0])
        schemes[name] = (reference.scheme, reference.text) if reference else None
    assert schemes["tallbacken-bageri"] == ("ocr", ocr("2026041"))  # SE, SEK, bankgiro
    assert schemes["revontuli-kaannos"] == ("viite", "20260419")  # 1·7+4·3+0+6·7+2·3+0+2·7 = 81: 9
    assert schemes["havbrise-social"] == ("fik71", fik71("2026081"))  # DK, DKK
    assert schemes["jerry-webshop"] is None  # US, USD: no structured reference
    assert invoice_digits("RK-2026-041") == "2026041"


def _with_reference(sample: str, reference: str, tmp_path: Path) -> tuple[Path, int]:
    lines = (SAMPLES / f"{sample}.yaml").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  - number:"))
    lines.insert(at + 1, f'    reference: "{reference}"')
    path = tmp_path / f"{sample}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, at + 2


CASES = [
    ("revontuli-kaannos", "12345672", "12345673", "viitenumero"),
    ("revontuli-kaannos", "RF18 5390 0754 7034", "RF17 5390 0754 7034", "RF creditor"),
    ("tallbacken-bageri", "123455", "123456", "OCR"),
    ("havbrise-social", "+71<000000000000026", "+71<000000000000027", "FI-kort"),
]


def test_a_written_reference_is_used_as_written_once_checked(tmp_path: Path) -> None:
    runner = CliRunner()
    for sample, valid, invalid, kind in CASES:
        good, _ = _with_reference(sample, valid, tmp_path)
        assert runner.invoke(cli, ["check", str(good)]).exit_code == 0, (sample, valid)
        project = load_project(good).project
        reference = payment_reference(project, project.invoices[0])
        assert reference is not None and reference.text == valid
        bad, line = _with_reference(sample, invalid, tmp_path)
        result = runner.invoke(cli, ["check", str(bad)])
        assert result.exit_code == 2, result.output
        assert f"{bad}:{line}:" in result.output and "invoices[0].reference" in result.output
        assert kind in result.output
