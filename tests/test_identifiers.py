"""Registration, tax and bank numbers: a valid and an invalid example of each kind, the invalid
one refused by `inwriting check` with exit code 2 at its own line, naming the kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.project.identifiers import (
    ID_KINDS,
    local_name,
    problem,
    ru_account_key,
    ru_account_key_ok,
)

# (sample, where the field goes, field, valid, invalid, the kind the message names). Valid
# numbers are test values: python-stdnum's doctest examples, the SWIFT IBAN Registry's country
# examples, standards' examples, or digits made up with their check digit computed here.
CASES = [
    ("tallbacken-bageri", "provider.ids", "org_nr", "123456-7897", "123456-7891", "org.nr"),
    ("revontuli-kaannos", "provider.ids", "y_tunnus", "2077474-0", "2077474-1", "Y-tunnus"),
    ("havbrise-social", "provider.ids", "cvr", "13585628", "13585627", "CVR number"),
    ("jerry-webshop", "provider.ids", "ein", "91-1144442", "07-1144442", "EIN"),
    ("jerry-webshop", "provider.ids", "company_number", "SC123456", "S1234567", "company number"),
    ("severnyi-veter", "provider.ids", "inn", "123456789047", "123456789037", "ИНН"),
    ("severnyi-veter", "client.ids", "inn", "1234567894", "1234567895", "ИНН"),
    ("severnyi-veter", "client.ids", "kpp", "100101001", "10010100", "КПП"),
    ("severnyi-veter", "client.ids", "ogrn", "1022200525819", "1022500001328", "ОГРН"),
    ("severnyi-veter", "provider.ids", "ogrnip", "385768585948949", "385768585948948", "ОГРНИП"),
    ("tallbacken-bageri", "provider.ids", "vat", "SE123456789701", "SE123456789101", "VAT"),
    ("jerry-webshop", "provider.ids", "vat", "GB980780684", "GB802311781", "VAT"),
    (
        "havbrise-social",
        "provider.bank",
        "iban",
        "DK50 0040 0440 1162 43",
        "DK51 0040 0440 1162 43",
        "IBAN",
    ),
    (
        "havbrise-social",
        "provider.bank",
        "iban",
        "DK50 0040 0440 1162 43",
        "DK50 0040 0440 1162",
        "IBAN",
    ),
    ("havbrise-social", "provider.bank", "bic", "NDEADKKK", "NDEADKK", "BIC"),
    ("tallbacken-bageri", "provider.bank", "bankgiro", "5050-1055", "5050-1056", "bankgiro"),
    ("tallbacken-bageri", "provider.bank", "plusgiro", "1234566", "1234567", "plusgiro"),
    ("havbrise-social", "provider.bank", "reg_nr", "0040", "40", "reg.nr."),
    ("havbrise-social", "provider.bank", "fi_creditor", "81234567", "71234567", "FI-kort creditor"),
    ("havbrise-social", "provider.bank", "sort_code", "12-34-56", "12-34-5", "sort code"),
]


def _with(sample: str, section: str, field: str, value: str, tmp_path: Path) -> tuple[Path, int]:
    """The sample with `field: value` added as the first line of `section`; and that line."""
    lines = (SAMPLES / f"{sample}.yaml").read_text(encoding="utf-8").splitlines()
    party, sub = section.split(".")
    start = lines.index(f"{party}:")
    at = next(i for i in range(start, len(lines)) if lines[i].startswith(f"  {sub}:"))
    lines.insert(at + 1, f'    {field}: "{value}"')
    # A key written twice is its own error: drop the sample's own line for the field.
    end = next(i for i in range(at + 2, len(lines)) if not lines[i].startswith("    "))
    lines[at + 2 : end] = [x for x in lines[at + 2 : end] if not x.startswith(f"    {field}:")]
    path = tmp_path / f"{sample}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, at + 2


@pytest.mark.parametrize(
    ("sample", "section", "field", "valid", "invalid", "kind"),
    CASES,
    ids=[f"{c[1]}.{c[2]}={c[4]}" for c in CASES],
)
def test_each_number_is_checked_at_its_line(
    sample: str, section: str, field: str, valid: str, invalid: str, kind: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    good, _ = _with(sample, section, field, valid, tmp_path)
    result = runner.invoke(cli, ["check", str(good)])
    assert result.exit_code == 0, result.output
    bad, line = _with(sample, section, field, invalid, tmp_path)
    result = runner.invoke(cli, ["check", str(bad)])
    assert result.exit_code == 2, result.output
    assert f"{bad}:{line}:" in result.output
    assert f"{section}.{field}: not a valid" in result.output
    assert kind in result.output
    assert "Traceback" not in result.output


# The Bank of Russia's control key. A worked example from public record: ПАО Сбербанк's
# correspondent account 30101810400000000225 with its БИК 044525225 (both printed in every
# Sberbank payment form); the sample's made-up accounts are keyed by the same rule.
def test_the_russian_control_key_matches_a_published_correspondent_account() -> None:
    assert ru_account_key_ok("30101810400000000225", "044525225", correspondent=True)
    assert not ru_account_key_ok("30101810500000000225", "044525225", correspondent=True)
    assert ru_account_key("40802810000000012345", "044030999") == "5"
    assert ru_account_key("30101810000000000999", "044030999", correspondent=True) == "4"


RU_BANK = [
    ("account", "40802810900000012345", "р/с"),
    ("correspondent_account", "30101810900000000999", "к/с"),
    ("routing", "044030998", "р/с"),  # the accounts no longer match the БИК
    ("routing", "144030999", "БИК"),
]


@pytest.mark.parametrize(("field", "value", "kind"), RU_BANK)
def test_a_russian_account_that_fails_its_key_with_the_bik_is_refused(
    field: str, value: str, kind: str, tmp_path: Path
) -> None:
    path, line = _with("severnyi-veter", "provider.bank", field, value, tmp_path)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2, result.output
    assert kind in result.output
    if field != "routing" or kind == "БИК":
        assert f"{path}:{line}:" in result.output


COUNTRY_BANK = [
    # (sample, field, valid, invalid): routing and account are read by the provider's country.
    ("jerry-webshop", "routing", "111000025", "111000024"),  # stdnum.us.rtn's doctest
    ("jerry-webshop", "account", "000123456789", "12AB"),
]


@pytest.mark.parametrize(("sample", "field", "valid", "invalid"), COUNTRY_BANK)
def test_us_routing_and_account_by_the_country(
    sample: str, field: str, valid: str, invalid: str, tmp_path: Path
) -> None:
    good, _ = _with(sample, "provider.bank", field, valid, tmp_path)
    assert CliRunner().invoke(cli, ["check", str(good)]).exit_code == 0
    bad, line = _with(sample, "provider.bank", field, invalid, tmp_path)
    result = CliRunner().invoke(cli, ["check", str(bad)])
    assert result.exit_code == 2, result.output
    assert f"{bad}:{line}:" in result.output and "US" in result.output


def test_every_sample_number_passes() -> None:
    for path in sorted(SAMPLES.glob("*.yaml")):
        result = CliRunner().invoke(cli, ["check", str(path)])
        assert result.exit_code == 0, result.output


def test_each_kind_has_a_local_name_in_every_language() -> None:
    assert local_name("org_nr", "sv") == "Org.nr"
    assert local_name("cvr", "da") == "CVR-nr."
    assert local_name("y_tunnus", "fi") == "Y-tunnus"
    assert local_name("inn", "ru") == "ИНН"
    assert local_name("vat", "en") == "VAT number"
    assert local_name("vat", "sv") == "Momsreg.nr"
    for kind in ID_KINDS:
        for language in ("en", "sv", "da", "fi", "ru"):
            assert local_name(kind, language)


def test_a_message_says_why() -> None:
    assert problem("org_nr", "123456-7897") is None
    message = problem("org_nr", "123456-7891")
    assert message is not None and "check digit" in message and "123456-7891" in message
