"""The ledger: what each invoice owes on a date, and which reminder on the ladder is due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ..project.model import Invoice, Project, ReminderRung, ReminderSent, Tone
from .calendar import calendar_rule, next_business_day, roll_forward

TONES: tuple[Tone, ...] = ("friendly", "firm", "stop_work", "final")


@dataclass(frozen=True)
class InvoiceState:
    """An invoice as it stands on `as_of`: payments and reminders after that day are ignored."""

    invoice: Invoice
    index: int
    as_of: dt.date
    due: dt.date  # the last day payment is on time: the stated due date, moved where the law does
    paid: Decimal
    reminders: tuple[ReminderSent, ...]
    payments: tuple[tuple[dt.date, Decimal], ...] = field(default=())
    stated_due: dt.date | None = None  # the due date as the invoice and terms give it

    @property
    def due_moved(self) -> bool:
        """Whether the due date fell on a non-business day and the law moved it."""
        return self.stated_due is not None and self.stated_due != self.due

    @property
    def outstanding(self) -> Decimal:
        return max(self.invoice.amount - self.paid, Decimal(0))

    @property
    def days_overdue(self) -> int:
        if self.outstanding <= 0:
            return 0
        return max((self.as_of - self.due).days, 0)

    @property
    def is_overdue(self) -> bool:
        return self.days_overdue > 0

    def last_sent(self, tone: Tone, on: dt.date) -> dt.date | None:
        """The day the latest reminder of `tone` went out, on or before `on`; None if none did."""
        return max((r.on for r in self.reminders if r.tone == tone and r.on <= on), default=None)

    def principal_on(self, day: dt.date) -> Decimal:
        """What was still owed at the end of `day` (payments count from the day they arrive)."""
        paid = sum((amount for on, amount in self.payments if on <= day), start=Decimal(0))
        return max(self.invoice.amount - paid, Decimal(0))


def stated_due_date(invoice: Invoice, project: Project) -> dt.date:
    """The invoice's due date, or its issue date plus the payment terms."""
    if invoice.due is not None:
        return invoice.due
    return invoice.issued + dt.timedelta(days=project.terms.payment_days)


def due_date(invoice: Invoice, project: Project) -> dt.date:
    """The last day the invoice is paid on time: its stated due date, moved to the next business
    day where the jurisdiction's law moves a due date off a weekend or public holiday, or where
    the signed checklist agrees it does (`terms.due_date_roll`, US: no law moves it)."""
    stated = stated_due_date(invoice, project)
    if project.terms.due_date_roll:
        return next_business_day(stated, project.jurisdiction, project.region)
    return roll_forward(stated, project.jurisdiction, project.region)


def due_roll_source(project: Project) -> str | None:
    """The law that moved a due date off a non-business day, to cite; None where only the
    agreement moved it (the letters cite the agreement's payment clause, not a statute)."""
    rule = calendar_rule(project.jurisdiction)
    return rule.roll_source if rule.rolls else None


def invoice_state(project: Project, index: int, as_of: dt.date) -> InvoiceState:
    invoice = project.invoices[index]
    payments = tuple(sorted((p.on, p.amount) for p in invoice.payments if p.on <= as_of))
    due = due_date(invoice, project)
    # A letter sent on or before the due date reminded of nothing owed yet: it is no reminder,
    # so it is not counted, cited, or a rung climbed (round 3: 2026-052's Sunday letter).
    reminders = tuple(
        sorted((r for r in invoice.reminders if due < r.on <= as_of), key=lambda r: r.on)
    )
    return InvoiceState(
        invoice=invoice,
        index=index,
        as_of=as_of,
        due=due,
        paid=sum((amount for _, amount in payments), start=Decimal(0)),
        reminders=reminders,
        payments=payments,
        stated_due=stated_due_date(invoice, project),
    )


def invoice_states(project: Project, as_of: dt.date) -> list[InvoiceState]:
    return [invoice_state(project, index, as_of) for index in range(len(project.invoices))]


def find_invoice(project: Project, number: str) -> int | None:
    for index, invoice in enumerate(project.invoices):
        if invoice.number == number:
            return index
    return None


@dataclass(frozen=True)
class LadderDecision:
    """Which rung of the reminder ladder is due for one invoice, and why."""

    state: InvoiceState
    tone: Tone | None
    reason: str
    waits_until: dt.date | None = None


def ladder(rungs: Sequence[ReminderRung]) -> list[ReminderRung]:
    """The rungs in the order they are climbed: by days past due, then by tone."""
    return sorted(rungs, key=lambda rung: (rung.after, TONES.index(rung.tone)))


def next_rung(state: InvoiceState, rungs: Sequence[ReminderRung]) -> ReminderRung | None:
    """The rung after the highest one sent: one rung at a time, whatever the days overdue.

    A rung below one already sent (say a friendly reminder after a stop-work notice that
    covered this invoice) is never sent any more.
    """
    ordered = ladder(rungs)
    position = 0
    for reminder in state.reminders:  # in date order: each climbs to the next rung of its tone
        later = [i for i in range(position, len(ordered)) if ordered[i].tone == reminder.tone]
        earlier = [i for i in range(len(ordered)) if ordered[i].tone == reminder.tone]
        if later:
            position = later[0] + 1
        elif earlier:  # a tone sent again by hand: the ladder stays where it is
            position = max(position, earlier[-1] + 1)
    return ordered[position] if position < len(ordered) else None


def decide(
    state: InvoiceState, rungs: Sequence[ReminderRung], *, min_spacing_days: int = 0
) -> LadderDecision:
    """Whether a reminder is due for this invoice on `state.as_of`, which one, and why.

    Nothing is due for a paid invoice or before the first rung's day. Otherwise the next
    rung is the lowest one not yet sent; it is due once its day has come and, where the law
    sets one, the minimum spacing since the last reminder has passed.
    """
    if state.outstanding <= 0:
        return LadderDecision(state, None, "paid")
    if not rungs:
        return LadderDecision(state, None, "no reminder ladder in terms.reminders")
    rung = next_rung(state, rungs)
    if rung is None:
        return LadderDecision(state, None, "every rung of the ladder has been sent")
    if state.days_overdue < rung.after:
        day = state.due + dt.timedelta(days=rung.after)
        if state.days_overdue == 0:
            why = f"not overdue; {rung.tone} due on {day}"
        else:
            why = f"{rung.tone} due on {day} ({rung.after} days overdue)"
        return LadderDecision(state, None, why, waits_until=day)
    if state.reminders and min_spacing_days:
        last = state.reminders[-1].on
        ready = last + dt.timedelta(days=min_spacing_days)
        if state.as_of < ready:
            why = (
                f"{rung.tone} waits until {ready} ({min_spacing_days} days after the last reminder)"
            )
            return LadderDecision(state, None, why, waits_until=ready)
    return LadderDecision(state, rung.tone, f"{rung.tone} due")


def later_rung_note(state: InvoiceState, rungs: Sequence[ReminderRung], tone: Tone) -> str:
    """'final waits until stop_work is sent' when a later rung's day has also come."""
    ordered = ladder(rungs)
    tones = [rung.tone for rung in ordered]
    position = tones.index(tone) if tone in tones else -1
    later = [rung for rung in ordered[position + 1 :] if state.days_overdue >= rung.after]
    if not later:
        return ""
    return f" ({later[-1].tone} waits until {tone} is sent)"
