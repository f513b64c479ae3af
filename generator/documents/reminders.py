"""Payment reminders: which invoices a reminder covers, what it asks for, and why it is due."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from ..errors import InputError
from ..law.calendar import business_days_after
from ..law.charges import Charges, charges_for
from ..law.interest import law_for
from ..law.ledger import (
    TONES,
    InvoiceState,
    LadderDecision,
    decide,
    due_roll_source,
    find_invoice,
    invoice_state,
    invoice_states,
    later_rung_note,
)
from ..locales import document_locale
from ..project.changes import current_scope
from ..project.model import Project, ReminderSent, Tone
from .disputes import dispute_facts, letter_dispute, open_disputes
from .pre_action import FINAL_BUSINESS_DAYS, final_deadline, pre_action_for
from .state import PAY_BY_BUSINESS_DAYS, interest_only, pay_by, project_state

FIRM_PAY_BY_BUSINESS_DAYS = PAY_BY_BUSINESS_DAYS
"""The firm reminder asks for payment within this many business days (state.pay_by's)."""
DISPUTE_BUSINESS_DAYS = 10
"""A reply to a dispute asks for payment within this many business days."""


@dataclass(frozen=True)
class ReminderRow:
    """One invoice in a reminder, with everything added to it."""

    state: InvoiceState
    charges: Charges

    @property
    def earlier(self) -> tuple[ReminderSent, ...]:
        """The reminders sent about this invoice before today's letter."""
        return earlier_reminders(self.state)


def earlier_reminders(state: InvoiceState) -> tuple[ReminderSent, ...]:
    """Reminders sent before `state.as_of`: one recorded on the day is this very letter."""
    return tuple(r for r in state.reminders if r.on < state.as_of)


def step_back(state: InvoiceState, tone: Tone) -> ReminderSent | None:
    """The latest reminder sent above `tone` on the ladder, if any: after a firm reminder a
    friendly one would step back, and the client would read it as the matter having eased."""
    above = [r for r in earlier_reminders(state) if TONES.index(r.tone) > TONES.index(tone)]
    return above[-1] if above else None


def window_passed(project: Project, state: InvoiceState, tone: Tone) -> bool:
    """Whether the invoice is late enough for a later rung than `tone`: the letter then states
    how late it is, and never assumes an oversight."""
    rank = TONES.index(tone)
    return any(
        TONES.index(rung.tone) > rank and state.days_overdue >= rung.after
        for rung in project.terms.reminders
    )


def work_left(project: Project) -> bool:
    """Whether any item of the scope (approved changes applied) is neither done nor dropped."""
    items, _ = current_scope(project)
    return any(item.status not in ("done", "dropped") for item in items)


def terminated(project: Project, as_of: dt.date, tone: str) -> str | None:
    """Why a reminder of `tone` cannot be sent on `as_of` once the termination is decided, or
    None: after that day a friendly, firm or stop-work letter would treat the agreement as
    running. What remains is the final invoice and the claim for what is owed, and the last
    written demand (the final notice or the law's pre-action letter) stays open."""
    ending = project.termination
    if ending is None or ending.decided_on > as_of or tone == "final":
        return None
    return (
        f"--tone {tone} refused: the agreement is terminated (termination decided on "
        f"{ending.decided_on}); the final invoice and the claim for what is owed are what "
        "remains (the termination letter states them), and a final notice (--tone final) may "
        "still be sent"
    )


def min_spacing_days(project: Project) -> int:
    law = law_for(project.jurisdiction)
    if law is None or law.reminder_fee is None or project.terms.reminder_fee <= 0:
        return 0
    return law.reminder_fee.min_spacing_days


def decisions(project: Project, as_of: dt.date, invoice: str | None = None) -> list[LadderDecision]:
    """The ladder's decision for each unpaid invoice (or the one named)."""
    spacing = min_spacing_days(project)
    if invoice is not None:
        states = [invoice_state(project, _index(project, invoice), as_of)]
    else:
        states = [state for state in invoice_states(project, as_of) if state.outstanding > 0]
    return [decide(state, project.terms.reminders, min_spacing_days=spacing) for state in states]


def reasoning(project: Project, decision: LadderDecision) -> str:
    """One line for the terminal, e.g. `2026-044: 39 days overdue, 1,240.00 outstanding;
    friendly sent 2026-10-15, firm sent 2026-10-24 → stop_work due (final waits …)`."""
    state = decision.state
    if state.outstanding <= 0:
        return f"{state.invoice.number}: paid"
    line = state_line(project, state)
    if decision.tone is None:
        return f"{line} → nothing due ({decision.reason})"
    note = later_rung_note(state, project.terms.reminders, decision.tone)
    return f"{line} → {decision.tone} due{note}"


def state_line(project: Project, state: InvoiceState) -> str:
    """`2026-044: 39 days overdue, 1,240.00 outstanding; friendly sent 2026-10-15`."""
    locale = document_locale(project.language, project.jurisdiction)
    amount = format_decimal(state.outstanding, format="#,##0.00", locale=locale)
    when = f"{state.days_overdue} days overdue" if state.is_overdue else f"due {state.due}"
    parts = [f"{state.invoice.number}: {when}, {amount} outstanding"]
    history = ", ".join(f"{r.tone} sent {r.on}" for r in state.reminders)
    return "; ".join([*parts, history] if history else parts)


def reminder_context(
    project: Project, as_of: dt.date, *, tone: Tone, invoice: str, reply: bool = False
) -> dict[str, Any]:
    """What a reminder of `tone` about `invoice` says: friendly and firm reminders are about
    that invoice; the stop-work and final notices cover every overdue invoice not in dispute.

    A friendly letter (and a reply to a dispute, `reply`) charges interest only: it names the
    fixed compensation and reminder fees that further delay would bring instead of adding them.
    """
    primary = invoice_state(project, _index(project, invoice), as_of)
    if primary.invoice.issued > as_of:
        raise InputError(
            f"invoice {invoice} is issued on {primary.invoice.issued}, after {as_of};"
            " nothing to remind"
        )
    if primary.outstanding <= 0:
        raise InputError(f"invoice {invoice} is paid in full on {as_of}; nothing to remind")
    why = None if reply else terminated(project, as_of, tone)
    if why is not None:
        raise InputError(f"{why}; nothing was written")
    disputed = open_disputes(project, as_of)
    states = [primary]
    if tone in ("stop_work", "final") and not reply:
        states += [
            state
            for state in invoice_states(project, as_of)
            if state.is_overdue
            and state.index != primary.index
            and state.invoice.number not in disputed
        ]
    # The figures of the project state, the same as every document of the day; the invoice the
    # letter is about also counts the fee for this letter.
    day = project_state(project, as_of)
    mention_only = reply or tone == "friendly"
    full = [
        _sending(project, state, reply) if state is primary else day.charges(state)
        for state in states
    ]
    charged = [interest_only(c) if mention_only else c for c in full]
    rows = [ReminderRow(state, c) for state, c in zip(states, charged, strict=True)]
    listed = {row.state.index for row in rows}
    earlier = earlier_reminders(primary)
    late = window_passed(project, primary, tone)
    others = [
        state
        for state in invoice_states(project, as_of)
        if state.is_overdue
        and not reply
        and state.index not in listed
        and state.invoice.number not in disputed
    ]
    return {
        "tone": tone,
        "invoice": primary.invoice,
        "primary": rows[0],
        "rows": rows,
        "total_due": sum((row.charges.total for row in rows), start=Decimal(0)),
        "daily_interest": daily_interest(rows),
        # One pay-by date per debt on any day: a final notice still running keeps its deadline.
        "pay_by": pay_by(project, as_of, {row.state.invoice.number for row in rows}),
        # Work stopped by an earlier stop-work notice stays stopped: the letter says since when.
        "suspended_since": min(
            (r.on for row in rows for r in row.earlier if r.tone == "stop_work"), default=None
        ),
        "final_deadline": final_deadline(project, as_of),
        "final_business_days": FINAL_BUSINESS_DAYS,
        # The final rung's form where the law names a pre-action letter (documents/pre_action).
        "pre_action": pre_action_for(project) if tone == "final" else None,
        "pay_by_business_days": FIRM_PAY_BY_BUSINESS_DAYS,
        "bank": project.provider.bank,
        "notes": list(dict.fromkeys(note for row in rows for note in row.charges.notes)),
        "legal_sources": legal_sources(project, rows),
        # Every invoice the letter asks payment for: the reference to quote when paying.
        "references": ", ".join(row.state.invoice.number for row in rows),
        "numbers": [row.state.invoice.number for row in rows],
        # The facts the wording follows: this letter's place in the count, what was paid,
        # whether it comes later than the ladder's window for its tone.
        "earlier": earlier,
        "count": len(earlier) + 1,
        "payments": primary.payments,
        "window_passed": late,
        "reminded": any(row.earlier for row in rows),
        # Only a first letter, with nothing paid, in its window, about a client with no other
        # late invoice, may suppose an oversight.
        "first_notice": not earlier and not primary.payments and not late and not others,
        "other_overdue": others,
        "mentioned_compensation": max((c.compensation for c in full), default=Decimal(0))
        if mention_only
        else Decimal(0),
        "mentioned_fee": (full[0].fee_each if full[0].fee_count else Decimal(0))
        if mention_only and not reply
        else Decimal(0),
        "work_left": work_left(project),
        # A dispute of the invoice the letter is about: the letter answers it on the merits, or
        # refers to the reply already sent, instead of pressing it as a routine debt.
        "answered": None if reply else letter_dispute(project, primary.invoice, as_of),
        "undelivered": [
            d.name for d in project.deliverables if d.delivered_on is None or d.delivered_on > as_of
        ],
    }


def _sending(project: Project, state: InvoiceState, reply: bool) -> Charges:
    """The charges of the invoice a letter is about: its fee counts this letter once, whether or
    not it was already recorded today (a reminder recorded on the day is this very letter)."""
    if reply:
        return charges_for(project, state, sending=False)
    before = dataclasses.replace(state, reminders=earlier_reminders(state))
    return charges_for(project, before, sending=True)


def dispute_reply_context(project: Project, as_of: dt.date, *, invoice: str) -> dict[str, Any]:
    """What a reply to a disputed invoice says: the invoice, what it covers, the clause that set
    it, and the date by which to settle it."""
    context = reminder_context(project, as_of, tone="friendly", invoice=invoice, reply=True)
    number = context["invoice"].number
    incident = open_disputes(project, as_of).get(number)
    if incident is None:
        raise InputError(f"invoice {number} is not disputed on {as_of}; nothing to reply to")
    facts = dispute_facts(project, context["invoice"], incident)
    where = (project.jurisdiction, project.region)
    return {
        **context,
        "dispute": facts,
        "settle_by": business_days_after(as_of, DISPUTE_BUSINESS_DAYS, *where),
    }


def legal_sources(project: Project, rows: list[ReminderRow]) -> list[str]:
    """Each legal source the charges rest on, once, in the order they first appear; and the
    rule that moved a due date off a weekend or holiday, when one did."""
    found: dict[str, None] = {}
    for row in rows:
        charges = row.charges
        for source in (charges.interest_source, charges.compensation_source, charges.fee_source):
            if source:
                found.setdefault(source)
    roll_source = due_roll_source(project)
    if roll_source and any(row.state.due_moved for row in rows):
        found.setdefault(roll_source)
    return list(found)


def _index(project: Project, number: str) -> int:
    index = find_invoice(project, number)
    if index is None:
        known = ", ".join(invoice.number for invoice in project.invoices) or "none"
        raise InputError(f"no invoice {number!r} in the project; known: {known}")
    return index


@dataclass(frozen=True)
class PlannedReminder:
    """A reminder to write: its tone, the invoice it is about, and the invoices it covers."""

    tone: Tone
    invoice: str
    covers: tuple[str, ...]


@dataclass(frozen=True)
class ReminderPlan:
    reasoning: list[str]
    reminders: list[PlannedReminder]
    notes: list[str]
    replies: list[str] = dataclasses.field(default_factory=list)  # disputed invoices' numbers


def daily_interest(rows: list[ReminderRow]) -> Decimal:
    """What the interest adds each further day until payment: the rate of the last day counted
    on what is still owed, on the year's days the law counts; 0 where no interest runs."""
    total = Decimal(0)
    for row in rows:
        periods = row.charges.periods
        if row.state.outstanding > 0 and periods and periods[-1].last == row.state.as_of:
            last = periods[-1]
            total += row.state.outstanding * last.rate / 100 / last.year_days
    return total.quantize(Decimal("0.01"))


def plan_reminders(
    project: Project, as_of: dt.date, *, invoice: str | None = None, tone: str | None = None
) -> ReminderPlan:
    """Decide every reminder due on `as_of` (or force `tone`), one line of reasoning each.

    A stop-work or final notice covers every overdue invoice, so one such letter is written
    even when several invoices have reached that rung. A disputed invoice is off the ladder: it
    gets a reply to the dispute instead. A rung by hand never steps back below one already sent.
    """
    lines: list[str] = []
    planned: list[PlannedReminder] = []
    replies: list[str] = []
    refused: list[str] = []
    covered: dict[str, str] = {}  # invoice number -> the notice that covers it today
    disputed = open_disputes(project, as_of)
    ordered = sorted(decisions(project, as_of, invoice), key=lambda d: -d.state.days_overdue)
    for decision in ordered:
        state = decision.state
        number = state.invoice.number
        if state.invoice.issued > as_of:
            # An invoice dated after --as-of did not exist yet: nothing to remind of.
            lines.append(f"{number}: not issued yet on {as_of}")
            continue
        if number in disputed and state.outstanding > 0:
            why = f"disputed on {disputed[number].on}: a reply to the dispute, not a reminder"
            lines.append(f"{state_line(project, state)} → {why}")
            replies.append(number)
            continue
        # A reminder by hand is still a reminder: only for an invoice past its due date, so
        # that no letter calls an invoice late, or charges a fee, before it is.
        forced = tone is not None and state.outstanding > 0 and state.is_overdue
        higher = step_back(state, tone) if forced else None  # type: ignore[arg-type]
        if higher is not None:
            why = (
                f"{number}: --tone {tone} refused: a {higher.tone} reminder was sent on"
                f" {higher.on}, and a reminder never steps back down the ladder"
                f" (send {higher.tone} again, or the next rung)"
            )
            lines.append(why)
            refused.append(why)
            continue
        chosen = tone if forced else decision.tone
        after_end = terminated(project, as_of, chosen) if chosen is not None else None
        if forced and after_end is not None:
            why = f"{number}: {after_end}"
            lines.append(why)
            refused.append(why)
            continue
        if forced:
            lines.append(f"{reasoning(project, decision)} [--tone {tone}]")
        else:
            lines.append(reasoning(project, decision))
        if after_end is not None:
            # The ladder's rung, not sent: the agreement is over (the line above says why).
            lines.append(f"{number}: no {chosen} reminder: the agreement is terminated")
            continue
        if chosen is None:
            continue
        if number in covered:
            # A stop-work or final notice already lists this invoice: one letter, not two.
            lines.append(f"{number}: covered by today's {covered[number]} notice")
            continue
        covers: tuple[str, ...] = (number,)
        if chosen in ("stop_work", "final"):
            overdue = [
                s.invoice.number
                for s in invoice_states(project, as_of)
                if s.is_overdue and s.invoice.number not in disputed
            ]
            covers = (number, *(n for n in overdue if n != number))
        if chosen in ("stop_work", "final"):
            covered.update(dict.fromkeys(covers, chosen))
        planned.append(PlannedReminder(chosen, number, covers))  # type: ignore[arg-type]
    if tone is not None and not planned and not replies:
        if refused:
            raise InputError("; ".join(refused) + "; nothing was written")
        # Say why, in the plan's own words ("not issued yet on …", "due 2026-11-23, …").
        why = "; ".join(line for line in lines if not line.endswith("]"))
        which = f"invoice {invoice} is not" if invoice else "no invoice is"
        raise InputError(
            f"--tone {tone}: {which} overdue on {as_of}, so no reminder can be sent yet"
            f" (a reminder comes after the due date); nothing was written. {why}"
        )
    if not planned and not replies:
        lines.append("nothing to send today")
    notes: list[str] = []
    for reminder in planned:
        context = reminder_context(project, as_of, tone=reminder.tone, invoice=reminder.invoice)
        notes += [n for n in context["notes"] if n not in notes]
    return ReminderPlan(lines, planned, notes, replies)
