"""Payment reminders: which invoices a reminder covers, what it asks for, and why it is due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from ..errors import InputError
from ..law.calendar import business_days_after, calendar_rule
from ..law.charges import Charges, charges_for
from ..law.interest import law_for
from ..law.ledger import (
    InvoiceState,
    LadderDecision,
    decide,
    find_invoice,
    invoice_state,
    invoice_states,
    later_rung_note,
)
from ..locales import document_locale
from ..project.model import Project, Tone
from .state import project_state

FIRM_PAY_BY_BUSINESS_DAYS = 5
"""The firm reminder asks for payment within this many business days."""
FINAL_BUSINESS_DAYS = 7
"""The final notice's deadline, in business days, before the agreement is ended."""


@dataclass(frozen=True)
class ReminderRow:
    """One invoice in a reminder, with everything added to it."""

    state: InvoiceState
    charges: Charges


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
    locale = document_locale(project.language, project.jurisdiction)
    amount = format_decimal(state.outstanding, format="#,##0.00", locale=locale)
    if state.outstanding <= 0:
        return f"{state.invoice.number}: paid"
    when = f"{state.days_overdue} days overdue" if state.is_overdue else f"due {state.due}"
    parts = [f"{state.invoice.number}: {when}, {amount} outstanding"]
    history = ", ".join(f"{r.tone} sent {r.on}" for r in state.reminders)
    line = "; ".join([*parts, history] if history else parts)
    if decision.tone is None:
        return f"{line} → nothing due ({decision.reason})"
    note = later_rung_note(state, project.terms.reminders, decision.tone)
    return f"{line} → {decision.tone} due{note}"


def reminder_context(
    project: Project, as_of: dt.date, *, tone: Tone, invoice: str
) -> dict[str, Any]:
    """What a reminder of `tone` about `invoice` says: friendly and firm reminders are about
    that invoice; the stop-work and final notices cover every overdue invoice."""
    primary = invoice_state(project, _index(project, invoice), as_of)
    if primary.invoice.issued > as_of:
        raise InputError(
            f"invoice {invoice} is issued on {primary.invoice.issued}, after {as_of};"
            " nothing to remind"
        )
    if primary.outstanding <= 0:
        raise InputError(f"invoice {invoice} is paid in full on {as_of}; nothing to remind")
    states = [primary]
    if tone in ("stop_work", "final"):
        states += [
            state
            for state in invoice_states(project, as_of)
            if state.is_overdue and state.index != primary.index
        ]
    # The figures of the project state, the same as every document of the day; the invoice the
    # letter is about also counts the fee for this letter.
    day = project_state(project, as_of)
    rows = [
        ReminderRow(
            state,
            charges_for(project, state) if state is primary else day.charges(state),
        )
        for state in states
    ]
    where = (project.jurisdiction, project.region)
    return {
        "tone": tone,
        "invoice": primary.invoice,
        "primary": rows[0],
        "rows": rows,
        "total_due": sum((row.charges.total for row in rows), start=Decimal(0)),
        "pay_by": business_days_after(as_of, FIRM_PAY_BY_BUSINESS_DAYS, *where),
        "final_deadline": business_days_after(as_of, FINAL_BUSINESS_DAYS, *where),
        "final_business_days": FINAL_BUSINESS_DAYS,
        "pay_by_business_days": FIRM_PAY_BY_BUSINESS_DAYS,
        "bank": project.provider.bank,
        "notes": list(dict.fromkeys(note for row in rows for note in row.charges.notes)),
        "legal_sources": _sources(project, rows),
        # Every invoice the letter asks payment for: the reference to quote when paying.
        "references": ", ".join(row.state.invoice.number for row in rows),
    }


def _sources(project: Project, rows: list[ReminderRow]) -> list[str]:
    """Each legal source the charges rest on, once, in the order they first appear; and the
    rule that moved a due date off a weekend or holiday, when one did."""
    found: dict[str, None] = {}
    for row in rows:
        charges = row.charges
        for source in (charges.interest_source, charges.compensation_source, charges.fee_source):
            if source:
                found.setdefault(source)
    if any(row.state.due_moved for row in rows):
        found.setdefault(calendar_rule(project.jurisdiction).roll_source)
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


def plan_reminders(
    project: Project, as_of: dt.date, *, invoice: str | None = None, tone: str | None = None
) -> ReminderPlan:
    """Decide every reminder due on `as_of` (or force `tone`), one line of reasoning each.

    A stop-work or final notice covers every overdue invoice, so one such letter is written
    even when several invoices have reached that rung.
    """
    lines: list[str] = []
    planned: list[PlannedReminder] = []
    covered: dict[str, str] = {}  # invoice number -> the notice that covers it today
    ordered = sorted(decisions(project, as_of, invoice), key=lambda d: -d.state.days_overdue)
    for decision in ordered:
        state = decision.state
        if state.invoice.issued > as_of:
            # An invoice dated after --as-of did not exist yet: nothing to remind of.
            lines.append(f"{state.invoice.number}: not issued yet on {as_of}")
            continue
        # A reminder by hand is still a reminder: only for an invoice past its due date, so
        # that no letter calls an invoice late, or charges a fee, before it is.
        forced = tone is not None and state.outstanding > 0 and state.is_overdue
        chosen = tone if forced else decision.tone
        if forced:
            lines.append(f"{reasoning(project, decision)} [--tone {tone}]")
        else:
            lines.append(reasoning(project, decision))
        if chosen is None:
            continue
        number = state.invoice.number
        if number in covered:
            # A stop-work or final notice already lists this invoice: one letter, not two.
            lines.append(f"{number}: covered by today's {covered[number]} notice")
            continue
        covers: tuple[str, ...] = (number,)
        if chosen in ("stop_work", "final"):
            overdue = [s.invoice.number for s in invoice_states(project, as_of) if s.is_overdue]
            covers = (number, *(n for n in overdue if n != number))
        if chosen in ("stop_work", "final"):
            covered.update(dict.fromkeys(covers, chosen))
        planned.append(PlannedReminder(chosen, number, covers))  # type: ignore[arg-type]
    if tone is not None and not planned:
        # Say why, in the plan's own words ("not issued yet on …", "due 2026-11-23, …").
        why = "; ".join(line for line in lines if not line.endswith("]"))
        which = f"invoice {invoice} is not" if invoice else "no invoice is"
        raise InputError(
            f"--tone {tone}: {which} overdue on {as_of}, so no reminder can be sent yet"
            f" (a reminder comes after the due date); nothing was written. {why}"
        )
    if not planned:
        lines.append("nothing to send today")
    notes: list[str] = []
    for reminder in planned:
        context = reminder_context(project, as_of, tone=reminder.tone, invoice=reminder.invoice)
        notes += [n for n in context["notes"] if n not in notes]
    return ReminderPlan(lines, planned, notes)
