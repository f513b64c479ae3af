"""Contract penalties per day and per month (`late_interest: {rate: 0.1, per: day}`): read, printed
in the checklist as agreed, charged as simple interest per day, in every language."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.law.charges import charges_for, yearly_rate
from inwriting.law.ledger import due_date, invoice_state
from inwriting.project.model import PenaltyRate, Project
from inwriting.project.project_file import load_project
from inwriting.project.scope import round_money
from test_ledger import project

AS_OF = dt.date(2026, 11, 22)
RUSSIAN = SAMPLES / "severnyi-veter.yaml"  # a contract rate of its own; invoices late in autumn

SCOPE = {
    ("en", "day"): "Late payments carry interest at 0.1% per day of the amount overdue, as simple "
    "interest counted per day, from the day after the due date until paid.",
    ("en", "month"): "Late payments carry interest at 1.5% per month of the amount overdue, as "
    "simple interest counted per day, from the day after the due date until paid.",
    ("sv", "day"): "Vid sen betalning debiteras dröjsmålsränta med 0,1 % per dag på det förfallna "
    "beloppet (enkel ränta, beräknad per dag) från dagen efter förfallodagen till dess betalning "
    "sker.",
    ("sv", "month"): "Vid sen betalning debiteras dröjsmålsränta med 1,5 % per månad på det "
    "förfallna beloppet (enkel ränta, beräknad per dag) från dagen efter förfallodagen till dess "
    "betalning sker.",
    ("da", "day"): "Ved for sen betaling beregnes morarente på 0,1 % pr. dag af det forfaldne "
    "beløb (simpel rente, beregnet pr. dag) fra dagen efter forfaldsdatoen, indtil betaling sker.",
    ("da", "month"): "Ved for sen betaling beregnes morarente på 1,5 % pr. måned af det forfaldne "
    "beløb (simpel rente, beregnet pr. dag) fra dagen efter forfaldsdatoen, indtil betaling sker.",
    ("fi", "day"): "Viivästyneestä maksusta peritään viivästyskorkoa 0,1 % päivässä erääntyneestä "
    "määrästä (yksinkertaisena korkona päiväkohtaisesti laskettuna) eräpäivää seuraavasta "
    "päivästä maksupäivään asti.",
    ("fi", "month"): "Viivästyneestä maksusta peritään viivästyskorkoa 1,5 % kuukaudessa "
    "erääntyneestä määrästä (yksinkertaisena korkona päiväkohtaisesti laskettuna) eräpäivää "
    "seuraavasta päivästä maksupäivään asti.",
    ("ru", "day"): "За просрочку оплаты Заказчик уплачивает неустойку (пеню) в размере 0,1 % от "
    "неоплаченной суммы за каждый день просрочки, со дня, следующего за последним днем срока "
    "оплаты, по день фактической оплаты.",
    ("ru", "month"): "За просрочку оплаты Заказчик уплачивает неустойку (пеню) в размере 1,5 % от "
    "неоплаченной суммы за каждый месяц просрочки (начисляется за каждый день просрочки "
    "пропорционально), со дня, следующего за последним днем срока оплаты, по день фактической "
    "оплаты.",
}
ROW = {  # the first words of an interest line of the letter, rate and period as agreed
    ("en", "day"): "| Interest | 0.1% per day",
    ("en", "month"): "| Interest | 1.5% per month",
    ("sv", "day"): "| Dröjsmålsränta | 0,1 % per dag",
    ("sv", "month"): "| Dröjsmålsränta | 1,5 % per månad",
    ("da", "day"): "| Morarente | 0,1 % pr. dag",
    ("da", "month"): "| Morarente | 1,5 % pr. måned",
    ("fi", "day"): "| Viivästyskorko | 0,1 % päivässä",
    ("fi", "month"): "| Viivästyskorko | 1,5 % kuukaudessa",
    ("ru", "day"): "| Неустойка (пеня) | 0,1 % за каждый день просрочки",
    ("ru", "month"): "| Неустойка (пеня) | 1,5 % в месяц",
}
BASIS = {  # how the letter says it is counted
    ("en", "day"): "Interest is charged as agreed in our contract: 0.1% of the amount overdue for "
    "each day late",
    ("en", "month"): "Interest is charged as agreed in our contract: 1.5% a month, counted per day "
    "as 18% a year over 365 days",
    ("sv", "day"): "Dröjsmålsränta debiteras enligt vårt avtal med 0,1 % av det förfallna beloppet "
    "för varje dag",
    ("sv", "month"): "Dröjsmålsränta debiteras enligt vårt avtal med 1,5 % per månad, beräknad per "
    "dag som 18 % per år delat med 365",
    ("da", "day"): "Morarenten beregnes som aftalt i vores kontrakt med 0,1 % af det forfaldne "
    "beløb for hver dag",
    ("da", "month"): "Morarenten beregnes som aftalt i vores kontrakt med 1,5 % pr. måned, opgjort "
    "pr. dag som 18 % om året delt med 365",
    ("fi", "day"): "Viivästyskorko on sopimuksemme mukaisesti 0,1 % erääntyneestä määrästä "
    "kultakin päivältä",
    ("fi", "month"): "Viivästyskorko on sopimuksemme mukaisesti 1,5 % kuukaudessa, ja se lasketaan "
    "päiväkohtaisesti (18 % vuodessa jaettuna 365:llä)",
    ("ru", "day"): "В соответствии с договором (ст. 330 ГК РФ) начисляется неустойка (пеня) в "
    "размере 0,1 % от неоплаченной суммы за каждый день просрочки",
    ("ru", "month"): "В соответствии с договором (ст. 330 ГК РФ) начисляется неустойка (пеня) в "
    "размере 1,5 % в месяц, за каждый день просрочки из расчета 18 % годовых и 365 дней в году",
}
PENALTIES = {"day": "{rate: 0.1, per: day}", "month": "{rate: 1.5, per: month}"}


def with_penalty(sample: Path, per: str, folder: Path) -> Path:
    text = sample.read_text(encoding="utf-8")
    changed, count = re.subn(
        r"(?m)^  late_interest:.*$", f"  late_interest: {PENALTIES[per]}", text
    )
    assert count == 1
    path = folder / sample.name
    path.write_text(changed, encoding="utf-8")
    return path


def run(*args: str | Path) -> Result:
    return CliRunner(env={"INWRITING_SINGLE_PROCESS": "1"}).invoke(cli, [str(a) for a in args])


def flat(text: str) -> str:
    return " ".join(text.split())  # one space for every run of spaces, no-break ones too


def penalty_project(rate: str, per: str, jurisdiction: str = "FI") -> Project:
    data = project(jurisdiction=jurisdiction).model_dump(by_alias=True)
    data["terms"]["late_interest"] = {"rate": rate, "per": per}
    return Project.model_validate(data)


def test_a_rate_with_its_period_is_read_and_a_plain_number_stays_a_year() -> None:
    assert penalty_project("0.1", "day").terms.late_interest == PenaltyRate(
        rate=Decimal("0.1"), per="day"
    )
    assert project().terms.late_interest == "statutory"
    data = project().model_dump(by_alias=True)
    data["terms"]["late_interest"] = "12.5"
    assert Project.model_validate(data).terms.late_interest == Decimal("12.5")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{rate: 0.1, per: week}", "terms.late_interest.per: expected day, month or year"),
        ("{rate: 0.1}", "terms.late_interest.per: required field is missing"),
        ("{rate: 150, per: day}", "terms.late_interest.rate: a percentage must be from 0 to 100"),
        ("{rate: 0.1, per: day, from: 1}", "terms.late_interest.from: unknown field"),
    ],
)
def test_a_wrong_rate_with_its_period_is_one_message_at_its_line(
    value: str, message: str, tmp_path: Path
) -> None:
    text = RUSSIAN.read_text(encoding="utf-8")
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if ln.startswith("  late_interest"))
    path = tmp_path / "p.yaml"
    path.write_text(re.sub(r"(?m)^  late_interest:.*$", f"  late_interest: {value}", text))
    result = run("check", path)
    assert result.exit_code == 2, result.output
    assert f"{path}:{line}:" in result.output and message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("rate", "per"), [("0.1", "day"), ("1.5", "month"), ("12", "year")])
def test_simple_interest_per_day_from_the_agreed_rate(rate: str, per: str) -> None:
    # 1 000,00 € due 16 January 2026, unpaid on 1 March 2026: 44 days late (17 Jan–1 Mar).
    # Per day: 1000 × 0.1 % × 44 = 44.00. Per month: 1000 × 1.5 % × 12 / 365 × 44 = 21.70.
    p = penalty_project(rate, per, jurisdiction="RU")  # RU counts actual/actual: not for these
    state = invoice_state(p, 0, dt.date(2026, 3, 1))
    days = (dt.date(2026, 3, 1) - due_date(p.invoices[0], p)).days
    assert days == 44
    charges = charges_for(p, state)
    agreed = Decimal(rate)
    per_day = {"day": agreed / 100, "month": agreed * 12 / 100 / 365, "year": agreed / 100 / 365}
    assert charges.interest == round_money(Decimal(1000) * per_day[per] * days, "EUR")
    assert [x.rate for x in charges.periods] == [yearly_rate(agreed, per)]
    assert (charges.agreed_rate, charges.agreed_per) == (agreed, per)


def test_a_penalty_in_a_leap_year_is_still_the_agreed_rate_a_day() -> None:
    # Russian statutory interest counts 366 days in 2028; 0.1 % a day stays 0.1 % a day.
    data = penalty_project("0.1", "day", jurisdiction="RU").model_dump(by_alias=True)
    data["invoices"][0].update({"issued": "2028-01-02", "due": "2028-01-16"})
    p = Project.model_validate(data)
    charges = charges_for(p, invoice_state(p, 0, dt.date(2028, 3, 1)))
    days = (dt.date(2028, 3, 1) - due_date(p.invoices[0], p)).days
    assert charges.interest == Decimal(1000) * Decimal("0.001") * days


@pytest.mark.parametrize(("jurisdiction", "says"), [("RU", "ГК РФ ст. 333"), ("US", "usury")])
def test_where_the_law_may_cut_an_agreed_rate_the_terminal_says_so(
    jurisdiction: str, says: str
) -> None:
    p = penalty_project("0.1", "day", jurisdiction=jurisdiction)
    notes = charges_for(p, invoice_state(p, 0, dt.date(2026, 3, 1))).notes
    assert any(says in note for note in notes), notes


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi", "ru"])
@pytest.mark.parametrize("per", ["day", "month"])
def test_the_checklist_prints_the_penalty_as_agreed(
    language: str, per: str, tmp_path: Path
) -> None:
    path = with_penalty(RUSSIAN, per, tmp_path)
    out = tmp_path / "out"
    result = run("scope", path, "--format", "md", "--lang", language, "--out", out)
    assert result.exit_code == 0, result.output
    text = flat(next(out.glob("*.md")).read_text(encoding="utf-8"))
    assert SCOPE[(language, per)] in text


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi", "ru"])
@pytest.mark.parametrize("per", ["day", "month"])
def test_the_letter_charges_the_penalty_per_day(language: str, per: str, tmp_path: Path) -> None:
    path = with_penalty(RUSSIAN, per, tmp_path)
    out = tmp_path / "out"
    args = ["nudge", path, "--tone", "final", "--format", "md", "--lang", language]
    result = run(*args, "--as-of", AS_OF.isoformat(), "--out", out)
    assert result.exit_code == 0, result.output
    letter = flat(next(out.glob("*final*.md")).read_text(encoding="utf-8"))
    assert ROW[(language, per)] in letter
    assert BASIS[(language, per)] in letter
    # Every interest line's amount, recomputed from its principal, days and the agreed rate.
    loaded = load_project(path)
    agreed = {"day": Decimal("0.1") / 100, "month": Decimal("1.5") * 12 / 100 / 365}[per]
    for index, invoice in enumerate(loaded.project.invoices):
        state = invoice_state(loaded.project, index, AS_OF)
        for line in charges_for(loaded.project, state).periods:
            expected = round_money(line.principal * agreed * line.days, "RUB")
            assert round_money(line.amount, "RUB") == expected, invoice.number


def test_the_russian_letter_amounts_as_printed(tmp_path: Path) -> None:
    path = with_penalty(RUSSIAN, "day", tmp_path)
    out = tmp_path / "out"
    run("nudge", path, "--tone", "final", "--format", "md", "--as-of", AS_OF, "--out", out)
    letter = flat(next(out.glob("*final*.md")).read_text(encoding="utf-8"))
    loaded = load_project(path)
    states = [invoice_state(loaded.project, i, AS_OF) for i in range(len(loaded.project.invoices))]
    line = next(p for state in states for p in charges_for(loaded.project, state).periods)
    amount = round_money(line.principal * Decimal("0.001") * line.days, "RUB")
    printed = f"{amount:,.2f}".replace(",", " ").replace(".", ",")
    assert f"за {line.days} дн" in letter and f"| {printed} ₽ |" in letter
