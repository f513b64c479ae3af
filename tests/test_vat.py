"""VAT said once and right: a rate, reverse charge with both VAT numbers, not registered with its
ground, in every language, in the "How to pay" block of the letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, normalise
from inwriting.cli import cli
from timeline import sent_on

RATE = {
    "en": "The invoiced amounts include 25 % VAT.",
    "sv": "Fakturabeloppen inkluderar 25 % moms.",
    "da": "Fakturabeløbene er inkl. 25 % moms.",
    "fi": "Laskujen summat sisältävät arvonlisäveron 25 %.",
    "ru": "Суммы счетов включают НДС 25 %.",
}
# Directive 2006/112/EC art. 226(11a) requires the mention "Reverse charge"; each language's
# own form (docs/project-file.md cites them), then both VAT numbers.
REVERSE = {
    "en": "Reverse charge (Article 196, Directive 2006/112/EC). VAT numbers: supplier DK12345674, "
    "customer SE123456789701.",
    "sv": "Omvänd betalningsskyldighet (artikel 196 i direktiv 2006/112/EG). "
    "Momsregistreringsnummer: säljarens DK12345674, köparens SE123456789701.",
    "da": "Omvendt betalingspligt (artikel 196 i direktiv 2006/112/EF). Momsnr.: sælgers "
    "DK12345674, købers SE123456789701.",
    "fi": "Käännetty verovelvollisuus (direktiivin 2006/112/EY 196 artikla). ALV-tunnisteet: "
    "myyjän DK12345674, ostajan SE123456789701.",
    "ru": "Reverse charge: НДС исчисляет покупатель (ст. 196 Директивы 2006/112/ЕС). Номера "
    "плательщика НДС: продавца DK12345674, покупателя SE123456789701.",
}
NOT_REGISTERED = {
    "en": "We are not registered for VAT, so no VAT is charged (small business).",
    "sv": "Vi är inte registrerade för moms, och ingen moms tas ut (small business).",
    "da": "Vi er ikke momsregistreret, og der opkræves ikke moms (small business).",
    "fi": "Emme ole arvonlisäverovelvollisia (small business): laskuissa ei ole arvonlisäveroa.",
    "ru": "НДС не облагается small business.",
}
# The reminders' amount table: the invoiced amount with its VAT, and interest and fees without.
TABLE = {
    "en": ("13 500,00 kr invoiced, incl. 25 % VAT", "Interest and fees carry no VAT"),
    "sv": ("Fakturerat 13 500,00 kr inkl. 25 % moms", "Ränta och avgifter är momsfria"),
    "da": ("Fakturabeløb 13.500,00 SEK inkl. 25 % moms", "Renter og gebyrer er momsfrie"),
    "fi": ("Laskutettu 13 500,00 SEK (sis. alv 25 %)", "Korot ja maksut ovat arvonlisäverottomia"),
    "ru": (
        "Сумма счета 13 500,00 SEK (в т. ч. НДС 25 %)",
        "Проценты и иные начисления НДС не облагаются",
    ),
}


def _handoff(tmp_path: Path, source: str, language: str, sample: str) -> str:
    """The hand-off report of `source` (the sample's text, changed), on the sample's day."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    project = tmp_path / "project.yaml"
    project.write_text(source)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "handoff",
            str(project),
            "--as-of",
            sent_on(sample, "handoff").isoformat(),
            "--out",
            str(out),
            "--lang",
            language,
            "--format",
            "md",
        ],
    )
    assert result.exit_code == 0, result.output
    return normalise(next(out.iterdir()).read_text()).replace("\\", "")


@pytest.mark.parametrize("language", sorted(RATE))
def test_a_vat_rate_says_the_amounts_include_it(tmp_path: Path, language: str) -> None:
    source = (SAMPLES / "tallbacken-bageri.yaml").read_text()
    # The sample's invoices are the net fee shares: it says nothing of their VAT ...
    assert RATE[language] not in _handoff(tmp_path / "net", source, language, "tallbacken-bageri")
    # ... until the file says that they include it.
    source = source.replace("  vat: 25\n", "  vat: 25\n  invoices_include_vat: true\n", 1)
    assert "invoices_include_vat" in source
    assert RATE[language] in _handoff(tmp_path / "gross", source, language, "tallbacken-bageri")


@pytest.mark.parametrize("language", sorted(REVERSE))
def test_reverse_charge_prints_the_directive_and_both_numbers(
    tmp_path: Path, language: str
) -> None:
    source = (SAMPLES / "havbrise-social.yaml").read_text()
    source = source.replace("  vat: 25\n", "  vat: 0\n  reverse_charge: true\n", 1)
    source = source.replace(
        '    cvr: "21212121"\n', '    cvr: "21212121"\n    vat: SE123456789701\n', 1
    )
    text = _handoff(tmp_path, source, language, "havbrise-social")
    assert REVERSE[language] in text
    assert "DK12345674" in text and "SE123456789701" in text


@pytest.mark.parametrize("language", sorted(NOT_REGISTERED))
def test_not_registered_says_so_with_its_ground(tmp_path: Path, language: str) -> None:
    source = (SAMPLES / "revontuli-kaannos.yaml").read_text()
    source = source.replace(
        "  vat: not_registered\n", "  vat: not_registered\n  vat_ground: small business\n", 1
    )
    assert "vat_ground" in source
    assert NOT_REGISTERED[language] in _handoff(tmp_path, source, language, "revontuli-kaannos")


def test_us_letters_say_no_sales_tax_applies(tmp_path: Path) -> None:
    text = _handoff(tmp_path, (SAMPLES / "jerry-webshop.yaml").read_text(), "en", "jerry-webshop")
    assert "No sales tax applies." in text


@pytest.mark.parametrize("language", sorted(TABLE))
def test_a_reminders_amount_table_says_the_vat_once(tmp_path: Path, language: str) -> None:
    project = tmp_path / "project.yaml"
    source = (SAMPLES / "tallbacken-bageri.yaml").read_text()
    project.write_text(
        source.replace("  vat: 25\n", "  vat: 25\n  invoices_include_vat: true\n", 1)
    )
    out = tmp_path / "out"
    # The final notice, on the day the sample's timeline sends it.
    on = sent_on("tallbacken-bageri", "final").isoformat()
    args = ["nudge", str(project), "--tone", "final", "--as-of", on, "--out", str(out)]
    args += ["--format", "md"]
    result = CliRunner().invoke(cli, [*args, "--lang", language])
    assert result.exit_code == 0, result.output
    text = normalise(next(out.iterdir()).read_text()).replace("\\", "")
    invoiced, charges = TABLE[language]
    assert invoiced in text and charges in text
    assert RATE[language] not in text  # said in the table, not again in the block


def test_reverse_charge_without_both_vat_numbers_is_refused(tmp_path: Path) -> None:
    source = (SAMPLES / "havbrise-social.yaml").read_text()
    source = source.replace("  vat: 25\n", "  vat: 0\n  reverse_charge: true\n", 1)
    project = tmp_path / "project.yaml"
    project.write_text(source)
    result = CliRunner().invoke(cli, ["check", str(project)])
    assert result.exit_code == 2, result.output
    line = source.splitlines().index("  reverse_charge: true") + 1
    assert f"project.yaml:{line}:" in result.output
    assert "reverse_charge" in result.output and "client.ids.vat" in result.output
    assert "Traceback" not in result.output


SCOPE_REVERSE = {
    "en": "excluding VAT; reverse charge: the customer accounts for the VAT (Article 196, "
    "Directive 2006/112/EC).",
    "sv": "exklusive moms. Omvänd betalningsskyldighet: köparen redovisar momsen (artikel 196 i "
    "direktiv 2006/112/EG).",
    "da": "ekskl. moms dækker arbejdet ovenfor. Omvendt betalingspligt: køberen afregner momsen "
    "(artikel 196 i direktiv 2006/112/EF).",
    "fi": "(alv 0 %). Käännetty verovelvollisuus: ostaja suorittaa arvonlisäveron (direktiivin "
    "2006/112/EY 196 artikla).",
    "ru": "без учета НДС. Reverse charge: НДС исчисляет покупатель (ст. 196 Директивы 2006/112/ЕС).",
}


@pytest.mark.parametrize("language", sorted(SCOPE_REVERSE))
def test_the_scope_price_line_says_reverse_charge(tmp_path: Path, language: str) -> None:
    source = (SAMPLES / "havbrise-social.yaml").read_text()
    source = source.replace("  vat: 25\n", "  vat: 0\n  reverse_charge: true\n", 1)
    source = source.replace(
        '    cvr: "21212121"\n', '    cvr: "21212121"\n    vat: SE123456789701\n', 1
    )
    project = tmp_path / "project.yaml"
    project.write_text(source)
    out = tmp_path / "out"
    args = ["scope", str(project), "--out", str(out), "--format", "md", "--lang", language]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    scope = min(out.glob("*.md"), key=lambda f: len(f.name))  # not the "-current" copy
    assert SCOPE_REVERSE[language] in normalise(scope.read_text()).replace("\\", "")
