"""Interest, compensation and fees: properties, and worked examples per jurisdiction.

Each worked example is computed by hand in its comment, from the rule and rate it cites.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from inwriting.law.charges import LastRate, charges_for
from inwriting.law.interest import FixedRate, StatutoryRate, interest_periods, law_for, rate_table
from inwriting.law.ledger import invoice_state
from inwriting.law.rate_sources import RateUnknown, accept_last_rate
from inwriting.project.model import Payment, Project, Signoff
from inwriting.project.scope import round_money
from test_ledger import project

D = dt.date
DUE = D(2026, 1, 16)  # the due date of test_ledger.project()'s invoice


def exact(periods: list) -> Decimal:  # type: ignore[type-arg]
    return sum((p.amount for p in periods), start=Decimal(0))


days = st.integers(min_value=-30, max_value=800)


@settings(max_examples=60, deadline=None)
@given(offset=st.integers(min_value=-30, max_value=0))
def test_no_interest_on_or_before_the_due_date(offset: int) -> None:
    state = invoice_state(project(), 0, DUE + dt.timedelta(days=offset))
    assert interest_periods(state, FixedRate(Decimal(18))) == []


@settings(max_examples=60, deadline=None)
@given(first=days, more=st.integers(min_value=0, max_value=400))
def test_interest_never_decreases_with_days(first: int, more: int) -> None:
    p = project(jurisdiction="FI")
    rate = StatutoryRate(rate_table("fi_viitekorko"), Decimal(8))
    earlier = invoice_state(p, 0, DUE + dt.timedelta(days=first))
    later = invoice_state(p, 0, DUE + dt.timedelta(days=first + more))
    assert exact(interest_periods(later, rate)) >= exact(interest_periods(earlier, rate))


@settings(max_examples=60, deadline=None)
@given(length=st.integers(min_value=1, max_value=700))
def test_split_at_a_rate_change_equals_the_sum_of_its_parts(length: int) -> None:
    # Across 2026-07-01 the Swedish reference rate is a new half-year: the periods either side
    # add up to one period computed day by day.
    p = project(jurisdiction="SE")
    rate = StatutoryRate(rate_table("se_referensranta"), Decimal(8))
    state = invoice_state(p, 0, DUE + dt.timedelta(days=length))
    periods = interest_periods(state, rate)
    by_day = sum(
        (
            Decimal(1000) * rate(DUE + dt.timedelta(days=n)) / 100 / 365
            for n in range(1, length + 1)
        ),
        start=Decimal(0),
    )
    assert abs(exact(periods) - by_day) < Decimal("1e-20")
    assert sum(p.days for p in periods) == length


def test_finland_worked_example() -> None:
    # 1 000,00 € due 16.1.2026, 30 days late on 15.2.2026. Korkolaki 4 a §: viitekorko 2,5 %
    # (Suomen Pankki, 1.1.–30.6.2026) + 8 = 10,5 %. 1000 × 10,5 % × 30 / 365 = 8,6301… → 8,63 €.
    # Fixed compensation 40 € (perintälaki 10 e §).
    charges = charges_for(
        project(jurisdiction="FI"), invoice_state(project(jurisdiction="FI"), 0, D(2026, 2, 15))
    )
    assert charges.interest == Decimal("8.63")
    assert [p.rate for p in charges.periods] == [Decimal("10.5")]
    assert charges.compensation == Decimal(40)
    assert charges.total == Decimal("1048.63")


def test_uk_rate_is_fixed_for_the_whole_debt() -> None:
    # Due 20.12.2025; interest starts 21.12.2025, in the half-year whose reference rate is the
    # Bank Rate on 30.6.2025: 4.25 %, so 12.25 % for the whole debt (SI 2002/1675 art. 4),
    # even after 1.1.2026 when the reference becomes 3.75 %. £1,000 × 12.25 % × 60 / 365
    # = 20.1369… → £20.14. Compensation: £70 for a debt from £1,000 to £9,999.99 (s. 5A).
    p = project(jurisdiction="GB").model_copy(update={"currency": "GBP"})
    invoice = p.invoices[0].model_copy(update={"issued": D(2025, 12, 6), "due": D(2025, 12, 20)})
    p = p.model_copy(update={"invoices": [invoice]})
    charges = charges_for(p, invoice_state(p, 0, D(2026, 2, 18)))
    assert [period.rate for period in charges.periods] == [Decimal("12.25")]
    assert charges.interest == Decimal("20.14")
    assert charges.compensation == Decimal(70)


def test_russia_splits_at_each_key_rate_change_and_year() -> None:
    # ГК РФ ст. 395: the key rate of each period, days of the actual year. 100 000 ₽ due
    # 15.12.2025, on 20.02.2026: 16.12–21.12 at 16.5 % (6 days) = 271.2329;
    # 22.12–31.12 at 16 % (10 days, /365) = 438.3562; 01.01–15.02 at 16 % (46 days) = 2016.4384;
    # 16.02–20.02 at 15.5 % (5 days) = 212.3288. Sum 2938.3562… → 2 938.36 ₽.
    p = project(jurisdiction="RU").model_copy(update={"currency": "RUB"})
    invoice = p.invoices[0].model_copy(
        update={"issued": D(2025, 12, 1), "due": D(2025, 12, 15), "amount": Decimal(100000)}
    )
    p = p.model_copy(update={"invoices": [invoice]})
    charges = charges_for(p, invoice_state(p, 0, D(2026, 2, 20)))
    assert [(x.first, x.days, x.rate) for x in charges.periods] == [
        (D(2025, 12, 16), 6, Decimal("16.50")),
        (D(2025, 12, 22), 10, Decimal("16.00")),
        (D(2026, 1, 1), 46, Decimal("16.00")),
        (D(2026, 2, 16), 5, Decimal("15.50")),
    ]
    assert charges.interest == Decimal("2938.36")
    assert charges.compensation == 0


def test_partial_payment_splits_the_interest() -> None:
    # 1000 € at 18 % a year (agreed): 10 days on 1000 (17.1.–26.1.) = 4.9315…, then 400 paid
    # on 26.1.: 10 days on 600 (27.1.–5.2.) = 2.9589… Total 7.8904… → 7.89 €.
    p = project(payments=[("2026-01-26", "400.00")]).model_copy()
    p = p.model_copy(update={"terms": p.terms.model_copy(update={"late_interest": Decimal(18)})})
    charges = charges_for(p, invoice_state(p, 0, D(2026, 2, 5)))
    assert [(x.principal, x.days) for x in charges.periods] == [
        (Decimal("1000.00"), 10),
        (Decimal("600.00"), 10),
    ]
    assert charges.interest == Decimal("7.89")
    assert charges.interest_kind == "contract"
    assert charges.compensation == 0  # the fixed sum goes with the statutory regime only


def test_sweden_reminder_fee_is_capped_and_covered_by_the_compensation() -> None:
    # Agreed fee 100 kr > the 60 kr cap (lag 1981:739 2 §, förordning 1981:1057); one reminder
    # of 60 kr is less than the 450 kr förseningsersättning it counts against: no fee on top.
    p = signed(project(jurisdiction="SE", fee="100").model_copy(update={"currency": "SEK"}))
    charges = charges_for(p, invoice_state(p, 0, D(2026, 2, 5)))
    assert charges.compensation == Decimal(450)
    assert charges.fees == 0
    assert any("lowered to the legal maximum of 60" in note for note in charges.notes)
    assert any("covered by the fixed compensation" in note for note in charges.notes)


def signed(p: Project) -> Project:
    """The project with a signed checklist, which is how a reminder fee is shown agreed."""
    return p.model_copy(update={"signoff": Signoff.model_validate({"signed_on": "2026-01-02"})})


def test_sweden_charges_no_reminder_fee_unless_the_signed_checklist_agreed_it() -> None:
    # Lag (1981:739) 2 §: påminnelseavgift only where agreed; the signed checklist shows it.
    p = project(jurisdiction="SE", fee="50").model_copy(update={"currency": "SEK"})
    unsigned = charges_for(p, invoice_state(p, 0, D(2026, 2, 5)))
    assert unsigned.fee_count == 0
    assert any("allows one only where it was agreed" in note for note in unsigned.notes)
    # Signed, the 50 kr fee is agreed (and here still covered by the 450 kr compensation).
    agreed = charges_for(signed(p), invoice_state(signed(p), 0, D(2026, 2, 5)))
    assert not any("only where it was agreed" in note for note in agreed.notes)


def test_no_fee_for_a_reminder_sent_before_the_due_date() -> None:
    # Due 2026-01-16: a "reminder" of 2026-01-10 came before the debt was late; no fee for it.
    sent = [("2026-01-10", "friendly"), ("2026-01-20", "firm")]
    p = project(jurisdiction="US", fee="25", sent=sent).model_copy(update={"currency": "USD"})
    charges = charges_for(p, invoice_state(p, 0, D(2026, 2, 25)), sending=False)
    assert (charges.fee_each, charges.fee_count) == (Decimal(25), 1)


def test_denmark_counts_only_fee_bearing_letters_ten_days_apart() -> None:
    # Renteloven § 9 b, stk. 1: a fee-bearing rykker at least 10 days after the previous one,
    # whether recorded or sent by hand today: 17 Jan counts, 20 Jan (3 days) does not,
    # 27 Jan counts, and today's 2 Feb (6 days after) does not.
    sent = [("2026-01-17", "friendly"), ("2026-01-20", "firm"), ("2026-01-27", "firm")]
    p = project(jurisdiction="DK", fee="100", sent=sent).model_copy(update={"currency": "DKK"})
    charges = charges_for(p, invoice_state(p, 0, D(2026, 2, 2)))
    assert (charges.fee_each, charges.fee_count) == (Decimal(100), 2)


@settings(max_examples=60, deadline=None)
@given(
    days=st.integers(min_value=1, max_value=900),
    cents=st.integers(min_value=1, max_value=10**9),
    paid_share=st.integers(min_value=0, max_value=90),
)
def test_the_interest_total_is_the_sum_of_its_printed_lines(
    days: int, cents: int, paid_share: int
) -> None:
    # Every period line is printed rounded; the total printed under them must be their sum.
    amount = Decimal(cents) / 100
    p = project(jurisdiction="FI")
    paid = (amount * paid_share / 100).quantize(Decimal("0.01"))
    payments = [Payment.model_validate({"on": "2026-03-01", "amount": str(paid)})] if paid else []
    invoice = p.invoices[0].model_copy(update={"amount": amount, "payments": payments})
    p = p.model_copy(update={"invoices": [invoice]})
    state = invoice_state(p, 0, D(2026, 1, 16) + dt.timedelta(days=days))
    charges = charges_for(p, state)
    lines = [round_money(period.amount, "EUR") for period in charges.periods]
    assert charges.interest == sum(lines, start=Decimal(0))
    assert (
        charges.total == state.outstanding + charges.interest + charges.compensation + charges.fees
    )


def test_denmark_fees_come_on_top_at_most_three() -> None:
    # Renteloven § 9 b: at most 100 kr a reminder and at most 3; § 9 a: 310 kr on top.
    sent = [("2026-01-17", "friendly"), ("2026-01-27", "firm"), ("2026-02-07", "stop_work")]
    p = project(jurisdiction="DK", fee="100", sent=sent).model_copy(update={"currency": "DKK"})
    charges = charges_for(p, invoice_state(p, 0, D(2026, 2, 25)))
    assert (charges.fee_each, charges.fee_count, charges.fees) == (Decimal(100), 3, Decimal(300))
    assert charges.compensation == Decimal(310)


def test_us_has_no_statutory_interest() -> None:
    p = project(jurisdiction="US").model_copy(update={"currency": "USD"})
    charges = charges_for(p, invoice_state(p, 0, D(2026, 2, 25)))
    assert charges.interest == 0 and charges.periods == ()
    assert any(
        "no statutory late-payment interest is known for US" in note for note in charges.notes
    )
    assert law_for("US") is not None and law_for("IT") is None  # no silent EU default


def test_past_the_rate_table_is_refused_unless_accepted_and_the_project_file_extends_it() -> None:
    p = project(jurisdiction="FI")
    late = invoice_state(p, 0, D(2026, 8, 1))
    accept_last_rate(False)
    with pytest.raises(RateUnknown, match="viitekorko for 1 July–1 August 2026"):
        charges_for(p, late)
    accept_last_rate(True)  # --last-rate: the last published rate, and the letter says so
    assert charges_for(p, late).last_rate == LastRate(
        "viitekorko", Decimal("2.5"), D(2026, 1, 1), D(2026, 6, 30)
    )
    accept_last_rate(False)
    data = p.model_dump(by_alias=True)
    data["reference_rates"] = {
        "fi_viitekorko": {
            "known_until": "2026-12-31",
            "periods": [{"from": "2026-07-01", "rate": "3.0"}],
        }
    }
    extended = type(p).model_validate(data)
    charges = charges_for(extended, invoice_state(extended, 0, D(2026, 8, 1)))
    assert charges.last_rate is None
    assert [x.rate for x in charges.periods] == [Decimal("10.5"), Decimal("11.0")]


def test_eu_directive_minimum_where_the_file_names_it() -> None:
    # jurisdiction: EU: Directive 2011/7/EU applies, ECB rate on 1.1.2026 2.15 %
    # + 8 = 10.15 %. 1 000,00 € × 10.15 % × 30 / 365 = 8.3424… → 8.34 €; €40 (Art. 6).
    p = project(jurisdiction="EU")
    charges = charges_for(p, invoice_state(p, 0, D(2026, 2, 15)))
    assert [x.rate for x in charges.periods] == [Decimal("10.15")]
    assert charges.interest == Decimal("8.34")
    assert charges.compensation == Decimal(40)
    assert charges.interest_source and "2011/7/EU" in charges.interest_source
