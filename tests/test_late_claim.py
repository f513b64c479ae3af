"""The late-payment claim: an invoice paid in full after its due date still owes the interest
until the day it was paid and the fixed compensation; `nudge --claim` writes it, once."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import SAMPLES
from inwriting.cli import cli
from inwriting.law.interest import rate_table
from inwriting.project.project_file import load_project

AS_OF = "2026-11-22"
SWEDISH = SAMPLES / "tallbacken-bageri.yaml"
# Invoice 2026-052: 13 500,00 kr issued 14 September 2026 on 30 days' terms, so due 14 October
# (a Wednesday); 6 000,00 paid on 2 November. The test adds the rest, 7 500,00, on 10 November.
PAID_ON = dt.date(2026, 11, 10)
TITLES = {
    "en": "Late payment of invoice 2026-052: interest and compensation",
    "sv": "Sen betalning av faktura 2026-052: dröjsmålsränta och förseningsersättning",
    "da": "For sen betaling af faktura 2026-052: morarente og kompensation",
    "fi": "Laskun 2026-052 myöhästynyt maksu: viivästyskorko ja perintäkulujen korvaus",
    "ru": "Требование об уплате процентов за просрочку оплаты счета № 2026-052",
}
TOTAL_LABEL = {
    "en": "Total claimed",
    "sv": "Totalt att betala",
    "da": "I alt til betaling",
    "fi": "Maksettava yhteensä",
    "ru": "Итого к оплате",
}


def paid_late(folder: Path) -> Path:
    text = SWEDISH.read_text(encoding="utf-8")
    old = "      - {on: 2026-11-02, amount: 6000.00}\n"
    assert text.count(old) == 1
    path = folder / SWEDISH.name
    path.write_text(
        text.replace(old, old + f"      - {{on: {PAID_ON}, amount: 7500.00}}\n"), encoding="utf-8"
    )
    return path


def run(*args: str | Path) -> Result:
    return CliRunner(env={"INWRITING_SINGLE_PROCESS": "1"}).invoke(cli, [str(a) for a in args])


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def expected_claim(path: Path) -> tuple[list[Decimal], Decimal]:
    """The interest lines and the total, worked out here from the dates and the rate table:
    10 % a year (referensränta 2 % + 8, räntelagen 6 §), actual/365, from the day after the due
    date; 13 500 kr until the part payment of 2 November, 7 500 kr until 10 November inclusive;
    plus the förseningsersättning of 450 kr (lag 1981:739, 4 a §)."""
    invoice = load_project(path).project.invoices[1]
    due = invoice.issued + dt.timedelta(days=30)
    assert due == dt.date(2026, 10, 14) and due.weekday() < 5  # a business day: not moved
    rate = rate_table("se_referensranta").rate_on(due) + 8
    spans = [(due + dt.timedelta(days=1), dt.date(2026, 11, 2), Decimal("13500"))]
    spans.append((dt.date(2026, 11, 3), PAID_ON, Decimal("7500")))
    lines = [
        cents(principal * rate / 100 * ((last - first).days + 1) / 365)
        for first, last, principal in spans
    ]
    return lines, sum(lines, start=Decimal(0)) + Decimal(450)


def digits(amount: Decimal) -> str:
    return f"{amount:.2f}".replace(".", "")


@pytest.mark.parametrize("language", sorted(TITLES))
def test_the_claim_in_every_language(language: str, tmp_path: Path) -> None:
    path = paid_late(tmp_path)
    out = tmp_path / "out"
    result = run(
        "nudge", path, "--claim", "2026-052", "--as-of", AS_OF, "--out", out, "--format", "md",
        "--lang", language,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines, total = expected_claim(path)
    assert f"late-payment claim of {total:,.2f} SEK" in result.output
    letter = next(out.glob("*late-claim-2026-052*.md")).read_text(encoding="utf-8")
    assert TITLES[language] in letter.replace("\u00a0", " ")  # ru: a no-break space after №
    rows = [row for row in letter.splitlines() if row.startswith("|") and row.count("|") >= 4]
    amounts = [re.sub(r"\D", "", row.rsplit("|", 2)[-2]) for row in rows]
    for line in lines:
        assert digits(line) in amounts, (line, letter)
    total_row = next(row for row in letter.splitlines() if TOTAL_LABEL[language] in row)
    assert re.sub(r"\D", "", total_row) == digits(total)
    assert "27" in letter  # days late: 10 November less 14 October


def test_the_claim_is_written_once(tmp_path: Path) -> None:
    path = paid_late(tmp_path)
    out = tmp_path / "out"
    args = ["nudge", path, "--claim", "2026-052", "--out", out, "--format", "md"]
    first = run(*args, "--as-of", AS_OF, "--record")
    assert first.exit_code == 0, first.output
    assert "recorded  late-payment claim on 2026-11-22 for invoice 2026-052" in first.output
    assert load_project(path).project.invoices[1].claimed_on == dt.date(2026, 11, 22)
    again = run(*args, "--as-of", "2026-11-25", "--out", tmp_path / "again")
    assert again.exit_code == 2, again.output
    assert "a late-payment claim was sent on 2026-11-22 (claimed_on); it is claimed once" in (
        again.output
    )
    assert not (tmp_path / "again").exists()


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("2026-063", "is not paid in full on 2026-11-22"),
        ("2026-041", "nothing to claim: it was paid on time"),
        ("2026-999", "no invoice '2026-999' in the project"),
    ],
)
def test_nothing_to_claim_is_exit_2_and_says_why(number: str, why: str, tmp_path: Path) -> None:
    path = paid_late(tmp_path)
    out = tmp_path / "out"
    result = run("nudge", path, "--claim", number, "--as-of", AS_OF, "--out", out)
    assert result.exit_code == 2, result.output
    assert why in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_the_agenda_lists_the_claim_until_it_is_recorded(tmp_path: Path) -> None:
    path = paid_late(tmp_path)
    listed = run("due", path, "--as-of", AS_OF, "--json")
    items = json.loads(listed.output[listed.output.index("[") :])
    claims = [item for item in items if item["kind"] == "claim"]
    _, total = expected_claim(path)
    assert claims == [
        {
            "file": str(path),
            "project": "TBK-2026-01",
            "client": "Tallbackens Bageri AB",
            "kind": "claim",
            "what": "late-payment claim, invoice 2026-052 (paid 27 days late)",
            "days": 27,
            "amount": f"{total:.2f}",
            "currency": "SEK",
            "document": "late-claim",
            "params": {"invoice": "2026-052"},
        }
    ]
    rendered = run("due", path, "--as-of", AS_OF, "--render", "--out", tmp_path / "out")
    assert (tmp_path / "out" / "TBK-2026-01-late-claim-2026-052.pdf").is_file(), rendered.output
    run("nudge", path, "--claim", "2026-052", "--as-of", AS_OF, "--out", tmp_path / "o", "--record")
    after = run("due", path, "--as-of", AS_OF, "--json")
    assert '"kind": "claim"' not in after.output


def test_a_contract_rate_is_claimed_without_the_statutory_sum(tmp_path: Path) -> None:
    path = paid_late(tmp_path)
    text = re.sub(
        r"(?m)^  late_interest:.*$", "  late_interest: {rate: 0.1, per: day}", path.read_text()
    )
    if "late_interest:" not in text:
        text = text.replace("\nterms:\n", "\nterms:\n  late_interest: {rate: 0.1, per: day}\n", 1)
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run(
        "nudge", path, "--claim", "2026-052", "--as-of", AS_OF, "--out", out, "--format", "md"
    )
    assert result.exit_code == 0, result.output
    # 0.1 % a day: 13 500 × 19 days + 7 500 × 8 days, no förseningsersättning (contract terms).
    total = cents(Decimal("13500") * Decimal("0.001") * 19) + cents(
        Decimal("7500") * Decimal("0.001") * 8
    )
    letter = next(out.glob("*late-claim*.md")).read_text(encoding="utf-8")
    assert "Förseningsersättning" not in letter
    assert "Enligt vårt avtal ska dröjsmålsränta betalas för varje dag av dröjsmålet" in letter
    total_row = next(row for row in letter.splitlines() if "Totalt att betala" in row)
    assert re.sub(r"\D", "", total_row) == digits(total)
