"""One state of the project on a date: what is owed, when the work ends, where each item stands.

Every document rendered for the same date takes its figures from `project_state`, so a reminder,
the termination letter, the hand-off report, the change order, the waiting notice and the review
never disagree about an amount or a date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..law.calendar import business_days_after, next_business_day, roll_forward
from ..law.charges import Charges, charges_for
from ..law.ledger import InvoiceState, invoice_states
from ..project.changes import apply, end_before
from ..project.model import ChangeRequest, Project
from .agreement import agreed_terms
from .breach import ends_for_breach
from .disputes import open_disputes
from .pre_action import final_deadline

PAY_BY_BUSINESS_DAYS = 5
"""A letter that asks for payment, with no final notice running, gives this many business days."""


@dataclass(frozen=True)
class Owed:
    """An amount owed on the date: the principal and everything the law or the terms add."""

    principal: Decimal
    interest: Decimal
    compensation: Decimal
    fees: Decimal

    @property
    def total(self) -> Decimal:
        return self.principal + self.interest + self.compensation + self.fees

    @property
    def added(self) -> Decimal:
        """Interest, compensation and fees: what is owed beyond the principal."""
        return self.interest + self.compensation + self.fees

    @staticmethod
    def sum(parts: Iterable[Owed]) -> Owed:
        """The amounts of several invoices added up, line by line."""
        zero = Decimal(0)
        principal, interest, compensation, fees = zero, zero, zero, zero
        for part in parts:
            principal += part.principal
            interest += part.interest
            compensation += part.compensation
            fees += part.fees
        return Owed(principal, interest, compensation, fees)


@dataclass(frozen=True)
class InvoiceOwed:
    """One invoice with money outstanding on the date, and what it costs then."""

    state: InvoiceState
    charges: Charges

    @property
    def number(self) -> str:
        return self.state.invoice.number

    @property
    def owed(self) -> Owed:
        c = self.charges
        return Owed(self.state.outstanding, c.interest, c.compensation, c.fees)


@dataclass(frozen=True)
class ItemState:
    """A scope item as it stands on the date, after every approved change."""

    id: str
    title: str
    deliverable: str | None
    status: str  # planned, in_progress, done, dropped
    deadline: dt.date | None
    done_on: dt.date | None


@dataclass(frozen=True)
class ProjectState:
    """The figures every document of one date uses."""

    as_of: dt.date
    invoices: tuple[InvoiceOwed, ...]  # issued by the date, with money outstanding
    agreed_end: dt.date | None  # the signed end after every approved change
    client_delay_days: int  # days on which an answer from the client was overdue
    delivery_end: dt.date | None  # agreed_end moved by the client's delays
    termination_end: dt.date | None  # the day the agreement ends, once a termination is decided
    items: tuple[ItemState, ...]
    open_changes: tuple[ChangeRequest, ...]  # proposed, not yet decided
    approved_changes: tuple[ChangeRequest, ...]
    jurisdiction: str | None = None  # whose business days a moved date lands on
    region: str | None = None

    @property
    def owed(self) -> Owed:
        """Every invoice with money outstanding, added up."""
        return Owed.sum(invoice.owed for invoice in self.invoices)

    @property
    def overdue(self) -> tuple[InvoiceOwed, ...]:
        return tuple(invoice for invoice in self.invoices if invoice.state.is_overdue)

    @property
    def owed_overdue(self) -> Owed:
        return Owed.sum(invoice.owed for invoice in self.overdue)

    @property
    def end(self) -> dt.date | None:
        """The one end date: delivery after changes and delays, or the termination's effective
        date where the agreement ends before that."""
        return self.end_from(self.agreed_end)

    def end_from(self, agreed: dt.date | None) -> dt.date | None:
        """The end an agreed date comes to on this date: moved by the client's delays, and never
        after the day a decided termination ends the agreement."""
        delivery = moved_end(agreed, self.client_delay_days, self.jurisdiction, self.region)
        if self.termination_end is None:
            return delivery
        if delivery is None:
            return self.termination_end
        return min(delivery, self.termination_end)

    def invoice(self, number: str) -> InvoiceOwed | None:
        return next((invoice for invoice in self.invoices if invoice.number == number), None)

    def charges(self, state: InvoiceState) -> Charges:
        """What `state`'s invoice costs on the date, as this state counts it."""
        found = self.invoice(state.invoice.number)
        if found is None:  # paid or not issued yet: nothing added, computed the same way
            raise ValueError(f"invoice {state.invoice.number} owes nothing on {self.as_of}")
        return found.charges


def project_state(project: Project, as_of: dt.date) -> ProjectState:
    """The state of `project` on `as_of`: pure, from the project file alone.

    An invoice in open dispute costs interest only, as the reply to the dispute says: the fixed
    compensation and reminder fees wait until it is settled, in every letter of the day."""
    disputed = open_disputes(project, as_of)
    owed = tuple(
        InvoiceOwed(state, _charges(project, state, state.invoice.number in disputed))
        for state in invoice_states(project, as_of)
        if state.invoice.issued <= as_of and state.outstanding > 0
    )
    approved = [
        change
        for change in project.changes
        if change.status == "approved" and (change.decided_on or change.requested_on) <= as_of
    ]
    items = list(project.scope)
    for change in approved:
        items = apply(items, change)
    agreed_end = end_before(project, approved)
    delay = client_delay_days(project, as_of)
    return ProjectState(
        as_of=as_of,
        invoices=owed,
        agreed_end=agreed_end,
        client_delay_days=delay,
        delivery_end=moved_end(agreed_end, delay, project.jurisdiction, project.region),
        termination_end=termination_end(project, as_of),
        items=tuple(
            ItemState(
                item.id,
                item.title,
                item.deliverable,
                _status_on(item.status, item.done_on, as_of),
                item.deadline,
                item.done_on if item.done_on is not None and item.done_on <= as_of else None,
            )
            for item in items
        ),
        open_changes=tuple(change for change in project.changes if change.status == "proposed"),
        approved_changes=tuple(approved),
        jurisdiction=project.jurisdiction,
        region=project.region,
    )


def _charges(project: Project, state: InvoiceState, disputed: bool) -> Charges:
    charges = charges_for(project, state, sending=False)
    return interest_only(charges) if disputed else charges


def interest_only(charges: Charges) -> Charges:
    """The charges without compensation or reminder fees: what a friendly letter or a reply to
    a dispute adds."""
    return dataclasses.replace(
        charges,
        compensation=Decimal(0),
        compensation_source=None,
        fee_each=Decimal(0),
        fee_count=0,
        fee_source=None,
    )


def pending_final(
    project: Project, as_of: dt.date, numbers: Collection[str] | None = None
) -> tuple[dt.date, dt.date] | None:
    """The latest final notice recorded on or before `as_of` for an invoice still unpaid then
    (of `numbers`, when given), with its deadline, while that deadline has not passed."""
    sent = [
        day
        for state in invoice_states(project, as_of)
        if state.outstanding > 0 and (numbers is None or state.invoice.number in numbers)
        if (day := state.last_sent("final", as_of)) is not None
    ]
    if not sent:
        return None
    deadline = final_deadline(project, max(sent))
    return (max(sent), deadline) if as_of <= deadline else None


def pay_by(
    project: Project,
    as_of: dt.date,
    numbers: Collection[str] | None = None,
    business_days: int = PAY_BY_BUSINESS_DAYS,
) -> dt.date:
    """The one pay-by date for a debt on `as_of`: the deadline a running final notice set for
    those invoices (no later letter moves it), else `business_days` business days on."""
    running = pending_final(project, as_of, numbers)
    if running is not None:
        return running[1]
    return business_days_after(as_of, business_days, project.jurisdiction, project.region)


def moved_end(
    agreed: dt.date | None, delay: int, jurisdiction: str | None, region: str | None
) -> dt.date | None:
    """The agreed end moved by `delay` days of the client's delays; a date the letters set, so a
    moved one lands on a business day (the agreed one stays as signed)."""
    if agreed is None or delay == 0:
        return agreed
    return next_business_day(agreed + dt.timedelta(days=delay), jurisdiction, region)


def termination_end(project: Project, as_of: dt.date) -> dt.date | None:
    """The day the agreement ends, once a termination is decided on or before `as_of`."""
    ending = project.termination
    if ending is None or ending.decided_on > as_of:
        return None
    return effective_on(project)


def effective_on(project: Project) -> dt.date | None:
    """The day a decided termination ends the agreement: `effective_on`, or `decided_on` plus
    the notice period the signed checklist printed; without that clause, or when the client's
    breach ends it (`ends_for_breach`), `decided_on` (ended at once). None with no termination,
    or no notice period to count."""
    ending = project.termination
    if ending is None:
        return None
    if ending.effective_on is not None:
        return next_business_day(ending.effective_on, project.jurisdiction, project.region)
    # Unpaid past a final notice's deadline, the breach clause ends it on receipt, not by notice.
    if ends_for_breach(project):
        return next_business_day(ending.decided_on, project.jurisdiction, project.region)
    if project.terms.notice_days is None:  # the rules refuse this file; nothing to count from
        return None
    if not agreed_terms(project).has("notice"):
        return next_business_day(ending.decided_on, project.jurisdiction, project.region)
    # A date the letter sets: on a weekend or public holiday it moves to the next business day.
    return next_business_day(
        ending.decided_on + dt.timedelta(days=project.terms.notice_days),
        project.jurisdiction,
        project.region,
    )


def answer_due(project: Project, asked_on: dt.date) -> dt.date:
    """The day an answer is due: the agreed days after the question, moved off a weekend or
    holiday where the law moves a time limit (BGB § 193 names contracts; the Nordic and Russian
    rules apply by analogy)."""
    return roll_forward(
        asked_on + dt.timedelta(days=project.terms.feedback_days),
        project.jurisdiction,
        project.region,
    )


def client_delay_days(project: Project, as_of: dt.date) -> int:
    """The days on which at least one answer from the client was overdue, up to `as_of`.

    Answers late at the same time hold the work up together, so a day counts once however many
    answers are late on it; an answer given late still moved delivery by the days it was late.
    """
    late_days: set[dt.date] = set()
    for entry in project.waiting_on:
        if entry.asked_on > as_of:
            continue
        answered = entry.answered_on
        until = answered if answered is not None and answered <= as_of else as_of
        due = answer_due(project, entry.asked_on)
        late_days.update(due + dt.timedelta(days=n) for n in range(1, (until - due).days + 1))
    return len(late_days)


def _status_on(status: str, done_on: dt.date | None, as_of: dt.date) -> str:
    # An item finished after the date was still being worked on then.
    if status == "done" and done_on is not None and done_on > as_of:
        return "in_progress"
    return status
