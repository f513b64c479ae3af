"""Rykkergebyrer and the kompensationsbeløb in the Danish sample, recomputed from its own data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import normalise
from inwriting.law.charges import charges_for
from inwriting.law.interest import rate_table
from inwriting.law.ledger import invoice_states
from inwriting.project.model import Payment
from inwriting.project.project_file import load_project
from inwriting.render.pipeline import render_document
from timeline import sent_on

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LOADED = load_project(SAMPLES / "havbrise-social.yaml")
FEE, COMPENSATION = Decimal(100), Decimal(310)  # renteloven § 9 b, stk. 2; § 9 a, stk. 3


def interest(number: str, on: dt.date) -> Decimal:
    """Simple interest at the reference rate + 8 points, from the day after the due date."""
    invoice = next(i for i in LOADED.project.invoices if i.number == number)
    state = next(s for s in invoice_states(LOADED.project, on) if s.invoice.number == number)
    table = rate_table("dk_referencesats")
    rate = next(p.rate for p in reversed(table.periods) if p.start <= on) + 8
    days = (on - state.due).days
    return (invoice.amount * rate / 100 * days / 365).quantize(Decimal("0.01"))


def owed(on: dt.date, fees: int, numbers: tuple[str, ...] = ("K-2026-094",)) -> str:
    """The total a letter of `on` asks, as Danish prints it: each invoice with its interest and
    one kompensationsbeløb, and `fees` reminder fees."""
    amounts = {i.number: i.amount for i in LOADED.project.invoices}
    total = sum((amounts[n] + interest(n, on) + COMPENSATION for n in numbers), start=FEE * fees)
    whole, cents = f"{total:.2f}".split(".")
    return f"{int(whole):,}".replace(",", ".") + f",{cents} kr."


def letter(kind: str, **params: object) -> str:
    on = sent_on("havbrise-social", kind.removeprefix("reminder-").replace("-", "_"))
    out = render_document(LOADED, kind, formats=["md"], as_of=on, params=params)
    return normalise(out["md"].decode())


BOTH = ("K-2026-094", "K-2026-107")


@pytest.mark.parametrize(
    ("kind", "fees", "numbers", "expected"),
    [
        # The friendly reminder of 10 October carries no fee, as it said ("hver yderligere
        # rykker"); each later letter carries one.
        ("reminder-firm", 1, ("K-2026-094",), "12.946,73 kr."),
        ("reminder-stop-work", 2, ("K-2026-094",), "13.080,12 kr."),
        # The third fee of the period of arrears; K-2026-107's reminders carry none.
        ("reminder-final", 3, BOTH, "26.070,25 kr."),
    ],
)
def test_each_letter_charges_the_fees_the_law_and_its_own_words_allow(
    kind: str, fees: int, numbers: tuple[str, ...], expected: str
) -> None:
    on = sent_on("havbrise-social", kind.removeprefix("reminder-").replace("-", "_"))
    assert owed(on, fees, numbers) == expected  # the reviewer's figure, recomputed
    assert f"**{expected}**" in letter(kind, invoice="K-2026-094")


def test_the_termination_claims_three_fees_and_one_compensation_per_invoice() -> None:
    text = letter("termination")
    ends = sent_on("havbrise-social", "ends")
    assert owed(ends, 3, BOTH) == "26.143,71 kr."
    assert "**26.143,71 kr.**" in text and "12.870,10 kr. på faktura K-2026-107" in text
    states = {s.invoice.number: s for s in invoice_states(LOADED.project, ends)}
    charges = {
        n: charges_for(LOADED.project, s, sending=False) for n, s in states.items() if n in BOTH
    }
    assert charges["K-2026-094"].fee_dates == (
        dt.date(2026, 10, 20),
        dt.date(2026, 10, 30),
        dt.date(2026, 11, 16),
    )
    assert charges["K-2026-107"].fee_count == 0
    # One kompensationsbeløb per invoice paid late, monthly ones too (C-585/20, BFF Finance).
    assert [c.compensation for c in charges.values()] == [COMPENSATION, COMPENSATION]


def test_a_new_period_of_arrears_has_its_own_three_fees() -> None:
    # Had K-2026-094 been paid on 5 November, K-2026-107's arrears from 10 November would be a
    # new period: the letter of 16 November then carries a fee for it.
    project = LOADED.project.model_copy(deep=True)
    invoice = next(i for i in project.invoices if i.number == "K-2026-094")
    invoice.payments.append(Payment.model_validate({"on": "2026-11-05", "amount": "12500"}))
    final = sent_on("havbrise-social", "final")
    state = next(s for s in invoice_states(project, final) if s.invoice.number == "K-2026-107")
    assert charges_for(project, state, sending=False).fee_dates == (final,)
    # In the sample as it is, the same letter's fee is the third of K-2026-094's period.
    state = next(
        s for s in invoice_states(LOADED.project, final) if s.invoice.number == "K-2026-107"
    )
    assert charges_for(LOADED.project, state, sending=False).fee_count == 0
