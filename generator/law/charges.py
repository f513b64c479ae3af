"""What a late invoice costs on a date: interest, fixed compensation and reminder fees, each
with the basis a reminder must state, and never more than the law allows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..project.model import Project
from ..project.scope import round_money
from .interest import (
    FixedRate,
    InterestPeriod,
    Law,
    RatePeriod,
    StatutoryRate,
    interest_periods,
    law_for,
)
from .interest import rate_table as load_rate_table
from .ledger import InvoiceState


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
    kind, periods, reference, margin, source = _interest(project, state, law, notes)
    # The sum of the lines a letter prints, each rounded, so that the total adds up on paper.
    interest = sum((round_money(p.amount, project.currency) for p in periods), start=Decimal(0))
    compensation, compensation_source = _compensation(project, state, law, kind, notes)
    fee_each, fee_count, fee_source = _fees(project, state, law, sending, notes)
    fee_rule = law.reminder_fee if law else None
    if fee_rule and fee_rule.counts_against_compensation and compensation > 0 and fee_count:
        # The fixed sum already covers the costs of reminding: only fees beyond it are owed.
        beyond = fee_each * fee_count - compensation
        if beyond <= 0:
            notes.append(
                "reminder fees are covered by the fixed compensation for invoice "
                f"{state.invoice.number}"
            )
            fee_each, fee_count, fee_source = Decimal(0), 0, None
        else:
            fee_each, fee_count = beyond, 1
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
    )


def _interest(
    project: Project, state: InvoiceState, law: Law | None, notes: list[str]
) -> tuple[str, list[InterestPeriod], str | None, Decimal | None, str | None]:
    setting = project.terms.late_interest
    if state.days_overdue == 0 or setting == "none":
        return "none", [], None, None, None
    day_count = law.interest.day_count if law and law.interest else "actual/365"
    if not isinstance(setting, str):
        if setting == 0:
            return "none", [], None, None, None
        periods = interest_periods(state, FixedRate(setting), day_count=day_count)
        return "contract", periods, None, None, None
    rule = law.interest if law is not None else None
    reference = rule.reference if rule is not None else None
    if rule is None or reference is None:
        where = project.jurisdiction or "no jurisdiction"
        notes.append(f"no statutory late-payment interest is known for {where}; none is charged")
        return "none", [], None, None, None
    table = load_rate_table(reference)
    override = project.reference_rates.get(reference)
    if override is not None:
        given = tuple(RatePeriod(p.start, p.rate) for p in override.periods)
        table = table.extended(given, override.known_until)
    first_day = state.due + dt.timedelta(days=1)
    if first_day < table.known_from:
        notes.append(
            f"reference rate table {table.name} starts on {table.known_from}; add earlier rates "
            f"under reference_rates to charge statutory interest on invoice {state.invoice.number}"
        )
        return "none", [], None, None, None
    if state.as_of > table.known_until:
        notes.append(
            f"reference rate table {table.name} is known until {table.known_until}; later days use "
            "the last known rate. Check it, and add newer rates under reference_rates if it changed"
        )
    # UK: the rate of the half-year in which interest starts to run, for the whole debt.
    fixed_from = first_day if rule.fixed_for_debt else None
    rate = StatutoryRate(table, rule.margin, fixed_from=fixed_from)
    periods = interest_periods(state, rate, day_count=day_count)
    return "statutory", periods, table.title, rule.margin, rule.source


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
) -> tuple[Decimal, int, str | None]:
    fee = project.terms.reminder_fee
    count = len(state.reminders) + (1 if sending else 0)
    if fee <= 0 or count == 0:
        return Decimal(0), 0, None
    rule = law.reminder_fee if law else None
    if rule is None:
        return fee, count, None
    if rule.max_amount is not None:
        if rule.currency != project.currency:
            notes.append(
                f"the reminder-fee limit of {law.name if law else ''} is set in {rule.currency}, "
                f"the invoice is in {project.currency}: no reminder fee is charged"
            )
            return Decimal(0), 0, None
        if fee > rule.max_amount:
            notes.append(f"the reminder fee is lowered to the legal maximum of {rule.max_amount}")
            fee = rule.max_amount
    if rule.max_count is not None and count > rule.max_count:
        count = rule.max_count
    return fee, count, rule.source
