"""The late-payment claim: interest and fixed compensation on an invoice paid in full, but late."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import InputError, Refusal
from ..law.calendar import business_days_after
from ..law.charges import LateClaim, late_claim
from ..law.ledger import find_invoice, invoice_state, invoice_states
from ..project.model import Project
from .reminders import ReminderRow, legal_sources, work_left

CLAIM_BUSINESS_DAYS = 10
"""A late-payment claim asks for payment within this many business days."""


def claims(project: Project, as_of: dt.date) -> list[LateClaim]:
    """Every claim not yet sent on `as_of`: invoices paid in full after their due date."""
    found = []
    for state in invoice_states(project, as_of):
        claimed = state.invoice.claimed_on
        if claimed is not None and claimed <= as_of:
            continue
        claim = late_claim(project, state)
        if claim is not None:
            found.append(claim)
    return found


def claim_for(project: Project, as_of: dt.date, number: str) -> LateClaim:
    """The claim on invoice `number`; exit code 2 saying why when there is none to send."""
    index = find_invoice(project, number)
    if index is None:
        known = ", ".join(invoice.number for invoice in project.invoices) or "none"
        raise InputError(f"no invoice {number!r} in the project; known: {known}")
    state = invoice_state(project, index, as_of)
    claimed = state.invoice.claimed_on
    if claimed is not None and claimed <= as_of:
        raise Refusal(
            f"invoice {number}: a late-payment claim was sent on {claimed} (claimed_on); it is"
            " claimed once, and nothing was written"
        )
    if state.outstanding > 0:
        raise InputError(
            f"invoice {number} is not paid in full on {as_of}: send a reminder (nudge), which"
            " charges the interest itself"
        )
    claim = late_claim(project, state)
    if claim is None:
        reason = (
            "it was paid on time"
            if not state.payments or state.payments[-1][0] <= state.due
            else "the terms add no interest and the law no fixed compensation"
        )
        raise InputError(f"invoice {number}: nothing to claim: {reason}")
    return claim


def late_claim_context(project: Project, as_of: dt.date, *, invoice: str) -> dict[str, Any]:
    """What the claim says: the invoice, when it was due and paid, the interest for the days it
    was late and the fixed compensation, and a date to pay them by. The keys are those of a
    reminder (reminders.reminder_context), so the letter shares the reminders' frame."""
    claim = claim_for(project, as_of, invoice)
    row = ReminderRow(claim.state, claim.charges)
    where = (project.jurisdiction, project.region)
    pay_by = business_days_after(as_of, CLAIM_BUSINESS_DAYS, *where)
    return {
        "tone": "claim",
        "claim": claim,
        "invoice": claim.state.invoice,
        "primary": row,
        "rows": [row],
        "total_due": claim.total,
        "pay_by": pay_by,
        "final_deadline": pay_by,
        "final_business_days": CLAIM_BUSINESS_DAYS,
        "pay_by_business_days": CLAIM_BUSINESS_DAYS,
        "bank": project.provider.bank,
        "notes": list(claim.charges.notes),
        "legal_sources": legal_sources(project, [row]),
        "references": claim.state.invoice.number,
        "numbers": [claim.state.invoice.number],
        "earlier": (),
        "count": 1,
        "payments": claim.state.payments,
        "window_passed": False,
        "reminded": False,
        "first_notice": False,
        "other_overdue": [],
        "mentioned_compensation": 0,
        "mentioned_fee": 0,
        "work_left": work_left(project),
        "undelivered": [],
    }
