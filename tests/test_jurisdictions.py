"""The late-payment law of DE, FR, NL, AT and NO; no silent EU default; `inwriting rates`.

Each worked example is one invoice of 1000.00 issued 2026-01-02, due 2026-01-16, that the client
pays on 2026-02-15: what is owed on that day. Interest runs 17 January to 15 February 2026
inclusive, 30 days, actual/365, at the rate the cited statute sets from the reference rate the
cited source publishes for the first half of 2026.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from inwriting.cli import cli
from inwriting.errors import InputError
from inwriting.law.charges import charges_for
from inwriting.law.interest import jurisdictions, law_for, rate_table, rate_tables
from inwriting.law.ledger import invoice_state
from inwriting.project.project_file import load_project
from inwriting.project.rules import law_jurisdictions
from inwriting.render.pipeline import render_document
from test_ledger import project
from test_load import VALID, write

PAID_ON = dt.date(2026, 2, 15)


@pytest.mark.parametrize(
    ("code", "currency", "rate", "interest", "compensation"),
    [
        # BGB § 288 Abs. 2: Basiszinssatz 1.27 % (Bundesbank, 1 Jan 2026) + 9 = 10.27 %;
        # 1000 × 10.27 % × 30 / 365 = 8.441…; § 288 Abs. 5: 40 €.
        ("DE", "EUR", "10.27", "8.44", "40"),
        # Code de commerce L441-10 II: ECB refinancing rate 2.15 % (1 Jan 2026) + 10 = 12.15 %;
        # 1000 × 12.15 % × 30 / 365 = 9.986…; D441-5: 40 €.
        ("FR", "EUR", "12.15", "9.99", "40"),
        # BW 6:119a and 6:120 lid 2: ECB rate 2.15 % + 8 = 10.15 % (wettelijke handelsrente);
        # 1000 × 10.15 % × 30 / 365 = 8.342…; BW 6:96 lid 4: 40 €.
        ("NL", "EUR", "10.15", "8.34", "40"),
        # UGB § 456: Basiszinssatz on 31 Dec 2025, 1.53 % (OeNB, since 11 Jun 2025) + 9.2 =
        # 10.73 %; 1000 × 10.73 % × 30 / 365 = 8.819…; UGB § 458: 40 €.
        ("AT", "EUR", "10.73", "8.82", "40"),
        # Forsinkelsesrenteloven § 3: 12.00 % for the first half of 2026 (styringsrente 4.00
        # + 8); 1000 × 12 % × 30 / 365 = 9.863…; § 3a: standardkompensasjon 460 kr.
        ("NO", "NOK", "12.00", "9.86", "460"),
    ],
)
def test_worked_example(
    code: str, currency: str, rate: str, interest: str, compensation: str
) -> None:
    p = project(jurisdiction=code).model_copy(update={"currency": currency})
    charges = charges_for(p, invoice_state(p, 0, PAID_ON))
    assert charges.interest_kind == "statutory"
    assert [(x.first, x.last, x.rate) for x in charges.periods] == [
        (dt.date(2026, 1, 17), dt.date(2026, 2, 15), Decimal(rate))
    ]
    assert charges.interest == Decimal(interest)
    assert charges.compensation == Decimal(compensation)
    law = law_for(code)
    assert law is not None and law.interest is not None
    assert charges.interest_source == law.interest.source


def test_germany_splits_at_the_half_year() -> None:
    # Basiszinssatz 2.27 % to 30 June 2025, 1.27 % from 1 July (Bundesbank): 1000 due 2025-06-20,
    # as of 2025-07-10: 10 days at 11.27 % (3.0877…) + 10 days at 10.27 % (2.8137…) = 5.90.
    data = project(jurisdiction="DE").model_dump(by_alias=True)
    data["invoices"][0].update({"issued": "2025-06-06"})
    p = type(project()).model_validate(data)
    charges = charges_for(p, invoice_state(p, 0, dt.date(2025, 7, 10)))
    assert [(x.days, x.rate) for x in charges.periods] == [
        (10, Decimal("11.27")),
        (10, Decimal("10.27")),
    ]
    assert charges.interest == Decimal("5.90")


def test_norway_reminder_fees_at_most_two_and_within_the_standard_compensation() -> None:
    # Inkassoforskriften: purregebyr at most 35 kr (1/20 of the inkassosats), for two reminders;
    # what was charged as purregebyr is deducted from the 460 kr (§ 3a): nothing on top.
    sent = [("2026-02-01", "friendly"), ("2026-02-16", "firm")]
    p = project(jurisdiction="NO", fee="50", sent=sent).model_copy(update={"currency": "NOK"})
    charges = charges_for(p, invoice_state(p, 0, dt.date(2026, 3, 5)))
    assert charges.compensation == Decimal(460)
    assert charges.fees == 0
    assert any("covered by the fixed compensation" in note for note in charges.notes)


def test_every_law_file_is_known_to_the_rules_and_every_table_loads() -> None:
    assert list(law_jurisdictions()) == jurisdictions()
    assert {"AT", "DE", "EU", "FR", "NL", "NO"} <= set(jurisdictions())
    for code in jurisdictions():
        law = law_for(code)
        assert law is not None
        if law.interest is not None and law.interest.reference is not None:
            assert law.interest.reference in rate_tables()
    for name in rate_tables():
        table = rate_table(name)
        assert table.source and table.known_until >= table.periods[-1].start


@pytest.mark.parametrize(("code", "hint"), [("IT", "write jurisdiction: EU"), ("CH", "")])
def test_statutory_interest_without_a_law_file_is_refused_at_its_line(
    tmp_path: Path, code: str, hint: str
) -> None:
    text = VALID.replace("jurisdiction: FI", f"jurisdiction: {code}").replace(
        "  revision_rate: 80.00", "  revision_rate: 80.00\n  late_interest: statutory"
    )
    path = write(tmp_path, text)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{path}:17:18: terms.late_interest: " in result.output
    assert f"no statutory late-payment law is known for {code}" in result.output
    assert "known: AT, DE, DK, EU, FI, FR, GB, NL, NO, RU, SE, US" in result.output
    assert hint in result.output
    # A rate agreed in the contract needs no law file.
    agreed = write(tmp_path, text.replace("late_interest: statutory", "late_interest: 12.0"))
    assert CliRunner().invoke(cli, ["check", str(agreed)]).exit_code == 0


def test_eu_named_explicitly_is_the_directive_minimum(tmp_path: Path) -> None:
    # Directive 2011/7/EU art. 2(6): ECB rate 2.15 % + 8 = 10.15 %; art. 6: 40 €.
    p = project(jurisdiction="EU")
    charges = charges_for(p, invoice_state(p, 0, PAID_ON))
    assert charges.interest == Decimal("8.34") and charges.compensation == Decimal(40)
    text = VALID.replace("jurisdiction: FI", "jurisdiction: EU").replace(
        "  revision_rate: 80.00",
        "  revision_rate: 80.00\n  reminders:\n    - {after: 1, tone: friendly}\n"
        "    - {after: 10, tone: firm}",
    )
    text += "invoices:\n  - number: '7'\n    issued: 2026-01-02\n    amount: 1000.00\n"
    unpayable = load_project(write(tmp_path, text))
    with pytest.raises(InputError, match="says nowhere how to pay"):
        render_document(
            unpayable, "reminder-firm", formats=["md"], as_of=PAID_ON, params={"invoice": "7"}
        )
    # Finance Finland's documented test account: a letter asking for money says where it goes.
    text = text.replace(
        "  contact: Aino Test\n",
        "  contact: Aino Test\n  bank:\n    iban: FI2112345600000785\n    bic: NDEAFIHH\n",
        1,
    )
    loaded = load_project(write(tmp_path, text))
    out = render_document(
        loaded, "reminder-firm", formats=["md"], as_of=PAID_ON, params={"invoice": "7"}
    )
    reminder = out["md"].decode("utf-8")
    assert "minimum rate of the EU Late Payment Directive" in reminder
    assert "2011/7/EU, art. 2\\(6\\)" in reminder or "2011/7/EU, art. 2(6)" in reminder
    assert "art. 6" in reminder
    scope = render_document(loaded, "scope", formats=["md"], as_of=PAID_ON)["md"].decode("utf-8")
    assert "minimum rate of the EU Late Payment Directive" in scope


def test_rates_prints_every_table_with_source_and_known_until() -> None:
    result = CliRunner().invoke(cli, ["rates"])
    assert result.exit_code == 0, result.output
    for name in rate_tables():
        table = rate_table(name)
        assert f"{name}: {table.title}" in result.output
        assert f"known until: {table.known_until}" in result.output
    assert "FR (France): + 10 points" in result.output


def test_rates_for_one_country() -> None:
    result = CliRunner().invoke(cli, ["rates", "de"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("de_basiszinssatz: Basiszinssatz\n")
    assert "DE (Germany): + 9 points, BGB § 288 Abs. 2" in result.output
    assert "source: Deutsche Bundesbank" in result.output
    assert "known until: 2026-06-30" in result.output
    assert "from 2025-07-01    1.27 %" in result.output
    assert "eu_ecb" not in result.output
    unknown = CliRunner().invoke(cli, ["rates", "IT"])
    assert unknown.exit_code == 2 and "Traceback" not in unknown.output
    assert "no late-payment law file for IT; known: AT, DE" in unknown.output
