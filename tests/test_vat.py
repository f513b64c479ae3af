"""VAT said once and right: a rate, reverse charge with both VAT numbers, not registered with its
ground, in every language, in the "How to pay" block of the letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES, normalise
from inwriting.cli import cli

RATE = {
    "en": "The invoiced amounts include VAT at 25 %; interest and fees are not subject to VAT.",
    "sv": "De fakturerade beloppen inkluderar moms med 25 %; ränta och avgifter är momsfria.",
    "da": "Fakturabeløbene er inkl. 25 % moms; renter og gebyrer er momsfrie.",
    "fi": "Laskujen summat sisältävät arvonlisäveron 25 %; korot ja maksut ovat arvonlisäverottomia.",
    "ru": "Суммы счетов включают НДС 25 %; проценты и неустойка НДС не облагаются.",
}
REVERSE = {
    "en": "Reverse charge: VAT is to be accounted for by the customer (Article 196, Directive 2006/112/EC).",
    "sv": "Omvänd skattskyldighet: köparen redovisar momsen (artikel 196 i direktiv 2006/112/EG).",
    "da": "Omvendt betalingspligt: køberen afregner momsen (artikel 196 i direktiv 2006/112/EF).",
    "fi": "Käännetty verovelvollisuus: ostaja suorittaa arvonlisäveron (direktiivin 2006/112/EY 196 artikla).",
    "ru": "Reverse charge: НДС исчисляет покупатель (ст. 196 Директивы 2006/112/EC).",
}
NOT_REGISTERED = {
    "en": "We are not registered for VAT, so no VAT is charged (small business).",
    "sv": "Vi är inte registrerade för moms, och ingen moms tas ut (small business).",
    "da": "Vi er ikke momsregistreret, og der opkræves ikke moms (small business).",
    "fi": "Emme ole arvonlisäverovelvollisia, joten laskuihin ei lisätä arvonlisäveroa (small business).",
    "ru": "НДС не облагается small business.",
}


def _handoff(tmp_path: Path, source: str, language: str) -> str:
    project = tmp_path / "project.yaml"
    project.write_text(source)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "handoff",
            str(project),
            "--as-of",
            "2026-11-22",
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
    text = _handoff(tmp_path, (SAMPLES / "tallbacken-bageri.yaml").read_text(), language)
    assert RATE[language] in text


@pytest.mark.parametrize("language", sorted(REVERSE))
def test_reverse_charge_prints_the_directive_and_both_numbers(
    tmp_path: Path, language: str
) -> None:
    source = (SAMPLES / "havbrise-social.yaml").read_text()
    source = source.replace("  vat: 25\n", "  vat: 0\n  reverse_charge: true\n", 1)
    source = source.replace(
        '    cvr: "21212121"\n', '    cvr: "21212121"\n    vat: SE123456789701\n', 1
    )
    text = _handoff(tmp_path, source, language)
    assert REVERSE[language] in text
    assert "DK12345674" in text and "SE123456789701" in text


@pytest.mark.parametrize("language", sorted(NOT_REGISTERED))
def test_not_registered_says_so_with_its_ground(tmp_path: Path, language: str) -> None:
    source = (SAMPLES / "revontuli-kaannos.yaml").read_text()
    source = source.replace(
        "  vat: not_registered\n", "  vat: not_registered\n  vat_ground: small business\n", 1
    )
    assert "vat_ground" in source
    assert NOT_REGISTERED[language] in _handoff(tmp_path, source, language)


def test_us_letters_say_no_sales_tax_applies(tmp_path: Path) -> None:
    text = _handoff(tmp_path, (SAMPLES / "jerry-webshop.yaml").read_text(), "en")
    assert "No sales tax applies." in text
