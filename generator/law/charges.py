"""What a late invoice costs on a date: interest, fixed compensation and reminder fees, each
with the basis a reminder must state, and never more than the law allows."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..project.model import PenaltyRate, Project, ReminderSent
from ..project.scope import round_money
from .interest import (
    FixedRate,
    InterestPeriod,
    Law,
    RatePeriod,
    RateTable,
    ReminderFeeRule,
    StatutoryRate,
    interest_periods,
    law_for,
)
from .interest import rate_table as load_rate_table
from .ledger import InvoiceState, invoice_state
from .rate_sources import RateUnknown, last_rate_accepted, unknown_rate_message, user_rates


@dataclass(frozen=True)
class LastRate:
    """The last published reference rate, used (with --last-rate) for days past the table."""

    title: str
    rate: Decimal  # the reference rate, without the margin
    since: dt.date  # the day it took effect
    known_until: dt.date


@dataclass(frozen=True)
class Charges:
    """Everything added to an overdue invoice on `state.as_of`, and why."""

    state: InvoiceState
    interest_kind: str  # "statutory", "contract" or "none"
    periods: tuple[InterestPeriod, ...]
    interest: Decimal
    reference_title: str | None
    margin: Decimal | None
    interest_source: str | None
    compensation: Decimal
    compensation_source: str | None
    fee_each: Decimal
    fee_count: int
    fee_source: str | None
    notes: tuple[str, ...] = field(default=())
    # The days of the letters whose fee this invoice carries (`state.as_of` for the one being
    # sent), so a letter names exactly the reminders it charges for.
    fee_dates: tuple[dt.date, ...] = field(default=())
    last_rate: LastRate | None = None  # --last-rate stood in for rates not yet published
    agreed_rate: Decimal | None = None  # a contract rate as agreed: percent per `agreed_per`
    agreed_per: str = "year"

    @property
    def fees(self) -> Decimal:
        return self.fee_each * self.fee_count

    @property
    def total(self) -> Decimal:
        return self.state.outstanding + self.interest + self.compensation + self.fees


def charges_for(project: Project, state: InvoiceState, *, sending: bool = True) -> Charges:
    """Charges on an invoice; `sending` counts the reminder about to be sent among the fees."""
    law = law_for(project.jurisdiction)
    notes: list[str] = []
    kind, periods, reference, margin, source, last_rate = _interest(project, state, law, notes)
    # Each period is printed as its own line, rounded: the total is the sum of those lines, so
    # no table is a cent off its own lines.
    interest = sum((round_money(p.amount, project.currency) for p in periods), start=Decimal(0))
    compensation, compensation_source = _compensation(project, state, law, kind, notes)
    fee_each, fee_dates, fee_source = _fees(project, state, law, sending, notes)
    fee_count = len(fee_dates)
    setting = project.terms.late_interest
    agreed = agreed_rate(setting) if kind == "contract" and not isinstance(setting, str) else None
    fee_rule = law.reminder_fee if law else None
    if fee_rule and fee_rule.counts_against_compensation and compensation > 0 and fee_count:
        # The fixed sum already covers the costs of reminding: only fees beyond it are owed.
        beyond = fee_each * fee_count - compensation
        if beyond <= 0:
            notes.append(
                "reminder fees are covered by the fixed compensation for invoice "
                f"{state.invoice.number}"
            )
            fee_each, fee_count, fee_source, fee_dates = Decimal(0), 0, None, ()
        else:
            fee_each, fee_count, fee_dates = beyond, 1, ()
    return Charges(
        state=state,
        interest_kind=kind,
        periods=tuple(periods),
        interest=interest,
        reference_title=reference,
        margin=margin,
        interest_source=source,
        compensation=compensation,
        compensation_source=compensation_source,
        fee_each=fee_each,
        fee_count=fee_count,
        fee_source=fee_source,
        notes=tuple(notes),
        fee_dates=fee_dates,
        last_rate=last_rate,
        agreed_rate=agreed[0] if agreed else None,
        agreed_per=agreed[1] if agreed else "year",
    )


def _interest(
    project: Project, state: InvoiceState, law: Law | None, notes: list[str]
) -> tuple[str, list[InterestPeriod], str | None, Decimal | None, str | None, LastRate | None]:
    setting = project.terms.late_interest
    if state.days_overdue == 0 or setting == "none":
        return "none", [], None, None, None, None
    day_count = law.interest.day_count if law and law.interest else "actual/365"
    if not isinstance(setting, str):
        agreed, per = agreed_rate(setting)
        if agreed == 0:
            return "none", [], None, None, None, None
        if per != "year":
            # A rate per day or per month is simple interest per calendar day (yearly
            # equivalent over 365 days), whatever the law's own day count.
            day_count = "actual/365"
            _penalty_notes(project, setting, notes)
        periods = interest_periods(state, FixedRate(yearly_rate(agreed, per)), day_count=day_count)
        return "contract", periods, None, None, None, None
    rule = law.interest if law is not None else None
    reference = rule.reference if rule is not None else None
    if rule is None or reference is None:
        where = project.jurisdiction or "no jurisdiction"
        notes.append(f"no statutory late-payment interest is known for {where}; none is charged")
        return "none", [], None, None, None, None
    table = rate_table_for(project, reference)
    first_day = state.due + dt.timedelta(days=1)
    if first_day < table.known_from:
        notes.append(
            f"reference rate table {table.name} starts on {table.known_from}; add earlier rates "
            f"under reference_rates to charge statutory interest on invoice {state.invoice.number}"
        )
        return "none", [], None, None, None, None
    # UK: the rate of the half-year in which interest starts to run, for the whole debt.
    fixed_from = first_day if rule.fixed_for_debt else None
    rate = StatutoryRate(table, rule.margin, fixed_from=fixed_from)
    periods = interest_periods(state, rate, day_count=day_count)
    last_rate = _beyond_table(table, periods, fixed_from)
    return "statutory", periods, table.title, rule.margin, rule.source, last_rate


@dataclass(frozen=True)
class LateClaim:
    """What an invoice paid in full after its due date still owes: the interest accrued until
    the day it was paid (its last payment) and the fixed compensation where the law grants it."""

    state: InvoiceState  # the invoice on the day it was paid in full, before that payment
    paid_on: dt.date
    charges: Charges  # interest until `paid_on`, compensation; no reminder fees

    @property
    def days_late(self) -> int:
        return (self.paid_on - self.state.due).days

    @property
    def total(self) -> Decimal:
        return self.charges.interest + self.charges.compensation


def late_claim(project: Project, state: InvoiceState) -> LateClaim | None:
    """The claim on an invoice paid in full late, as of `state.as_of`; None when it is unpaid,
    was paid on time, or nothing is owed for the delay (no interest agreed, and no fixed sum)."""
    if state.outstanding > 0 or not state.payments:
        return None
    paid_on = state.payments[-1][0]
    if paid_on <= state.due:
        return None
    # The day of the last payment, with that payment not yet counted: interest runs up to and
    # including the day of payment (interest_periods), and what was owed then is the principal.
    before = sum((amount for on, amount in state.payments if on < paid_on), start=Decimal(0))
    at_payment = dataclasses.replace(state, as_of=paid_on, paid=before)
    charges = dataclasses.replace(
        charges_for(project, at_payment, sending=False),
        fee_each=Decimal(0),
        fee_count=0,
        fee_dates=(),
    )
    charges = dataclasses.replace(charges, fee_source=None)
    claim = LateClaim(at_payment, paid_on, charges)
    return claim if claim.total > 0 else None


def agreed_rate(setting: Decimal | PenaltyRate) -> tuple[Decimal, str]:
    """The contract rate and its period: a plain number is percent a year."""
    if isinstance(setting, PenaltyRate):
        return setting.rate, setting.per
    return setting, "year"


def yearly_rate(rate: Decimal, per: str) -> Decimal:
    """The yearly percentage that gives, per day over a 365-day year, the agreed simple interest:
    `rate` % a day is rate × 365 a year; `rate` % a month is rate × 12 a year (so rate × 12 / 365
    a day, the convention docs/late-payment.md gives)."""
    return rate * {"day": 365, "month": 12, "year": 1}[per]


def _penalty_notes(project: Project, setting: object, notes: list[str]) -> None:
    # What the law may do to an agreed rate; the tool charges it as agreed and says so here.
    where = {
        "RU": "a court may reduce a contract penalty (неустойка) that is clearly "
        "disproportionate to the breach (ГК РФ ст. 333; between businesses only on the debtor's "
        "application and in exceptional cases)",
        "US": "state usury laws may cap an agreed late-payment rate; inwriting does not check them",
    }.get(project.jurisdiction or "")
    if where:
        notes.append(f"late_interest {setting}: {where}")


def rate_table_for(project: Project, name: str) -> RateTable:
    """A shipped table with the user's rates file and then the project file's periods added
    (the project file wins on the same day)."""
    table = shipped_and_user_table(name)
    override = project.reference_rates.get(name)
    if override is not None:
        periods = tuple(RatePeriod(p.start, p.rate) for p in override.periods)
        table = table.extended(periods, override.known_until)
    return table


def shipped_and_user_table(name: str) -> RateTable:
    """A shipped table with the periods of the user's rates file added."""
    table = load_rate_table(name)
    user = user_rates().tables.get(name)
    if user is not None:
        known_until, given = user
        periods = tuple(RatePeriod(start, rate) for start, rate in given)
        table = table.extended(periods, known_until, origin=f"the rates file {user_rates().path}")
    return table


def _beyond_table(
    table: RateTable, periods: list[InterestPeriod], fixed_from: dt.date | None
) -> LastRate | None:
    """None when every day's rate is known; with --last-rate, the rate standing in for the
    rest; otherwise RateUnknown: a statutory rate is never guessed silently."""
    if not periods:
        return None
    # A rate fixed for the whole debt (GB) is read on one day only.
    needed = fixed_from if fixed_from is not None else max(p.last for p in periods)
    if needed <= table.known_until:
        return None
    last = table.periods[-1]
    if not last_rate_accepted():
        first = max(table.known_until + dt.timedelta(days=1), periods[0].first)
        raise RateUnknown(
            unknown_rate_message(
                table.title, table.name, first, needed, table.known_until, last.rate
            )
        )
    return LastRate(table.title, last.rate, last.start, table.known_until)


def _compensation(
    project: Project, state: InvoiceState, law: Law | None, kind: str, notes: list[str]
) -> tuple[Decimal, str | None]:
    # The law's fixed sum for recovery costs goes with the statutory regime the checklist
    # names; a contract rate or "none" means the parties agreed their own terms.
    if kind != "statutory" or law is None or law.compensation is None:
        return Decimal(0), None
    rule = law.compensation
    if rule.currency != project.currency:
        notes.append(
            f"the fixed compensation of {law.name} is set in {rule.currency}, the invoice is in "
            f"{project.currency}: it is not claimed"
        )
        return Decimal(0), None
    return rule.amount_for(state.invoice.amount), rule.source


def _fees(
    project: Project, state: InvoiceState, law: Law | None, sending: bool, notes: list[str]
) -> tuple[Decimal, tuple[dt.date, ...], str | None]:
    fee = project.terms.reminder_fee
    rule = law.reminder_fee if law else None
    dates = _fee_bearing(project, state, sending, rule)
    if fee <= 0 or not dates:
        return Decimal(0), (), None
    if rule is None:
        return fee, dates, None
    if rule.requires_agreement and project.signoff is None:
        # Sweden (lag 1981:739, 2 §): a reminder fee is owed only where it was agreed, which
        # the tool can show only through the signed checklist that printed it.
        notes.append(
            f"no reminder fee: {law.name if law else ''} allows one only where it was agreed,"
            " and the checklist that names it is not signed (sign records it)"
        )
        return Decimal(0), (), None
    if rule.max_amount is not None:
        if rule.currency != project.currency:
            notes.append(
                f"the reminder-fee limit of {law.name if law else ''} is set in {rule.currency}, "
                f"the invoice is in {project.currency}: no reminder fee is charged"
            )
            return Decimal(0), (), None
        if fee > rule.max_amount:
            notes.append(f"the reminder fee is lowered to the legal maximum of {rule.max_amount}")
            fee = rule.max_amount
    return fee, dates, rule.source


def _fee_bearing(
    project: Project, state: InvoiceState, sending: bool, rule: ReminderFeeRule | None
) -> tuple[dt.date, ...]:
    """The days of the reminders that carry a fee on this invoice. Only a reminder sent after
    the due date, and never a friendly one: every friendly letter says that the fee comes with
    each *further* reminder, so charging for it later would contradict our own letter (the law
    would allow it; the letter promised less). Where the law sets a spacing (Denmark: renteloven
    § 9 b, stk. 2, 10 days), only a letter that came at least that long after the last
    fee-bearing one, and at most the law's number of them."""
    spacing = rule.min_spacing_days if rule else 0
    cap = rule.max_count if rule else None
    if rule is not None and rule.per_arrears_period:
        letters = _period_letters(project, state, sending)
    else:
        days = sorted({sent.on for sent in state.reminders if _carries_fee(sent, state)})
        if sending and state.as_of > state.due and state.as_of not in days:
            days.append(state.as_of)
        letters = [(day, state.index) for day in days]
    chosen: list[tuple[dt.date, int]] = []
    for day, owner in letters:
        if cap is not None and len(chosen) >= cap:
            break
        if not chosen or (day - chosen[-1][0]).days >= spacing:
            chosen.append((day, owner))
    return tuple(day for day, owner in chosen if owner == state.index)


def _carries_fee(sent: ReminderSent, state: InvoiceState) -> bool:
    return sent.tone != "friendly" and sent.on > state.due


def _period_letters(
    project: Project, state: InvoiceState, sending: bool
) -> list[tuple[dt.date, int]]:
    """Every letter about the arrears of the continuous period this invoice is overdue in, with
    the invoice whose fee it is: renteloven § 9 b, stk. 2, 2. pkt. allows fees for at most three
    letters about all the arrears of one such period under the same agreement, and one fee per
    letter however many invoices it names. A letter naming several invoices charges its fee on
    the one due first; the letter being sent charges it on the invoice it is about."""
    states = [
        state if index == state.index else invoice_state(project, index, state.as_of)
        for index in range(len(project.invoices))
    ]
    spans = sorted(
        (s.due + dt.timedelta(days=1), _arrears_end(s), s.index) for s in states if _in_arrears(s)
    )
    # The invoices whose arrears join this one's without a day free of arrears between.
    members: set[int] = set()
    end: dt.date | None = None
    for first, last, index in spans:
        if end is not None and first > end + dt.timedelta(days=1):
            if state.index in members:
                break
            members = set()
        members.add(index)
        end = last if end is None or members == {index} else max(end, last)
    owners: dict[dt.date, InvoiceState] = {}
    for other in states:
        if other.index not in members:
            continue
        for sent in other.reminders:
            held = owners.get(sent.on)
            if _carries_fee(sent, other) and (held is None or other.due < held.due):
                owners[sent.on] = other
    if sending and state.as_of > state.due:
        owners[state.as_of] = state
    return sorted((day, owner.index) for day, owner in owners.items())


def _in_arrears(state: InvoiceState) -> bool:
    return state.as_of > state.due and (
        state.outstanding > 0 or _paid_in_full_on(state) > state.due
    )


def _arrears_end(state: InvoiceState) -> dt.date:
    """The last day the invoice was overdue and unpaid: the day it was paid in full, or today."""
    return state.as_of if state.outstanding > 0 else _paid_in_full_on(state)


def _paid_in_full_on(state: InvoiceState) -> dt.date:
    total = Decimal(0)
    for on, amount in state.payments:
        total += amount
        if total >= state.invoice.amount:
            return on
    return state.as_of
